//! Files 0600 and folders 0700 whatever the umask. The umask belongs to the whole process, and
//! the other tests of this binary run beside this one, so the store is used in a child process
//! (this test binary again, started by `sh` under `umask 000`) and the modes are read here.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use crate::common::{at, bundled, files_under};
use poryadok::run::Value;
use poryadok::run::command::{Command, apply};
use poryadok::store::Store;

/// Names the data folder the child works in.
const CHILD_ENV: &str = "PORYADOK_UMASK_CHILD";

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn under_umask_000_every_file_is_0600_and_every_folder_0700() {
    let parent = tempfile::tempdir().unwrap();
    // A data folder that exists already, open to everyone, is tightened too.
    let data = parent.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).unwrap();

    let child = Process::new("sh")
        .args(["-c", "umask 000 && exec \"$@\"", "sh"])
        .arg(std::env::current_exe().expect("the test binary"))
        .args([
            "--ignored",
            "--exact",
            "store_umask::child_saves_under_umask_000",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, &data)
        .output()
        .expect("the child starts");
    assert!(
        child.status.success(),
        "the child failed: {}",
        String::from_utf8_lossy(&child.stdout)
    );

    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&data.join("runs")), 0o700, "the runs folder");
    let files = files_under(&data);
    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // The lock under which runs take their numbers, the run, the copy before the last save,
    // its lock, the edition of the procedure it was saved with, and the key.
    let (editions, names): (Vec<_>, Vec<_>) = names
        .into_iter()
        .partition(|name| name.starts_with("antivirus-licenses.") && name.ends_with(".toml"));
    assert_eq!(editions.len(), 1, "{editions:?}");
    assert_eq!(
        names,
        [
            ".create.lock",
            "antivirus-licenses-1.json",
            "antivirus-licenses-1.lock",
            "antivirus-licenses-1.previous.json",
            "secret.key"
        ]
    );
    assert_eq!(
        mode(&data.join("runs").join(poryadok::store::EDITIONS_DIR)),
        0o700,
        "the folder of kept editions"
    );
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
}

/// Child: creates a run with a sealed value and saves it, in the folder it is given.
#[test]
#[ignore = "run by under_umask_000_every_file_is_0600_and_every_folder_0700"]
fn child_saves_under_umask_000() {
    let Some(data) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else {
        return;
    };
    let store = Store::open(&data).unwrap();
    assert_eq!(store.runs_dir(), data.join("runs"));
    let p = bundled("antivirus-licenses");
    let (mut session, mut run) = store.create(&p, "x", at(0)).unwrap();
    let command = Command::SetField {
        field: "v1_ksc_password".into(),
        value: Value::Text("s".into()),
    };
    apply(&p, &mut run, command, at(1)).unwrap();
    session.save(&p, &run, at(1)).unwrap();
}
