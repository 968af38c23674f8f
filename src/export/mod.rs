//! Export: a run turned into the documents an officer prints, signs, attaches or sends — the
//! filled forms, the letters as drafts, tables as spreadsheets, and the checklist report.
//!
//! [`model`] works out what a run says once (forms, letters, report) and every format reads it.
//! Nothing here touches the disk but [`write`](mod@write), which never writes outside the folder it is
//! given and replaces only a folder of documents it made itself.

pub mod docx;
pub mod eml;
pub mod ics;
pub mod model;
pub mod pdf;
pub mod report;
pub mod table;
pub mod write;

pub use model::{Export, Options, build};

use jiff::Timestamp;

use crate::i18n::Msg;
use crate::procedure::Procedure;
use crate::run::Run;
use write::{OutFile, readable_name};

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
    /// The dates to keep as an iCalendar file.
    Ics,
    /// Each DOCX and XLSX again as PDF, through LibreOffice.
    Pdf,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Docx,
        Format::Xlsx,
        Format::Csv,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Eml,
        Format::Ics,
        Format::Pdf,
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
            Format::Ics => "ics",
            Format::Pdf => "pdf",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Some documents could not be made (the others were); each is said in the officer's
    /// language.
    #[error("{}", .0.join("; "))]
    Documents(Vec<String>),
    /// Nothing in the formats asked for: why, in the officer's language.
    #[error("{0}")]
    Nothing(String),
}

/// What an export made: the files, and the documents that could not be made and why (a
/// value that cannot go where the procedure puts it blocks its own document only).
#[derive(Debug, Clone, Default)]
pub struct Made {
    pub files: Vec<OutFile>,
    /// One line for each document left out, in the officer's language.
    pub problems: Vec<String>,
    /// What the officer should know that is not a failure (no PDF without LibreOffice when
    /// every format was asked for), in their language.
    pub notes: Vec<String>,
}

/// Every file of the run in the formats asked for, or an error when a document could not be
/// made or there is nothing to write (see [`make`] for an export that keeps what it could
/// make).
pub fn files(
    procedure: &Procedure,
    run: &Run,
    id: &str,
    now: Timestamp,
    options: &Options,
    templates: &report::Templates,
    formats: &[Format],
) -> Result<Vec<OutFile>, ExportError> {
    let made = make(procedure, run, id, now, options, templates, formats);
    if !made.problems.is_empty() {
        return Err(ExportError::Documents(made.problems));
    }
    if made.files.is_empty() {
        return Err(ExportError::Nothing(
            nothing_to_write(formats).text(options.lang),
        ));
    }
    Ok(made.files)
}

/// Why an export in these formats made no file: each format and what it would need.
pub fn nothing_to_write(formats: &[Format]) -> Msg {
    let mut names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
    names.dedup();
    Msg::new("export-nothing")
        .arg("formats", names.join(", "))
        .arg("docx", usize::from(formats.contains(&Format::Docx)))
        .arg(
            "tables",
            usize::from(formats.contains(&Format::Xlsx) || formats.contains(&Format::Csv)),
        )
        .arg("eml", usize::from(formats.contains(&Format::Eml)))
        .arg("ics", usize::from(formats.contains(&Format::Ics)))
        .arg("pdf", usize::from(formats.contains(&Format::Pdf)))
}

