//! `poryadok runs`, `status` and `recover` over a data folder with runs made through the
//! engine and the store, as the wizard makes them.

use std::fs;
use std::path::Path;

use assert_cmd::Command as Bin;
use jiff::civil::Date;
use predicates::prelude::*;

use crate::common::{at, bundled};
use poryadok::run::Value;
use poryadok::run::command::{Command, apply};
use poryadok::store::Store;

/// A data folder with: a signature run half-way with an overdue wait, an exchange run on
/// branch 3б past its additional agreement, and a damaged run.
fn data_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();

    let p = bundled("qualified-signature");
    let (mut session, mut run) = store.create(&p, "Иванов И.И.", at(0)).unwrap();
    for (field, value) in [
        ("department", "Кафедра информатики"),
        ("full_name", "Иванов Иван Иванович"),
        ("inn", "500100732259"),
        ("mobile_phone", "+7 912 345-67-89"),
        ("corporate_email", "ivanov@university.ru"),
        ("grounds", "Подписание документов в ЭДО"),
    ] {
        let command = Command::SetField {
            field: field.into(),
            value: Value::Text(value.into()),
        };
        apply(&p, &mut run, command, at(1)).unwrap();
    }
    let command = Command::SetField {
        field: "has_key_carrier".into(),
        value: Value::Bool(false),
    };
    apply(&p, &mut run, command, at(1)).unwrap();
    apply(
        &p,
        &mut run,
        Command::CompleteStep("application".into()),
        at(2),
    )
    .unwrap();
    let next = p.steps()[1].id.clone();
    let due: Date = "2025-12-01".parse().unwrap();
    apply(
        &p,
        &mut run,
        Command::WaitStep {
            step: next,
            due: Some(due),
        },
        at(3),
    )
    .unwrap();
    session.save(&p, &run, at(3)).unwrap();
    drop(session);

    let p = bundled("rsmev-connection");
    let (session, _) = store.create(&p, "Комитет «Пример»", at(0)).unwrap();
    drop(session);

    let (session, _) = store
        .create(&bundled("esia-service-centres"), "x", at(0))
        .unwrap();
    let damaged = session.path().to_path_buf();
    drop(session);
    fs::write(&damaged, b"{\"format\": 2, \"run\": {").unwrap();
    dir
}

fn poryadok(data: &Path, lang: &str) -> Bin {
    let mut bin = Bin::cargo_bin("poryadok").unwrap();
    bin.arg("--data-dir").arg(data).args(["--lang", lang]);
    bin
}

#[test]
fn runs_lists_progress_the_next_step_and_overdue_dates_and_names_damaged_files() {
    let data = data_folder();
    let output = poryadok(data.path(), "en").arg("runs").assert().success();
    let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    println!("{text}");
    assert!(text.contains("qualified-signature-1  Иванов И.И. — Получение"));
    assert!(text.contains("1 of 14 steps done"), "{text}");
    assert!(text.contains("step 2 due 01.12.2025, OVERDUE"), "{text}");
    assert!(text.contains("rsmev-connection-1  Комитет «Пример»"));
    assert!(text.contains("0 of"), "{text}");
    assert!(text.contains("esia-service-centres-1\n    cannot be read (line 1, column"));
    assert!(text.contains("poryadok recover esia-service-centres-1"));
    // Listing never touches a file.
    assert!(
        data.path()
            .join("runs/esia-service-centres-1.json")
            .exists()
    );

    let output = poryadok(data.path(), "ru").arg("runs").assert().success();
    let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    assert!(text.contains("выполнено 1 из 14 шагов"), "{text}");
    assert!(
        text.contains("срок шага 2: 01.12.2025, ПРОСРОЧЕНО"),
        "{text}"
    );
}

