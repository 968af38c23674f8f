//! The files around the runs: lock files that are links, modes of files made by someone else,
//! and exported documents on a disk that fills up.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;

use assert_cmd::Command as Bin;

use crate::common::{at, bundled};
use crate::store_faults::small_tmpfs;
use poryadok::export::write::{MARKER, OutFile, WriteError, replace_folder};
use poryadok::store::Store;

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Item 9: a `.lock` that is a symbolic link is not followed: the file it points to keeps its
/// content and its mode.
#[test]
fn a_lock_file_that_is_a_link_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("qualified-signature");
    let (session, _) = store.create(&p, "x", at(0)).unwrap();
    let id = session.id().to_owned();
    drop(session);
    let target = dir.path().join("officers-notes.txt");
    fs::write(&target, "не трогать").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let lock = store.runs_dir().join(format!("{id}.lock"));
    fs::remove_file(&lock).unwrap();
    std::os::unix::fs::symlink(&target, &lock).unwrap();

    let opened = store.open_run(&id);
    assert_eq!(fs::read_to_string(&target).unwrap(), "не трогать");
    assert_eq!(mode(&target), 0o644);
    let error = opened.expect_err("the run is not opened through a link");
    let text = error.message().text(poryadok::i18n::Lang::En);
    assert!(text.contains(&lock.display().to_string()), "{text}");
    // A new run of the procedure is not made through one either.
    let second = store.runs_dir().join(format!("{}-2.lock", p.id()));
    std::os::unix::fs::symlink(&target, &second).unwrap();
    let _ = store.create(&p, "y", at(1));
    assert_eq!(fs::read_to_string(&target).unwrap(), "не трогать");
    assert_eq!(mode(&target), 0o644);
}

/// Item 12: a key file left readable by others (copied in, restored from a backup) is made
/// private when the store opens.
#[test]
fn an_open_key_file_is_made_private() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let key = dir.path().join("secret.key");
    fs::set_permissions(&key, fs::Permissions::from_mode(0o644)).unwrap();
    drop(Store::open(dir.path()).unwrap());
    assert_eq!(mode(&key), 0o600);
}

/// Item 12: a procedure cache file left readable by others is made private when it is read.
#[test]
fn an_open_cache_file_is_made_private() {
    let dir = tempfile::tempdir().unwrap();
    let list = || {
        Bin::cargo_bin("poryadok")
            .unwrap()
            .arg("--data-dir")
            .arg(dir.path())
            .arg("list")
            .assert()
            .success();
    };
    list();
    let cached = crate::common::files_under(dir.path())
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "bin"))
        .collect::<Vec<_>>();
    assert!(!cached.is_empty(), "the first listing fills the cache");
    for file in &cached {
        fs::set_permissions(file, fs::Permissions::from_mode(0o644)).unwrap();
    }
    list();
    for file in &cached {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
}

/// A disk that fills up while documents are exported leaves the previous export as it was, and
/// no half-written folder beside it; the error says why.
#[test]
fn a_full_disk_during_export_leaves_the_previous_export_as_it_was() {
    let Some((dir, _mount)) = small_tmpfs("256k") else {
        return;
    };
    let out = dir.path().join("export");
    let file = |name: &str, size: usize| OutFile {
        name: name.into(),
        bytes: vec![b'x'; size],
    };
    let first = [file("report.md", 8 * 1024)];
    replace_folder(&out, "run-1", &first).unwrap();
    // Leave about 64 KB free.
    let mut filler = fs::File::create(dir.path().join("filler")).unwrap();
    filler.write_all(&vec![0u8; 180 * 1024]).unwrap();
    filler.sync_all().unwrap();
    let files = [
        file("report.md", 8 * 1024),
        file("form.docx", 120 * 1024),
        file("letter.eml", 4 * 1024),
    ];
    let error =
        replace_folder(&out, "run-1", &files).expect_err("the disk has no room for the form");
    let WriteError::Io { error, .. } = &error else {
        panic!("{error}");
    };
    assert_eq!(error.kind(), std::io::ErrorKind::StorageFull, "{error}");
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, [MARKER, "report.md"]);
    assert_eq!(fs::read(out.join("report.md")).unwrap(), first[0].bytes);
    let mut beside: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    beside.sort();
    assert_eq!(
        beside,
        ["export", "filler"],
        "no half-written folder is left"
    );
}
