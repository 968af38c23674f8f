//! Which edition of its procedure a run is walked with (`Store::walk_edition`, the one rule
//! every front end follows), and what a newer edition changes, in the officer's words
//! (`run::edition`).

use std::sync::Arc;

use poryadok::i18n::Lang;
use poryadok::procedure::{Procedure, load, load_cached};
use poryadok::run::command::{Command, apply};
use poryadok::run::edition::{changes, decline, take};
use poryadok::run::journal::What;
use poryadok::run::{Run, Value};
use poryadok::store::{Edition, Store};

use crate::common::at;

const ONE: &str = r#"
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
id = "sign"
section = "main"
title = "Подписать письмо"
[[step.result]]
id = "password"
type = "text"
label = "Пароль от ключа"
secret = true

[[step]]
id = "send"
section = "main"
title = "Направить письмо"
"#;

/// Edition 2: the result of step 1 renamed (`was`), a step added between the first two, the
/// last step gone.
fn two() -> String {
    ONE.replace("version = \"1\"", "version = \"2\"")
        .replace(
            "id = \"letter_number\"",
            "id = \"outgoing_number\"\nwas = [\"letter_number\"]",
        )
        .replace("label = \"Номер письма\"", "label = \"Исходящий номер\"")
        .replace(
            "[[step]]\nid = \"sign\"",
            "[[step]]\nid = \"register\"\nsection = \"main\"\ntitle = \"Зарегистрировать письмо\"\n\n[[step]]\nid = \"sign\"",
        )
        .replace(
            "\n[[step]]\nid = \"send\"\nsection = \"main\"\ntitle = \"Направить письмо\"\n",
            "",
        )
}

fn procedure(text: &str) -> Procedure {
    load(text.as_bytes())
        .result
        .unwrap_or_else(|d| panic!("{d:?}"))
}

/// A store with a run of edition 1: step 1 done with its number, step 2 done with its secret.
fn started() -> (tempfile::TempDir, Store, Procedure, Run) {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let one = procedure(ONE);
    let (mut session, mut run) = store.create(&one, "Отдел кадров", at(0)).unwrap();
    for (n, command) in [
        Command::SetField {
            field: "letter_number".into(),
            value: Value::Text("12-345".into()),
        },
        Command::CompleteStep("prepare".into()),
        Command::SetField {
            field: "password".into(),
            value: Value::Text("Sentinel-Secret-42".into()),
        },
        Command::CompleteStep("sign".into()),
    ]
    .into_iter()
    .enumerate()
    {
        apply(&one, &mut run, command, at(n as i64 + 1)).unwrap_or_else(|r| panic!("{r:?}"));
    }
    session.save(&one, &run, at(10)).unwrap();
    (data, store, one, run)
}

#[test]
fn a_run_walks_its_own_edition_and_the_file_is_only_offered() {
    let (_data, store, one, mut run) = started();
    let recorded = run.clone();
    // The same edition as the file: walked with the file, nothing offered.
    let walked = store.walk_edition(&mut run, Some(&one), at(20)).unwrap();
    assert!(matches!(walked.procedure, Edition::File(_)));
    assert!(walked.offer.is_none() && walked.said.is_none());
    assert!(!walked.moved.changed());

    // A newer edition in the file: the run walks its own (kept) one, the newer is offered.
    let two = procedure(&two());
    let walked = store.walk_edition(&mut run, Some(&two), at(20)).unwrap();
    assert!(matches!(walked.procedure, Edition::Kept(_)));
    assert_eq!(walked.procedure.edition(), one.edition());
    let offer = walked.offer.expect("offered");
    assert!(offer.to_ask() && !offer.declined && !offer.finished);
    assert_eq!(offer.procedure.edition(), two.edition());
    assert_eq!(run, recorded, "nothing is applied by opening");

    // Declined: still available, no longer asked.
    decline(&two, &mut run);
    let walked = store.walk_edition(&mut run, Some(&two), at(20)).unwrap();
    let offer = walked.offer.unwrap();
    assert!(offer.declined && offer.open() && !offer.to_ask());

    // The file gone or broken: the kept edition, nothing offered.
    let walked = store.walk_edition(&mut run, None, at(20)).unwrap();
    assert!(matches!(walked.procedure, Edition::Kept(_)));
    assert!(walked.offer.is_none());
}

