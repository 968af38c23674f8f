//! Writing files so that a crash, a kill, a full disk or a power cut leaves either the old
//! content or the new one, never a mix; private folders and files whatever the umask; and files
//! of poryadok's own opened without following a symbolic link someone put in their place.
//!
//! A leaf: the store (runs, the key), the procedure cache and the export all write through here,
//! and nothing here knows any of them.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Whether saves wait for the disk. Always [`Durability::Sync`] for officers' data; the
/// benchmark measures the work poryadok itself does with [`Durability::NoSync`], and the cache
/// of procedures, which the procedure files can always rebuild, is written without waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// fsync the file before the rename and the folder after it.
    Sync,
    /// Skip both fsyncs (benchmarks and the procedure cache).
    NoSync,
}

/// The prefix of temporary files. A temporary file is named after the file it is to become,
/// `.tmp-<name>~<random>`, so that whoever cleans up can tell whose it is (see [`temps`]).
pub const TEMP_PREFIX: &str = ".tmp-";
const TEMP_SEPARATOR: char = '~';

/// Why [`replace`] failed, and whether the file already holds the new content.
#[derive(Debug, thiserror::Error)]
pub enum ReplaceError {
    /// Nothing changed: the file has its old content (or is still missing).
    #[error("{0}")]
    NotWritten(io::Error),
    /// The file holds the new content, but the folder could not be flushed to the disk: until
    /// the system writes it out by itself, a power cut could bring back the old content.
    #[error("the new content is in place, but the folder could not be flushed to the disk: {0}")]
    NotFlushed(io::Error),
}

impl ReplaceError {
    /// The operating system's error underneath.
    pub fn io(&self) -> &io::Error {
        match self {
            ReplaceError::NotWritten(error) | ReplaceError::NotFlushed(error) => error,
        }
    }
}

impl From<ReplaceError> for io::Error {
    fn from(error: ReplaceError) -> io::Error {
        match error {
            ReplaceError::NotWritten(error) => error,
            ReplaceError::NotFlushed(error) => {
                io::Error::new(error.kind(), ReplaceError::NotFlushed(error))
            }
        }
    }
}

/// Creates the folder (and its parents) if needed and makes it 0700: umask cannot widen it. A
/// folder made here is flushed into its parent, so that it survives a power cut with the files
/// saved in it.
pub fn private_dir(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if !path.is_dir() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)?;
        // Best effort: a parent that cannot be flushed still holds the folder until the
        // system writes it out.
        let _ = sync_dir(parent(path));
    }
    // The mode given at creation is masked by the umask, and the folder may be older.
    let mode = fs::metadata(path)?.permissions().mode() & 0o777;
    if mode != 0o700 {
        fs::set_permissions(path, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Makes an open file readable and writable by its owner only.
pub fn private_file(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

/// Makes an existing file private if anyone but its owner may read or write it (a file copied
/// in, restored from a backup or made by an older poryadok); a private one is left alone.
pub fn tighten(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = file.metadata()?.permissions().mode();
    if mode & 0o077 != 0 {
        file.set_permissions(fs::Permissions::from_mode(mode & 0o700))?;
    }
    Ok(())
}

/// Opens (creating if needed) a private file for reading and writing, without truncating it and
/// without following a symbolic link in its place: a link there fails with `ELOOP` (see
/// [`is_link_refused`]) and the file it points to is not touched.
pub fn open_private(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)?;
    tighten(&file)?;
    Ok(file)
}

/// Whether an open failed because a symbolic link was in the file's place.
pub fn is_link_refused(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::ELOOP)
}

/// Replaces `path` with `bytes`: a temporary file in the same folder is written, flushed to the
/// disk, and renamed over the target; then the folder itself is flushed so that the rename
/// survives a power cut. If anything fails before the rename, the target is untouched and the
/// temporary file is removed ([`ReplaceError::NotWritten`]); if only the last flush fails, the
/// target holds the new content and the error says so ([`ReplaceError::NotFlushed`]).
///
/// With `keep_previous`, the content `path` had before is kept at that path (as a hard link to
/// the old file, so nothing is copied), replacing what was there.
pub fn replace(
    path: &Path,
    bytes: &[u8],
    keep_previous: Option<&Path>,
    durability: Durability,
) -> Result<(), ReplaceError> {
    replace_with(
        path,
        |file| file.write_all(bytes),
        keep_previous,
        durability,
    )
}

/// [`replace`], the new content written by `write` as it is made rather than held in memory
/// whole first (the cache of procedures writes megabytes this way).
pub fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
    keep_previous: Option<&Path>,
    durability: Durability,
) -> Result<(), ReplaceError> {
    replace_flushing(path, write, keep_previous, durability, sync_dir)
}

