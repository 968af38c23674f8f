//! Where runs live on disk, so that closing the terminal, a crash or a power cut never loses
//! an officer's work.
//!
//! Layout under the data folder (0700):
//!
//! ```text
//! secret.key                          the key that seals secret values (0600), see [`seal`]
//! runs/                               0700
//!   qualified-signature-1.json        a run (0600), format in [`format`]
//!   qualified-signature-1.previous.json   the content before the last save (a hard link)
//!   qualified-signature-1.lock        held by the process that has the run open
//!   qualified-signature-1.damaged-20261123T091500Z.json   a file that could not be read, moved aside
//!   .tmp-…                            a save that never finished; removed when the store opens
//! ```
//!
//! Every save replaces the run file atomically (see [`atomic::replace`]). A run is opened for
//! editing by one process at a time: the second gets [`OpenError::Locked`]. The lock is an OS
//! file lock, so it goes away with the process that held it, however that process ended.

pub mod atomic;
pub mod format;
pub mod seal;

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

pub use atomic::Durability;
pub use format::{DecodeError, FILE_FORMAT};

use crate::i18n::Msg;
use crate::procedure::Procedure;
use crate::run::Run;
use format::Unreadable;
use seal::Sealer;

/// The folder of runs inside the data folder.
pub const RUNS_DIR: &str = "runs";
const RUN_SUFFIX: &str = ".json";
const PREVIOUS_SUFFIX: &str = ".previous.json";
const LOCK_SUFFIX: &str = ".lock";
const DAMAGED_INFIX: &str = ".damaged-";

/// The runs of one data folder.
#[derive(Debug)]
pub struct Store {
    runs: PathBuf,
    sealer: Arc<Sealer>,
    durability: Durability,
    /// How many unfinished temporary files were removed when the store opened.
    pub cleaned: usize,
}

/// A run file found in the store, read without opening it for editing.
#[derive(Debug)]
pub struct Listed {
    pub id: String,
    pub path: PathBuf,
    /// The run without its secret values, or why it could not be read.
    pub run: Result<Run, DecodeError>,
}

/// A run opened for editing: holds the lock until dropped, and saves.
#[derive(Debug)]
pub struct Session {
    id: String,
    path: PathBuf,
    previous: PathBuf,
    lock: File,
    sealer: Arc<Sealer>,
    durability: Durability,
    sealed_ids: BTreeSet<String>,
    unreadable: Unreadable,
    /// The file holds an older format (or plain secrets): the next save keeps no previous copy.
    migrated: bool,
}

/// What opening a run gave besides the session.
#[derive(Debug)]
pub struct Opened {
    pub run: Run,
    /// The format the file had, when it was older and has been read by migration; the next
    /// save writes the current format.
    pub migrated_from: Option<u32>,
    /// When the run was last saved, if the file says.
    pub saved: Option<Timestamp>,
    /// Secret values sealed under a key this store no longer has: they are kept in the file but
    /// cannot be shown.
    pub unreadable: Vec<String>,
}

/// Why the store could not be used at all.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {error}")]
pub struct StoreError {
    pub path: PathBuf,
    #[source]
    pub error: io::Error,
}

/// Why a run could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("there is no run {id}")]
    NotFound { id: String },
    #[error("run {id} is open in another poryadok{}", pid.map(|p| format!(" (process {p})")).unwrap_or_default())]
    Locked { id: String, pid: Option<u32> },
    #[error("run {id} could not be read ({reason}); it was moved to {moved_to}")]
    Damaged {
        id: String,
        reason: DecodeError,
        moved_to: PathBuf,
        /// The content before the last save, if it can be read: restore it with
        /// [`Store::restore_previous`].
        previous: Option<PathBuf>,
    },
    #[error(
        "run {id} was saved by a newer poryadok (format {found}, this one reads up to {supported}); the file was left as it is"
    )]
    Newer {
        id: String,
        found: u32,
        supported: u32,
    },
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        #[source]
        error: io::Error,
    },
}

/// Why a save failed. The file on disk is as it was before; the run in memory is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("could not save run {id} to {path}: {error}")]
pub struct SaveError {
    pub id: String,
    pub path: PathBuf,
    #[source]
    pub error: io::Error,
}

impl Store {
    /// Opens (creating if needed) the store in a data folder: the folders are made 0700, the key
    /// file is read or made, and temporary files of unfinished saves are removed.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        let runs = data_dir.join(RUNS_DIR);
        let at = |path: &Path| {
            let path = path.to_path_buf();
            move |error| StoreError { path, error }
        };
        atomic::private_dir(data_dir).map_err(at(data_dir))?;
        atomic::private_dir(&runs).map_err(at(&runs))?;
        let cleaned = atomic::remove_stale_temps(&runs).map_err(at(&runs))?;
        let key = seal::key_path(data_dir);
        let sealer = Sealer::open_or_create(&key).map_err(at(&key))?;
        Ok(Store {
            runs,
            sealer: Arc::new(sealer),
            durability: Durability::Sync,
            cleaned,
        })
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

