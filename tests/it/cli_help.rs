//! The command line in the officer's language: help pages, usage errors, completions and the
//! manual page, in Russian and English.

use std::path::Path;

use assert_cmd::Command;
use poryadok::cli::texts::{argument_message, command_message};
use poryadok::i18n::Lang;

/// `poryadok` with a clean locale (`LANG` as given), an 80-column width for help pages, and no
/// data folder of the machine's.
fn poryadok(lang: &str) -> Command {
    let mut command = Command::cargo_bin("poryadok").expect("the binary is built");
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("COLUMNS", "80")
        .env("PORYADOK_DATA_DIR", "/nonexistent/poryadok-data");
    command
}

fn stdout_of(lang: &str, args: &[&str]) -> String {
    let output = poryadok(lang).args(args).assert().success();
    String::from_utf8_lossy(&output.get_output().stdout).into_owned()
}

/// The standard error of a usage error, which must end with exit code 2.
fn usage_error(lang: &str, args: &[&str]) -> String {
    let output = poryadok(lang).args(args).assert().code(2);
    let out = output.get_output();
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Words of clap's own English texts, none of which may show in a Russian help or error.
const CLAP_ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print",
    "error:",
    "tip:",
    "possible values",
    "default:",
    "For more information",
    "unexpected",
    "required",
    "[OPTIONS]",
    "[COMMAND]",
];

fn assert_no_clap_english(text: &str) {
    for word in CLAP_ENGLISH {
        assert!(!text.contains(word), "'{word}' in a Russian text:\n{text}");
    }
}

#[test]
fn help_speaks_russian_from_the_locale_and_from_the_option() {
    let from_locale = stdout_of("ru_RU.UTF-8", &["--help"]);
    insta::assert_snapshot!("help-ru", from_locale);
    assert_no_clap_english(&from_locale);
    assert_eq!(
        stdout_of("C.UTF-8", &["--lang", "ru", "--help"]),
        from_locale
    );
    assert_eq!(stdout_of("C.UTF-8", &["-h", "--lang=ru"]), from_locale);
    assert_eq!(stdout_of("C.UTF-8", &["--lang", "ru", "help"]), from_locale);
}

#[test]
fn help_speaks_english_otherwise() {
    let help = stdout_of("C.UTF-8", &["--help"]);
    insta::assert_snapshot!("help-en", help);
    assert_eq!(stdout_of("ru_RU.UTF-8", &["--lang", "en", "--help"]), help);
    assert_eq!(stdout_of("de_DE.UTF-8", &["--help"]), help);
}

#[test]
fn a_command_has_its_own_help_page() {
    let export = stdout_of("ru_RU.UTF-8", &["export", "--help"]);
    insta::assert_snapshot!("help-export-ru", export);
    assert_no_clap_english(&export);
    assert_eq!(stdout_of("ru_RU.UTF-8", &["help", "export"]), export);
    insta::assert_snapshot!("help-start-en", stdout_of("C.UTF-8", &["start", "-h"]));
}

/// Every command and every argument, in the tree clap parses with, has its description in the
/// Russian catalogue (not the English fallback), and so do the names of values.
#[test]
fn every_command_and_argument_is_described_in_russian() {
    fn walk(command: &clap::Command, name: Option<&str>, seen: &mut Vec<String>) {
        let id = command_message(name);
        assert!(Lang::Ru.has(&id), "no {id} in ru/cli.ftl");
        let about = command.get_about().map(ToString::to_string);
        assert!(
            about.as_deref().is_some_and(has_cyrillic),
            "{id}: {about:?}"
        );
        for arg in command.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(has_cyrillic(&help), "{name:?} {}: {help:?}", arg.get_id());
            if !matches!(arg.get_id().as_str(), "help" | "version") {
                let id = argument_message(name, arg.get_id().as_str());
                assert!(Lang::Ru.has(&id), "no {id} in ru/cli.ftl");
            }
            if arg.get_action().takes_values() {
                let value = arg
                    .get_value_names()
                    .map(|v| v.join(" "))
                    .unwrap_or_default();
                assert!(has_cyrillic(&value), "{id} {}: {value:?}", arg.get_id());
            }
            seen.push(format!("{} {}", name.unwrap_or("poryadok"), arg.get_id()));
        }
        for sub in command.get_subcommands() {
            walk(sub, Some(sub.get_name()), seen);
        }
    }
    let mut seen = Vec::new();
    walk(&poryadok::cli::command(Lang::Ru), None, &mut seen);
    // The program's options, then every command's own arguments and its help flag.
    for arg in [
        "poryadok lang",
        "poryadok version",
        "export include_secrets",
        "man help",
    ] {
        assert!(seen.iter().any(|s| s == arg), "{arg} not walked: {seen:?}");
    }
}

