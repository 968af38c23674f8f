//! Conditions: when a step, section, field, page, letter or choice applies.
//!
//! A condition is written as an inline table in one of these shapes:
//!
//! ```toml
//! when = { choice = "variant", is = "own-server" }
//! when = { choice = "variant", in = ["central", "autonomous"] }
//! when = { field = "has_token", is = true }
//! when = { field = "ip_addresses", filled = true }
//! when = { all = [ { choice = "variant", is = "central" }, { choice = "applicant", is = "is" } ] }
//! when = { any = [ … ] }
//! when = { not = { choice = "applicant", is = "is" } }
//! ```
//!
//! The file format keeps every key optional so that a wrong combination is reported by the
//! checker with its place in the file; [`Condition::shape`] gives the checked form.

use std::fmt;

use schemars::JsonSchema;
use schemars::{Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

/// A condition as written in a procedure file.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Condition {
    /// A `[[choice]]` whose chosen option is tested.
    pub choice: Option<String>,
    /// A field whose value is tested.
    pub field: Option<String>,
    /// The option (of a choice or select) or the yes/no value that makes the condition hold.
    pub is: Option<Scalar>,
    /// Options any one of which makes the condition hold.
    #[serde(rename = "in")]
    pub one_of: Option<Vec<String>>,
    /// With `field`: holds when the field is filled (`true`) or empty (`false`).
    pub filled: Option<bool>,
    /// Holds when every condition in the list holds.
    pub all: Option<Vec<Condition>>,
    /// Holds when at least one condition in the list holds.
    pub any: Option<Vec<Condition>>,
    /// Holds when the condition does not.
    pub not: Option<Box<Condition>>,
}

