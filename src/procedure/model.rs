//! The procedure format: what a procedure file may contain, as Rust types.
//!
//! These types are the format. `docs/procedure-format.md` explains them to authors, and the JSON
//! Schema in `assets/procedure.schema.json` is generated from them (the doc comments become the
//! descriptions an editor shows). A value of these types has been parsed but not yet checked;
//! [`super::Procedure`] is what the checker hands out once every rule holds.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::condition::{Condition, Scalar};
pub use super::field::{Column, DefaultValue, Field, FieldType, Form, Page, Signature};

/// The version of the procedure format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole procedure file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "poryadok procedure")]
pub struct ProcedureFile {
    /// What the procedure is, who issued it and which document it comes from.
    pub procedure: Meta,
    /// The parties that act in the procedure besides the officer (`[[actor]]`).
    #[serde(default, rename = "actor")]
    pub actors: Vec<Actor>,
    /// Mutually exclusive variants the officer chooses between (`[[choice]]`).
    #[serde(default, rename = "choice")]
    pub choices: Vec<Choice>,
    /// The stages of the procedure, in order (`[[section]]`).
    #[serde(default, rename = "section")]
    pub sections: Vec<Section>,
    /// The steps, in order within their sections (`[[step]]`).
    #[serde(default, rename = "step")]
    pub steps: Vec<Step>,
    /// The forms the officer fills (`[[form]]`).
    #[serde(default, rename = "form")]
    pub forms: Vec<Form>,
    /// Reference material shown on request (`[[reference]]`).
    #[serde(default, rename = "reference")]
    pub references: Vec<Reference>,
}

impl ProcedureFile {
    /// The conditions that decide which steps apply: those of the steps, the sections and the
    /// choices (a choice not asked decides like a choice not made).
    pub fn applicability_conditions(&self) -> impl Iterator<Item = &Condition> {
        (self.steps.iter().filter_map(|s| s.when.as_deref()))
            .chain(self.sections.iter().filter_map(|s| s.when.as_ref()))
            .chain(self.choices.iter().filter_map(|c| c.when.as_ref()))
    }
}

/// The `[procedure]` table.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Meta {
    /// The version of the procedure format this file is written in. This build reads `1`.
    pub format: u32,
    /// A stable identifier: Latin lowercase letters, digits, `-` and `_`. Runs refer to it,
    /// and a procedure in the user's folder with the id of a bundled one replaces it.
    pub id: String,
    /// The title as the officer sees it.
    pub title: String,
    /// The edition of this procedure, e.g. `"1.2"` or `"2024-03"`.
    pub version: String,
    /// The body that issued the document, e.g. «ГКУ СК «Краевой центр информтехнологий»».
    pub issuer: Option<String>,
    /// The region the procedure applies to.
    pub region: Option<String>,
    /// The source document: its title, number, date.
    pub source: String,
    /// A short description shown when the officer picks a procedure (Markdown).
    pub summary: String,
    /// Whether sections must be done one after another (`"sequence"`, the default: a section's
    /// steps wait for every applicable step of the sections before it) or are independent and
    /// may run at the same time (`"parallel"`).
    #[serde(default)]
    pub section_order: Order,
}

/// Whether things must happen one after another.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// Each waits for the ones before it.
    #[default]
    Sequence,
    /// Any order, or at the same time.
    Parallel,
}

/// A party that acts in some steps: an outside organisation (the CA, the exchange operator, the
/// ministry) or a role on the officer's own side. The officer is always there as `officer`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Actor {
    /// The identifier steps use in `actor`.
    pub id: String,
    /// The name as the officer sees it, e.g. «Удостоверяющий центр».
    pub name: String,
    /// `true` (the default) for a party outside the officer's organisation: the officer waits
    /// for it. `false` for a role on the officer's side (the head, the future signature holder).
    #[serde(default = "yes")]
    pub outside: bool,
}

fn yes() -> bool {
    true
}

/// A choice between mutually exclusive variants; steps, sections, fields and pages may apply only
/// under some of its options (`when = { choice = "…", is = "…" }`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Choice {
    /// The identifier conditions use.
    pub id: String,
    /// The question as the officer sees it, e.g. «Вариант подключения».
    pub title: String,
    /// Explanation shown with the choice (Markdown).
    pub help: Option<String>,
    /// The choice is asked only when this condition holds.
    pub when: Option<Condition>,
    /// The options, at least two (`[[choice.option]]`).
    #[serde(rename = "option")]
    pub options: Vec<ChoiceOption>,
}

/// One option of a choice.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ChoiceOption {
    /// The identifier conditions compare with.
    pub id: String,
    /// The option as the officer sees it.
    pub title: String,
    /// Explanation shown with the option (Markdown).
    pub help: Option<String>,
}

/// A stage of the procedure.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Section {
    /// The identifier steps use in `section`.
    pub id: String,
    /// The title as the officer sees it.
    pub title: String,
    /// An introduction shown above the section's steps (Markdown).
    pub body: Option<String>,
    /// The whole section applies only when this condition holds.
    pub when: Option<Condition>,
    /// The officer may skip the whole section (e.g. an independent, optional track).
    #[serde(default)]
    pub optional: bool,
    /// Whether the section's steps follow one another (`"sequence"`, the default: each step
    /// waits for the applicable step before it) or may be done in any order (`"parallel"`).
    #[serde(default)]
    pub step_order: Order,
}

