//! From the bytes of a procedure file to a checked [`Procedure`], or to every problem the file has.
//!
//! The loader never panics and never stops at the first problem: it decodes the text, parses
//! TOML with error recovery (all syntax errors at once), refuses characters that could act on a
//! terminal, reads each `[[step]]`, `[[form]]`… on its own so that one broken item does not hide
//! the problems of the others, reports unknown keys with a suggestion (both in [`super::read`]),
//! and then runs the semantic checks of [`super::check`]. Positions are byte ranges of the
//! decoded text that [`Loaded::source`] holds; the renderer turns them into lines and columns.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::cache::Cache;
use super::locate::{Target, locate};
use super::read::read_structure;
use super::toml_shape;
use super::{Diagnostic, Msg, PathSeg, Procedure, check};
use crate::text::{UnsafeKind, codepoint, find_unsafe};

/// The largest procedure file the loader reads. The biggest real procedure is a few dozen
/// kilobytes; a generated 5,000-step one is about 1 MB.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Keys whose text may span several lines (Markdown bodies and explanations).
const MULTILINE_KEYS: &[&str] = &["body", "help", "summary", "description", "default"];

/// What loading one file gave.
#[derive(Debug)]
pub struct Loaded {
    /// The text the positions of the diagnostics refer to: the file decoded, without a byte
    /// order mark, with CRLF line ends made LF (lines and columns stay the same). Empty when there
    /// are no diagnostics ([`Loaded::checked`]).
    pub source: String,
    /// The checked procedure, or every error found (never empty).
    pub result: Result<Procedure, Vec<Diagnostic>>,
}

impl Loaded {
    /// A procedure without problems, taken from the cache or read. Its [`Loaded::source`] is
    /// empty: there are no diagnostics for the text to place, and keeping (or, from the cache,
    /// decoding) a text of megabytes for none would cost time and memory.
    pub fn checked(procedure: Procedure) -> Loaded {
        Loaded {
            source: String::new(),
            result: Ok(procedure),
        }
    }

    /// A file refused before any of its text could be read.
    pub fn failed(diagnostic: Diagnostic) -> Loaded {
        Loaded {
            source: String::new(),
            result: Err(vec![diagnostic]),
        }
    }
}

/// The problem of a file of `size` bytes, more than [`MAX_FILE_BYTES`].
pub fn too_large(size: usize) -> Diagnostic {
    Diagnostic::error("file-too-large")
        .arg("size", size)
        .arg("limit", MAX_FILE_BYTES)
}

/// Loads and checks a procedure from the bytes of a file.
pub fn load(bytes: &[u8]) -> Loaded {
    load_owned(bytes.to_vec())
}

/// [`load`], keeping the bytes as the text of the procedure rather than copying them.
pub fn load_owned(bytes: Vec<u8>) -> Loaded {
    if bytes.len() > MAX_FILE_BYTES {
        return Loaded::failed(too_large(bytes.len()));
    }
    let source = match decode(bytes) {
        Ok(source) => source,
        Err(failed) => {
            let (source, diagnostic) = *failed;
            return Loaded {
                source,
                result: Err(vec![diagnostic]),
            };
        }
    };
    // The edition is the text as read: worked out here, where the text is.
    let edition = xxhash_rust::xxh3::xxh3_64(source.as_bytes());
    match load_text(&source) {
        Ok(procedure) => Loaded::checked(procedure.with_edition(edition)),
        Err(diagnostics) => Loaded {
            source,
            result: Err(diagnostics),
        },
    }
}

const BYTE_ORDER_MARK: &str = "\u{feff}";

/// [`load_owned`], taking the procedure from `cache` when it holds this very text for this
/// `location` (a path, or `bundled:<name>`), and keeping it there after a read without problems.
pub fn load_cached(bytes: Vec<u8>, cache: Option<(&Cache, &str)>) -> Loaded {
    let Some((cache, location)) = cache else {
        return load_owned(bytes);
    };
    let key = Cache::key(&bytes);
    if let Some(procedure) = cache.get(location, key) {
        return Loaded::checked(procedure);
    }
    let loaded = load_owned(bytes);
    if let Ok(procedure) = &loaded.result {
        cache.put(location, key, procedure);
    }
    loaded
}

/// The text of a file: UTF-8, without a byte order mark, with CRLF line ends made LF, not
/// blank; or as much text as there is, with what is wrong and where.
fn decode(bytes: Vec<u8>) -> Result<String, Box<(String, Diagnostic)>> {
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            // The lossy text has the same bytes up to the error, so the span is right in it.
            let source = String::from_utf8_lossy(&bytes).into_owned();
            let end = at + source[at..].chars().next().map_or(0, char::len_utf8);
            let diagnostic = Diagnostic::error("invalid-utf8")
                .span(at..end)
                .help(Msg::new("help-invalid-utf8"));
            return Err(Box::new((source, diagnostic)));
        }
    };
    if text.starts_with(BYTE_ORDER_MARK) {
        text.drain(..BYTE_ORDER_MARK.len());
    }
    if text.contains("\r\n") {
        text = text.replace("\r\n", "\n");
    }
    if text.trim().is_empty() {
        let diagnostic = Diagnostic::error("file-empty").help(Msg::new("help-file-empty"));
        return Err(Box::new((text, diagnostic)));
    }
    Ok(text)
}

