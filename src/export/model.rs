//! What a run says once it is exported, worked out once and shared by every format: the filled
//! forms, the letters with the officer's values put in, and the checklist report. Every text
//! here is plain text as the officer or the procedure wrote it (control characters removed);
//! each format escapes it the way it needs.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use schemars::JsonSchema;
use serde::Serialize;

use crate::calendar::ProductionCalendar;
use crate::i18n::{Lang, Msg};
use crate::procedure::{Field, FieldType, Form, Procedure};
use crate::run::command::is_secret;
use crate::run::eval::{holds, step_applies};
use crate::run::schedule::due_dates;
use crate::run::view::{status, status_msg};
use crate::run::{Run, StepState, Value};

/// What to export and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// Put secret fields' values in (the officer asked for them explicitly); otherwise they are
    /// left out and the form says so.
    pub include_secrets: bool,
    /// The officer's time zone: days are counted in it.
    pub tz: TimeZone,
    /// The organisation the run belongs to: its requisites head every form, and a field the
    /// procedure marks as one of its values (`organisation = "inn"`) that the run leaves empty
    /// takes it.
    pub organisation: Option<crate::organisation::Organisation>,
    /// The run's folder of the files the officer added to its letters (a signed scan, see
    /// [`crate::store::attachments`]); without it the letters name them as sent separately.
    pub added_files: Option<std::path::PathBuf>,
    /// The editions of the procedure the run had before the one it is exported with, as the
    /// store keeps them ([`crate::store::Store::earlier_editions`]): the report's journal names
    /// what the procedure no longer has as they named it. Empty: by the journal's own text.
    pub earlier: Vec<std::sync::Arc<Procedure>>,
}

/// A form as it is printed: its title, addressee, fields in order, and the signature block.
#[derive(Debug, Clone, Serialize)]
pub struct FilledForm {
    pub id: String,
    /// The number of the first step that applies with this form (1 for the first step).
    pub step: usize,
    pub title: String,
    pub addressee: Option<String>,
    /// The requisites of the organisation the form comes from, a line each: the name first,
    /// then the address and the registration numbers; empty when the run names none.
    pub requisites: Vec<String>,
    pub rows: Vec<FormRow>,
    pub signature: Option<SignatureBlock>,
    /// The date printed under the form: the day of the export.
    pub date: Date,
    /// The language the form is printed in (the procedure's).
    #[serde(skip)]
    pub lang: Lang,
}

/// One line of a form: a field and its value, or a table field with its columns and rows.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FormRow {
    Field {
        label: String,
        value: String,
    },
    Table {
        id: String,
        label: String,
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// «Руководитель ____ И.И. Иванов».
#[derive(Debug, Clone, Serialize)]
pub struct SignatureBlock {
    pub role: String,
    /// The signer's name as it is printed under a signature (initials and surname, see
    /// [`initials_and_surname`]), if the form has a field for it.
    pub name: Option<String>,
}

/// A name as it is printed beside a signature: «Васильев Алексей Петрович» (surname, name,
/// patronymic, as Russian forms ask for it) becomes «А.П. Васильев»; a name already written
/// with initials («А.П. Васильев», «Васильев А.П.») or of another shape is kept as written.
pub fn initials_and_surname(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() > 1
            && chars.all(|c| c.is_alphabetic() || c == '-')
    };
    if !(2..=3).contains(&words.len()) || !words.iter().all(|w| is_word(w)) {
        return name.trim().to_owned();
    }
    let initials: String = words[1..]
        .iter()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect();
    format!("{initials} {}", words[0])
}

