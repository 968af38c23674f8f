//! The store as an officer's runs meet it: saved, listed, reopened, migrated, recovered, and
//! secrets that never reach the disk in plain text.

use std::fs;

use crate::common::{at, bundled, files_under};
use poryadok::run::command::{Command, apply};
use poryadok::run::{Run, Value};
use poryadok::store::{DecodeError, OpenError, Store};

fn set(p: &poryadok::procedure::Procedure, run: &mut Run, field: &str, value: &str) {
    let command = Command::SetField {
        field: field.into(),
        value: Value::Text(value.into()),
    };
    apply(p, run, command, at(10)).expect("field set");
}

#[test]
fn a_run_is_saved_listed_and_reopened_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("qualified-signature");
    let (mut session, mut run) = store.create(&p, "Иванов И.И.", at(0)).unwrap();
    assert_eq!(session.id(), "qualified-signature-1");
    set(&p, &mut run, "full_name", "Иванов Иван Иванович");
    set(&p, &mut run, "inn", "500100732259");
    session.save(&p, &run, at(11)).unwrap();
    drop(session);

    // A second run of the same procedure gets the next number.
    let (second, _) = store.create(&p, "Петров П.П.", at(20)).unwrap();
    assert_eq!(second.id(), "qualified-signature-2");
    drop(second);

    let listed = store.list().unwrap();
    let ids: Vec<_> = listed.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["qualified-signature-1", "qualified-signature-2"]);
    assert_eq!(listed[0].run.as_ref().unwrap().label, "Иванов И.И.");

    let (_, opened) = store.open_run("qualified-signature-1").unwrap();
    assert_eq!(opened.run, run);
    assert_eq!(opened.saved, Some(at(11)));
    assert_eq!(opened.migrated_from, None);
    // The file is readable JSON that says its format.
    let text = fs::read_to_string(store.run_path("qualified-signature-1")).unwrap();
    assert!(
        text.starts_with("{\n  \"format\": 3,\n  \"checksum\": \"xxh3-128:"),
        "{text}"
    );
    assert!(text.contains("Иванов Иван Иванович"));
}

#[test]
fn a_second_open_of_the_same_run_is_refused_until_the_first_closes() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("qualified-signature");
    let (first, _) = store.create(&p, "x", at(0)).unwrap();
    match store.open_run("qualified-signature-1") {
        Err(OpenError::Locked { id, pid }) => {
            assert_eq!(id, "qualified-signature-1");
            assert_eq!(pid, Some(std::process::id()));
        }
        other => panic!("{other:?}"),
    }
    drop(first);
    store.open_run("qualified-signature-1").expect("free again");
}

#[test]
fn a_sentinel_typed_into_a_secret_field_appears_nowhere_under_the_data_folder() {
    const SENTINEL: &str = "Sentinel-7f3a9c-Пароль";
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("antivirus-licenses");
    let (mut session, mut run) = store.create(&p, "Администрация", at(0)).unwrap();
    set(&p, &mut run, "v1_ksc_login", "admin");
    session.save(&p, &run, at(1)).unwrap();
    set(&p, &mut run, "v1_ksc_password", SENTINEL);
    session.save(&p, &run, at(2)).unwrap();
    // Changed and undone, so the journal and the previous copy have seen it too.
    set(&p, &mut run, "v1_ksc_password", &format!("{SENTINEL}-2"));
    session.save(&p, &run, at(3)).unwrap();
    apply(&p, &mut run, Command::Undo, at(4)).unwrap();
    set(&p, &mut run, "v1_ksc_password", SENTINEL);
    session.save(&p, &run, at(5)).unwrap();
    drop(session);

    let files = files_under(dir.path());
    assert!(files.len() >= 4, "{files:?}");
    let needle = SENTINEL.as_bytes();
    for file in &files {
        let bytes = fs::read(file).unwrap();
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "the secret is in plain text in {}",
            file.display()
        );
    }
    // And the officer gets it back.
    let (_, opened) = store.open_run("antivirus-licenses-1").unwrap();
    assert_eq!(
        opened.run.values.get("v1_ksc_password"),
        Some(&Value::Text(SENTINEL.into()))
    );
}

