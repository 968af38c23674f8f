//! Mistakes of TOML's shape that the parser reports far from where they were made, or not at
//! all: a table header `[step.result]` where the format wants `[[step.result]]` (the parser says
//! «duplicate key» at the *next* such header, and at every key under it), and an inline table
//! written over several lines or with a comma before `}` (TOML 1.1 allows both, TOML 1.0 — which
//! editors follow — does not).

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Diagnostic, Msg};

/// The keys whose entries are tables of an array, each written `[[…]]`.
const ARRAY_TABLES: &[&str] = &[
    "actor",
    "choice",
    "section",
    "step",
    "form",
    "reference",
    "link",
    "letter",
    "result",
    "option",
    "field",
    "column",
    "page",
];

/// The line of `source` that holds the byte `at`.
fn line_at(source: &str, at: usize) -> Range<usize> {
    let at = at.min(source.len());
    let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    start..end
}

/// A header `[a.b]` (not `[[a.b]]`) on the line `line`, when `b` is a key the format writes as
/// an array of tables: the dotted name and the span of the header.
fn single_header(source: &str, line: Range<usize>) -> Option<(String, Range<usize>)> {
    let text = &source[line.clone()];
    let trimmed = text.trim_start();
    if !trimmed.starts_with('[') || trimmed.starts_with("[[") {
        return None;
    }
    let close = trimmed.find(']')?;
    let name = (trimmed[1..close].split('.'))
        .map(|part| part.trim().trim_matches('"'))
        .collect::<Vec<_>>()
        .join(".");
    let last = name.rsplit('.').next()?;
    if !ARRAY_TABLES.contains(&last) {
        return None;
    }
    let start = line.start + (text.len() - trimmed.len());
    Some((name, start..start + close + 1))
}

/// Whether the line is a table header of either kind.
fn is_header(source: &str, line: &Range<usize>) -> bool {
    source[line.clone()].trim_start().starts_with('[')
}

/// The first header `[name]` of the run that `header` belongs to: going back from it over the
/// headers of the same name, up to the nearest `[[…]]` header (a new entry of the array above).
fn first_of_run(source: &str, name: &str, header: Range<usize>) -> Range<usize> {
    let mut first = header;
    let mut at = first.start;
    while at > 0 {
        let line = line_at(source, at - 1);
        at = line.start;
        if source[line.clone()].trim_start().starts_with("[[") {
            break;
        }
        if let Some((other, span)) = single_header(source, line)
            && other == name
        {
            first = span;
        }
    }
    first
}

/// Where the table begun by the header at `header` ends: at the next header, or the end.
fn table_end(source: &str, header: &Range<usize>) -> usize {
    let mut at = line_at(source, header.start).end;
    while at < source.len() {
        let line = line_at(source, at + 1);
        if is_header(source, &line) {
            return line.start;
        }
        at = line.end;
    }
    source.len()
}

/// `[name]` written where `[[name]]` is wanted.
fn not_an_array(name: &str, header: Range<usize>) -> Diagnostic {
    Diagnostic::error("not-an-array")
        .arg("key", name)
        .span(header)
        .help(Msg::new("help-not-an-array").arg("key", name))
}

/// The syntax errors as diagnostics. A «duplicate key» at a header `[a.result]` is the second
/// `[a.result]` of a step written without double brackets: it is reported once, at the first
/// header of the run, as `not-an-array`, and the duplicates of the keys under it (which follow
/// from it) are left out.
pub(super) fn syntax_errors(source: &str, errors: Vec<toml::de::Error>) -> Vec<Diagnostic> {
    let duplicate = |e: &toml::de::Error| e.message().contains("duplicate key");
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut out = Vec::new();
    for error in &errors {
        let Some(span) = error.span().filter(|_| duplicate(error)) else {
            continue;
        };
        let Some((name, header)) = single_header(source, line_at(source, span.start)) else {
            continue;
        };
        runs.push(header.start..table_end(source, &header));
        let first = first_of_run(source, &name, header);
        if !out
            .iter()
            .any(|d: &Diagnostic| d.span.as_ref() == Some(&first))
        {
            out.push(not_an_array(&name, first));
        }
    }
    for error in errors {
        let span = error.span();
        let follows = duplicate(&error)
            && span
                .as_ref()
                .is_some_and(|s| runs.iter().any(|run| run.contains(&s.start)));
        if follows {
            continue;
        }
        let detail = super::toml_words::detail(error.message());
        let diagnostic = Diagnostic::error("toml-syntax").arg("detail", detail);
        out.push(match span {
            Some(span) => diagnostic.span(span),
            None => diagnostic,
        });
    }
    out.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    out
}