/// What kind of step it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Something someone does.
    #[default]
    Action,
    /// Waiting for an outside party: an answer, a call, an approval.
    Wait,
    /// A control event (контрольное событие): a milestone that closes a part of a plan.
    Milestone,
    /// Information only: nothing to do but read it.
    Info,
}

/// One step of the procedure.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Step {
    /// A stable identifier: runs record progress under it, so keep it when the wording changes.
    pub id: String,
    /// The section the step belongs to.
    pub section: String,
    /// The title as the officer sees it.
    pub title: String,
    /// What to do and how (Markdown: headings, lists, emphasis, links).
    pub body: Option<String>,
    /// What kind of step it is: `"action"` (the default), `"wait"`, `"milestone"` or `"info"`.
    #[serde(default)]
    pub kind: StepKind,
    /// Who acts: an `[[actor]]` id, or `"officer"` (the default).
    pub actor: Option<String>,
    /// The step applies only when this condition holds; otherwise it is skipped.
    pub when: Option<Box<Condition>>,
    /// The officer may skip the step.
    #[serde(default)]
    pub optional: bool,
    /// Steps that must be done before this one may start.
    #[serde(default)]
    pub requires: Vec<String>,
    /// The reason shown to the officer while `requires` is not met, in the document's words.
    pub requires_reason: Option<String>,
    /// A reason of its own for some steps of `requires`, by step id: shown while that step is
    /// not done, instead of `requires_reason`.
    #[serde(default)]
    pub requires_reasons: BTreeMap<String, String>,
    /// The form the officer fills at this step; the step cannot be completed while its required
    /// fields are missing or invalid.
    pub form: Option<String>,
    /// A decision step: the `[[choice]]` the officer makes at this step. The step cannot be
    /// completed until an option of it is chosen.
    pub decides: Option<String>,
    /// Things to bring or prepare, e.g. «Паспорт».
    #[serde(default)]
    pub prepare: Vec<String>,
    /// Links to open (`[[step.link]]`).
    #[serde(default, rename = "link")]
    pub links: Vec<Link>,
    /// Letters to send (`[[step.letter]]`).
    #[serde(default, rename = "letter")]
    pub letters: Vec<Letter>,
    /// When the step must be done by.
    pub deadline: Option<Deadline>,
    /// Results the officer records when the step is done (`[[step.result]]`): links received,
    /// a file, a login; mark passwords `secret = true`.
    #[serde(default, rename = "result")]
    pub results: Vec<Field>,
    /// `[[reference]]` ids to show with this step.
    #[serde(default)]
    pub references: Vec<String>,
}

/// A link to open.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Link {
    /// What the link is, as the officer sees it.
    pub title: String,
    /// An `https://`, `http://` or `mailto:` address.
    pub url: String,
}

/// How a letter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// By e-mail: `to` and `cc` are e-mail addresses.
    Email,
    /// As an official letter through electronic document management (ЭДО).
    Edo,
    /// On paper: an original sent or handed over.
    Paper,
}

/// A letter the officer sends at a step.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Letter {
    /// What the letter is, e.g. «Официальное письмо через ЭДО».
    pub title: Option<String>,
    /// How it travels; when omitted the document does not say.
    pub channel: Option<Channel>,
    /// Recipients: e-mail addresses, or names of organisations for ЭДО and paper.
    #[serde(default)]
    pub to: Vec<String>,
    /// Recipients in copy.
    #[serde(default)]
    pub cc: Vec<String>,
    /// The subject line; `{{field_id}}` inserts a value the officer entered.
    pub subject: Option<String>,
    /// The text of the letter; `{{field_id}}` inserts a value the officer entered.
    pub body: Option<String>,
    /// Forms attached to the letter.
    #[serde(default)]
    pub attach: Vec<String>,
    /// Attachments that are not forms of the procedure and that the officer adds: a signed
    /// scan, a file received earlier («Подписанная заявка (скан, PDF)»). Listed with the
    /// letter's attachments.
    #[serde(default)]
    pub attach_files: Vec<String>,
    /// The letter is sent only when this condition holds.
    pub when: Option<Condition>,
}

/// A deadline in days, counted from the completion of another step or, without `from`, from the
/// day this step starts.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Deadline {
    /// Working days on the official production calendar («не позднее 20 рабочих дней»).
    pub working_days: Option<u32>,
    /// Calendar days.
    pub calendar_days: Option<u32>,
    /// The step whose completion starts the count.
    pub from: Option<String>,
    /// A date field whose value starts the count (an appointment, a signing date the officer
    /// records); instead of `from`.
    pub from_field: Option<String>,
}

/// Reference material: shown on request, not a step.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Reference {
    /// The identifier steps use in `references`.
    pub id: String,
    /// The title as the officer sees it.
    pub title: String,
    /// The material itself (Markdown).
    pub body: Option<String>,
}
