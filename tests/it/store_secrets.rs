//! Secret values (passwords) against what the fault-and-attack battery tried: a later edition of
//! the procedure that no longer calls a field secret, undo, `export --include-secrets`, and the
//! key file deleted, dangling or made by two processes at once.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Barrier};

use assert_cmd::Command as Bin;

use crate::common::{at, bundled};
use poryadok::catalog::bundled_files;
use poryadok::export::{Format, Options, files, report::Templates};
use poryadok::i18n::Lang;
use poryadok::procedure::{Procedure, load};
use poryadok::run::command::{Command, apply};
use poryadok::run::{Run, Value};
use poryadok::store::Store;
use poryadok::store::seal::Sealer;

const RUN_ID: &str = "antivirus-licenses-1";
const PASSWORD_FIELD: &str = "v1_ksc_password";
const PASSWORD: &str = "Sentinel-Secret-42";

fn set(p: &Procedure, run: &mut Run, field: &str, value: &str, t: i64) {
    let command = Command::SetField {
        field: field.into(),
        value: Value::Text(value.into()),
    };
    apply(p, run, command, at(t)).expect("field set");
}

/// A data folder with the antivirus run: variant 1 for an ОИВ, a login and a password saved.
fn data_with_password() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("antivirus-licenses");
    let (mut session, mut run) = store.create(&p, "ГБУ «Пример»", at(0)).unwrap();
    for (choice, option) in [("variant", "v1"), ("applicant", "oiv")] {
        let command = Command::Choose {
            choice: choice.into(),
            option: option.into(),
        };
        apply(&p, &mut run, command, at(1)).unwrap();
    }
    set(&p, &mut run, "v1_ksc_login", "admin-primer", 2);
    set(&p, &mut run, PASSWORD_FIELD, PASSWORD, 3);
    session.save(&p, &run, at(3)).unwrap();
    dir
}

/// The bundled antivirus procedure as a later edition might have it: the password field no
/// longer `secret`, and a letter to an outside address whose text asks for the password.
fn edition_without_secret() -> Procedure {
    let (_, bytes) = bundled_files()
        .iter()
        .find(|(name, _)| name.contains("antivirus-licenses"))
        .expect("bundled");
    let text = std::str::from_utf8(bytes).unwrap();
    let letter = r#"[[step.letter]]
title = "Доступ к консоли"
channel = "email"
to = ["someone@outside.example"]
subject = "Доступ {{v1_ksc_login}} / {{v1_ksc_password}}"
body = "Логин: {{v1_ksc_login}}, пароль: {{v1_ksc_password}}"

[[step.result]]
id = "v1_instructions""#;
    let edited = text
        .replace("secret = true\n", "")
        .replace("version = \"1\"", "version = \"2\"")
        .replacen("[[step.result]]\nid = \"v1_instructions\"", letter, 1);
    assert_ne!(edited, text);
    let loaded = load(edited.as_bytes());
    let procedure = loaded.result.expect("the edition passes the checks");
    assert!(!procedure.field(PASSWORD_FIELD).unwrap().secret);
    procedure
}

/// Every text a file carries, unpacked: the parts of a DOCX or XLSX, and the decoded text and
/// attachments of a letter.
fn readable(name: &str, bytes: &[u8]) -> String {
    let unzip = |bytes: &[u8]| -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut out = String::new();
        for i in 0..archive.len() {
            let mut part = archive.by_index(i).unwrap();
            let mut text = Vec::new();
            part.read_to_end(&mut text).unwrap();
            out.push_str(&String::from_utf8_lossy(&text));
        }
        out
    };
    if name.ends_with(".docx") || name.ends_with(".xlsx") {
        return unzip(bytes);
    }
    if name.ends_with(".eml") {
        let message = crate::eml_reader::parse(bytes);
        let mut out = format!(
            "{}\n{}\n",
            message.subject().unwrap_or_default(),
            crate::eml_reader::body_text(&message)
        );
        for attachment in message.attachments() {
            out.push_str(&unzip(attachment.contents()));
        }
        out.push_str(&String::from_utf8_lossy(bytes));
        return out;
    }
    String::from_utf8_lossy(bytes).into_owned()
}

