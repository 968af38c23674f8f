//! clap's usage errors told again in the officer's language. clap writes them in English only;
//! its error kinds and their context (the argument, the value, the suggestion) are mapped here
//! to messages of the catalogues.

use std::fmt::Write;

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use super::{BadDay, Exit, UnknownFormat};
use crate::i18n::{Arg, Lang};
use crate::text::sanitize_line;

/// What to print for clap's `error`: help and the version as clap made them (their texts are
/// already ours), anything else as a usage error in `lang`.
pub fn exit(error: &Error, lang: Lang) -> Exit {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Exit {
            text: error.render().ansi().to_string(),
            to_stdout: true,
            code: 0,
        },
        _ => Exit {
            text: message(error, lang),
            to_stdout: false,
            code: 2,
        },
    }
}

/// The whole message: `error: …`, a suggestion if clap has one, the usage line of the command
/// concerned, and where to read more.
pub fn message(error: &Error, lang: Lang) -> String {
    let detail = detail(error, lang);
    let mut text = lang.format("cli-error", &[("detail", detail.into())]);
    for suggestion in suggestions(error, lang) {
        let _ = write!(text, "\n  {suggestion}");
    }
    // The usage clap puts in an error is the command's own line (from `override_usage`), after
    // clap's English title.
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        let heading = lang.text("cli-heading-usage");
        let _ = write!(text, "\n\n{heading}: {usage}");
        let command: Vec<&str> = (usage.split(' '))
            .take_while(|word| !word.starts_with(['[', '<']))
            .collect();
        let more = lang.format("cli-more-help", &[("command", command.join(" ").into())]);
        let _ = write!(text, "\n\n{more}");
    }
    text.push('\n');
    text
}

/// The problem itself, in one line.
fn detail(error: &Error, lang: Lang) -> String {
    let text = |kind| string(error, kind);
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let t = |id: &str, args: &[(&str, Arg)]| lang.format(id, args);
    match error.kind() {
        ErrorKind::InvalidSubcommand => t(
            "cli-unknown-command",
            &[("value", text(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::UnknownArgument => t("cli-unknown-argument", &[("value", arg.into())]),
        ErrorKind::InvalidValue if value.is_empty() => {
            t("cli-missing-value", &[("arg", arg.into())])
        }
        ErrorKind::InvalidValue => t(
            "cli-invalid-value",
            &[("value", value.into()), ("arg", arg.into())],
        ),
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(error);
            if let Some(day) = source.and_then(|s| s.downcast_ref::<BadDay>()) {
                t(
                    "cli-bad-day",
                    &[
                        ("value", day.text.as_str().into()),
                        ("arg", arg.into()),
                        ("reason", day.reason.text(lang).into()),
                    ],
                )
            } else if let Some(UnknownFormat(name)) =
                source.and_then(|s| s.downcast_ref::<UnknownFormat>())
            {
                let formats: Vec<&str> = (crate::export::Format::ALL.iter())
                    .map(|f| f.name())
                    .collect();
                t(
                    "cli-unknown-format",
                    &[
                        ("value", name.as_str().into()),
                        ("formats", formats.join(", ").into()),
                    ],
                )
            } else {
                t(
                    "cli-invalid-value",
                    &[("value", value.into()), ("arg", arg.into())],
                )
            }
        }
        ErrorKind::MissingRequiredArgument => t(
            "cli-missing-arguments",
            &[(
                "args",
                strings(error, ContextKind::InvalidArg).join(", ").into(),
            )],
        ),
        ErrorKind::ArgumentConflict => match error.get(ContextKind::PriorArg) {
            Some(ContextValue::String(prior)) if *prior != arg => t(
                "cli-argument-conflict",
                &[("arg", arg.into()), ("other", prior.as_str().into())],
            ),
            Some(ContextValue::Strings(prior)) => t(
                "cli-argument-conflict",
                &[("arg", arg.into()), ("other", prior.join(", ").into())],
            ),
            _ => t("cli-argument-repeated", &[("arg", arg.into())]),
        },
        ErrorKind::TooManyValues => t(
            "cli-too-many-values",
            &[("value", value.into()), ("arg", arg.into())],
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => t(
            "cli-wrong-number-of-values",
            &[
                ("arg", arg.into()),
                (
                    "expected",
                    number(error, ContextKind::ExpectedNumValues)
                        .or_else(|| number(error, ContextKind::MinValues))
                        .unwrap_or(0)
                        .into(),
                ),
                (
                    "actual",
                    number(error, ContextKind::ActualNumValues)
                        .unwrap_or(0)
                        .into(),
                ),
            ],
        ),
        ErrorKind::NoEquals => t("cli-no-equals", &[("arg", arg.into())]),
        ErrorKind::InvalidUtf8 => t("cli-not-utf8", &[]),
        // Left: what poryadok's command line cannot cause (a missing command where one is
        // required, clap failing to write help).
        _ => t("cli-usage-problem", &[]),
    }
}

/// The lines clap would add as "tip:": a command or argument with a similar name, or how to pass
/// a value that looks like an option.
fn suggestions(error: &Error, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        for value in strings(error, kind) {
            lines.push(lang.format("cli-did-you-mean", &[("value", value.into())]));
        }
    }
    // clap's other tips come written in English: the ones it has are recognised by their
    // shape and told again; one not recognised (from a later clap) is left out.
    for tip in strings(error, ContextKind::Suggested) {
        if tip.starts_with("to pass '") {
            let value = [ContextKind::InvalidArg, ContextKind::InvalidSubcommand]
                .into_iter()
                .map(|kind| string(error, kind))
                .find(|value| !value.is_empty())
                .unwrap_or_default();
            lines.push(lang.format("cli-dash-dash", &[("value", value.into())]));
        } else if let Some(command) = tip
            .strip_prefix('\'')
            .and_then(|rest| rest.strip_suffix("' exists"))
        {
            lines.push(lang.format("cli-did-you-mean", &[("value", command.into())]));
        } else if let Some((command, _)) = tip
            .strip_prefix("subcommand '")
            .and_then(|rest| rest.split_once('\''))
        {
            lines.push(lang.format("cli-remove-dash-dash", &[("value", command.into())]));
        }
    }
    let valid = strings(error, ContextKind::ValidValue);
    if !valid.is_empty() {
        lines.push(lang.format(
            "cli-possible-values",
            &[("values", valid.join(", ").into())],
        ));
    }
    lines
}

/// A value of the error's context as one line of plain text: what the officer typed may hold
/// control characters, which must not reach the terminal.
fn string(error: &Error, kind: ContextKind) -> String {
    strings(error, kind).join(" ")
}

fn strings(error: &Error, kind: ContextKind) -> Vec<String> {
    let values = match error.get(kind) {
        Some(ContextValue::String(value)) => vec![value.clone()],
        Some(ContextValue::Strings(values)) => values.clone(),
        Some(ContextValue::StyledStr(value)) => vec![value.to_string()],
        Some(ContextValue::StyledStrs(values)) => values.iter().map(|v| v.to_string()).collect(),
        _ => Vec::new(),
    };
    (values.iter())
        .map(|value| sanitize_line(value).into_owned())
        .collect()
}

fn number(error: &Error, kind: ContextKind) -> Option<usize> {
    match error.get(kind) {
        Some(ContextValue::Number(n)) => usize::try_from(*n).ok(),
        _ => None,
    }
}
