//! What the officer sees of a run, derived from the procedure and the recorded facts: each
//! step's status, what blocks it and why, and overall progress.

use jiff::civil::Date;

use crate::i18n::Msg;
use crate::procedure::model::Order;
use crate::procedure::{Procedure, Step};

use super::eval::{applies_all, step_applies};
use super::state::{Run, StepState, Value};

/// The status of a step as shown to the officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Done,
    /// Does not apply under the choices made.
    Skipped,
    /// Applies or not depending on a choice or value not given yet.
    Undecided,
    /// Cannot start: these steps must be done first.
    Blocked {
        by: Vec<String>,
        reason: Option<String>,
    },
    InProgress,
    Waiting {
        due: Option<Date>,
    },
    /// May start now.
    Ready,
}

/// A status as a word for machines (the JSON report, `status --json`), written in snake case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusCode {
    Done,
    PassedOver,
    Skipped,
    Undecided,
    Blocked,
    InProgress,
    Waiting,
    Ready,
    /// A control event reached.
    Reached,
}

impl StatusCode {
    /// The code of the step at `index` with status `status`: a reached control event is
    /// `reached`, a step passed over `passed_over`.
    pub fn of(procedure: &Procedure, run: &Run, index: usize, status: &Status) -> StatusCode {
        let step = &procedure.steps()[index];
        let passed_over = matches!(
            run.steps.get(&step.id),
            Some(StepState::Done {
                passed_over: true,
                ..
            })
        );
        match status.code(passed_over) {
            StatusCode::Done if step.kind == crate::procedure::model::StepKind::Milestone => {
                StatusCode::Reached
            }
            code => code,
        }
    }
}

impl Status {
    /// Its [`StatusCode`]; `passed_over` tells a step passed over from one done.
    pub fn code(&self, passed_over: bool) -> StatusCode {
        match self {
            Status::Done if passed_over => StatusCode::PassedOver,
            Status::Done => StatusCode::Done,
            Status::Skipped => StatusCode::Skipped,
            Status::Undecided => StatusCode::Undecided,
            Status::Blocked { .. } => StatusCode::Blocked,
            Status::InProgress => StatusCode::InProgress,
            Status::Waiting { .. } => StatusCode::Waiting,
            Status::Ready => StatusCode::Ready,
        }
    }
}

/// The status of the step at `index`.
pub fn status(procedure: &Procedure, run: &Run, index: usize) -> Status {
    status_with(procedure, run, index, || blocked(procedure, run, index))
}

/// The status of the step at `index` when whether it is blocked is known already (from
/// [`StepFacts::blocked`]): what a long list needs to draw its marks. A blocked step comes back as
/// `Blocked` without the list of blockers; [`status`] gives them.
pub fn status_given(procedure: &Procedure, run: &Run, index: usize, is_blocked: bool) -> Status {
    status_with(procedure, run, index, || {
        is_blocked.then(|| (Vec::new(), None))
    })
}

/// The status, asking `blocked` only for a step that applies and has not been begun.
fn status_with(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    blocked: impl FnOnce() -> Option<(Vec<String>, Option<String>)>,
) -> Status {
    let step = &procedure.steps()[index];
    match step_applies(procedure, run, step) {
        Some(false) => return Status::Skipped,
        None if !run.steps.contains_key(&step.id) => return Status::Undecided,
        _ => {}
    }
    match run.steps.get(&step.id) {
        Some(StepState::Done { .. }) => Status::Done,
        Some(StepState::Waiting { due, .. }) => Status::Waiting { due: *due },
        Some(StepState::InProgress { .. }) => Status::InProgress,
        None => match blocked() {
            Some((by, reason)) => Status::Blocked { by, reason },
            None => Status::Ready,
        },
    }
}

