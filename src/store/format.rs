//! The run file: readable, versioned JSON.
//!
//! ```json
//! {
//!   "format": 2,
//!   "written_by": "poryadok 0.1.0",
//!   "saved": "2026-11-23T09:15:00Z",
//!   "run": { "procedure": {…}, "label": "…", "steps": {…}, "values": {…}, "journal": […] },
//!   "sealed": { "admin_password": "base64 of nonce and ciphertext" }
//! }
//! ```
//!
//! Format history:
//! - **1**: the run object itself at the top level (with `"format": 1` among its keys) and secret
//!   values in `values` like any other. It is read and migrated: its secrets are sealed at the
//!   next save.
//! - **2**: the envelope above; secret values only in `sealed` (or `sealed_aside` for values
//!   kept aside), never in `run`.
//!
//! A file of a newer format than [`FILE_FORMAT`] is refused and left untouched.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::seal::{Sealer, Unseal};
use crate::run::{Run, Value};

/// The run file format this build writes.
pub const FILE_FORMAT: u32 = 2;

/// What reading a run file gave.
#[derive(Debug)]
pub struct Decoded {
    pub run: Run,
    /// The format the file had, when older than [`FILE_FORMAT`].
    pub migrated_from: Option<u32>,
    /// When the file was saved (format 2 on).
    pub saved: Option<Timestamp>,
    /// Ids of the values that were sealed in the file: they stay sealed whatever the procedure
    /// now says.
    pub sealed_ids: BTreeSet<String>,
    /// Sealed values that could not be opened (the key file was lost or replaced), by id, as
    /// found; they are written back unchanged so that they are not lost.
    pub unreadable: Unreadable,
}

/// Sealed values that could not be opened, kept as found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unreadable {
    pub values: BTreeMap<String, String>,
    pub aside: BTreeMap<String, String>,
}

impl Unreadable {
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.aside.is_empty()
    }
}

/// Why a run file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Not JSON, or JSON cut short: where it went wrong.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a run of the format it claims.
    #[error("not a poryadok run file of format {format}: {message}")]
    Shape { format: u32, message: String },
    /// Written by a newer poryadok.
    #[error("run file format {found} is newer than this poryadok reads ({supported})")]
    Newer { found: u32, supported: u32 },
}

#[derive(Deserialize)]
struct Probe {
    format: Option<u32>,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: u32,
    #[serde(default)]
    written_by: String,
    saved: Option<Timestamp>,
    run: Run,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    sealed: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    sealed_aside: BTreeMap<String, String>,
}

/// Reads a run file. Sealed values are opened with `sealer`; without one (a listing that only
/// needs progress) they are left out.
pub fn decode(bytes: &[u8], sealer: Option<&Sealer>) -> Result<Decoded, DecodeError> {
    // The usual case, a file of this format, is read in one pass; the probe that tells the
    // other cases apart costs a second pass, so it runs only when the first fails.
    let current = match serde_json::from_slice::<Envelope>(bytes) {
        Ok(envelope) if envelope.format == FILE_FORMAT => return Ok(unseal(envelope, sealer)),
        Ok(_) => None,
        Err(error) => Some(error),
    };
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| syntax_or_shape(e, 0))?;
    match probe.format {
        // Says it is of this format but did not read as one: why, from the first pass.
        Some(FILE_FORMAT) => Err(current.map_or_else(
            || DecodeError::Shape {
                format: FILE_FORMAT,
                message: "not a run".into(),
            },
            |error| syntax_or_shape(error, FILE_FORMAT),
        )),
        Some(1) => {
            let run: Run = serde_json::from_slice(bytes).map_err(|e| syntax_or_shape(e, 1))?;
            Ok(Decoded {
                run,
                migrated_from: Some(1),
                saved: None,
                sealed_ids: BTreeSet::new(),
                unreadable: Unreadable::default(),
            })
        }
        Some(found) if found > FILE_FORMAT => Err(DecodeError::Newer {
            found,
            supported: FILE_FORMAT,
        }),
        Some(found) => Err(DecodeError::Shape {
            format: found,
            message: "no poryadok ever wrote this format".into(),
        }),
        None => Err(DecodeError::Shape {
            format: 0,
            message: "the key `format` is missing".into(),
        }),
    }
}

fn unseal(envelope: Envelope, sealer: Option<&Sealer>) -> Decoded {
    let mut run = envelope.run;
    let mut sealed_ids = BTreeSet::new();
    let mut unreadable = Unreadable::default();
    for (map, target, lost) in [
        (envelope.sealed, &mut run.values, &mut unreadable.values),
        (
            envelope.sealed_aside,
            &mut run.aside.values,
            &mut unreadable.aside,
        ),
    ] {
        for (id, sealed) in map {
            sealed_ids.insert(id.clone());
            let Some(sealer) = sealer else { continue };
            match open_value(sealer, &id, &sealed) {
                Ok(value) => {
                    target.insert(id, value);
                }
                Err(_) => {
                    lost.insert(id, sealed);
                }
            }
        }
    }
    Decoded {
        run,
        migrated_from: None,
        saved: envelope.saved,
        sealed_ids,
        unreadable,
    }
}