/// A condition in one of its valid shapes.
#[derive(Debug, Clone, Copy)]
pub enum Shape<'a> {
    /// `{ choice, is }` or `{ choice, in }`: the option chosen is one of these.
    Choice {
        choice: &'a str,
        options: Options<'a>,
    },
    /// `{ field, is }` or `{ field, in }`: the value is (or, for a multiselect, contains) one of
    /// these.
    FieldIs {
        field: &'a str,
        value: Options<'a>,
    },
    /// `{ field, filled }`.
    FieldFilled {
        field: &'a str,
        filled: bool,
    },
    All(&'a [Condition]),
    Any(&'a [Condition]),
    Not(&'a Condition),
}

/// The value or values a condition compares with.
#[derive(Debug, Clone, Copy)]
pub enum Options<'a> {
    One(&'a Scalar),
    Many(&'a [String]),
}

/// Why a condition as written has no valid shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeError {
    /// None of `choice`, `field`, `all`, `any`, `not`, or more than one of them.
    Subject,
    /// `choice` or `field` without exactly one of `is`, `in` (or `filled` for fields).
    Test,
    /// A key that does not belong with the others (`filled` with `choice`, `is` with `all`, …).
    Stray,
    /// `all`, `any` or `in` with an empty list.
    Empty,
}

impl Condition {
    /// The checked shape of this condition, or what is wrong with it.
    pub fn shape(&self) -> Result<Shape<'_>, ShapeError> {
        let subjects = [
            self.choice.is_some(),
            self.field.is_some(),
            self.all.is_some(),
            self.any.is_some(),
            self.not.is_some(),
        ];
        if subjects.iter().filter(|s| **s).count() != 1 {
            return Err(ShapeError::Subject);
        }
        let tests = [
            self.is.is_some(),
            self.one_of.is_some(),
            self.filled.is_some(),
        ];
        let test_count = tests.iter().filter(|t| **t).count();
        if matches!(&self.one_of, Some(list) if list.is_empty()) {
            return Err(ShapeError::Empty);
        }
        let options = || match (&self.is, &self.one_of) {
            (Some(one), None) => Some(Options::One(one)),
            (None, Some(many)) => Some(Options::Many(many)),
            _ => None,
        };
        if let Some(choice) = &self.choice {
            if self.filled.is_some() {
                return Err(ShapeError::Stray);
            }
            let options = options().ok_or(ShapeError::Test)?;
            return Ok(Shape::Choice { choice, options });
        }
        if let Some(field) = &self.field {
            if test_count != 1 {
                return Err(ShapeError::Test);
            }
            if let Some(filled) = self.filled {
                return Ok(Shape::FieldFilled { field, filled });
            }
            let value = options().ok_or(ShapeError::Test)?;
            return Ok(Shape::FieldIs { field, value });
        }
        if test_count != 0 {
            return Err(ShapeError::Stray);
        }
        match (&self.all, &self.any, &self.not) {
            (Some(list), _, _) | (_, Some(list), _) if list.is_empty() => Err(ShapeError::Empty),
            (Some(list), _, _) => Ok(Shape::All(list)),
            (_, Some(list), _) => Ok(Shape::Any(list)),
            (_, _, Some(inner)) => Ok(Shape::Not(inner)),
            _ => Err(ShapeError::Subject),
        }
    }
}

/// A value a condition compares with: an option id or yes/no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scalar {
    Text(String),
    Bool(bool),
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Text(s) => f.write_str(s),
            Scalar::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// A [`Scalar`] in a binary form such as the procedure cache's, where a value cannot tell its
/// own type as it does in TOML: tagged with its variant.
#[derive(Serialize)]
enum TaggedRef<'a> {
    Text(&'a str),
    Bool(bool),
}

/// [`TaggedRef`] read back.
#[derive(Deserialize)]
enum Tagged {
    Text(String),
    Bool(bool),
}

impl Serialize for Scalar {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self, serializer.is_human_readable()) {
            (Scalar::Text(text), true) => serializer.serialize_str(text),
            (Scalar::Bool(value), true) => serializer.serialize_bool(*value),
            (Scalar::Text(text), false) => TaggedRef::Text(text).serialize(serializer),
            (Scalar::Bool(value), false) => TaggedRef::Bool(*value).serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;

        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or true/false")
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
        }

        if !deserializer.is_human_readable() {
            return Ok(match Tagged::deserialize(deserializer)? {
                Tagged::Text(text) => Scalar::Text(text),
                Tagged::Bool(value) => Scalar::Bool(value),
            });
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

impl JsonSchema for Scalar {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scalar".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An option id, or true/false for a yes/no field.",
            "type": ["string", "boolean"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Condition {
        toml::from_str::<Condition>(text).expect("condition parses")
    }

    #[test]
    fn valid_shapes_are_recognised() {
        assert!(matches!(
            parse("choice = 'v'\nis = 'a'").shape(),
            Ok(Shape::Choice {
                choice: "v",
                options: Options::One(Scalar::Text(_))
            })
        ));
        assert!(matches!(
            parse("field = 'f'\nin = ['a', 'b']").shape(),
            Ok(Shape::FieldIs {
                field: "f",
                value: Options::Many(_)
            })
        ));
        assert!(matches!(
            parse("field = 'f'\nfilled = false").shape(),
            Ok(Shape::FieldFilled {
                field: "f",
                filled: false
            })
        ));
        assert!(matches!(
            parse("not = { field = 'f', is = true }").shape(),
            Ok(Shape::Not(_))
        ));
    }

    #[test]
    fn invalid_shapes_say_what_is_wrong() {
        assert_eq!(parse("is = 'a'").shape().err(), Some(ShapeError::Subject));
        assert_eq!(
            parse("choice = 'v'\nfield = 'f'\nis = 'a'").shape().err(),
            Some(ShapeError::Subject)
        );
        assert_eq!(parse("choice = 'v'").shape().err(), Some(ShapeError::Test));
        assert_eq!(
            parse("choice = 'v'\nis = 'a'\nin = ['b']").shape().err(),
            Some(ShapeError::Test)
        );
        assert_eq!(
            parse("choice = 'v'\nis = 'a'\nfilled = true").shape().err(),
            Some(ShapeError::Stray)
        );
        assert_eq!(parse("all = []").shape().err(), Some(ShapeError::Empty));
        assert_eq!(
            parse("any = [{ choice = 'v', is = 'a' }]\nis = 'x'")
                .shape()
                .err(),
            Some(ShapeError::Stray)
        );
    }
}
