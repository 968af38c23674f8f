//! Forms and their typed fields.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use super::condition::Condition;

/// A form the officer fills: an application, a list of employees, an access request.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Form {
    /// The identifier steps and letters use.
    pub id: String,
    /// The title of the form as printed, e.g. «Форма заявки на разграничение доступа…».
    pub title: String,
    /// To whom the form is addressed, where the procedure names it.
    pub addressee: Option<String>,
    /// Explanation shown above the form (Markdown).
    pub description: Option<String>,
    /// `true` when the form is the issuer's own template, filled outside poryadok (its fields are
    /// not in the source document). Its `[[form.page]]` rules are then shown as a checklist.
    #[serde(default)]
    pub external: bool,
    /// Where the blank form can be downloaded.
    pub link: Option<String>,
    /// The signature block printed under the form.
    pub signature: Option<Signature>,
    /// The fields, in order (`[[form.field]]`).
    #[serde(default, rename = "field")]
    pub fields: Vec<Field>,
    /// Named parts of the form that are mandatory or must stay empty under some variant
    /// (`[[form.page]]`).
    #[serde(default, rename = "page")]
    pub pages: Vec<Page>,
}

/// The signature block of a form: «Руководитель ____ И.И. Иванов», with the date.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Signature {
    /// The signer's position as printed, e.g. «Руководитель».
    pub role: String,
    /// The field that holds the signer's name.
    pub name_field: Option<String>,
}

/// A named part of a form (a page of a spreadsheet template, a block of fields).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Page {
    /// The identifier fields use in `page`.
    pub id: String,
    /// The title, e.g. «Сервер KSC».
    pub title: String,
    /// Explanation shown with the page.
    pub help: Option<String>,
    /// The page must be filled when this condition holds.
    pub required_when: Option<Condition>,
    /// The page must be left empty when this condition holds.
    pub empty_when: Option<Condition>,
}

/// The type of a field's value; it decides the editor and the validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// One line of text.
    Text,
    /// Several lines of text.
    Multiline,
    /// A number; `min` and `max` bound it.
    Number,
    /// A date, entered as ДД.ММ.ГГГГ.
    Date,
    /// An e-mail address.
    Email,
    /// A Russian phone number, kept as +7….
    Phone,
    /// A Russian mobile phone number (+7 9XX …), kept as +7….
    Mobile,
    /// ИНН: 10 digits for an organisation, 12 for a person, with check digits.
    Inn,
    /// The ИНН of an organisation: 10 digits with a check digit.
    InnOrg,
    /// The ИНН of a person (an individual, an individual entrepreneur): 12 digits with check
    /// digits.
    InnPerson,
    /// СНИЛС: 11 digits with a check number.
    Snils,
    /// ОГРН: 13 digits with a check digit.
    Ogrn,
    /// ОГРНИП: 15 digits with a check digit.
    Ogrnip,
    /// КПП: 9 characters.
    Kpp,
    /// One or more IPv4/IPv6 addresses or CIDR ranges.
    IpList,
    /// A web address.
    Url,
    /// One of `options`.
    Select,
    /// Any number of `options`.
    Multiselect,
    /// Yes or no.
    Yesno,
    /// A table of repeated rows with typed `[[…column]]`s.
    Table,
}

impl FieldType {
    /// The name used in procedure files.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Multiline => "multiline",
            FieldType::Number => "number",
            FieldType::Date => "date",
            FieldType::Email => "email",
            FieldType::Phone => "phone",
            FieldType::Mobile => "mobile",
            FieldType::Inn => "inn",
            FieldType::InnOrg => "inn_org",
            FieldType::InnPerson => "inn_person",
            FieldType::Snils => "snils",
            FieldType::Ogrn => "ogrn",
            FieldType::Ogrnip => "ogrnip",
            FieldType::Kpp => "kpp",
            FieldType::IpList => "ip_list",
            FieldType::Url => "url",
            FieldType::Select => "select",
            FieldType::Multiselect => "multiselect",
            FieldType::Yesno => "yesno",
            FieldType::Table => "table",
        }
    }

    /// Whether the value is free text that a `pattern` can constrain.
    pub fn is_textual(self) -> bool {
        matches!(self, FieldType::Text | FieldType::Multiline)
    }

    /// Whether the value is picked from `options`.
    pub fn has_options(self) -> bool {
        matches!(self, FieldType::Select | FieldType::Multiselect)
    }
}

