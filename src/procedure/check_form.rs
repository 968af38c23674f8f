//! The rules on forms, fields and conditions.

use std::collections::HashMap;

use super::check::Checker;
use super::condition::{Options, Shape, ShapeError};
use super::diagnostic::closest;
use super::field::{Column, DefaultValue, Field, FieldType, Form, Pattern};
use super::{Condition, Diagnostic, Msg, PathSeg, Scalar};
use crate::path;

fn with(at: &[PathSeg], key: &'static str) -> Vec<PathSeg> {
    let mut path = at.to_vec();
    path.push(key.into());
    path
}

fn with_index(at: &[PathSeg], key: &'static str, index: usize) -> Vec<PathSeg> {
    let mut path = with(at, key);
    path.push(index.into());
    path
}

/// The settings a field and a table column share, borrowed from either.
struct Typed<'a> {
    kind: FieldType,
    options: &'a [String],
    default: Option<&'a DefaultValue>,
    pattern: Option<&'a Pattern>,
    pattern_message: Option<&'a str>,
    min: Option<f64>,
    max: Option<f64>,
    has_columns: bool,
}

impl<'a> From<&'a Column> for Typed<'a> {
    fn from(column: &'a Column) -> Self {
        Typed {
            kind: column.kind,
            options: &column.options,
            default: column.default.as_ref(),
            pattern: column.pattern.as_ref(),
            pattern_message: column.pattern_message.as_deref(),
            min: column.min,
            max: column.max,
            has_columns: false,
        }
    }
}

