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
use crate::run::command::Command;
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

impl Store {
    /// The change that gives the file at `path` for the `number`-th attachment the officer adds
    /// to the letters of the step `step` of the run `id` (`attach_files`), the file copied into
    /// the run's folder first ([`Store::store_attachment`]); with no `path`, the change that
    /// takes the file given before away. The command line (`poryadok attach`) and the wizard
    /// both make it here; the engine checks the step and the number when it applies it.
    pub fn attach_command(
        &self,
        id: &str,
        step: &str,
        number: usize,
        path: Option<&Path>,
    ) -> Result<Command, AttachError> {
        let file = match path {
            Some(path) => Some(self.store_attachment(id, path)?),
            None => None,
        };
        Ok(Command::Attach {
            step: step.to_owned(),
            number,
            file,
        })
    }
}

/// A path as the officer types or pastes it: spaces around it and the quotes a file manager
/// puts around a path it copies left out, a leading `~` read as the home folder `home`.
pub fn typed_path(typed: &str, home: Option<&Path>) -> PathBuf {
    let mut text = typed.trim();
    for quote in ['\'', '"'] {
        if text.len() >= 2 && text.starts_with(quote) && text.ends_with(quote) {
            text = &text[1..text.len() - 1];
        }
    }
    match (text.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) if rest.starts_with('/') => home.join(&rest[1..]),
        _ => PathBuf::from(text),
    }
}

/// A file's size as a file manager shows it: bytes, kilobytes or megabytes with one decimal.
pub fn size_words(bytes: u64) -> Msg {
    const KB: u64 = 1024;
    if bytes < KB {
        Msg::new("attach-size-bytes").arg("size", bytes as usize)
    } else if bytes < KB * KB {
        Msg::new("attach-size-kb").arg("size", bytes.div_ceil(KB) as usize)
    } else {
        Msg::new("attach-size-mb").arg("size", megabytes(bytes))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_path_has_its_home_folder_and_loses_its_quotes() {
        let home = Path::new("/home/officer");
        let read = |typed: &str| typed_path(typed, Some(home));
        assert_eq!(
            read("~/Документы/скан.pdf"),
            home.join("Документы/скан.pdf")
        );
        assert_eq!(read("  ~  "), home);
        assert_eq!(
            read("'/tmp/скан заявки.pdf'"),
            Path::new("/tmp/скан заявки.pdf")
        );
        assert_eq!(read("\"~/скан.pdf\" "), home.join("скан.pdf"));
        // Another user's home folder is not guessed; a `~` inside a name is a letter.
        assert_eq!(read("~other/скан.pdf"), Path::new("~other/скан.pdf"));
        assert_eq!(read("/tmp/a~b"), Path::new("/tmp/a~b"));
        assert_eq!(typed_path("~/скан.pdf", None), Path::new("~/скан.pdf"));
    }

    #[test]
    fn a_size_is_said_in_the_unit_a_file_manager_uses() {
        use crate::i18n::Lang;
        let said = |bytes| size_words(bytes).text(Lang::Ru);
        assert_eq!(said(512), "512 байт");
        assert_eq!(said(70_009), "69 КБ");
        assert_eq!(said(3 * 1024 * 1024 + 512 * 1024), "3.5 МБ");
        assert_eq!(size_words(1).text(Lang::En), "1 byte");
    }
}