/// Parses the text, keeping the positions of every key and value for the diagnostics.
fn load_text(source: &str) -> Result<Procedure, Vec<Diagnostic>> {
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        return Err(toml_shape::syntax_errors(source, errors));
    }
    let mut diagnostics = Vec::new();
    scan_text(root.get_ref(), &mut Vec::new(), &mut diagnostics);
    toml_shape::inline_tables(source, root.get_ref(), &mut diagnostics);
    // The tree is taken apart as it is read: each item's values move into the model.
    let file = read_structure(source, root, &mut diagnostics);
    if let Some(file) = &file {
        check::check(file, &mut diagnostics);
    }
    toml_shape::single_tables(source, &mut diagnostics);
    if diagnostics.iter().any(|d| d.span.is_none()) {
        // Only a file with problems needs the tree again, to place them.
        let (root, _) = DeTable::parse_recoverable(source);
        for diagnostic in &mut diagnostics {
            if diagnostic.span.is_none() {
                let target = if matches!(diagnostic.code, "unknown-key" | "reason-not-required") {
                    Target::Key
                } else {
                    Target::Value
                };
                let mut span = locate(&root, &diagnostic.path, target);
                // Only the part that is wrong, when the value holds it as written.
                if let Some(part) = diagnostic.within.take()
                    && let Some(at) = source.get(span.clone()).and_then(|text| text.find(&part))
                {
                    span = span.start + at..span.start + at + part.len();
                }
                diagnostic.span = Some(span);
            }
        }
    }
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    match file {
        Some(file) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Procedure::new(file)),
        _ => Err(diagnostics),
    }
}

/// A step of the way to a value while scanning, borrowed from the table: a path is only
/// built (allocated) for a problem.
#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn owned_path(path: &[Seg<'_>]) -> Vec<PathSeg> {
    path.iter()
        .map(|seg| match *seg {
            Seg::Key(key) => PathSeg::key(key),
            Seg::Index(index) => PathSeg::Index(index),
        })
        .collect()
}

/// Refuses control characters, escape sequences, bidi overrides and stray line breaks in every
/// key and string of the file.
fn scan_text<'a>(table: &'a DeTable<'_>, path: &mut Vec<Seg<'a>>, out: &mut Vec<Diagnostic>) {
    for (key, value) in table {
        let name: &str = key.get_ref();
        if let Some((_, c, kind)) = find_unsafe(name, false) {
            out.push(unsafe_text(c, kind, path).span(key.span()));
        }
        path.push(Seg::Key(name));
        let multiline = MULTILINE_KEYS.contains(&name);
        scan_value(value, multiline, path, out);
        path.pop();
    }
}

fn scan_value<'a>(
    value: &'a Spanned<DeValue<'_>>,
    multiline: bool,
    path: &mut Vec<Seg<'a>>,
    out: &mut Vec<Diagnostic>,
) {
    match value.get_ref() {
        DeValue::String(text) => {
            if let Some((_, c, kind)) = find_unsafe(text, multiline) {
                out.push(unsafe_text(c, kind, path).span(value.span()));
            }
        }
        DeValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(Seg::Index(index));
                scan_value(item, multiline, path, out);
                path.pop();
            }
        }
        DeValue::Table(table) => scan_text(table, path, out),
        _ => {}
    }
}

fn unsafe_text(c: char, kind: UnsafeKind, path: &[Seg<'_>]) -> Diagnostic {
    let what = match kind {
        UnsafeKind::Control => "control",
        UnsafeKind::Bidi => "bidi",
        UnsafeKind::LineBreak => "line-break",
    };
    Diagnostic::error("unsafe-text")
        .arg("char", codepoint(c))
        .arg("kind", what)
        .at(owned_path(path))
        .help(Msg::new(match kind {
            UnsafeKind::LineBreak => "help-unsafe-line-break",
            _ => "help-unsafe-text",
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        match load(text.as_bytes()).result {
            Ok(_) => Vec::new(),
            Err(diagnostics) => diagnostics.iter().map(|d| d.code).collect(),
        }
    }

    #[test]
    fn every_syntax_error_is_reported() {
        let found = codes("[procedure\nid = \"x\"\n[[step]]\ntitle = \nid = 'a'\n");
        assert!(found.len() >= 2, "{found:?}");
        assert!(found.iter().all(|c| *c == "toml-syntax"));
    }

    #[test]
    fn unknown_keys_suggest_the_nearest_one() {
        let loaded = load(b"[procedure]\nformat = 1\nid = 'x'\ntitel = 'y'\n");
        let diagnostics = loaded.result.expect_err("fails");
        let unknown = diagnostics
            .iter()
            .find(|d| d.code == "unknown-key")
            .expect("unknown key reported");
        assert_eq!(&loaded.source[unknown.span.clone().expect("span")], "titel");
        let help = unknown.help.as_ref().expect("help");
        assert_eq!(help.args[0].1, "title".into());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_located() {
        let loaded = load(b"[procedure]\nid = \"ab\xff\"\n");
        let diagnostics = loaded.result.expect_err("fails");
        assert_eq!(diagnostics[0].code, "invalid-utf8");
        assert_eq!(diagnostics[0].span, Some(20..23));
    }

    /// A byte order mark or CR line ends leave a procedure the same: the text is made plain.
    #[test]
    fn a_byte_order_mark_and_crlf_read_as_plain_text_does() {
        let (_, bytes) = crate::catalog::bundled_files()[0];
        let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
        let plain = format!("{:?}", load(text.as_bytes()).result.expect("valid").file());
        for variant in [
            format!("{BYTE_ORDER_MARK}{text}"),
            text.replace('\n', "\r\n"),
        ] {
            let loaded = load(variant.as_bytes());
            assert_eq!(format!("{:?}", loaded.result.expect("valid").file()), plain);
            assert!(loaded.source.is_empty());
        }
    }
}
