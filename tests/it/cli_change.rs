//! `poryadok new`, `step`, `set`, `choose`, `undo`, `rename`: a run changed from the command line
//! through the same engine, checks, journal and lock as the wizard; exit 0 done, 1 refused by the
//! procedure, 2 a usage error.

use std::path::Path;

use assert_cmd::Command as Bin;
use predicates::prelude::*;

use poryadok::store::Store;

pub(crate) fn poryadok(data: &Path, lang: &str) -> Bin {
    let mut bin = Bin::cargo_bin("poryadok").unwrap();
    bin.arg("--data-dir").arg(data).args(["--lang", lang]);
    bin
}

pub(crate) fn stdout(bin: &mut Bin) -> String {
    let output = bin.output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

/// A new qualified-signature run with its application form filled; its id.
pub(crate) fn filled_run(data: &Path) -> String {
    let out =
        stdout(poryadok(data, "en").args(["new", "qualified-signature", "--label", "Иванов И.И."]));
    let id = out.lines().last().unwrap().to_owned();
    assert_eq!(id, "qualified-signature-1");
    for (field, value) in [
        ("department", "Кафедра информатики"),
        ("full_name", "Иванов Иван Иванович"),
        ("inn", "500100732259"),
        ("mobile_phone", "+7 912 345-67-89"),
        ("corporate_email", "ivanov@university.ru"),
        ("has_key_carrier", "нет"),
        ("application.grounds", "Подписание документов в ЭДО"),
    ] {
        poryadok(data, "en")
            .args(["set", &id, field, value])
            .assert()
            .success();
    }
    id
}

pub(crate) fn status(data: &Path, lang: &str, id: &str) -> String {
    stdout(poryadok(data, lang).args(["status", id]))
}

#[test]
fn qualified_signature_is_walked_to_the_end_from_the_command_line() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    let p = crate::common::bundled("qualified-signature");
    // A step cannot be done before the one it needs: the wizard's reason, exit 1.
    poryadok(data.path(), "en")
        .args(["step", &id, "2", "done"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Not yet"));
    for number in 1..=p.steps().len() {
        poryadok(data.path(), "en")
            .args([
                "step",
                &id,
                &number.to_string(),
                "done",
                "--on",
                "01.12.2026",
            ])
            .assert()
            .success();
    }
    let text = status(data.path(), "en", &id);
    let second = text.lines().nth(1).unwrap();
    assert!(
        second.starts_with(&format!("{0} of {0} steps done", p.steps().len())),
        "{text}"
    );
    assert!(text.contains("done 01.12.2026"), "{text}");
    // Every change is in the journal, in words.
    let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
    assert!(
        journal.contains("Field “ИНН”: — → “500100732259”"),
        "{journal}"
    );
    assert!(journal.contains(": — → done 01.12.2026"), "{journal}");
    // A second run with the same label is made, with a warning.
    poryadok(data.path(), "en")
        .args(["new", "qualified-signature", "--label", "Иванов И.И."])
        .assert()
        .success()
        .stdout(predicate::str::ends_with("qualified-signature-2\n"))
        .stderr(predicate::str::contains(
            "already has the label “Иванов И.И.”",
        ));
}

#[test]
fn a_backdated_step_moves_its_deadline_and_a_future_day_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    let p = crate::common::bundled("qualified-signature");
    let index = (p.steps().iter())
        .position(|s| {
            s.deadline
                .as_ref()
                .is_some_and(|d| d.working_days == Some(1))
        })
        .expect("the step with a one-day deadline");
    for number in 1..=index {
        poryadok(data.path(), "en")
            .args([
                "step",
                &id,
                &number.to_string(),
                "done",
                "--on",
                "2026-04-20",
            ])
            .assert()
            .success();
    }
    let step = (index + 1).to_string();
    // Begun on Friday 8 May 2026: one working day after it is 12 May (9–11 May are off).
    poryadok(data.path(), "en")
        .args(["step", &id, &step, "start", "--on", "08.05.2026"])
        .assert()
        .success();
    let text = status(data.path(), "en", &id);
    assert!(
        text.contains("by 12.05.2026 (1 working day from the step's start)"),
        "{text}"
    );
    // Recorded as begun a week earlier instead: the deadline moves to Monday 4 May.
    poryadok(data.path(), "en")
        .args(["undo", &id])
        .assert()
        .success();
    poryadok(data.path(), "ru")
        .args(["step", &id, &step, "start", "--on", "2026-04-30"])
        .assert()
        .success();
    let text = status(data.path(), "ru", &id);
    assert!(
        text.contains("до 04.05.2026 (1 рабочий день с начала шага)"),
        "{text}"
    );
    // A day after today is refused, in words, and nothing is stored.
    let tomorrow = jiff::Zoned::now().date().tomorrow().unwrap();
    let before = status(data.path(), "ru", &id);
    poryadok(data.path(), "ru")
        .args(["step", &id, &step, "done", "--on", &tomorrow.to_string()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("позже сегодняшнего дня"));
    assert_eq!(status(data.path(), "ru", &id), before);
    // Done on 6 May: late, and the status still says when it was due.
    poryadok(data.path(), "en")
        .args(["step", &id, &step, "done", "--on", "06.05.2026"])
        .assert()
        .success();
    let text = status(data.path(), "en", &id);
    assert!(text.contains("04.05.2026"), "{text}");
    assert!(text.contains("done late on 06.05.2026"), "{text}");
}

#[test]
fn bad_values_are_refused_with_the_validators_words_and_usage_errors_exit_2() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    poryadok(data.path(), "ru")
        .args(["set", &id, "inn", "123"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ИНН: в ИНН 12 цифр"));
    let text = stdout(poryadok(data.path(), "ru").args(["status", &id, "--json"]));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["done"], 0);
    // The old value stayed.
    let journal = stdout(poryadok(data.path(), "ru").args(["status", &id, "--journal"]));
    assert!(!journal.contains("«123»"), "{journal}");
    for args in [
        vec!["set", &id, "no_such_field", "x"],
        vec!["step", &id, "99", "done"],
        vec!["step", &id, "1", "finish"],
        vec!["step", &id, "1", "done", "--on", "31.02.2026"],
        vec!["step", &id, "1", "done", "--until", "01.01.2026"],
        vec!["choose", &id, "no-choice", "x"],
        vec!["undo", "no-such-run"],
    ] {
        poryadok(data.path(), "en").args(&args).assert().code(2);
    }
    // A usage error says what is wrong and what may be typed instead.
    poryadok(data.path(), "ru")
        .args(["step", &id, "1", "done", "--on", "32.01.2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "«32.01.2026»: такой даты не бывает",
        ))
        .stderr(predicate::str::contains("ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"));
    poryadok(data.path(), "en")
        .args(["step", &id, "1", "done", "--on", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "2026-02-30: there is no such date",
        ));
    poryadok(data.path(), "ru")
        .args(["step", &id, "1", "done", "--on", "3 декабря"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("введите дату в виде ДД.ММ.ГГГГ"));
    poryadok(data.path(), "ru")
        .args(["choose", &id, "no-choice", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("нет выбора «no-choice»"));
}

/// An option that is not there is refused with the options there are, ids and titles.
#[test]
fn an_unknown_option_lists_the_options_of_the_choice() {
    let data = tempfile::tempdir().unwrap();
    let new =
        stdout(poryadok(data.path(), "en").args(["new", "antivirus-licenses", "--label", "x"]));
    let id = new.lines().last().unwrap().trim().to_owned();
    let p = crate::common::bundled("antivirus-licenses");
    let choice = &p.file().choices[0];
    let text = poryadok(data.path(), "ru")
        .args(["choose", &id, &choice.id, "v9"])
        .assert()
        .code(2);
    let err = String::from_utf8(text.get_output().stderr.clone()).unwrap();
    assert!(err.contains("нет варианта «v9»"), "{err}");
    for option in &choice.options {
        assert!(err.contains(&format!("{} «", option.id)), "{err}");
    }
}

#[test]
fn a_run_open_in_the_wizard_is_refused_and_a_rename_is_journaled_and_undone() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    let store = Store::open(data.path()).unwrap();
    let held = store.open_run(&id).unwrap();
    poryadok(data.path(), "en")
        .args(["rename", &id, "Петров П.П."])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("open in another poryadok"));
    drop(held);
    poryadok(data.path(), "en")
        .args(["rename", &id, "Петров П.П."])
        .assert()
        .success();
    assert!(status(data.path(), "en", &id).starts_with("Петров П.П. — "));
    let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
    assert!(
        journal.contains("Run label: “Иванов И.И.” → “Петров П.П.”"),
        "{journal}"
    );
    poryadok(data.path(), "en")
        .args(["undo", &id])
        .assert()
        .success();
    assert!(status(data.path(), "en", &id).starts_with("Иванов И.И. — "));
}

#[test]
fn a_table_cell_is_set_by_row_and_column_and_a_choice_by_its_ids() {
    let data = tempfile::tempdir().unwrap();
    let out =
        stdout(poryadok(data.path(), "en").args(["new", "pgs-staff-access", "--label", "ГБУ"]));
    let id = out.lines().last().unwrap().to_owned();
    let p = crate::common::bundled("pgs-staff-access");
    let table = p.field("employees_list").unwrap();
    let column = &table.columns[0].id;
    poryadok(data.path(), "en")
        .args([
            "set",
            &id,
            &format!("employees_list.1.{column}"),
            "Иванов Иван",
        ])
        .assert()
        .success();
    // Row 3 of a table with one row is not there.
    poryadok(data.path(), "en")
        .args(["set", &id, &format!("employees_list.3.{column}"), "x"])
        .assert()
        .code(2);
    let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
    assert!(journal.contains("1 row"), "{journal}");
    if let Some(choice) = p.file().choices.first() {
        let option = &choice.options[0];
        poryadok(data.path(), "en")
            .args(["choose", &id, &choice.id, &option.id])
            .assert()
            .success();
        let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
        assert!(journal.contains(&option.title), "{journal}");
    }
}

#[test]
fn archived_runs_go_to_the_end_and_deleted_ones_come_back_within_the_month() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    let other =
        stdout(poryadok(data.path(), "en").args(["new", "pgs-staff-access", "--label", "ГБУ"]));
    let other = other.lines().last().unwrap().to_owned();
    poryadok(data.path(), "en")
        .args(["archive", &id])
        .assert()
        .success();
    let runs = stdout(poryadok(data.path(), "en").arg("runs"));
    let (archived, active) = (runs.find(&id).unwrap(), runs.find(&other).unwrap());
    assert!(active < archived, "{runs}");
    assert!(runs.contains("Иванов И.И. [in the archive]"), "{runs}");
    // Still readable; off the wizard's home screen.
    poryadok(data.path(), "en")
        .args(["status", &id])
        .assert()
        .success();
    let store = Store::open(data.path()).unwrap();
    let mut wizard = poryadok::tui::shell::Wizard::new(
        poryadok::i18n::Lang::En,
        vec![std::sync::Arc::new(crate::common::bundled(
            "qualified-signature",
        ))],
        store,
        crate::common::at(0),
    );
    wizard.refresh_runs();
    let home: Vec<&str> = wizard.app.runs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(home, [other.as_str()]);
    // Taken out of the archive by restore, and journaled both ways.
    poryadok(data.path(), "en")
        .args(["restore", &id])
        .assert()
        .success();
    let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
    assert!(journal.contains("In the archive: no → yes"), "{journal}");
    assert!(journal.contains("In the archive: yes → no"), "{journal}");
    // Deleted: gone from the list, not readable, refused while open in a wizard.
    let held = Store::open(data.path()).unwrap();
    let session = held.open_run(&other).unwrap();
    poryadok(data.path(), "en")
        .args(["delete", &other])
        .assert()
        .code(1);
    drop(session);
    poryadok(data.path(), "en")
        .args(["delete", &other])
        .assert()
        .success()
        .stdout(predicate::str::contains("within 30 days"));
    assert!(!stdout(poryadok(data.path(), "en").arg("runs")).contains(&other));
    poryadok(data.path(), "en")
        .args(["status", &other])
        .assert()
        .failure();
    // And back, as it was.
    poryadok(data.path(), "en")
        .args(["restore", &other])
        .assert()
        .success();
    let status = stdout(poryadok(data.path(), "en").args(["status", &other]));
    assert!(status.starts_with("ГБУ — "), "{status}");
    poryadok(data.path(), "en")
        .args(["restore", &other])
        .assert()
        .code(1);
}

#[test]
fn a_new_edition_with_a_renamed_field_keeps_its_value_through_was() {
    let data = tempfile::tempdir().unwrap();
    let own = data.path().join("procedures");
    std::fs::create_dir_all(&own).unwrap();
    let before = r#"
[procedure]
format = 1
id = "local-order"
title = "Местный порядок"
version = "1"
source = "Распоряжение администрации"
summary = "Порядок, который методист завёл сам."

[[section]]
id = "main"
title = "Шаги"

[[step]]
id = "prepare"
section = "main"
title = "Подготовить письмо"
[[step.result]]
id = "letter_number"
type = "text"
label = "Номер письма"
required = true

[[step]]
id = "send"
section = "main"
title = "Направить письмо"
"#;
    std::fs::write(own.join("local-order.toml"), before).unwrap();
    let out =
        stdout(poryadok(data.path(), "en").args(["new", "local-order", "--label", "Отдел кадров"]));
    let id = out.lines().last().unwrap().to_owned();
    poryadok(data.path(), "en")
        .args(["set", &id, "letter_number", "12-345"])
        .assert()
        .success();
    poryadok(data.path(), "en")
        .args(["step", &id, "prepare", "done"])
        .assert()
        .success();
    // Edition 2 renames the result and says what it was.
    let after = before
        .replace("version = \"1\"", "version = \"2\"")
        .replace(
            "id = \"letter_number\"",
            "id = \"outgoing_number\"\nwas = [\"letter_number\"]",
        );
    std::fs::write(own.join("local-order.toml"), after).unwrap();
    // Offered, not imposed: the run walks edition 1 until the new one is taken.
    let text = status(data.path(), "en", &id);
    assert!(text.contains("procedure version 1"), "{text}");
    poryadok(data.path(), "en")
        .args(["edition", &id, "--take"])
        .assert()
        .success();
    let text = status(data.path(), "en", &id);
    assert!(text.contains("procedure version 2"), "{text}");
    assert!(!text.contains("Kept aside"), "{text}");
    // Still done and complete: the value is under the new id.
    assert!(text.contains("[x] 1. Подготовить письмо — done"), "{text}");
    assert!(!text.contains("needs attention"), "{text}");
    poryadok(data.path(), "en")
        .args(["set", &id, "outgoing_number", "12-346"])
        .assert()
        .success();
    let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
    assert!(journal.contains("“12-345” → “12-346”"), "{journal}");
    // Taking the edition is journaled once, and undo passes it by.
    assert_eq!(
        journal
            .matches("Edition of the procedure: “1” → “2”")
            .count(),
        1,
        "{journal}"
    );
    poryadok(data.path(), "en")
        .args(["undo", &id])
        .assert()
        .success();
    poryadok(data.path(), "en")
        .args(["undo", &id])
        .assert()
        .success();
    let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
    assert!(journal.contains("(takes back change 4)"), "{journal}");
    // The value recorded under the old id is named as edition 1 named it.
    assert!(
        journal.contains("Field “Номер письма”: — → “12-345”"),
        "{journal}"
    );
    assert!(!journal.contains("field:"), "{journal}");
    assert!(journal.contains("(takes back change 2)"), "{journal}");
    assert!(!journal.contains("(takes back change 3)"), "{journal}");
}

#[test]
fn a_broken_or_deleted_procedure_file_never_locks_a_run_out() {
    let data = tempfile::tempdir().unwrap();
    let own = data.path().join("procedures");
    std::fs::create_dir_all(&own).unwrap();
    let text = r#"
[procedure]
format = 1
id = "local-order"
title = "Местный порядок"
version = "1"
source = "Распоряжение администрации"
summary = "Порядок, который методист завёл сам."

[[section]]
id = "main"
title = "Шаги"

[[step]]
id = "prepare"
section = "main"
title = "Подготовить письмо"

[[step]]
id = "send"
section = "main"
title = "Направить письмо"
"#;
    let file = own.join("local-order.toml");
    std::fs::write(&file, text).unwrap();
    let out =
        stdout(poryadok(data.path(), "en").args(["new", "local-order", "--label", "Отдел кадров"]));
    let id = out.lines().last().unwrap().to_owned();
    poryadok(data.path(), "en")
        .args(["step", &id, "1", "done"])
        .assert()
        .success();
    // A syntax error in the file: the run opens with the edition it was walked with.
    std::fs::write(
        &file,
        text.replace("[[step]]\nid = \"send\"", "[[step\nid = \"send\""),
    )
    .unwrap();
    let status = stdout(poryadok(data.path(), "en").args(["status", &id]));
    assert!(status.contains("1 of 2 steps done"), "{status}");
    assert!(status.contains("2. Направить письмо"), "{status}");
    // The file gone altogether: the run is still changed and read.
    std::fs::remove_file(&file).unwrap();
    poryadok(data.path(), "en")
        .args(["step", &id, "2", "done"])
        .assert()
        .success();
    let status = stdout(poryadok(data.path(), "en").args(["status", &id]));
    assert!(status.contains("2 of 2 steps done"), "{status}");
    poryadok(data.path(), "en")
        .args(["export", &id, "--format", "md", "--out"])
        .arg(data.path().join("out"))
        .assert()
        .success();
}

/// `rename` warns, as `new` does, when another run of the procedure has the label (the rule is
/// the store's, the wizard's too), and renames all the same; an empty label is refused.
#[test]
fn rename_warns_of_a_label_another_run_has_and_refuses_an_empty_one() {
    let data = tempfile::tempdir().unwrap();
    let new = |label: &str| {
        let out = stdout(poryadok(data.path(), "en").args([
            "new",
            "qualified-signature",
            "--label",
            label,
        ]));
        out.lines().last().unwrap().to_owned()
    };
    let first = new("Иванов И.И.");
    let second = new("Петров П.П.");
    // The other run by the day it was started, in the officer's zone, and by its id, which is
    // what the command line takes.
    let store = poryadok::store::Store::open(data.path()).unwrap();
    let (walked, _) = store.read(&first, false).unwrap();
    let zone = jiff::tz::TimeZone::get("Asia/Vladivostok").unwrap();
    let started = walked.run.created.to_zoned(zone).strftime("%d.%m.%Y");
    poryadok(data.path(), "en")
        .env("TZ", "Asia/Vladivostok")
        .args(["rename", &second, " Иванов И.И. "])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "another run of this procedure, started {started}, already has the label \
             “Иванов И.И.”: {first}"
        )));
    poryadok(data.path(), "ru")
        .env("TZ", "Asia/Vladivostok")
        .args(["new", "qualified-signature", "--label", "Иванов И.И."])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "у других прохождений этой процедуры, начатых {started}, уже есть название \
             «Иванов И.И.»: {first}, {second}"
        )));
    assert!(status(data.path(), "en", &second).starts_with("Иванов И.И. — "));
    poryadok(data.path(), "en")
        .args(["rename", &second, "  "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty"));
}

/// Reopening a step that a reached control event depends on says the event was reached, not
/// done.
#[test]
fn reopening_a_step_names_a_control_event_reached_not_done() {
    let data = tempfile::tempdir().unwrap();
    let out =
        stdout(poryadok(data.path(), "ru").args(["new", "esia-service-centres", "--label", "x"]));
    let id = out.lines().last().unwrap().trim().to_owned();
    for step in ["1", "2", "3", "4"] {
        poryadok(data.path(), "ru")
            .args(["step", &id, step, "done"])
            .assert()
            .success();
    }
    let text = stdout(poryadok(data.path(), "ru").args(["step", &id, "4", "reopen"]));
    assert!(
        text.contains(
            "контрольное событие достигнуто раньше и зависит от снова открытого шага: \
             Орган (организация) зарегистрировано в ЕСИА"
        ),
        "{text}"
    );
    assert!(!text.contains("выполнен раньше"), "{text}");
}

/// `poryadok undo` says what it took back, as the wizard does, before «saved»: a step back to
/// its state, a rename back to the earlier name.
#[test]
fn undo_says_what_it_took_back() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    poryadok(data.path(), "ru")
        .args(["step", &id, "1", "done"])
        .assert()
        .success();
    let text = stdout(poryadok(data.path(), "ru").args(["undo", &id]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("Отменено: шаг «"), "{text}");
    assert!(lines[0].ends_with("снова: можно выполнять"), "{text}");
    poryadok(data.path(), "ru")
        .args(["rename", &id, "Петров П.П."])
        .assert()
        .success();
    let text = stdout(poryadok(data.path(), "en").args(["undo", &id]));
    assert!(
        text.starts_with("Undone: the run is called «Иванов И.И.» again\n"),
        "{text}"
    );
}
