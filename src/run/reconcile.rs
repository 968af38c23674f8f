//! Opening a run after its procedure file changed.
//!
//! A methodologist may add, remove or rename steps, fields, choices and options while officers
//! are half-way through. Whatever still has its place in the procedure is kept where it is;
//! whatever no longer has one (a step or field that is gone, a value of a shape the field no
//! longer takes, an option that no longer exists) moves to [`Run::aside`], where it is shown
//! and kept, never dropped. When a later edition of the procedure brings an id back, what was
//! set aside under it returns, unless the officer has recorded something new there.

use std::collections::BTreeMap;

use super::state::{Run, Value};
use crate::procedure::{FieldType, Procedure};

/// What [`reconcile`] moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// The procedure's version the run had, when it differs from the file's now.
    pub version_changed: Option<(String, String)>,
    /// The run had another edition recorded.
    pub edition_changed: bool,
    /// The edition the run had recorded before, if any.
    pub edition_from: Option<String>,
    /// What moved aside, as `step:ID`, `field:ID`, `choice:ID`, `note:ID`.
    pub set_aside: Vec<String>,
    /// What came back from aside, in the same form.
    pub restored: Vec<String>,
    /// Values moved to a field's new id from one it had before (`was`): (old, new).
    pub renamed: Vec<(String, String)>,
}

impl Reconciled {
    /// Whether the run was changed.
    pub fn changed(&self) -> bool {
        self.version_changed.is_some()
            || self.edition_changed
            || !self.set_aside.is_empty()
            || !self.restored.is_empty()
            || !self.renamed.is_empty()
    }
}

/// Fits a run to the procedure as it is now; see the module documentation.
pub fn reconcile(procedure: &Procedure, run: &mut Run) -> Reconciled {
    let mut out = Reconciled::default();
    let version = &procedure.file().procedure.version;
    if &run.procedure.version != version {
        out.version_changed = Some((run.procedure.version.clone(), version.clone()));
        run.procedure.version = version.clone();
    }
    // The run is walked with this edition from now on. A run that has none recorded (saved
    // before editions were told apart by content) is given it by its next save, which works it
    // out anyway: a long procedure's edition takes a while to work out.
    out.edition_from = run.procedure.edition.clone();
    if let Some(had) = &mut run.procedure.edition {
        let edition = procedure.edition();
        if *had != edition {
            *had = edition;
            out.edition_changed = true;
        }
    }
    renamed_fields(procedure, run, &mut out);
    let step_known = |id: &str| procedure.step_index(id).is_some();
    let value_fits = |id: &str, value: &Value| {
        procedure
            .field(id)
            .is_some_and(|field| fits(field.kind, value))
    };
    let choice_fits = |id: &str, option: &String| {
        procedure
            .file()
            .choices
            .iter()
            .any(|c| c.id == id && c.options.iter().any(|o| &o.id == option))
    };
    sort(
        "step",
        &mut run.steps,
        &mut run.aside.steps,
        |id, _| step_known(id),
        &mut out,
    );
    sort(
        "field",
        &mut run.values,
        &mut run.aside.values,
        value_fits,
        &mut out,
    );
    sort(
        "choice",
        &mut run.choices,
        &mut run.aside.choices,
        choice_fits,
        &mut out,
    );
    sort(
        "note",
        &mut run.notes,
        &mut run.aside.notes,
        |id, _| step_known(id),
        &mut out,
    );
    super::command::reach_milestones(procedure, run);
    out
}

/// Moves a value recorded under an id a field had in an earlier edition (its `was`) to the
/// field's id, from the live values or from aside, unless the field has a value of its own. A
/// value that was secret stays secret under its new id.
fn renamed_fields(procedure: &Procedure, run: &mut Run, out: &mut Reconciled) {
    let file = procedure.file();
    let fields = (file.forms.iter().flat_map(|f| f.fields.iter()))
        .chain(file.steps.iter().flat_map(|s| s.results.iter()));
    for field in fields {
        let Some(id) = field.id.as_deref() else {
            continue;
        };
        for old in &field.was {
            if run.values.contains_key(id) || procedure.field(old).is_some() {
                break;
            }
            let value = run
                .values
                .remove(old)
                .or_else(|| run.aside.values.remove(old));
            if let Some(value) = value {
                if run.secret.contains(old) {
                    run.secret.insert(id.to_owned());
                }
                run.values.insert(id.to_owned(), value);
                out.renamed
                    .push((format!("field:{old}"), format!("field:{id}")));
                break;
            }
        }
    }
}

/// Moves entries of `live` that do not `fit` into `aside`, and entries of `aside` that fit
/// again (and have no newer live entry) back.
fn sort<T>(
    kind: &str,
    live: &mut BTreeMap<String, T>,
    aside: &mut BTreeMap<String, T>,
    fit: impl Fn(&str, &T) -> bool,
    out: &mut Reconciled,
) {
    let back: Vec<String> = aside
        .iter()
        .filter(|(id, item)| !live.contains_key(*id) && fit(id, item))
        .map(|(id, _)| id.clone())
        .collect();
    let away: Vec<String> = live
        .iter()
        .filter(|(id, item)| !fit(id, item))
        .map(|(id, _)| id.clone())
        .collect();
    for id in back {
        let item = aside.remove(&id).expect("listed above");
        live.insert(id.clone(), item);
        out.restored.push(format!("{kind}:{id}"));
    }
    for id in away {
        let item = live.remove(&id).expect("listed above");
        let key = free_key(aside, &id);
        aside.insert(key, item);
        out.set_aside.push(format!("{kind}:{id}"));
    }
}