/// [`replace_with`] with the folder flushed by `flush_dir` (tests give one that fails).
fn replace_flushing(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
    keep_previous: Option<&Path>,
    durability: Durability,
    flush_dir: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), ReplaceError> {
    let dir = parent(path);
    let written = || -> io::Result<()> {
        let mut temp = temp_file(path)?;
        write(temp.as_file_mut())?;
        if durability == Durability::Sync {
            temp.as_file().sync_all()?;
        }
        if let Some(previous) = keep_previous {
            keep_link(path, previous, dir)?;
        }
        // On failure `persist` hands the file back; dropping it removes the temporary file.
        temp.persist(path).map_err(|error| error.error)?;
        Ok(())
    };
    written().map_err(ReplaceError::NotWritten)?;
    if durability == Durability::Sync {
        flush_dir(dir).map_err(ReplaceError::NotFlushed)?;
    }
    Ok(())
}

/// Writes a new file at `path`, whole or not at all: the content goes to a temporary file that
/// is flushed and then linked in under the name only if nothing has that name yet (the error is
/// then [`io::ErrorKind::AlreadyExists`]). A full disk never leaves an empty or cut-short file.
/// The folder is not flushed here: a caller writing several files flushes it once.
pub fn create_new(path: &Path, bytes: &[u8], durability: Durability) -> io::Result<()> {
    let mut temp = temp_file(path)?;
    temp.write_all(bytes)?;
    if durability == Durability::Sync {
        temp.as_file().sync_all()?;
    }
    temp.persist_noclobber(path).map_err(|error| error.error)?;
    Ok(())
}

/// A new private temporary file beside `path`, named after it.
fn temp_file(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{name}{TEMP_SEPARATOR}"))
        .tempfile_in(parent(path))?;
    // tempfile creates 0600 files already; say so explicitly rather than rely on it.
    private_file(temp.as_file())?;
    Ok(temp)
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Points `previous` at the current content of `path` (if it exists) with a hard link made
/// under a temporary name and renamed into place, so `previous` is never half-made. A file
/// system without hard links (FAT on a USB stick) simply keeps no previous copy.
fn keep_link(path: &Path, previous: &Path, dir: &Path) -> io::Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let staging = temp_name(dir, previous);
    match fs::hard_link(path, &staging) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::Unsupported => return Ok(()),
        Err(error) if error.raw_os_error() == Some(libc::EPERM) => return Ok(()),
        Err(error) => return Err(error),
    }
    fs::rename(&staging, previous).inspect_err(|_| {
        let _ = fs::remove_file(&staging);
    })
}

fn temp_name(dir: &Path, target: &Path) -> PathBuf {
    let mut random = [0u8; 8];
    // Uniqueness only matters against other saves of this file, which the run's lock excludes.
    let _ = getrandom::fill(&mut random);
    let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!("{TEMP_PREFIX}{name}{TEMP_SEPARATOR}{suffix}"))
}

/// Flushes a folder's entries (a rename) to the disk. A file system that cannot flush a folder
/// at all (it answers `EINVAL`) has nothing more to do.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir)?.sync_all() {
        Err(error) if error.raw_os_error() == Some(libc::EINVAL) => Ok(()),
        other => other,
    }
}

