//! Reading [`Value`] and [`Recorded`] from a run file in one look at the JSON.
//!
//! Both are written untagged, as the JSON shape they have. serde's derived untagged reading
//! buffers every value and tries each variant in turn, building an error message for every
//! failed try; over the thousands of values and journal entries of a long run that was most of
//! the time spent opening it. These visitors pick the variant from the JSON type at once.

use std::collections::BTreeMap;
use std::fmt;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::state::{Recorded, StepState, Value};

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text, yes/no, a list of texts or a table (a list of rows)")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut texts = Vec::new();
        let mut rows = Vec::new();
        while let Some(item) = seq.next_element::<Item>()? {
            match item {
                Item::Text(text) => texts.push(text),
                Item::Row(row) => rows.push(row),
            }
        }
        match (texts.is_empty(), rows.is_empty()) {
            // An empty list reads as a list; a field's type tells the engine what it is.
            (_, true) => Ok(Value::List(texts)),
            (true, false) => Ok(Value::Table(rows)),
            (false, false) => Err(de::Error::custom("a list mixes texts and table rows")),
        }
    }
}

/// An element of a list value: a text, or a table row.
enum Item {
    Text(String),
    Row(BTreeMap<String, Value>),
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Item, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text or a table row")
            }
            fn visit_str<E>(self, v: &str) -> Result<Item, E> {
                Ok(Item::Text(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Item, E> {
                Ok(Item::Text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Item, A::Error> {
                let mut row = BTreeMap::new();
                while let Some((key, value)) = map.next_entry::<String, Value>()? {
                    row.insert(key, value);
                }
                Ok(Item::Row(row))
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

impl<'de> Deserialize<'de> for Recorded {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Recorded, D::Error> {
        deserializer.deserialize_any(RecordedVisitor)
    }
}

struct RecordedVisitor;

impl<'de> Visitor<'de> for RecordedVisitor {
    type Value = Recorded;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value, a step's state or a secret marker")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Recorded, E> {
        Ok(Recorded::Value(Value::Bool(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Recorded, E> {
        Ok(Recorded::Value(Value::Text(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Recorded, E> {
        Ok(Recorded::Value(Value::Text(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Recorded, A::Error> {
        ValueVisitor.visit_seq(seq).map(Recorded::Value)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Recorded, A::Error> {
        let mut status: Option<String> = None;
        let mut at: Option<Timestamp> = None;
        let mut since: Option<Timestamp> = None;
        let mut due: Option<Date> = None;
        let mut passed_over = false;
        let mut on: Option<Date> = None;
        let mut secret: Option<bool> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "status" => status = Some(map.next_value()?),
                "at" => at = Some(map.next_value()?),
                "since" => since = Some(map.next_value()?),
                "due" => due = map.next_value()?,
                "passed_over" => passed_over = map.next_value()?,
                "on" => on = map.next_value()?,
                "secret" => secret = Some(map.next_value()?),
                other => {
                    return Err(de::Error::unknown_field(
                        other,
                        &[
                            "status",
                            "at",
                            "since",
                            "due",
                            "passed_over",
                            "on",
                            "secret",
                        ],
                    ));
                }
            }
        }
        if let Some(secret) = secret {
            return Ok(Recorded::Secret {
                secret,
                value: None,
            });
        }
        let missing = |name| de::Error::missing_field(name);
        let state = match status.as_deref() {
            Some("done") => StepState::Done {
                at: at.ok_or_else(|| missing("at"))?,
                passed_over,
                on,
                due,
            },
            Some("in_progress") => StepState::InProgress {
                since: since.ok_or_else(|| missing("since"))?,
                on,
            },
            Some("waiting") => StepState::Waiting {
                since: since.ok_or_else(|| missing("since"))?,
                due,
                on,
            },
            Some(other) => {
                return Err(de::Error::unknown_variant(
                    other,
                    &["done", "in_progress", "waiting"],
                ));
            }
            None => return Err(missing("status")),
        };
        Ok(Recorded::Step(state))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T>(value: &T)
    where
        T: serde::Serialize + for<'de> Deserialize<'de> + PartialEq + fmt::Debug,
    {
        let json = serde_json::to_string(value).unwrap();
        let back: T = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, value, "{json}");
    }

    #[test]
    fn every_shape_reads_back_as_written() {
        let now = Timestamp::from_second(1_764_000_000).unwrap();
        let row = BTreeMap::from([
            ("name".to_owned(), Value::Text("Иванов".into())),
            (
                "roles".to_owned(),
                Value::List(vec!["a".into(), "b".into()]),
            ),
            ("on".to_owned(), Value::Bool(true)),
        ]);
        for value in [
            Value::Text("текст".into()),
            Value::Bool(false),
            Value::List(vec!["x".into()]),
            Value::List(vec![]),
            Value::Table(vec![row.clone(), row]),
        ] {
            round_trip(&value);
            round_trip(&Recorded::Value(value));
        }
        let day = Some("2026-11-20".parse().unwrap());
        for state in [
            StepState::Done {
                at: now,
                passed_over: true,
                on: None,
                due: None,
            },
            StepState::Done {
                at: now,
                passed_over: false,
                on: day,
                due: Some("2026-11-25".parse().unwrap()),
            },
            StepState::InProgress {
                since: now,
                on: None,
            },
            StepState::InProgress {
                since: now,
                on: day,
            },
            StepState::Waiting {
                since: now,
                due: Some("2026-12-01".parse().unwrap()),
                on: day,
            },
            StepState::Waiting {
                since: now,
                due: None,
                on: None,
            },
        ] {
            round_trip(&Recorded::Step(state));
        }
        round_trip(&Recorded::Secret {
            secret: true,
            value: None,
        });
        // The value a secret's marker holds in memory is never written.
        let json =
            serde_json::to_string(&Recorded::secret(Value::Text("Пароль-1".into()))).unwrap();
        assert_eq!(json, r#"{"secret":true}"#);
    }

    #[test]
    fn malformed_shapes_are_refused_with_what_is_wrong() {
        let error = |json: &str| {
            serde_json::from_str::<Recorded>(json)
                .unwrap_err()
                .to_string()
        };
        assert!(error(r#"{"status": "lost"}"#).contains("unknown variant `lost`"));
        assert!(error(r#"{"status": "done"}"#).contains("missing field `at`"));
        assert!(error(r#"{"colour": 1}"#).contains("unknown field `colour`"));
        assert!(error(r#"["a", {"b": "c"}]"#).contains("mixes texts and table rows"));
        assert!(error("5").contains("invalid type: integer"));
    }
}
