//! The checklist report as Markdown, as one standalone HTML page, and as JSON.
//!
//! Markdown and HTML come from templates in `assets/templates/` (built in). A region adapts
//! them without rebuilding by putting its own `report.html` or `report.md` in a templates
//! folder ([`Templates::from_dir`]). Templates run in minijinja's sandbox: no file access, a
//! fuel limit, and every value escaped by the engine (HTML for `.html`, Markdown for `.md`).

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Value};
use serde::Serialize;

use super::model::Report;
use crate::i18n::Lang;

/// The version of the JSON report's shape (see `docs/export.md`). It changes when a field is
/// removed or changes meaning; new fields may appear within a version.
pub const JSON_VERSION: u32 = 1;

const MARKDOWN: &str = include_str!("../../assets/templates/report.md");
const HTML: &str = include_str!("../../assets/templates/report.html");

/// How much work a template may do before it is stopped (a loop in a region's template must
/// not hang the export). The built-in templates use a small fraction of it for a 5,000-step run.
const FUEL: u64 = 50_000_000;

/// The report templates: the built-in ones, or a region's from a folder.
#[derive(Debug, Clone)]
pub struct Templates {
    markdown: String,
    html: String,
}

impl Default for Templates {
    fn default() -> Templates {
        Templates {
            markdown: MARKDOWN.to_owned(),
            html: HTML.to_owned(),
        }
    }
}

impl Templates {
    /// The templates in `dir` (`report.md`, `report.html`), each one that is missing built in.
    pub fn from_dir(dir: &Path) -> std::io::Result<Templates> {
        let read = |name: &str, builtin: &str| match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => Ok(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(builtin.to_owned()),
            Err(e) => Err(e),
        };
        Ok(Templates {
            markdown: read("report.md", MARKDOWN)?,
            html: read("report.html", HTML)?,
        })
    }
}

/// The report as Markdown.
pub fn markdown(
    report: &Report,
    templates: &Templates,
    lang: Lang,
    tz: &TimeZone,
) -> Result<String, Error> {
    render("report.md", &templates.markdown, report, lang, tz)
}

/// The report as one HTML page.
pub fn html(
    report: &Report,
    templates: &Templates,
    lang: Lang,
    tz: &TimeZone,
) -> Result<String, Error> {
    render("report.html", &templates.html, report, lang, tz)
}

/// The JSON report: its format and version, then the report.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(
    title = "poryadok checklist report",
    description = "A run of a procedure as exported by `poryadok export --format json` (docs/export.md)."
)]
struct Versioned<'a> {
    /// Always `poryadok-report`.
    format: &'static str,
    /// The version of this shape ([`JSON_VERSION`]).
    version: u32,
    #[serde(flatten)]
    report: &'a Report,
}

/// The report as JSON, with its format and version first.
pub fn json(report: &Report) -> serde_json::Result<Vec<u8>> {
    let mut out = serde_json::to_vec_pretty(&Versioned {
        format: "poryadok-report",
        version: JSON_VERSION,
        report,
    })?;
    out.push(b'\n');
    Ok(out)
}

/// The JSON Schema of the JSON report (kept in `docs/report.schema.json`).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Versioned<'static>);
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

fn render(
    name: &str,
    source: &str,
    report: &Report,
    lang: Lang,
    tz: &TimeZone,
) -> Result<String, Error> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else if name.ends_with(".md") {
            AutoEscape::Custom("markdown".into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| match state.auto_escape() {
        AutoEscape::Custom(name) if name == "markdown" => {
            if value.is_undefined() || value.is_none() {
                return Ok(());
            }
            let text = value.to_string();
            if value.is_safe() {
                out.write_str(&text)?;
            } else {
                out.write_str(&escape_markdown(&text))?;
            }
            Ok(())
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    env.add_function("t", move |id: &str| -> Result<String, Error> {
        if lang.has(id) {
            Ok(lang.text(id))
        } else {
            Err(Error::new(
                ErrorKind::InvalidOperation,
                format!("no message {id:?}"),
            ))
        }
    });
    let day_tz = tz.clone();
    env.add_filter("day", move |value: &str| day(value, &day_tz, "%d.%m.%Y"));
    let moment_tz = tz.clone();
    env.add_filter("moment", move |value: &str| {
        day(value, &moment_tz, "%d.%m.%Y %H:%M")
    });
    env.add_template_owned(name.to_owned(), source.to_owned())?;
    let template = env.get_template(name)?;
    template.render(minijinja::context! {
        report => Value::from(minijinja::value::Serde(report)),
        lang => match lang { Lang::Ru => "ru", Lang::En => "en" },
    })
}

/// A timestamp or a date (as serialized) as a day in the officer's time zone.
fn day(value: &str, tz: &TimeZone, format: &str) -> Result<String, Error> {
    if let Ok(at) = value.parse::<Timestamp>() {
        return Ok(at.to_zoned(tz.clone()).strftime(format).to_string());
    }
    value
        .parse::<jiff::civil::Date>()
        .map(|d| d.strftime("%d.%m.%Y").to_string())
        .map_err(|_| {
            Error::new(
                ErrorKind::InvalidOperation,
                format!("not a date: {value:?}"),
            )
        })
}

/// Text made inert in Markdown: characters that would start emphasis, code, links, HTML,
/// entities or table cells are backslash-escaped; line breaks become spaces, so that a value
/// stays on its line (and so can never start a heading or a list).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
