//! From the parsed TOML to the typed model: each top-level item read on its own, so that one
//! broken `[[step]]` or `[[form]]` does not hide the problems of the others; unknown keys
//! reported with the nearest known one; serde's errors turned into the loader's codes.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostic::{closest, quote_list};
use super::{Diagnostic, Msg, PathSeg, model, schema};
use crate::path;

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
pub(super) fn read_structure(
    source: &str,
    root: Spanned<DeTable<'_>>,
    out: &mut Vec<Diagnostic>,
) -> Option<model::ProcedureFile> {
    let errors_before = out.iter().filter(|d| d.is_error()).count();
    let has_procedure = root.get_ref().contains_key("procedure");
    let mut top = Top::new();
    for (key, value) in root.into_inner() {
        top.read(key.get_ref(), value, out);
    }
    if top.meta.is_none() {
        if !has_procedure {
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

/// The top-level items of a file as they are read.
struct Top {
    meta: Option<model::Meta>,
    file: model::ProcedureFile,
    /// Every item could be read.
    complete: bool,
}

impl Top {
    fn new() -> Top {
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

    /// Reads the top-level key `name`.
    fn read(&mut self, name: &str, value: Spanned<DeValue<'_>>, out: &mut Vec<Diagnostic>) {
        let complete = &mut self.complete;
        let file = &mut self.file;
        match name {
            "procedure" => self.meta = read_item(value, || path!["procedure"], out),
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

    /// The file, once its `[procedure]` table has been read.
    fn into_file(self) -> Option<model::ProcedureFile> {
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
    value: Spanned<DeValue<'_>>,
    key: &str,
    out: &mut Vec<Diagnostic>,
    complete: &mut bool,
) -> Vec<T> {
    let DeValue::Array(items) = value.into_inner() else {
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
    value: Spanned<DeValue<'_>>,
    at: impl Fn() -> Vec<PathSeg>,
    out: &mut Vec<Diagnostic>,
) -> Option<T> {
    let deserializer = ValueDeserializer::from(value);
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
            // A gate (a step that may start only after another) is not a kind of step.
            None if value == "gate" && options.contains(&"milestone") => {
                diagnostic.help(Msg::new("help-gate-is-requires"))
            }
            None => {
                diagnostic.help(Msg::new("help-expected-one-of").arg("values", expected.to_owned()))
            }
        }
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, value, expected) = found_and_expected(rest);
        Diagnostic::error("wrong-type")
            .arg("found", found)
            .arg("value", value)
            .arg("expected", expected)
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        // A value of the right type that the type cannot hold: a negative number of days.
        let (found, value, expected) = found_and_expected(rest);
        let detail = Msg::new("invalid-value-detail")
            .arg("found", found)
            .arg("value", value)
            .arg("expected", expected);
        Diagnostic::error("invalid-value").arg("detail", detail)
    } else {
        Diagnostic::error("invalid-value").arg("detail", message.trim().replace('\n', "; "))
    };
    let diagnostic = diagnostic.at(at);
    match error.span() {
        Some(span) => diagnostic.span(span),
        None => diagnostic,
    }
}

/// serde's «integer `12`, expected a string»: what was found (its kind, in words, and its value as
/// written) and what was expected, in words.
fn found_and_expected(rest: &str) -> (Msg, String, Msg) {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
    let (kind, value) = match found.split_once(' ') {
        Some((kind, value)) => (kind, format!(" {value}")),
        None => (found, String::new()),
    };
    (describe_type(kind), value, describe_type(expected))
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(start)?;
    Some(&rest[..rest.find(end)?])
}

/// serde's names of types (found or expected) in the words of a TOML file, in the reader's
/// language: `type-<name>` in the catalogues.
fn describe_type(serde: &str) -> Msg {
    let name = match serde {
        "a string" | "string" => "string",
        "u32" | "u64" | "usize" => "count",
        "i64" | "integer" => "integer",
        "f64" | "floating" | "float" => "number",
        "a boolean" | "boolean" => "boolean",
        "a sequence" | "sequence" | "array" => "array",
        "a map" | "map" | "table" => "table",
        "datetime" | "a datetime" => "datetime",
        _ if serde.starts_with("struct ") => "table",
        _ => "other",
    };
    match name {
        "other" => Msg::new("type-other").arg("name", serde),
        name => Msg::new(match name {
            "string" => "type-string",
            "integer" => "type-integer",
            "count" => "type-count",
            "number" => "type-number",
            "boolean" => "type-boolean",
            "array" => "type-array",
            "table" => "type-table",
            _ => "type-datetime",
        }),
    }
}
