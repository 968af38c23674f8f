//! Conditions evaluated on a run: which choices are asked, which sections, steps and fields
//! apply.
//!
//! Evaluation is three-valued: a condition on a choice not yet made, or on a field not yet
//! filled, is *undecided* (`None`), so the wizard can say "choose the variant first" instead of
//! guessing.

use crate::procedure::condition::{Options, Shape};
use crate::procedure::{Condition, Field, Procedure, Scalar, Step};

use super::state::{Run, Value};

/// Whether `condition` holds for `run`; `None` while it cannot be known yet.
pub fn holds(procedure: &Procedure, run: &Run, condition: &Condition) -> Option<bool> {
    // The checker has verified every condition's shape; an impossible one never holds.
    let Ok(shape) = condition.shape() else {
        return Some(false);
    };
    match shape {
        Shape::Choice { choice, options } => {
            if !choice_applies(procedure, run, choice)? {
                return Some(false);
            }
            let chosen = run.choices.get(choice)?;
            Some(matches_options(&options, |option| option == chosen))
        }
        Shape::FieldIs { field, value } => {
            let current = run.values.get(field).filter(|v| v.is_filled())?;
            Some(match current {
                Value::Bool(b) => matches!(value, Options::One(Scalar::Bool(want)) if want == b),
                Value::Text(text) => matches_options(&value, |option| option == text),
                Value::List(items) => {
                    matches_options(&value, |option| items.iter().any(|i| i == option))
                }
                Value::Table(_) => false,
            })
        }
        Shape::FieldFilled { field, filled } => {
            let is_filled = run.values.get(field).is_some_and(Value::is_filled);
            Some(is_filled == filled)
        }
        Shape::All(list) => {
            let mut result = Some(true);
            for inner in list {
                match holds(procedure, run, inner) {
                    Some(false) => return Some(false),
                    None => result = None,
                    Some(true) => {}
                }
            }
            result
        }
        Shape::Any(list) => {
            let mut result = Some(false);
            for inner in list {
                match holds(procedure, run, inner) {
                    Some(true) => return Some(true),
                    None => result = None,
                    Some(false) => {}
                }
            }
            result
        }
        Shape::Not(inner) => holds(procedure, run, inner).map(|b| !b),
    }
}

fn matches_options(options: &Options<'_>, test: impl Fn(&str) -> bool) -> bool {
    match options {
        Options::One(Scalar::Text(option)) => test(option),
        Options::One(Scalar::Bool(_)) => false,
        Options::Many(list) => list.iter().any(|option| test(option)),
    }
}

fn optional_holds(procedure: &Procedure, run: &Run, condition: Option<&Condition>) -> Option<bool> {
    condition.map_or(Some(true), |c| holds(procedure, run, c))
}

/// Whether the choice is asked at all (its `when` holds).
pub fn choice_applies(procedure: &Procedure, run: &Run, id: &str) -> Option<bool> {
    let choice = procedure.file().choices.iter().find(|c| c.id == id)?;
    optional_holds(procedure, run, choice.when.as_ref())
}

/// Whether a step applies under the choices made: its section's condition and its own.
pub fn step_applies(procedure: &Procedure, run: &Run, step: &Step) -> Option<bool> {
    let section = procedure
        .section(&step.section)
        .and_then(|s| s.when.as_ref());
    match optional_holds(procedure, run, section) {
        Some(false) => Some(false),
        in_section => both(
            in_section,
            optional_holds(procedure, run, step.when.as_deref()),
        ),
    }
}

/// [`step_applies`] for every step, in file order, each section's condition worked out once
/// for all its steps: what a view of the whole run asks of a procedure of thousands of steps.
pub fn applies_all(procedure: &Procedure, run: &Run) -> Vec<Option<bool>> {
    let steps = procedure.steps();
    let mut out = vec![Some(true); steps.len()];
    for &step in &procedure.links().conditional {
        out[step] = optional_holds(procedure, run, steps[step].when.as_deref());
    }
    for (index, section) in procedure.sections().iter().enumerate() {
        let in_section = optional_holds(procedure, run, section.when.as_ref());
        for &step in procedure.step_indices_in(index) {
            out[step] = both(in_section, out[step]);
        }
    }
    out
}

