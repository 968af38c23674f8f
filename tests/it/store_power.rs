//! A simulated power cut: the data folder on a loop-mounted ext4 image; a process saving a run
//! in a loop is killed and the image copied at once, without a sync, as the disk would be if
//! the power went then; the copy is mounted (ext4 replays its journal) and the run read back.
//!
//! It needs root, `mkfs.ext4` and loop devices; without them it says so and is skipped.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command as Process, Stdio};

use crate::store_faults::{
    Mount, RUN_ID, child_dir, counter_in, is_root, spawn_child, wait_for_line,
};

macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

fn run(program: &str, args: &[&std::ffi::OsStr]) -> bool {
    Process::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Mounts an ext4 image at `at`; `None` when it cannot be done here.
fn mount_image(image: &Path, at: &Path) -> Option<Mount> {
    fs::create_dir_all(at).unwrap();
    run(
        "mount",
        &[
            "-o".as_ref(),
            "loop".as_ref(),
            image.as_os_str(),
            at.as_os_str(),
        ],
    )
    .then(|| Mount(at.to_path_buf()))
}

#[test]
fn a_power_cut_keeps_every_acknowledged_save() {
    if child_dir().is_some() {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    if !is_root(work.path()) {
        say!("SKIPPED: the power-cut test mounts an ext4 image, which needs root");
        return;
    }
    let image = work.path().join("disk.img");
    fs::File::create(&image).unwrap().set_len(32 << 20).unwrap();
    if !run(
        "mkfs.ext4",
        &["-q".as_ref(), "-F".as_ref(), image.as_os_str()],
    ) {
        say!("SKIPPED: mkfs.ext4 is not available here");
        return;
    }
    let Some(_disk) = mount_image(&image, &work.path().join("disk")) else {
        say!("SKIPPED: could not mount a loop device here");
        return;
    };
    let data = work.path().join("disk").join("data");
    let copy = work.path().join("cut.img");
    let mut acknowledged = 0u64;
    let mut ahead = 0;
    const CUTS: u32 = 20;
    for round in 0..CUTS {
        let mut child = spawn_child("store_faults::child_save_loop", &data);
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        wait_for_line(&mut lines, "opened ");
        for _ in 0..1 + round % 6 {
            acknowledged = wait_for_line(&mut lines, "saved ").parse().unwrap();
        }
        std::thread::sleep(std::time::Duration::from_micros(u64::from(round % 4) * 400));
        child.kill().unwrap();
        child.wait().unwrap();
        for line in lines.map_while(Result::ok) {
            if let Some(at) = line.find("saved ") {
                acknowledged = line[at + "saved ".len()..].parse().unwrap();
            }
        }
        // The power goes now: the disk as it is, whatever the system has not written out.
        fs::copy(&image, &copy).unwrap();
        let after = work.path().join("after");
        let mounted = mount_image(&copy, &after).expect("the copy mounts");
        let path = after.join("data/runs").join(format!("{RUN_ID}.json"));
        let on_disk = counter_in(&path);
        drop(mounted);
        fs::remove_file(&copy).unwrap();
        assert!(
            on_disk >= acknowledged,
            "cut {round}: the run went back to {on_disk}, but {acknowledged} was saved"
        );
        assert!(on_disk <= acknowledged + 1, "cut {round}: {on_disk}");
        ahead += usize::from(on_disk > acknowledged);
    }
    say!(
        "store power cut: {CUTS} cuts of an ext4 disk, {acknowledged} saves acknowledged, \
         none lost ({ahead} cuts kept a save not yet acknowledged)"
    );
}
