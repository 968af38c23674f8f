//! The `poryadok` command as an officer or a methodologist runs it.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn poryadok(data_dir: &Path) -> Command {
    let mut command = Command::cargo_bin("poryadok").expect("the binary is built");
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env_remove("PORYADOK_DATA_DIR")
        .arg("--data-dir")
        .arg(data_dir);
    command
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled procedure files, as (file name, id).
fn bundled() -> Vec<(String, String)> {
    poryadok::catalog::bundled_files()
        .iter()
        .map(|(name, bytes)| {
            let procedure = poryadok::procedure::load(bytes)
                .result
                .expect("bundled procedures are valid");
            ((*name).to_owned(), procedure.id().to_owned())
        })
        .collect()
}

#[test]
fn the_bundled_procedures_pass_check() {
    let data = tempfile::tempdir().expect("temporary folder");
    poryadok(data.path())
        .arg("check")
        .arg(root().join("procedures"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 5 procedure files checked"));
}

#[test]
fn check_reports_every_problem_with_its_place_and_fails() {
    let data = tempfile::tempdir().expect("temporary folder");
    poryadok(data.path())
        .arg("check")
        .arg(root().join("tests/invalid/unknown-reference.toml"))
        .arg(root().join("tests/invalid/duplicate-id.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown-reference.toml:17:13"))
        .stderr(predicate::str::contains("duplicate-id.toml:24:6"))
        .stderr(predicate::str::contains(
            "help: did you mean 'application'?",
        ))
        .stderr(predicate::str::contains("6 errors in 2 of 2 files"));
}

#[test]
fn check_speaks_russian_from_the_locale_and_the_option() {
    let data = tempfile::tempdir().expect("temporary folder");
    let file = root().join("tests/invalid/self-dependency.toml");
    poryadok(data.path())
        .env("LANG", "ru_RU.UTF-8")
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "ошибка[self-dependency]: шаг 'a' зависит сам от себя",
        ))
        .stderr(predicate::str::contains("1 ошибка в 1 из 1 файла"));
    poryadok(data.path())
        .args(["--lang", "ru", "check"])
        .arg(root().join("procedures"))
        .assert()
        .success()
        .stdout(predicate::str::contains("ошибок нет"));
}

#[test]
fn list_works_from_any_folder_and_says_where_each_procedure_comes_from() {
    let data = tempfile::tempdir().expect("temporary folder");
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let mut command = poryadok(data.path());
    command.current_dir(elsewhere.path()).arg("list");
    let assert = command.assert().success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    for (_, id) in bundled() {
        assert!(out.contains(&id), "{id} missing from:\n{out}");
    }
    for (name, _) in bundled() {
        assert!(
            out.contains(&format!("; bundled: {name}")),
            "{name} not marked bundled:\n{out}"
        );
    }
}

#[test]
fn a_user_procedure_overrides_the_bundled_one_with_its_id() {
    let data = tempfile::tempdir().expect("temporary folder");
    let user = data.path().join("procedures");
    std::fs::create_dir_all(&user).expect("user folder");
    let (name, id) = bundled().into_iter().next().expect("a bundled procedure");
    let original = std::fs::read_to_string(root().join("procedures").join(&name)).expect("read");
    let edited = original.replacen("version = \"", "version = \"local-", 1);
    std::fs::write(user.join("edited.toml"), edited).expect("write");
    std::fs::write(user.join("broken.toml"), "[procedure]\nid = 'x'\n").expect("write");
    let assert = poryadok(data.path()).arg("list").assert().success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let user_entry = format!(
        "user folder (replaces the bundled one): {}",
        user.join("edited.toml").display()
    );
    assert!(out.contains(&user_entry), "{out}");
    assert!(out.contains("version local-"), "{out}");
    assert!(
        out.contains("bundled (replaced by a procedure with the same id)"),
        "{out}"
    );
    assert!(out.contains("cannot be used"), "{out}");
    assert!(out.contains("broken.toml"), "{out}");
    let _ = id;
}

#[test]
fn procedures_given_on_the_command_line_are_listed_and_checked() {
    let data = tempfile::tempdir().expect("temporary folder");
    let extra = tempfile::tempdir().expect("temporary folder");
    std::fs::write(
        extra.path().join("generated.toml"),
        crate::synthetic::procedure_text(12),
    )
    .expect("write");
    poryadok(data.path())
        .arg("--procedures")
        .arg(extra.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("synthetic-12"))
        .stdout(predicate::str::contains("12 steps"));
    poryadok(data.path())
        .arg("--procedures")
        .arg(extra.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 6 procedure files checked"));
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let data = tempfile::tempdir().expect("temporary folder");
    poryadok(data.path())
        .args(["check", "/nonexistent/procedure.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[file-unreadable]"))
        .stderr(predicate::str::contains("/nonexistent/procedure.toml"));
}

#[test]
fn the_schema_command_prints_the_committed_schema() {
    let data = tempfile::tempdir().expect("temporary folder");
    let committed =
        std::fs::read_to_string(root().join("assets/procedure.schema.json")).expect("read");
    poryadok(data.path())
        .arg("schema")
        .assert()
        .success()
        .stdout(predicate::eq(committed));
}

/// `poryadok schema | head -1`, `poryadok man | head`: a reader that stops early is no error,
/// and the program does not panic (it did for `schema`, whose output went through `print!`).
#[test]
fn printing_into_a_closed_pipe_is_quiet_and_succeeds() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_poryadok"))
        .args([
            "--data-dir",
            dir,
            "new",
            "qualified-signature",
            "--label",
            "Кафедра",
        ])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let run = ["--data-dir", dir, "status", "qualified-signature-1"];
    let json = [
        "--data-dir",
        dir,
        "status",
        "qualified-signature-1",
        "--json",
    ];
    let runs = ["--data-dir", dir, "runs"];
    for args in [
        &["schema"][..],
        &["man"],
        &["completions", "bash"],
        &["list"],
        &["check"],
        &run,
        &json,
        &runs,
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_poryadok"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reading end closes before anything is read, as `head` does once it has its line.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?}\n{stderr}", out.status);
        assert!(stderr.is_empty(), "{args:?}:\n{stderr}");
    }
}
