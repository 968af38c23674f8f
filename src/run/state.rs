//! What a run records: one officer's walk through one procedure.
//!
//! Only facts are stored: what the officer did and when, the values typed, the choices made.
//! Whatever can be derived from the facts and the procedure (a step is blocked, skipped, overdue)
//! is derived by [`super::view`] every time, so it can never disagree with the procedure.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One officer's walk through one procedure. The file it is kept in, and that file's format
/// version, belong to [`crate::store`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The procedure walked.
    pub procedure: ProcedureRef,
    /// What tells this run from others of the same procedure: the organisation, the system.
    pub label: String,
    pub created: Timestamp,
    /// Progress per step id; a step not listed has not been started.
    #[serde(default)]
    pub steps: BTreeMap<String, StepState>,
    /// The option chosen per choice id.
    #[serde(default)]
    pub choices: BTreeMap<String, String>,
    /// Values per field id (form fields and step results).
    #[serde(default)]
    pub values: BTreeMap<String, Value>,
    /// Notes per step id, oldest first.
    #[serde(default)]
    pub notes: BTreeMap<String, Vec<Note>>,
    /// Every change, oldest first; never rewritten.
    #[serde(default)]
    pub journal: Vec<Entry>,
    /// What the procedure no longer has (a step or field renamed or removed since the run
    /// started), kept so that nothing the officer recorded is lost.
    #[serde(default, skip_serializing_if = "Aside::is_empty")]
    pub aside: Aside,
    /// The step the officer was on when they last left the run, so that opening it again lands
    /// there. Not a fact of the procedure: not journaled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// The field of that step the officer was on, if they were in its form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor_field: Option<String>,
    /// The fields whose values are secret in this run: every field that was ever secret when a
    /// value was given or sealed. A value once secret stays secret whatever a later edition of
    /// the procedure says (see [`super::command::is_secret`]); the store seals these values and
    /// the export leaves them out unless asked.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub secret: BTreeSet<String>,
    /// When the run was put in the archive: off the home screen, still readable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Timestamp>,
    /// The files the officer gave for a letter's `attach_files` (a signed scan), by
    /// [`attachment_key`]: the step and the attachment's number among that step's letters'
    /// `attach_files`, from 1. The files themselves are in the run's private folder of the
    /// store.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attachments: BTreeMap<String, Attached>,
}

/// The key of a letter's added attachment in [`Run::attachments`] and in the journal
/// (`attachment:STEP#N`): the step id and the attachment's number in that step, from 1.
pub fn attachment_key(step: &str, number: usize) -> String {
    format!("{step}#{number}")
}

/// A file the officer gave for an attachment of a letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attached {
    /// The file's own name, as the officer's file had it (the export sanitises it).
    pub name: String,
    /// The name of the copy in the run's folder: a hash of its content, hex digits only.
    pub stored: String,
    /// Its size in bytes.
    pub size: u64,
}

impl Attached {
    /// As the journal records it: `[name, stored, size]`.
    pub fn to_value(&self) -> Value {
        Value::List(vec![
            self.name.clone(),
            self.stored.clone(),
            self.size.to_string(),
        ])
    }

    /// Read back from the journal's [`Attached::to_value`].
    pub fn from_value(value: &Value) -> Option<Attached> {
        match value {
            Value::List(items) => match items.as_slice() {
                [name, stored, size] => Some(Attached {
                    name: name.clone(),
                    stored: stored.clone(),
                    size: size.parse().ok()?,
                }),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Which procedure a run walks, and the edition it is walked with (see
/// [`crate::store::Store::walk_edition`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureRef {
    pub id: String,
    /// The `version` of the edition, as its file gave it.
    pub version: String,
    /// The edition ([`crate::procedure::Procedure::edition`]); runs saved before editions were
    /// told apart by content have none, and are known by their `version` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// A newer edition the officer was offered and chose not to take: it is not offered again
    /// on every opening, only mentioned. Not a fact of the procedure: not journaled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined: Option<String>,
}

/// The progress of one step. "Blocked" and "skipped" are never stored: they follow from the
/// procedure and the other steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StepState {
    /// The officer has begun the step.
    InProgress {
        since: Timestamp,
        /// The day it was begun, when the officer gave one (recorded later than it happened).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<Date>,
    },
    /// Waiting for an outside party since a day, perhaps until a due day.
    Waiting {
        since: Timestamp,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<Date>,
        /// The day the wait began, when the officer gave one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<Date>,
    },
    /// Done.
    Done {
        at: Timestamp,
        /// The step was not needed (an optional step the officer passed over).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        passed_over: bool,
        /// The day it was done, when the officer gave one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<Date>,
        /// The day the answer was awaited until, when the step waited for one before it was
        /// done: kept so that the history still says whether the wait was kept.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<Date>,
    },
}

impl StepState {
    /// The day it happened: the day the officer gave, or else the day it was recorded in the
    /// officer's time zone `tz` (started, waiting since, done).
    pub fn day(&self, tz: &jiff::tz::TimeZone) -> Date {
        let (at, on) = match self {
            StepState::InProgress { since, on } | StepState::Waiting { since, on, .. } => {
                (since, on)
            }
            StepState::Done { at, on, .. } => (at, on),
        };
        on.unwrap_or_else(|| at.to_zoned(tz.clone()).date())
    }
}

/// A value the officer entered. In a run file it is written as plain JSON (a string, a
/// boolean, a list of strings, a list of rows) and read back by the visitors in `run/decode.rs`, which looks
/// at the JSON once instead of trying each shape in turn as serde's untagged enums do.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Text(String),
    Bool(bool),
    List(Vec<String>),
    Table(Vec<BTreeMap<String, Value>>),
}

impl Value {
    /// Whether the value counts as filled in.
    pub fn is_filled(&self) -> bool {
        match self {
            Value::Bool(_) => true,
            Value::Text(text) => !text.trim().is_empty(),
            Value::List(items) => !items.is_empty(),
            Value::Table(rows) => !rows.is_empty(),
        }
    }
}

/// A note the officer left on a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub at: Timestamp,
    pub text: String,
}

/// One change, as the journal keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub at: Timestamp,
    /// What changed; written `step:generate-request`, `field:inn`, `choice:variant`.
    pub what: super::journal::What,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Recorded>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Recorded>,
    /// This entry took back the entry at this position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<usize>,
    /// An entry of a new edition taken ([`super::journal::What::Edition`]): the editions and
    /// what moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<Box<EditionTaken>>,
}