/// A `wrong-type` found at a header `[a.result]` (one table where an array was wanted) becomes
/// `not-an-array`, which says what to write.
pub(super) fn single_tables(source: &str, diagnostics: &mut [Diagnostic]) {
    for diagnostic in diagnostics.iter_mut() {
        if diagnostic.code != "wrong-type" {
            continue;
        }
        let Some(span) = &diagnostic.span else {
            continue;
        };
        if let Some((name, header)) = single_header(source, line_at(source, span.start))
            && header.start == span.start
        {
            let mut replaced = not_an_array(&name, header);
            replaced.path = std::mem::take(&mut diagnostic.path);
            *diagnostic = replaced;
        }
    }
}

/// Every inline table (`{ … }`) written over several lines or with a comma before its `}`.
pub(super) fn inline_tables(source: &str, table: &DeTable<'_>, out: &mut Vec<Diagnostic>) {
    for value in table.values() {
        inline_value(source, value, out);
    }
}

fn inline_value(source: &str, value: &Spanned<DeValue<'_>>, out: &mut Vec<Diagnostic>) {
    match value.get_ref() {
        DeValue::Table(table) => {
            let span = value.span();
            let text = source.get(span.clone()).unwrap_or("");
            if text.starts_with('{')
                && let Some(problem) = beyond_toml_1_0(text)
            {
                out.push(
                    Diagnostic::error("inline-table-lines")
                        .arg("problem", Msg::new(problem))
                        .span(span)
                        .help(Msg::new("help-inline-table-lines")),
                );
                return;
            }
            inline_tables(source, table, out);
        }
        DeValue::Array(items) => {
            for item in items {
                inline_value(source, item, out);
            }
        }
        _ => {}
    }
}

/// What in the text of an inline table TOML 1.0 does not allow: a line break outside a string,
/// or a comma before a `}`. Strings are skipped whole (a multi-line string is allowed).
fn beyond_toml_1_0(text: &str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut last = b'{';
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'"' | b'\'' => {
                let triple = bytes[i..].starts_with(if c == b'"' { b"\"\"\"" } else { b"'''" });
                let quote: &[u8] = if triple {
                    &bytes[i..i + 3]
                } else {
                    &bytes[i..=i]
                };
                let mut j = i + quote.len();
                while j < bytes.len() && !bytes[j..].starts_with(quote) {
                    j += if c == b'"' && bytes[j] == b'\\' { 2 } else { 1 };
                }
                i = j + quote.len();
                last = c;
                continue;
            }
            b'\n' => return Some("inline-problem-line-break"),
            b'#' => return Some("inline-problem-line-break"),
            b'}' if last == b',' => return Some("inline-problem-trailing-comma"),
            b' ' | b'\t' | b'\r' => {}
            _ => last = c,
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::beyond_toml_1_0;

    #[test]
    fn one_line_inline_tables_are_toml_1_0() {
        for text in [
            r#"{ working_days = 3 }"#,
            r#"{ a = "}, {", b = 'x,' }"#,
            r#"{ all = [{ field = "x", filled = true }, { not = { choice = "c", is = "d" } }] }"#,
            "{ body = \"\"\"\nмного\nстрок\"\"\" }",
            r#"{ a = "\"}\n" }"#,
        ] {
            assert_eq!(beyond_toml_1_0(text), None, "{text}");
        }
    }

    #[test]
    fn line_breaks_and_trailing_commas_are_toml_1_1() {
        assert_eq!(
            beyond_toml_1_0("{\n  working_days = 3\n}"),
            Some("inline-problem-line-break")
        );
        assert_eq!(
            beyond_toml_1_0("{ working_days = 3, }"),
            Some("inline-problem-trailing-comma")
        );
        assert_eq!(
            beyond_toml_1_0("{ a = { b = 1, } }"),
            Some("inline-problem-trailing-comma")
        );
    }
}
