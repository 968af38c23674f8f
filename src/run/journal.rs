//! What a journal entry changed, as a type, and the entry read in the officer's words.
//!
//! On disk an entry names what it changed as text (`step:ID`, `field:ID`, `choice:ID`,
//! `note:STEP`), as every run file ever written does; in memory it is a [`What`], so that undo,
//! the reports and the command line match on it instead of cutting strings. Anything else found
//! in a file (written by a later poryadok) is kept as it was, as [`What::Other`].

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Msg;
use crate::procedure::Procedure;

use super::state::{Recorded, StepState, Value};

/// What one journal entry changed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum What {
    /// A step's progress, by step id.
    Step(String),
    /// A value, by field id (a form field or a step result).
    Field(String),
    /// The option of a choice, by choice id.
    Choice(String),
    /// A note added to a step, by step id.
    Note(String),
    /// The run's label (written `label`).
    Label,
    /// Whether the run is in the archive (written `archived`).
    Archived,
    /// The edition of the procedure the run is walked with (written `edition`): taken when a
    /// run is opened with a newer one. Not undone.
    Edition,
    /// The file given for a letter's added attachment, by its key (written
    /// `attachment:STEP#N`, see [`super::state::attachment_key`]).
    Attachment(String),
    /// Something this build does not know, kept as written.
    Other(String),
}

impl What {
    /// Reads the journal's text for it; never fails (unknown text is [`What::Other`]).
    pub fn parse(text: &str) -> What {
        match text {
            "label" => return What::Label,
            "archived" => return What::Archived,
            "edition" => return What::Edition,
            _ => {}
        }
        let Some((kind, id)) = text.split_once(':') else {
            return What::Other(text.to_owned());
        };
        let id = id.to_owned();
        match kind {
            "step" => What::Step(id),
            "field" => What::Field(id),
            "choice" => What::Choice(id),
            "note" => What::Note(id),
            "attachment" => What::Attachment(id),
            _ => What::Other(text.to_owned()),
        }
    }

    /// The field it changed, if it changed a value.
    pub fn field(&self) -> Option<&str> {
        match self {
            What::Field(id) => Some(id),
            _ => None,
        }
    }

    /// Whether `procedure` has what it names (a step, a field, a choice).
    pub fn known_in(&self, procedure: &Procedure) -> bool {
        match self {
            What::Step(id) | What::Note(id) => procedure.step_index(id).is_some(),
            What::Field(id) => procedure.field(id).is_some(),
            What::Choice(id) => procedure.file().choices.iter().any(|c| &c.id == id),
            What::Label | What::Archived | What::Edition => true,
            What::Attachment(key) => {
                attachment_step(key).is_some_and(|(step, _)| procedure.step_index(step).is_some())
            }
            What::Other(_) => false,
        }
    }

    /// It in words, from the first of `editions` (the procedure now, the edition the run had
    /// before) that has it; by its id when none has.
    pub fn words_in(&self, editions: &[&Procedure], lang: crate::i18n::Lang) -> String {
        match editions.iter().find(|p| self.known_in(p)) {
            Some(procedure) => self.subject(procedure).text(lang),
            None => self.subject(editions[0]).text(lang),
        }
    }