/// A letter ready to be sent: the procedure's recipients, subject and text with the officer's
/// values put in, and the forms it carries.
#[derive(Debug, Clone, Serialize)]
pub struct Draft {
    /// The step the letter belongs to.
    pub step: String,
    /// That step's number (1 for the first step).
    pub number: usize,
    pub title: Option<String>,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub body: String,
    /// Ids of the forms attached (see [`Export::forms`]).
    pub attach: Vec<String>,
    /// How it travels: ЭДО and paper letters are covering letters (DOCX), the others e-mails.
    pub channel: Option<crate::procedure::model::Channel>,
    /// What the letter carries, as listed under «Приложение»: the forms' titles, then what the
    /// officer adds (`attach_files`).
    pub attachments: Vec<String>,
    /// The files the officer gave for what they add (`attach_files`), in order; one not given
    /// yet is listed «(прилагается отдельно)» and is not here.
    pub files: Vec<AddedFile>,
    /// The sending organisation's requisites (from the register), a line each.
    pub sender: Vec<String>,
    /// Who signs: the head of the sending organisation.
    pub signer: Option<SignatureBlock>,
    /// The contact line: «Исполнитель: …, тел. …, e-mail …».
    pub contact: Option<String>,
    /// The language the letter is written in (the procedure's).
    #[serde(skip)]
    pub lang: Lang,
}

/// A file the officer added to a letter, as the export carries it.
#[derive(Debug, Clone, Serialize)]
pub struct AddedFile {
    /// The file's name in the export: the officer's name made safe (nothing that leaves the
    /// folder), its extension kept.
    pub name: String,
    /// The copy in the run's folder.
    #[serde(skip)]
    pub file: crate::run::state::Attached,
}

