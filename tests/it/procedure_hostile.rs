//! What a procedure file from anyone can try through `check` and the export: C1 control
//! characters for the officer's terminal, and a multi-line value put in a letter's subject.

use std::fs;

use assert_cmd::Command as Bin;

use crate::common::at;
use poryadok::export::{Format, Options, files, report::Templates};
use poryadok::i18n::Lang;
use poryadok::procedure::load;
use poryadok::run::command::{Command, apply};
use poryadok::run::{Run, Value};

/// Item 10: C1 control characters (CSI U+009B, OSC U+009D … ST U+009C) in a procedure never
/// reach the terminal raw in `check`'s source snippet; the officer sees stand-ins.
#[test]
fn c1_controls_in_a_procedure_never_reach_the_terminal_from_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    let text = "[procedure]\nformat = 1\nid = \"hostile\"\n\
                title = \"Порядок \u{9b}2J\u{9d}0;pwned\u{9c} конец\"\n";
    fs::write(&path, text).unwrap();
    for lang in ["en", "ru"] {
        let failed = Bin::cargo_bin("poryadok")
            .unwrap()
            .args(["--lang", lang, "check"])
            .arg(&path)
            .assert()
            .failure();
        let output = failed.get_output();
        for stream in [&output.stdout, &output.stderr] {
            let shown = String::from_utf8_lossy(stream);
            let raw: Vec<String> = shown
                .chars()
                .filter(|c| ('\u{80}'..='\u{9f}').contains(c))
                .map(|c| format!("U+{:04X}", c as u32))
                .collect();
            assert!(raw.is_empty(), "{lang}: raw {raw:?} in:\n{shown}");
        }
        // The snippet is still there, with the character replaced where it was.
        let shown = String::from_utf8_lossy(&output.stderr);
        assert!(shown.contains("2J"), "{shown}");
    }
}

const LETTER_PROCEDURE: &str = r#"
[procedure]
format = 1
id = "letter-subject"
title = "Письмо в ДИТ"
version = "1"
source = "Регламент"
summary = "Заявка и письмо."

[[section]]
id = "main"
title = "Шаги"

[[step]]
id = "apply"
section = "main"
title = "Заполнить заявку"
form = "request"

[[step.letter]]
title = "Заявка"
channel = "email"
to = ["dit@example.ru"]
subject = "Заявка: {{organisation}}"
body = "Просим рассмотреть заявку {{organisation}}."
attach = ["request"]

[[step]]
id = "report"
section = "main"
title = "Отчёт"
form = "report"

[[form]]
id = "request"
title = "Заявка"

[[form.field]]
id = "organisation"
type = "multiline"
label = "Организация"

[[form]]
id = "report"
title = "Отчёт"

[[form.field]]
id = "summary"
type = "text"
label = "Итог"
"#;

/// Item 11: `check` refuses a multi-line field in a subject, and a value with a line break there
/// is put on one line: the letter and every other document are exported.
#[test]
fn a_multi_line_value_in_a_subject_is_refused_by_check_and_blocks_no_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter-subject.toml");
    fs::write(&path, LETTER_PROCEDURE).unwrap();
    let checked = Bin::cargo_bin("poryadok")
        .unwrap()
        .args(["--lang", "en", "check"])
        .arg(&path)
        .assert()
        .failure();
    let said = String::from_utf8_lossy(&checked.get_output().stderr).into_owned();
    assert!(
        said.contains("organisation") && said.contains("subject"),
        "check names the multi-line field in the subject:\n{said}"
    );

    // The export meets a line break in a subject anyway: a one-line field whose value holds one
    // (pasted, or a run file edited by hand), in an edition that passes the check.
    let one_line = LETTER_PROCEDURE.replace("type = \"multiline\"", "type = \"text\"");
    let p = load(one_line.as_bytes()).result.expect("usable");
    let mut run = Run::new(&p, "Отдел", at(0));
    for (field, value) in [
        ("organisation", "ГБУ «Пример»\nBcc: someone@outside.example"),
        ("summary", "Готово"),
    ] {
        let command = Command::SetField {
            field: field.into(),
            value: Value::Text(value.into()),
        };
        apply(&p, &mut run, command, at(1)).unwrap();
    }
    let options = Options {
        lang: Lang::Ru,
        include_secrets: false,
        tz: jiff::tz::TimeZone::UTC,
        organisation: None,
        added_files: None,
        earlier: Vec::new(),
    };
    let made = files(
        &p,
        &run,
        "letter-subject-1",
        at(2),
        &options,
        &Templates::default(),
        &Format::ALL,
    )
    .expect("a multi-line value in a subject blocks no document");
    let names: Vec<&str> = made.iter().map(|f| f.name.as_str()).collect();
    assert!(
        names.iter().filter(|n| n.ends_with(".docx")).count() == 2,
        "{names:?}"
    );
    let eml = made
        .iter()
        .find(|f| f.name.ends_with(".eml"))
        .expect("the letter");
    let message = crate::eml_reader::parse(&eml.bytes);
    assert_eq!(
        message.subject(),
        Some("Заявка: ГБУ «Пример» Bcc: someone@outside.example")
    );
    assert!(
        message.bcc().is_none(),
        "the value added no header to the letter"
    );
}
