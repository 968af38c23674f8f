//! Writing exported files: names made from a safe slug, nothing outside the chosen folder,
//! nothing ever replaced, each file whole or not at all, files only their owner reads.

use std::io;
use std::path::{Path, PathBuf};

use crate::fsutil::{self, Durability};

/// One exported file, before it is written: its name (made with [`file_name`]) and content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub name: String,
    pub bytes: Vec<u8>,
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

/// Writes the files into `dir` (created 0700 if missing; a folder that exists is left as it
/// is, it may be the officer's own). A name that is taken gets ` (2)`,
/// ` (3)`… before its extension: nothing is ever replaced. Each file is written whole or not at
/// all (a full disk leaves no empty or cut-short document), 0600. Returns where each file went,
/// in order. A name with a path separator or `..` is refused, whatever made it.
pub fn write_all(dir: &Path, files: &[OutFile]) -> io::Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        if file.name.contains(['/', '\\', '\0']) || file.name.starts_with('.') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write {:?}: not a plain file name", file.name),
            ));
        }
        let (stem, extension) = match file.name.rsplit_once('.') {
            Some((stem, extension)) => (stem.to_owned(), format!(".{extension}")),
            None => (file.name.clone(), String::new()),
        };
        let mut n = 1;
        loop {
            let name = if n == 1 {
                file.name.clone()
            } else {
                format!("{stem} ({n}){extension}")
            };
            let path = dir.join(&name);
            match fsutil::create_new(&path, &file.bytes, Durability::Sync) {
                Ok(()) => {
                    written.push(path);
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => n += 1,
                Err(e) => return Err(e),
            }
        }
    }
    fsutil::sync_dir(dir)?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn nothing_is_replaced_and_files_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let file = |bytes: &[u8]| OutFile {
            name: "form.docx".into(),
            bytes: bytes.to_vec(),
        };
        let first = write_all(&out, &[file(b"one")]).unwrap();
        let second = write_all(&out, &[file(b"two"), file(b"three")]).unwrap();
        assert_eq!(std::fs::read(&first[0]).unwrap(), b"one");
        assert_eq!(second[0].file_name().unwrap(), "form (2).docx");
        assert_eq!(second[1].file_name().unwrap(), "form (3).docx");
        assert_eq!(std::fs::read(&second[1]).unwrap(), b"three");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&second[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let bad = OutFile {
            name: "../x.docx".into(),
            bytes: Vec::new(),
        };
        assert!(write_all(&out, &[bad]).is_err());
        assert!(!dir.path().join("x.docx").exists());
    }
}