fn open_value(sealer: &Sealer, id: &str, sealed: &str) -> Result<Value, Unseal> {
    let plain = sealer.open(id, sealed)?;
    serde_json::from_slice(&plain).map_err(|_| Unseal::Malformed)
}

fn syntax_or_shape(error: serde_json::Error, format: u32) -> DecodeError {
    use serde_json::error::Category;
    match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => DecodeError::Syntax {
            line: error.line(),
            column: error.column(),
            message: strip_position(&error),
        },
        Category::Data => DecodeError::Shape {
            format,
            message: error.to_string(),
        },
    }
}

/// serde_json appends " at line L column C", which [`DecodeError::Syntax`] says itself.
fn strip_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Writes a run file. Values whose id is in `secret` are sealed and never appear in `run`;
/// `unreadable` sealed values are written back as they were.
pub fn encode(
    run: &Run,
    secret: &BTreeSet<String>,
    unreadable: &Unreadable,
    sealer: &Sealer,
    saved: Timestamp,
) -> Vec<u8> {
    let mut plain = run.clone();
    let mut sealed = unreadable.values.clone();
    let mut sealed_aside = unreadable.aside.clone();
    for (values, out) in [
        (&mut plain.values, &mut sealed),
        (&mut plain.aside.values, &mut sealed_aside),
    ] {
        for id in secret {
            if let Some(value) = values.remove(id) {
                let json = serde_json::to_vec(&value).expect("a value serialises");
                out.insert(id.clone(), sealer.seal(id, &json));
            }
        }
    }
    let envelope = Envelope {
        format: FILE_FORMAT,
        written_by: concat!("poryadok ", env!("CARGO_PKG_VERSION")).to_owned(),
        saved: Some(saved),
        run: plain,
        sealed,
        sealed_aside,
    };
    let mut bytes = serde_json::to_vec_pretty(&envelope).expect("a run serialises");
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealer() -> (tempfile::TempDir, Sealer) {
        let dir = tempfile::tempdir().unwrap();
        let sealer = Sealer::open_or_create(&dir.path().join("key")).unwrap();
        (dir, sealer)
    }

    fn sample() -> Run {
        let text = include_str!("../../tests/store/format-1.json");
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn a_run_survives_encoding_with_its_secret_sealed() {
        let (_dir, sealer) = sealer();
        let run = sample();
        let secret: BTreeSet<String> = ["v1_ksc_password".to_owned()].into();
        let bytes = encode(&run, &secret, &Unreadable::default(), &sealer, run.created);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains("Sentinel-Secret-42"), "{text}");
        assert!(text.contains("\"sealed\""));
        let decoded = decode(&bytes, Some(&sealer)).unwrap();
        assert_eq!(decoded.run, run);
        assert_eq!(decoded.migrated_from, None);
        assert!(decoded.sealed_ids.contains("v1_ksc_password"));
        // Without the key, the listing still reads the run but not the secret.
        let listed = decode(&bytes, None).unwrap();
        assert!(!listed.run.values.contains_key("v1_ksc_password"));
    }

    #[test]
    fn format_one_is_migrated() {
        let bytes = include_bytes!("../../tests/store/format-1.json");
        let decoded = decode(bytes, None).unwrap();
        assert_eq!(decoded.migrated_from, Some(1));
        assert_eq!(decoded.run.label, "Администрация МО «Пример»");
        assert_eq!(
            decoded.run.values.get("v1_ksc_password"),
            Some(&Value::Text("Sentinel-Secret-42".into()))
        );
    }

    #[test]
    fn newer_and_broken_files_are_told_apart() {
        assert_eq!(
            decode(br#"{"format": 99, "run": {}}"#, None).unwrap_err(),
            DecodeError::Newer {
                found: 99,
                supported: FILE_FORMAT
            }
        );
        match decode(b"{\n  \"format\": 2,\n  \"run\": {", None).unwrap_err() {
            DecodeError::Syntax { line, .. } => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode(br#"{"format": 2, "run": 5}"#, None).unwrap_err(),
            DecodeError::Shape { format: 2, .. }
        ));
        assert!(matches!(
            decode(br#"{"label": "x"}"#, None).unwrap_err(),
            DecodeError::Shape { format: 0, .. }
        ));
    }

    #[test]
    fn values_sealed_under_a_lost_key_are_kept_as_found() {
        let (_dir, sealer) = sealer();
        let (_other_dir, other) = self::sealer();
        let run = sample();
        let secret: BTreeSet<String> = ["v1_ksc_password".to_owned()].into();
        let bytes = encode(&run, &secret, &Unreadable::default(), &sealer, run.created);
        let decoded = decode(&bytes, Some(&other)).unwrap();
        assert!(!decoded.run.values.contains_key("v1_ksc_password"));
        let kept = decoded
            .unreadable
            .values
            .get("v1_ksc_password")
            .unwrap()
            .clone();
        // Written back unchanged, it still opens with the right key.
        let again = encode(
            &decoded.run,
            &decoded.sealed_ids,
            &decoded.unreadable,
            &other,
            run.created,
        );
        let reopened = decode(&again, Some(&sealer)).unwrap();
        assert_eq!(
            reopened.run.values.get("v1_ksc_password"),
            run.values.get("v1_ksc_password")
        );
        assert!(String::from_utf8(again).unwrap().contains(&kept));
    }
}
