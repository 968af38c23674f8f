//! Every text of the command tree from the catalogues: what each command and argument is, the
//! names of values, the usage lines and the headings of the help pages. clap's built-in help and
//! version flags and its `help` command (whose texts are English) are replaced by ours.

use clap::builder::StyledStr;
use clap::{Arg, ArgAction, Command};

use crate::i18n::Lang;

/// Where the program's options, and then `--version` and `--help`, come in the list of options
/// of every help page (clap's derive numbers each command's own arguments from 0).
const PROGRAM_OPTIONS: usize = 100;
const LAST: usize = 1000;

/// `command` (as clap's derive made it) with the texts of `lang`, for the program and each of
/// its commands.
pub fn localize(command: Command, lang: Lang) -> Command {
    let command = command
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(lang.text("cli-option-version"))
                .display_order(LAST - 1),
        )
        .max_term_width(100);
    describe(command, lang, None)
}

/// The message naming an argument's description: `cli-option-ARG` for the program's (global)
/// options, `cli-COMMAND-ARG` for a command's.
pub fn argument_message(command: Option<&str>, argument: &str) -> String {
    let argument = argument.replace('_', "-");
    match command {
        None => format!("cli-option-{argument}"),
        Some(command) => format!("cli-{command}-{argument}"),
    }
}

/// The message naming what a command does: `cli-about` for the program, `cli-COMMAND`.
pub fn command_message(command: Option<&str>) -> String {
    match command {
        None => "cli-about".to_owned(),
        Some(command) => format!("cli-{command}"),
    }
}

/// The texts of one command (`name`: `None` for the program), then of its commands.
fn describe(command: Command, lang: Lang, name: Option<&str>) -> Command {
    let mut command = command
        .about(lang.text(&command_message(name)))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(lang.text("cli-option-help"))
                .display_order(LAST),
        );
    let ids: Vec<String> = (command.get_arguments())
        .filter(|arg| !matches!(arg.get_id().as_str(), "help" | "version"))
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| {
            let arg = describe_argument(arg, lang, name);
            // The program's options come after a command's own in its help.
            match name {
                None => {
                    let order = PROGRAM_OPTIONS + arg.get_display_order();
                    arg.display_order(order)
                }
                Some(_) => arg,
            }
        });
    }
    let names: Vec<String> = (command.get_subcommands())
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for sub in &names {
        command = command.mut_subcommand(sub, |c| describe(c, lang, Some(sub)));
    }
    let usage = usage(&command, lang, name);
    let template = template(&command, lang);
    command
        .subcommand_value_name(lang.text("cli-usage-command"))
        .override_usage(usage)
        .help_template(template)
}

fn describe_argument(arg: Arg, lang: Lang, command: Option<&str>) -> Arg {
    let help = lang.text(&argument_message(command, arg.get_id().as_str()));
    let arg = arg.help(help);
    if !arg.get_action().takes_values() {
        return arg;
    }
    // Possible and default values would be listed by clap in English ("[possible values: …]"):
    // the description names them instead.
    let arg = arg.hide_possible_values(true).hide_default_value(true);
    let value = (arg.get_value_names())
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().to_string(), |name| name.to_string());
    let value = lang.text(&format!(
        "cli-value-{}",
        value.to_lowercase().replace('_', "-")
    ));
    arg.value_name(value)
}

/// The usage line: `poryadok check [OPTIONS] [PATH]...` with the words of `lang`.
fn usage(command: &Command, lang: Lang, name: Option<&str>) -> String {
    let mut words = vec!["poryadok".to_owned()];
    words.extend(name.map(str::to_owned));
    words.push(format!("[{}]", lang.text("cli-usage-options")));
    for arg in command.get_positionals() {
        let value = (arg.get_value_names())
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().to_string(), |name| name.to_string());
        let mut word = if arg.is_required_set() {
            format!("<{value}>")
        } else {
            format!("[{value}]")
        };
        if arg.get_num_args().is_some_and(|n| n.max_values() > 1)
            || matches!(arg.get_action(), ArgAction::Append)
        {
            word.push_str("...");
        }
        words.push(word);
    }
    if command.has_subcommands() {
        words.push(format!("[{}]", lang.text("cli-usage-command")));
    }
    words.join(" ")
}

/// The help page: what the command does, its usage, then its commands, arguments and options,
/// each under a heading of `lang` (clap's `{all-args}` would head them in English).
fn template(command: &Command, lang: Lang) -> StyledStr {
    let header = command.get_styles().get_header();
    let heading = |id: &str| format!("{header}{}:{header:#}", lang.text(id));
    let mut parts = vec![
        "{about}".to_owned(),
        format!("{} {{usage}}", heading("cli-heading-usage")),
    ];
    if command.has_subcommands() {
        parts.push(format!(
            "{}\n{{subcommands}}",
            heading("cli-heading-commands")
        ));
    }
    if command.get_positionals().next().is_some() {
        parts.push(format!(
            "{}\n{{positionals}}",
            heading("cli-heading-arguments")
        ));
    }
    parts.push(format!("{}\n{{options}}", heading("cli-heading-options")));
    StyledStr::from(parts.join("\n\n"))
}
