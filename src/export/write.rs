//! Writing exported files: one folder per run, replaced as a whole. The new documents are
//! written into a private folder beside the old one and swapped in only when every one of them
//! is whole, so an interrupted or failed export leaves the previous folder as it was. A folder
//! is only ever replaced when poryadok made it (it holds [`MARKER`]) or it is empty: an
//! officer's own folder named with `--out` is never emptied. Names are plain file names, files
//! only their owner reads.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::fsutil::{self, Durability};

/// One exported file, before it is written: its name (made with [`file_name`]) and content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The file that marks a folder as one poryadok made for a run's documents, and may replace.
pub const MARKER: &str = ".poryadok-export";

/// What the folder of a run's documents being written is called while it is written:
/// `.NAME.new~RANDOM` beside the folder it will replace.
const NEW_INFIX: &str = ".new~";
/// The folder being replaced, for the moment between the two renames where the system cannot
/// swap two folders in one step.
const OLD_INFIX: &str = ".old~";

/// A folder left behind by an export that was killed is removed by a later export once it is
/// this old (a younger one may be another export under way).
const STALE: Duration = Duration::from_secs(3600);

/// Why the documents could not be put in their folder; the folder is as it was before.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The folder holds files and poryadok did not make it: its content is never replaced.
    #[error("{} holds files and is not a folder of exported documents", .0.display())]
    NotOurs(PathBuf),
    /// A name that is not a plain file name, or the same name twice.
    #[error("refusing to write {0:?}: not a plain file name, or named twice")]
    BadName(String),
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
}

impl WriteError {
    /// The operating system's error underneath, if there is one.
    pub fn io(&self) -> Option<&io::Error> {
        match self {
            WriteError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Where a run's files go unless the officer names a folder: `poryadok/<run id>` in their
/// documents folder (`~/Documents` or its localised name), else in their home folder.
pub fn default_dir(run: &str) -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let base = dirs
        .document_dir()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.home_dir().join("Documents"));
    Some(base.join("poryadok").join(slug(run)))
}

/// The longest slug kept in a file name, in characters.
const SLUG_MAX: usize = 60;

/// The longest readable name (without its extension), in characters: 100 Cyrillic letters are
/// 200 bytes, within the 255 that file systems allow.
const NAME_MAX: usize = 80;

/// A piece of a file name from any text: Latin and Cyrillic letters, digits and `-`; anything
/// else (`/`, `..`, spaces, control characters) becomes one `-`. Never empty, never `.` or `..`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() && (c.is_ascii() || is_cyrillic(c)) {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= SLUG_MAX {
            break;
        }
    }
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        "file".to_owned()
    } else {
        out
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// A file name from slugs and an extension: `a-b.docx`.
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let stem: Vec<String> = parts.iter().map(|p| slug(p)).collect();
    format!("{}.{}", stem.join("-"), slug(extension))
}

/// A file name a person reads, from a title as the procedure writes it: letters of any script,
/// digits, spaces and the punctuation of titles (`-`, `,`, `.`, `(`, `)`, `№`, `«»`) are kept;
/// path separators, the characters Windows refuses (`<>:"|?*`), control characters and
/// bidirectional overrides become spaces; runs of spaces become one. Never empty, never
/// starting with a dot, at most [`NAME_MAX`] characters (cut at a word when there is one).
pub fn readable_name(title: &str, extension: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        let keep = c.is_alphanumeric() || " -–—_,.;()№«»!+&#%'".contains(c);
        let c = if keep && !c.is_whitespace() { c } else { ' ' };
        if c == ' ' && (stem.is_empty() || stem.ends_with(' ')) {
            continue;
        }
        stem.push(c);
    }
    if stem.chars().count() > NAME_MAX {
        let cut: String = stem.chars().take(NAME_MAX).collect();
        stem = match cut.rfind(' ') {
            Some(at) if cut[..at].chars().count() > NAME_MAX / 2 => cut[..at].to_owned(),
            _ => cut,
        };
    }
    let stem = stem.trim_matches([' ', '.']).to_owned();
    let stem = if stem.is_empty() {
        "file".to_owned()
    } else {
        stem
    };
    format!("{stem}.{}", slug(extension))
}

/// The names made unique in order: a name already taken (two letters with the same title) gets
/// ` (2)`, ` (3)`… before its extension.
pub fn unique_names(files: &mut [OutFile]) {
    let mut taken = BTreeSet::new();
    for file in files {
        let (stem, extension) = match file.name.rsplit_once('.') {
            Some((stem, extension)) => (stem.to_owned(), format!(".{extension}")),
            None => (file.name.clone(), String::new()),
        };
        let mut n = 1;
        while !taken.insert(file.name.to_lowercase()) {
            n += 1;
            file.name = format!("{stem} ({n}){extension}");
        }
    }
}

fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\', '\0']) && !name.starts_with('.')
}

/// Writes the files as the whole content of `dir`, in place of what it held: they are written
/// into a new private folder beside it, each whole and 0600 with [`MARKER`], flushed, and then
/// put in the place of `dir` (swapped in one step where the system can). The old documents are
/// removed only then, so a failure at any point leaves `dir` as it was, and no half-written
/// folder under its name. `dir` must be missing, empty, or made by poryadok
/// ([`WriteError::NotOurs`] otherwise). Returns where each file went, in order.
pub fn replace_folder(
    dir: &Path,
    run: &str,
    files: &[OutFile],
) -> Result<Vec<PathBuf>, WriteError> {
    let mut names = BTreeSet::new();
    for file in files {
        if !is_plain_name(&file.name) || !names.insert(file.name.as_str()) {
            return Err(WriteError::BadName(file.name.clone()));
        }
    }
    let io_at = |path: &Path| {
        let path = path.to_path_buf();
        move |error: io::Error| WriteError::Io { path, error }
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| WriteError::NotOurs(dir.to_path_buf()))?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let exists = match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => true,
        // A file or a link where the folder should be is not ours to replace.
        Ok(_) => return Err(WriteError::NotOurs(dir.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(io_at(dir)(e)),
    };
    if exists && !dir.join(MARKER).is_file() && !is_empty(dir).map_err(io_at(dir))? {
        return Err(WriteError::NotOurs(dir.to_path_buf()));
    }
    if !parent.is_dir() {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&parent)
            .map_err(io_at(&parent))?;
    }
    remove_stale(&parent, &name);
    // Removed, with what is in it, if anything fails.
    let new = tempfile::Builder::new()
        .prefix(&format!(".{name}{NEW_INFIX}"))
        .tempdir_in(&parent)
        .map_err(io_at(&parent))?;
    fsutil::private_dir(new.path()).map_err(io_at(new.path()))?;
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let path = new.path().join(&file.name);
        fsutil::create_new(&path, &file.bytes, Durability::Sync).map_err(io_at(&path))?;
        written.push(dir.join(&file.name));
    }
    let marker = new.path().join(MARKER);
    let text = format!("poryadok: the documents of run {run}; replaced by each export\n");
    fsutil::create_new(&marker, text.as_bytes(), Durability::Sync).map_err(io_at(&marker))?;
    fsutil::sync_dir(new.path()).map_err(io_at(new.path()))?;
    let new = new.keep();
    swap_in(&new, dir, exists, &parent, &name).inspect_err(|_| {
        let _ = std::fs::remove_dir_all(&new);
    })?;
    fsutil::sync_dir(&parent).map_err(io_at(&parent))?;
    Ok(written)
}

fn is_empty(dir: &Path) -> io::Result<bool> {
    Ok(std::fs::read_dir(dir)?.next().is_none())
}

