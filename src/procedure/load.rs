//! From the bytes of a procedure file to a checked [`Procedure`], or to every problem the file has.
//!
//! The loader never panics and never stops at the first problem: it decodes the text, parses
//! TOML with error recovery (all syntax errors at once), refuses characters that could act on a
//! terminal, reads each `[[step]]`, `[[form]]`… on its own so that one broken item does not hide
//! the problems of the others, reports unknown keys with a suggestion, and then runs the semantic
//! checks of [`super::check`]. Positions are byte ranges of the decoded text that
//! [`Loaded::source`] holds; the renderer turns them into lines and columns.
//!
//! A file is first read in pieces ([`super::chunks`]), which is much cheaper on a long one and
//! gives the same procedure when there is no problem; at the least doubt or problem the file is
//! read whole as described above, so the diagnostics are always those of the whole read.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::cache::Cache;
use super::chunks;
use super::locate::{Target, locate};
use super::{Diagnostic, Msg, PathSeg, Procedure, check, model, schema};
use crate::path;
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
    /// order mark, with CRLF line ends made LF (lines and columns stay the same). Empty for a
    /// procedure taken from the cache, which has no diagnostics.
    pub source: String,
    /// The checked procedure, or every error found (never empty).
    pub result: Result<Procedure, Vec<Diagnostic>>,
}