#[test]
fn a_run_of_format_one_is_migrated_and_its_plain_secret_is_gone_from_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/store/format-1.json");
    let path = store.run_path("antivirus-licenses-1");
    fs::copy(fixture, &path).unwrap();
    let p = bundled("antivirus-licenses");

    let (mut session, opened) = store.open_run("antivirus-licenses-1").unwrap();
    assert_eq!(opened.migrated_from, Some(1));
    assert_eq!(opened.run.label, "Администрация МО «Пример»");
    assert_eq!(opened.run.journal.len(), 7);
    session.save(&p, &opened.run, at(0)).unwrap();
    drop(session);

    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"format\": 3"));
    for file in files_under(dir.path()) {
        let text = fs::read_to_string(&file).unwrap_or_default();
        assert!(!text.contains("Sentinel-Secret-42"), "{}", file.display());
    }
    let (_, again) = store.open_run("antivirus-licenses-1").unwrap();
    assert_eq!(again.migrated_from, None);
    // Saved before editions were told apart by content, it learns its edition at the save.
    let mut expected = opened.run.clone();
    assert_eq!(expected.procedure.edition, None);
    expected.procedure.edition = Some(p.edition());
    assert_eq!(again.run, expected);
}

#[test]
fn a_run_from_a_newer_poryadok_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = store.run_path("future-1");
    let bytes = br#"{"format": 7, "run": {"what": "we cannot know yet"}}"#;
    fs::write(&path, bytes).unwrap();
    match store.open_run("future-1") {
        Err(OpenError::Newer {
            found, supported, ..
        }) => assert_eq!((found, supported), (7, poryadok::store::FILE_FORMAT)),
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read(&path).unwrap(), bytes);
    let names: Vec<_> = fs::read_dir(store.runs_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("future-1") && n.ends_with(".json"))
        .collect();
    assert_eq!(names, ["future-1.json"]);
}

#[test]
fn a_damaged_run_is_moved_aside_and_the_copy_before_the_last_save_restored() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("qualified-signature");
    let (mut session, mut run) = store.create(&p, "x", at(0)).unwrap();
    set(&p, &mut run, "full_name", "Первое Сохранение");
    session.save(&p, &run, at(1)).unwrap();
    let good = run.clone();
    set(&p, &mut run, "full_name", "Второе Сохранение");
    session.save(&p, &run, at(2)).unwrap();
    drop(session);

    let path = store.run_path("qualified-signature-1");
    let mut bytes = fs::read(&path).unwrap();
    bytes.truncate(bytes.len() / 2);
    fs::write(&path, &bytes).unwrap();

    // The listing reports it without touching it.
    let listed = store.list().unwrap();
    assert!(matches!(listed[0].run, Err(DecodeError::Syntax { .. })));
    assert!(path.exists());

    let Err(OpenError::Damaged {
        moved_to,
        previous,
        reason,
        ..
    }) = store.open_run("qualified-signature-1")
    else {
        panic!("a cut file is damaged")
    };
    assert!(reason.to_string().starts_with("line "), "{reason}");
    assert_eq!(fs::read(&moved_to).unwrap(), bytes, "moved as it was");
    assert!(!path.exists());
    assert!(previous.is_some());

    let (_, restored) = store.restore_previous("qualified-signature-1").unwrap();
    assert_eq!(restored.run, good);
    // The damaged copy is still there.
    assert_eq!(fs::read(&moved_to).unwrap(), bytes);
}

#[test]
fn unfinished_saves_are_cleaned_when_the_store_opens_and_saves_under_way_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("qualified-signature");
    let (held, _) = store.create(&p, "open in a wizard", at(0)).unwrap();
    let runs = store.runs_dir().to_path_buf();
    let temp = |name: &str| {
        let path = runs.join(name);
        fs::write(&path, b"{\"format\": 3, \"ru").unwrap();
        path
    };
    // A save of a run nobody has open never finished: removed.
    let stale = temp(".tmp-qualified-signature-2.json~Ab12Cd");
    let stale_link = temp(".tmp-qualified-signature-2.previous.json~0011223344556677");
    // A save of the run another poryadok has open may be under way: kept.
    let under_way = temp(&format!(".tmp-{}.json~Zz98Yx", held.id()));
    // Named by an older build: removed once it is old, kept while it may be in use.
    let old_foreign = temp(".tmp-abcdef.part");
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    fs::File::options()
        .write(true)
        .open(&old_foreign)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    let young_foreign = temp(".tmp-uvwxyz.part");
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.cleaned, 3);
    assert!(!stale.exists() && !stale_link.exists() && !old_foreign.exists());
    assert!(under_way.exists() && young_foreign.exists());
    drop(held);
}

#[test]
fn open_error_messages_are_in_the_officers_language() {
    use poryadok::i18n::Lang;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let error = store.open_run("no-such-run").unwrap_err();
    let ru = error.message().text(Lang::Ru);
    let en = error.message().text(Lang::En);
    assert!(ru.contains("прохождения no-such-run нет"), "{ru}");
    assert!(en.contains("there is no run no-such-run"), "{en}");
}