/// A field of a form, or a result recorded when a step is done.
///
/// A field either defines a value (`id` and `type`) or shows one defined in another form
/// (`reuse`), so that a value entered once, such as the organisation's name, is entered once.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Field {
    /// The identifier, unique in the whole procedure: conditions and letters refer to it.
    pub id: Option<String>,
    /// The ids this field had in earlier editions: a run that recorded a value under one of
    /// them keeps it under `id`.
    #[serde(default)]
    pub was: Vec<String>,
    /// Show the value of the field with this id, defined in another form, instead of a new one.
    pub reuse: Option<String>,
    /// With `reuse` of a table: the columns to show, in order (all when omitted).
    #[serde(default)]
    pub reuse_columns: Vec<String>,
    /// The type of the value.
    #[serde(rename = "type")]
    pub kind: Option<FieldType>,
    /// The label as printed on the form.
    pub label: Option<String>,
    /// Explanation shown beside the field.
    pub help: Option<String>,
    /// An example shown in the empty field.
    pub placeholder: Option<String>,
    /// The field must be filled.
    #[serde(default)]
    pub required: bool,
    /// The field must be filled when this condition holds.
    pub required_when: Option<Condition>,
    /// The field applies only when this condition holds.
    pub when: Option<Condition>,
    /// The value the field starts with.
    pub default: Option<DefaultValue>,
    /// A regular expression the whole value must match (text fields).
    #[schemars(with = "Option<String>")]
    pub pattern: Option<Pattern>,
    /// The message shown when `pattern` does not match.
    pub pattern_message: Option<String>,
    /// The value is secret (a password): never stored or exported in plain text.
    #[serde(default)]
    pub secret: bool,
    /// The options of a `select` or `multiselect`.
    #[serde(default)]
    pub options: Vec<String>,
    /// The columns of a `table` (`[[form.field.column]]`).
    #[serde(default, rename = "column")]
    pub columns: Vec<Column>,
    /// The `[[form.page]]` the field is on.
    pub page: Option<String>,
    /// The smallest allowed `number`.
    pub min: Option<f64>,
    /// The largest allowed `number`.
    pub max: Option<f64>,
    /// The field is this value of the run's organisation (`"inn"`, `"full_name"`…, see
    /// `docs/procedure-format.md`): filled from the register of organisations when it is empty.
    pub organisation: Option<crate::organisation::OrgKey>,
}

/// A column of a table field.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Column {
    /// The identifier, unique within the table.
    pub id: String,
    /// The column header as printed.
    pub label: String,
    /// The type of the cells (anything but `table`).
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Explanation shown with the column.
    pub help: Option<String>,
    /// An example shown in an empty cell.
    pub placeholder: Option<String>,
    /// Every row must fill this cell.
    #[serde(default)]
    pub required: bool,
    /// The value a new row starts with.
    pub default: Option<DefaultValue>,
    /// A regular expression the whole cell must match (text columns).
    #[schemars(with = "Option<String>")]
    pub pattern: Option<Pattern>,
    /// The message shown when `pattern` does not match.
    pub pattern_message: Option<String>,
    /// The options of a `select` or `multiselect` column.
    #[serde(default)]
    pub options: Vec<String>,
    /// The smallest allowed `number`.
    pub min: Option<f64>,
    /// The largest allowed `number`.
    pub max: Option<f64>,
}

/// Patterns run on every keystroke in a field; a pathological one must not make the wizard
/// slow, so their compiled size is bounded.
pub const PATTERN_SIZE_LIMIT: usize = 256 * 1024;

/// A `pattern` of a field or column: its text, and the regular expression compiled once, as the
/// procedure is read (from its file or from the cache), never again on a check or a frame.
#[derive(Clone, Deserialize, Serialize)]
#[serde(from = "String", into = "String")]
pub struct Pattern {
    text: String,
    /// The text anchored at both ends, compiled; or why it does not compile.
    compiled: Result<regex::Regex, String>,
}

impl Pattern {
    pub fn new(text: String) -> Pattern {
        let build = |pattern: &str| {
            regex::RegexBuilder::new(pattern)
                .size_limit(PATTERN_SIZE_LIMIT)
                .build()
        };
        // Checked as written first: anchored, a text like `a)(b` would become a valid
        // expression the author did not write.
        let compiled = build(&text)
            .and_then(|_| build(&format!("^(?:{text})$")))
            .map_err(|error| {
                // The last line says what is wrong; those above repeat the pattern.
                let message = error.to_string();
                message.lines().last().unwrap_or_default().to_owned()
            });
        Pattern { text, compiled }
    }