#[test]
fn an_edit_without_a_new_version_is_a_new_edition() {
    let (_data, store, one, mut run) = started();
    let edited = procedure(&ONE.replace("Направить письмо", "Направить письмо адресату"));
    assert_eq!(edited.version(), one.version());
    assert_ne!(edited.edition(), one.edition());
    let walked = store.walk_edition(&mut run, Some(&edited), at(20)).unwrap();
    assert_eq!(walked.procedure.edition(), one.edition());
    assert!(walked.offer.is_some_and(|o| o.to_ask()));
}

#[test]
fn the_edition_is_the_same_from_the_file_the_cache_and_the_kept_copy() {
    let (data, store, one, run) = started();
    assert_eq!(one.edition().len(), 16);
    // Kept with the run: read back as the same edition.
    let kept = store.own_edition(&run).expect("kept at the save");
    assert_eq!(kept.edition(), one.edition());
    assert_eq!(run.procedure.edition, Some(one.edition()));
    // From the cache: the same edition without the text.
    let cache = poryadok::procedure::Cache::new(data.path().join("cache")).unwrap();
    let first = load_cached(ONE.as_bytes().to_vec(), Some((&cache, "x")))
        .result
        .unwrap();
    let again = load_cached(ONE.as_bytes().to_vec(), Some((&cache, "x")))
        .result
        .unwrap();
    assert_eq!(first.edition(), one.edition());
    assert_eq!(again.edition(), one.edition());
    // Line ends and a byte order mark are not an edit.
    let crlf = format!("\u{feff}{}", ONE.replace('\n', "\r\n"));
    assert_eq!(procedure(&crlf).edition(), one.edition());
}

#[test]
fn a_finished_run_is_not_offered_a_new_edition() {
    let (_data, store, one, mut run) = started();
    apply(&one, &mut run, Command::CompleteStep("send".into()), at(11)).unwrap();
    let two = procedure(&two());
    let walked = store.walk_edition(&mut run, Some(&two), at(20)).unwrap();
    assert_eq!(walked.procedure.edition(), one.edition());
    let offer = walked.offer.unwrap();
    assert!(offer.finished && !offer.open() && !offer.to_ask());
}

#[test]
fn a_run_saved_before_editions_goes_by_its_version() {
    let (data, store, one, mut run) = started();
    run.procedure.edition = None;
    // The same version as the file: taken silently, as before.
    let walked = store.walk_edition(&mut run, Some(&one), at(20)).unwrap();
    assert!(matches!(walked.procedure, Edition::File(_)));
    assert!(walked.offer.is_none() && walked.said.is_none() && !walked.moved.changed());

    // Another version, and the edition kept under the old layout (by the hash of the
    // version): walked with it, the file offered.
    let two = procedure(&two());
    let editions = data.path().join("runs/editions");
    for entry in std::fs::read_dir(&editions).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    let old_name = format!("local-order.{:016x}.toml", xxhash_rust::xxh3::xxh3_64(b"1"));
    std::fs::write(editions.join(old_name), one.to_kept().unwrap()).unwrap();
    let fresh = Store::open(data.path()).unwrap();
    let walked = fresh.walk_edition(&mut run, Some(&two), at(20)).unwrap();
    assert!(matches!(walked.procedure, Edition::Kept(_)));
    assert_eq!(walked.procedure.version(), "1");
    assert!(walked.offer.is_some_and(|o| o.to_ask()));
    drop(store);
}

#[test]
fn with_nothing_kept_the_run_is_fitted_to_the_file_and_told_so() {
    let (data, _store, _one, mut run) = started();
    std::fs::remove_dir_all(data.path().join("runs/editions")).unwrap();
    let store = Store::open(data.path()).unwrap();
    let two = procedure(&two());
    let walked = store.walk_edition(&mut run, Some(&two), at(20)).unwrap();
    assert!(matches!(walked.procedure, Edition::File(_)));
    let said = walked.said.expect("said").text(Lang::En);
    assert!(
        said.contains("edition 1") && said.contains("edition 2"),
        "{said}"
    );
    assert!(walked.moved.changed());
    let entry = run.journal.last().unwrap();
    assert_eq!(entry.what, What::Edition);
    assert_eq!(run.values["outgoing_number"], Value::Text("12-345".into()));
    // Neither a file nor a kept edition: nothing opens it.
    assert!(store.walk_edition(&mut run, None, at(20)).is_none());
}

