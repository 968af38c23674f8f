//! Opening a run, and what happens when its file cannot be read: the file (or the folder or
//! link in its place) is moved aside, never overwritten, and [`Store::recover`] puts the copy
//! before the last save back, whatever state the run's files are in.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::errors::OpenError;
use super::format::{self, DecodeError};
use super::session::{Opened, Session};
use super::{DAMAGED_INFIX, RUN_SUFFIX, Store, read_run_file};
use crate::fsutil;
use crate::i18n::Msg;

/// What [`Store::recover`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Recovered {
    /// The run reads as it is: nothing was touched.
    NotNeeded,
    /// The copy before the last save was put back as the run; what was in the run file's place
    /// (if anything) was moved to `moved_to`.
    Restored { moved_to: Option<PathBuf> },
}

impl Store {
    /// Opens a run for editing. A file that cannot be read (or a folder or a link to nothing in
    /// its place) is moved aside, never overwritten, and the error says where, and whether the
    /// content before the last save can be restored ([`Store::recover`]).
    pub fn open_run(&self, id: &str) -> Result<(Session, Opened), OpenError> {
        if !crate::procedure::is_valid_id(id) {
            return Err(OpenError::NotFound { id: id.to_owned() });
        }
        let path = self.run_path(id);
        if fs::symlink_metadata(&path).is_err() {
            return Err(self.missing(id));
        }
        let mut session = self.lock(id)?;
        let bytes = match read_run_file(&path) {
            Ok(Some(bytes)) => bytes,
            // Gone between the look and the lock.
            Ok(None) => return Err(self.missing(id)),
            Err(reason) => return Err(self.damaged(id, &path, reason)?),
        };
        match format::decode(&bytes, Some(&self.sealer)) {
            Ok(decoded) => {
                session.plain_secrets = decoded.migrated_from == Some(1);
                let unreadable = decoded
                    .unreadable
                    .values
                    .keys()
                    .chain(decoded.unreadable.aside.keys())
                    .cloned()
                    .collect();
                session.unreadable = decoded.unreadable;
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
            Err(reason) => Err(self.damaged(id, &path, reason)?),
        }
    }

    /// Reads a run as it is on disk, with its secret values when `with_secrets`, without
    /// opening it for editing (a run open in the wizard can be read). The notice says which
    /// secret values the key does not open, if any.
    pub fn read(&self, id: &str, with_secrets: bool) -> Result<(Opened, Option<Msg>), OpenError> {
        let path = self.run_path(id);
        if !crate::procedure::is_valid_id(id) {
            return Err(OpenError::NotFound { id: id.to_owned() });
        }
        let bytes = match read_run_file(&path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Err(self.missing(id)),
            Err(reason) => return Err(self.damaged_in_place(id, reason)),
        };
        // Read with the key either way, to tell which secret values it does not open.
        let mut decoded = match format::decode(&bytes, Some(&self.sealer)) {
            Ok(decoded) => decoded,
            Err(DecodeError::Newer { found, supported }) => {
                return Err(OpenError::Newer {
                    id: id.to_owned(),
                    found,
                    supported,
                });
            }
            Err(reason) => return Err(self.damaged_in_place(id, reason)),
        };
        if !with_secrets {
            strip_secrets(&mut decoded.run);
        }
        let unreadable: Vec<String> = decoded
            .unreadable
            .values
            .keys()
            .chain(decoded.unreadable.aside.keys())
            .cloned()
            .collect();
        let opened = Opened {
            run: decoded.run,
            migrated_from: decoded.migrated_from,
            saved: decoded.saved,
            unreadable,
        };
        let notice = opened.unreadable_notice(id, &self.key);
        Ok((opened, notice))
    }

    /// Gets a run back whatever state its files are in: a run that reads is left alone; a file
    /// that does not read (or a folder or link in its place) is moved aside, and the copy before
    /// the last save is put back as the run, if it reads. With nothing that reads, the error
    /// names the copies kept aside.
    pub fn recover(&self, id: &str) -> Result<Recovered, OpenError> {
        if !crate::procedure::is_valid_id(id) {
            return Err(OpenError::NotFound { id: id.to_owned() });
        }
        let session = self.lock(id)?;
        let path = self.run_path(id);
        let moved_to = match read_run_file(&path) {
            Ok(None) => None,
            Ok(Some(bytes)) => match format::decode(&bytes, None) {
                Ok(_) => return Ok(Recovered::NotNeeded),
                Err(DecodeError::Newer { found, supported }) => {
                    return Err(OpenError::Newer {
                        id: id.to_owned(),
                        found,
                        supported,
                    });
                }
                Err(_) => Some(self.move_aside(id, &path)?),
            },
            Err(_) => Some(self.move_aside(id, &path)?),
        };
        let Some(previous) = self.readable_previous(id) else {
            let aside = self.aside_copies(id);
            return Err(if aside.is_empty() && moved_to.is_none() {
                OpenError::NotFound { id: id.to_owned() }
            } else {
                OpenError::NothingToRestore {
                    id: id.to_owned(),
                    aside,
                }
            });
        };
        fsutil::replace(&path, &previous, None, self.durability).map_err(|error| {
            OpenError::Io {
                path: path.clone(),
                error: error.into(),
            }
        })?;
        drop(session);
        Ok(Recovered::Restored { moved_to })
    }

    /// After [`OpenError::Damaged`], puts the content before the last save back as the run and
    /// opens it.
    pub fn restore_previous(&self, id: &str) -> Result<(Session, Opened), OpenError> {
        self.recover(id)?;
        self.open_run(id)
    }

    /// The content before the last save, if it reads (its checksum included).
    fn readable_previous(&self, id: &str) -> Option<Vec<u8>> {
        let bytes = read_run_file(&self.previous_path(id)).ok()??;
        format::decode(&bytes, None).is_ok().then_some(bytes)
    }

    /// Damaged copies of a run moved aside, oldest first.
    fn aside_copies(&self, id: &str) -> Vec<PathBuf> {
        let prefix = format!("{id}{DAMAGED_INFIX}");
        let mut out: Vec<PathBuf> = fs::read_dir(&self.runs)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            .map(|e| e.path())
            .collect();
        out.sort();
        out
    }

    /// The error for a run whose file is not there: not found, or missing with copies kept.
    fn missing(&self, id: &str) -> OpenError {
        let previous = self.readable_previous(id).map(|_| self.previous_path(id));
        let aside = self.aside_copies(id);
        if previous.is_none() && aside.is_empty() {
            OpenError::NotFound { id: id.to_owned() }
        } else {
            OpenError::Missing {
                id: id.to_owned(),
                previous,
                aside,
            }
        }
    }

    /// Moves a run file that does not read aside (under the run's lock) and says so.
    fn damaged(&self, id: &str, path: &Path, reason: DecodeError) -> Result<OpenError, OpenError> {
        let moved_to = self.move_aside(id, path)?;
        Ok(OpenError::Damaged {
            id: id.to_owned(),
            reason,
            moved_to,
            previous: self.readable_previous(id).map(|_| self.previous_path(id)),
        })
    }

    /// A run file that does not read, left where it is (a reading without the lock).
    fn damaged_in_place(&self, id: &str, reason: DecodeError) -> OpenError {
        OpenError::Unreadable {
            id: id.to_owned(),
            reason,
            previous: self.readable_previous(id).map(|_| self.previous_path(id)),
        }
    }

    /// Moves what is in a run file's place (a damaged file, a folder, a link) to a new name
    /// beside it, never replacing anything. The caller holds the run's lock.
    fn move_aside(&self, id: &str, path: &Path) -> Result<PathBuf, OpenError> {
        let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
        let is_file = fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
        for n in 1.. {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let target = self
                .runs
                .join(format!("{id}{DAMAGED_INFIX}{stamp}{suffix}{RUN_SUFFIX}"));
            let io = |error| OpenError::Io {
                path: path.to_path_buf(),
                error,
            };
            let moved = if is_file {
                // A hard link fails if the target exists, so nothing is ever replaced.
                fs::hard_link(path, &target).and_then(|()| fs::remove_file(path))
            } else if fs::symlink_metadata(&target).is_ok() {
                Err(io::Error::from(io::ErrorKind::AlreadyExists))
            } else {
                // A folder or a link: renamed as it is (the lock keeps other poryadoks out).
                fs::rename(path, &target)
            };
            match moved {
                Ok(()) => {
                    let _ = fsutil::sync_dir(&self.runs);
                    return Ok(target);
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(io(error)),
            }
        }
        unreachable!("some suffix is free")
    }
}

/// Takes a run's secret values out of memory: its secret fields' values, those kept aside, and
/// those its journal holds.
fn strip_secrets(run: &mut crate::run::Run) {
    use crate::run::state::Recorded;
    for id in &run.secret {
        run.values.remove(id);
        run.aside.values.remove(id);
    }
    for entry in &mut run.journal {
        for recorded in [&mut entry.old, &mut entry.new] {
            if let Some(Recorded::Secret { value, .. }) = recorded {
                *value = None;
            }
        }
    }
}
