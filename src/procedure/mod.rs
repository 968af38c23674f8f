//! Procedures: the TOML format, loading with positions, the semantic checks and the schema.
//!
//! [`load`] turns the bytes of a file into a checked [`Procedure`] or into [`Diagnostic`]s;
//! nothing here touches the file system (the [`crate::catalog`] does) but the [`cache`] of
//! procedures read before.

pub mod cache;
mod check;
mod check_cycles;
mod check_form;
mod check_links;
pub mod condition;
pub mod diagnostic;
pub mod field;
mod load;
mod locate;
pub mod model;
mod read;
pub mod schema;
#[cfg(test)]
#[path = "../../tests/support/synthetic.rs"]
pub(crate) mod synthetic;
mod toml_shape;
mod toml_words;

use std::collections::HashMap;

pub use cache::{Cache, Key};
pub use check::{OFFICER, is_valid_id};
pub use condition::{Condition, Scalar};
pub use diagnostic::{Diagnostic, Msg, PathSeg, RenderOptions, Severity, render};
pub use field::{Column, DefaultValue, Field, FieldType, Form, PATTERN_SIZE_LIMIT, Page, Pattern};
pub use load::{Loaded, MAX_FILE_BYTES, load, load_cached, load_owned, too_large};
pub use model::{FORMAT_VERSION, ProcedureFile, Section, Step};

/// A procedure that passed every check: every id it refers to exists, its dependencies have no
/// cycle. Lookups by id are ready-made.
#[derive(Debug, Clone)]
pub struct Procedure {
    file: ProcedureFile,
    steps: HashMap<String, usize>,
    sections: HashMap<String, usize>,
    forms: HashMap<String, usize>,
    /// Every field with an id, form fields and step results alike: where it is defined.
    fields: HashMap<String, FieldAt>,
    /// Per section (by index), its steps' indices in file order.
    section_steps: Vec<Vec<usize>>,
    /// What passes over every step read of each, packed apart from the steps (hundreds of
    /// bytes each, mostly text) so that such a pass over thousands of steps reads a few
    /// kilobytes rather than megabytes.
    links: StepLinks,
    /// The edition: see [`Procedure::edition`].
    edition: u64,
}

/// Where a field is defined: (form, field) or (step, result), by index.
#[derive(Debug, Clone, Copy)]
enum FieldAt {
    Form(usize, usize),
    Result(usize, usize),
}

/// See [`Procedure::links`].
#[derive(Debug, Clone, Default)]
pub struct StepLinks {
    /// Per step: optional.
    pub optional: Vec<bool>,
    /// The steps that have a condition of their own (`when`), in file order.
    pub conditional: Vec<usize>,
    /// Per step: the indices of the steps it requires.
    pub requires: Vec<Box<[usize]>>,
    /// The fields that the conditions of steps, sections and choices read (sorted, once each):
    /// with the choices made, all that decides which steps apply.
    pub condition_fields: Vec<String>,
}

/// Adds the fields `condition` reads, its inner conditions' included, to `out`.
fn fields_read<'a>(condition: &'a Condition, out: &mut Vec<&'a str>) {
    out.extend(condition.field.as_deref());
    let inner = (condition.all.iter().flatten())
        .chain(condition.any.iter().flatten())
        .chain(condition.not.as_deref());
    for condition in inner {
        fields_read(condition, out);
    }
}

impl Procedure {
    /// The procedure as a run keeps the edition it was walked with (TOML of its model, read
    /// back by [`Procedure::from_kept`]), so that an edited, broken or deleted procedure file
    /// never locks the run out.
    pub fn to_kept(&self) -> Option<String> {
        toml::to_string(&self.file).ok()
    }

    /// A procedure kept by [`Procedure::to_kept`], read and checked as any procedure file is;
    /// `None` when the bytes are not one (a damaged copy).
    pub fn from_kept(bytes: &[u8]) -> Option<Procedure> {
        load(bytes).result.ok()
    }

    /// What tells this edition of the procedure from every other: a hash (XXH3) of the text of
    /// its file as read (without a byte order mark, line ends made LF), 16 hex digits. Any
    /// change of the file is a new edition, whether or not its `version` was raised. Worked out
    /// as the file is read (a hash of megabytes takes a fraction of a millisecond), kept by the
    /// [`cache`] with the procedure, and given to a kept copy by the name it is kept under
    /// ([`Procedure::from_kept_as`]): the same edition wherever it is read from.
    pub fn edition(&self) -> String {
        format!("{:016x}", self.edition)
    }

    /// [`Procedure::edition`] as a number.
    pub(crate) fn edition_hash(&self) -> u64 {
        self.edition
    }

    /// The procedure with this edition ([`Procedure::edition`] as a number).
    pub(crate) fn with_edition(mut self, edition: u64) -> Procedure {
        self.edition = edition;
        self
    }