/// Puts the folder `new` in the place of `dir`: a plain rename when there is no `dir`; else the
/// two are exchanged in one step and the old one (now at `new`) removed. Where the system
/// cannot exchange, the old folder is moved aside first.
fn swap_in(
    new: &Path,
    dir: &Path,
    exists: bool,
    parent: &Path,
    name: &str,
) -> Result<(), WriteError> {
    let io_at = |path: &Path| {
        let path = path.to_path_buf();
        move |error: io::Error| WriteError::Io { path, error }
    };
    if !exists {
        return std::fs::rename(new, dir).map_err(io_at(dir));
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, new, CWD, dir, RenameFlags::EXCHANGE) {
            Ok(()) => {
                // `new` now holds the old documents.
                let _ = std::fs::remove_dir_all(new);
                return Ok(());
            }
            // A file system or kernel without the exchange: move aside, then rename.
            Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => {}
            Err(e) => return Err(io_at(dir)(e.into())),
        }
    }
    let old = tempfile::Builder::new()
        .prefix(&format!(".{name}{OLD_INFIX}"))
        .tempdir_in(parent)
        .map_err(io_at(parent))?
        .keep();
    std::fs::remove_dir(&old).map_err(io_at(&old))?;
    std::fs::rename(dir, &old).map_err(io_at(dir))?;
    if let Err(e) = std::fs::rename(new, dir) {
        // Put the old documents back.
        let _ = std::fs::rename(&old, dir);
        return Err(io_at(dir)(e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// Removes what exports of this folder that were killed left beside it (older than [`STALE`]).
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}{NEW_INFIX}"), format!(".{name}{OLD_INFIX}")];
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if !prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_dir())
            .and_then(|m| m.modified().ok())
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > STALE);
        if old {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, bytes: &[u8]) -> OutFile {
        OutFile {
            name: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn slugs_keep_words_and_drop_everything_that_could_leave_the_folder() {
        assert_eq!(slug("Заявка на ЭП"), "заявка-на-эп");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("/abs/path"), "abs-path");
        assert_eq!(slug(".."), "file");
        assert_eq!(slug("a\u{1b}[31mb\u{202e}c"), "a-31mb-c");
        assert_eq!(slug(&"я".repeat(500)).chars().count(), SLUG_MAX);
        assert_eq!(
            file_name(&["pgs", "employees"], "xlsx"),
            "pgs-employees.xlsx"
        );
    }

    #[test]
    fn readable_names_keep_the_title_and_nothing_that_leaves_the_folder() {
        assert_eq!(
            readable_name("03 Заявка на доступ к ПГС", "docx"),
            "03 Заявка на доступ к ПГС.docx"
        );
        assert_eq!(readable_name("../../etc/passwd", "md"), "etc passwd.md");
        assert_eq!(readable_name("a:b*c?\"d\"<e>|f", "eml"), "a b c d e f.eml");
        assert_eq!(readable_name("..", "md"), "file.md");
        assert_eq!(readable_name("  .скрытый", "md"), "скрытый.md");
        assert_eq!(
            readable_name("строка\nвторая\u{202e}\u{1b}[31m", "eml"),
            "строка вторая 31m.eml"
        );
        let long = readable_name(&"слово ".repeat(60), "docx");
        let stem = long.strip_suffix(".docx").unwrap();
        assert!(stem.chars().count() <= NAME_MAX, "{long}");
        assert!(stem.ends_with("слово"), "cut at a word: {long}");
        assert!(long.len() < 255);
        let mut files = vec![file("a.eml", b""), file("A.eml", b""), file("a.eml", b"")];
        unique_names(&mut files);
        let got: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(got, ["a.eml", "A (2).eml", "a (3).eml"]);
    }

    #[test]
    fn a_second_export_replaces_the_first_whole_and_files_are_private() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("docs").join("run-1");
        replace_folder(&out, "run-1", &[file("a.docx", b"one"), file("b.md", b"b")]).unwrap();
        assert_eq!(names(&out), [MARKER, "a.docx", "b.md"]);
        let written = replace_folder(&out, "run-1", &[file("a.docx", b"two")]).unwrap();
        assert_eq!(written, [out.join("a.docx")]);
        // b.md of the first export is gone; no copy "(2)", nothing left beside the folder.
        assert_eq!(names(&out), [MARKER, "a.docx"]);
        assert_eq!(std::fs::read(out.join("a.docx")).unwrap(), b"two");
        assert_eq!(names(&root.path().join("docs")), ["run-1"]);
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out.join("a.docx")), 0o600);
        assert_eq!(mode(&out), 0o700);
    }

    #[test]
    fn a_folder_poryadok_did_not_make_is_never_replaced() {
        let root = tempfile::tempdir().unwrap();
        let mine = root.path().join("letters");
        std::fs::create_dir(&mine).unwrap();
        std::fs::write(mine.join("my.txt"), b"mine").unwrap();
        let error = replace_folder(&mine, "run-1", &[file("a.docx", b"x")]).unwrap_err();
        assert!(matches!(error, WriteError::NotOurs(_)), "{error}");
        assert_eq!(names(&mine), ["my.txt"]);
        assert_eq!(names(root.path()), ["letters"], "nothing left beside it");
        // An empty folder is taken.
        let empty = root.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        replace_folder(&empty, "run-1", &[file("a.docx", b"x")]).unwrap();
        assert_eq!(names(&empty), [MARKER, "a.docx"]);
        // A file or a link in the folder's place is not replaced either.
        let link = root.path().join("link");
        std::os::unix::fs::symlink(&empty, &link).unwrap();
        assert!(matches!(
            replace_folder(&link, "run-1", &[]),
            Err(WriteError::NotOurs(_))
        ));
    }

    #[test]
    fn names_that_could_leave_the_folder_are_refused_before_anything_is_written() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        replace_folder(&out, "run-1", &[file("a.docx", b"one")]).unwrap();
        for bad in ["../x.docx", ".hidden", "a/b", ""] {
            let error = replace_folder(&out, "run-1", &[file(bad, b"x")]).unwrap_err();
            assert!(matches!(error, WriteError::BadName(_)), "{bad}: {error}");
        }
        let twice = [file("a.docx", b"1"), file("a.docx", b"2")];
        assert!(matches!(
            replace_folder(&out, "run-1", &twice),
            Err(WriteError::BadName(_))
        ));
        assert_eq!(std::fs::read(out.join("a.docx")).unwrap(), b"one");
        assert!(!root.path().join("x.docx").exists());
    }
}