/// A temporary file found in a folder.
#[derive(Debug)]
pub struct Temp {
    pub path: PathBuf,
    /// The name of the file it was to become; `None` for a name this build did not make.
    pub target: Option<String>,
    pub modified: Option<SystemTime>,
}

/// The temporary files in a folder (regular files only). Whether one is left over from a save
/// that never finished or belongs to a save under way is for the caller to tell.
pub fn temps(dir: &Path) -> io::Result<Vec<Temp>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(TEMP_PREFIX) else {
            continue;
        };
        let meta = entry.metadata()?;
        if !meta.is_file() {
            continue;
        }
        out.push(Temp {
            path: entry.path(),
            target: rest
                .rsplit_once(TEMP_SEPARATOR)
                .map(|(target, _)| target.to_owned()),
            modified: meta.modified().ok(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn replace_keeps_the_previous_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.json");
        let previous = dir.path().join("run.previous.json");
        replace(&path, b"one", Some(&previous), Durability::Sync).unwrap();
        assert!(!previous.exists(), "nothing to keep before the first save");
        replace(&path, b"two", Some(&previous), Durability::Sync).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(&previous).unwrap(), b"one");
        replace(&path, b"three", Some(&previous), Durability::NoSync).unwrap();
        assert_eq!(fs::read(&previous).unwrap(), b"two");
        assert!(temps(dir.path()).unwrap().is_empty());
    }

    /// Item 12 of the fault battery: a folder flush that fails after the rename is told apart
    /// from a save that did not happen, because the file does hold the change.
    #[test]
    fn a_failed_folder_flush_after_the_rename_says_the_file_holds_the_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.json");
        replace(&path, b"old", None, Durability::Sync).unwrap();
        let failing = |_: &Path| Err(io::Error::from_raw_os_error(libc::EIO));
        let error = replace_flushing(
            &path,
            |file| file.write_all(b"new"),
            None,
            Durability::Sync,
            failing,
        )
        .unwrap_err();
        assert!(matches!(error, ReplaceError::NotFlushed(_)), "{error:?}");
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(error.to_string().contains("new content is in place"));
        // A failure before the rename is NotWritten, and the file keeps its content.
        let error = replace_flushing(
            &path,
            |_| Err(io::Error::from_raw_os_error(libc::ENOSPC)),
            None,
            Durability::Sync,
            sync_dir,
        )
        .unwrap_err();
        assert!(matches!(error, ReplaceError::NotWritten(_)), "{error:?}");
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(temps(dir.path()).unwrap().is_empty());
    }

    #[test]
    fn temporary_files_say_whose_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let kept = temp_file(&dir.path().join("a-1.json")).unwrap();
        fs::write(dir.path().join(".tmp-abc.part"), b"old build").unwrap();
        fs::write(dir.path().join("a-1.json"), b"{}").unwrap();
        let mut found: Vec<Option<String>> = temps(dir.path())
            .unwrap()
            .into_iter()
            .map(|t| t.target)
            .collect();
        found.sort();
        assert_eq!(found, [None, Some("a-1.json".to_owned())]);
        drop(kept);
    }

    #[test]
    fn a_new_file_is_written_whole_and_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("form.docx");
        create_new(&path, b"one", Durability::Sync).unwrap();
        let error = create_new(&path, b"two", Durability::Sync).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(temps(dir.path()).unwrap().is_empty());
    }

    #[test]
    fn a_link_in_place_of_a_private_file_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        fs::write(&target, b"keep").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        let link = dir.path().join("x.lock");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let error = open_private(&link).unwrap_err();
        assert!(is_link_refused(&error), "{error}");
        assert_eq!(fs::read(&target).unwrap(), b"keep");
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }

    #[test]
    fn an_open_file_is_tightened_and_a_private_one_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key");
        fs::write(&path, b"k").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        tighten(&File::open(&path).unwrap()).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn private_dir_tightens_an_existing_open_folder() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("a/b");
        fs::create_dir_all(&inner).unwrap();
        fs::set_permissions(&inner, fs::Permissions::from_mode(0o755)).unwrap();
        private_dir(&inner).unwrap();
        let mode = fs::metadata(&inner).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}