    /// What it changed, in words: the field's label, the step's number and title, the choice's
    /// title. Something the procedure no longer has is named by the journal's own text.
    pub fn subject(&self, procedure: &Procedure) -> Msg {
        let step = |id: &str| {
            procedure
                .step_index(id)
                .map(|i| (i + 1, clean(&procedure.steps()[i].title)))
        };
        let msg = match self {
            What::Field(id) => procedure
                .field(id)
                .and_then(|f| f.label.as_deref())
                .map(|label| Msg::new("export-journal-field").arg("label", clean(label))),
            What::Step(id) => step(id).map(|(n, title)| {
                Msg::new("export-journal-step")
                    .arg("number", n)
                    .arg("title", title)
            }),
            What::Note(id) => step(id).map(|(n, title)| {
                Msg::new("export-journal-note")
                    .arg("number", n)
                    .arg("title", title)
            }),
            What::Choice(id) => (procedure.file().choices.iter())
                .find(|c| &c.id == id)
                .map(|c| Msg::new("export-journal-choice").arg("title", clean(&c.title))),
            What::Label => Some(Msg::new("journal-label")),
            What::Archived => Some(Msg::new("journal-archived")),
            What::Edition => Some(Msg::new("journal-edition")),
            What::Attachment(key) => attachment_step(key).and_then(|(id, n)| {
                let (number, title) = step(id)?;
                let what = added_files(procedure, id).nth(n.checked_sub(1)?)?;
                Some(
                    Msg::new("journal-attachment")
                        .arg("number", number)
                        .arg("title", title)
                        .arg("what", clean(what)),
                )
            }),
            What::Other(_) => None,
        };
        msg.unwrap_or_else(|| Msg::new("journal-unknown").arg("what", clean(&self.to_string())))
    }

    /// A value it recorded before or after, in words: a choice's option by its title, a step's
    /// progress with its day, a yes/no as a word, a table by its number of rows. A secret value
    /// is only ever the marker. `date` writes a day the way the caller shows them.
    pub fn value(
        &self,
        procedure: &Procedure,
        recorded: &Recorded,
        date: impl Fn(jiff::civil::Date) -> String,
        tz: &jiff::tz::TimeZone,
    ) -> Msg {
        match recorded {
            Recorded::Secret { .. } => Msg::new("export-secret-left-out"),
            Recorded::Step(state) => {
                let day = date(state.day(tz));
                match state {
                    StepState::InProgress { .. } => Msg::new("journal-started").arg("date", day),
                    StepState::Waiting { due: Some(due), .. } => Msg::new("journal-waiting-until")
                        .arg("date", day)
                        .arg("due", date(*due)),
                    StepState::Waiting { .. } => Msg::new("journal-waiting").arg("date", day),
                    StepState::Done {
                        passed_over: true, ..
                    } => Msg::new("journal-passed-over").arg("date", day),
                    StepState::Done { .. } => Msg::new("journal-done").arg("date", day),
                }
            }
            Recorded::Value(Value::Text(option)) if matches!(self, What::Choice(_)) => {
                let title = match self {
                    What::Choice(choice) => (procedure.file().choices.iter())
                        .find(|c| &c.id == choice)
                        .and_then(|c| c.options.iter().find(|o| &o.id == option))
                        .map(|o| clean(&o.title)),
                    _ => None,
                };
                Msg::new("journal-text").arg("text", title.unwrap_or_else(|| clean(option)))
            }
            Recorded::Value(value) if matches!(self, What::Attachment(_)) => {
                match super::state::Attached::from_value(value) {
                    Some(file) => Msg::new("journal-text").arg("text", clean(&file.name)),
                    None => value_msg(value),
                }
            }
            Recorded::Value(value) => value_msg(value),
        }
    }
}

/// One journal entry in the officer's words: what `poryadok status --journal` prints and the
/// wizard's journal shows, made once here for both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    /// Its place in the journal, from 1: a taken-back change names the one it took back by it.
    pub number: usize,
    /// When it was recorded, in the officer's time zone: `ДД.ММ.ГГГГ ЧЧ:ММ`.
    pub when: String,
    /// What it changed: a step, a field, a choice by its title.
    pub subject: String,
    /// The value before and after it in words; a secret value only as a marker, none as `—`.
    pub old: String,
    pub new: String,
    /// "takes back change N", when it took one back.
    pub undoes: Option<String>,
    /// "recorded for ДД.ММ.ГГГГ", when the officer gave a day other than the one it was
    /// recorded on (a step marked done, waiting or passed over the day after, say).
    pub recorded_for: Option<String>,
    /// That day itself, for a report to carry as a date.
    pub recorded_for_day: Option<jiff::civil::Date>,
    /// What taking an edition moved, in words, for an entry of an edition taken.
    pub moved: Option<String>,
}