#[test]
fn usage_errors_speak_the_officers_language_and_exit_with_2() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["start"],
            &[
                "ошибка: не указано: <ПРОЦЕДУРА>",
                "Вызов: poryadok start [ПАРАМЕТРЫ] <ПРОЦЕДУРА>",
                "Подробнее: `poryadok start --help`.",
            ],
        ),
        (
            &["strat"],
            &["ошибка: нет команды «strat»", "может быть, «start»?"],
        ),
        (
            &["--lnag", "ru"],
            &["ошибка: лишний аргумент «--lnag»", "может быть, «--lang»?"],
        ),
        (
            &["--lang", "de", "list"],
            &[
                "ошибка: «de» — недопустимое значение для --lang <ЯЗЫК>",
                "допустимые значения: ru, en",
            ],
        ),
        (
            &["export", "run-1", "--format", "docx,odt"],
            &["ошибка: неизвестный формат «odt»; допустимые форматы: docx, xlsx"],
        ),
        (
            &["status", "run-1", "--journal", "--journal"],
            &["ошибка: --journal можно указать только один раз"],
        ),
        (
            &["runs", "extra"],
            &[
                "ошибка: лишний аргумент «extra»",
                "Вызов: poryadok runs [ПАРАМЕТРЫ]",
            ],
        ),
        (
            &["completions", "tcsh"],
            &["«tcsh» — недопустимое значение для <ОБОЛОЧКА>"],
        ),
        (&["help", "nope"], &["ошибка: нет команды «nope»"]),
    ];
    for (args, expected) in cases {
        let err = usage_error("ru_RU.UTF-8", args);
        for line in *expected {
            assert!(err.contains(line), "{args:?}: no {line:?} in\n{err}");
        }
        assert_no_clap_english(&err);
    }
    let err = usage_error("C.UTF-8", &["start"]);
    assert!(
        err.starts_with(
            "error: missing: <PROCEDURE>\n\nUsage: poryadok start [OPTIONS] <PROCEDURE>"
        ),
        "{err}"
    );
}

#[test]
fn without_a_terminal_the_wizard_works_line_by_line() {
    // assert_cmd gives the program no input (not a terminal): the plain mode asks for the label,
    // finds the input ended and quits, leaving nothing half done.
    let data = tempfile::tempdir().expect("temporary folder");
    let output = poryadok("ru_RU.UTF-8")
        .arg("--data-dir")
        .arg(data.path())
        .args(["start", "qualified-signature"])
        .assert()
        .success();
    let out = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    assert!(out.contains("Для кого это прохождение"), "{out}");
    assert!(out.ends_with("До свидания. Всё сохранено.\n"), "{out}");
    assert!(output.get_output().stderr.is_empty());
}

#[test]
fn a_missing_procedures_folder_is_an_error_not_a_row() {
    let data = tempfile::tempdir().expect("temporary folder");
    let output = poryadok("ru_RU.UTF-8")
        .arg("--data-dir")
        .arg(data.path())
        .args(["--procedures", "/nonexistent/procedures", "list"])
        .assert()
        .code(2);
    let out = output.get_output();
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "ошибка: путь «/nonexistent/procedures», указанный в --procedures, нельзя \
         использовать: по этому пути ничего нет"
    );
}

#[test]
fn completions_are_printed_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout_of("ru_RU.UTF-8", &["completions", shell]);
        for word in ["poryadok", "start", "data-dir", "export", "include-secrets"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
    // zsh shows the descriptions, in the officer's language.
    let zsh = stdout_of("ru_RU.UTF-8", &["completions", "zsh"]);
    assert!(zsh.contains("[Показать версию]"), "{zsh}");
}

/// The manual pages in the repository are the ones `poryadok man` prints now; after a change of
/// the command line or its texts, make them again with
/// `cargo run -- --lang en man > docs/man/man1/poryadok.1` and
/// `cargo run -- --lang ru man > docs/man/ru/man1/poryadok.1`.
#[test]
fn the_committed_man_pages_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (lang, file) in [
        ("en", "docs/man/man1/poryadok.1"),
        ("ru", "docs/man/ru/man1/poryadok.1"),
    ] {
        let committed = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        let current = stdout_of("C.UTF-8", &["--lang", lang, "man"]);
        assert!(
            committed == current,
            "{file} is stale: run `cargo run -- --lang {lang} man > {file}`"
        );
    }
    let page = stdout_of("ru_RU.UTF-8", &["man"]);
    assert!(page.contains(".SH КОМАНДЫ") && page.contains(".SS \"poryadok export"));
}
