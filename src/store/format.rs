//! The run file: readable, versioned JSON with a checksum.
//!
//! ```json
//! {
//!   "format": 3,
//!   "checksum": "xxh3-128:5f0c…",
//!   "written_by": "poryadok 0.1.0",
//!   "saved": "2026-11-23T09:15:00Z",
//!   "run": { "procedure": {…}, "label": "…", "steps": {…}, "values": {…}, "journal": […],
//!            "secret": ["admin_password"] },
//!   "sealed": { "admin_password": "base64 of nonce and ciphertext" },
//!   "sealed_journal": { "4.new": "…", "5.old": "…" }
//! }
//! ```
//!
//! Format history:
//! - **1**: the run object itself at the top level (with `"format": 1` among its keys) and secret
//!   values in `values` like any other. It is read and migrated: its secrets are sealed at the
//!   next save.
//! - **2**: the envelope above without `checksum` and `sealed_journal`; secret values only in
//!   `sealed` (or `sealed_aside` for values kept aside), never in `run`. Read and migrated.
//! - **3**: a checksum of the whole file, so that bytes damaged on the disk are told apart from
//!   a run; the values a secret field had before each change (for undo) sealed in
//!   `sealed_journal` by journal entry; the run names its secret fields (`run.secret`).
//!
//! The checksum is XXH3-128 of the file as written with the 32 hex digits of the checksum all
//! `0`, trailing whitespace left out. It covers every byte, the checksum's own line but its digits
//! included. Every format from 3 on keeps this scheme, so that an older poryadok can tell a newer
//! file from a damaged one. A checksum of all `0`s is not checked: that is how IT staff mark a
//! file they mended by hand.
//!
//! A file of a newer format than [`FILE_FORMAT`] is refused and left untouched.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_128;

use super::seal::{Sealer, Unseal};
use crate::run::state::{Entry, Recorded, SecretValue};
use crate::run::{Run, Value};

/// The run file format this build writes.
pub const FILE_FORMAT: u32 = 3;

/// What the checksum's value starts with; the hex digits follow.
const CHECKSUM_KEY: &[u8] = br#""checksum": "xxh3-128:"#;
const CHECKSUM_DIGITS: usize = 32;

/// What reading a run file gave.
#[derive(Debug)]
pub struct Decoded {
    pub run: Run,
    /// The format the file had, when older than [`FILE_FORMAT`].
    pub migrated_from: Option<u32>,
    /// When the file was saved (format 2 on).
    pub saved: Option<Timestamp>,
    /// Sealed values that could not be opened (the key file was lost or replaced), by id, as
    /// found; they are written back unchanged so that they are not lost.
    pub unreadable: Unreadable,
}

/// Sealed values that could not be opened, kept as found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unreadable {
    pub values: BTreeMap<String, String>,
    pub aside: BTreeMap<String, String>,
    pub journal: BTreeMap<String, String>,
}

impl Unreadable {
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.aside.is_empty() && self.journal.is_empty()
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
    /// The checksum does not match the content: bytes were changed on the disk or by hand.
    #[error(
        "the content does not match its checksum: the file was damaged or changed outside poryadok"
    )]
    Checksum,
    /// A file of a format with a checksum that has none.
    #[error("the file has no checksum, which every run file of format {format} has")]
    NoChecksum { format: u32 },
    /// Written by a newer poryadok.
    #[error("run file format {found} is newer than this poryadok reads ({supported})")]
    Newer { found: u32, supported: u32 },
    /// The run file is not there, but copies of it are (it was moved aside as damaged).
    #[error(
        "the run file is not there (it was moved aside as damaged){}",
        if *previous { "; the copy before its last save is kept" } else { "" }
    )]
    Missing { previous: bool },
    /// A folder in the run file's place.
    #[error("the run file is a folder")]
    Folder,
    /// A symbolic link to nothing in the run file's place.
    #[error("the run file is a link to {}, which is not there", target.display())]
    Dangling { target: std::path::PathBuf },
    /// The file could not be read at all (what the system said).
    #[error("the run file cannot be read: {0}")]
    Unreadable(String),
}

impl DecodeError {
    /// Why the file does not read, in the officer's words where there are any: a syntax or
    /// shape error is technical and quoted as it is.
    pub fn message(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            DecodeError::Checksum => Msg::new("store-decode-checksum"),
            DecodeError::NoChecksum { format } => {
                Msg::new("store-decode-no-checksum").arg("format", *format)
            }
            DecodeError::Missing { previous: true } => Msg::new("store-decode-missing-previous"),
            DecodeError::Missing { previous: false } => Msg::new("store-decode-missing"),
            DecodeError::Folder => Msg::new("store-decode-folder"),
            DecodeError::Dangling { target } => {
                Msg::new("store-decode-dangling").arg("target", target.display().to_string())
            }
            DecodeError::Unreadable(os) => {
                Msg::new("store-decode-unreadable").arg("os", os.as_str())
            }
            other => Msg::new("store-reason-other").arg("os", other.to_string()),
        }
    }
}