#[test]
fn what_a_new_edition_changes_is_said_in_titles() {
    let (_data, _store, one, run) = started();
    let two = procedure(&two());
    let lines: Vec<String> = changes(&one, &two, &run, &jiff::tz::TimeZone::UTC, |d| {
        d.strftime("%d.%m.%Y").to_string()
    })
    .iter()
    .map(|m| m.text(Lang::Ru))
    .collect();
    let all = lines.join("\n");
    assert!(
        all.contains(
            "Новый шаг 2. «Зарегистрировать письмо» — встаёт перед уже выполненными шагами"
        ),
        "{all}"
    );
    assert!(
        all.contains("Шаг «Направить письмо» (в прежней редакции — шаг 3) убран"),
        "{all}"
    );
    assert!(
        all.contains(
            "Поле «Номер письма» в новой редакции — «Исходящий номер»: значение перейдёт туда"
        ),
        "{all}"
    );
    for id in [
        "outgoing_number",
        "letter_number",
        "register",
        "send",
        "Sentinel",
    ] {
        assert!(!all.contains(id), "{id} in {all}");
    }
}

#[test]
fn taking_an_edition_keeps_done_steps_done_moves_values_and_journals_it() {
    let (_data, store, one, mut run) = started();
    let two = Arc::new(procedure(&two()));
    take(&two, &mut run, at(30));
    assert!(run.is_done("prepare") && run.is_done("sign"));
    assert_eq!(run.values["outgoing_number"], Value::Text("12-345".into()));
    assert!(!run.values.contains_key("letter_number"));
    // The secret stays secret.
    assert!(run.secret.contains("password"));
    assert_eq!(run.procedure.edition, Some(two.edition()));
    assert_eq!(run.procedure.version, "2");
    let entry = run.journal.last().unwrap();
    assert_eq!(entry.what, What::Edition);
    let taken = entry.edition.as_ref().unwrap();
    assert_eq!(taken.from, Some(one.edition()));
    let words = taken.words(&[&two, &one], Lang::Ru).unwrap();
    assert!(
        words.contains("перенесено: Поле «Номер письма» → Поле «Исходящий номер»"),
        "{words}"
    );
    // Undo does not take it back: the last change before it is undone instead.
    apply(&two, &mut run, Command::Undo, at(31)).unwrap();
    assert_eq!(run.procedure.edition, Some(two.edition()));
    // Walked with the new edition from now on, nothing offered.
    let walked = store.walk_edition(&mut run, Some(&two), at(32)).unwrap();
    assert!(matches!(walked.procedure, Edition::File(_)) && walked.offer.is_none());
}

#[test]
fn a_new_edition_that_makes_a_secret_plain_keeps_it_secret() {
    let (_data, _store, _one, mut run) = started();
    let plain = procedure(&ONE.replace("secret = true\n", "").replace("\"1\"", "\"2\""));
    take(&plain, &mut run, at(30));
    assert!(run.secret.contains("password"));
    assert!(poryadok::run::command::is_secret(&plain, &run, "password"));
}

/// A run that has taken edition 2 and then finds edition 1 in the file again (an earlier file put
/// back, or the officer's own file broken so that an older one is read) stays on edition 2:
/// going back is said, never offered as a new edition one Enter would take.
#[test]
fn an_edition_the_run_has_left_is_not_offered_back() {
    let (_data, store, one, mut run) = started();
    let two = Arc::new(procedure(&two()));
    take(&two, &mut run, at(30));
    let (mut session, _) = store.open_run("local-order-1").unwrap();
    session.save(&two, &run, at(31)).unwrap();
    drop(session);
    let walked = store.walk_edition(&mut run, Some(&one), at(32)).unwrap();
    assert!(matches!(walked.procedure, Edition::Kept(_)));
    assert_eq!(walked.procedure.edition(), two.edition());
    assert!(walked.offer.is_none(), "going back is not offered");
    let said = walked.said.expect("the step back is said").text(Lang::Ru);
    assert!(
        said.contains("прежней редакции 1") && said.contains("своей редакции 2"),
        "{said}"
    );
    // A third edition, never walked, is still offered.
    let three = procedure(&self::two().replace("version = \"2\"", "version = \"3\""));
    let walked = store.walk_edition(&mut run, Some(&three), at(33)).unwrap();
    assert!(walked.offer.is_some() && walked.said.is_none());
}
