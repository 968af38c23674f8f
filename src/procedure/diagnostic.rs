//! Problems found in a procedure file, and how they are shown: the way rustc shows errors, with
//! the file, line and column, the offending snippet underlined, and a hint.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

pub use crate::i18n::Msg;
use crate::i18n::{Arg, Lang};
use crate::text::{sanitize, sanitize_line};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The procedure cannot be used until it is fixed.
    Error,
    /// The procedure can be used, but something looks wrong.
    Warning,
}

/// One step of the way from the top of a file to a value: a key, or a position in an array.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSeg {
    /// A key; the keys of the format itself are borrowed, so that building a path costs no
    /// copies (the checks build one for every item they look at).
    Key(Cow<'static, str>),
    Index(usize),
}

impl PathSeg {
    /// A key read from a file.
    pub fn key(key: &str) -> PathSeg {
        PathSeg::Key(Cow::Owned(key.to_owned()))
    }
}

impl From<&'static str> for PathSeg {
    fn from(key: &'static str) -> Self {
        PathSeg::Key(Cow::Borrowed(key))
    }
}

impl From<usize> for PathSeg {
    fn from(index: usize) -> Self {
        PathSeg::Index(index)
    }
}

/// Builds a path: `path!["step", 3, "requires", 0]`.
#[macro_export]
#[doc(hidden)]
macro_rules! path {
    ($($seg:expr),* $(,)?) => {
        vec![$($crate::procedure::PathSeg::from($seg)),*]
    };
}

/// The stable codes of problems. Each has a message `diag-<code>` in the catalogues; tests use
/// the codes, and `docs/procedure-format.md` lists them.
pub const CODES: &[&str] = &[
    "file-unreadable",
    "file-empty",
    "file-too-large",
    "invalid-utf8",
    "toml-syntax",
    "missing-key",
    "wrong-type",
    "unknown-value",
    "invalid-value",
    "unknown-key",
    "format-unsupported",
    "not-an-array",
    "inline-table-lines",
    "empty-procedure",
    "bad-id",
    "duplicate-id",
    "unknown-reference",
    "unsafe-text",
    "blank-text",
    "dependency-cycle",
    "self-dependency",
    "reason-without-requires",
    "reason-not-required",
    "decided-twice",
    "empty-section",
    "condition-shape",
    "condition-value",
    "too-few-options",
    "duplicate-option",
    "default-not-option",
    "default-wrong-type",
    "key-not-for-type",
    "missing-type",
    "field-definition",
    "nested-table",
    "empty-table",
    "bad-pattern",
    "pattern-message-alone",
    "bad-bounds",
    "bad-url",
    "bad-email",
    "letter-without-recipient",
    "bad-deadline",
    "bad-deadline-start",
    "bad-placeholder",
    "multiline-in-subject",
    "form-without-fields",
    "reuse-columns",
];

/// A problem found in a procedure file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// One of [`CODES`].
    pub code: &'static str,
    pub message: Msg,
    /// What the underline says.
    pub label: Option<Msg>,
    /// How to fix it.
    pub help: Option<Msg>,
    /// Where in the file, as a byte range of the text the loader read; filled in by the loader
    /// from `path` when the check that found the problem only knew the path.
    pub span: Option<Range<usize>>,
    /// Where in the file, as keys and indices from the top.
    pub path: Vec<PathSeg>,
    /// The part of the value at `path` to underline (a placeholder in a letter's body), when it
    /// is written there as it is; otherwise the whole value is underlined.
    pub within: Option<String>,
}