/// `id`, or `id~2`, `id~3`… when an older entry already sits aside under `id`.
fn free_key<T>(map: &BTreeMap<String, T>, id: &str) -> String {
    if !map.contains_key(id) {
        return id.to_owned();
    }
    (2..)
        .map(|n| format!("{id}~{n}"))
        .find(|key| !map.contains_key(key))
        .expect("some suffix is free")
}

/// Whether a value has the shape a field of this type holds.
fn fits(kind: Option<FieldType>, value: &Value) -> bool {
    match (kind, value) {
        // A field without a type reuses another one; any value the engine stored fits.
        (None, _) => true,
        (Some(FieldType::Yesno), Value::Bool(_)) => true,
        (Some(FieldType::Multiselect), Value::List(_)) => true,
        (Some(FieldType::Table), Value::Table(_)) => true,
        (Some(FieldType::Yesno | FieldType::Multiselect | FieldType::Table), _) => false,
        (Some(_), Value::Text(_)) => true,
        (Some(_), _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::load;
    use crate::run::StepState;
    use jiff::Timestamp;

    const BEFORE: &str = r#"
[procedure]
format = 1
id = "p"
title = "P"
version = "1"
summary = "s"
source = "test"

[[choice]]
id = "route"
title = "Route"
[[choice.option]]
id = "a"
title = "A"
[[choice.option]]
id = "b"
title = "B"

[[section]]
id = "s"
title = "S"

[[step]]
id = "one"
section = "s"
title = "One"
[[step.result]]
id = "answer"
type = "text"
label = "Answer"

[[step]]
id = "two"
section = "s"
title = "Two"
[[step.result]]
id = "flag"
type = "yesno"
label = "Flag"
"#;

    fn procedure(text: &str) -> Procedure {
        load(text.as_bytes())
            .result
            .unwrap_or_else(|d| panic!("{d:?}"))
    }

    #[test]
    fn what_lost_its_place_goes_aside_and_comes_back_with_it() {
        let before = procedure(BEFORE);
        let now = Timestamp::UNIX_EPOCH;
        let mut run = Run::new(&before, "x", now);
        run.steps.insert(
            "two".into(),
            StepState::Done {
                at: now,
                passed_over: false,
                on: None,
                due: None,
            },
        );
        run.values.insert("answer".into(), Value::Text("42".into()));
        run.values.insert("flag".into(), Value::Bool(true));
        run.choices.insert("route".into(), "b".into());

        // Step two renamed (its result with it), option b removed, `answer` became a yes/no.
        let after_text = BEFORE
            .replace("version = \"1\"", "version = \"2\"")
            .replace("id = \"two\"", "id = \"second\"")
            .replace("id = \"b\"\ntitle = \"B\"", "id = \"c\"\ntitle = \"C\"")
            .replace(
                "id = \"answer\"\ntype = \"text\"",
                "id = \"answer\"\ntype = \"yesno\"",
            );
        let after = procedure(&after_text);
        let mut moved = run.clone();
        let report = reconcile(&after, &mut moved);
        assert_eq!(
            report.version_changed,
            Some(("1".to_owned(), "2".to_owned()))
        );
        assert_eq!(
            report.set_aside,
            ["step:two", "field:answer", "choice:route"]
        );
        assert!(moved.steps.is_empty() && moved.choices.is_empty());
        assert_eq!(moved.values.len(), 1, "flag still fits: {:?}", moved.values);
        assert_eq!(moved.aside.values["answer"], Value::Text("42".into()));

        // Back to the first edition: everything returns where it was.
        let report = reconcile(&before, &mut moved);
        assert_eq!(report.restored.len(), 3, "{report:?}");
        assert!(moved.aside.is_empty());
        assert_eq!(moved.steps, run.steps);
        assert_eq!(moved.values, run.values);
        assert_eq!(moved.choices, run.choices);
    }

    #[test]
    fn a_second_departure_of_the_same_id_does_not_overwrite_the_first() {
        let mut aside = BTreeMap::from([("x".to_owned(), 1)]);
        let mut live = BTreeMap::from([("x".to_owned(), 2)]);
        let mut out = Reconciled::default();
        sort("field", &mut live, &mut aside, |_, _| false, &mut out);
        assert_eq!(aside, BTreeMap::from([("x".into(), 1), ("x~2".into(), 2)]));
    }

    #[test]
    fn nothing_moves_when_the_procedure_is_unchanged() {
        let p = procedure(BEFORE);
        let mut run = Run::new(&p, "x", Timestamp::UNIX_EPOCH);
        run.values.insert("answer".into(), Value::Text("42".into()));
        let report = reconcile(&p, &mut run);
        assert!(!report.changed(), "{report:?}");
    }
}
