//! `recover` and damaged run files: a run moved aside by the wizard, a run file that is a folder
//! or a link to nothing, bytes flipped on the disk, and runs of the previous file format.

use std::fs;
use std::path::Path;

use assert_cmd::Command as Bin;

use crate::common::{at, bundled};
use poryadok::procedure::Procedure;
use poryadok::run::command::{Command, apply};
use poryadok::run::{Run, Value};
use poryadok::store::{OpenError, Store};

const RUN_ID: &str = "qualified-signature-1";

fn poryadok(data: &Path, lang: &str) -> Bin {
    let mut bin = Bin::cargo_bin("poryadok").unwrap();
    bin.arg("--data-dir").arg(data).args(["--lang", lang]);
    bin
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

/// A run saved twice: first with «Иванов», then with «Петров» (so the copy before the last
/// save holds «Иванов»).
fn saved_twice(data: &Path) -> (Procedure, Run) {
    let store = Store::open(data).unwrap();
    let p = bundled("qualified-signature");
    let (mut session, mut run) = store.create(&p, "Отдел кадров", at(0)).unwrap();
    for (name, t) in [("Иванов Иван Иванович", 1), ("Петров Пётр Петрович", 2)]
    {
        let command = Command::SetField {
            field: "full_name".into(),
            value: Value::Text(name.into()),
        };
        apply(&p, &mut run, command, at(t)).unwrap();
        session.save(&p, &run, at(t)).unwrap();
    }
    (p, run)
}

fn full_name(data: &Path) -> Option<Value> {
    let (_, opened) = Store::open(data).unwrap().open_run(RUN_ID).unwrap();
    opened.run.values.get("full_name").cloned()
}

/// Item 2: after the wizard moved a damaged run aside, `runs` still shows the run and says how
/// to get it back, and `recover RUN` puts the copy before the last save back.
#[test]
fn recover_finds_a_run_the_wizard_moved_aside() {
    let data = tempfile::tempdir().unwrap();
    saved_twice(data.path());
    let path = data.path().join("runs").join(format!("{RUN_ID}.json"));
    fs::write(&path, b"{\"format\": 3, \"run\": {").unwrap();
    // What the wizard does when it opens the run.
    let store = Store::open(data.path()).unwrap();
    assert!(matches!(
        store.open_run(RUN_ID),
        Err(OpenError::Damaged {
            previous: Some(_),
            ..
        })
    ));
    assert!(!path.exists());

    for lang in ["en", "ru"] {
        let listed = poryadok(data.path(), lang).arg("runs").assert().success();
        let text = stdout(&listed);
        assert!(
            text.contains(RUN_ID) && text.contains(&format!("poryadok recover {RUN_ID}")),
            "{text}"
        );
        let status = poryadok(data.path(), lang)
            .args(["status", RUN_ID])
            .assert()
            .failure();
        assert!(
            stderr(&status).contains(&format!("poryadok recover {RUN_ID}")),
            "{}",
            stderr(&status)
        );
    }
    let recovered = poryadok(data.path(), "en")
        .args(["recover", RUN_ID])
        .assert()
        .success();
    assert!(
        stdout(&recovered).contains("was restored"),
        "{}",
        stdout(&recovered)
    );
    assert_eq!(
        full_name(data.path()),
        Some(Value::Text("Иванов Иван Иванович".into()))
    );
}

/// Item 2, with nothing to restore: `recover` names the copies kept aside instead of saying
/// there is no such run.
#[test]
fn recover_without_an_earlier_copy_names_what_was_kept() {
    let data = tempfile::tempdir().unwrap();
    saved_twice(data.path());
    let runs = data.path().join("runs");
    fs::write(runs.join(format!("{RUN_ID}.json")), b"{").unwrap();
    fs::write(runs.join(format!("{RUN_ID}.previous.json")), b"{").unwrap();
    let store = Store::open(data.path()).unwrap();
    assert!(matches!(
        store.open_run(RUN_ID),
        Err(OpenError::Damaged { previous: None, .. })
    ));
    let failed = poryadok(data.path(), "en")
        .args(["recover", RUN_ID])
        .assert()
        .failure();
    let text = stderr(&failed);
    assert!(!text.contains("there is no run"), "{text}");
    assert!(text.contains(".damaged-"), "{text}");
}

/// Item 12: a run file that is a folder or a link to nothing: `status` suggests `recover`, and
/// `recover` then works (the thing is moved aside, the copy before the last save restored).
#[test]
fn a_run_file_that_is_a_folder_or_a_dangling_link_is_recovered() {
    for kind in ["folder", "link"] {
        let data = tempfile::tempdir().unwrap();
        saved_twice(data.path());
        let path = data.path().join("runs").join(format!("{RUN_ID}.json"));
        fs::remove_file(&path).unwrap();
        match kind {
            "folder" => fs::create_dir(&path).unwrap(),
            _ => std::os::unix::fs::symlink(data.path().join("gone.json"), &path).unwrap(),
        }
        let status = poryadok(data.path(), "en")
            .args(["status", RUN_ID])
            .assert()
            .failure();
        assert!(
            stderr(&status).contains(&format!("poryadok recover {RUN_ID}")),
            "{kind}: {}",
            stderr(&status)
        );
        poryadok(data.path(), "en")
            .args(["recover", RUN_ID])
            .assert()
            .success();
        assert_eq!(
            full_name(data.path()),
            Some(Value::Text("Иванов Иван Иванович".into())),
            "{kind}"
        );
        let aside = fs::read_dir(data.path().join("runs"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains(".damaged-")
            })
            .count();
        assert_eq!(aside, 1, "{kind}: the {kind} is kept aside");
    }
}

/// Item 12: every single flipped bit in a run file is caught (a checksum), never read as other
/// data; the file is moved aside and the copy before the last save is offered.
#[test]
fn a_flipped_bit_anywhere_in_a_run_file_is_caught_and_the_previous_copy_offered() {
    let data = tempfile::tempdir().unwrap();
    let (_, run) = saved_twice(data.path());
    let store = Store::open(data.path()).unwrap();
    let path = store.run_path(RUN_ID);
    let whole = fs::read(&path).unwrap();
    let mut read_as_other_data = Vec::new();
    for at_byte in 0..whole.len() {
        let mut flipped = whole.clone();
        flipped[at_byte] ^= 1 << (at_byte % 8);
        fs::write(&path, &flipped).unwrap();
        match store.open_run(RUN_ID) {
            Err(OpenError::Damaged {
                moved_to, previous, ..
            }) => {
                assert!(previous.is_some(), "byte {at_byte}: the previous copy");
                fs::remove_file(moved_to).unwrap();
            }
            Ok((_, opened)) => {
                if opened.run != run {
                    read_as_other_data.push(at_byte);
                }
            }
            Err(other) => panic!("byte {at_byte}: {other}"),
        }
    }
    assert!(
        read_as_other_data.is_empty(),
        "{} of {} flips read as other data without notice, at bytes {:?}",
        read_as_other_data.len(),
        whole.len(),
        read_as_other_data
    );
}

/// A run of the previous file format (2, written by the release before the checksum) opens with
/// its secret, and the next save writes the current format, which opens again.
#[test]
fn a_run_of_format_two_opens_and_is_saved_in_the_current_format() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/store/format-2");
    let data = tempfile::tempdir().unwrap();
    fs::create_dir(data.path().join("runs")).unwrap();
    fs::copy(fixture.join("secret.key"), data.path().join("secret.key")).unwrap();
    let id = "antivirus-licenses-1";
    let name = format!("runs/{id}.json");
    fs::copy(fixture.join(&name), data.path().join(&name)).unwrap();

    let store = Store::open(data.path()).unwrap();
    let (mut session, opened) = store.open_run(id).unwrap();
    assert_eq!(opened.migrated_from, Some(2));
    assert!(opened.unreadable.is_empty());
    assert_eq!(
        opened.run.values.get("v1_ksc_password"),
        Some(&Value::Text("Sentinel-Secret-42".into()))
    );
    let p = bundled("antivirus-licenses");
    session.save(&p, &opened.run, at(100)).unwrap();
    drop(session);
    let text = fs::read_to_string(data.path().join(&name)).unwrap();
    assert!(
        text.starts_with(&format!(
            "{{\n  \"format\": {},",
            poryadok::store::FILE_FORMAT
        )),
        "{text}"
    );
    assert!(!text.contains("Sentinel"), "{text}");
    let (_, again) = store.open_run(id).unwrap();
    assert_eq!(again.migrated_from, None);
    // Saved before editions were told apart by content, it learns its edition at the save.
    let mut expected = opened.run.clone();
    assert_eq!(expected.procedure.edition, None);
    expected.procedure.edition = Some(p.edition());
    assert_eq!(again.run, expected);
    // The previous copy of a format 2 file holds no plain secret, so it is kept.
    assert!(
        data.path()
            .join(format!("runs/{id}.previous.json"))
            .exists()
    );
}
