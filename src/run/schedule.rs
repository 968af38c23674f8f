//! Dates the officer has to keep: the waits with a due day and the deadlines the procedure sets
//! in working or calendar days, which of them are overdue; the steps to act on next; and what a
//! different variant choice would change.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::eval::applies_all;
use super::state::{Run, StepState};
use crate::calendar::{Counted, WorkCalendar, add_calendar_days, add_working_days};
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
    let day = |at: Timestamp| at.to_zoned(tz.clone()).date();
    let mut out = Vec::new();
    for (index, step) in procedure.steps().iter().enumerate() {
        if applies[index] == Some(false) {
            continue;
        }
        let state = run.steps.get(&step.id);
        let done = match state {
            Some(StepState::Done { at, .. }) => Some(day(*at)),
            _ => None,
        };
        if let Some(StepState::Waiting {
            due: Some(date), ..
        }) = state
        {
            out.push(Due {
                step: index,
                kind: DueKind::Wait,
                date: *date,
                forecast: false,
                done: None,
            });
        }
        let Some(deadline) = &step.deadline else {
            continue;
        };
        let start = match &deadline.from {
            Some(from) => match run.steps.get(from) {
                Some(StepState::Done { at, .. }) => Some(day(*at)),
                _ => None,
            },
            None => match state {
                Some(StepState::InProgress { since } | StepState::Waiting { since, .. }) => {
                    Some(day(*since))
                }
                // Done without a recorded start: the deadline cannot be judged.
                _ => None,
            },
        };
        let Some(counted) = start.and_then(|start| count(deadline, start, calendar)) else {
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

/// The day `deadline` falls on when counted from `start`: in working days on `calendar`, or
/// in calendar days.
fn count(deadline: &Deadline, start: Date, calendar: &impl WorkCalendar) -> Option<Counted> {
    match (deadline.working_days, deadline.calendar_days) {
        (Some(days), _) => Some(add_working_days(calendar, start, days)),
        (None, Some(days)) => Some(add_calendar_days(start, days)),
        (None, None) => None,
    }
}

/// The day a wait on the step at `index`, begun at `now`, is due: the step's deadline counted
/// from the day the step it names was done, or from today when it names none or that step is
/// not done; none when the procedure sets no deadline. [`Counted::forecast`] says that the day
/// rests on a production calendar not yet published.
pub fn wait_due(
    procedure: &Procedure,
    run: &Run,
    index: usize,
    now: Timestamp,
    calendar: &impl WorkCalendar,
    tz: &TimeZone,
) -> Option<Counted> {
    let deadline = procedure.steps()[index].deadline.as_ref()?;
    let from = match deadline.from.as_ref().and_then(|from| run.steps.get(from)) {
        Some(StepState::Done { at, .. }) => *at,
        _ => now,
    };
    count(deadline, from.to_zoned(tz.clone()).date(), calendar)
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ProductionCalendar;
    use crate::procedure::load;

    fn bundled(name: &str) -> Procedure {
        let path = format!("{}/procedures/{name}.toml", env!("CARGO_MANIFEST_DIR"));
        load(&std::fs::read(path).expect("bundled procedure"))
            .result
            .expect("valid")
    }

    fn at(text: &str) -> Timestamp {
        text.parse().expect("a timestamp")
    }

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn twenty_working_days_from_the_additional_agreement_skip_the_new_year_holidays() {
        let p = bundled("rsmev-connection");
        let step = p
            .steps()
            .iter()
            .find(|s| {
                s.deadline
                    .as_ref()
                    .is_some_and(|d| d.from.as_deref() == Some("additional-agreement"))
            })
            .expect("a step with the 20-day deadline");
        let mut run = Run::new(&p, "x", at("2025-12-01T09:00:00Z"));
        assert!(due_dates(&p, &run, &ProductionCalendar, &TimeZone::UTC).is_empty());
        run.steps.insert(
            "additional-agreement".into(),
            StepState::Done {
                at: at("2025-12-24T09:00:00Z"),
                passed_over: false,
            },
        );
        let dues = due_dates(&p, &run, &ProductionCalendar, &TimeZone::UTC);
        let due = dues
            .iter()
            .find(|d| p.steps()[d.step].id == step.id)
            .expect("the deadline is known once the agreement is done");
        // Working days after 24.12.2025: 25, 26, 29, 30 December (4); 31 December and
        // 1–11 January are days off; 12–16 January (9), 19–23 (14), 26–30 (19), 2 February (20).
        assert_eq!(due.date, date("2026-02-02"));
        assert!(!due.forecast);
        assert!(due.overdue(date("2026-02-03")));
        assert!(!due.overdue(date("2026-02-02")));
    }

    /// A wait begun on the step with the deadline is due on the day the deadline falls on,
    /// counted on the production calendar; a count into a year whose calendar is not out yet
    /// says so.
    #[test]
    fn a_wait_is_due_when_the_deadline_falls_and_says_when_that_is_a_forecast() {
        let p = bundled("rsmev-connection");
        let index = (p.steps().iter())
            .position(|s| {
                s.deadline
                    .as_ref()
                    .is_some_and(|d| d.from.as_deref() == Some("additional-agreement"))
            })
            .expect("a step with the 20-day deadline");
        let mut run = Run::new(&p, "x", at("2025-12-01T09:00:00Z"));
        let utc = &TimeZone::UTC;
        // The agreement not done yet: counted from today.
        let due = wait_due(
            &p,
            &run,
            index,
            at("2025-12-24T09:00:00Z"),
            &ProductionCalendar,
            utc,
        )
        .expect("a deadline");
        assert_eq!(due.date, date("2026-02-02"));
        assert!(!due.forecast);
        run.steps.insert(
            "additional-agreement".into(),
            StepState::Done {
                at: at("2027-12-20T09:00:00Z"),
                passed_over: false,
            },
        );
        let due = wait_due(
            &p,
            &run,
            index,
            at("2027-12-24T09:00:00Z"),
            &ProductionCalendar,
            utc,
        )
        .expect("a deadline");
        let deadline = due_dates(&p, &run, &ProductionCalendar, utc);
        let deadline = deadline
            .iter()
            .find(|d| d.step == index)
            .expect("the deadline");
        assert_eq!((due.date, due.forecast), (deadline.date, deadline.forecast));
        assert!(due.forecast, "2028 has no official calendar in the data");
        let no_deadline = (p.steps().iter())
            .position(|s| s.deadline.is_none())
            .expect("a step");
        assert_eq!(
            wait_due(
                &p,
                &run,
                no_deadline,
                at("2027-12-24T09:00:00Z"),
                &ProductionCalendar,
                utc
            ),
            None
        );
    }

    #[test]
    fn a_wait_with_a_due_day_is_listed_and_overdue_after_it() {
        let p = bundled("qualified-signature");
        let mut run = Run::new(&p, "x", at("2026-11-02T09:00:00Z"));
        let index = 0;
        let id = p.steps()[index].id.clone();
        run.steps.insert(
            id,
            StepState::Waiting {
                since: at("2026-11-02T09:00:00Z"),
                due: Some(date("2026-11-10")),
            },
        );
        let next = summary(&p, &run, &ProductionCalendar, &TimeZone::UTC)
            .due
            .expect("a due date");
        assert_eq!((next.step, next.kind), (index, DueKind::Wait));
        assert!(next.overdue(date("2026-11-11")));
    }

    #[test]
    fn choosing_a_branch_shows_which_steps_start_and_stop_applying() {
        let p = bundled("antivirus-licenses");
        let run = Run::new(&p, "x", at("2026-11-02T09:00:00Z"));
        let impact = choice_impact(&p, &run, "variant", "v4");
        let ids = |list: &[usize]| -> Vec<String> {
            list.iter().map(|i| p.steps()[*i].id.clone()).collect()
        };
        let applies = ids(&impact.applies);
        assert!(applies.contains(&"v4-request".to_owned()), "{applies:?}");
        assert!(
            !applies.iter().any(|id| id.starts_with("v1-")),
            "{applies:?}"
        );
        assert!(ids(&impact.skipped).contains(&"v1-results".to_owned()));
    }

    #[test]
    fn the_first_steps_are_actionable_and_in_progress_comes_first() {
        let p = bundled("qualified-signature");
        let mut run = Run::new(&p, "x", at("2026-11-02T09:00:00Z"));
        let first = actionable(&p, &run);
        assert!(first.contains(&0), "{first:?}");
        let later = *first.last().expect("something to do");
        let id = p.steps()[later].id.clone();
        run.steps.insert(
            id,
            StepState::InProgress {
                since: at("2026-11-02T09:00:00Z"),
            },
        );
        assert_eq!(actionable(&p, &run)[0], later);
    }
}