/// The status in words, as the officer reads it beside a step's mark. `date` writes a day the
/// way the caller shows them; `tz` is the officer's time zone, for a step recorded without a
/// day of its own. A blocked step names the nearest
/// step in its way and counts the rest (often every step of the sections before); the
/// procedure's reason is left to the caller.
pub fn status_msg(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    status: &Status,
    tz: &jiff::tz::TimeZone,
    today: Date,
    date: impl Fn(Date) -> String,
) -> Msg {
    let step = &procedure.steps()[index];
    let milestone = step.kind == crate::procedure::model::StepKind::Milestone;
    match status {
        Status::Done if milestone => match run.steps.get(&step.id) {
            Some(state) => Msg::new("status-reached").arg("date", date(state.day(tz))),
            None => Msg::new("status-done-undated"),
        },
        Status::Done => match run.steps.get(&step.id) {
            Some(
                state @ StepState::Done {
                    passed_over: true, ..
                },
            ) => Msg::new("status-passed-over").arg("date", date(state.day(tz))),
            Some(state @ StepState::Done { .. }) => {
                // The day it was done, and the due day it came after, if it did: the report,
                // `status` and the wizard all say a missed deadline.
                let done = state.day(tz);
                let day: crate::i18n::Arg = match missed_due(procedure, run, index, state, tz) {
                    Some(due) => Msg::new("status-date-late")
                        .arg("date", date(done))
                        .arg("due", date(due))
                        .into(),
                    None => date(done).into(),
                };
                // Done, but a change since (a variant, an edition) left it incomplete.
                let problems = super::command::form_problems(procedure, run, index);
                if problems.is_empty() {
                    Msg::new("status-done").arg("date", day)
                } else {
                    let labels: Vec<String> = (problems.iter())
                        .map(|(id, _)| {
                            procedure
                                .field(id)
                                .and_then(|f| f.label.as_deref())
                                .map_or_else(
                                    || id.clone(),
                                    |l| crate::text::sanitize_line(l).into_owned(),
                                )
                        })
                        .collect();
                    Msg::new("status-done-incomplete")
                        .arg("date", day)
                        .arg("fields", labels.join(", "))
                }
            }
            _ => Msg::new("status-done-undated"),
        },
        // Skipped, but what the officer recorded on it is kept: it shows again once the
        // variant that made it apply is chosen again.
        Status::Skipped => match run.steps.get(&step.id) {
            Some(state) => {
                let was = match state {
                    StepState::Done { .. } if milestone => "reached",
                    StepState::Done { .. } => "done",
                    StepState::InProgress { .. } | StepState::Waiting { .. } => "begun",
                };
                Msg::new("status-skipped-kept")
                    .arg("was", was)
                    .arg("date", date(state.day(tz)))
            }
            None => Msg::new("status-skipped"),
        },
        Status::Undecided => Msg::new("status-undecided"),
        Status::Blocked { by, .. } => {
            let first = by.first().map_or("", |id| {
                procedure.step(id).map_or(id.as_str(), |s| s.title.as_str())
            });
            Msg::new(if milestone {
                "status-milestone-pending"
            } else {
                "status-blocked"
            })
            .arg("by", crate::text::sanitize_line(first).into_owned())
            .arg("more", by.len().saturating_sub(1))
        }
        // Since when the step is begun or waits, as recorded.
        Status::InProgress => match run.steps.get(&step.id) {
            Some(state) => Msg::new("status-in-progress-since").arg("since", date(state.day(tz))),
            None => Msg::new("status-in-progress"),
        },
        Status::Waiting { due } => {
            let since = run.steps.get(&step.id).map(|state| date(state.day(tz)));
            // A wait without a day of its own is due when the procedure's deadline falls.
            let due = due.or_else(|| deadline_date(procedure, run, index, tz));
            match (since, &due) {
                // A wait past its due day says so wherever it is read: the wizard, plain mode,
                // `status` and the reports.
                (since, Some(due)) => {
                    let until: crate::i18n::Arg = if *due < today {
                        Msg::new("runs-overdue").arg("date", date(*due)).into()
                    } else {
                        date(*due).into()
                    };
                    match since {
                        Some(since) => Msg::new("status-waiting-since-until")
                            .arg("since", since)
                            .arg("date", until),
                        None => Msg::new("status-waiting-until").arg("date", until),
                    }
                }
                (Some(since), None) => Msg::new("status-waiting-since").arg("since", since),
                (None, None) => Msg::new("status-waiting"),
            }
        }
        Status::Ready => Msg::new("status-ready"),
    }
}

/// The earliest due day of the done step at `index` that it was done after: the day its wait
/// was due or the procedure's deadline (counted on the production calendar, as the reports do).
fn missed_due(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    done: &StepState,
    tz: &jiff::tz::TimeZone,
) -> Option<Date> {
    let day = done.day(tz);
    let wait = match done {
        StepState::Done { due, .. } => *due,
        _ => None,
    };
    let deadline = deadline_date(procedure, run, index, tz);
    [wait, deadline]
        .into_iter()
        .flatten()
        .filter(|due| day > *due)
        .min()
}

