//! Dates the officer has to keep: the waits with a due day and the deadlines the procedure sets
//! in working or calendar days, which of them are overdue; the steps to act on next; and what a
//! different variant choice would change.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::eval::applies_all;
use super::state::{Run, StepState, Value};
use crate::calendar::{Counted, WorkCalendar, add_calendar_days, add_working_days};
use crate::i18n::Msg;
use crate::procedure::Procedure;
use crate::procedure::model::Deadline;

/// Where a due date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueKind {
    /// The officer marked the step as waiting for an outside party until this day.
    Wait,
    /// The procedure's `deadline`, counted from the step it names (or from the start of the step
    /// itself).
    Deadline,
}

/// One date to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The step's index in the procedure.
    pub step: usize,
    pub kind: DueKind,
    pub date: Date,
    /// The date depends on a production calendar not yet published (see [`crate::calendar`]).
    pub forecast: bool,
    /// The day the step was done, if it is.
    pub done: Option<Date>,
}

impl Due {
    /// Not done and the day has passed.
    pub fn overdue(&self, today: Date) -> bool {
        self.done.is_none() && today > self.date
    }

    /// Done, but after the day.
    pub fn missed(&self) -> bool {
        self.done.is_some_and(|done| done > self.date)
    }
}

/// Every due date of the run's applicable steps, soonest first: waits with a due day, and the
/// procedure's deadlines once the day they count from is known. `tz` turns the recorded moments
/// into the officer's days.
pub fn due_dates(
    procedure: &Procedure,
    run: &Run,
    calendar: &impl WorkCalendar,
    tz: &TimeZone,
) -> Vec<Due> {
    due_dates_given(procedure, run, &applies_all(procedure, run), calendar, tz)
}

/// [`due_dates`] when whether each step applies (from [`applies_all`]) is known already.
fn due_dates_given(
    procedure: &Procedure,
    run: &Run,
    applies: &[Option<bool>],
    calendar: &impl WorkCalendar,
    tz: &TimeZone,
) -> Vec<Due> {
    let mut out = Vec::new();
    for (index, step) in procedure.steps().iter().enumerate() {
        if applies[index] == Some(false) {
            continue;
        }
        let state = run.steps.get(&step.id);
        let done = match state {
            Some(done @ StepState::Done { .. }) => Some(done.day(tz)),
            _ => None,
        };
        // A wait's due day, kept after the step is done.
        if let Some(
            StepState::Waiting {
                due: Some(date), ..
            }
            | StepState::Done {
                due: Some(date), ..
            },
        ) = state
        {
            out.push(Due {
                step: index,
                kind: DueKind::Wait,
                date: *date,
                forecast: false,
                done,
            });
        }
        let Some(counted) = deadline_day(procedure, run, index, calendar, tz) else {
            continue;
        };
        out.push(Due {
            step: index,
            kind: DueKind::Deadline,
            date: counted.date,
            forecast: counted.forecast,
            done,
        });
    }
    out.sort_by_key(|due| (due.date, due.step));
    out
}

/// The day the step's deadline counts from, once it is known: the day the step it names was
/// done, the date in the field it names, or the day the step itself was begun.
pub fn deadline_start(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    tz: &TimeZone,
) -> Option<Date> {
    let step = &procedure.steps()[index];
    let deadline = step.deadline.as_ref()?;
    if let Some(field) = &deadline.from_field {
        return match run.values.get(field) {
            Some(Value::Text(text)) => crate::validate::parse_date(text).ok(),
            _ => None,
        };
    }
    match &deadline.from {
        Some(from) => match run.steps.get(from) {
            Some(done @ StepState::Done { .. }) => Some(done.day(tz)),
            _ => None,
        },
        None => match run.steps.get(&step.id) {
            Some(state @ (StepState::InProgress { .. } | StepState::Waiting { .. })) => {
                Some(state.day(tz))
            }
            // Done: begun when the journal's entry that marked it done says it was; done
            // without having been begun, the deadline cannot be judged.
            Some(done @ StepState::Done { .. }) => started_before(run, &step.id, done, tz),
            None => None,
        },
    }
}

