//! Several poryadoks on one data folder at once: wizards starting runs of the same procedure
//! together, and `poryadok runs` started while a wizard saves.

use std::io::{BufRead, BufReader, Write};
use std::sync::{Arc, Barrier};

use crate::common::{at, bundled};
use crate::store_faults::{child_dir, spawn_child, wait_for_line};
use poryadok::store::Store;

/// Item 7: four wizards starting the same procedure at the same moment each get a run of
/// their own, numbered without gaps.
#[test]
fn wizards_starting_the_same_procedure_at_once_all_get_a_run() {
    const TRIALS: usize = 12;
    const WIZARDS: usize = 4;
    let p = Arc::new(bundled("pgs-staff-access"));
    let mut refused = Vec::new();
    for trial in 0..TRIALS {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path()).unwrap());
        let barrier = Arc::new(Barrier::new(WIZARDS));
        let results: Vec<Result<String, String>> = (0..WIZARDS)
            .map(|n| {
                let (p, barrier) = (Arc::clone(&p), Arc::clone(&barrier));
                let data = dir.path().to_path_buf();
                std::thread::spawn(move || {
                    // Each wizard opens the store itself, as a process does.
                    let store = Store::open(&data).map_err(|e| e.to_string())?;
                    barrier.wait();
                    let (session, _) = store
                        .create(&p, &format!("Отдел {n}"), at(0))
                        .map_err(|e| e.to_string())?;
                    // Held a moment, as a wizard holds its run.
                    std::thread::sleep(std::time::Duration::from_millis(300));
                    Ok(session.id().to_owned())
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let mut ids: Vec<String> = Vec::new();
        for result in results {
            match result {
                Ok(id) => ids.push(id),
                Err(error) => refused.push(format!("trial {trial}: {error}")),
            }
        }
        ids.sort();
        if ids.len() == WIZARDS {
            let expected: Vec<String> = (1..=WIZARDS)
                .map(|n| format!("pgs-staff-access-{n}"))
                .collect();
            assert_eq!(ids, expected, "trial {trial}");
        }
    }
    assert!(refused.is_empty(), "runs not made: {refused:#?}");
}

/// Item 12: `Store::open` (what `poryadok runs` does first) while another process saves a run
/// in a loop never removes that process's temporary file, so none of its saves fails.
#[test]
fn opening_the_store_never_removes_a_save_in_progress_of_another_process() {
    if child_dir().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_child("store_faults::child_save_loop", dir.path());
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        wait_for_line(&mut lines, "opened ");
        let _ = tx.send(0u64);
        for line in lines.map_while(Result::ok) {
            if let Some(at) = line.find("saved ") {
                let n: u64 = line[at + 6..].trim().parse().unwrap_or(0);
                if tx.send(n).is_err() {
                    break;
                }
            }
        }
    });
    rx.recv().expect("the child opened the run");
    let mut saved = 0;
    let mut opens = 0;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while saved < 400 && std::time::Instant::now() < deadline {
        drop(Store::open(dir.path()).expect("store"));
        opens += 1;
        while let Ok(n) = rx.try_recv() {
            saved = n;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
    }
    let alive = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    let _ = writeln!(
        std::io::stderr(),
        "store races: {opens} store opens during {saved} saves of another process"
    );
    assert!(
        alive && saved >= 400,
        "the saving process failed after {saved} saves (its temporary file was removed)"
    );
}