impl Loaded {
    /// A procedure taken from the cache. Its [`Loaded::source`] is empty: it has no diagnostics
    /// for the text to place, and decoding the text would take a good part of the time the
    /// cache saves.
    pub fn from_cache(procedure: Procedure) -> Loaded {
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
    if bytes.len() > MAX_FILE_BYTES {
        return Loaded::failed(too_large(bytes.len()));
    }
    load_owned(bytes.to_vec())
}

/// [`load`], keeping the bytes as the text of the procedure rather than copying them.
pub fn load_owned(bytes: Vec<u8>) -> Loaded {
    load_decoded(bytes)
}

/// [`load_owned`], taking the procedure from `cache` when it holds this very text for this
/// `location` (a path, or `bundled:<name>`), and keeping it there after a read without problems.
pub fn load_cached(bytes: Vec<u8>, cache: Option<(&Cache, &str)>) -> Loaded {
    let Some((cache, location)) = cache else {
        return load_decoded(bytes);
    };
    let key = Cache::key(&bytes);
    if let Some(procedure) = cache.get(location, key) {
        return Loaded::from_cache(procedure);
    }
    let loaded = load_decoded(bytes);
    if let Ok(procedure) = &loaded.result {
        cache.put(location, key, procedure);
    }
    loaded
}

fn load_decoded(bytes: Vec<u8>) -> Loaded {
    let fail = |source: String, diagnostic: Diagnostic| Loaded {
        source,
        result: Err(vec![diagnostic]),
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Loaded::failed(too_large(bytes.len()));
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            // The lossy text has the same bytes up to the error, so the span is right in it.
            let source = String::from_utf8_lossy(&bytes).into_owned();
            let end = at + source[at..].chars().next().map_or(0, char::len_utf8);
            return fail(
                source,
                Diagnostic::error("invalid-utf8")
                    .span(at..end)
                    .help(Msg::new("help-invalid-utf8")),
            );
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let source = if text.contains("\r\n") {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    if source.trim().is_empty() {
        return fail(
            source,
            Diagnostic::error("file-empty").help(Msg::new("help-file-empty")),
        );
    }
    let result = load_text(&source);
    Loaded { source, result }
}

fn load_text(source: &str) -> Result<Procedure, Vec<Diagnostic>> {
    // A large file is read piece by piece when it can be (see `chunks`); any doubt or problem
    // and it is read whole, which is what finds and places every problem.
    if let Some(file) = chunks::read(source) {
        let mut diagnostics = Vec::new();
        check::check(&file, &mut diagnostics);
        if !diagnostics.iter().any(Diagnostic::is_error) {
            return Ok(Procedure::new(file));
        }
    }
    load_whole(source)
}

/// Parses the whole text at once, keeping the positions of every key and value for the
/// diagnostics.
pub(super) fn load_whole(source: &str) -> Result<Procedure, Vec<Diagnostic>> {
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|error| {
                let detail = error.message().trim().replace('\n', "; ");
                let diagnostic = Diagnostic::error("toml-syntax").arg("detail", detail);
                match error.span() {
                    Some(span) => diagnostic.span(span),
                    None => diagnostic,
                }
            })
            .collect());
    }
    let mut diagnostics = Vec::new();
    scan_text(root.get_ref(), &mut Vec::new(), &mut diagnostics);
    let file = read_structure(source, &root, &mut diagnostics);
    if let Some(file) = &file {
        check::check(file, &mut diagnostics);
    }
    for diagnostic in &mut diagnostics {
        if diagnostic.span.is_none() {
            let target = if diagnostic.code == "unknown-key" {
                Target::Key
            } else {
                Target::Value
            };
            diagnostic.span = Some(locate(&root, &diagnostic.path, target));
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
pub(super) enum Seg<'a> {
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
pub(super) fn scan_text<'a>(
    table: &'a DeTable<'_>,
    path: &mut Vec<Seg<'a>>,
    out: &mut Vec<Diagnostic>,
) {
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

/// The top-level arrays and the type each item is read as.
const TOP_KEYS: &[&str] = &[
    "procedure",
    "actor",
    "choice",
    "section",
    "step",
    "form",
    "reference",
];

/// Reads the typed model item by item. `None` when an item could not be read at all (a missing
/// key, a wrong type): the semantic checks would then report things that are not really wrong.
fn read_structure(
    source: &str,
    root: &Spanned<DeTable<'_>>,
    out: &mut Vec<Diagnostic>,
) -> Option<model::ProcedureFile> {
    let errors_before = out.iter().filter(|d| d.is_error()).count();
    let mut top = Top::new();
    for (key, value) in root.get_ref() {
        top.read(key.get_ref(), Cow::Borrowed(value), out);
    }
    if top.meta.is_none() {
        if !root.get_ref().contains_key("procedure") {
            out.push(
                Diagnostic::error("missing-key")
                    .arg("key", "procedure")
                    .span(first_line(source))
                    .help(Msg::new("help-missing-procedure")),
            );
        }
        return None;
    }
    let errors_after = out.iter().filter(|d| d.is_error()).count();
    // Unknown keys do not stop the semantic checks; anything else that made an item unreadable
    // does.
    let only_unknown_keys = out[..]
        .iter()
        .filter(|d| d.is_error())
        .skip(errors_before)
        .all(|d| d.code == "unknown-key" || d.code == "unsafe-text");
    if top.complete && (errors_after == errors_before || only_unknown_keys) {
        top.into_file()
    } else {
        None
    }
}

/// The top-level items of a file (or of a piece of one) as they are read.
pub(super) struct Top {
    pub meta: Option<model::Meta>,
    pub file: model::ProcedureFile,
    /// Every item could be read.
    pub complete: bool,
}

impl Top {
    pub fn new() -> Top {
        Top {
            meta: None,
            file: model::ProcedureFile {
                procedure: placeholder_meta(),
                actors: Vec::new(),
                choices: Vec::new(),
                sections: Vec::new(),
                steps: Vec::new(),
                forms: Vec::new(),
                references: Vec::new(),
            },
            complete: true,
        }
    }

    /// Reads the top-level key `name`; a borrowed value is copied item by item as it is read.
    pub fn read(
        &mut self,
        name: &str,
        value: Cow<'_, Spanned<DeValue<'_>>>,
        out: &mut Vec<Diagnostic>,
    ) {
        let complete = &mut self.complete;
        let file = &mut self.file;
        match name {
            "procedure" => self.meta = read_item(value, || path!["procedure"], out),
            // Appended: a file read in pieces has its steps in several of them.
            "actor" => file.actors.extend(read_array(value, name, out, complete)),
            "choice" => file.choices.extend(read_array(value, name, out, complete)),
            "section" => file.sections.extend(read_array(value, name, out, complete)),
            "step" => file.steps.extend(read_array(value, name, out, complete)),
            "form" => file.forms.extend(read_array(value, name, out, complete)),
            "reference" => file
                .references
                .extend(read_array(value, name, out, complete)),
            _ => out.push(unknown_key(name, TOP_KEYS, vec![PathSeg::key(name)])),
        }
    }

    /// Adds what a later piece of the same file read (see `chunks`).
    pub fn append(&mut self, mut later: Top) {
        if later.meta.is_some() {
            self.meta = later.meta;
        }
        self.complete &= later.complete;
        let file = &mut self.file;
        file.actors.append(&mut later.file.actors);
        file.choices.append(&mut later.file.choices);
        file.sections.append(&mut later.file.sections);
        file.steps.append(&mut later.file.steps);
        file.forms.append(&mut later.file.forms);
        file.references.append(&mut later.file.references);
    }

    /// The file, once its `[procedure]` table has been read.
    pub fn into_file(self) -> Option<model::ProcedureFile> {
        let mut file = self.file;
        file.procedure = self.meta?;
        Some(file)
    }
}

/// The first line that holds something, without its line end: where a problem of the whole
/// file is shown.
fn first_line(source: &str) -> std::ops::Range<usize> {
    let start = source.len() - source.trim_start().len();
    let end = source[start..]
        .find('\n')
        .map_or(source.len(), |at| start + at);
    start..end
}

fn placeholder_meta() -> model::Meta {
    model::Meta {
        format: 0,
        id: String::new(),
        title: String::new(),
        version: String::new(),
        issuer: None,
        region: None,
        source: String::new(),
        summary: String::new(),
        section_order: model::Order::Sequence,
    }
}

fn read_array<T: DeserializeOwned>(
    value: Cow<'_, Spanned<DeValue<'_>>>,
    key: &str,
    out: &mut Vec<Diagnostic>,
    complete: &mut bool,
) -> Vec<T> {
    let items: Option<Vec<Cow<'_, Spanned<DeValue<'_>>>>> = match value {
        Cow::Borrowed(value) => value
            .get_ref()
            .as_array()
            .map(|items| items.iter().map(Cow::Borrowed).collect()),
        Cow::Owned(value) => match value.into_inner() {
            DeValue::Array(items) => Some(items.into_iter().map(Cow::Owned).collect()),
            _ => None,
        },
    };
    let Some(items) = items else {
        *complete = false;
        out.push(
            Diagnostic::error("not-an-array")
                .arg("key", key)
                .at(vec![PathSeg::key(key)])
                .help(Msg::new("help-not-an-array").arg("key", key)),
        );
        return Vec::new();
    };
    let mut read = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        match read_item(item, || vec![PathSeg::key(key), index.into()], out) {
            Some(item) => read.push(item),
            None => *complete = false,
        }
    }
    read
}

/// Reads one item; `at` is its path, built only for a problem.
fn read_item<T: DeserializeOwned>(
    value: Cow<'_, Spanned<DeValue<'_>>>,
    at: impl Fn() -> Vec<PathSeg>,
    out: &mut Vec<Diagnostic>,
) -> Option<T> {
    let deserializer = ValueDeserializer::from(value.into_owned());
    let mut unknown = Vec::new();
    let result = serde_ignored::deserialize(deserializer, |ignored| {
        let mut path = at();
        extend_path(&mut path, &ignored);
        unknown.push(path);
    });
    for path in unknown {
        let key = match path.last() {
            Some(PathSeg::Key(key)) => key.clone(),
            _ => continue,
        };
        let known = schema::keys_at(&path[..path.len() - 1]);
        out.push(unknown_key(&key, &known, path));
    }
    match result {
        Ok(item) => Some(item),
        Err(error) => {
            out.push(translate(&error, at()));
            None
        }
    }
}

fn extend_path(path: &mut Vec<PathSeg>, ignored: &serde_ignored::Path<'_>) {
    use serde_ignored::Path;
    match ignored {
        Path::Root => {}
        Path::Seq { parent, index } => {
            extend_path(path, parent);
            path.push(PathSeg::Index(*index));
        }
        Path::Map { parent, key } => {
            extend_path(path, parent);
            path.push(PathSeg::key(key));
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => extend_path(path, parent),
    }
}

fn unknown_key(key: &str, known: &[&str], at: Vec<PathSeg>) -> Diagnostic {
    let diagnostic = Diagnostic::error("unknown-key").arg("key", key).at(at);
    match closest(key, known) {
        Some(near) => diagnostic.help(Msg::new("help-did-you-mean").arg("value", near)),
        None if !known.is_empty() => {
            diagnostic.help(Msg::new("help-expected-one-of").arg("values", quote_list(known)))
        }
        None => diagnostic,
    }
}

/// The known word nearest to `word`, if it is near enough to be a likely typo.
pub(crate) fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), *candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

pub(crate) fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Turns serde's English error text into one of our codes with the details as arguments.
fn translate(error: &toml::de::Error, at: Vec<PathSeg>) -> Diagnostic {
    let message = error.message();
    let diagnostic = if let Some(key) = between(message, "missing field `", "`") {
        Diagnostic::error("missing-key").arg("key", key.to_owned())
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let expected = expected.trim_start_matches("one of ");
        let options: Vec<&str> = expected
            .split(", ")
            .map(|o| o.trim_matches('`'))
            .filter(|o| !o.is_empty())
            .collect();
        let diagnostic = Diagnostic::error("unknown-value").arg("value", value.to_owned());
        match closest(value, &options) {
            Some(near) => diagnostic.help(Msg::new("help-did-you-mean").arg("value", near)),
            None => {
                diagnostic.help(Msg::new("help-expected-one-of").arg("values", expected.to_owned()))
            }
        }
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        Diagnostic::error("wrong-type")
            .arg("found", describe_type(found))
            .arg("expected", describe_type(expected))
    } else {
        Diagnostic::error("invalid-value").arg("detail", message.trim().replace('\n', "; "))
    };
    let diagnostic = diagnostic.at(at);
    match error.span() {
        Some(span) => diagnostic.span(span),
        None => diagnostic,
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(start)?;
    Some(&rest[..rest.find(end)?])
}

/// serde's names of expected types in the words of a TOML file.
fn describe_type(serde: &str) -> String {
    match serde {
        "a string" => "string",
        "u32" | "u64" | "usize" | "i64" => "integer",
        "f64" => "number",
        "a boolean" => "boolean",
        "a sequence" => "array",
        "a map" => "table",
        _ if serde.starts_with("struct ") => "table",
        _ => serde,
    }
    .to_owned()
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
}