    /// The file of a run.
    pub fn run_path(&self, id: &str) -> PathBuf {
        self.runs.join(format!("{id}{RUN_SUFFIX}"))
    }

    /// Every run file, sorted by id, read without locking and without secret values. Damaged
    /// files are listed with the reason (opening them moves them aside).
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let error = |error| StoreError {
            path: self.runs.clone(),
            error,
        };
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.runs).map_err(error)? {
            let entry = entry.map_err(error)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(id) = run_id_of(&name) else { continue };
            let path = entry.path();
            let run = match fs::read(&path) {
                Ok(bytes) => format::decode(&bytes, None).map(|d| d.run),
                Err(error) => Err(DecodeError::Shape {
                    format: 0,
                    message: error.to_string(),
                }),
            };
            out.push(Listed {
                id: id.to_owned(),
                path,
                run,
            });
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// Starts a new run of a procedure, saved at once, with an id made of the procedure id and
    /// the first free number (`qualified-signature-1`, `-2`, …).
    pub fn create(
        &self,
        procedure: &Procedure,
        label: &str,
        now: Timestamp,
    ) -> Result<(Session, Run), OpenError> {
        let run = Run::new(procedure, label, now);
        for n in 1.. {
            let id = format!("{}-{n}", procedure.id());
            if self.id_taken(&id)? {
                continue;
            }
            let mut session = self.lock(&id)?;
            // Another process may have taken the id between the look and the lock.
            if session.path.exists() {
                continue;
            }
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

    /// An id is taken while any file of it exists, damaged copies included, so that a new run
    /// never gets mixed up with an old one's leftovers.
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

    /// Opens a run for editing. A file that cannot be read is moved aside (never overwritten)
    /// and the error says where, and whether the content before the last save can be restored.
    pub fn open_run(&self, id: &str) -> Result<(Session, Opened), OpenError> {
        if !crate::procedure::is_valid_id(id) {
            return Err(OpenError::NotFound { id: id.to_owned() });
        }
        let path = self.run_path(id);
        if !path.exists() {
            return Err(OpenError::NotFound { id: id.to_owned() });
        }
        let mut session = self.lock(id)?;
        let bytes = fs::read(&path).map_err(|error| OpenError::Io {
            path: path.clone(),
            error,
        })?;
        match format::decode(&bytes, Some(&self.sealer)) {
            Ok(decoded) => {
                session.sealed_ids = decoded.sealed_ids;
                session.unreadable = decoded.unreadable.clone();
                session.migrated = decoded.migrated_from.is_some();
                let unreadable = decoded
                    .unreadable
                    .values
                    .keys()
                    .chain(decoded.unreadable.aside.keys())
                    .cloned()
                    .collect();
                Ok((
                    session,
                    Opened {
                        run: decoded.run,
                        migrated_from: decoded.migrated_from,
                        saved: decoded.saved,
                        unreadable,
                    },
                ))
            }
            Err(DecodeError::Newer { found, supported }) => Err(OpenError::Newer {
                id: id.to_owned(),
                found,
                supported,
            }),
            Err(reason) => {
                let moved_to = self.move_aside(id, &path)?;
                let previous = session
                    .previous
                    .exists()
                    .then(|| fs::read(&session.previous).ok())
                    .flatten()
                    .filter(|bytes| format::decode(bytes, None).is_ok())
                    .map(|_| session.previous.clone());
                Err(OpenError::Damaged {
                    id: id.to_owned(),
                    reason,
                    moved_to,
                    previous,
                })
            }
        }
    }

    /// After [`OpenError::Damaged`], puts the content before the last save back as the run and
    /// opens it.
    pub fn restore_previous(&self, id: &str) -> Result<(Session, Opened), OpenError> {
        let path = self.run_path(id);
        let session = self.lock(id)?;
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |error| OpenError::Io { path, error }
        };
        if path.exists() {
            return Err(OpenError::Io {
                path,
                error: io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "the run file is still there; only a run moved aside is restored",
                ),
            });
        }
        let bytes = fs::read(&session.previous).map_err(io(&session.previous))?;
        atomic::replace(&path, &bytes, None, self.durability).map_err(io(&path))?;
        drop(session);
        self.open_run(id)
    }

    fn lock(&self, id: &str) -> Result<Session, OpenError> {
        let lock_path = self.runs.join(format!("{id}{LOCK_SUFFIX}"));
        let io = |error| OpenError::Io {
            path: lock_path.clone(),
            error,
        };
        let mut lock = atomic::open_private(&lock_path).map_err(io)?;
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
        Ok(Session {
            id: id.to_owned(),
            path: self.run_path(id),
            previous: self.runs.join(format!("{id}{PREVIOUS_SUFFIX}")),
            lock,
            sealer: Arc::clone(&self.sealer),
            durability: self.durability,
            sealed_ids: BTreeSet::new(),
            unreadable: Unreadable::default(),
            migrated: false,
        })
    }

    /// Moves a damaged run file to a new name beside it, never replacing anything.
    fn move_aside(&self, id: &str, path: &Path) -> Result<PathBuf, OpenError> {
        let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
        for n in 1.. {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let target = self
                .runs
                .join(format!("{id}{DAMAGED_INFIX}{stamp}{suffix}{RUN_SUFFIX}"));
            // A hard link fails if the target exists, so nothing is ever replaced.
            match fs::hard_link(path, &target) {
                Ok(()) => {
                    fs::remove_file(path).map_err(|error| OpenError::Io {
                        path: path.to_path_buf(),
                        error,
                    })?;
                    let _ = atomic::sync_dir(&self.runs);
                    return Ok(target);
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => {
                    return Err(OpenError::Io {
                        path: target,
                        error,
                    });
                }
            }
        }
        unreachable!("some suffix is free")
    }
}

impl Session {
    /// The run's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The run's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the run: atomically, durably, with secret values sealed (the fields the procedure
    /// marks secret, and whatever was sealed before). The content before this save is kept as
    /// `ID.previous.json`. On failure nothing on disk changed.
    pub fn save(
        &mut self,
        procedure: &Procedure,
        run: &Run,
        now: Timestamp,
    ) -> Result<(), SaveError> {
        let mut secret = self.sealed_ids.clone();
        secret.extend(secret_field_ids(procedure));
        let bytes = format::encode(run, &secret, &self.unreadable, &self.sealer, now);
        // A file of an older format may hold secrets in plain text: no copy of it is kept.
        let keep = (!self.migrated).then_some(self.previous.as_path());
        let result = atomic::replace(&self.path, &bytes, keep, self.durability);
        let result = result.and_then(|()| {
            if self.migrated && self.previous.exists() {
                fs::remove_file(&self.previous)?;
            }
            Ok(())
        });
        result.map_err(|error| SaveError {
            id: self.id.clone(),
            path: self.path.clone(),
            error,
        })?;
        self.migrated = false;
        self.sealed_ids = secret;
        Ok(())
    }

    /// Keeps the lock file handle alive; for tests that check the lock.
    pub fn lock_file(&self) -> &File {
        &self.lock
    }
}

/// Takes the lock, trying again for a moment when it is held: a process that this one starts
/// (a browser, a child) holds a copy of every open file between its fork and its exec, and so
/// for that instant also holds the lock of a run closed just before.
fn try_lock_briefly(file: &File) -> Result<(), fs::TryLockError> {
    const TRIES: u32 = 10;
    for _ in 1..TRIES {
        match file.try_lock() {
            Err(fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
    file.try_lock()
}

/// Ids of every secret field of a procedure (form fields and step results).
pub fn secret_field_ids(procedure: &Procedure) -> impl Iterator<Item = String> + '_ {
    let file = procedure.file();
    file.forms
        .iter()
        .flat_map(|form| form.fields.iter())
        .chain(file.steps.iter().flat_map(|step| step.results.iter()))
        .filter(|field| field.secret)
        .filter_map(|field| field.id.clone())
}

/// The run id of a file name, if it is a run file (not a previous copy, lock, damaged copy or
/// temporary file).
fn run_id_of(name: &str) -> Option<&str> {
    let id = name.strip_suffix(RUN_SUFFIX)?;
    (crate::procedure::is_valid_id(id) && !id.contains('.')).then_some(id)
}

impl OpenError {
    /// The message for the officer, in their language.
    pub fn message(&self) -> Msg {
        match self {
            OpenError::NotFound { id } => Msg::new("store-not-found").arg("id", id.as_str()),
            OpenError::Locked { id, pid } => Msg::new("store-locked").arg("id", id.as_str()).arg(
                "pid",
                pid.map(|p| p.to_string()).unwrap_or_else(|| "?".into()),
            ),
            OpenError::Damaged {
                id,
                reason,
                moved_to,
                previous,
            } => Msg::new(if previous.is_some() {
                "store-damaged-previous"
            } else {
                "store-damaged"
            })
            .arg("id", id.as_str())
            .arg("reason", reason.to_string())
            .arg("moved", moved_to.display().to_string()),
            OpenError::Newer {
                id,
                found,
                supported,
            } => Msg::new("store-newer")
                .arg("id", id.as_str())
                .arg("found", *found)
                .arg("supported", *supported),
            OpenError::Io { path, error } => Msg::new("store-io")
                .arg("path", path.display().to_string())
                .arg("error", error.to_string()),
        }
    }
}

impl SaveError {
    /// The message for the officer, in their language.
    pub fn message(&self) -> Msg {
        Msg::new("store-save-failed")
            .arg("id", self.id.as_str())
            .arg("path", self.path.display().to_string())
            .arg("error", self.error.to_string())
    }
}