/// The day a step that is now `done` was begun: the state the journal's entry that made it
/// done replaced, if the step was in progress or waiting then.
fn started_before(run: &Run, step: &str, done: &StepState, tz: &TimeZone) -> Option<Date> {
    let what = super::journal::What::Step(step.to_owned());
    let entry = (run.journal.iter().rev()).find(|e| {
        e.what == what && matches!(&e.new, Some(super::state::Recorded::Step(s)) if s == done)
    })?;
    match &entry.old {
        Some(super::state::Recorded::Step(
            begun @ (StepState::InProgress { .. } | StepState::Waiting { .. }),
        )) => Some(begun.day(tz)),
        _ => None,
    }
}

/// The day the step's deadline falls on, once the day it counts from is known.
pub fn deadline_day(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    calendar: &impl WorkCalendar,
    tz: &TimeZone,
) -> Option<Counted> {
    let deadline = procedure.steps()[index].deadline.as_ref()?;
    count(
        deadline,
        deadline_start(procedure, run, index, tz)?,
        calendar,
    )
}

/// The day a wait on the step at `index`, begun on the day `begun`, is due: the step's deadline
/// counted from the date in the field it names, from the day the step it names was done, or from
/// `begun` when it names neither or that step is not done; none when the procedure sets no
/// deadline. [`Counted::forecast`] says that the day rests on a production calendar not yet
/// published.
pub fn wait_due(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    begun: Date,
    calendar: &impl WorkCalendar,
    tz: &TimeZone,
) -> Option<Counted> {
    let deadline = procedure.steps()[index].deadline.as_ref()?;
    let from = match (&deadline.from_field, &deadline.from) {
        (Some(_), _) => deadline_start(procedure, run, index, tz).unwrap_or(begun),
        (None, Some(from)) => match run.steps.get(from) {
            Some(done @ StepState::Done { .. }) => done.day(tz),
            _ => begun,
        },
        (None, None) => begun,
    };
    count(deadline, from, calendar)
}

/// The day `deadline` falls on when counted from `start`: in working days on `calendar`, or
/// in calendar days.
fn count(deadline: &Deadline, start: Date, calendar: &impl WorkCalendar) -> Option<Counted> {
    match (deadline.working_days, deadline.calendar_days) {
        (Some(days), _) => Some(add_working_days(calendar, start, days)),
        (None, Some(days)) => Some(add_calendar_days(start, days)),
        (None, None) => None,
    }
}

/// The rule of the step's deadline in words: «3 рабочих дня после шага 1», «10 календарных дней
/// с даты «Дата приёма»», «5 рабочих дней с начала шага».
pub fn deadline_rule(procedure: &Procedure, index: usize) -> Option<Msg> {
    let deadline = procedure.steps()[index].deadline.as_ref()?;
    let days = match (deadline.working_days, deadline.calendar_days) {
        (Some(days), _) => Msg::new("deadline-working").arg("count", days),
        (None, Some(days)) => Msg::new("deadline-calendar").arg("count", days),
        (None, None) => return None,
    };
    let field_label = |id: &str| {
        procedure
            .field(id)
            .and_then(|f| f.label.as_deref())
            .map_or_else(
                || id.to_owned(),
                |l| crate::text::sanitize_line(l).into_owned(),
            )
    };
    Some(match (&deadline.from_field, &deadline.from) {
        (Some(field), _) => Msg::new("deadline-rule-field")
            .arg("days", days)
            .arg("label", field_label(field)),
        (None, Some(from)) => Msg::new("deadline-rule-step")
            .arg("days", days)
            .arg("number", procedure.step_index(from).map_or(0, |i| i + 1)),
        (None, None) => Msg::new("deadline-rule-own").arg("days", days),
    })
}

/// The step's deadline as the officer reads it: «до 14.01.2026 (3 рабочих дня после шага 1)»,
/// or the rule and that the day is not known yet. `date` writes a day the way the caller shows
/// them.
pub fn deadline_words(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    calendar: &impl WorkCalendar,
    tz: &TimeZone,
    date: impl Fn(Date) -> String,
) -> Option<Msg> {
    let rule = deadline_rule(procedure, index)?;
    Some(match deadline_day(procedure, run, index, calendar, tz) {
        Some(counted) => Msg::new(if counted.forecast {
            "deadline-by-forecast"
        } else {
            "deadline-by"
        })
        .arg("date", date(counted.date))
        .arg("rule", rule),
        None => Msg::new("deadline-pending").arg("rule", rule),
    })
}