impl Checker<'_> {
    pub(super) fn forms(&mut self) {
        let file = self.file;
        for (index, form) in file.forms.iter().enumerate() {
            let at = path!["form", index];
            self.not_blank(&form.title, || with(&at, "title"));
            if !form.external && form.fields.is_empty() {
                self.push(
                    Diagnostic::error("form-without-fields")
                        .arg("id", form.id.as_str())
                        .at(at.clone())
                        .help(Msg::new("help-form-without-fields")),
                );
            }
            if let Some(link) = &form.link {
                self.url(link, || with(&at, "link"));
            }
            let mut seen = HashMap::new();
            for (i, page) in form.pages.iter().enumerate() {
                let page_at = with_index(&at, "page", i);
                self.id(&page.id, with(&page_at, "id"), &mut seen);
                self.not_blank(&page.title, || with(&page_at, "title"));
                if let Some(when) = &page.required_when {
                    self.condition(when, with(&page_at, "required_when"));
                }
                if let Some(when) = &page.empty_when {
                    self.condition(when, with(&page_at, "empty_when"));
                }
            }
            for (i, field) in form.fields.iter().enumerate() {
                self.field(field, with_index(&at, "field", i), Some(form));
            }
            if let Some(signature) = &form.signature {
                self.not_blank(&signature.role, || {
                    path!["form", index, "signature", "role"]
                });
                if let Some(name) = &signature.name_field
                    && !form
                        .fields
                        .iter()
                        .any(|f| f.id.as_deref() == Some(name.as_str()))
                {
                    let known: Vec<&str> =
                        form.fields.iter().filter_map(|f| f.id.as_deref()).collect();
                    self.reference(
                        "field",
                        name,
                        &known,
                        path!["form", index, "signature", "name_field"],
                    );
                }
            }
        }
    }

    /// A form field (`form` is its form) or a step result (`form` is `None`).
    pub(super) fn field(&mut self, field: &Field, at: Vec<PathSeg>, form: Option<&Form>) {
        if let Some(original) = &field.reuse {
            self.reused_field(field, original, &at);
        } else {
            if field.id.is_none() {
                self.push(
                    Diagnostic::error("missing-key")
                        .arg("key", "id")
                        .at(at.clone())
                        .help(Msg::new("help-field-needs-id")),
                );
            }
            match &field.label {
                Some(label) => self.not_blank(label, || with(&at, "label")),
                None => self.push(
                    Diagnostic::error("missing-key")
                        .arg("key", "label")
                        .at(at.clone()),
                ),
            }
            match field.kind {
                None => self.push(
                    Diagnostic::error("missing-type")
                        .at(at.clone())
                        .help(Msg::new("help-missing-type")),
                ),
                Some(kind) => {
                    let typed = Typed {
                        kind,
                        options: &field.options,
                        default: field.default.as_ref(),
                        pattern: field.pattern.as_ref(),
                        pattern_message: field.pattern_message.as_deref(),
                        min: field.min,
                        max: field.max,
                        has_columns: !field.columns.is_empty(),
                    };
                    self.typed(&typed, &at);
                    if kind == FieldType::Table {
                        self.columns(&field.columns, &at);
                    }
                }
            }
            if field.secret && !matches!(field.kind, Some(FieldType::Text | FieldType::Multiline)) {
                self.push(
                    Diagnostic::error("key-not-for-type")
                        .arg("key", "secret")
                        .arg("type", field.kind.map_or("?", FieldType::name))
                        .at(with(&at, "secret")),
                );
            }
        }
        match (form, &field.page) {
            (Some(form), Some(page)) if !form.pages.iter().any(|p| &p.id == page) => {
                let known: Vec<&str> = form.pages.iter().map(|p| p.id.as_str()).collect();
                self.reference("page", page, &known, with(&at, "page"));
            }
            (None, Some(_)) => self.push(
                Diagnostic::error("key-not-for-type")
                    .arg("key", "page")
                    .arg("type", "result")
                    .at(with(&at, "page")),
            ),
            _ => {}
        }
        if let Some(when) = &field.when {
            self.condition(when, with(&at, "when"));
        }
        if let Some(when) = &field.required_when {
            self.condition(when, with(&at, "required_when"));
        }
    }

    /// A field that shows a value defined elsewhere takes everything from the original.
    fn reused_field(&mut self, field: &Field, original: &str, at: &[PathSeg]) {
        let defining = [
            ("id", field.id.is_some()),
            ("type", field.kind.is_some()),
            ("default", field.default.is_some()),
            ("options", !field.options.is_empty()),
            ("column", !field.columns.is_empty()),
            ("pattern", field.pattern.is_some()),
        ];
        for (key, present) in defining {
            if present {
                self.push(
                    Diagnostic::error("field-definition")
                        .arg("key", key)
                        .at(with(at, key))
                        .help(Msg::new("help-field-definition")),
                );
            }
        }
        match self.fields.get(original).copied() {
            None => {
                let known: Vec<&str> = self.fields.keys().copied().collect();
                self.reference("field", original, &known, with(at, "reuse"));
            }
            Some(source) => {
                let columns: Vec<&str> = source.columns.iter().map(|c| c.id.as_str()).collect();
                if !field.reuse_columns.is_empty() && source.kind != Some(FieldType::Table) {
                    self.push(
                        Diagnostic::error("reuse-columns")
                            .arg("id", original)
                            .at(with(at, "reuse_columns")),
                    );
                }
                for (i, column) in field.reuse_columns.iter().enumerate() {
                    if source.kind == Some(FieldType::Table) && !columns.contains(&column.as_str())
                    {
                        self.reference(
                            "column",
                            column,
                            &columns,
                            with_index(at, "reuse_columns", i),
                        );
                    }
                }
            }
        }
    }

    fn columns(&mut self, columns: &[Column], at: &[PathSeg]) {
        if columns.is_empty() {
            self.push(Diagnostic::error("empty-table").at(at.to_vec()));
        }
        let mut seen = HashMap::new();
        for (i, column) in columns.iter().enumerate() {
            let column_at = with_index(at, "column", i);
            self.id(&column.id, with(&column_at, "id"), &mut seen);
            self.not_blank(&column.label, || with(&column_at, "label"));
            if column.kind == FieldType::Table {
                self.push(Diagnostic::error("nested-table").at(with(&column_at, "type")));
            } else {
                self.typed(&Typed::from(column), &column_at);
            }
        }
    }

    /// The rules on type-specific keys, options, defaults, patterns and bounds.
    fn typed(&mut self, typed: &Typed<'_>, at: &[PathSeg]) {
        let kind = typed.kind;
        let misplaced = [
            ("options", !typed.options.is_empty() && !kind.has_options()),
            ("column", typed.has_columns && kind != FieldType::Table),
            ("pattern", typed.pattern.is_some() && !kind.is_textual()),
            ("min", typed.min.is_some() && kind != FieldType::Number),
            ("max", typed.max.is_some() && kind != FieldType::Number),
        ];
        for (key, wrong) in misplaced {
            if wrong {
                self.push(
                    Diagnostic::error("key-not-for-type")
                        .arg("key", key)
                        .arg("type", kind.name())
                        .at(with(at, key)),
                );
            }
        }
        if kind.has_options() {
            if typed.options.len() < 2 {
                self.push(
                    Diagnostic::error("too-few-options")
                        .arg("count", typed.options.len())
                        .at(with(at, "options")),
                );
            }
            for (i, option) in typed.options.iter().enumerate() {
                self.not_blank(option, || with_index(at, "options", i));
                if typed.options[..i].contains(option) {
                    self.push(
                        Diagnostic::error("duplicate-option")
                            .arg("value", option.as_str())
                            .at(with_index(at, "options", i)),
                    );
                }
            }
        }
        if let Some(detail) = typed.pattern.and_then(Pattern::error)
            && kind.is_textual()
        {
            self.push(
                Diagnostic::error("bad-pattern")
                    .arg("detail", detail)
                    .at(with(at, "pattern")),
            );
        }
        if typed.pattern_message.is_some() && typed.pattern.is_none() {
            self.push(Diagnostic::error("pattern-message-alone").at(with(at, "pattern_message")));
        }
        if let (Some(min), Some(max)) = (typed.min, typed.max)
            && min > max
        {
            self.push(
                Diagnostic::error("bad-bounds")
                    .arg("min", min)
                    .arg("max", max)
                    .at(with(at, "min")),
            );
        }
        if let Some(default) = typed.default {
            self.default(typed, default, with(at, "default"));
        }
    }

    fn default(&mut self, typed: &Typed<'_>, default: &DefaultValue, at: Vec<PathSeg>) {
        let kind = typed.kind;
        let not_option = |value: &str| !typed.options.iter().any(|o| o == value);
        let mut outside = Vec::new();
        let fits = match (kind, default) {
            (FieldType::Select, DefaultValue::Text(value)) => {
                if not_option(value) {
                    outside.push(value.clone());
                }
                true
            }
            (FieldType::Multiselect, DefaultValue::List(values)) => {
                outside.extend(values.iter().filter(|v| not_option(v)).cloned());
                true
            }
            (FieldType::Yesno, DefaultValue::Bool(_)) => true,
            (FieldType::Number, DefaultValue::Number(n)) => {
                if typed.min.is_some_and(|min| *n < min) || typed.max.is_some_and(|max| *n > max) {
                    self.push(
                        Diagnostic::error("bad-bounds")
                            .arg("min", typed.min.unwrap_or(f64::MIN))
                            .arg("max", typed.max.unwrap_or(f64::MAX))
                            .at(at.clone()),
                    );
                }
                true
            }
            (FieldType::Table, _)
            | (
                FieldType::Select | FieldType::Multiselect | FieldType::Yesno | FieldType::Number,
                _,
            ) => false,
            (_, DefaultValue::Text(_)) => true,
            _ => false,
        };
        if !fits {
            self.push(
                Diagnostic::error("default-wrong-type")
                    .arg("type", kind.name())
                    .at(at.clone())
                    .help(Msg::new("help-default-wrong-type").arg("type", kind.name())),
            );
        }
        for value in outside {
            let options: Vec<&str> = typed.options.iter().map(String::as_str).collect();
            let diagnostic = Diagnostic::error("default-not-option")
                .arg("value", value.as_str())
                .at(at.clone());
            self.push(match closest(&value, &options) {
                Some(near) => diagnostic.help(Msg::new("help-did-you-mean").arg("value", near)),
                None => diagnostic.help(
                    Msg::new("help-expected-one-of")
                        .arg("values", super::diagnostic::quote_list(&options)),
                ),
            });
        }
    }

    /// A condition must have a valid shape and name choices, options and fields that exist.
    pub(super) fn condition(&mut self, condition: &Condition, at: Vec<PathSeg>) {
        let shape = match condition.shape() {
            Ok(shape) => shape,
            Err(error) => {
                let what = match error {
                    ShapeError::Subject => "subject",
                    ShapeError::Test => "test",
                    ShapeError::Stray => "stray",
                    ShapeError::Empty => "empty",
                };
                self.push(
                    Diagnostic::error("condition-shape")
                        .arg("problem", what)
                        .at(at)
                        .help(Msg::new("help-condition-shape")),
                );
                return;
            }
        };
        match shape {
            Shape::Choice { choice, options } => {
                let Some(known) = self.choices.get(choice).cloned() else {
                    let choices: Vec<&str> = self.choices.keys().copied().collect();
                    self.reference("choice", choice, &choices, with(&at, "choice"));
                    return;
                };
                self.compared_values(options, &known, false, &at);
            }
            Shape::FieldIs { field, value } => {
                let Some(definition) = self.fields.get(field).copied() else {
                    let fields: Vec<&str> = self.fields.keys().copied().collect();
                    self.reference("field", field, &fields, with(&at, "field"));
                    return;
                };
                match definition.kind {
                    Some(kind) if kind.has_options() => {
                        let known: Vec<&str> =
                            definition.options.iter().map(String::as_str).collect();
                        self.compared_values(value, &known, false, &at);
                    }
                    Some(FieldType::Yesno) => self.compared_values(value, &[], true, &at),
                    _ => self.push(
                        Diagnostic::error("condition-value")
                            .arg("value", field)
                            .at(at)
                            .help(Msg::new("help-condition-compare")),
                    ),
                }
            }
            Shape::FieldFilled { field, .. } => {
                if !self.fields.contains_key(field) {
                    let fields: Vec<&str> = self.fields.keys().copied().collect();
                    self.reference("field", field, &fields, with(&at, "field"));
                }
            }
            Shape::All(list) | Shape::Any(list) => {
                let key = if condition.all.is_some() {
                    "all"
                } else {
                    "any"
                };
                for (i, inner) in list.iter().enumerate() {
                    self.condition(inner, with_index(&at, key, i));
                }
            }
            Shape::Not(inner) => self.condition(inner, with(&at, "not")),
        }
    }

    /// The values a condition compares with must be among `known` (or yes/no for `boolean`).
    fn compared_values(
        &mut self,
        options: Options<'_>,
        known: &[&str],
        boolean: bool,
        at: &[PathSeg],
    ) {
        let values: Vec<(Vec<PathSeg>, Scalar)> = match options {
            Options::One(value) => vec![(with(at, "is"), value.clone())],
            Options::Many(values) => values
                .iter()
                .enumerate()
                .map(|(i, v)| (with_index(at, "in", i), Scalar::Text(v.clone())))
                .collect(),
        };
        for (path, value) in values {
            let ok = match &value {
                Scalar::Bool(_) => boolean,
                Scalar::Text(text) => !boolean && known.contains(&text.as_str()),
            };
            if ok {
                continue;
            }
            let diagnostic = Diagnostic::error("condition-value")
                .arg("value", value.to_string())
                .at(path);
            let help = if boolean {
                Msg::new("help-expected-one-of").arg("values", "`true`, `false`")
            } else if let Some(near) = closest(&value.to_string(), known) {
                Msg::new("help-did-you-mean").arg("value", near)
            } else {
                Msg::new("help-expected-one-of").arg("values", super::diagnostic::quote_list(known))
            };
            self.push(diagnostic.help(help));
        }
    }
}
