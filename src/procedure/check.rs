//! The semantic rules of a procedure file: what the types alone cannot say.
//!
//! Every rule reports through [`Diagnostic`]s with a path into the file; the loader turns paths
//! into positions. All rules run, so the author sees every problem at once. Rules on forms, fields
//! and conditions are in [`super::check_form`], the rule on links in [`super::check_links`], the
//! rule against dependency cycles in [`super::check_cycles`].

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::diagnostic::closest;
use super::model::{Deadline, Letter, ProcedureFile};
use super::{Diagnostic, FORMAT_VERSION, Msg, PathSeg};
use crate::path;

/// The actor every procedure has: the officer who runs it.
pub const OFFICER: &str = "officer";

/// What the rules need to know about the whole file.
pub(super) struct Checker<'a> {
    pub file: &'a ProcedureFile,
    pub out: &'a mut Vec<Diagnostic>,
    pub steps: HashMap<&'a str, usize>,
    pub sections: HashMap<&'a str, usize>,
    pub forms: HashMap<&'a str, usize>,
    pub choices: HashMap<&'a str, Vec<&'a str>>,
    pub fields: HashMap<&'a str, &'a super::Field>,
}

/// Runs every rule on `file`, adding what it finds to `out`.
pub fn check(file: &ProcedureFile, out: &mut Vec<Diagnostic>) {
    let mut checker = Checker {
        file,
        out,
        steps: HashMap::new(),
        sections: HashMap::new(),
        forms: HashMap::new(),
        choices: HashMap::new(),
        fields: HashMap::new(),
    };
    checker.meta();
    checker.ids();
    checker.choices();
    checker.sections();
    checker.steps();
    checker.forms();
    checker.references();
    checker.markdown();
    checker.cycles();
}