impl Told {
    /// The entry as one line of text: `when  subject: old → new (for …) (takes back …)`.
    pub fn line(&self) -> String {
        let mut line = format!(
            "{}  {}: {} → {}",
            self.when, self.subject, self.old, self.new
        );
        for extra in [&self.recorded_for, &self.undoes, &self.moved]
            .into_iter()
            .flatten()
        {
            line.push(' ');
            line.push_str(extra);
        }
        line
    }
}

/// What the undo just done took back, in the officer's words: the step and its state now, the
/// field by its label, the variant by its title, the run's name. Read after the undo, from the
/// journal's last entry (the one the undo added): the wizard, plain mode and `poryadok undo` say it.
pub fn undone(
    p: &Procedure,
    run: &super::Run,
    lang: crate::i18n::Lang,
    tz: &jiff::tz::TimeZone,
    today: jiff::civil::Date,
) -> Msg {
    let Some(entry) = run.journal.last() else {
        return Msg::new("undone");
    };
    let step_title = |id: &str| {
        p.step(id)
            .map(|s| crate::text::sanitize_line(&s.title).into_owned())
    };
    match &entry.what {
        What::Step(id) => {
            let (Some(index), Some(title)) = (p.step_index(id), step_title(id)) else {
                return Msg::new("undone");
            };
            let status = crate::run::view::status(p, run, index);
            let date = |date: jiff::civil::Date| date.strftime("%d.%m.%Y").to_string();
            let state = crate::run::view::status_msg(p, run, index, &status, tz, today, date);
            Msg::new("undone-step")
                .arg("step", title)
                .arg("state", state.text(lang))
        }
        What::Field(id) => {
            let label = p
                .field(id)
                .and_then(|f| f.label.clone())
                .unwrap_or_else(|| id.to_owned());
            let cleared = !run.values.contains_key(id);
            Msg::new(if cleared {
                "undone-field-cleared"
            } else {
                "undone-field"
            })
            .arg("field", crate::text::sanitize_line(&label).into_owned())
        }
        What::Choice(id) => {
            let Some(choice) = p.file().choices.iter().find(|c| &c.id == id) else {
                return Msg::new("undone");
            };
            let title = crate::text::sanitize_line(&choice.title).into_owned();
            let option =
                (run.choices.get(id)).and_then(|o| choice.options.iter().find(|c| &c.id == o));
            match option {
                Some(option) => Msg::new("undone-choice").arg("choice", title).arg(
                    "option",
                    crate::text::sanitize_line(&option.title).into_owned(),
                ),
                None => Msg::new("undone-choice-cleared").arg("choice", title),
            }
        }
        What::Note(id) => match step_title(id) {
            Some(title) => Msg::new("undone-note").arg("step", title),
            None => Msg::new("undone"),
        },
        What::Attachment(key) => {
            let Some((step, number)) = crate::run::journal::attachment_step(key) else {
                return Msg::new("undone");
            };
            let letter = letter_title(p, step, number);
            let name = |file: &crate::run::state::Attached| {
                crate::text::sanitize_line(&file.name).into_owned()
            };
            // The file the letter has again, or the one the undo took from it.
            let before = match &entry.old {
                Some(crate::run::state::Recorded::Value(value)) => {
                    crate::run::state::Attached::from_value(value)
                }
                _ => None,
            };
            match (run.attachments.get(key), before) {
                (Some(file), _) => Msg::new("undone-attached")
                    .arg("letter", letter)
                    .arg("name", name(file)),
                (None, Some(file)) => Msg::new("undone-detached")
                    .arg("letter", letter)
                    .arg("name", name(&file)),
                (None, None) => Msg::new("undone"),
            }
        }
        What::Label => Msg::new("undone-label")
            .arg("label", crate::text::sanitize_line(&run.label).into_owned()),
        What::Archived | What::Edition | What::Other(_) => Msg::new("undone"),
    }
}