/// The day the step's deadline falls on, counted on the production calendar, once known.
pub fn deadline_date(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    tz: &jiff::tz::TimeZone,
) -> Option<Date> {
    let calendar = &crate::calendar::ProductionCalendar;
    super::schedule::deadline_day(procedure, run, index, calendar, tz).map(|counted| counted.date)
}

/// A decision step's question (its choice's title) and the option chosen so far, if any.
pub fn decision<'p>(
    procedure: &'p Procedure,
    run: &Run,
    index: usize,
) -> Option<(&'p str, Option<&'p str>)> {
    let id = procedure.steps()[index].decides.as_deref()?;
    let choice = procedure.file().choices.iter().find(|c| c.id == id)?;
    let chosen = run.choices.get(id);
    let option = choice.options.iter().find(|o| Some(&o.id) == chosen);
    Some((choice.title.as_str(), option.map(|o| o.title.as_str())))
}

/// What holds up the step at `index`, with the procedure's reason when an explicit `requires`
/// is among it; `None` when nothing does.
pub fn blocked(
    procedure: &Procedure,
    run: &Run,
    index: usize,
) -> Option<(Vec<String>, Option<String>)> {
    let by = blockers(procedure, run, index);
    if by.is_empty() {
        return None;
    }
    let step = &procedure.steps()[index];
    // Each explicit requirement still to do gives its own reason, or the step's common one;
    // each reason is said once, in the order of `requires`.
    let mut reasons: Vec<&str> = Vec::new();
    for required in by.iter().filter(|b| step.requires.contains(b)) {
        let own = step.requires_reasons.get(required.as_str());
        if let Some(reason) = own.or(step.requires_reason.as_ref())
            && !reasons.contains(&reason.as_str())
        {
            reasons.push(reason);
        }
    }
    let reason = (!reasons.is_empty()).then(|| reasons.join(" "));
    Some((by, reason))
}

/// Whether a step no longer holds up the steps after it: done, or skipped, or optional.
fn out_of_the_way(procedure: &Procedure, run: &Run, step: &Step) -> bool {
    run.is_done(&step.id) || step.optional || step_applies(procedure, run, step) == Some(false)
}

/// The steps that must be done before the step at `index` may start, explicit `requires` first,
/// then the order of its section and of the sections before it.
pub fn blockers<'p>(procedure: &'p Procedure, run: &Run, index: usize) -> Vec<String> {
    let steps = procedure.steps();
    let step = &steps[index];
    let mut by: Vec<String> = step
        .requires
        .iter()
        .filter(|id| {
            procedure
                .step(id)
                .is_some_and(|s| !out_of_the_way(procedure, run, s))
        })
        .cloned()
        .collect();
    let mut seen: std::collections::HashSet<&str> =
        step.requires.iter().map(String::as_str).collect();
    let mut push = |id: &'p str| {
        if seen.insert(id) {
            by.push(id.to_owned());
        }
    };
    let Some(section_index) = procedure.section_index(&step.section) else {
        return by;
    };
    // Only the steps of this section and of those before it are looked at, so that the step
    // at the top of a long procedure costs little.
    if procedure.sections()[section_index].step_order == Order::Sequence {
        let members = procedure.step_indices_in(section_index);
        let before = members.partition_point(|&i| i < index);
        // The nearest earlier step of the section that still stands in the way.
        if let Some(previous) = members[..before]
            .iter()
            .rev()
            .map(|&i| &steps[i])
            .find(|s| step_applies(procedure, run, s) != Some(false) && !s.optional)
            && !run.is_done(&previous.id)
        {
            push(&previous.id);
        }
    }
    if procedure.file().procedure.section_order == Order::Sequence {
        // The steps in the way in the (not optional) sections before this one, in file order.
        let mut earlier: Vec<usize> = procedure.sections()[..section_index]
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.optional)
            .flat_map(|(i, _)| procedure.step_indices_in(i))
            .copied()
            .filter(|&i| !out_of_the_way(procedure, run, &steps[i]))
            .collect();
        earlier.sort_unstable();
        for i in earlier {
            push(&steps[i].id);
        }
    }
    by
}

