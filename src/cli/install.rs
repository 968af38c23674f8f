//! What makes `poryadok` install like other tools: completion scripts for shells (clap_complete)
//! and the manual page (clap_mangen), both with the texts of the officer's language. The pages
//! committed in `docs/man` are `poryadok --lang en man` and `poryadok --lang ru man`.

use std::io;

use clap_complete::{Generator, Shell};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::command;
use crate::i18n::Lang;

/// The completion script for `shell`, with the descriptions of `lang` (shells that show them:
/// zsh, fish, PowerShell).
pub fn completions(shell: Shell, lang: Lang) -> io::Result<Vec<u8>> {
    let mut command = command(lang);
    command.set_bin_name("poryadok");
    command.build();
    let mut out = Vec::new();
    shell.try_generate(&command, &mut out)?;
    Ok(out)
}

/// The manual page `poryadok(1)` in roff: the options, every command with its arguments, the
/// environment and the exit codes, with headings and texts of `lang`.
pub fn man_page(lang: Lang) -> io::Result<String> {
    let mut command = command(lang);
    let commands: Vec<clap::Command> = command.get_subcommands().cloned().collect();
    command.build();
    let man = Man::new(command.clone()).title("PORYADOK");
    let mut out = Vec::new();
    // The title comes with roff's preamble, which the other parts leave out.
    man.render_title(&mut out)?;
    let heading = |roff: &mut Roff, id: &str| {
        roff.control("SH", [lang.text(id).as_str()]);
    };

    let mut roff = Roff::default();
    heading(&mut roff, "cli-man-name");
    roff.text([roman(format!(
        "poryadok - {}",
        lang.text("cli-man-summary")
    ))]);
    heading(&mut roff, "cli-man-synopsis");
    let usage = usage_of(&command);
    roff.text([
        bold("poryadok"),
        roman(usage.strip_prefix("poryadok").unwrap_or(&usage)),
    ]);
    heading(&mut roff, "cli-man-description");
    for paragraph in [
        "cli-man-description-wizard",
        "cli-man-description-plain",
        "cli-man-description-sources",
    ] {
        roff.control("PP", []);
        roff.text([roman(lang.text(paragraph))]);
    }
    heading(&mut roff, "cli-man-options");
    out.extend(roff.to_roff().into_bytes());
    out.extend(section(&man)?);

    let mut roff = Roff::default();
    heading(&mut roff, "cli-man-commands");
    out.extend(roff.to_roff().into_bytes());
    for sub in commands {
        let mut roff = Roff::default();
        roff.control("SS", [usage_of(&sub).as_str()]);
        let about = super::texts::command_message(Some(sub.get_name()));
        roff.text([roman(lang.text(&about))]);
        out.extend(roff.to_roff().into_bytes());
        // Only the command's own arguments: the program's options are listed above.
        let sub = sub.mut_arg("help", |arg| arg.hide(true));
        if sub.get_arguments().any(|arg| !arg.is_hide_set()) {
            out.extend(section(&Man::new(sub))?);
        }
    }

    let mut roff = Roff::default();
    heading(&mut roff, "cli-man-environment");
    for (name, text) in [
        ("LC_ALL, LC_MESSAGES, LANG", "cli-man-env-lang"),
        ("PORYADOK_DATA_DIR", "cli-man-env-data-dir"),
        ("ACCESSIBLE", "cli-man-env-accessible"),
        ("TERM", "cli-man-env-term"),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(lang.text(text))]);
    }
    heading(&mut roff, "cli-man-exit-status");
    for code in ["0", "1", "2"] {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(lang.text(&format!("cli-man-exit-{code}")))]);
    }
    heading(&mut roff, "cli-man-version");
    roff.text([roman(format!("poryadok {}", env!("CARGO_PKG_VERSION")))]);
    out.extend(roff.to_roff().into_bytes());
    String::from_utf8(out).map_err(io::Error::other)
}

/// A command's usage line, as its help shows it.
fn usage_of(command: &clap::Command) -> String {
    (command.get_overridden_usage())
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// The options and arguments of `man`'s command as clap_mangen renders them, without its
/// English `.SH` heading and without roff's preamble (the page has it once, at the top).
fn section(man: &Man) -> io::Result<Vec<u8>> {
    let mut section = Vec::new();
    man.render_options_section(&mut section)?;
    let text = String::from_utf8(section).map_err(io::Error::other)?;
    let kept: String = (text.split_inclusive('\n'))
        .filter(|line| !line.starts_with(".SH ") && !line.contains(".ds Aq "))
        .collect();
    Ok(kept.into_bytes())
}
