//! Where runs live on disk, so that closing the terminal, a crash or a power cut never loses
//! an officer's work.
//!
//! Layout under the data folder (0700):
//!
//! ```text
//! secret.key                          the key that seals secret values (0600), see [`seal`]
//! attachments/RUN/                   0700: the files the officer added to a run's letters (0600),
//!                                     see [`attachments`]
//! runs/                               0700
//!   qualified-signature-1.json        a run (0600), format in [`format`]
//!   qualified-signature-1.previous.json   the content before the last save (a hard link)
//!   qualified-signature-1.lock        held by the process that has the run open
//!   qualified-signature-1.damaged-20261123T091500Z.json   a file that could not be read, moved aside
//!   .create.lock                      held while a new run takes its number
//!   .tmp-qualified-signature-1.json~… a save under way, or one that never finished
//! ```
//!
//! Every save replaces the run file atomically (see [`crate::fsutil::replace`]). A run is opened
//! for editing by one process at a time: the second gets [`OpenError::Locked`]. The locks are OS
//! file locks, so they go away with the process that held them, however that process ended.
//! Damaged files and [`Store::recover`] are in `recover.rs`, saving in `session.rs`.

pub mod attachments;
mod change;
mod editions;
mod errors;
pub mod format;
mod lifecycle;
mod recover;
pub mod seal;
mod session;

use std::fs::{self, File};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use jiff::Timestamp;

pub use crate::fsutil::Durability;
pub use change::{ChangeError, Changed};
pub use editions::{EDITIONS_DIR, Edition, Offer, Walked};
pub use errors::{OpenError, SaveError, StoreError, StoreOpenError, reason};
pub use format::{DecodeError, FILE_FORMAT};
pub use lifecycle::{
    DELETED_DIR, Deleted, KEEP_DELETED, SameLabel, same_label, same_label_warning,
};
pub use recover::Recovered;
pub use session::{Opened, Session, secret_field_ids};

use crate::fsutil;
use crate::procedure::Procedure;
use crate::run::Run;
use seal::Sealer;

/// The folder of runs inside the data folder.
pub const RUNS_DIR: &str = "runs";
const RUN_SUFFIX: &str = ".json";
const PREVIOUS_SUFFIX: &str = ".previous.json";
const LOCK_SUFFIX: &str = ".lock";
const DAMAGED_INFIX: &str = ".damaged-";
/// Held while a new run takes the first free number, so that wizards starting the same
/// procedure at once each get one.
const CREATE_LOCK: &str = ".create.lock";
/// How long a new run waits for others being made at the same moment.
const CREATE_WAIT: Duration = Duration::from_secs(10);
/// A temporary file whose name this build did not make (an older poryadok's) is removed once it
/// is this old: no save takes that long.
const FOREIGN_TEMP_AGE: Duration = Duration::from_secs(3600);

/// The runs of one data folder.
#[derive(Debug)]
pub struct Store {
    runs: PathBuf,
    key: PathBuf,
    sealer: Arc<Sealer>,
    durability: Durability,
    /// How many temporary files of unfinished saves were removed when the store opened.
    pub cleaned: usize,
    /// The kept editions read so far.
    kept: editions::KeptEditions,
}

/// A run found in the store, read without opening it for editing.
#[derive(Debug)]
pub struct Listed {
    pub id: String,
    pub path: PathBuf,
    /// The run without its secret values, or why it could not be read (a run whose file is
    /// missing but whose copies are kept is listed too, so that it can be recovered).
    pub run: Result<Run, DecodeError>,
}

impl Store {
    /// Opens (creating if needed) the store in a data folder: the folders are made 0700, the key
    /// file is read or made, and temporary files of saves that never finished are removed (never
    /// one of a save under way in another process).
    pub fn open(data_dir: &Path) -> Result<Store, StoreOpenError> {
        let runs = data_dir.join(RUNS_DIR);
        for dir in [data_dir, &runs] {
            fsutil::private_dir(dir).map_err(|error| StoreOpenError::Folder {
                path: dir.to_path_buf(),
                error,
            })?;
        }
        let key = seal::key_path(data_dir);
        let sealer = Sealer::open_or_create(&key)?;
        let mut store = Store {
            runs,
            key,
            sealer: Arc::new(sealer),
            durability: Durability::Sync,
            cleaned: 0,
            kept: editions::KeptEditions::default(),
        };
        store.cleaned = store.remove_stale_temps();
        Ok(store)
    }

