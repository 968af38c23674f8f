//! Writing a file so that a crash, a kill or a power cut leaves either the old content or the
//! new one, never a mix, and private folders and files whatever the umask.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

/// The prefix of temporary files; anything starting with it in a store folder is left over from
/// a save that did not finish and is removed when the store opens.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Creates the folder (and its parents) if needed and makes it 0700: umask cannot widen it.
pub fn private_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if !path.is_dir() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(path)?;
        }
        // The mode given at creation is masked by the umask, and the folder may be older.
        let mode = fs::metadata(path)?.permissions().mode() & 0o777;
        if mode != 0o700 {
            fs::set_permissions(path, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(path)
    }
}

/// Makes an existing file readable and writable by its owner only.
pub fn private_file(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        Ok(())
    }
}

/// Opens (creating if needed) a private file for reading and writing, without truncating it.
pub fn open_private(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    private_file(&file)?;
    Ok(file)
}

/// Replaces `path` with `bytes`: a temporary file in the same folder is written, flushed to the
/// disk, and renamed over the target; then the folder itself is flushed so that the rename
/// survives a power cut. If anything fails, the target is untouched and the temporary file is
/// removed.
///
/// With `keep_previous`, the content `path` had before is kept at that path (as a hard link to
/// the old file, so nothing is copied), replacing what was there.
pub fn replace(
    path: &Path,
    bytes: &[u8],
    keep_previous: Option<&Path>,
    durability: Durability,
) -> io::Result<()> {
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
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".part")
        .tempfile_in(dir)?;
    // tempfile creates 0600 files already; say so explicitly rather than rely on it.
    private_file(temp.as_file())?;
    write(temp.as_file_mut())?;
    if durability == Durability::Sync {
        temp.as_file().sync_all()?;
    }
    if let Some(previous) = keep_previous {
        keep_link(path, previous, dir)?;
    }
    // On failure `persist` hands the file back; dropping it removes the temporary file.
    temp.persist(path).map_err(|error| error.error)?;
    if durability == Durability::Sync {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Points `previous` at the current content of `path` (if it exists) with a hard link made
/// under a temporary name and renamed into place, so `previous` is never half-made. A file
/// system without hard links (FAT on a USB stick) simply keeps no previous copy.
fn keep_link(path: &Path, previous: &Path, dir: &Path) -> io::Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let staging = temp_name(dir, "link");
    match fs::hard_link(path, &staging) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::Unsupported => return Ok(()),
        Err(error) if error.raw_os_error() == Some(PERMISSION_OR_UNSUPPORTED) => return Ok(()),
        Err(error) => return Err(error),
    }
    fs::rename(&staging, previous).inspect_err(|_| {
        let _ = fs::remove_file(&staging);
    })
}

/// EPERM: what Linux answers for `link` on file systems that have no hard links.
const PERMISSION_OR_UNSUPPORTED: i32 = 1;

fn temp_name(dir: &Path, kind: &str) -> PathBuf {
    let mut random = [0u8; 8];
    // Uniqueness only matters against other saves in this folder, which the lock excludes.
    let _ = getrandom::fill(&mut random);
    let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
    dir.join(format!("{TEMP_PREFIX}{kind}-{suffix}"))
}

/// Flushes a folder's entries (a rename) to the disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes temporary files left by saves that never finished (a crash, a kill). Returns how
/// many were removed.
pub fn remove_stale_temps(dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
            && entry.file_type()?.is_file()
        {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with(TEMP_PREFIX)),
            "{names:?}"
        );
    }

    #[test]
    fn stale_temporary_files_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".tmp-abc.part"), b"half").unwrap();
        fs::write(dir.path().join("run.json"), b"{}").unwrap();
        assert_eq!(remove_stale_temps(dir.path()).unwrap(), 1);
        assert!(dir.path().join("run.json").exists());
        assert!(!dir.path().join(".tmp-abc.part").exists());
    }

    #[cfg(unix)]
    #[test]
    fn private_dir_tightens_an_existing_open_folder() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("a/b");
        fs::create_dir_all(&inner).unwrap();
        fs::set_permissions(&inner, fs::Permissions::from_mode(0o755)).unwrap();
        private_dir(&inner).unwrap();
        let mode = fs::metadata(&inner).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}
