//! Export: a run turned into the documents an officer prints, signs, attaches or sends — the
//! filled forms, the letters as drafts, tables as spreadsheets, and the checklist report.
//!
//! [`model`] works out what a run says once (forms, letters, report) and every format reads it.
//! Nothing here touches the disk but [`write`](mod@write), which never writes outside the folder it is
//! given and never replaces a file.

pub mod docx;
pub mod eml;
pub mod model;
pub mod report;
pub mod table;
pub mod write;

pub use model::{Export, Options, build};

use jiff::Timestamp;

use crate::procedure::Procedure;
use crate::run::Run;
use write::{OutFile, file_name};

/// The formats a run exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// Each filled form as a Word document.
    Docx,
    /// Each table field as a spreadsheet.
    Xlsx,
    /// Each table field as CSV.
    Csv,
    /// The checklist report as Markdown.
    Markdown,
    /// The checklist report as one HTML page.
    Html,
    /// The checklist report as JSON (see `docs/export.md`).
    Json,
    /// Each letter as an .eml draft, with its forms attached.
    Eml,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Docx,
        Format::Xlsx,
        Format::Csv,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Eml,
    ];

    /// The name used on the command line and as the file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Eml => "eml",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{format}: {detail}")]
    Format {
        format: &'static str,
        detail: String,
    },
    /// A letter could not be made into a draft (the message is in the officer's language).
    #[error("{0}")]
    Letter(String),
}

/// Every file of the run in the formats asked for, named from the procedure and the form, the
/// table or the letter; nothing is written yet (see [`write::write_all`]).
pub fn files(
    procedure: &Procedure,
    run: &Run,
    id: &str,
    now: Timestamp,
    options: &Options,
    templates: &report::Templates,
    formats: &[Format],
) -> Result<Vec<OutFile>, ExportError> {
    let export = build(procedure, run, id, now, options);
    // Documents speak the procedure's language; only messages to the officer speak theirs.
    let lang = model::document_lang(procedure);
    let wants = |f: Format| formats.contains(&f);
    let fail = |format: Format| {
        move |e: &dyn std::fmt::Display| ExportError::Format {
            format: format.name(),
            detail: e.to_string(),
        }
    };
    let p = procedure.id();
    let mut out = Vec::new();
    // The forms as Word documents, kept by form id for the letters that carry them.
    let mut documents: Vec<(String, OutFile)> = Vec::new();
    if wants(Format::Docx) || wants(Format::Eml) {
        for form in &export.forms {
            let bytes = docx::form_docx(form).map_err(|e| fail(Format::Docx)(&e))?;
            documents.push((
                form.id.clone(),
                OutFile {
                    name: file_name(&[p, &form.id], "docx"),
                    bytes,
                },
            ));
        }
    }
    if wants(Format::Docx) {
        out.extend(documents.iter().map(|(_, file)| file.clone()));
    }
    for form in &export.forms {
        for row in &form.rows {
            let model::FormRow::Table {
                id: table,
                label,
                columns,
                rows,
            } = row
            else {
                continue;
            };
            // A table shown again in another form (`reuse`) is exported once, with the form
            // that defines it.
            let defines = procedure
                .form(&form.id)
                .is_some_and(|f| f.fields.iter().any(|x| x.id.as_deref() == Some(table)));
            if !defines {
                continue;
            }
            let table_data = table::Table {
                label,
                columns,
                rows,
            };
            if wants(Format::Xlsx) {
                let bytes = table::xlsx(table_data, lang).map_err(|e| fail(Format::Xlsx)(&e))?;
                out.push(OutFile {
                    name: file_name(&[p, &form.id, table], "xlsx"),
                    bytes,
                });
            }
            if wants(Format::Csv) {
                out.push(OutFile {
                    name: file_name(&[p, &form.id, table], "csv"),
                    bytes: table::csv(table_data, lang),
                });
            }
        }
    }
    // The run's id starts with the procedure's already.
    let report_name = |ext: &str| file_name(&[id, "report"], ext);
    if wants(Format::Markdown) {
        let text = report::markdown(&export.report, templates, lang, &options.tz)
            .map_err(|e| fail(Format::Markdown)(&e))?;
        out.push(OutFile {
            name: report_name("md"),
            bytes: text.into_bytes(),
        });
    }
    if wants(Format::Html) {
        let text = report::html(&export.report, templates, lang, &options.tz)
            .map_err(|e| fail(Format::Html)(&e))?;
        out.push(OutFile {
            name: report_name("html"),
            bytes: text.into_bytes(),
        });
    }
    if wants(Format::Json) {
        let bytes = report::json(&export.report).map_err(|e| fail(Format::Json)(&e))?;
        out.push(OutFile {
            name: report_name("json"),
            bytes,
        });
    }
    if wants(Format::Eml) {
        for (n, draft) in export.drafts.iter().enumerate() {
            let attachments: Vec<(String, Vec<u8>, &str)> = draft
                .attach
                .iter()
                .filter_map(|id| documents.iter().find(|(form, _)| form == id))
                .map(|(_, file)| (file.name.clone(), file.bytes.clone(), DOCX_MIME))
                .collect();
            let bytes = eml::draft_eml(draft, &attachments, now)
                .map_err(|e| ExportError::Letter(e.message().text(options.lang)))?;
            let number = (n + 1).to_string();
            out.push(OutFile {
                name: file_name(&[p, &number, &draft.step], "eml"),
                bytes,
            });
        }
    }
    Ok(out)
}

/// The MIME type of a Word document.
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