/// Every entry of `run`'s journal in the officer's words, oldest first. What the procedure no
/// longer has is named as an edition the run had before named it (`earlier`: the kept editions
/// the run had, see [`crate::store::Store::earlier_editions`]); a value that is or ever was
/// secret only as a marker. Every text is made safe for a terminal.
pub fn told(
    procedure: &Procedure,
    run: &super::Run,
    earlier: &[std::sync::Arc<Procedure>],
    lang: crate::i18n::Lang,
    tz: &jiff::tz::TimeZone,
) -> Vec<Told> {
    let date = |d: jiff::civil::Date| d.strftime("%d.%m.%Y").to_string();
    let editions: Vec<&Procedure> = [procedure]
        .into_iter()
        .chain(earlier.iter().map(|p| &**p))
        .collect();
    let line = |text: String| crate::text::sanitize_line(&text).into_owned();
    (run.journal.iter().enumerate())
        .map(|(index, entry)| {
            // A value journaled in plain before its field became secret is not shown either.
            let secret = (entry.what.field())
                .is_some_and(|field| super::command::is_secret(procedure, run, field));
            let shown = |recorded: &Option<Recorded>| match recorded {
                None => "—".to_owned(),
                Some(_) if secret => lang.text("journal-secret"),
                Some(recorded) => line(entry.what.value(procedure, recorded, date, tz).text(lang)),
            };
            let recorded_on = entry.at.to_zoned(tz.clone()).date();
            let recorded_for_day = match &entry.new {
                Some(Recorded::Step(state)) if state.day(tz) != recorded_on => Some(state.day(tz)),
                _ => None,
            };
            let new = shown(&entry.new);
            // Said only where the new value does not already name the day («выполнен
            // 03.12.2026» needs no «(отмечено за 03.12.2026)»); the report keeps the day.
            let recorded_for = recorded_for_day
                .filter(|day| !new.contains(&date(*day)))
                .map(|day| Msg::new("journal-recorded-for").arg("date", date(day)));
            Told {
                number: index + 1,
                when: entry
                    .at
                    .to_zoned(tz.clone())
                    .strftime("%d.%m.%Y %H:%M")
                    .to_string(),
                subject: line(entry.what.words_in(&editions, lang)),
                old: shown(&entry.old),
                new,
                undoes: (entry.undoes)
                    .map(|n| Msg::new("journal-undoes").arg("entry", n + 1).text(lang)),
                recorded_for: recorded_for.map(|msg| msg.text(lang)),
                recorded_for_day,
                moved: (entry.edition.as_ref())
                    .and_then(|taken| taken.words(&editions, lang))
                    .map(|words| format!("({})", line(words))),
            }
        })
        .collect()
}

impl super::state::EditionTaken {
    /// What moved, in words, from the first of `editions` that names each thing (the procedure
    /// now, the editions the run had before): `None` when nothing moved.
    pub fn words(&self, editions: &[&Procedure], lang: crate::i18n::Lang) -> Option<String> {
        let words = |what: &What| what.words_in(editions, lang);
        let list = |items: &[What]| items.iter().map(words).collect::<Vec<_>>().join(", ");
        let mut parts = Vec::new();
        if !self.renamed.is_empty() {
            let pairs = (self.renamed.iter())
                .map(|(old, new)| match (words(old), words(new)) {
                    // The same title under a new id: the field is named once.
                    (old, new) if old == new => new,
                    (old, new) => format!("{old} → {new}"),
                })
                .collect::<Vec<_>>()
                .join(", ");
            parts.push(Msg::new("journal-edition-renamed").arg("items", pairs));
        }
        if !self.set_aside.is_empty() {
            parts.push(Msg::new("journal-edition-aside").arg("items", list(&self.set_aside)));
        }
        if !self.restored.is_empty() {
            parts.push(Msg::new("journal-edition-restored").arg("items", list(&self.restored)));
        }
        (!parts.is_empty()).then(|| {
            (parts.iter())
                .map(|m| m.text(lang))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }
}

/// The step id and the number of an attachment key `STEP#N`.
pub fn attachment_step(key: &str) -> Option<(&str, usize)> {
    let (step, number) = key.rsplit_once('#')?;
    Some((step, number.parse().ok()?))
}

/// What the officer adds to the letters of a step (`attach_files`), in order: the attachment
/// numbered N is the N-th of these.
pub fn added_files<'p>(procedure: &'p Procedure, step: &str) -> impl Iterator<Item = &'p String> {
    added_files_by_letter(procedure, step).map(|(_, what)| what)
}

