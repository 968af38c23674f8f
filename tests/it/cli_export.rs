//! `poryadok export RUN`: a filled run of the staff-access procedure written out as files, as
//! an officer would run it from a shell.

use std::os::unix::fs::PermissionsExt;

use assert_cmd::Command as Bin;

use crate::common::{at, bundled, filled_run};
use poryadok::store::Store;

/// A data folder holding one filled run of the staff-access procedure; its id.
fn data_folder() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("pgs-staff-access");
    let (mut session, _) = store.create(&p, "Администрация", at(0)).unwrap();
    let run = filled_run(&p);
    session.save(&p, &run, at(10_000)).unwrap();
    let id = session.id().to_owned();
    (dir, id)
}

fn export(data: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Bin::cargo_bin("poryadok")
        .unwrap()
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "ru", "export"])
        .args(args)
        .assert()
}

#[test]
fn every_format_is_written_and_named_and_nothing_is_replaced() {
    let (data, id) = data_folder();
    let out = data.path().join("выгрузка");
    let out_arg = out.to_str().unwrap();
    let first = export(data.path(), &[&id, "--out", out_arg]).success();
    let said = String::from_utf8(first.get_output().stdout.clone()).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for extension in ["docx", "xlsx", "csv", "md", "html", "json", "eml"] {
        assert!(
            names.iter().any(|n| n.ends_with(&format!(".{extension}"))),
            "{extension} in {names:?}"
        );
    }
    // The program says where it wrote each file.
    assert!(said.contains(out_arg), "{said}");
    for name in &names {
        assert!(said.contains(name.as_str()), "{name} named in: {said}");
        let mode = std::fs::metadata(out.join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}");
    }
    // Again into the same folder: new names, the first files untouched.
    let before = std::fs::read(out.join(&names[0])).unwrap();
    export(data.path(), &[&id, "--out", out_arg, "--format", "json"]).success();
    assert_eq!(std::fs::read(out.join(&names[0])).unwrap(), before);
    let json_copies = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name().into_string().unwrap();
            name.ends_with(".json")
        })
        .count();
    assert_eq!(json_copies, 2);
}

#[test]
fn an_unknown_format_or_run_is_a_clear_error() {
    let (data, id) = data_folder();
    export(data.path(), &[&id, "--format", "pdf"])
        .failure()
        .stderr(predicates::str::contains("неизвестный формат «pdf»"));
    export(data.path(), &["nosuch-1", "--out", "/tmp/never"])
        .failure()
        .stderr(predicates::str::contains("nosuch-1"));
    assert!(!std::path::Path::new("/tmp/never").exists());
}
