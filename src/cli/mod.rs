//! The command line: which commands and options `poryadok` accepts, with their help and usage
//! errors in the officer's language, shell completions and the manual page.
//!
//! clap's derive reads the shape of the command line from [`Cli`] and [`Command`]; every text a
//! person reads (descriptions, headings, usage lines, value names, errors) comes from the Fluent
//! catalogues (`assets/i18n/{en,ru}/cli.ftl`), put in by [`texts`] through clap's builder API.
//! clap's own English strings never reach the officer: the help flags and the help template are
//! ours, and usage errors are told again by [`usage_error`].
//!
//! # Adding a command
//!
//! 1. Add a variant to [`Command`]; its fields are its arguments, as clap's derive reads them.
//!    Write no doc comments on them: clap would take them for help texts in English.
//! 2. Describe it in both `cli.ftl` files: `cli-NAME` says what the command does, `cli-NAME-ARG`
//!    what each argument is (`include_secrets` is written `include-secrets`), and `cli-value-X`
//!    names a new kind of value in usage lines (`value_name = "x"`; by default the field name).
//! 3. Carry it out in `src/main.rs`.
//!
//! The tests in `tests/it/cli_help.rs` fail until every text is there in both languages, and
//! until the manual pages in `docs/man` are made again (`poryadok man`).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::{Lang, Msg};

pub mod errors;
pub mod install;
pub mod procedures;
pub mod texts;
pub mod usage_error;

