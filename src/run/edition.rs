//! A newer edition of the procedure, offered to a run: what taking it would change, in the
//! officer's words ([`changes`]), and taking it ([`take`]). Which edition a run is walked with,
//! and when a newer one is offered, is decided once, by
//! [`crate::store::Store::walk_edition`].
//!
//! Taking an edition fits the run to it as [`super::reconcile::reconcile`] does: whatever has
//! no place in it is set aside, never dropped; a field renamed (`was`) keeps its value; a done
//! step stays done; a value once secret stays secret. It is journaled, and is not taken back by
//! `undo` (the edition the run had stays kept, and what was set aside stays aside).

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::journal::What;
use super::reconcile::{Reconciled, reconcile};
use super::state::{Recorded, Run, StepState};
use crate::i18n::Msg;
use crate::procedure::Procedure;

/// What taking the edition `to` would change in `run`, walked with `from`, one line each, in
/// the officer's words (titles, never ids): steps added (and whether one lands before steps
/// already done), steps removed with what was recorded in them, values moved to a renamed
/// field, values and choices set aside, done steps that would need attention (a newly required
/// field left empty), changed deadlines. A line that says so when nothing the officer recorded
/// moves. `date` writes a day the way the caller shows them.
pub fn changes(
    from: &Procedure,
    to: &Procedure,
    run: &Run,
    tz: &TimeZone,
    date: impl Fn(Date) -> String,
) -> Vec<Msg> {
    let mut after = run.clone();
    let moved = reconcile(to, &mut after);
    let mut out = Vec::new();
    let title = |p: &Procedure, i: usize| clean(&p.steps()[i].title);

    // Steps added, and whether one comes before a step already done.
    let last_done = (to.steps().iter().enumerate())
        .filter(|(_, s)| after.is_done(&s.id))
        .map(|(i, _)| i)
        .max();
    for (i, step) in to.steps().iter().enumerate() {
        if from.step_index(&step.id).is_some()
            || super::eval::step_applies(to, &after, step) == Some(false)
        {
            continue;
        }
        let id = if last_done.is_some_and(|last| i < last) {
            "edition-step-added-before-done"
        } else {
            "edition-step-added"
        };
        out.push(Msg::new(id).arg("number", i + 1).arg("title", title(to, i)));
    }

    // Steps removed, with what was recorded in them.
    for (i, step) in from.steps().iter().enumerate() {
        if to.step_index(&step.id).is_some() {
            continue;
        }
        let msg = match run.steps.get(&step.id) {
            Some(state) => Msg::new("edition-step-removed-recorded").arg(
                "recorded",
                What::Step(step.id.clone()).value(from, &Recorded::Step(state.clone()), &date, tz),
            ),
            None => Msg::new("edition-step-removed"),
        };
        out.push(msg.arg("number", i + 1).arg("title", title(from, i)));
    }

    // Values moved to a renamed field.
    // A field without a label of its own (rare) is named by its id.
    let label = |p: &Procedure, what: &str| {
        let what = What::parse(what);
        let id = what.field().unwrap_or_default();
        clean(p.field(id).and_then(|f| f.label.as_deref()).unwrap_or(id))
    };
    for (old, new) in &moved.renamed {
        let (old, new) = (label(from, old), label(to, new));
        out.push(if old == new {
            Msg::new("edition-renamed-same").arg("label", old)
        } else {
            Msg::new("edition-renamed").arg("old", old).arg("new", new)
        });
    }

    // Values, choices and notes set aside (steps are said above).
    for item in &moved.set_aside {
        let what = What::parse(item);
        let msg = match &what {
            What::Field(id) => {
                let value = run.values.get(id);
                let shown = match value {
                    Some(_) if run.secret.contains(id) => Msg::new("export-secret-left-out"),
                    Some(value) => what.value(from, &Recorded::Value(value.clone()), &date, tz),
                    None => Msg::new("journal-text").arg("text", ""),
                };
                Msg::new("edition-value-aside")
                    .arg("what", what.subject(from))
                    .arg("value", shown)
            }
            What::Choice(id) => {
                let option = run.choices.get(id).cloned().unwrap_or_default();
                Msg::new("edition-value-aside")
                    .arg("what", what.subject(from))
                    .arg(
                        "value",
                        what.value(
                            from,
                            &Recorded::Value(super::Value::Text(option)),
                            &date,
                            tz,
                        ),
                    )
            }
            What::Note(_) => Msg::new("edition-notes-aside").arg("what", what.subject(from)),
            _ => continue,
        };
        out.push(msg);
    }

    // What comes back from aside.
    for item in &moved.restored {
        let what = What::parse(item);
        out.push(Msg::new("edition-restored").arg("what", what.subject(to)));
    }

    // Done steps a newly required field would leave needing attention.
    for (i, step) in to.steps().iter().enumerate() {
        if !after.is_done(&step.id) || passed_over(&after, &step.id) {
            continue;
        }
        let now = super::command::form_problems(to, &after, i);
        let before = from
            .step_index(&step.id)
            .map(|j| super::command::form_problems(from, run, j))
            .unwrap_or_default();
        let fields: Vec<String> = (now.iter())
            .filter(|(id, _)| !before.iter().any(|(b, _)| b == id))
            .filter_map(|(id, _)| to.field(id)?.label.as_deref().map(clean))
            .map(|label| format!("«{label}»"))
            .collect();
        if !fields.is_empty() {
            out.push(
                Msg::new("edition-attention")
                    .arg("number", i + 1)
                    .arg("title", title(to, i))
                    .arg("fields", fields.join(", ")),
            );
        }
    }

    // Deadlines changed, of steps not done yet.
    for (i, step) in to.steps().iter().enumerate() {
        let Some(j) = from.step_index(&step.id) else {
            continue;
        };
        let (old, new) = (&from.steps()[j].deadline, &step.deadline);
        let same = serde_json::to_value(old).ok() == serde_json::to_value(new).ok();
        if same || after.is_done(&step.id) {
            continue;
        }
        let rule = |p: &Procedure, k: usize| {
            super::schedule::deadline_rule(p, k).unwrap_or_else(|| Msg::new("edition-no-deadline"))
        };
        out.push(
            Msg::new("edition-deadline")
                .arg("number", i + 1)
                .arg("title", title(to, i))
                .arg("old", rule(from, j))
                .arg("new", rule(to, i)),
        );
    }

    if out.is_empty() {
        out.push(Msg::new("edition-nothing-moves"));
    }
    out
}

/// Takes the edition `to` for `run`: fits the run to it, and journals it with the editions and
/// what moved. Done steps stay done (a step the new edition no longer has is set aside with its
/// state); a secret value stays secret. The caller saves the run with `to`, which keeps that
/// edition beside the runs.
pub fn take(to: &Procedure, run: &mut Run, now: Timestamp) -> Reconciled {
    let moved = reconcile(to, run);
    // A run with no edition recorded is given the one it takes.
    run.procedure.edition = Some(to.edition());
    run.procedure.declined = None;
    super::command::journal_edition(to, run, &moved, now);
    moved
}

/// The officer keeps the edition the run has: `offered` is not offered again on every opening.
pub fn decline(offered: &Procedure, run: &mut Run) {
    run.procedure.declined = Some(offered.edition());
}

/// Whether the step was passed over (not needed) rather than done.
fn passed_over(run: &Run, step: &str) -> bool {
    matches!(
        run.steps.get(step),
        Some(StepState::Done {
            passed_over: true,
            ..
        })
    )
}

fn clean(text: &str) -> String {
    crate::text::sanitize(text).into_owned()
}