fn export_all(p: &Procedure, run: &Run, include_secrets: bool) -> Vec<(String, String)> {
    let options = Options {
        lang: Lang::Ru,
        include_secrets,
        tz: jiff::tz::TimeZone::UTC,
        organisation: None,
        added_files: None,
        earlier: Vec::new(),
    };
    let made = files(
        p,
        run,
        RUN_ID,
        at(100),
        &options,
        &Templates::default(),
        &Format::ALL,
    )
    .expect("exported");
    made.into_iter()
        .map(|f| (f.name.clone(), readable(&f.name, &f.bytes)))
        .collect()
}

/// Item 1: a value sealed once stays secret whatever a later edition of the procedure says:
/// no export (forms, tables, report, letter) carries it, the next save seals it, and a new
/// value typed under the edition is neither journaled nor saved in plain text.
#[test]
fn a_later_edition_without_secret_never_exports_or_unseals_a_stored_password() {
    let data = data_with_password();
    let edition = edition_without_secret();
    let store = Store::open(data.path()).unwrap();
    let (mut session, opened) = store.open_run(RUN_ID).unwrap();
    let mut run = opened.run;
    assert_eq!(
        run.values.get(PASSWORD_FIELD),
        Some(&Value::Text(PASSWORD.into())),
        "the wizard has the value to show its stars"
    );
    let exported = export_all(&edition, &run, false);
    assert!(exported.iter().any(|(name, _)| name.ends_with(".eml")));
    for (name, text) in &exported {
        assert!(
            !text.contains(PASSWORD),
            "{name} holds the password:\n{text}"
        );
    }
    // The letter went out with the login and without the password.
    let letter = exported
        .iter()
        .find(|(_, text)| text.contains("Логин: admin-primer"))
        .expect("the edition's letter");
    assert!(!letter.1.contains(PASSWORD));

    // Typed again under the edition: sealed in the file, a marker in the journal.
    set(&edition, &mut run, PASSWORD_FIELD, "Second-Secret-77", 20);
    session.save(&edition, &run, at(20)).unwrap();
    let on_disk = fs::read_to_string(store.run_path(RUN_ID)).unwrap();
    assert!(!on_disk.contains("Second-Secret-77"), "{on_disk}");
    assert!(!on_disk.contains(PASSWORD), "{on_disk}");
    for (name, text) in export_all(&edition, &run, false) {
        assert!(!text.contains("Second-Secret-77"), "{name}:\n{text}");
    }
    // Asked for explicitly, it is there.
    let asked = export_all(&edition, &run, true);
    assert!(
        asked
            .iter()
            .any(|(_, text)| text.contains("Second-Secret-77"))
    );
}

fn poryadok(data: &Path, lang: &str) -> Bin {
    let mut bin = Bin::cargo_bin("poryadok").unwrap();
    bin.arg("--data-dir").arg(data).args(["--lang", lang]);
    bin
}

