//! The files an officer gives for a letter's attachments (a signed scan): copied into the run's
//! own folder `attachments/RUN/` of the data folder (0700), each file (0600) named by a hash of
//! its content, so that the run records which copy it carries and a file given twice is kept
//! once. The officer's file is read without following a symbolic link, and only up to
//! [`MAX_SIZE`].

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_128;

use super::Store;
use super::errors::reason;
use crate::fsutil;
use crate::i18n::Msg;
use crate::run::state::Attached;

/// The folder of added files inside the data folder, a folder per run.
pub const ATTACHMENTS_DIR: &str = "attachments";

/// The largest file taken: 25 MB, what mail servers commonly accept for a whole letter.
pub const MAX_SIZE: u64 = 25 * 1024 * 1024;

/// Why a file could not be taken; nothing is stored then.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    #[error("{}: no such file", path.display())]
    Missing { path: PathBuf },
    #[error("{}: a symbolic link", path.display())]
    Link { path: PathBuf },
    #[error("{}: not a regular file", path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: {size} bytes, more than {MAX_SIZE}", path.display())]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: {error}", path.display())]
    Read { path: PathBuf, error: io::Error },
    #[error("{}: {error}", path.display())]
    Write { path: PathBuf, error: io::Error },
}

impl AttachError {
    /// The message for the officer, in their language.
    pub fn message(&self) -> Msg {
        let shown =
            |path: &Path| crate::text::sanitize_line(&path.display().to_string()).into_owned();
        match self {
            AttachError::Missing { path } => Msg::new("attach-missing").arg("path", shown(path)),
            AttachError::Link { path } => Msg::new("attach-link").arg("path", shown(path)),
            AttachError::NotAFile { path } => {
                Msg::new("attach-not-a-file").arg("path", shown(path))
            }
            AttachError::TooLarge { path, size } => Msg::new("attach-too-large")
                .arg("path", shown(path))
                .arg("size", megabytes(*size))
                .arg("limit", megabytes(MAX_SIZE)),
            AttachError::Read { path, error } => Msg::new("attach-unreadable")
                .arg("path", shown(path))
                .arg("reason", reason(error)),
            AttachError::Write { path, error } => Msg::new("attach-not-stored")
                .arg("path", shown(path))
                .arg("reason", reason(error)),
        }
    }
}

/// Megabytes with one decimal, as the officer's file manager shows them.
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

impl Store {
    /// The folder of the files added to the run `id`.
    pub fn attachments_dir(&self, id: &str) -> PathBuf {
        attachments_dir(&self.runs, id)
    }

    /// Copies the officer's file at `path` into the run's folder and says what the run records
    /// of it. A missing file, a symbolic link, something that is not a regular file or a file
    /// larger than [`MAX_SIZE`] is refused, and nothing is stored.
    pub fn store_attachment(&self, id: &str, path: &Path) -> Result<Attached, AttachError> {
        let bytes = read_limited(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stored = format!("{:032x}", xxh3_128(&bytes));
        let dir = self.attachments_dir(id);
        let write = |error| AttachError::Write {
            path: dir.clone(),
            error,
        };
        fsutil::private_dir(&dir).map_err(write)?;
        match fsutil::create_new(&dir.join(&stored), &bytes, self.durability) {
            Ok(()) => {
                if self.durability == fsutil::Durability::Sync {
                    fsutil::sync_dir(&dir).map_err(write)?;
                }
            }
            // The same content was given before: the copy is there already.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(write(error)),
        }
        Ok(Attached {
            name,
            stored,
            size: bytes.len() as u64,
        })
    }
}

/// The folder of a run's added files, beside the runs folder `runs`.
pub fn attachments_dir(runs: &Path, id: &str) -> PathBuf {
    runs.parent().unwrap_or(runs).join(ATTACHMENTS_DIR).join(id)
}

/// Reads an added file's copy from the run's folder `dir`, without following a symbolic link.
/// A name that is not one the store makes (a run file edited by hand) is not looked for: it is
/// said to be missing.
pub fn read_stored(dir: &Path, file: &Attached) -> Result<Vec<u8>, AttachError> {
    let plain = file.stored.len() == 32 && file.stored.bytes().all(|b| b.is_ascii_hexdigit());
    let missing = || AttachError::Missing {
        path: dir.to_path_buf(),
    };
    if !plain {
        return Err(missing());
    }
    read_limited(&dir.join(&file.stored)).map_err(|e| match e {
        AttachError::Missing { .. } => missing(),
        e => e,
    })
}

/// The file at `path`, opened without following a symbolic link, read up to [`MAX_SIZE`].
fn read_limited(path: &Path) -> Result<Vec<u8>, AttachError> {
    use std::os::unix::fs::OpenOptionsExt;
    let owned = || path.to_path_buf();
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => AttachError::Missing { path: owned() },
            _ if fsutil::is_link_refused(&error) => AttachError::Link { path: owned() },
            _ => AttachError::Read {
                path: owned(),
                error,
            },
        })?;
    let meta = file.metadata().map_err(|error| AttachError::Read {
        path: owned(),
        error,
    })?;
    if !meta.is_file() {
        return Err(AttachError::NotAFile { path: owned() });
    }
    if meta.len() > MAX_SIZE {
        return Err(AttachError::TooLarge {
            path: owned(),
            size: meta.len(),
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // A file that grows while it is read is cut off one byte past the limit, and refused.
    file.take(MAX_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| AttachError::Read {
            path: owned(),
            error,
        })?;
    if bytes.len() as u64 > MAX_SIZE {
        return Err(AttachError::TooLarge {
            path: owned(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}