#[derive(Deserialize)]
struct Probe {
    format: Option<u32>,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checksum: Option<String>,
    #[serde(default)]
    written_by: String,
    saved: Option<Timestamp>,
    run: Run,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    sealed: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    sealed_aside: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    sealed_journal: BTreeMap<String, String>,
}

/// Reads a run file. Sealed values are opened with `sealer`; without one (a listing that only
/// needs progress) they are left out.
pub fn decode(bytes: &[u8], sealer: Option<&Sealer>) -> Result<Decoded, DecodeError> {
    // Where the JSON itself is broken (a file cut short) that is said first: it tells where.
    let checked = verify_checksum(bytes);
    // The usual case, a file of this format, is read in one pass; the probe that tells the
    // other cases apart costs a second pass, so it runs only when the first fails.
    let current = match serde_json::from_slice::<Envelope>(bytes) {
        Ok(envelope) => {
            let checked = checked.clone()?;
            match envelope.format {
                FILE_FORMAT if !checked => {
                    return Err(DecodeError::NoChecksum {
                        format: FILE_FORMAT,
                    });
                }
                FILE_FORMAT => return Ok(unseal(envelope, sealer)),
                2 => {
                    let mut decoded = unseal(envelope, sealer);
                    decoded.migrated_from = Some(2);
                    return Ok(decoded);
                }
                _ => None,
            }
        }
        Err(error) => Some(error),
    };
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| syntax_or_shape(e, 0))?;
    checked?;
    match probe.format {
        // Says it is of a format with an envelope but did not read as one: why, from the
        // first pass.
        Some(format @ (2 | FILE_FORMAT)) => Err(current.map_or_else(
            || DecodeError::Shape {
                format,
                message: "not a run".into(),
            },
            |error| syntax_or_shape(error, format),
        )),
        Some(1) => {
            let mut run: Run = serde_json::from_slice(bytes).map_err(|e| syntax_or_shape(e, 1))?;
            secrets_of_journal(&mut run);
            Ok(Decoded {
                run,
                migrated_from: Some(1),
                saved: None,
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

/// Checks the checksum if the file has one: `Ok(true)` when it matches, `Ok(false)` when the
/// file has none (a file of format 1 or 2, or one cut short before it).
fn verify_checksum(bytes: &[u8]) -> Result<bool, DecodeError> {
    let Some(at) = memchr::memmem::find(bytes, CHECKSUM_KEY) else {
        return Ok(false);
    };
    let digits = at + CHECKSUM_KEY.len()..at + CHECKSUM_KEY.len() + CHECKSUM_DIGITS;
    let Some(found) = bytes.get(digits.clone()) else {
        return Ok(false);
    };
    // All zeros: a file mended by hand, whose mender waived the check (the next save writes a
    // checksum again). Damage does not write 32 zeros over exactly these digits.
    if found.iter().all(|b| *b == b'0') {
        return Ok(true);
    }
    let mut zeroed = bytes.to_vec();
    zeroed[digits].fill(b'0');
    if found == hex(checksum(&zeroed)).as_bytes() {
        Ok(true)
    } else {
        Err(DecodeError::Checksum)
    }
}

/// The checksum of a file's bytes, trailing whitespace left out (an editor may add or take
/// away the final line break).
fn checksum(bytes: &[u8]) -> u128 {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |at| at + 1);
    xxh3_128(&bytes[..end])
}

fn hex(sum: u128) -> String {
    format!("{sum:032x}")
}

fn unseal(envelope: Envelope, sealer: Option<&Sealer>) -> Decoded {
    let mut run = envelope.run;
    let mut unreadable = Unreadable::default();
    // Whatever was sealed, or journaled as a secret, stays secret.
    run.secret.extend(envelope.sealed.keys().cloned());
    run.secret.extend(envelope.sealed_aside.keys().cloned());
    secrets_of_journal(&mut run);
    for (map, target, lost) in [
        (envelope.sealed, &mut run.values, &mut unreadable.values),
        (
            envelope.sealed_aside,
            &mut run.aside.values,
            &mut unreadable.aside,
        ),
    ] {
        for (id, sealed) in map {
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
    for (slot, sealed) in envelope.sealed_journal {
        let Some(sealer) = sealer else { continue };
        let place = journal_place(&mut run.journal, &slot);
        match (place, open_value(sealer, &journal_name(&slot), &sealed)) {
            (Some(place), Ok(value)) => *place = Some(SecretValue(Box::new(value))),
            _ => {
                unreadable.journal.insert(slot, sealed);
            }
        }
    }
    Decoded {
        run,
        migrated_from: None,
        saved: envelope.saved,
        unreadable,
    }
}

/// Records as secret every field the journal has a secret's marker for.
fn secrets_of_journal(run: &mut Run) {
    let journaled: Vec<String> = run
        .journal
        .iter()
        .filter(|e| [&e.old, &e.new].into_iter().any(is_marker))
        .filter_map(|e| e.what.field().map(str::to_owned))
        .collect();
    run.secret.extend(journaled);
}

fn is_marker(recorded: &Option<Recorded>) -> bool {
    matches!(recorded, Some(Recorded::Secret { .. }))
}

/// The value slot of a journal entry's secret, by its key in `sealed_journal` (`4.old`).
fn journal_place<'a>(journal: &'a mut [Entry], slot: &str) -> Option<&'a mut Option<SecretValue>> {
    let (index, side) = slot.split_once('.')?;
    let entry = journal.get_mut(index.parse::<usize>().ok()?)?;
    let recorded = match side {
        "old" => &mut entry.old,
        "new" => &mut entry.new,
        _ => return None,
    };
    match recorded {
        Some(Recorded::Secret { value, .. }) => Some(value),
        _ => None,
    }
}

/// What a journal value is sealed under: its place, so that it cannot be moved to another.
fn journal_name(slot: &str) -> String {
    format!("journal:{slot}")
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

/// Writes a run file. Values whose id is in `secret` (and those the run keeps secret) are
/// sealed and never appear in `run`, nor in its journal: a secret's values there are sealed in
/// `sealed_journal`. `unreadable` sealed values are written back as they were.
pub fn encode(
    run: &Run,
    secret: &BTreeSet<String>,
    unreadable: &Unreadable,
    sealer: &Sealer,
    saved: Timestamp,
) -> Vec<u8> {
    let mut plain = run.clone();
    let secret: BTreeSet<String> = plain.secret.union(secret).cloned().collect();
    let mut sealed = unreadable.values.clone();
    let mut sealed_aside = unreadable.aside.clone();
    let mut sealed_journal = unreadable.journal.clone();
    let seal = |name: &str, value: &Value| {
        let json = serde_json::to_vec(value).expect("a value serialises");
        sealer.seal(name, &json)
    };
    for (values, out) in [
        (&mut plain.values, &mut sealed),
        (&mut plain.aside.values, &mut sealed_aside),
    ] {
        for id in &secret {
            if let Some(value) = values.remove(id) {
                out.insert(id.clone(), seal(id, &value));
                // Sealed once, secret for good.
                plain.secret.insert(id.clone());
            }
        }
    }
    for (index, entry) in plain.journal.iter_mut().enumerate() {
        let field = entry.what.field();
        let hidden = field.is_some_and(|field| secret.contains(field));
        let mut sealed_here = false;
        for (side, recorded) in [("old", &mut entry.old), ("new", &mut entry.new)] {
            let value = match recorded.take() {
                Some(Recorded::Secret {
                    value: Some(value), ..
                }) => Some(*value.0),
                // A value journaled in plain before its field was secret is sealed now.
                Some(Recorded::Value(value)) if hidden => Some(value),
                other => {
                    *recorded = other;
                    continue;
                }
            };
            if let Some(value) = value {
                let slot = format!("{index}.{side}");
                sealed_journal.insert(slot.clone(), seal(&journal_name(&slot), &value));
            }
            *recorded = Some(Recorded::Secret {
                secret: true,
                value: None,
            });
            sealed_here = true;
        }
        if let (true, Some(field)) = (sealed_here, field) {
            plain.secret.insert(field.to_owned());
        }
    }
    let envelope = Envelope {
        format: FILE_FORMAT,
        checksum: Some(format!("xxh3-128:{}", "0".repeat(CHECKSUM_DIGITS))),
        written_by: concat!("poryadok ", env!("CARGO_PKG_VERSION")).to_owned(),
        saved: Some(saved),
        run: plain,
        sealed,
        sealed_aside,
        sealed_journal,
    };
    let mut bytes = serde_json::to_vec_pretty(&envelope).expect("a run serialises");
    bytes.push(b'\n');
    let at = memchr::memmem::find(&bytes, CHECKSUM_KEY).expect("the checksum was written")
        + CHECKSUM_KEY.len();
    let sum = hex(checksum(&bytes));
    bytes[at..at + CHECKSUM_DIGITS].copy_from_slice(sum.as_bytes());
    bytes
}

#[cfg(test)]
mod tests;