fn exported_report(data: &Path, out: &Path, extra: &[&str]) -> String {
    poryadok(data, "en")
        .args(["export", RUN_ID, "--format", "md", "--out"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
    let name = fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("a report");
    let text = fs::read_to_string(&name).unwrap();
    fs::remove_file(name).unwrap();
    text
}

/// Item 4: `export --include-secrets` exports the secret (the command reads the run with the
/// key); without the flag it does not.
#[test]
fn export_include_secrets_puts_the_password_in_and_only_then() {
    let data = data_with_password();
    let out = data.path().join("out");
    let plain = exported_report(data.path(), &out, &[]);
    assert!(!plain.contains(PASSWORD), "{plain}");
    assert!(plain.contains("admin-primer"), "{plain}");
    let asked = exported_report(data.path(), &out, &["--include-secrets"]);
    assert!(asked.contains(PASSWORD), "{asked}");
}

/// Item 5: undo of a secret's change puts its previous value back (kept sealed in the journal),
/// across saves and reopenings, and the file never holds either value in plain text.
#[test]
fn undo_restores_a_secrets_previous_value_sealed_in_the_journal() {
    let data = data_with_password();
    let p = bundled("antivirus-licenses");
    let store = Store::open(data.path()).unwrap();
    let (mut session, opened) = store.open_run(RUN_ID).unwrap();
    let mut run = opened.run;
    set(&p, &mut run, PASSWORD_FIELD, "BBBB-new", 10);
    session.save(&p, &run, at(10)).unwrap();
    drop(session);

    let store = Store::open(data.path()).unwrap();
    let (mut session, opened) = store.open_run(RUN_ID).unwrap();
    let mut run = opened.run;
    apply(&p, &mut run, Command::Undo, at(11)).unwrap();
    assert_eq!(
        run.values.get(PASSWORD_FIELD),
        Some(&Value::Text(PASSWORD.into())),
        "undo puts the previous password back, not an empty field"
    );
    session.save(&p, &run, at(11)).unwrap();
    drop(session);
    let (_, opened) = Store::open(data.path()).unwrap().open_run(RUN_ID).unwrap();
    assert_eq!(
        opened.run.values.get(PASSWORD_FIELD),
        Some(&Value::Text(PASSWORD.into()))
    );
    for name in [format!("{RUN_ID}.json"), format!("{RUN_ID}.previous.json")] {
        let text = fs::read_to_string(data.path().join("runs").join(name)).unwrap();
        assert!(!text.contains(PASSWORD) && !text.contains("BBBB"), "{text}");
    }
    // The journal as printed shows markers only.
    let shown = poryadok(data.path(), "en")
        .args(["status", RUN_ID, "--journal"])
        .assert()
        .success();
    let text = String::from_utf8(shown.get_output().stdout.clone()).unwrap();
    assert!(!text.contains(PASSWORD) && !text.contains("BBBB"), "{text}");
    assert!(text.contains("(secret value) → (secret value)"), "{text}");
}

/// Item 6, a deleted key: the values sealed under it are kept as they were, and the officer is
/// told plainly that they cannot be read and why, in `status` and in the export.
#[test]
fn a_deleted_key_is_said_plainly_and_the_sealed_values_are_kept() {
    let data = data_with_password();
    let path = data.path().join("runs").join(format!("{RUN_ID}.json"));
    let sealed_before = sealed_text(&fs::read_to_string(&path).unwrap());
    fs::remove_file(data.path().join("secret.key")).unwrap();

    for (lang, says) in [("en", "secret.key"), ("ru", "secret.key")] {
        let shown = poryadok(data.path(), lang)
            .args(["status", RUN_ID])
            .assert()
            .success();
        let text = String::from_utf8(shown.get_output().stdout.clone()).unwrap();
        assert!(
            text.contains(says) && text.contains(PASSWORD_FIELD),
            "{text}"
        );
    }
    let shown = poryadok(data.path(), "en")
        .args(["status", RUN_ID])
        .assert()
        .success();
    let text = String::from_utf8(shown.get_output().stdout.clone()).unwrap();
    assert!(text.contains("cannot be read"), "{text}");

    // Opened and saved under the new key, the old sealed value is written back unchanged.
    let p = bundled("antivirus-licenses");
    let store = Store::open(data.path()).unwrap();
    let (mut session, opened) = store.open_run(RUN_ID).unwrap();
    assert_eq!(opened.unreadable, [PASSWORD_FIELD]);
    assert!(!opened.run.values.contains_key(PASSWORD_FIELD));
    session.save(&p, &opened.run, at(50)).unwrap();
    assert_eq!(
        sealed_text(&fs::read_to_string(&path).unwrap()),
        sealed_before
    );
    // Asked for secrets, the export says which could not be read instead of leaving them out
    // without a word.
    let out = data.path().join("out");
    let failed = poryadok(data.path(), "en")
        .args([
            "export",
            RUN_ID,
            "--format",
            "md",
            "--include-secrets",
            "--out",
        ])
        .arg(&out)
        .assert();
    let said = String::from_utf8(failed.get_output().stderr.clone()).unwrap()
        + &String::from_utf8(failed.get_output().stdout.clone()).unwrap();
    assert!(
        said.contains(PASSWORD_FIELD) && said.contains("secret.key"),
        "{said}"
    );
}

/// Item 6, a deleted key, in the wizard: opening the run says which secret values cannot be
/// read and why, and the password field is not shown as if it were simply empty.
#[test]
fn the_wizard_says_when_secret_values_cannot_be_read() {
    use poryadok::tui::shell::{Start, Wizard};
    let data = data_with_password();
    fs::remove_file(data.path().join("secret.key")).unwrap();
    let procedures = bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .map(Arc::new)
        .collect();
    for lang in [Lang::Ru, Lang::En] {
        let store = Store::open(data.path()).unwrap();
        let mut wizard = Wizard::new(lang, Vec::clone(&procedures), store, at(0));
        wizard.start(&Start::Run(RUN_ID.into()), at(10));
        let notice = wizard
            .app
            .notice
            .as_ref()
            .expect("a notice on opening the run");
        let text = notice.text.text(lang);
        assert!(
            text.contains(PASSWORD_FIELD) && text.contains("secret.key"),
            "{text}"
        );
    }
}

/// The sealed text of the password in a run file.
fn sealed_text(file: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(file).unwrap();
    json["sealed"][PASSWORD_FIELD]
        .as_str()
        .expect("sealed")
        .to_owned()
}

/// Item 6, a dangling link as the key file: the store says so instead of sealing every start
/// with a new key that is never saved.
#[test]
fn a_dangling_link_as_the_key_file_is_refused_with_a_clear_reason() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("usb-stick").join("secret.key");
    std::os::unix::fs::symlink(&missing, data.path().join("secret.key")).unwrap();
    assert!(
        Store::open(data.path()).is_err(),
        "no store over a key that is not there"
    );
    // The link is left as it was, for the officer to plug the stick back in.
    assert_eq!(
        fs::read_link(data.path().join("secret.key")).unwrap(),
        missing
    );
    // The command line says what is wrong and where, in the officer's language.
    for (lang, word) in [("en", "key"), ("ru", "ключ")] {
        let failed = poryadok(data.path(), lang).arg("runs").assert().failure();
        let said = String::from_utf8(failed.get_output().stderr.clone()).unwrap();
        assert!(
            said.contains(word) && said.contains(&missing.display().to_string()),
            "{said}"
        );
    }
    assert!(!missing.exists(), "no key was made behind the link");
}

/// Item 6, two processes making the key at once: the one that loses the race reads the
/// winner's key, so every value either seals opens with the key on disk.
#[test]
fn processes_creating_the_key_at_once_all_use_the_one_kept() {
    const TRIALS: usize = 40;
    const RACERS: usize = 4;
    let mut unreadable = 0;
    for _ in 0..TRIALS {
        let dir = tempfile::tempdir().unwrap();
        let key = Arc::new(dir.path().join("secret.key"));
        let barrier = Arc::new(Barrier::new(RACERS));
        let sealed: Vec<String> = (0..RACERS)
            .map(|n| {
                let (key, barrier) = (Arc::clone(&key), Arc::clone(&barrier));
                std::thread::spawn(move || {
                    barrier.wait();
                    let sealer = Sealer::open_or_create(&key).expect("a key");
                    sealer.seal("password", format!("value {n}").as_bytes())
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let kept = Sealer::open_or_create(&key).unwrap();
        unreadable += sealed
            .iter()
            .filter(|s| kept.open("password", s).is_err())
            .count();
    }
    assert_eq!(
        unreadable, 0,
        "values sealed under a key that was never saved, in {TRIALS} races of {RACERS}"
    );
}