/// The title of the letter the `number`-th added file of `step` goes with (the file's own words
/// when the letter has no title), safe for a terminal; empty when there is no such file.
pub fn letter_title(procedure: &Procedure, step: &str, number: usize) -> String {
    added_files_by_letter(procedure, step)
        .nth(number.saturating_sub(1))
        .map(|(letter, what)| {
            crate::text::sanitize_line(letter.title.as_deref().unwrap_or(what)).into_owned()
        })
        .unwrap_or_default()
}

/// [`added_files`], each with the letter it goes with.
pub fn added_files_by_letter<'p>(
    procedure: &'p Procedure,
    step: &str,
) -> impl Iterator<Item = (&'p crate::procedure::model::Letter, &'p String)> {
    (procedure.step(step).into_iter())
        .flat_map(|s| s.letters.iter())
        .flat_map(|letter| letter.attach_files.iter().map(move |what| (letter, what)))
}

/// A recorded value in words.
pub fn value_msg(value: &Value) -> Msg {
    match value {
        Value::Text(text) => Msg::new("journal-text").arg("text", clean(text)),
        Value::Bool(true) => Msg::new("export-yes"),
        Value::Bool(false) => Msg::new("export-no"),
        Value::List(items) => Msg::new("journal-text").arg("text", clean(&items.join("; "))),
        Value::Table(rows) => Msg::new("export-rows").arg("count", rows.len()),
    }
}

fn clean(text: &str) -> String {
    crate::text::sanitize(text).into_owned()
}

impl fmt::Display for What {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            What::Step(id) => write!(f, "step:{id}"),
            What::Field(id) => write!(f, "field:{id}"),
            What::Choice(id) => write!(f, "choice:{id}"),
            What::Note(id) => write!(f, "note:{id}"),
            What::Label => f.write_str("label"),
            What::Archived => f.write_str("archived"),
            What::Edition => f.write_str("edition"),
            What::Attachment(key) => write!(f, "attachment:{key}"),
            What::Other(text) => f.write_str(text),
        }
    }
}

impl Serialize for What {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for What {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<What, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Ok(What::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_as_the_same_text() {
        for text in [
            "step:generate-request",
            "field:inn",
            "choice:variant",
            "note:a",
            "colour:red",
            "no-colon",
            "field:",
            "label",
            "archived",
            "edition",
            "attachment:send-scan#1",
        ] {
            let what = What::parse(text);
            assert_eq!(what.to_string(), text);
            let json = serde_json::to_string(&what).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<What>(&json).unwrap(), what);
        }
        assert_eq!(What::parse("field:inn"), What::Field("inn".into()));
        assert_eq!(What::parse("colour:red"), What::Other("colour:red".into()));
    }

    #[test]
    fn the_journal_speaks_in_titles_not_ids() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/procedures/antivirus-licenses.toml"
        );
        let p = crate::procedure::load(&std::fs::read(path).unwrap())
            .result
            .unwrap();
        let lang = crate::i18n::Lang::Ru;
        let choice = &p.file().choices[0];
        let option = &choice.options[0];
        let what = What::Choice(choice.id.clone());
        assert!(what.subject(&p).text(lang).contains(&choice.title));
        let value = what
            .value(
                &p,
                &Recorded::Value(Value::Text(option.id.clone())),
                |d| d.to_string(),
                &jiff::tz::TimeZone::UTC,
            )
            .text(lang);
        assert_eq!(value, format!("«{}»", option.title));
        let step = &p.steps()[0];
        let subject = What::Step(step.id.clone()).subject(&p).text(lang);
        assert!(subject.contains(&step.title) && !subject.contains(&step.id));
        let gone = What::Field("gone_field".into()).subject(&p).text(lang);
        assert!(gone.contains("gone_field"), "{gone}");
    }
}