    /// Sets whether saves wait for the disk (benchmarks measure without).
    pub fn with_durability(mut self, durability: Durability) -> Store {
        self.durability = durability;
        self
    }

    /// The folder the run files are in.
    pub fn runs_dir(&self) -> &Path {
        &self.runs
    }

    /// The key file that seals secret values.
    pub fn key_path(&self) -> &Path {
        &self.key
    }

    /// The file of a run.
    pub fn run_path(&self, id: &str) -> PathBuf {
        self.runs.join(format!("{id}{RUN_SUFFIX}"))
    }

    fn previous_path(&self, id: &str) -> PathBuf {
        self.runs.join(format!("{id}{PREVIOUS_SUFFIX}"))
    }

    /// Every run, sorted by id, read without locking and without secret values. A run whose
    /// file cannot be read, or is gone while copies of it are kept, is listed with the reason
    /// (`poryadok recover` deals with it).
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let error = |error| StoreError {
            path: self.runs.clone(),
            error,
        };
        let mut ids = std::collections::BTreeSet::new();
        for entry in fs::read_dir(&self.runs).map_err(error)? {
            let name = entry.map_err(error)?.file_name();
            if let Some(id) = id_of_any(&name.to_string_lossy()) {
                ids.insert(id.to_owned());
            }
        }
        Ok(ids
            .into_iter()
            .map(|id| {
                let path = self.run_path(&id);
                let run = self.read_listed(&id, &path);
                Listed { id, path, run }
            })
            .collect())
    }

    fn read_listed(&self, id: &str, path: &Path) -> Result<Run, DecodeError> {
        match read_run_file(path) {
            Ok(Some(bytes)) => format::decode(&bytes, None).map(|d| d.run),
            Ok(None) => Err(DecodeError::Missing {
                previous: self.previous_path(id).exists(),
            }),
            Err(reason) => Err(reason),
        }
    }

    /// Starts a new run of a procedure, saved at once, with an id made of the procedure id and
    /// the first free number (`qualified-signature-1`, `-2`, …). The number is taken under a
    /// lock of the whole folder, so that runs started at the same moment by several
    /// poryadoks each get their own.
    pub fn create(
        &self,
        procedure: &Procedure,
        label: &str,
        now: Timestamp,
    ) -> Result<(Session, Run), OpenError> {
        let _numbering = self.lock_numbering()?;
        let run = Run::new(procedure, label, now);
        editions::keep(&self.runs, procedure, self.durability);
        for n in 1.. {
            let id = format!("{}-{n}", procedure.id());
            if self.id_taken(&id)? {
                continue;
            }
            let mut session = self.lock(&id)?;
            session
                .save(procedure, &run, now)
                .map_err(|e| OpenError::Io {
                    path: e.path,
                    error: e.error,
                })?;
            return Ok((session, run));
        }
        unreachable!("some number is free")
    }

    /// Waits for the lock under which new runs take their numbers.
    fn lock_numbering(&self) -> Result<File, OpenError> {
        let path = self.runs.join(CREATE_LOCK);
        let file = self.open_lock_file(&path)?;
        let deadline = SystemTime::now() + CREATE_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) if SystemTime::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(OpenError::Locked {
                        id: CREATE_LOCK.to_owned(),
                        pid: None,
                    });
                }
                Err(fs::TryLockError::Error(error)) => return Err(OpenError::Io { path, error }),
            }
        }
    }

    /// An id is taken while any file of it exists, damaged copies and the lock included, so
    /// that a new run never gets mixed up with an old one's leftovers.
    fn id_taken(&self, id: &str) -> Result<bool, OpenError> {
        let prefix = format!("{id}.");
        let entries = fs::read_dir(&self.runs).map_err(|error| OpenError::Io {
            path: self.runs.clone(),
            error,
        })?;
        Ok(entries
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().starts_with(&prefix)))
    }

    /// Opens a lock file, never through a symbolic link.
    fn open_lock_file(&self, path: &Path) -> Result<File, OpenError> {
        fsutil::open_private(path).map_err(|error| {
            if fsutil::is_link_refused(&error) {
                OpenError::Link {
                    path: path.to_path_buf(),
                }
            } else {
                OpenError::Io {
                    path: path.to_path_buf(),
                    error,
                }
            }
        })
    }

    fn lock(&self, id: &str) -> Result<Session, OpenError> {
        let lock_path = self.runs.join(format!("{id}{LOCK_SUFFIX}"));
        let io = |error| OpenError::Io {
            path: lock_path.clone(),
            error,
        };
        let mut lock = self.open_lock_file(&lock_path)?;
        match try_lock_briefly(&lock) {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = lock.read_to_string(&mut text);
                return Err(OpenError::Locked {
                    id: id.to_owned(),
                    pid: text.trim().parse().ok(),
                });
            }
            Err(fs::TryLockError::Error(error)) => return Err(io(error)),
        }
        // Who holds it, for the message the next process shows.
        lock.set_len(0).map_err(io)?;
        lock.rewind().map_err(io)?;
        write!(lock, "{}", std::process::id()).map_err(io)?;
        Ok(Session::new(
            id,
            self.run_path(id),
            self.previous_path(id),
            lock,
            Arc::clone(&self.sealer),
            self.durability,
        ))
    }

    /// Removes the temporary files of saves that never finished: a file of a run whose lock
    /// nobody holds (a process saving holds it), or one of an older build's naming that is
    /// old. Returns how many were removed; one that cannot be removed is left for next time.
    fn remove_stale_temps(&self) -> usize {
        let Ok(temps) = fsutil::temps(&self.runs) else {
            return 0;
        };
        let mut removed = 0;
        for temp in temps {
            let (stale, _held) = match temp.target.as_deref().and_then(id_of_any) {
                Some(id) => {
                    let path = self.runs.join(format!("{id}{LOCK_SUFFIX}"));
                    // Held while the temporary file is removed, so no save can start meanwhile.
                    match fsutil::open_private(&path) {
                        Ok(lock) if lock.try_lock().is_ok() => (true, Some(lock)),
                        _ => (false, None),
                    }
                }
                None => {
                    let age = temp
                        .modified
                        .and_then(|at| SystemTime::now().duration_since(at).ok());
                    (age.is_some_and(|age| age > FOREIGN_TEMP_AGE), None)
                }
            };
            if stale && fs::remove_file(&temp.path).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// Reads a run file: `Ok(None)` when there is nothing at its path; an error when what is there
/// is not a file that can be read (a folder, a link to nothing).
fn read_run_file(path: &Path) -> Result<Option<Vec<u8>>, DecodeError> {
    let unreadable = |error: io::Error| DecodeError::Unreadable(error.to_string());
    match fs::symlink_metadata(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(unreadable(error)),
        Ok(_) => {}
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(DecodeError::Folder),
        Ok(meta) if !meta.is_file() => {
            return Err(unreadable(io::Error::other("not a regular file")));
        }
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(DecodeError::Dangling {
                target: fs::read_link(path).unwrap_or_default(),
            });
        }
        Err(error) => return Err(unreadable(error)),
    }
    fs::read(path).map(Some).map_err(unreadable)
}

/// Takes the lock, trying again for a moment when it is held: a process that this one starts
/// (a browser, a child) holds a copy of every open file between its fork and its exec, and so
/// for that instant also holds the lock of a run closed just before.
fn try_lock_briefly(file: &File) -> Result<(), fs::TryLockError> {
    const TRIES: u32 = 10;
    for _ in 1..TRIES {
        match file.try_lock() {
            Err(fs::TryLockError::WouldBlock) => {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
    file.try_lock()
}

/// The run id of a file name, if it is a run file (not a previous copy, lock, damaged copy or
/// temporary file).
fn run_id_of(name: &str) -> Option<&str> {
    let id = name.strip_suffix(RUN_SUFFIX)?;
    (crate::procedure::is_valid_id(id) && !id.contains('.')).then_some(id)
}

/// The run id of any file that holds a run or a copy of one: the run file, the copy before its
/// last save, a damaged copy moved aside.
fn id_of_any(name: &str) -> Option<&str> {
    if let Some(id) = name.strip_suffix(PREVIOUS_SUFFIX) {
        return crate::procedure::is_valid_id(id).then_some(id);
    }
    if let Some((id, _)) = name.split_once(DAMAGED_INFIX) {
        return (crate::procedure::is_valid_id(id) && name.ends_with(RUN_SUFFIX)).then_some(id);
    }
    run_id_of(name)
}
