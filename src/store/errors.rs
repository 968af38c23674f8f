//! What can go wrong with the store, and how it is said to the officer: what happened, to which
//! run, where on the disk, and what to do, in their language.

use std::io;
use std::path::{Path, PathBuf};

use super::format::DecodeError;
use super::seal::KeyError;
use crate::i18n::Msg;

/// Why the store could not be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum StoreOpenError {
    /// The data folder or the runs folder could not be made or made private.
    #[error("{}: {error}", path.display())]
    Folder { path: PathBuf, error: io::Error },
    /// The key that seals secret values could not be had.
    #[error(transparent)]
    Key(#[from] KeyError),
}

impl StoreOpenError {
    /// The message for the officer, in their language.
    pub fn message(&self) -> Msg {
        match self {
            StoreOpenError::Folder { path, error } => io_msg(path, error),
            StoreOpenError::Key(error) => error.message(),
        }
    }
}

/// Why the runs could not be listed.
#[derive(Debug, thiserror::Error)]
#[error("{}: {error}", path.display())]
pub struct StoreError {
    pub path: PathBuf,
    #[source]
    pub error: io::Error,
}

impl StoreError {
    /// The message for the officer, in their language.
    pub fn message(&self) -> Msg {
        io_msg(&self.path, &self.error)
    }
}

/// Why a run could not be opened (or recovered).
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("there is no run {id}")]
    NotFound { id: String },
    #[error("run {id} is open in another poryadok{}", pid.map(|p| format!(" (process {p})")).unwrap_or_default())]
    Locked { id: String, pid: Option<u32> },
    #[error("a run {id} exists already")]
    Taken { id: String },
    #[error("run {id} could not be read ({reason}); it was moved to {}", moved_to.display())]
    Damaged {
        id: String,
        reason: DecodeError,
        moved_to: PathBuf,
        /// The content before the last save, if it can be read: `poryadok recover` (or
        /// [`super::Store::recover`]) restores it.
        previous: Option<PathBuf>,
    },
    /// The run file does not read; it was left where it is (read without the lock, by
    /// `status` or `export`).
    #[error("run {id} cannot be read ({reason})")]
    Unreadable {
        id: String,
        reason: DecodeError,
        previous: Option<PathBuf>,
    },
    /// The run file is gone (moved aside as damaged) but copies of it are kept.
    #[error("the file of run {id} is not there; copies of it are kept")]
    Missing {
        id: String,
        /// The content before the last save, if it can be read.
        previous: Option<PathBuf>,
        /// Damaged copies moved aside, oldest first.
        aside: Vec<PathBuf>,
    },
    /// `recover` found nothing it could restore.
    #[error("run {id} cannot be restored: no readable copy is kept")]
    NothingToRestore { id: String, aside: Vec<PathBuf> },
    #[error(
        "run {id} was saved by a newer poryadok (format {found}, this one reads up to {supported}); the file was left as it is"
    )]
    Newer {
        id: String,
        found: u32,
        supported: u32,
    },
    /// A symbolic link where poryadok keeps a file of its own (a lock): not followed.
    #[error("{} is a symbolic link; poryadok does not follow links in its runs folder", path.display())]
    Link { path: PathBuf },
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        error: io::Error,
    },
}

impl OpenError {
    /// The message for the officer, in their language.
    pub fn message(&self) -> Msg {
        let list = |paths: &[PathBuf]| {
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            OpenError::NotFound { id } => Msg::new("store-not-found").arg("id", id.as_str()),
            OpenError::Taken { id } => Msg::new("store-taken").arg("id", id.as_str()),
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
            .arg("reason", reason.message())
            .arg("moved", moved_to.display().to_string()),
            OpenError::Unreadable {
                id,
                reason,
                previous,
            } => Msg::new(if previous.is_some() {
                "store-unreadable-previous"
            } else {
                "store-unreadable"
            })
            .arg("id", id.as_str())
            .arg("reason", reason.message()),
            OpenError::Missing {
                id,
                previous,
                aside,
            } => Msg::new(if previous.is_some() {
                "store-missing-previous"
            } else {
                "store-missing"
            })
            .arg("id", id.as_str())
            .arg(
                "aside",
                if aside.is_empty() {
                    "none".to_owned()
                } else {
                    list(aside)
                },
            ),
            OpenError::NothingToRestore { id, aside } => Msg::new("store-nothing-to-restore")
                .arg("id", id.as_str())
                .arg("aside", list(aside)),
            OpenError::Newer {
                id,
                found,
                supported,
            } => Msg::new("store-newer")
                .arg("id", id.as_str())
                .arg("found", *found)
                .arg("supported", *supported),
            OpenError::Link { path } => {
                Msg::new("store-link").arg("path", path.display().to_string())
            }
            OpenError::Io { path, error } => io_msg(path, error),
        }
    }
}

/// Why a save failed.
#[derive(Debug, thiserror::Error)]
#[error("could not save run {id} to {}: {error}", path.display())]
pub struct SaveError {
    pub id: String,
    pub path: PathBuf,
    #[source]
    pub error: io::Error,
    /// The file does hold the change: only flushing its folder to the disk failed, so a power
    /// cut before the system writes it out could bring back the content before it. Otherwise
    /// the file on disk is as it was before, and the change is only in memory.
    pub written: bool,
}

impl SaveError {
    /// The message for the officer, in their language: what happened, why, and where.
    pub fn message(&self) -> Msg {
        let folder = self.path.parent().unwrap_or(Path::new("."));
        Msg::new(if self.written {
            "store-save-unflushed"
        } else {
            "store-save-failed"
        })
        .arg("id", self.id.as_str())
        .arg("path", self.path.display().to_string())
        .arg("folder", folder.display().to_string())
        .arg("reason", reason(&self.error))
    }
}

fn io_msg(path: &Path, error: &io::Error) -> Msg {
    Msg::new("store-io")
        .arg("path", path.display().to_string())
        .arg("error", reason(error))
}

/// What an error of the operating system means, in the officer's words, with the system's own
/// words after it for whoever helps them.
pub fn reason(error: &io::Error) -> Msg {
    use io::ErrorKind as K;
    let id = match error.kind() {
        K::StorageFull => "store-reason-full",
        K::QuotaExceeded => "store-reason-quota",
        K::ReadOnlyFilesystem => "store-reason-read-only",
        K::PermissionDenied => "store-reason-permission",
        K::NotFound => "store-reason-missing",
        K::NotADirectory => "store-reason-not-folder",
        _ if crate::fsutil::is_link_refused(error) => "store-reason-link",
        _ => "store-reason-other",
    };
    Msg::new(id).arg("os", os_words(error))
}

/// What the system said, without the error number it appends (" (os error 28)") and what a
/// wrapper appended after it (the temporary file's path, which the message names otherwise).
fn os_words(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}