/// The command line of `poryadok`.
#[derive(Debug, Parser)]
#[command(name = "poryadok", version)]
pub struct Cli {
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[arg(long = "procedures", global = true, value_name = "dir")]
    pub procedures: Vec<PathBuf>,
    #[arg(long, global = true, value_name = "dir")]
    pub data_dir: Option<PathBuf>,
    #[arg(long, global = true)]
    pub plain: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang`: the languages the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ru,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Ru => Lang::Ru,
            LangArg::En => Lang::En,
        }
    }
}

/// The commands; the descriptions are `cli-NAME` and `cli-NAME-ARG` in the catalogues.
// `org`'s twelve values make it the largest; a command line is parsed once.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    Check {
        paths: Vec<PathBuf>,
    },
    List,
    Schema,
    Start {
        procedure: String,
    },
    Open {
        run: String,
    },
    Runs,
    Status {
        run: String,
        #[arg(long)]
        journal: bool,
        #[arg(long)]
        json: bool,
    },
    New {
        procedure: String,
        #[arg(long, required_unless_present = "org")]
        label: Option<String>,
        #[arg(long, value_name = "id")]
        org: Option<String>,
    },
    Step {
        run: String,
        step: String,
        #[arg(value_enum)]
        action: StepAction,
        #[arg(long, value_name = "date", value_parser = parse_day)]
        on: Option<jiff::civil::Date>,
        #[arg(long, value_name = "date", value_parser = parse_day)]
        until: Option<jiff::civil::Date>,
    },
    Set {
        run: String,
        field: String,
        value: String,
    },
    Attach {
        run: String,
        step: String,
        number: usize,
        // An OS string, not a `PathBuf`: clap refuses an empty path, which takes the file away.
        path: std::ffi::OsString,
    },
    Choose {
        run: String,
        choice: String,
        option: String,
    },
    Undo {
        run: String,
    },
    Edition {
        run: String,
        #[arg(long)]
        take: bool,
    },
    Rename {
        run: String,
        label: String,
    },
    Archive {
        run: String,
    },
    Delete {
        run: String,
    },
    Restore {
        run: String,
    },
    Recover {
        run: String,
    },
    Export {
        run: String,
        #[arg(long, value_delimiter = ',', value_parser = parse_format)]
        format: Vec<crate::export::Format>,
        #[arg(long, value_name = "dir")]
        out: Option<PathBuf>,
        #[arg(long)]
        include_secrets: bool,
    },
    /// The register of organisations: list it, show, fill or remove one, or give a run to one.
    Org {
        id: Option<String>,
        #[arg(long, value_name = "text")]
        full_name: Option<String>,
        #[arg(long, value_name = "text")]
        short_name: Option<String>,
        #[arg(long, value_name = "text")]
        legal_address: Option<String>,
        #[arg(long, value_name = "number")]
        inn: Option<String>,
        #[arg(long, value_name = "number")]
        kpp: Option<String>,
        #[arg(long, value_name = "number")]
        ogrn: Option<String>,
        #[arg(long, value_name = "text")]
        head_position: Option<String>,
        #[arg(long, value_name = "text")]
        head_name: Option<String>,
        #[arg(long, value_name = "text")]
        officer_name: Option<String>,
        #[arg(long, value_name = "text")]
        officer_position: Option<String>,
        #[arg(long, value_name = "text")]
        phone: Option<String>,
        #[arg(long, value_name = "text")]
        email: Option<String>,
        #[arg(long, value_name = "run")]
        run: Option<String>,
        #[arg(long)]
        remove: bool,
    },
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
    Help {
        command: Option<String>,
    },
}

/// What `poryadok step` does to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StepAction {
    Start,
    Done,
    Wait,
    Reopen,
    Pass,
}

/// A day on the command line that is neither `ДД.ММ.ГГГГ` nor `ГГГГ-ММ-ДД`, or no such day
/// (31.02): what was typed and what is wrong with it, in the officer's words.
#[derive(Debug, thiserror::Error)]
#[error("not a date: {text:?}")]
pub struct BadDay {
    pub text: String,
    pub reason: Msg,
}

/// A day as officers write it (`ДД.ММ.ГГГГ`) or as ISO 8601 does (`ГГГГ-ММ-ДД`).
pub fn parse_day(text: &str) -> Result<jiff::civil::Date, BadDay> {
    let text = text.trim();
    let bad = |reason| BadDay {
        text: text.to_owned(),
        reason,
    };
    if text.len() == 10 && text.as_bytes()[4] == b'-' {
        return text.parse().map_err(|_| bad(Msg::new("invalid-date")));
    }
    crate::validate::parse_date(text).map_err(bad)
}

/// An export format named on the command line that poryadok does not write.
#[derive(Debug, thiserror::Error)]
#[error("unknown format {0:?}")]
pub struct UnknownFormat(pub String);

fn parse_format(name: &str) -> Result<crate::export::Format, UnknownFormat> {
    crate::export::Format::from_name(name).ok_or_else(|| UnknownFormat(name.to_owned()))
}

/// The command tree with every text in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    texts::localize(Cli::command(), lang)
}

/// What to print instead of running a command: help, the version, or a usage error.
#[derive(Debug)]
pub struct Exit {
    /// With clap's styles (bold headings): print it through `anstream`, which drops them where
    /// the output is not a terminal.
    pub text: String,
    /// Help and the version go to the standard output, errors to the standard error.
    pub to_stdout: bool,
    /// 0 for help and the version, 2 for a usage error.
    pub code: u8,
}

/// Reads the command line `args` (the program's name first) in the language of `--lang`, or
/// else `env_lang`: the language must be known before clap reads anything, so that its help and
/// errors are already in it.
pub fn parse_from(args: Vec<OsString>, env_lang: Lang) -> Result<(Cli, Lang), Exit> {
    let lang = lang_in_args(&args).unwrap_or(env_lang);
    let mut command = command(lang);
    let parsed = command
        .try_get_matches_from_mut(args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches));
    match parsed {
        Ok(cli) => {
            let lang = cli.lang.map_or(lang, Lang::from);
            Ok((cli, lang))
        }
        Err(error) => Err(usage_error::exit(&error, lang)),
    }
}

/// `poryadok help [COMMAND]`: the help of the program or of one command, as `--help` prints it;
/// a command that does not exist is a usage error.
pub fn help_of(name: Option<&str>, lang: Lang) -> Exit {
    let mut args = vec![OsString::from("poryadok")];
    args.extend(name.map(OsString::from));
    args.push("--help".into());
    match parse_from(args, lang) {
        Err(exit) => exit,
        // `--help` always ends the parse; should a command ever take it as a value, the
        // program's own help is printed.
        Ok(_) => Exit {
            text: command(lang).render_help().ansi().to_string(),
            to_stdout: true,
            code: 0,
        },
    }
}

/// The language given with `--lang` (or `--lang=`), if it is one poryadok speaks; what follows
/// `--` is not looked at.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let named = |value: &str| LangArg::from_str(value, false).ok().map(Lang::from);
    let mut args = args.iter().skip(1).map(|arg| arg.to_str());
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => break,
            Some("--lang") => return args.next().flatten().and_then(named),
            Some(arg) => {
                if let Some(value) = arg.strip_prefix("--lang=") {
                    return named(value);
                }
            }
            None => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_found_before_clap_reads_the_line() {
        assert_eq!(
            lang_in_args(&args(&["poryadok", "check", "--lang", "ru"])),
            Some(Lang::Ru)
        );
        assert_eq!(
            lang_in_args(&args(&["poryadok", "--lang=en", "list"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(&args(&["poryadok", "--lang", "de"])), None);
        assert_eq!(lang_in_args(&args(&["poryadok", "--lang"])), None);
        assert_eq!(
            lang_in_args(&args(&["poryadok", "check", "--", "--lang", "ru"])),
            None
        );
    }

    #[test]
    fn the_tree_is_valid_in_both_languages() {
        for lang in [Lang::En, Lang::Ru] {
            command(lang).debug_assert();
        }
    }
}
