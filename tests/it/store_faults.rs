//! The store under the faults an officer's machine meets: a process killed mid-save, a full
//! disk, a read-only folder, a second poryadok on the same run, a file cut short.
//!
//! Some of these need processes of their own: the test binary runs itself again with
//! `--ignored --exact child_…` and an environment variable that tells the child what to do.
//! Tests that need root or a mount say visibly that they were skipped when they cannot get it.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};

use crate::common::{at, bundled, files_under};
use poryadok::fsutil::TEMP_PREFIX;
use poryadok::i18n::Lang;
use poryadok::run::command::{Command, apply};
use poryadok::run::{Run, Value};
use poryadok::store::format::decode;
use poryadok::store::{OpenError, Store};

/// Prints past the test harness's capture, so that a skip or a figure shows in a plain
/// `cargo test` run (the harness captures only the `print!` family of macros).
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

const CHILD_ENV: &str = "PORYADOK_STORE_CHILD";
pub(crate) const RUN_ID: &str = "qualified-signature-1";

/// Starts this test binary again as the child `name` over the data folder `dir`.
pub(crate) fn spawn_child(name: &str, dir: &Path) -> Child {
    Process::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--ignored",
            "--exact",
            name,
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts")
}

/// The data folder a child was given, or `None` when the test harness runs it on its own.
pub(crate) fn child_dir() -> Option<PathBuf> {
    std::env::var_os(CHILD_ENV).map(PathBuf::from)
}

/// Reads the child's output up to the next line holding `marker`, and returns what follows the
/// marker on that line. (The test harness prints `test NAME ... ` before the child's first
/// line, so markers are looked for anywhere in a line.)
pub(crate) fn wait_for_line(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    marker: &str,
) -> String {
    for line in lines {
        let line = line.expect("a line from the child");
        if let Some(at) = line.find(marker) {
            return line[at + marker.len()..].to_owned();
        }
    }
    panic!("the child ended before printing {marker:?}");
}

/// The value of the counter field in a saved run file.
pub(crate) fn counter_in(path: &Path) -> u64 {
    let bytes = fs::read(path).expect("the run file exists after every kill");
    let decoded = decode(&bytes, None).unwrap_or_else(|e| {
        panic!(
            "the run file always parses, but: {e}\n{}",
            String::from_utf8_lossy(&bytes)
        )
    });
    match decoded.run.values.get("full_name") {
        Some(Value::Text(text)) => text.parse().expect("a counter"),
        None => 0,
        other => panic!("{other:?}"),
    }
}