    /// A procedure kept by [`Procedure::to_kept`] as the edition `edition` (its name says which):
    /// [`Procedure::from_kept`] with that edition.
    pub fn from_kept_as(bytes: &[u8], edition: u64) -> Option<Procedure> {
        Procedure::from_kept(bytes).map(|p| p.with_edition(edition))
    }

    /// The procedure's `version`, as its file gives it.
    pub fn version(&self) -> &str {
        &self.file.procedure.version
    }

    fn new(file: ProcedureFile) -> Procedure {
        let index = |ids: Vec<&String>| {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect::<HashMap<_, _>>()
        };
        let sections = index(file.sections.iter().map(|s| &s.id).collect());
        let mut section_steps = vec![Vec::new(); file.sections.len()];
        for (i, step) in file.steps.iter().enumerate() {
            // The checks have made sure every step's section exists.
            if let Some(&section) = sections.get(&step.section) {
                section_steps[section].push(i);
            }
        }
        let steps = index(file.steps.iter().map(|s| &s.id).collect());
        let mut condition_fields = Vec::new();
        for condition in file.applicability_conditions() {
            fields_read(condition, &mut condition_fields);
        }
        condition_fields.sort_unstable();
        condition_fields.dedup();
        let condition_fields = condition_fields.into_iter().map(str::to_owned).collect();
        let links = StepLinks {
            optional: file.steps.iter().map(|s| s.optional).collect(),
            conditional: (file.steps.iter().enumerate())
                .filter(|(_, s)| s.when.is_some())
                .map(|(i, _)| i)
                .collect(),
            requires: (file.steps.iter())
                .map(|s| s.requires.iter().filter_map(|id| steps.get(id).copied()))
                .map(Iterator::collect)
                .collect(),
            condition_fields,
        };
        // Field ids are unique across the file (the checks say so); the first one counts.
        let mut fields = HashMap::new();
        for (f, form) in file.forms.iter().enumerate() {
            for (i, field) in form.fields.iter().enumerate() {
                if let Some(id) = &field.id {
                    fields.entry(id.clone()).or_insert(FieldAt::Form(f, i));
                }
            }
        }
        for (s, step) in file.steps.iter().enumerate() {
            for (i, field) in step.results.iter().enumerate() {
                if let Some(id) = &field.id {
                    fields.entry(id.clone()).or_insert(FieldAt::Result(s, i));
                }
            }
        }
        Procedure {
            steps,
            sections,
            fields,
            forms: index(file.forms.iter().map(|f| &f.id).collect()),
            section_steps,
            links,
            file,
            edition: 0,
        }
    }

    /// Everything the file says.
    pub fn file(&self) -> &ProcedureFile {
        &self.file
    }

    pub fn id(&self) -> &str {
        &self.file.procedure.id
    }

    pub fn title(&self) -> &str {
        &self.file.procedure.title
    }

    pub fn steps(&self) -> &[Step] {
        &self.file.steps
    }

    pub fn sections(&self) -> &[Section] {
        &self.file.sections
    }

    /// The position of a step in [`Procedure::steps`].
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.get(id).copied()
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.step_index(id).map(|i| &self.file.steps[i])
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.get(id).map(|&i| &self.file.sections[i])
    }

    pub fn form(&self, id: &str) -> Option<&Form> {
        self.forms.get(id).map(|&i| &self.file.forms[i])
    }

    /// The field with this id: a form's field or a step's result (a field that only shows
    /// another's value, `reuse`, has no id of its own).
    pub fn field(&self, id: &str) -> Option<&Field> {
        Some(match *self.fields.get(id)? {
            FieldAt::Form(form, i) => &self.file.forms[form].fields[i],
            FieldAt::Result(step, i) => &self.file.steps[step].results[i],
        })
    }

    /// The position of a section in [`Procedure::sections`].
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.get(id).copied()
    }

    /// The indices of the steps of the section at `index` in [`Procedure::sections`], in file
    /// order.
    pub fn step_indices_in(&self, index: usize) -> &[usize] {
        self.section_steps.get(index).map_or(&[], Vec::as_slice)
    }

    /// Each step's place among the others: optional, conditional, what it requires.
    pub fn links(&self) -> &StepLinks {
        &self.links
    }

    /// The steps of a section, in file order.
    pub fn steps_in<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Step> + 'a {
        let indices = self
            .section_index(section)
            .map_or(&[][..], |i| self.step_indices_in(i));
        indices.iter().map(|&i| &self.file.steps[i])
    }
}

#[cfg(test)]
mod kept_tests {
    use super::*;

    #[test]
    fn every_bundled_procedure_reads_back_as_kept() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let p = load(&std::fs::read(&path).unwrap()).result.unwrap();
            let kept = p.to_kept().expect("written");
            let back = Procedure::from_kept(kept.as_bytes())
                .unwrap_or_else(|| panic!("{} reads back", path.display()));
            assert_eq!(back.id(), p.id());
            assert_eq!(back.steps().len(), p.steps().len());
            assert_eq!(
                serde_json::to_string(back.file()).unwrap(),
                serde_json::to_string(p.file()).unwrap()
            );
        }
    }
}