impl Diagnostic {
    /// An error with code `code`; its message is `diag-<code>`.
    pub fn error(code: &'static str) -> Diagnostic {
        debug_assert!(CODES.contains(&code), "unknown diagnostic code {code}");
        Diagnostic {
            severity: Severity::Error,
            code,
            message: Msg::new(message_id(code)),
            label: None,
            help: None,
            span: None,
            path: Vec::new(),
            within: None,
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Diagnostic {
        self.message = self.message.arg(name, value);
        self
    }

    pub fn label(mut self, label: Msg) -> Diagnostic {
        self.label = Some(label);
        self
    }

    pub fn help(mut self, help: Msg) -> Diagnostic {
        self.help = Some(help);
        self
    }

    pub fn at(mut self, path: Vec<PathSeg>) -> Diagnostic {
        self.path = path;
        self
    }

    pub fn within(mut self, part: &str) -> Diagnostic {
        self.within = Some(part.to_owned());
        self
    }

    pub fn span(mut self, span: Range<usize>) -> Diagnostic {
        self.span = Some(span);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The catalogue id of a code's message. The ids are spelled out so that they are `'static`.
fn message_id(code: &'static str) -> &'static str {
    // Leaking is bounded: one string per code, made once.
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static IDS: OnceLock<Mutex<HashMap<&'static str, &'static str>>> = OnceLock::new();
    let mut ids = IDS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    ids.entry(code)
        .or_insert_with(|| Box::leak(format!("diag-{code}").into_boxed_str()))
}

/// A line and column (both from 1, the column counted in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// How to draw diagnostics.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub lang: Lang,
    /// Colours for a terminal (ANSI styles); plain text otherwise.
    pub color: bool,
}

/// Diagnostics of one file, drawn as text for a terminal or a log. Everything taken from the
/// file (source lines, quoted values, the path) is made safe to print first.
pub fn render(
    path: &str,
    source: &str,
    diagnostics: &[Diagnostic],
    options: RenderOptions,
) -> String {
    let lang = options.lang;
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let path = sanitize_line(path);
    // The source lines quoted in a snippet are shown with every control character (C0, DEL,
    // C1 such as CSI U+009B) and bidi control as a stand-in, never raw.
    let safe_source = sanitize(source);
    let error_name = lang.text("diag-level-error");
    let warning_name = lang.text("diag-level-warning");
    let help_name = lang.text("diag-level-help");
    let note_name = lang.text("diag-level-note");
    let mut out = String::new();
    for diagnostic in diagnostics {
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR.with_name(error_name.as_str()),
            Severity::Warning => Level::WARNING.with_name(warning_name.as_str()),
        };
        let title = sanitize_line(&diagnostic.message.text(lang)).into_owned();
        let label = diagnostic
            .label
            .as_ref()
            .map(|l| sanitize_line(&l.text(lang)).into_owned());
        let title = level.primary_title(title).id(diagnostic.code);
        let snippet = matches!(&diagnostic.span,
            Some(span) if span.end <= source.len() && !source.is_empty());
        let group = match &diagnostic.span {
            Some(span) if snippet => {
                let span = clamp_span(source, span.clone());
                let span = same_place(source, &safe_source, span.start)
                    ..same_place(source, &safe_source, span.end);
                title.element(
                    Snippet::source(safe_source.as_ref())
                        .path(path.as_ref())
                        .fold(true)
                        .annotation(AnnotationKind::Primary.span(span).label(label)),
                )
            }
            _ => title.element(Origin::path(path.as_ref())),
        };
        let mut report: Vec<Group> = vec![group];
        if !diagnostic.path.is_empty() {
            let at = lang.format(
                "diag-at",
                &[("path", describe_path(&diagnostic.path).into())],
            );
            report.push(Group::with_title(
                Level::NOTE
                    .with_name(note_name.as_str())
                    .secondary_title(sanitize_line(&at).into_owned()),
            ));
        }
        if let Some(help) = &diagnostic.help {
            report.push(Group::with_title(
                Level::HELP
                    .with_name(help_name.as_str())
                    .secondary_title(sanitize_line(&help.text(lang)).into_owned()),
            ));
        }
        let text = renderer.render(&report);
        let text = if snippet { text } else { indent_origin(&text) };
        let _ = writeln!(out, "{text}\n");
    }
    out
}

/// A diagnostic without a snippet has no line numbers, and annotate-snippets draws its `-->`
/// and `|` at the left edge; every other one has them at least one column in, past the line
/// numbers. Moved in by one, they line up with the diagnostics of one-digit lines.
fn indent_origin(text: &str) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        out.push('\n');
        let visible = anstream::adapter::strip_str(line).to_string();
        let visible = visible.trim();
        if visible.starts_with("-->") || visible == "|" {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// The byte offset in `safe` of the character at byte `offset` of `source`, where `safe` is
/// `source` with some characters replaced one for one ([`sanitize`]).
fn same_place(source: &str, safe: &str, offset: usize) -> usize {
    if source.len() == safe.len() {
        return offset;
    }
    let nth = source[..offset].chars().count();
    safe.char_indices()
        .nth(nth)
        .map_or(safe.len(), |(at, _)| at)
}

/// A span that starts and ends on character boundaries and covers at least one character, so
/// that the underline is visible even for a problem "at the end of the file".
fn clamp_span(source: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let mut end = floor_char_boundary(source, span.end.min(source.len())).max(start);
    if end == start {
        end = source[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    start.min(end)..end
}

/// A path as a person reads it: `step[3].requires[0]`.
pub fn describe_path(path: &[PathSeg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            PathSeg::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            PathSeg::Index(index) => {
                let _ = write!(out, "[{}]", index + 1);
            }
        }
    }
    out
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

/// The words of `items` in backquotes, separated by commas.
pub(crate) fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
// `path!` builds a `Vec`, which is what the library passes around.
#[allow(clippy::useless_vec)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\nзаголовок = \"x\"\n";
        let at = text.find("\"x\"").expect("found");
        assert_eq!(line_col(text, at), (2, 13));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, text.len()), (3, 1));
    }

    #[test]
    fn every_code_has_messages_in_both_languages() {
        for code in CODES {
            let id = format!("diag-{code}");
            assert!(Lang::En.has(&id), "English catalogue lacks {id}");
            assert!(Lang::Ru.has(&id), "Russian catalogue lacks {id}");
        }
    }

    #[test]
    fn paths_read_like_keys() {
        assert_eq!(
            describe_path(&path!["step", 2, "requires", 0]),
            "step[3].requires[1]"
        );
    }

    #[test]
    fn rendered_output_is_safe_for_a_terminal() {
        let source = "title = \"\u{202E}abc\u{9b}2J\u{9d}0;x\u{9c}\"\n";
        let d = Diagnostic::error("unsafe-text")
            .arg("char", "U+202E")
            .arg("kind", "bidi\u{1b}[2J")
            .span(9..12);
        let out = render(
            "x\u{1b}.toml",
            source,
            &[d],
            RenderOptions {
                lang: Lang::En,
                color: false,
            },
        );
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(!out.contains('\u{202E}'), "{out}");
        assert!(!out.contains(['\u{9b}', '\u{9c}', '\u{9d}']), "{out}");
        assert!(out.contains("abc\u{FFFD}2J"), "{out}");
        assert!(out.contains("x\u{241b}.toml:1:10"), "{out}");
    }
}