/// Child: opens (or creates) the run and saves a growing counter in a loop, printing
/// `saved N` after each save has returned, until it is killed.
#[test]
#[ignore = "run by saving_killed_with_sigkill_never_loses_or_rolls_back_a_save"]
fn child_save_loop() {
    let Some(dir) = child_dir() else { return };
    let store = Store::open(&dir).expect("store");
    let p = bundled("qualified-signature");
    let (mut session, mut run) = match store.open_run(RUN_ID) {
        Ok((session, opened)) => (session, opened.run),
        Err(OpenError::NotFound { .. }) => store.create(&p, "loop", at(0)).expect("created"),
        Err(error) => panic!("{error}"),
    };
    let mut counter = match run.values.get("full_name") {
        Some(Value::Text(text)) => text.parse::<u64>().expect("a counter"),
        _ => 0,
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "opened {counter}").unwrap();
    out.flush().unwrap();
    loop {
        counter += 1;
        let command = Command::SetField {
            field: "full_name".into(),
            value: Value::Text(counter.to_string()),
        };
        apply(&p, &mut run, command, at(counter as i64)).expect("set");
        session.save(&p, &run, at(counter as i64)).expect("saved");
        writeln!(out, "saved {counter}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn saving_killed_with_sigkill_never_loses_or_rolls_back_a_save() {
    if child_dir().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = Store::open(dir.path()).unwrap().run_path(RUN_ID);
    let mut acknowledged = 0u64;
    // Rounds whose kill landed inside a save (a temporary file was left behind).
    let mut mid_save = 0;
    const KILLS: u32 = 200;
    for round in 0..KILLS {
        let mut child = spawn_child("store_faults::child_save_loop", dir.path());
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let opened: u64 = wait_for_line(&mut lines, "opened ").parse().unwrap();
        assert!(
            opened >= acknowledged,
            "round {round}: reopened at {opened}, but {acknowledged} was saved"
        );
        // Let it save a varying number of times, then kill it wherever it is.
        let saves = 1 + round % 7;
        for _ in 0..saves {
            acknowledged = wait_for_line(&mut lines, "saved ").parse().unwrap();
        }
        std::thread::sleep(std::time::Duration::from_micros(u64::from(round % 5) * 150));
        child.kill().unwrap(); // SIGKILL on Linux
        child.wait().unwrap();
        // Anything printed after the last line read was saved too; read what is left.
        for line in lines.map_while(Result::ok) {
            if let Some(at) = line.find("saved ") {
                acknowledged = line[at + "saved ".len()..].parse().unwrap();
            }
        }
        if !temp_files(dir.path()).is_empty() {
            mid_save += 1;
        }
        let on_disk = counter_in(&path);
        assert!(
            on_disk >= acknowledged,
            "round {round}: the file went back to {on_disk}, but {acknowledged} was saved"
        );
        // At most the one save that was under way when the kill came is ahead of what was
        // acknowledged.
        assert!(
            on_disk <= acknowledged + 1,
            "round {round}: {on_disk} > {acknowledged} + 1"
        );
    }
    // The next start cleans whatever the kills left half-written.
    let store = Store::open(dir.path()).unwrap();
    let leftovers: Vec<_> = files_under(store.runs_dir())
        .into_iter()
        .filter(|f| {
            f.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(TEMP_PREFIX)
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    say!(
        "store faults: {KILLS} SIGKILLs ({mid_save} inside a save), \
         {acknowledged} saves acknowledged, none lost or rolled back"
    );
    assert!(
        mid_save > 0,
        "no kill landed inside a save: the test proved nothing"
    );
}

/// Child: opens the run and holds it until its stdin closes.
#[test]
#[ignore = "run by a_second_process_is_refused_while_the_first_holds_the_run"]
fn child_hold() {
    let Some(dir) = child_dir() else { return };
    let store = Store::open(&dir).expect("store");
    let _held = store.open_run(RUN_ID).expect("the first open succeeds");
    println!("holding");
    let mut rest = String::new();
    let _ = std::io::stdin().read_line(&mut rest);
}

#[test]
fn a_second_process_is_refused_while_the_first_holds_the_run() {
    if child_dir().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("qualified-signature");
    drop(store.create(&p, "x", at(0)).unwrap());
    let before = fs::read(store.run_path(RUN_ID)).unwrap();

    let mut child = spawn_child("store_faults::child_hold", dir.path());
    let stdout = child.stdout.take().unwrap();
    wait_for_line(&mut BufReader::new(stdout).lines(), "holding");
    match store.open_run(RUN_ID) {
        Err(OpenError::Locked { pid, .. }) => assert_eq!(pid, Some(child.id())),
        other => panic!("the second process must be refused: {other:?}"),
    }
    assert_eq!(fs::read(store.run_path(RUN_ID)).unwrap(), before);
    // The lock dies with the process that held it, however it ended.
    child.kill().unwrap();
    child.wait().unwrap();
    store
        .open_run(RUN_ID)
        .expect("free once the holder is gone");
}

#[test]
fn a_file_cut_at_every_byte_is_reported_and_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("antivirus-licenses");
    let (mut session, mut run) = store.create(&p, "Администрация «Пример»", at(0)).unwrap();
    for (field, value) in [("v1_ksc_login", "admin"), ("v1_ksc_password", "секрет")] {
        let command = Command::SetField {
            field: field.into(),
            value: Value::Text(value.into()),
        };
        apply(&p, &mut run, command, at(1)).unwrap();
    }
    apply(
        &p,
        &mut run,
        Command::AddNote {
            step: p.steps()[0].id.clone(),
            text: "Письмо № 12-345 «о подключении»".into(),
        },
        at(2),
    )
    .unwrap();
    session.save(&p, &run, at(3)).unwrap();
    drop(session);
    let path = store.run_path("antivirus-licenses-1");
    let whole = fs::read(&path).unwrap();
    let mut damaged = 0;
    for cut in 0..whole.len() {
        fs::write(&path, &whole[..cut]).unwrap();
        match store.open_run("antivirus-licenses-1") {
            Err(OpenError::Damaged {
                moved_to, reason, ..
            }) => {
                assert!(
                    !path.exists(),
                    "cut at {cut}: the damaged file stays in place"
                );
                assert_eq!(
                    fs::read(&moved_to).unwrap(),
                    &whole[..cut],
                    "cut at {cut}: kept aside as it was"
                );
                let text = reason.to_string();
                assert!(text.starts_with("line "), "cut at {cut}: {text}");
                fs::remove_file(&moved_to).unwrap();
                damaged += 1;
            }
            // Only the final line break can go without harm.
            Ok((_, opened)) => {
                assert!(
                    whole[cut..].iter().all(u8::is_ascii_whitespace),
                    "cut at {cut} opened"
                );
                assert_eq!(opened.run, run);
            }
            Err(other) => panic!("cut at {cut}: {other}"),
        }
    }
    assert_eq!(damaged, whole.len() - 1);
}

/// Whether this process runs as root, read off a folder it made (it belongs to the effective
/// user).
pub(crate) fn is_root(made: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(made).is_ok_and(|m| m.uid() == 0)
}

/// Mounts a tmpfs of `size` at a new folder; `None` (and a visible note) without root or mount.
pub(crate) fn small_tmpfs(size: &str) -> Option<(tempfile::TempDir, Mount)> {
    let dir = tempfile::tempdir().unwrap();
    if !is_root(dir.path()) {
        say!("SKIPPED: a tmpfs needs root; run the tests as root to include this check");
        return None;
    }
    let status = Process::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir.path())
        .stderr(Stdio::null())
        .status();
    if !status.is_ok_and(|s| s.success()) {
        say!("SKIPPED: could not mount a tmpfs here (no mount permission in this sandbox)");
        return None;
    }
    let mount = Mount(dir.path().to_path_buf());
    Some((dir, mount))
}

/// Unmounts when dropped, even when the test fails.
pub(crate) struct Mount(pub(crate) PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Process::new("umount").arg(&self.0).status();
    }
}

pub(crate) fn temp_files(dir: &Path) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|f| {
            f.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(TEMP_PREFIX)
        })
        .collect()
}