    /// The pattern as the file writes it.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// What is wrong with the pattern, if it is not a regular expression the wizard can run.
    pub fn error(&self) -> Option<&str> {
        self.compiled.as_ref().err().map(String::as_str)
    }

    /// Whether the whole of `value` matches; never, for a pattern that does not compile (a
    /// procedure with one does not load).
    pub fn matches(&self, value: &str) -> bool {
        self.compiled.as_ref().is_ok_and(|re| re.is_match(value))
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl From<String> for Pattern {
    fn from(text: String) -> Pattern {
        Pattern::new(text)
    }
}

impl From<Pattern> for String {
    fn from(pattern: Pattern) -> String {
        pattern.text
    }
}

/// A default value: text, a number, yes/no, or a list (for `multiselect` and `ip_list`).
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultValue {
    Text(String),
    Number(f64),
    Bool(bool),
    List(Vec<String>),
}

impl fmt::Display for DefaultValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefaultValue::Text(s) => write!(f, "\"{s}\""),
            DefaultValue::Number(n) => write!(f, "{n}"),
            DefaultValue::Bool(b) => write!(f, "{b}"),
            DefaultValue::List(items) => write!(f, "[{}]", items.join(", ")),
        }
    }
}

/// A [`DefaultValue`] in a binary form such as the procedure cache's, where a value cannot tell
/// its own type as it does in TOML: tagged with its variant.
#[derive(Serialize)]
enum TaggedRef<'a> {
    Text(&'a str),
    Number(f64),
    Bool(bool),
    List(&'a [String]),
}

/// [`TaggedRef`] read back.
#[derive(Deserialize)]
enum Tagged {
    Text(String),
    Number(f64),
    Bool(bool),
    List(Vec<String>),
}

impl Serialize for DefaultValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return match self {
                DefaultValue::Text(text) => serializer.serialize_str(text),
                DefaultValue::Number(number) => serializer.serialize_f64(*number),
                DefaultValue::Bool(value) => serializer.serialize_bool(*value),
                DefaultValue::List(items) => items.serialize(serializer),
            };
        }
        match self {
            DefaultValue::Text(text) => TaggedRef::Text(text),
            DefaultValue::Number(number) => TaggedRef::Number(*number),
            DefaultValue::Bool(value) => TaggedRef::Bool(*value),
            DefaultValue::List(items) => TaggedRef::List(items),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for DefaultValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DefaultVisitor;

        impl<'de> Visitor<'de> for DefaultVisitor {
            type Value = DefaultValue;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a number, true/false or an array of strings")
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(DefaultValue::Bool(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(DefaultValue::Number(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(DefaultValue::Number(v as f64))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(DefaultValue::Number(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(DefaultValue::Text(v.to_owned()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(DefaultValue::List(items))
            }
        }

        if !deserializer.is_human_readable() {
            return Ok(match Tagged::deserialize(deserializer)? {
                Tagged::Text(text) => DefaultValue::Text(text),
                Tagged::Number(number) => DefaultValue::Number(number),
                Tagged::Bool(value) => DefaultValue::Bool(value),
                Tagged::List(items) => DefaultValue::List(items),
            });
        }
        deserializer.deserialize_any(DefaultVisitor)
    }
}

impl JsonSchema for DefaultValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DefaultValue".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A default value: text, a number, true/false, or an array of strings.",
            "anyOf": [
                { "type": "string" },
                { "type": "number" },
                { "type": "boolean" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    /// A pattern matches the whole value, and only what it says as written: one that is not an
    /// expression on its own is refused even when anchoring would make it one.
    #[test]
    fn a_pattern_matches_whole_values_and_is_read_as_written() {
        let digits = Pattern::new("[0-9]{3}".into());
        assert_eq!(digits.error(), None);
        assert!(digits.matches("123"));
        assert!(!digits.matches("1234"));
        assert!(!digits.matches("x123"));
        let unbalanced = Pattern::new("a)(?:b".into());
        assert!(unbalanced.error().is_some());
        assert!(!unbalanced.matches("ab"));
        let kept: String = digits.clone().into();
        assert_eq!(kept, "[0-9]{3}");
    }
}