/// What the views of the whole run need to know of every step, worked out in one pass over
/// the procedure: whether it applies ([`step_applies`]) and whether it is done. A procedure of
/// thousands of steps costs a few lookups per step, no more.
#[derive(Debug, Clone, PartialEq)]
pub struct StepFacts {
    pub applies: Vec<Option<bool>>,
    pub done: Vec<bool>,
    /// What `applies` was worked out from: the choices made and the values of the fields the
    /// conditions read.
    inputs: ConditionInputs,
}

/// See [`StepFacts::inputs`].
#[derive(Debug, Clone, PartialEq)]
struct ConditionInputs {
    choices: std::collections::BTreeMap<String, String>,
    fields: Vec<Option<Value>>,
}

impl ConditionInputs {
    fn of(procedure: &Procedure, run: &Run) -> ConditionInputs {
        ConditionInputs {
            choices: run.choices.clone(),
            fields: (procedure.links().condition_fields.iter())
                .map(|field| run.values.get(field).cloned())
                .collect(),
        }
    }
}

impl StepFacts {
    pub fn of(procedure: &Procedure, run: &Run) -> StepFacts {
        StepFacts {
            applies: applies_all(procedure, run),
            done: done_flags(procedure, run),
            inputs: ConditionInputs::of(procedure, run),
        }
    }

    /// The facts again after the run changed. Whether each step applies is worked out again
    /// only if a choice or a field that a condition reads changed: marking a step done, the
    /// most frequent change, leaves it as it was.
    pub fn refresh(&mut self, procedure: &Procedure, run: &Run) {
        let inputs = ConditionInputs::of(procedure, run);
        if inputs != self.inputs || self.applies.len() != procedure.steps().len() {
            self.applies = applies_all(procedure, run);
            self.inputs = inputs;
        }
        self.done = done_flags(procedure, run);
    }

    /// Whether each step is blocked: what [`blockers`] says step by step (non-empty), without
    /// listing the blockers.
    pub fn blocked(&self, procedure: &Procedure) -> Vec<bool> {
        let links = procedure.links();
        let (applies, done) = (&self.applies, &self.done);
        let out: Vec<bool> = (0..done.len())
            .map(|i| done[i] || links.optional[i] || applies[i] == Some(false))
            .collect();
        let by_sequence_of_sections = procedure.file().procedure.section_order == Order::Sequence;
        // The first (non-optional) section with a step in the way.
        let first_open = procedure.sections().iter().enumerate().position(|(i, s)| {
            !s.optional && procedure.step_indices_in(i).iter().any(|&step| !out[step])
        });
        let mut flags = vec![false; done.len()];
        for (here, section) in procedure.sections().iter().enumerate() {
            // The nearest earlier step of the section that counts (applies, not optional).
            let mut last_counting: Option<usize> = None;
            for &index in procedure.step_indices_in(here) {
                let explicit = links.requires[index].iter().any(|&i| !out[i]);
                let in_section = section.step_order == Order::Sequence
                    && last_counting.is_some_and(|i| !done[i]);
                let by_section =
                    by_sequence_of_sections && first_open.is_some_and(|open| open < here);
                flags[index] = explicit || in_section || by_section;
                if applies[index] != Some(false) && !links.optional[index] {
                    last_counting = Some(index);
                }
            }
        }
        flags
    }

    /// Done steps and applicable steps (done, or still to do), for a progress gauge.
    pub fn progress(&self) -> (usize, usize) {
        let applicable = self.applies.iter().filter(|a| **a != Some(false));
        let done = self
            .applies
            .iter()
            .zip(&self.done)
            .filter(|(applies, done)| **applies != Some(false) && **done)
            .count();
        (done, applicable.count())
    }
}

/// Whether each step is done, by index.
fn done_flags(procedure: &Procedure, run: &Run) -> Vec<bool> {
    let mut done = vec![false; procedure.steps().len()];
    for (id, state) in &run.steps {
        if let (StepState::Done { .. }, Some(index)) = (state, procedure.step_index(id)) {
            done[index] = true;
        }
    }
    done
}

/// Done steps and applicable steps ([`StepFacts::progress`]).
pub fn progress(procedure: &Procedure, run: &Run) -> (usize, usize) {
    StepFacts::of(procedure, run).progress()
}

#[cfg(test)]
mod tests;
