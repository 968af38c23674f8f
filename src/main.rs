//! The `poryadok` command: with no subcommand (or `start`, `open`) the wizard in the terminal;
//! the others are batch commands over procedures, runs and their documents.

#![forbid(unsafe_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use poryadok::catalog::{self, Catalog, Entry, Origin};
use poryadok::i18n::Lang;
use poryadok::procedure::{self, RenderOptions};
use poryadok::store::Store;
use poryadok::text::sanitize_line;
use poryadok::tui;

mod runs_cli;

/// poryadok walks officers through procedures: e-signatures, interagency exchange, licenses…
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Language of messages (default: from LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    /// Also read procedures from this folder (may be repeated); they override bundled ones.
    #[arg(long = "procedures", global = true, value_name = "DIR")]
    procedures: Vec<PathBuf>,
    /// Where runs and the officer's own procedures live (default: PORYADOK_DATA_DIR, then the
    /// platform's data directory).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Ru,
    En,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check procedure files (or folders of them); without paths, every available procedure.
    Check {
        /// Files or folders.
        paths: Vec<PathBuf>,
    },
    /// List the available procedures and where each comes from.
    List,
    /// Print the JSON Schema of the procedure format.
    Schema,
    /// Open the wizard on a new run of a procedure (it asks for the run's label).
    Start {
        /// The procedure's id, as `poryadok list` shows it.
        procedure: String,
    },
    /// Open the wizard on a run.
    Open {
        /// The run's id, as `poryadok runs` shows it.
        run: String,
    },
    /// List the runs with their progress, next step and next due date.
    Runs,
    /// Print a run's checklist: every step with its status, and the dates to keep.
    Status {
        /// The run's id, as `poryadok runs` shows it.
        run: String,
        /// Also print the journal: every change with its time, old and new value.
        #[arg(long)]
        journal: bool,
    },
    /// Move a run that cannot be read aside and restore the copy before its last save.
    Recover {
        /// The run's id.
        run: String,
    },
    /// Write a run's documents: filled forms (DOCX), tables (XLSX, CSV), the checklist report
    /// (Markdown, HTML, JSON) and letters (.eml drafts).
    Export {
        /// The run's id, as `poryadok runs` shows it.
        run: String,
        /// Only these formats (docx, xlsx, csv, md, html, json, eml), comma-separated.
        #[arg(long, value_delimiter = ',', value_parser = parse_format)]
        format: Vec<poryadok::export::Format>,
        /// The folder to write into (default: poryadok/RUN in the documents folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Also export the values of secret fields (passwords), in plain text.
        #[arg(long)]
        include_secrets: bool,
    },
}

fn parse_format(name: &str) -> Result<poryadok::export::Format, String> {
    poryadok::export::Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = poryadok::export::Format::ALL
            .iter()
            .map(|f| f.name())
            .collect();
        format!("unknown format {name:?}; one of {}", names.join(", "))
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        Some(LangArg::Ru) => Lang::Ru,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    };
    match run(&cli, lang) {
        Ok(code) => code,
        Err(error) => {
            let text = format!("{error:#}");
            let _ = writeln!(
                anstream::stderr(),
                "{}",
                lang.format(
                    "cli-error",
                    &[("detail", sanitize_line(&text).into_owned().into())]
                )
            );
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli, lang: Lang) -> Result<ExitCode> {
    let data_dir = catalog::data_dir(cli.data_dir.as_deref());
    let user_dir = data_dir.as_deref().map(catalog::user_procedures_dir);
    // Every command but `check` (which is there to read the files) takes the procedures read
    // before from the cache.
    let cache = data_dir.as_deref().and_then(catalog::procedure_cache);
    let discover =
        || Catalog::discover_cached(user_dir.as_deref(), &cli.procedures, cache.as_ref());
    match &cli.command {
        Some(Command::Check { paths }) => {
            let catalog = if paths.is_empty() {
                Catalog::discover(user_dir.as_deref(), &cli.procedures)?
            } else {
                let mut catalog = Catalog::discover(None, paths)?;
                catalog
                    .entries
                    .retain(|entry| entry.origin == Origin::Given);
                catalog
            };
            Ok(check(&catalog, lang))
        }
        Some(Command::Schema) => {
            print!("{}", procedure::schema::schema_json());
            Ok(ExitCode::SUCCESS)
        }
        Some(
            Command::Runs
            | Command::Status { .. }
            | Command::Recover { .. }
            | Command::Export { .. },
        ) => {
            let (_, store) = open_store(data_dir.clone(), lang)?;
            let catalog = discover()?;
            catalog.keep(cache.as_ref());
            let tz = poryadok::calendar::local_time_zone();
            let cx = runs_cli::Context {
                lang,
                catalog: &catalog,
                store: &store,
                today: jiff::Timestamp::now().to_zoned(tz.clone()).date(),
                tz,
            };
            match &cli.command {
                Some(Command::Status { run, journal }) => runs_cli::status_of(&cx, run, *journal)?,
                Some(Command::Recover { run }) => runs_cli::recover(&cx, run)?,
                Some(Command::Export {
                    run,
                    format,
                    out,
                    include_secrets,
                }) => {
                    let formats = if format.is_empty() {
                        poryadok::export::Format::ALL.to_vec()
                    } else {
                        format.clone()
                    };
                    // A region's own report templates, next to its own procedures.
                    let templates = match &data_dir {
                        Some(dir) => {
                            poryadok::export::report::Templates::from_dir(&dir.join("templates"))?
                        }
                        None => poryadok::export::report::Templates::default(),
                    };
                    runs_cli::export(
                        &cx,
                        run,
                        &formats,
                        out.as_deref(),
                        *include_secrets,
                        &templates,
                    )?
                }
                _ => runs_cli::list(&cx)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Start { .. } | Command::Open { .. }) | None
            if cli.command.is_some() || std::io::IsTerminal::is_terminal(&std::io::stdout()) =>
        {
            let (data_dir, store) = open_store(data_dir, lang)?;
            let catalog = discover()?;
            let (procedures, unkept) = catalog.into_usable(cache.as_ref());
            let start = match &cli.command {
                Some(Command::Start { procedure }) => {
                    tui::shell::Start::Procedure(procedure.clone())
                }
                Some(Command::Open { run }) => tui::shell::Start::Run(run.clone()),
                _ => tui::shell::Start::Home,
            };
            let mut wizard =
                tui::shell::Wizard::new(lang, procedures, store, jiff::Timestamp::now());
            // The procedures read from their files go to the cache once the first frame is out.
            wizard.keep_later(unkept);
            tui::shell::run(wizard, &start, data_dir.join("panic.log"))?;
            Ok(ExitCode::SUCCESS)
        }
        // Without a terminal (a pipe, a script), no command lists the procedures.
        Some(Command::List) | Some(Command::Start { .. } | Command::Open { .. }) | None => {
            let catalog = discover()?;
            list(&catalog, lang, user_dir.as_deref());
            catalog.keep(cache.as_ref());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The store in the data folder, which commands over runs cannot do without.
fn open_store(data_dir: Option<PathBuf>, lang: Lang) -> Result<(PathBuf, Store)> {
    let data_dir = data_dir.ok_or_else(|| anyhow::anyhow!(lang.text("runs-no-data-dir")))?;
    let store = Store::open(&data_dir).map_err(|e| anyhow::anyhow!(e.message().text(lang)))?;
    Ok((data_dir, store))
}

fn check(catalog: &Catalog, lang: Lang) -> ExitCode {
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
        println!(
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

fn list(catalog: &Catalog, lang: Lang, user_dir: Option<&std::path::Path>) {
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