fn saved_run(
    store: &Store,
) -> (
    poryadok::store::Session,
    Run,
    poryadok::procedure::Procedure,
) {
    let p = bundled("qualified-signature");
    let (mut session, mut run) = store.create(&p, "x", at(0)).unwrap();
    let command = Command::SetField {
        field: "full_name".into(),
        value: Value::Text("Иванов Иван Иванович".into()),
    };
    apply(&p, &mut run, command, at(1)).unwrap();
    session.save(&p, &run, at(1)).unwrap();
    (session, run, p)
}

#[test]
fn a_full_disk_fails_the_save_clearly_and_keeps_the_file_as_it_was() {
    let Some((dir, _mount)) = small_tmpfs("512k") else {
        return;
    };
    let store = Store::open(dir.path()).unwrap();
    let (mut session, mut run, p) = saved_run(&store);
    let before = fs::read(session.path()).unwrap();
    // Fill the disk.
    let mut filler = fs::File::create(dir.path().join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    let _ = filler.sync_all();
    // A change the disk has no room for.
    let command = Command::AddNote {
        step: p.steps()[0].id.clone(),
        text: "заметка ".repeat(10_000),
    };
    apply(&p, &mut run, command, at(2)).unwrap();
    let error = session.save(&p, &run, at(2)).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("No space left on device"),
        "the error says why: {message}"
    );
    assert!(message.contains(RUN_ID), "and which run: {message}");
    // Item 3: the officer reads what happened and where, in their language.
    let folder = store.runs_dir().display().to_string();
    let ru = error.message().text(Lang::Ru);
    assert!(
        ru.contains("на диске нет места") && ru.contains(&folder),
        "{ru}"
    );
    let en = error.message().text(Lang::En);
    assert!(
        en.contains("the disk is full") && en.contains(&folder),
        "{en}"
    );
    assert_eq!(fs::read(session.path()).unwrap(), before, "byte-identical");
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
    // With room again, the same run in memory saves.
    drop(filler);
    fs::remove_file(dir.path().join("filler")).unwrap();
    session.save(&p, &run, at(3)).unwrap();
}

#[test]
fn a_read_only_folder_fails_the_save_clearly_and_keeps_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (mut session, mut run, p) = saved_run(&store);
    let before = fs::read(session.path()).unwrap();
    // The runs folder becomes read-only under the open session. Root ignores file modes, so
    // as root the folder is bind-mounted read-only over itself; otherwise a chmod does.
    let runs = store.runs_dir().to_path_buf();
    let _read_only = match ReadOnly::make(&runs) {
        Some(guard) => guard,
        None => return,
    };
    let command = Command::SetField {
        field: "full_name".into(),
        value: Value::Text("Петров Пётр Петрович".into()),
    };
    apply(&p, &mut run, command, at(2)).unwrap();
    let error = session.save(&p, &run, at(2)).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("Read-only file system") || message.contains("Permission denied"),
        "{message}"
    );
    assert!(message.contains(RUN_ID), "{message}");
    // Item 3: the officer reads what happened and where, in their language.
    let folder = runs.display().to_string();
    let ru = error.message().text(Lang::Ru);
    assert!(
        (ru.contains("только для чтения") || ru.contains("нет прав на запись"))
            && ru.contains(&folder),
        "{ru}"
    );
    assert_eq!(fs::read(session.path()).unwrap(), before);
    drop(_read_only);
    assert!(temp_files(dir.path()).is_empty());
    session.save(&p, &run, at(3)).unwrap();
}

/// A folder made read-only until dropped.
enum ReadOnly {
    Mount { _unmounts_on_drop: Mount },
    Mode(PathBuf),
}

impl ReadOnly {
    fn make(dir: &Path) -> Option<ReadOnly> {
        use std::os::unix::fs::PermissionsExt;
        if !is_root(dir) {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o500)).unwrap();
            return Some(ReadOnly::Mode(dir.to_path_buf()));
        }
        let run = |args: &[&str]| {
            Process::new("mount")
                .args(args)
                .arg(dir)
                .arg(dir)
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if !run(&["--bind"]) {
            say!("SKIPPED: could not bind-mount a folder read-only (no mount permission here)");
            return None;
        }
        let mount = Mount(dir.to_path_buf());
        let read_only = Process::new("mount")
            .args(["-o", "remount,bind,ro"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(read_only, "remounting the bind mount read-only");
        Some(ReadOnly::Mount {
            _unmounts_on_drop: mount,
        })
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if let ReadOnly::Mode(dir) = self {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
        }
    }
}