/// A run in one line: progress, the next step to act on, the earliest due date of a step not
/// yet done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub done: usize,
    pub all: usize,
    /// The step index to act on next.
    pub next: Option<usize>,
    pub due: Option<Due>,
}

/// See [`Summary`].
pub fn summary(
    procedure: &Procedure,
    run: &Run,
    calendar: &impl WorkCalendar,
    tz: &TimeZone,
) -> Summary {
    let facts = super::view::StepFacts::of(procedure, run);
    let (done, all) = facts.progress();
    Summary {
        done,
        all,
        next: actionable_given(procedure, run, &facts.applies, &facts.blocked(procedure))
            .first()
            .copied(),
        due: due_dates_given(procedure, run, &facts.applies, calendar, tz)
            .into_iter()
            .find(|due| due.done.is_none()),
    }
}

/// The steps the officer can act on now: those in progress first, then those ready to start, in
/// the procedure's order.
pub fn actionable(procedure: &Procedure, run: &Run) -> Vec<usize> {
    let facts = super::view::StepFacts::of(procedure, run);
    actionable_given(procedure, run, &facts.applies, &facts.blocked(procedure))
}

/// [`actionable`] when whether each step applies and whether it is blocked (from
/// [`super::view::StepFacts`]) are known already.
pub fn actionable_given(
    procedure: &Procedure,
    run: &Run,
    applies: &[Option<bool>],
    blocked: &[bool],
) -> Vec<usize> {
    let mut in_progress = Vec::new();
    let mut ready = Vec::new();
    for (index, step) in procedure.steps().iter().enumerate() {
        match run.steps.get(&step.id) {
            Some(StepState::InProgress { .. }) if applies[index] != Some(false) => {
                in_progress.push(index);
            }
            None if !blocked[index] && applies[index] == Some(true) => ready.push(index),
            _ => {}
        }
    }
    in_progress.extend(ready);
    in_progress
}

/// What choosing `option` for `choice` would change: steps that would start to apply and steps
/// that would stop applying (skipped), compared with the run as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChoiceImpact {
    pub applies: Vec<usize>,
    pub skipped: Vec<usize>,
    /// Of the steps that would stop applying, those already done: work the change sets aside
    /// (it comes back if the choice is changed back).
    pub done_skipped: Vec<usize>,
    /// Done steps that would still apply but be left incomplete: the fields that would become
    /// required, or otherwise wrong, by id.
    pub incomplete: Vec<(usize, Vec<String>)>,
}

/// See [`ChoiceImpact`]. Steps whose applicability stays undecided are in neither list.
pub fn choice_impact(procedure: &Procedure, run: &Run, choice: &str, option: &str) -> ChoiceImpact {
    let mut after = run.clone();
    after.choices.insert(choice.to_owned(), option.to_owned());
    let mut out = ChoiceImpact::default();
    let before = applies_all(procedure, run);
    let after = applies_all(procedure, &after);
    for (index, (before, now)) in before.into_iter().zip(after).enumerate() {
        match (before == now, now) {
            (false, Some(true)) => out.applies.push(index),
            (false, Some(false)) => out.skipped.push(index),
            _ => {}
        }
    }
    let mut changed = run.clone();
    changed.choices.insert(choice.to_owned(), option.to_owned());
    let steps = procedure.steps();
    out.done_skipped = (out.skipped.iter().copied())
        .filter(|i| run.is_done(&steps[*i].id))
        .collect();
    out.incomplete = (0..steps.len())
        .filter(|i| run.is_done(&steps[*i].id) && !out.skipped.contains(i))
        .filter(|i| super::command::form_problems(procedure, run, *i).is_empty())
        .filter_map(|i| {
            let fields: Vec<String> = super::command::form_problems(procedure, &changed, i)
                .into_iter()
                .map(|(field, _)| field)
                .collect();
            (!fields.is_empty()).then_some((i, fields))
        })
        .collect();
    out
}

#[cfg(test)]
mod tests;
