//! `poryadok check` and `poryadok list`: the procedure files, checked or listed with where each
//! comes from.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::catalog::{Catalog, Entry, Origin};
use crate::i18n::Lang;
use crate::procedure::{self, RenderOptions};
use crate::text::sanitize_line;

/// Checks every file of `catalog`: the problems on the standard error as rustc shows them, a
/// summary, and exit code 1 if any file has one.
pub fn check(catalog: &Catalog, lang: Lang) -> ExitCode {
    let mut stderr = anstream::stderr();
    let options = RenderOptions { lang, color: true };
    let mut errors = 0;
    let mut failed = 0usize;
    let mut steps = 0;
    for entry in &catalog.entries {
        let diagnostics = entry.diagnostics();
        if !diagnostics.is_empty() {
            failed += 1;
            errors += diagnostics.iter().filter(|d| d.is_error()).count();
            let text = procedure::render(
                &entry.source_name(),
                &entry.loaded.source,
                diagnostics,
                options,
            );
            let _ = write!(stderr, "{text}");
        }
        steps += entry.procedure().map_or(0, |p| p.steps().len());
    }
    let files = catalog.entries.len();
    if failed == 0 {
        let _ = writeln!(
            std::io::stdout(),
            "{}",
            lang.format(
                "check-ok",
                &[("files", files.into()), ("steps", steps.into())]
            )
        );
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(
            stderr,
            "{}",
            lang.format(
                "check-failed",
                &[
                    ("errors", errors.into()),
                    ("failed", failed.into()),
                    ("files", files.into())
                ]
            )
        );
        ExitCode::FAILURE
    }
}

/// Lists the procedures of `catalog`, where each comes from, and where the officer's own go.
pub fn list(catalog: &Catalog, lang: Lang, user_dir: Option<&Path>) {
    let mut out = anstream::stdout();
    for entry in &catalog.entries {
        let _ = writeln!(out, "{}", describe(entry, lang));
    }
    if let Some(dir) = user_dir {
        let _ = writeln!(
            out,
            "\n{}",
            lang.format(
                "list-user-folder",
                &[(
                    "path",
                    sanitize_line(&dir.display().to_string())
                        .into_owned()
                        .into()
                )]
            )
        );
    }
}

fn describe(entry: &Entry, lang: Lang) -> String {
    let origin = match entry.origin {
        Origin::Bundled => lang.text("origin-bundled"),
        Origin::User => lang.text("origin-user"),
        Origin::Given => lang.text("origin-given"),
    };
    let location = sanitize_line(&entry.location).into_owned();
    match entry.procedure() {
        Some(procedure) => {
            let mut notes = Vec::new();
            if entry.overridden {
                notes.push(lang.text("list-overridden"));
            }
            if let Some(by) = &entry.overrides {
                notes.push(
                    lang.format(
                        "list-overrides",
                        &[(
                            "origin",
                            match by {
                                Origin::Bundled => lang.text("origin-bundled"),
                                Origin::User => lang.text("origin-user"),
                                Origin::Given => lang.text("origin-given"),
                            }
                            .into(),
                        )],
                    ),
                );
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join("; "))
            };
            let meta = &procedure.file().procedure;
            format!(
                "{id:<24} {title}\n{pad:<24} {steps}, {version_label} {version}; {origin}{notes}: {location}",
                id = sanitize_line(procedure.id()),
                title = sanitize_line(procedure.title()),
                pad = "",
                steps = lang.format("count-steps", &[("count", procedure.steps().len().into())]),
                version_label = lang.text("list-version"),
                version = sanitize_line(&meta.version),
            )
        }
        None => {
            let errors = entry.diagnostics().iter().filter(|d| d.is_error()).count();
            format!(
                "{:<24} {}",
                "?",
                lang.format(
                    "list-broken",
                    &[
                        ("errors", errors.into()),
                        ("origin", origin.into()),
                        ("path", location.into())
                    ]
                )
            )
        }
    }
}