/// Which fields a step shows and which must be filled: the one rule the wizard, the line-by-line
/// mode, completing a step and the report all ask.
impl Procedure {
    /// The fields the officer fills on the step at `index`: its form's fields and the results
    /// it records, those that apply now (a field whose condition is undecided is shown). A
    /// field that shows another form's value (`reuse`) is listed too, read only.
    pub fn step_fields(&self, run: &Run, index: usize) -> Vec<&Field> {
        let step = &self.steps()[index];
        let form = step.form.as_deref().and_then(|id| self.form(id));
        (form.into_iter().flat_map(|form| form.fields.iter()))
            .chain(step.results.iter())
            .filter(|field| self.field_applies(run, field))
            .collect()
    }

    /// Whether `field` applies now: it has no condition, or its condition does not fail.
    pub fn field_applies(&self, run: &Run, field: &Field) -> bool {
        optional_holds(self, run, field.when.as_ref()) != Some(false)
    }

    /// Whether `field` must be filled now: always, or its `required_when` holds.
    pub fn field_required(&self, run: &Run, field: &Field) -> bool {
        field.required
            || (field.required_when.as_ref()).is_some_and(|c| holds(self, run, c) == Some(true))
    }
}

/// A step's own condition under its section's (which does not rule it out).
fn both(in_section: Option<bool>, own: Option<bool>) -> Option<bool> {
    match (in_section, own) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::load;

    fn antivirus() -> Procedure {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/procedures/antivirus-licenses.toml"
        ))
        .expect("bundled procedure");
        load(&bytes).result.expect("valid")
    }

    fn applies(p: &Procedure, run: &Run, step: &str) -> Option<bool> {
        step_applies(p, run, p.step(step).expect("step"))
    }

    #[test]
    fn variants_decide_which_steps_apply() {
        let p = antivirus();
        let mut run = Run::new(&p, "ГБУ", jiff::Timestamp::UNIX_EPOCH);
        assert_eq!(
            applies(&p, &run, "v2-connect"),
            None,
            "undecided before the choice"
        );
        assert_eq!(applies(&p, &run, "mediapack-rules"), Some(true));
        run.choices.insert("variant".into(), "v2".into());
        assert_eq!(applies(&p, &run, "v2-connect"), Some(true));
        assert_eq!(applies(&p, &run, "v1-results"), Some(false));
        assert_eq!(
            applies(&p, &run, "v2-is-request"),
            None,
            "ОИВ or ИС not chosen yet"
        );
        run.choices.insert("applicant".into(), "is".into());
        assert_eq!(applies(&p, &run, "v2-is-request"), Some(true));
        assert_eq!(applies(&p, &run, "v2-oiv-request"), Some(false));
    }

    #[test]
    fn a_choice_not_asked_makes_its_conditions_false() {
        let p = antivirus();
        let mut run = Run::new(&p, "ГБУ", jiff::Timestamp::UNIX_EPOCH);
        run.choices.insert("variant".into(), "v4".into());
        assert_eq!(choice_applies(&p, &run, "applicant"), Some(false));
        assert_eq!(applies(&p, &run, "v4-request"), Some(true));
        assert_eq!(
            applies(&p, &run, "v4-working-order"),
            None,
            "until the approval is recorded"
        );
        run.values.insert("v4_approved".into(), Value::Bool(false));
        assert_eq!(applies(&p, &run, "v4-working-order"), Some(false));
        run.values.insert("v4_approved".into(), Value::Bool(true));
        assert_eq!(applies(&p, &run, "v4-working-order"), Some(true));
    }
}