/// Whether `id` is a valid identifier: Latin lowercase letters, digits, `-` and `_`, starting
/// with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    // Bytes rather than characters: any byte of a non-ASCII character fails as the character
    // would.
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl<'a> Checker<'a> {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }

    /// A text the officer reads must say something. The path `at` is only built for a problem,
    /// like every path the rules that run on each step take: a long procedure has thousands.
    pub fn not_blank(&mut self, text: &str, at: impl FnOnce() -> Vec<PathSeg>) {
        if text.trim().is_empty() {
            self.push(Diagnostic::error("blank-text").at(at()));
        }
    }

    /// An identifier must be well-formed and unique in `seen`.
    pub fn id<'s>(
        &mut self,
        id: &'s str,
        at: Vec<PathSeg>,
        seen: &mut HashMap<&'s str, Vec<PathSeg>>,
    ) {
        if !is_valid_id(id) {
            self.bad_id(id, at.clone());
        }
        if let Some(first) = seen.get(id) {
            let first = super::diagnostic::describe_path(first);
            self.duplicate_id(id, at, first);
        } else {
            seen.insert(id, at);
        }
    }

    fn bad_id(&mut self, id: &str, at: Vec<PathSeg>) {
        self.push(
            Diagnostic::error("bad-id")
                .arg("id", id)
                .at(at)
                .help(Msg::new("help-bad-id")),
        );
    }

    fn duplicate_id(&mut self, id: &str, at: Vec<PathSeg>, first: String) {
        self.push(
            Diagnostic::error("duplicate-id")
                .arg("id", id)
                .at(at)
                .help(Msg::new("help-first-defined").arg("path", first)),
        );
    }

    /// A name that must be one of `known`, with the nearest one suggested.
    pub fn reference(&mut self, kind: &'static str, name: &str, known: &[&str], at: Vec<PathSeg>) {
        let diagnostic = Diagnostic::error("unknown-reference")
            .arg("kind", kind)
            .arg("name", name)
            .at(at);
        let diagnostic = match closest(name, known) {
            Some(near) => diagnostic.help(Msg::new("help-did-you-mean").arg("value", near)),
            None => diagnostic.help(Msg::new("help-define-it").arg("kind", kind)),
        };
        self.push(diagnostic);
    }

    fn meta(&mut self) {
        let meta = &self.file.procedure;
        if meta.format != FORMAT_VERSION {
            self.push(
                Diagnostic::error("format-unsupported")
                    .arg("found", meta.format)
                    .arg("supported", FORMAT_VERSION)
                    .at(path!["procedure", "format"])
                    .help(Msg::new("help-format-unsupported")),
            );
        }
        if !is_valid_id(&meta.id) {
            self.push(
                Diagnostic::error("bad-id")
                    .arg("id", meta.id.as_str())
                    .at(path!["procedure", "id"])
                    .help(Msg::new("help-bad-id")),
            );
        }
        for (key, text) in [
            ("title", &meta.title),
            ("version", &meta.version),
            ("source", &meta.source),
            ("summary", &meta.summary),
        ] {
            self.not_blank(text, || path!["procedure", key]);
        }
        if self.file.steps.is_empty() {
            self.push(
                Diagnostic::error("empty-procedure")
                    .at(path!["procedure"])
                    .help(Msg::new("help-empty-procedure")),
            );
        }
    }

    /// Collects the ids of everything that can be referred to, reporting bad and repeated ones.
    fn ids(&mut self) {
        let file = self.file;
        let mut seen = HashMap::new();
        for (index, actor) in file.actors.iter().enumerate() {
            if actor.id == OFFICER {
                self.push(
                    Diagnostic::error("duplicate-id")
                        .arg("id", OFFICER)
                        .at(path!["actor", index, "id"])
                        .help(Msg::new("help-officer-builtin")),
                );
            }
            self.id(&actor.id, path!["actor", index, "id"], &mut seen);
            self.not_blank(&actor.name, || path!["actor", index, "name"]);
        }
        let mut seen = HashMap::new();
        for (index, section) in file.sections.iter().enumerate() {
            self.id(&section.id, path!["section", index, "id"], &mut seen);
            self.sections.entry(&section.id).or_insert(index);
        }
        // What `id` does, with the map of step ids as the ids seen: a long procedure has
        // thousands of steps, and their paths are only needed for a problem.
        self.steps.reserve(file.steps.len());
        for (index, step) in file.steps.iter().enumerate() {
            if !is_valid_id(&step.id) {
                self.bad_id(&step.id, path!["step", index, "id"]);
            }
            match self.steps.entry(&step.id) {
                Entry::Occupied(first) => {
                    let first: &[PathSeg] = &["step".into(), (*first.get()).into(), "id".into()];
                    let first = super::diagnostic::describe_path(first);
                    self.duplicate_id(&step.id, path!["step", index, "id"], first);
                }
                Entry::Vacant(slot) => {
                    slot.insert(index);
                }
            }
        }
        let mut seen = HashMap::new();
        for (index, form) in file.forms.iter().enumerate() {
            self.id(&form.id, path!["form", index, "id"], &mut seen);
            self.forms.entry(&form.id).or_insert(index);
        }
        let mut seen = HashMap::new();
        for (index, reference) in file.references.iter().enumerate() {
            self.id(&reference.id, path!["reference", index, "id"], &mut seen);
        }
        let mut seen = HashMap::new();
        for (index, choice) in file.choices.iter().enumerate() {
            self.id(&choice.id, path!["choice", index, "id"], &mut seen);
            let options = choice.options.iter().map(|o| o.id.as_str()).collect();
            self.choices.entry(&choice.id).or_insert(options);
        }
        // Field ids are global: conditions and letters name a field without its form.
        let mut seen = HashMap::new();
        for (form_index, form) in file.forms.iter().enumerate() {
            for (index, field) in form.fields.iter().enumerate() {
                if let Some(id) = &field.id {
                    self.id(
                        id,
                        path!["form", form_index, "field", index, "id"],
                        &mut seen,
                    );
                    self.fields.entry(id).or_insert(field);
                }
            }
        }
        for (step_index, step) in file.steps.iter().enumerate() {
            for (index, field) in step.results.iter().enumerate() {
                if let Some(id) = &field.id {
                    self.id(
                        id,
                        path!["step", step_index, "result", index, "id"],
                        &mut seen,
                    );
                    self.fields.entry(id).or_insert(field);
                }
            }
        }
    }

    fn choices(&mut self) {
        let file = self.file;
        for (index, choice) in file.choices.iter().enumerate() {
            self.not_blank(&choice.title, || path!["choice", index, "title"]);
            if choice.options.len() < 2 {
                self.push(
                    Diagnostic::error("too-few-options")
                        .arg("count", choice.options.len())
                        .at(path!["choice", index, "option"]),
                );
            }
            let mut seen = HashMap::new();
            for (option_index, option) in choice.options.iter().enumerate() {
                let at = path!["choice", index, "option", option_index];
                let mut id_at = at.clone();
                id_at.push("id".into());
                self.id(&option.id, id_at, &mut seen);
                let mut title_at = at;
                title_at.push("title".into());
                self.not_blank(&option.title, || title_at);
            }
            if let Some(when) = &choice.when {
                self.condition(when, path!["choice", index, "when"]);
            }
        }
    }

    fn sections(&mut self) {
        let file = self.file;
        // Steps come section by section, so most steps' section is the one before theirs.
        let mut used: HashSet<&str> = HashSet::new();
        let mut last = None;
        for step in &file.steps {
            if last != Some(step.section.as_str()) {
                last = Some(step.section.as_str());
                used.insert(step.section.as_str());
            }
        }
        for (index, section) in file.sections.iter().enumerate() {
            self.not_blank(&section.title, || path!["section", index, "title"]);
            if !used.contains(section.id.as_str()) {
                self.push(
                    Diagnostic::error("empty-section")
                        .arg("id", section.id.as_str())
                        .at(path!["section", index]),
                );
            }
            if let Some(when) = &section.when {
                self.condition(when, path!["section", index, "when"]);
            }
        }
    }

    fn steps(&mut self) {
        let file = self.file;
        let section_ids: Vec<&str> = file.sections.iter().map(|s| s.id.as_str()).collect();
        let step_ids: Vec<&str> = file.steps.iter().map(|s| s.id.as_str()).collect();
        let form_ids: Vec<&str> = file.forms.iter().map(|f| f.id.as_str()).collect();
        let reference_ids: Vec<&str> = file.references.iter().map(|r| r.id.as_str()).collect();
        let choice_ids: Vec<&str> = file.choices.iter().map(|c| c.id.as_str()).collect();
        let mut decided: HashMap<&str, usize> = HashMap::new();
        let mut actor_ids: Vec<&str> = file.actors.iter().map(|a| a.id.as_str()).collect();
        actor_ids.push(OFFICER);
        for (index, step) in file.steps.iter().enumerate() {
            let at = |key: &'static str| path!["step", index, key];
            self.not_blank(&step.title, || at("title"));
            if !self.sections.contains_key(step.section.as_str()) {
                self.reference("section", &step.section, &section_ids, at("section"));
            }
            if let Some(actor) = &step.actor
                && !actor_ids.contains(&actor.as_str())
            {
                self.reference("actor", actor, &actor_ids, at("actor"));
            }
            for (i, required) in step.requires.iter().enumerate() {
                let at = || path!["step", index, "requires", i];
                if *required == step.id {
                    self.push(
                        Diagnostic::error("self-dependency")
                            .arg("id", step.id.as_str())
                            .at(at()),
                    );
                } else if !self.steps.contains_key(required.as_str()) {
                    self.reference("step", required, &step_ids, at());
                }
            }
            for (required, reason) in &step.requires_reasons {
                let at = || {
                    let mut at = at("requires_reasons");
                    at.push(PathSeg::Key(required.clone().into()));
                    at
                };
                if !step.requires.contains(required) {
                    let listed: Vec<&str> = step.requires.iter().map(String::as_str).collect();
                    let help = match closest(required, &listed) {
                        Some(near) => Msg::new("help-did-you-mean").arg("value", near),
                        None => Msg::new("help-reason-not-required"),
                    };
                    self.push(
                        Diagnostic::error("reason-not-required")
                            .arg("id", required.as_str())
                            .at(at())
                            .help(help),
                    );
                }
                self.not_blank(reason, at);
            }
            if step.requires_reason.is_some() && step.requires.is_empty() {
                self.push(Diagnostic::error("reason-without-requires").at(at("requires_reason")));
            }
            if let Some(reason) = &step.requires_reason {
                self.not_blank(reason, || at("requires_reason"));
            }
            if let Some(form) = &step.form
                && !self.forms.contains_key(form.as_str())
            {
                self.reference("form", form, &form_ids, at("form"));
            }
            if let Some(choice) = &step.decides {
                if !choice_ids.contains(&choice.as_str()) {
                    self.reference("choice", choice, &choice_ids, at("decides"));
                } else if let Some(first) = decided.insert(choice.as_str(), index) {
                    self.push(
                        Diagnostic::error("decided-twice")
                            .arg("id", choice.as_str())
                            .arg("step", file.steps[first].id.as_str())
                            .at(at("decides")),
                    );
                }
            }
            for (i, reference) in step.references.iter().enumerate() {
                if !reference_ids.contains(&reference.as_str()) {
                    self.reference(
                        "reference",
                        reference,
                        &reference_ids,
                        path!["step", index, "references", i],
                    );
                }
            }
            for (i, item) in step.prepare.iter().enumerate() {
                self.not_blank(item, || path!["step", index, "prepare", i]);
            }
            for (i, link) in step.links.iter().enumerate() {
                self.not_blank(&link.title, || path!["step", index, "link", i, "title"]);
                self.url(&link.url, || path!["step", index, "link", i, "url"]);
            }
            if let Some(deadline) = &step.deadline {
                self.deadline(deadline, &step_ids, index);
            }
            for (i, letter) in step.letters.iter().enumerate() {
                self.letter(letter, &form_ids, path!["step", index, "letter", i]);
            }
            for (i, result) in step.results.iter().enumerate() {
                self.field(result, path!["step", index, "result", i], None);
            }
            if let Some(when) = &step.when {
                self.condition(when, at("when"));
            }
        }
    }

    fn deadline(&mut self, deadline: &Deadline, step_ids: &[&str], index: usize) {
        let one_count = match (deadline.working_days, deadline.calendar_days) {
            (Some(days), None) | (None, Some(days)) => days > 0,
            _ => false,
        };
        if !one_count {
            self.push(
                Diagnostic::error("bad-deadline")
                    .at(path!["step", index, "deadline"])
                    .help(Msg::new("help-bad-deadline")),
            );
        }
        if deadline.from.is_some() && deadline.from_field.is_some() {
            self.push(
                Diagnostic::error("bad-deadline-start")
                    .at(path!["step", index, "deadline"])
                    .help(Msg::new("help-bad-deadline-start")),
            );
        }
        if let Some(field) = &deadline.from_field {
            let at = path!["step", index, "deadline", "from_field"];
            match self.fields.get(field.as_str()) {
                None => {
                    let mut known: Vec<&str> = self.fields.keys().copied().collect();
                    known.sort_unstable();
                    self.reference("field", field, &known, at);
                }
                Some(def) if def.kind != Some(super::FieldType::Date) => self.push(
                    Diagnostic::error("bad-deadline-start")
                        .at(at)
                        .help(Msg::new("help-bad-deadline-start")),
                ),
                Some(_) => {}
            }
        }
        if let Some(from) = &deadline.from
            && !self.steps.contains_key(from.as_str())
        {
            self.reference(
                "step",
                from,
                step_ids,
                path!["step", index, "deadline", "from"],
            );
        }
    }

    fn letter(&mut self, letter: &Letter, form_ids: &[&str], at: Vec<PathSeg>) {
        let key = |key: &'static str| {
            let mut path = at.clone();
            path.push(key.into());
            path
        };
        if letter.to.is_empty() {
            self.push(Diagnostic::error("letter-without-recipient").at(at.clone()));
        }
        let by_email = letter.channel == Some(super::model::Channel::Email);
        for (list, name) in [(&letter.to, "to"), (&letter.cc, "cc")] {
            for (i, recipient) in list.iter().enumerate() {
                let mut path = key(name);
                path.push(i.into());
                self.not_blank(recipient, || path.clone());
                if by_email && crate::validate::email(recipient).is_err() {
                    self.push(
                        Diagnostic::error("bad-email")
                            .arg("value", recipient.as_str())
                            .at(path),
                    );
                }
            }
        }
        for (i, form) in letter.attach.iter().enumerate() {
            if !self.forms.contains_key(form.as_str()) {
                let mut path = key("attach");
                path.push(i.into());
                self.reference("form", form, form_ids, path);
            }
        }
        for (text, name) in [(&letter.subject, "subject"), (&letter.body, "body")] {
            if let Some(text) = text {
                self.placeholders(text, key(name), name == "subject");
            }
        }
        if let Some(when) = &letter.when {
            self.condition(when, key("when"));
        }
    }

    /// `{{field_id}}` in a letter must name a field; in a subject (`one_line`), not a
    /// multi-line one: a subject is one line of a mail header.
    fn placeholders(&mut self, text: &str, at: Vec<PathSeg>, one_line: bool) {
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let after = &rest[start + 2..];
            let Some(end) = after.find("}}") else {
                let unclosed = rest[start..].lines().next().unwrap_or("{{");
                self.push(
                    Diagnostic::error("bad-placeholder")
                        .arg("name", after.trim())
                        .at(at)
                        .within(unclosed),
                );
                return;
            };
            let name = after[..end].trim();
            let written = &rest[start..start + 2 + end + 2];
            let multiline = self
                .fields
                .get(name)
                .is_some_and(|f| f.kind == Some(super::FieldType::Multiline));
            if one_line && multiline {
                self.push(
                    Diagnostic::error("multiline-in-subject")
                        .arg("name", name)
                        .at(at.clone())
                        .within(written)
                        .help(Msg::new("help-multiline-in-subject")),
                );
            }
            if !self.fields.contains_key(name) {
                let mut known: Vec<&str> = self.fields.keys().copied().collect();
                known.sort_unstable();
                let diagnostic = Diagnostic::error("bad-placeholder")
                    .arg("name", name)
                    .at(at.clone())
                    .within(written);
                self.push(match closest(name, &known) {
                    Some(near) => diagnostic.help(Msg::new("help-did-you-mean").arg("value", near)),
                    None => diagnostic,
                });
            }
            rest = &after[end + 2..];
        }
    }

    fn references(&mut self) {
        let file = self.file;
        for (index, reference) in file.references.iter().enumerate() {
            self.not_blank(&reference.title, || path!["reference", index, "title"]);
        }
    }
}
