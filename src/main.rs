//! The `poryadok` command: with no subcommand (or `start`, `open`) the wizard in the terminal;
//! the others are batch commands over procedures, runs and their documents. The command line
//! itself (its commands, help and errors in the officer's language) is `poryadok::cli`.

#![forbid(unsafe_code)]

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use poryadok::catalog::{self, Catalog, Origin};
use poryadok::cli::errors::WizardFailed;
use poryadok::cli::{self, Cli, Command, Exit};
use poryadok::i18n::Lang;
use poryadok::procedure;
use poryadok::store::Store;
use poryadok::tui;

mod change_cli;
mod runs_cli;

fn main() -> ExitCode {
    let (cli, lang) = match cli::parse_from(std::env::args_os().collect(), Lang::from_env()) {
        Ok(parsed) => parsed,
        Err(exit) => return print_exit(&exit),
    };
    match run(&cli, lang) {
        Ok(code) => code,
        // A reader that stops early (`| head`) has all it wanted: not an error.
        Err(error) if closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(anstream::stderr(), "{}", cli::errors::message(&error, lang));
            ExitCode::from(2)
        }
    }
}

/// Whether the error is the standard output's reader having gone away.
fn closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Prints help, the version or a usage error, and gives the exit code to end with.
fn print_exit(exit: &Exit) -> ExitCode {
    let _ = if exit.to_stdout {
        write!(anstream::stdout(), "{}", exit.text)
    } else {
        write!(anstream::stderr(), "{}", exit.text)
    };
    ExitCode::from(exit.code)
}