/// Every file of the run in the formats asked for, named for a person to read: the step's
/// number and the form's, table's or letter's title (`03 Заявка на доступ.docx`), the report
/// as «Отчёт о прохождении»; nothing is written yet (see [`write::replace_folder`]). A document
/// that cannot be made is named in [`Made::problems`] and the others are made all the same.
pub fn make(
    procedure: &Procedure,
    run: &Run,
    id: &str,
    now: Timestamp,
    options: &Options,
    templates: &report::Templates,
    formats: &[Format],
) -> Made {
    let export = build(procedure, run, id, now, options);
    // Documents speak the procedure's language; only messages to the officer speak theirs.
    let lang = model::document_lang(procedure);
    let wants = |f: Format| formats.contains(&f);
    let mut problems = Vec::new();
    let mut problem = |format: Format, what: &str, detail: &dyn std::fmt::Display| {
        problems.push(
            Msg::new("export-document-failed")
                .arg("format", format.name())
                .arg("document", what.to_owned())
                .arg("detail", detail.to_string())
                .text(options.lang),
        );
    };
    let numbered = |number: usize, title: &str| format!("{number:02} {title}");
    let mut out = Vec::new();
    // The forms as Word documents, kept by form id for the letters that carry them.
    let mut documents: Vec<(String, OutFile)> = Vec::new();
    // The sources of the PDF copies, whatever else is written.
    let mut pdf_sources: Vec<OutFile> = Vec::new();
    if wants(Format::Docx) || wants(Format::Eml) || wants(Format::Pdf) {
        for form in &export.forms {
            match docx::form_docx(form) {
                Ok(bytes) => documents.push((
                    form.id.clone(),
                    OutFile {
                        name: readable_name(&numbered(form.step, &form.title), "docx"),
                        bytes,
                    },
                )),
                Err(e) => problem(Format::Docx, &form.title, &e),
            }
        }
    }
    if wants(Format::Docx) {
        out.extend(documents.iter().map(|(_, file)| file.clone()));
    }
    if wants(Format::Pdf) {
        pdf_sources.extend(documents.iter().map(|(_, file)| file.clone()));
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
            let title = numbered(form.step, label);
            if wants(Format::Xlsx) || wants(Format::Pdf) {
                match table::xlsx(table_data, lang) {
                    Ok(bytes) => {
                        let file = OutFile {
                            name: readable_name(&title, "xlsx"),
                            bytes,
                        };
                        if wants(Format::Pdf) {
                            pdf_sources.push(file.clone());
                        }
                        if wants(Format::Xlsx) {
                            out.push(file);
                        }
                    }
                    Err(e) => problem(Format::Xlsx, label, &e),
                }
            }
            if wants(Format::Csv) {
                out.push(OutFile {
                    name: readable_name(&title, "csv"),
                    bytes: table::csv(table_data, lang),
                });
            }
        }
    }
    let report_title = lang.text("export-report-file");
    let report_name = |ext: &str| readable_name(&report_title, ext);
    if wants(Format::Markdown) {
        match report::markdown(&export.report, templates, lang, &options.tz) {
            Ok(text) => out.push(OutFile {
                name: report_name("md"),
                bytes: text.into_bytes(),
            }),
            Err(e) => problem(Format::Markdown, &report_title, &e),
        }
    }
    if wants(Format::Html) {
        match report::html(&export.report, templates, lang, &options.tz) {
            Ok(text) => out.push(OutFile {
                name: report_name("html"),
                bytes: text.into_bytes(),
            }),
            Err(e) => problem(Format::Html, &report_title, &e),
        }
    }
    if wants(Format::Json) {
        match report::json(&export.report) {
            Ok(bytes) => out.push(OutFile {
                name: report_name("json"),
                bytes,
            }),
            Err(e) => problem(Format::Json, &report_title, &e),
        }
    }
    // Letters through ЭДО or on paper are documents: a covering letter each, as DOCX.
    let covering = |d: &&model::Draft| {
        matches!(
            d.channel,
            Some(crate::procedure::model::Channel::Edo | crate::procedure::model::Channel::Paper)
        )
    };
    // The files the officer added to each letter, read from the run's folder once.
    let mut added: Vec<Vec<(String, Vec<u8>)>> = Vec::new();
    let mut unreadable = Vec::new();
    for draft in &export.drafts {
        let mut files = Vec::new();
        for added in &draft.files {
            let read = (options.added_files.as_deref())
                .map(|dir| crate::store::attachments::read_stored(dir, &added.file));
            match read {
                Some(Ok(bytes)) => files.push((added.name.clone(), bytes)),
                Some(Err(e)) => unreadable.push(
                    match e {
                        crate::store::attachments::AttachError::Missing { path } => {
                            Msg::new("export-added-missing")
                                .arg("folder", path.display().to_string())
                        }
                        e => Msg::new("export-added-unreadable").arg("detail", e.message()),
                    }
                    .arg("name", added.name.clone())
                    .text(options.lang),
                ),
                // Without the run's folder the letter names the file as sent separately.
                None => {}
            }
        }
        added.push(files);
    }
    let added_of = |draft: &model::Draft| {
        (export.drafts.iter())
            .position(|d| std::ptr::eq(d, draft))
            .map_or(&[][..], |i| added[i].as_slice())
    };
    if wants(Format::Docx) || wants(Format::Pdf) {
        let today = now.to_zoned(options.tz.clone()).date();
        for draft in export.drafts.iter().filter(covering) {
            // The added files go beside the covering letter (its DOCX or its PDF), named after
            // its step.
            for (name, bytes) in added_of(draft) {
                out.push(OutFile {
                    name: numbered(draft.number, name),
                    bytes: bytes.clone(),
                });
            }
            let title = draft.title.as_deref().unwrap_or(&draft.subject);
            match docx::letter_docx(draft, today) {
                Ok(bytes) => {
                    let file = OutFile {
                        name: readable_name(&numbered(draft.number, title), "docx"),
                        bytes,
                    };
                    if wants(Format::Pdf) {
                        pdf_sources.push(file.clone());
                    }
                    if wants(Format::Docx) {
                        out.push(file);
                    }
                }
                Err(e) => problem(Format::Docx, title, &e),
            }
        }
    }
    problems.extend(unreadable);
    if wants(Format::Eml) {
        for draft in export.drafts.iter().filter(|d| !covering(d)) {
            let attachments: Vec<(String, Vec<u8>, &str)> = draft
                .attach
                .iter()
                .filter_map(|id| documents.iter().find(|(form, _)| form == id))
                .map(|(_, file)| (file.name.clone(), file.bytes.clone(), DOCX_MIME))
                .chain(
                    (added_of(draft).iter())
                        .map(|(name, bytes)| (name.clone(), bytes.clone(), eml::mime_of(name))),
                )
                .collect();
            let title = draft.title.as_deref().unwrap_or(&draft.subject);
            match eml::draft_eml(draft, &attachments, now) {
                Ok(bytes) => out.push(OutFile {
                    name: readable_name(&numbered(draft.number, title), "eml"),
                    bytes,
                }),
                Err(e) => problems.push(e.message().text(options.lang)),
            }
        }
    }
    if wants(Format::Ics) && !export.dates.is_empty() {
        out.push(OutFile {
            name: readable_name(&lang.text("export-ics-file"), "ics"),
            bytes: ics::calendar(&export, now),
        });
    }
    let mut notes = Vec::new();
    if wants(Format::Pdf) && !pdf_sources.is_empty() {
        match pdf::convert(&pdf_sources) {
            Ok((pdfs, missing)) => {
                out.extend(pdfs);
                if let Some(detail) = missing {
                    problems.push(
                        Msg::new("export-pdf-failed")
                            .arg("detail", detail)
                            .text(options.lang),
                    );
                }
            }
            Err(pdf::PdfError::NotInstalled) => {
                let message = Msg::new("export-pdf-not-installed").text(options.lang);
                // Asked for by name, it is a document left out; as one of every format, a note.
                if formats.len() < Format::ALL.len() {
                    problems.push(message);
                } else {
                    notes.push(message);
                }
            }
            Err(pdf::PdfError::Failed(detail)) => problems.push(
                Msg::new("export-pdf-failed")
                    .arg("detail", detail)
                    .text(options.lang),
            ),
        }
    }
    write::unique_names(&mut out);
    Made {
        files: out,
        problems,
        notes,
    }
}

/// Puts what [`make`] made in `dir` in place of an earlier export ([`write::replace_folder`]);
/// where each file went, or why nothing was written, in the officer's language.
pub fn write_to(
    dir: &std::path::Path,
    id: &str,
    made: &Made,
    lang: crate::i18n::Lang,
) -> Result<Vec<std::path::PathBuf>, String> {
    write::replace_folder(dir, id, &made.files).map_err(|e| match e {
        write::WriteError::NotOurs(_) => Msg::new("export-not-ours")
            .arg("folder", dir.display().to_string())
            .text(lang),
        e => Msg::new("export-write-failed")
            .arg("folder", dir.display().to_string())
            .arg("detail", e.to_string())
            .text(lang),
    })
}

/// The MIME type of a Word document.
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
