//! `poryadok edition RUN [--take]`: a newer edition of a procedure is offered, not imposed. The
//! run walks the edition it has until the officer takes the newer one; taking it moves a
//! renamed field's value, keeps finished steps finished and is journaled.

use std::path::Path;

use predicates::prelude::*;

use poryadok::run::Value;
use poryadok::store::Store;

use crate::cli_change::{filled_run, poryadok, status, stdout};

/// The bundled qualified-signature procedure as a methodologist edits it: version 4, the INN
/// field renamed (`was`), a step inserted between steps 1 and 2.
pub(crate) fn edition_four() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/procedures/qualified-signature.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("version = \"3\"") && text.contains("id = \"inn\"\n"));
    text.replacen("version = \"3\"", "version = \"4\"", 1)
        .replacen("id = \"inn\"\n", "id = \"user_inn\"\nwas = [\"inn\"]\n", 1)
        .replacen(
            "[[step]]\nid = \"open-cabinet\"",
            "[[step]]\nid = \"check-application\"\nsection = \"main\"\n\
             title = \"Проверка заявки руководителем\"\n\n[[step]]\nid = \"open-cabinet\"",
            1,
        )
}

fn install(data: &Path, text: &str) {
    let own = data.join("procedures");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(own.join("qualified-signature.toml"), text).unwrap();
}

#[test]
fn a_new_edition_is_offered_shown_in_words_and_taken() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    for number in ["1", "2"] {
        poryadok(data.path(), "en")
            .args(["step", &id, number, "done"])
            .assert()
            .success();
    }
    install(data.path(), &edition_four());

    // Still walked with edition 3: no new step among the done ones, the value where it was.
    let text = status(data.path(), "en", &id);
    assert!(text.contains("procedure version 3"), "{text}");
    assert!(text.contains("[x] 2. Открытие Пользователю"), "{text}");
    assert!(
        text.contains("A newer edition 4")
            && text.contains(&format!("poryadok edition {id} --take")),
        "{text}"
    );
    let runs = stdout(poryadok(data.path(), "en").arg("runs"));
    assert!(
        runs.contains(&format!("newer edition 4: poryadok edition {id}")),
        "{runs}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        poryadok(data.path(), "en").args(["status", &id, "--json"]),
    ))
    .unwrap();
    assert_eq!(json["edition"]["version"], "3");
    assert_eq!(json["edition"]["newer"]["version"], "4");
    assert_eq!(json["edition"]["newer"]["offered"], true);

    // What it changes, in words: titles and labels, never ids.
    let shown = stdout(poryadok(data.path(), "ru").args(["edition", &id]));
    assert!(shown.contains("редакции процедуры"), "{shown}");
    assert!(
        shown.contains(
            "Новый шаг 2. «Проверка заявки руководителем» — встаёт перед уже выполненными шагами"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("Поле «ИНН»: значение сохраняется (в новой редакции поле описано заново)"),
        "{shown}"
    );
    assert!(shown.contains("не возвращает прежнюю редакцию"), "{shown}");
    for id_text in ["user_inn", "check-application", "field:"] {
        assert!(!shown.contains(id_text), "{id_text} in {shown}");
    }

    // Taken: journaled, the value under the new id, the done steps still done.
    poryadok(data.path(), "en")
        .args(["edition", &id, "--take"])
        .assert()
        .success()
        .stdout(predicate::str::contains("now walks the edition 4"));
    let text = status(data.path(), "en", &id);
    assert!(text.contains("procedure version 4"), "{text}");
    assert!(text.contains("[x] 1. Подача Заявки"), "{text}");
    assert!(text.contains("[x] 3. Открытие Пользователю"), "{text}");
    assert!(
        text.contains("[ ] 2. Проверка заявки руководителем"),
        "{text}"
    );
    assert!(!text.contains("newer edition"), "{text}");
    let store = Store::open(data.path()).unwrap();
    let (run, _) = store.read(&id, false).unwrap();
    assert_eq!(
        run.run.values.get("user_inn"),
        Some(&Value::Text("500100732259".into()))
    );
    assert!(!run.run.values.contains_key("inn"));
    let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
    assert!(
        journal.contains("Edition of the procedure: “3” → “4”")
            && journal.contains("moved: Field “ИНН”")
            && !journal.contains("→ Field “ИНН”"),
        "{journal}"
    );
    // Nothing more to take.
    poryadok(data.path(), "en")
        .args(["edition", &id, "--take"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Nothing to take"));
}

#[test]
fn an_edit_without_a_new_version_is_offered_too_and_a_locked_run_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/procedures/qualified-signature.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    install(
        data.path(),
        &text.replacen(
            "title = \"Вход в личный кабинет\"",
            "title = \"Вход в ЛК\"",
            1,
        ),
    );
    let shown = stdout(poryadok(data.path(), "en").args(["edition", &id]));
    assert!(shown.contains("newer edition 3 ("), "{shown}");
    assert!(
        shown.contains("Nothing recorded moves or is set aside"),
        "{shown}"
    );
    // Open in a wizard: refused, as every change is.
    let store = Store::open(data.path()).unwrap();
    let held = store.open_run(&id).unwrap();
    poryadok(data.path(), "en")
        .args(["edition", &id, "--take"])
        .assert()
        .code(1);
    drop(held);
    poryadok(data.path(), "en")
        .args(["edition", &id, "--take"])
        .assert()
        .success();
    let journal = stdout(poryadok(data.path(), "en").args(["status", &id, "--journal"]));
    // Two editions of one version are told apart by the start of their editions.
    assert!(
        journal.contains("Edition of the procedure: “3 ("),
        "{journal}"
    );
}

/// After a newer edition is taken, the exported report's journal names what only the edition
/// the run had before has (the INN field under its old id) as that edition named it, as
/// `status --journal` does: by its label, never by its id.
#[test]
fn the_exported_journal_names_what_only_an_older_edition_has_by_its_title() {
    let data = tempfile::tempdir().unwrap();
    let id = filled_run(data.path());
    install(data.path(), &edition_four());
    poryadok(data.path(), "ru")
        .args(["edition", &id, "--take"])
        .assert()
        .success();
    let out = data.path().join("out");
    poryadok(data.path(), "ru")
        .args(["export", &id, "--format", "json", "--out"])
        .arg(&out)
        .assert()
        .success();
    let report = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("the JSON report");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report).unwrap()).unwrap();
    let journal = report["journal"].as_array().unwrap();
    let inn = (journal.iter())
        .find(|line| line["what"] == "field:inn")
        .expect("the INN typed under its old id");
    assert_eq!(inn["subject"], "Поле «ИНН»");
    assert_eq!(inn["new"], "«500100732259»");
    let told = stdout(poryadok(data.path(), "ru").args(["status", &id, "--journal"]));
    let number = inn["number"].as_u64().unwrap();
    let line = (told.lines())
        .find(|l| l.trim_start().starts_with(&format!("{number}. ")))
        .expect("the same entry in the journal");
    assert!(line.contains("Поле «ИНН»: — → «500100732259»"), "{line}");
    assert!(
        journal
            .iter()
            .all(|l| !l["subject"].as_str().unwrap().contains("больше нет")),
        "{journal:?}"
    );
}
