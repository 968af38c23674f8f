//! Files 0600 and folders 0700 whatever the umask. This file holds one test on purpose: the
//! umask belongs to the whole process, and no other test may run beside it.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use common::{at, bundled, files_under};
use poryadok::run::Value;
use poryadok::run::command::{Command, apply};
use poryadok::store::Store;

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn under_umask_000_every_file_is_0600_and_every_folder_0700() {
    let previous = unsafe { libc::umask(0) };
    let parent = tempfile::tempdir().unwrap();
    // A data folder that exists already, open to everyone, is tightened too.
    let data = parent.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).unwrap();

    let store = Store::open(&data).unwrap();
    let p = bundled("antivirus-licenses");
    let (mut session, mut run) = store.create(&p, "x", at(0)).unwrap();
    let command = Command::SetField {
        field: "v1_ksc_password".into(),
        value: Value::Text("s".into()),
    };
    apply(&p, &mut run, command, at(1)).unwrap();
    session.save(&p, &run, at(1)).unwrap();
    drop(session);
    unsafe { libc::umask(previous) };

    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(store.runs_dir()), 0o700, "the runs folder");
    let files = files_under(&data);
    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // The run, the copy before the last save, the lock and the key.
    assert_eq!(
        names,
        [
            "antivirus-licenses-1.json",
            "antivirus-licenses-1.lock",
            "antivirus-licenses-1.previous.json",
            "secret.key"
        ]
    );
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
}