#[test]
fn status_prints_the_checklist_with_marks_reasons_and_dates() {
    let data = data_folder();
    let output = poryadok(data.path(), "en")
        .args(["status", "qualified-signature-1"])
        .assert()
        .success();
    let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    println!("{text}");
    assert!(text.starts_with("Иванов И.И. — Получение"), "{text}");
    assert!(text.contains("[x] 1. "), "{text}");
    assert!(text.contains("[~] 2. "), "{text}");
    // Since when it waits, and until when.
    assert!(
        text.lines().any(|l| l.contains("[~] 2. ")
            && l.contains("waiting for an answer since ")
            && l.contains(" until 01.12.2025, OVERDUE")),
        "{text}"
    );
    // The gate of 002, with the document's reason.
    let gate = text
        .lines()
        .find(|l| l.contains("[#]") && l.contains("Rutoken"))
        .unwrap_or_else(|| panic!("the request step is blocked by the token:\n{text}"));
    assert!(gate.contains("blocked until done:"), "{gate}");
    assert!(text.contains("Dates to keep:"));

    poryadok(data.path(), "ru")
        .args(["status", "qualified-signature-1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("заблокировано до выполнения"));
}

#[test]
fn status_of_an_unknown_or_damaged_run_fails_clearly() {
    let data = data_folder();
    poryadok(data.path(), "en")
        .args(["status", "nothing-9"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("there is no run nothing-9"));
    poryadok(data.path(), "en")
        .args(["status", "esia-service-centres-1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot be read (line 1"));
}

#[test]
fn recover_moves_a_damaged_run_aside_and_restores_the_copy_before_its_last_save() {
    let data = data_folder();
    let runs = data.path().join("runs");
    // A run saved twice, then damaged.
    let store = Store::open(data.path()).unwrap();
    let p = bundled("pgs-staff-access");
    let (mut session, run) = store.create(&p, "Администрация", at(0)).unwrap();
    session.save(&p, &run, at(1)).unwrap();
    drop(session);
    fs::write(runs.join("pgs-staff-access-1.json"), b"{\"format\"").unwrap();

    poryadok(data.path(), "en")
        .args(["recover", "pgs-staff-access-1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("was moved to"))
        .stdout(predicate::str::contains("was restored"));
    let aside: Vec<_> = fs::read_dir(&runs)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("pgs-staff-access-1.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        fs::read(runs.join(&aside[0])).unwrap(),
        b"{\"format\"",
        "kept as it was"
    );
    poryadok(data.path(), "en")
        .args(["status", "pgs-staff-access-1"])
        .assert()
        .success();
}

#[test]
fn a_run_whose_procedure_changed_walks_its_own_edition_and_is_offered_the_new_one() {
    let data = tempfile::tempdir().unwrap();
    let own = data.path().join("procedures");
    fs::create_dir_all(&own).unwrap();
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

[[step]]
id = "send"
section = "main"
title = "Направить письмо"
"#;
    fs::write(own.join("local-order.toml"), before).unwrap();
    let p = poryadok::procedure::load(before.as_bytes()).result.unwrap();
    let store = Store::open(data.path()).unwrap();
    let (mut session, mut run) = store.create(&p, "Отдел кадров", at(0)).unwrap();
    let command = Command::SetField {
        field: "letter_number".into(),
        value: Value::Text("12-345".into()),
    };
    apply(&p, &mut run, command, at(1)).unwrap();
    apply(&p, &mut run, Command::CompleteStep("prepare".into()), at(2)).unwrap();
    session.save(&p, &run, at(2)).unwrap();
    drop(session);

    // The methodologist renames the first step and its result.
    let after = before
        .replace("version = \"1\"", "version = \"2\"")
        .replace("id = \"prepare\"", "id = \"draft\"")
        .replace("id = \"letter_number\"", "id = \"outgoing_number\"");
    fs::write(own.join("local-order.toml"), after).unwrap();

    let output = poryadok(data.path(), "en")
        .args(["status", "local-order-1"])
        .assert()
        .success();
    let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    // The run walks its own edition; the new one is offered, not imposed.
    assert!(text.contains("procedure version 1"), "{text}");
    assert!(text.contains("[x] 1. Подготовить письмо"), "{text}");
    assert!(
        text.contains("A newer edition 2")
            && text.contains("poryadok edition local-order-1 --take"),
        "{text}"
    );
    assert!(!text.contains("Kept aside"), "{text}");
    // What taking it would change, in words.
    let output = poryadok(data.path(), "en")
        .args(["edition", "local-order-1"])
        .assert()
        .success();
    let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("Step «Подготовить письмо» (step 1 in the earlier edition) is removed; what was recorded (done ")
            && text.contains("Field “Номер письма”: the value “12-345” is kept aside")
            && text.contains("New step 1. «Подготовить письмо»")
            && !text.contains("comes before steps already done")
            && !text.contains("field:"),
        "{text}"
    );
    // Reading it changed nothing on disk.
    let (_, opened) = store.open_run("local-order-1").unwrap();
    assert_eq!(opened.run, run);
}

#[test]
fn status_with_journal_lists_every_change_and_hides_secrets() {
    let data = data_folder();
    let store = Store::open(data.path()).unwrap();
    let p = bundled("antivirus-licenses");
    let (mut session, mut run) = store.create(&p, "ГБУ", at(0)).unwrap();
    let command = Command::SetField {
        field: "v1_ksc_password".into(),
        value: Value::Text("Пароль-Сентинел".into()),
    };
    apply(&p, &mut run, command, at(1)).unwrap();
    apply(&p, &mut run, Command::Undo, at(2)).unwrap();
    session.save(&p, &run, at(2)).unwrap();
    drop(session);

    let output = poryadok(data.path(), "en")
        .args(["status", "antivirus-licenses-1", "--journal"])
        .assert()
        .success();
    let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Journal (2 changes):"), "{text}");
    assert!(
        text.contains("Field “Пароль для доступа к консоли управления KSC”: — → (secret value)\n"),
        "{text}"
    );
    assert!(text.contains("(takes back change 1)"), "{text}");
    assert!(!text.contains("Сентинел"), "{text}");

    let output = poryadok(data.path(), "ru")
        .args(["status", "qualified-signature-1", "--journal"])
        .assert()
        .success();
    let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Журнал (9 изменений):"), "{text}");
    // In the officer's words: titles and values, never ids.
    assert!(text.contains("Поле «ИНН»: — → «500100732259»"), "{text}");
    assert!(
        !text.contains("field:") && !text.contains("step:"),
        "{text}"
    );
}

/// Waiting until the procedure's deadline: the status line says the day once, with the rule
/// behind it, not «until 10.12.2025 · by 10.12.2025 (…)».
#[test]
fn a_wait_until_its_deadline_says_the_day_once_with_its_rule() {
    let data = tempfile::tempdir().unwrap();
    let new = poryadok(data.path(), "en")
        .args([
            "new",
            "rsmev-connection",
            "--label",
            "Комитет по образованию",
        ])
        .assert()
        .success();
    let out = String::from_utf8(new.get_output().stdout.clone()).unwrap();
    let id = out.lines().last().unwrap().trim().to_owned();
    for (step, on) in [("1", "10.11.2025"), ("2", "12.11.2025")] {
        poryadok(data.path(), "en")
            .args(["step", &id, step, "done", "--on", on])
            .assert()
            .success();
    }
    poryadok(data.path(), "en")
        .args(["step", &id, "3", "wait", "--on", "13.11.2025"])
        .assert()
        .success();
    for (lang, words) in [
        (
            "en",
            "until 10.12.2025, OVERDUE (20 working days after step 2)",
        ),
        (
            "ru",
            "до 10.12.2025, ПРОСРОЧЕНО (20 рабочих дней после шага 2)",
        ),
    ] {
        let output = poryadok(data.path(), lang)
            .args(["status", &id])
            .assert()
            .success();
        let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
        let line = (text.lines())
            .find(|l| l.contains("[~] 3."))
            .unwrap_or_else(|| panic!("step 3 waits:\n{text}"));
        assert!(line.contains(words), "{line}");
        assert_eq!(line.matches("10.12.2025").count(), 1, "{line}");
    }
    // For programs too: the wait is due on the deadline's day.
    let output = poryadok(data.path(), "en")
        .args(["status", &id, "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let step = &json["steps"][2];
    assert_eq!(step["status"], "waiting", "{step}");
    assert_eq!(step["wait_until"], "2025-12-10", "{step}");
    assert_eq!(step["deadline"]["date"], "2025-12-10", "{step}");
    // A step not waiting has no wait's day.
    assert_eq!(json["steps"][1]["wait_until"], serde_json::Value::Null);
}