fn run(cli: &Cli, lang: Lang) -> Result<ExitCode> {
    match &cli.command {
        // Printed whole; a reader that stops early (`| head`) is not an error.
        Some(Command::Schema) => {
            let _ = std::io::stdout().write_all(procedure::schema::schema_json().as_bytes());
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Completions { shell }) => {
            let script = cli::install::completions(*shell, lang)?;
            let _ = std::io::stdout().write_all(&script);
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            let page = cli::install::man_page(lang)?;
            let _ = std::io::stdout().write_all(page.as_bytes());
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Help { command }) => {
            return Ok(print_exit(&cli::help_of(command.as_deref(), lang)));
        }
        _ => {}
    }
    cli::errors::check_procedures(&cli.procedures)?;
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
            Ok(cli::procedures::check(&catalog, lang))
        }
        Some(
            Command::Runs
            | Command::Status { .. }
            | Command::Recover { .. }
            | Command::Export { .. }
            | Command::New { .. }
            | Command::Step { .. }
            | Command::Set { .. }
            | Command::Attach { .. }
            | Command::Choose { .. }
            | Command::Undo { .. }
            | Command::Edition { .. }
            | Command::Rename { .. }
            | Command::Archive { .. }
            | Command::Delete { .. }
            | Command::Restore { .. }
            | Command::Org { .. },
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
                Some(Command::New {
                    procedure,
                    label,
                    org,
                }) => {
                    return change_cli::new(&cx, procedure, label.as_deref(), org.as_deref());
                }
                Some(Command::Step {
                    run,
                    step,
                    action,
                    on,
                    until,
                }) => return Ok(change_cli::step(&cx, run, step, *action, *on, *until)),
                Some(Command::Set { run, field, value }) => {
                    return Ok(change_cli::set(&cx, run, field, value));
                }
                Some(Command::Attach {
                    run,
                    step,
                    number,
                    path,
                }) => {
                    return Ok(change_cli::attach(
                        &cx,
                        run,
                        step,
                        *number,
                        std::path::Path::new(path),
                    ));
                }
                Some(Command::Choose {
                    run,
                    choice,
                    option,
                }) => return Ok(change_cli::choose(&cx, run, choice, option)),
                Some(Command::Undo { run }) => return Ok(change_cli::undo(&cx, run)),
                Some(Command::Edition { run, take }) => {
                    return Ok(change_cli::edition(&cx, run, *take));
                }
                Some(Command::Rename { run, label }) => {
                    return Ok(change_cli::rename(&cx, run, label));
                }
                Some(Command::Archive { run }) => return Ok(change_cli::archive(&cx, run)),
                Some(Command::Delete { run }) => return Ok(change_cli::delete(&cx, run)),
                Some(Command::Restore { run }) => return Ok(change_cli::restore(&cx, run)),
                Some(Command::Status {
                    run, json: true, ..
                }) => runs_cli::status_json(&cx, run)?,
                Some(Command::Status { run, journal, .. }) => {
                    runs_cli::status_of(&cx, run, *journal)?
                }
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
                    return runs_cli::export(
                        &cx,
                        run,
                        &formats,
                        out.as_deref(),
                        *include_secrets,
                        &templates,
                    );
                }
                Some(Command::Org {
                    id,
                    full_name,
                    short_name,
                    legal_address,
                    inn,
                    kpp,
                    ogrn,
                    head_position,
                    head_name,
                    officer_name,
                    officer_position,
                    phone,
                    email,
                    run,
                    remove,
                }) => {
                    use poryadok::organisation::OrgKey;
                    let values = [
                        (OrgKey::FullName, full_name),
                        (OrgKey::ShortName, short_name),
                        (OrgKey::LegalAddress, legal_address),
                        (OrgKey::Inn, inn),
                        (OrgKey::Kpp, kpp),
                        (OrgKey::Ogrn, ogrn),
                        (OrgKey::HeadPosition, head_position),
                        (OrgKey::HeadName, head_name),
                        (OrgKey::OfficerName, officer_name),
                        (OrgKey::OfficerPosition, officer_position),
                        (OrgKey::Phone, phone),
                        (OrgKey::Email, email),
                    ];
                    let values: Vec<(OrgKey, &str)> = values
                        .iter()
                        .filter_map(|(k, v)| Some((*k, v.as_deref()?)))
                        .collect();
                    return runs_cli::org(&cx, id.as_deref(), &values, run.as_deref(), *remove);
                }
                _ => runs_cli::list(&cx)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Start { .. } | Command::Open { .. }) => {
            wizard(cli, lang, data_dir, discover, cache.as_ref())
        }
        None if std::io::stdout().is_terminal() || cli.plain => {
            wizard(cli, lang, data_dir, discover, cache.as_ref())
        }
        // Without a terminal (a pipe, a script), no command lists the procedures.
        _ => {
            let catalog = discover()?;
            cli::procedures::list(&catalog, lang, user_dir.as_deref());
            catalog.keep(cache.as_ref());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The wizard, on the home screen or the run `cli` names: drawn in the terminal, or line by
/// line (`poryadok::plain`) where asked or where the terminal cannot draw.
fn wizard(
    cli: &Cli,
    lang: Lang,
    data_dir: Option<PathBuf>,
    discover: impl FnOnce() -> Result<Catalog>,
    cache: Option<&procedure::Cache>,
) -> Result<ExitCode> {
    let plain = poryadok::plain::wanted(
        cli.plain,
        |name| std::env::var(name).ok(),
        std::io::stdin().is_terminal(),
        std::io::stdout().is_terminal(),
    );
    let (data_dir, store) = open_store(data_dir, lang)?;
    let (procedures, unkept) = discover()?.into_usable(cache);
    if plain {
        use poryadok::plain::{Plain, Start};
        unkept.keep();
        let start = match &cli.command {
            Some(Command::Start { procedure }) => Start::Procedure(procedure.clone()),
            Some(Command::Open { run }) => Start::Run(run.clone()),
            _ => Start::Home,
        };
        let (input, output) = (std::io::stdin().lock(), std::io::stdout().lock());
        Plain::new(lang, procedures, store, input, output).run(&start)?;
        return Ok(ExitCode::SUCCESS);
    }
    let start = match &cli.command {
        Some(Command::Start { procedure }) => tui::shell::Start::Procedure(procedure.clone()),
        Some(Command::Open { run }) => tui::shell::Start::Run(run.clone()),
        _ => tui::shell::Start::Home,
    };
    let mut wizard = tui::shell::Wizard::new(lang, procedures, store, jiff::Timestamp::now());
    // The procedures read from their files go to the cache once the first frame is out.
    wizard.keep_later(unkept);
    tui::shell::run(wizard, &start, data_dir.join("panic.log")).map_err(WizardFailed)?;
    Ok(ExitCode::SUCCESS)
}

/// The store in the data folder, which commands over runs cannot do without.
fn open_store(data_dir: Option<PathBuf>, lang: Lang) -> Result<(PathBuf, Store)> {
    let data_dir = data_dir.ok_or_else(|| anyhow::anyhow!(lang.text("runs-no-data-dir")))?;
    let store = Store::open(&data_dir).map_err(|e| anyhow::anyhow!(e.message().text(lang)))?;
    Ok((data_dir, store))
}