/// What taking an edition of the procedure did to a run, as the journal keeps it: named as the
/// journal names things, read in words with the editions ([`EditionTaken::words`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EditionTaken {
    /// The edition the run had ([`crate::procedure::Procedure::edition`]), when it was known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The edition taken.
    pub to: String,
    /// Values moved to a field's new id: (old, new).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<(super::journal::What, super::journal::What)>,
    /// What moved aside, as the new edition has no place for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<super::journal::What>,
    /// What came back from aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restored: Vec<super::journal::What>,
}

/// The value of something before or after a change (read back by the visitors in `run/decode.rs`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Recorded {
    Value(Value),
    Step(StepState),
    /// A secret field's value: the journal file holds only this marker (`{"secret": true}`),
    /// never the value. In memory the value is kept too, for undo; the store seals it beside
    /// the journal, and reads it back when it has the key.
    Secret {
        secret: bool,
        #[serde(skip)]
        value: Option<SecretValue>,
    },
}

impl Recorded {
    /// The marker of a secret value, holding the value itself in memory only.
    pub fn secret(value: Value) -> Recorded {
        Recorded::Secret {
            secret: true,
            value: Some(SecretValue(Box::new(value))),
        }
    }
}

/// A secret value in memory. Its `Debug` shows no more than that it is there, so that a log, a
/// panic message or a failed test never prints a password.
#[derive(Clone, PartialEq)]
pub struct SecretValue(pub Box<Value>);

impl std::fmt::Debug for SecretValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretValue(..)")
    }
}

/// Things kept aside because the procedure no longer has a place for them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Aside {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub steps: BTreeMap<String, StepState>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, Value>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choices: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, Vec<Note>>,
}

impl Aside {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
            && self.values.is_empty()
            && self.choices.is_empty()
            && self.notes.is_empty()
    }
}

/// The values fields start with: their `default`s.
fn defaults(procedure: &crate::procedure::Procedure) -> BTreeMap<String, Value> {
    let file = procedure.file();
    file.forms
        .iter()
        .flat_map(|form| form.fields.iter())
        .chain(file.steps.iter().flat_map(|step| step.results.iter()))
        .filter_map(|field| {
            let id = field.id.clone()?;
            Some((id, Value::from_default(field.default.as_ref()?)))
        })
        .collect()
}

impl Value {
    /// The value a field or a new table row's cell starts with.
    pub fn from_default(default: &crate::procedure::DefaultValue) -> Value {
        use crate::procedure::DefaultValue;
        match default {
            DefaultValue::Text(text) => Value::Text(text.clone()),
            DefaultValue::Number(n) => Value::Text(n.to_string()),
            DefaultValue::Bool(b) => Value::Bool(*b),
            DefaultValue::List(items) => Value::List(items.clone()),
        }
    }
}

impl Run {
    /// A new run of a procedure. Fields with a `default` start with it, as if the officer had
    /// accepted it; nothing is journaled for them.
    pub fn new(procedure: &crate::procedure::Procedure, label: &str, now: Timestamp) -> Run {
        Run {
            procedure: ProcedureRef {
                id: procedure.id().to_owned(),
                version: procedure.file().procedure.version.clone(),
                edition: Some(procedure.edition()),
                declined: None,
            },
            label: label.to_owned(),
            created: now,
            steps: BTreeMap::new(),
            choices: BTreeMap::new(),
            values: defaults(procedure),
            notes: BTreeMap::new(),
            journal: Vec::new(),
            aside: Aside::default(),
            cursor: None,
            cursor_field: None,
            secret: BTreeSet::new(),
            archived: None,
            attachments: BTreeMap::new(),
        }
    }

    /// Whether the step is done (passed over counts as done).
    pub fn is_done(&self, step: &str) -> bool {
        matches!(self.steps.get(step), Some(StepState::Done { .. }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::{DefaultValue, load};

    #[test]
    fn a_new_run_starts_with_the_fields_defaults() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/procedures/pgs-staff-access.toml"
        );
        let p = load(&std::fs::read(path).unwrap()).result.unwrap();
        let run = Run::new(&p, "x", Timestamp::UNIX_EPOCH);
        let with_defaults: Vec<_> = p
            .file()
            .forms
            .iter()
            .flat_map(|f| f.fields.iter())
            .filter(|f| f.default.is_some())
            .collect();
        assert!(!with_defaults.is_empty());
        for field in with_defaults {
            let id = field.id.as_deref().unwrap();
            match (field.default.as_ref().unwrap(), run.values.get(id)) {
                (DefaultValue::Text(want), Some(Value::Text(got))) => assert_eq!(want, got),
                other => panic!("{id}: {other:?}"),
            }
        }
        assert!(run.journal.is_empty());
    }
}