/// The run as a checklist report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Report {
    pub procedure: ProcedureInfo,
    pub run: RunInfo,
    pub exported: Timestamp,
    pub done: usize,
    pub all: usize,
    pub choices: Vec<ChoiceLine>,
    pub sections: Vec<SectionReport>,
    pub journal: Vec<JournalLine>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ProcedureInfo {
    pub id: String,
    pub title: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RunInfo {
    pub id: String,
    pub label: String,
    pub created: Timestamp,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChoiceLine {
    pub id: String,
    pub title: String,
    /// The option chosen, by its title; none when not chosen yet.
    pub option: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SectionReport {
    pub title: String,
    pub steps: Vec<StepReport>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StepReport {
    pub number: usize,
    pub id: String,
    pub title: String,
    pub status: crate::run::view::StatusCode,
    /// The status in the officer's words.
    pub status_text: String,
    pub done_at: Option<Timestamp>,
    /// The day the step is or was due, if it has one.
    pub due: Option<Date>,
    /// The rule that day comes from, when it is the procedure's deadline: «3 рабочих дня после
    /// шага 1».
    pub due_rule: Option<String>,
    /// Whether that day was kept: `true` done in time, `false` done late or overdue now.
    pub due_kept: Option<bool>,
    pub notes: Vec<String>,
    /// The step's recorded results and its form's fields, label and value.
    pub values: Vec<FormRow>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JournalLine {
    /// Its place in the journal, from 1.
    pub number: usize,
    pub at: Timestamp,
    /// What changed, as the run's journal names it: `field:ID`, `step:ID`, `choice:ID`,
    /// `note:STEP`.
    pub what: String,
    /// The same in words, in the procedure's language: «Поле «ИНН»», «Шаг 3 «…»»; what the
    /// procedure no longer has, as the edition the run had before named it.
    pub subject: String,
    /// The value before and after, in words as the wizard's journal says them; a secret value
    /// only as a marker; none when there was none.
    pub old: Option<String>,
    pub new: Option<String>,
    /// Whether it took back an earlier change.
    pub undo: bool,
    /// The number of the change it took back.
    pub undoes: Option<usize>,
    /// The day the officer gave for a step, when other than the day it was recorded on.
    pub recorded_for: Option<Date>,
    /// What the wizard's journal says after it, in words: «(отмечено за 21.11.2025)»,
    /// «(отменяет изменение 2)», what taking an edition moved.
    pub remarks: Vec<String>,
}

/// Everything a run exports.
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    pub forms: Vec<FilledForm>,
    pub drafts: Vec<Draft>,
    pub report: Report,
    /// The dates still to keep, soonest first (the calendar file).
    pub dates: Vec<DateEvent>,
    /// The language of the documents (the procedure's).
    #[serde(skip)]
    pub lang: Lang,
}

/// A date of the run still to keep: a step's deadline or the day a wait ends.
#[derive(Debug, Clone, Serialize)]
pub struct DateEvent {
    pub date: Date,
    pub kind: DateKind,
    pub step_id: String,
    pub step_number: usize,
    pub step_title: String,
    /// The deadline's rule in words («3 рабочих дня после шага 1»).
    pub rule: Option<String>,
    /// The day depends on a production calendar not published yet.
    pub forecast: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DateKind {
    Deadline,
    Wait,
}

/// The dates of the run not kept yet (not done), soonest first.
fn dates(procedure: &Procedure, run: &Run, options: &Options) -> Vec<DateEvent> {
    use crate::run::schedule::{DueKind, deadline_rule};
    due_dates(procedure, run, &ProductionCalendar, &options.tz)
        .into_iter()
        .filter(|due| due.done.is_none())
        .map(|due| {
            let step = &procedure.steps()[due.step];
            DateEvent {
                date: due.date,
                kind: match due.kind {
                    DueKind::Deadline => DateKind::Deadline,
                    DueKind::Wait => DateKind::Wait,
                },
                step_id: step.id.clone(),
                step_number: due.step + 1,
                step_title: clean(&step.title),
                rule: deadline_rule(procedure, due.step).map(|m| m.text(options.lang)),
                forecast: due.forecast,
            }
        })
        .collect()
}

/// Text from a procedure or the officer, with control characters (escape sequences, bidi
/// overrides) removed; line breaks kept.
fn clean(text: &str) -> String {
    crate::text::sanitize(text).into_owned()
}

/// The language of a procedure's documents: Russian when its title is written in Cyrillic
/// (every bundled procedure), English otherwise. Forms, letters, tables and the report speak it
/// whatever the language of the interface, so that an official document never mixes the two.
pub fn document_lang(procedure: &Procedure) -> Lang {
    if procedure
        .title()
        .chars()
        .any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
    {
        Lang::Ru
    } else {
        Lang::En
    }
}

/// Works out what a run exports, as of `now`, in the procedure's language
/// ([`document_lang`]), whatever `options.lang` says.
pub fn build(
    procedure: &Procedure,
    run: &Run,
    id: &str,
    now: Timestamp,
    options: &Options,
) -> Export {
    let options = &Options {
        lang: document_lang(procedure),
        ..options.clone()
    };
    let today = now.to_zoned(options.tz.clone()).date();
    // The organisation's values where the run has none, in memory only.
    let with_org;
    let run = match &options.organisation {
        Some(org) => {
            let mut copy = run.clone();
            for (id, value) in crate::organisation::values_for(procedure, org) {
                if !copy.values.get(id).is_some_and(Value::is_filled) {
                    copy.values
                        .insert(id.to_owned(), Value::Text(value.to_owned()));
                }
            }
            with_org = copy;
            &with_org
        }
        None => run,
    };
    let mut forms = forms(procedure, run, today, options);
    if let Some(org) = &options.organisation {
        let requisites = org.requisites(options.lang);
        for form in &mut forms {
            form.requisites = requisites.clone();
        }
    }
    Export {
        dates: dates(procedure, run, options),
        lang: options.lang,
        forms,
        drafts: drafts(procedure, run, options),
        report: report(procedure, run, id, now, today, options),
    }
}

/// The forms of the steps that apply, with at least one value filled (a form filled outside
/// poryadok, `external`, has no fields here and is left out).
fn forms(procedure: &Procedure, run: &Run, today: Date, options: &Options) -> Vec<FilledForm> {
    let mut out: Vec<FilledForm> = Vec::new();
    for (index, step) in procedure.steps().iter().enumerate() {
        if step_applies(procedure, run, step) == Some(false) {
            continue;
        }
        let Some(form) = step.form.as_deref().and_then(|id| procedure.form(id)) else {
            continue;
        };
        if form.external || out.iter().any(|f| f.id == form.id) {
            continue;
        }
        let mut filled = filled(procedure, run, form, today, options);
        filled.step = index + 1;
        if !filled.rows.is_empty() {
            out.push(filled);
        }
    }
    out
}

/// One form with the run's values.
pub fn filled(
    procedure: &Procedure,
    run: &Run,
    form: &Form,
    today: Date,
    options: &Options,
) -> FilledForm {
    let rows = (form.fields.iter())
        .filter(|f| procedure.field_applies(run, f))
        .filter_map(|field| row(procedure, run, field, options))
        .collect();
    let signature = form.signature.as_ref().map(|s| SignatureBlock {
        role: clean(&s.role),
        name: s
            .name_field
            .as_deref()
            .filter(|id| options.include_secrets || !is_secret(procedure, run, id))
            .and_then(|id| run.values.get(id))
            .map(|v| initials_and_surname(&text_of(v, options.lang))),
    });
    FilledForm {
        id: form.id.clone(),
        step: procedure
            .steps()
            .iter()
            .position(|s| s.form.as_deref() == Some(&form.id))
            .map_or(0, |i| i + 1),
        title: clean(&form.title),
        addressee: form.addressee.as_deref().map(clean),
        requisites: Vec::new(),
        rows,
        signature,
        date: today,
        lang: options.lang,
    }
}

/// A field with its value, or none when it is empty.
fn row(procedure: &Procedure, run: &Run, field: &Field, options: &Options) -> Option<FormRow> {
    let id = field.id.as_deref().or(field.reuse.as_deref())?;
    let source = procedure.field(id)?;
    let value = run.values.get(id).filter(|v| v.is_filled())?;
    let label = clean(
        field
            .label
            .as_deref()
            .or(source.label.as_deref())
            .unwrap_or(id),
    );
    // Secret in this run (the procedure says so, or it was sealed before), whatever this
    // edition of the procedure says: left out unless the officer asked for it.
    if is_secret(procedure, run, id) && !options.include_secrets {
        return Some(FormRow::Field {
            label,
            value: options.lang.text("export-secret-left-out"),
        });
    }
    if let Value::Table(rows) = value {
        // A reused table shows the columns it names, in its order.
        let columns: Vec<&crate::procedure::Column> = if field.reuse_columns.is_empty() {
            source.columns.iter().collect()
        } else {
            field
                .reuse_columns
                .iter()
                .filter_map(|c| source.columns.iter().find(|x| &x.id == c))
                .collect()
        };
        return Some(FormRow::Table {
            id: id.to_owned(),
            label,
            columns: columns.iter().map(|c| clean(&c.label)).collect(),
            rows: rows
                .iter()
                .map(|r| {
                    columns
                        .iter()
                        .map(|c| {
                            r.get(&c.id)
                                .map_or(String::new(), |v| text_of(v, options.lang))
                        })
                        .collect()
                })
                .collect(),
        });
    }
    Some(FormRow::Field {
        label,
        value: text_of(value, options.lang),
    })
}

/// A value as printed.
pub fn text_of(value: &Value, lang: Lang) -> String {
    match value {
        Value::Text(text) => clean(text),
        Value::Bool(true) => lang.text("export-yes"),
        Value::Bool(false) => lang.text("export-no"),
        Value::List(items) => clean(&items.join("; ")),
        Value::Table(rows) => Msg::new("export-rows").arg("count", rows.len()).text(lang),
    }
}

/// The letters of the steps that apply, with `{{field}}` replaced by the officer's values.
fn drafts(procedure: &Procedure, run: &Run, options: &Options) -> Vec<Draft> {
    let mut out = Vec::new();
    let with_files = options.added_files.is_some();
    for (index, step) in procedure.steps().iter().enumerate() {
        if step_applies(procedure, run, step) == Some(false) {
            continue;
        }
        // Attachments the officer adds are numbered across the step's letters, from 1.
        let mut added = 0;
        for letter in &step.letters {
            let first = added + 1;
            added += letter.attach_files.len();
            if letter
                .when
                .as_ref()
                .is_some_and(|c| holds(procedure, run, c) == Some(false))
            {
                continue;
            }
            let fill = |text: &str| fill_in(procedure, run, text, options);
            out.push(Draft {
                step: step.id.clone(),
                number: index + 1,
                title: letter.title.as_deref().map(clean),
                to: letter.to.iter().map(|t| clean(t)).collect(),
                cc: letter.cc.iter().map(|t| clean(t)).collect(),
                subject: one_line(
                    &letter
                        .subject
                        .as_deref()
                        .map(fill)
                        .or_else(|| letter.title.as_deref().map(clean))
                        .unwrap_or_else(|| clean(&step.title)),
                ),
                body: with_external_attachments(
                    letter.body.as_deref().map(fill).unwrap_or_default(),
                    procedure,
                    &letter.attach,
                    options.lang,
                ),
                attach: letter.attach.clone(),
                channel: letter.channel,
                attachments: letter
                    .attach
                    .iter()
                    .filter_map(|id| procedure.form(id))
                    .map(|form| clean(&form.title))
                    .chain(letter.attach_files.iter().enumerate().map(|(n, f)| {
                        let key = crate::run::state::attachment_key(&step.id, first + n);
                        match run.attachments.get(&key).filter(|_| with_files) {
                            Some(file) => Msg::new("export-letter-file")
                                .arg("file", clean(f))
                                .arg("name", added_name(&file.name)),
                            None => Msg::new("export-letter-added").arg("file", clean(f)),
                        }
                        .text(options.lang)
                    }))
                    .collect(),
                files: (0..letter.attach_files.len())
                    .filter(|_| with_files)
                    .filter_map(|n| {
                        let key = crate::run::state::attachment_key(&step.id, first + n);
                        run.attachments.get(&key)
                    })
                    .map(|file| AddedFile {
                        name: added_name(&file.name),
                        file: file.clone(),
                    })
                    .collect(),
                sender: options
                    .organisation
                    .as_ref()
                    .map(|o| o.requisites(options.lang))
                    .unwrap_or_default(),
                signer: options
                    .organisation
                    .as_ref()
                    .and_then(signer)
                    .or_else(|| signer_in_run(procedure, run)),
                contact: options
                    .organisation
                    .as_ref()
                    .and_then(|o| contact(o, options.lang)),
                lang: options.lang,
            });
        }
    }
    out
}

/// An added file's name as the export writes it: the officer's name with nothing that could
/// leave the folder or reach the terminal, its extension kept («Скан заявки.pdf»).
pub fn added_name(name: &str) -> String {
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.trim().is_empty()
                && (1..=8).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (stem, ext)
        }
        _ => (name, "bin"),
    };
    super::write::readable_name(stem, extension)
}

/// The head of the organisation as the signer of its letters.
fn signer(org: &crate::organisation::Organisation) -> Option<SignatureBlock> {
    use crate::organisation::OrgKey;
    let name = org.get(OrgKey::HeadName).map(initials_and_surname);
    let role = org.get(OrgKey::HeadPosition)?.to_owned();
    Some(SignatureBlock { role, name })
}

/// Without an organisation from the register, the head as the run's own fields give them: the
/// fields marked `organisation = "head_position"` and `"head_name"`. Only the name is enough: it
/// is signed as «Руководитель».
fn signer_in_run(procedure: &Procedure, run: &Run) -> Option<SignatureBlock> {
    use crate::organisation::{OrgKey, marked_fields};
    let value = |key: OrgKey| {
        marked_fields(procedure)
            .filter(|(_, marked)| *marked == key)
            .find_map(|(id, _)| match run.values.get(id) {
                Some(Value::Text(text)) if !text.trim().is_empty() => Some(clean(text)),
                _ => None,
            })
    };
    let name = value(OrgKey::HeadName).map(|n| initials_and_surname(&n));
    let role = value(OrgKey::HeadPosition);
    if name.is_none() && role.is_none() {
        return None;
    }
    let role = role.unwrap_or_else(|| document_lang(procedure).text("export-letter-head"));
    Some(SignatureBlock { role, name })
}

/// «Исполнитель: Иванова М.П., главный специалист, тел. +78137021145, m.ivanova@…».
fn contact(org: &crate::organisation::Organisation, lang: Lang) -> Option<String> {
    use crate::organisation::OrgKey;
    let parts: Vec<&str> = [
        OrgKey::OfficerName,
        OrgKey::OfficerPosition,
        OrgKey::Phone,
        OrgKey::Email,
    ]
    .into_iter()
    .filter_map(|k| org.get(k))
    .collect();
    (!parts.is_empty()).then(|| {
        Msg::new("export-letter-contact")
            .arg("contact", parts.join(", "))
            .text(lang)
    })
}

/// What a letter ends with, after its text: the list of attachments, the signer and the
/// contact, as lines (the e-mail's text; the covering letter lays the same out on the page).
pub fn letter_ending(draft: &Draft) -> Vec<String> {
    let lang = draft.lang;
    let mut lines = Vec::new();
    // A text that lists its attachments itself («Приложение: …») does not get them twice.
    let heading = lang.text("export-letter-attachments");
    let heading = heading.trim_end_matches(':');
    let listed = draft
        .body
        .lines()
        .any(|l| l.trim_start().starts_with(heading));
    match draft.attachments.as_slice() {
        _ if listed => {}
        [] => {}
        [one] => lines.push(
            Msg::new("export-letter-attachment")
                .arg("what", one.clone())
                .text(lang),
        ),
        many => {
            lines.push(lang.text("export-letter-attachments"));
            for (n, what) in many.iter().enumerate() {
                lines.push(format!("{}. {what}", n + 1));
            }
        }
    }
    if let Some(signer) = &draft.signer {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(signer.role.clone());
        if let Some(name) = &signer.name {
            lines.push(name.clone());
        }
    }
    if let Some(contact) = &draft.contact {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(contact.clone());
    }
    lines
}

/// The text of a letter with a line for each form it carries that is filled outside poryadok
/// (the issuer's own template): the officer attaches that file by hand, and the line says which
/// one and where its blank is.
fn with_external_attachments(
    body: String,
    procedure: &Procedure,
    attach: &[String],
    lang: Lang,
) -> String {
    let lines: Vec<String> = attach
        .iter()
        .filter_map(|id| procedure.form(id))
        .filter(|form| form.external)
        .map(|form| {
            let msg = match &form.link {
                Some(link) => Msg::new("export-attach-by-hand-link")
                    .arg("form", clean(&form.title))
                    .arg("link", clean(link)),
                None => Msg::new("export-attach-by-hand").arg("form", clean(&form.title)),
            };
            msg.text(lang)
        })
        .collect();
    if lines.is_empty() {
        return body;
    }
    let mut out = body;
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(&lines.join("\n"));
    out
}

/// A subject on one line: a value with line breaks (a multi-line field, text pasted with a
/// break) has them turned into spaces, so that it reads as typed and can add no header to the
/// message; `check` refuses a multi-line field in a subject.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n', '\u{2028}', '\u{2029}'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Replaces every `{{field_id}}` with the field's value (a secret one only when asked for);
/// an empty or unknown field leaves the placeholder's name in brackets, so that the officer
/// sees what is missing.
pub fn fill_in(procedure: &Procedure, run: &Run, text: &str, options: &Options) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let id = after[..end].trim();
        let field = procedure.field(id);
        let value = run.values.get(id).filter(|v| v.is_filled());
        match (field, value) {
            (Some(_), Some(_)) if is_secret(procedure, run, id) && !options.include_secrets => {
                out.push_str(&options.lang.text("export-secret-left-out"));
            }
            (Some(_), Some(value)) => out.push_str(&text_of(value, options.lang)),
            // A field left empty is named as the officer knows it, for them to fill in.
            (Some(field), None) => {
                out.push('[');
                out.push_str(field.label.as_deref().unwrap_or(id));
                out.push(']');
            }
            _ => {
                out.push('[');
                out.push_str(id);
                out.push(']');
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    clean(&out)
}

fn report(
    procedure: &Procedure,
    run: &Run,
    id: &str,
    now: Timestamp,
    today: Date,
    options: &Options,
) -> Report {
    let lang = options.lang;
    let date = |d: Date| d.strftime("%d.%m.%Y").to_string();
    let dues = due_dates(procedure, run, &ProductionCalendar, &options.tz);
    let (done, all) = crate::run::view::progress(procedure, run);
    let mut sections = Vec::new();
    for section in procedure.sections() {
        let mut steps = Vec::new();
        for step in procedure.steps_in(&section.id) {
            let Some(index) = procedure.step_index(&step.id) else {
                continue;
            };
            let state = status(procedure, run, index);
            let code = crate::run::view::StatusCode::of(procedure, run, index, &state);
            let done_at = match run.steps.get(&step.id) {
                Some(StepState::Done { at, .. }) => Some(*at),
                _ => None,
            };
            let due = dues.iter().find(|d| d.step == index);
            let due_kept = due.and_then(|d| {
                if d.missed() || d.overdue(today) {
                    Some(false)
                } else {
                    d.done.map(|_| true)
                }
            });
            let values = (procedure.step_fields(run, index).into_iter())
                .filter_map(|field| row(procedure, run, field, options))
                .collect();
            steps.push(StepReport {
                number: index + 1,
                id: step.id.clone(),
                title: clean(&step.title),
                status: code,
                status_text: status_msg(procedure, run, index, &state, &options.tz, today, date)
                    .text(lang),
                done_at,
                due: due.map(|d| d.date),
                due_rule: due
                    .filter(|d| d.kind == crate::run::schedule::DueKind::Deadline)
                    .and_then(|_| crate::run::schedule::deadline_rule(procedure, index))
                    .map(|rule| rule.text(lang)),
                due_kept,
                notes: run
                    .notes
                    .get(&step.id)
                    .into_iter()
                    .flatten()
                    .map(|n| clean(&n.text))
                    .collect(),
                values,
            });
        }
        sections.push(SectionReport {
            title: clean(&section.title),
            steps,
        });
    }
    let choices = procedure
        .file()
        .choices
        .iter()
        .map(|c| ChoiceLine {
            id: c.id.clone(),
            title: clean(&c.title),
            option: run
                .choices
                .get(&c.id)
                .and_then(|o| c.options.iter().find(|x| &x.id == o))
                .map(|o| clean(&o.title)),
        })
        .collect();
    // In the words the wizard's journal and `poryadok status --journal` use: one wording.
    let told = crate::run::journal::told(procedure, run, &options.earlier, lang, &options.tz);
    let journal = (run.journal.iter().zip(told))
        .map(|(entry, told)| JournalLine {
            number: told.number,
            at: entry.at,
            what: clean(&entry.what.to_string()),
            subject: told.subject,
            old: entry.old.as_ref().map(|_| told.old),
            new: entry.new.as_ref().map(|_| told.new),
            undo: entry.undoes.is_some(),
            undoes: entry.undoes.map(|n| n + 1),
            recorded_for: told.recorded_for_day,
            remarks: [told.recorded_for, told.undoes, told.moved]
                .into_iter()
                .flatten()
                .collect(),
        })
        .collect();
    Report {
        procedure: ProcedureInfo {
            id: procedure.id().to_owned(),
            title: clean(procedure.title()),
            version: procedure.file().procedure.version.clone(),
        },
        run: RunInfo {
            id: id.to_owned(),
            label: clean(&run.label),
            created: run.created,
        },
        exported: now,
        done,
        all,
        choices,
        sections,
        journal,
    }
}

/// Whether a field's type is a table (for formats that lay tables out apart).
pub fn is_table(field: &Field) -> bool {
    field.kind == Some(FieldType::Table)
}

#[cfg(test)]
mod tests {
    use super::{added_name, initials_and_surname};

    #[test]
    fn an_added_files_name_keeps_its_extension_and_nothing_that_leaves_the_folder() {
        assert_eq!(added_name("Скан заявки.PDF"), "Скан заявки.pdf");
        assert_eq!(added_name("../../etc/passwd.pdf"), "etc passwd.pdf");
        assert_eq!(added_name("скан\u{1b}[31m.jpeg"), "скан 31m.jpeg");
        assert_eq!(added_name(".bashrc"), "bashrc.bin");
        assert_eq!(added_name("без расширения"), "без расширения.bin");
        // One name, never a path: the dots stay only inside it.
        assert_eq!(added_name("a.tar/../x"), "a.tar .. x.bin");
        assert_eq!(added_name(".."), "file.bin");
    }

    #[test]
    fn a_signers_name_is_printed_as_initials_and_surname() {
        assert_eq!(
            initials_and_surname("Васильев Алексей Петрович"),
            "А.П. Васильев"
        );
        assert_eq!(
            initials_and_surname("Петрова-Водкина Анна"),
            "А. Петрова-Водкина"
        );
        assert_eq!(initials_and_surname(" А.П. Васильев "), "А.П. Васильев");
        assert_eq!(initials_and_surname("Васильев А.П."), "Васильев А.П.");
        assert_eq!(initials_and_surname("Васильев"), "Васильев");
        assert_eq!(
            initials_and_surname("ООО «Ромашка» и ко"),
            "ООО «Ромашка» и ко"
        );
    }
}
