//! The editions of procedures that runs were walked with, kept beside the runs
//! (`runs/editions/ID.EDITION.toml`, see [`Procedure::edition`]; a kept copy is that edition,
//! whatever its own text hashes to), and the one rule of which
//! edition a run is walked with ([`Store::walk_edition`]), used by every front end.
//!
//! A procedure file edited into a broken state, or deleted, never locks a run out: the run opens
//! with the edition it knows. A newer edition of the file is offered to the officer, never
//! imposed: the run walks its own edition until the officer takes the newer one
//! ([`crate::run::edition::take`]).
//!
//! Runs saved before editions were told apart by content name their edition by `version` only;
//! the copies kept for them then are `ID.HASH.toml` with the hash of the version, and are still
//! read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use xxhash_rust::xxh3::xxh3_64;

use crate::fsutil::{self, Durability};
use crate::i18n::Msg;
use crate::procedure::Procedure;
use crate::run::Run;
use crate::run::reconcile::{Reconciled, reconcile};

/// The folder of kept editions, inside the folder of runs.
pub const EDITIONS_DIR: &str = "editions";

/// Where the edition with this key (16 hex digits: an edition, or the hash of a version for the
/// copies kept before editions were told apart by content) of procedure `id` is kept; `None`
/// for a key or an id that could not be a file name here (read from a run file: never trusted).
fn kept_path(runs: &Path, id: &str, key: &str) -> Option<PathBuf> {
    let key_ok = key.len() == 16 && key.bytes().all(|b| b.is_ascii_hexdigit());
    (key_ok && crate::procedure::is_valid_id(id)).then(|| {
        runs.join(EDITIONS_DIR)
            .join(format!("{id}.{}.toml", key.to_ascii_lowercase()))
    })
}

/// The key of the copy kept for `version` before editions were told apart by content.
fn version_key(version: &str) -> String {
    format!("{:016x}", xxh3_64(version.as_bytes()))
}

/// Keeps `procedure`'s edition unless it is kept already. A failure is not an error of the save
/// that asked for it: the run is saved all the same, and the edition kept at the next save.
pub(super) fn keep(runs: &Path, procedure: &Procedure, durability: Durability) {
    let Some(path) = kept_path(runs, procedure.id(), &procedure.edition()) else {
        return;
    };
    if path.exists() {
        return;
    }
    let Some(text) = procedure.to_kept() else {
        return;
    };
    if let Some(dir) = path.parent()
        && fsutil::private_dir(dir).is_ok()
    {
        let _ = fsutil::create_new(&path, text.as_bytes(), durability);
    }
}

/// Kept editions read in this process, by file: a kept edition is never rewritten, so one read
/// serves every run of it (the home screen lists many).
#[derive(Debug, Default)]
pub(super) struct KeptEditions(Mutex<HashMap<PathBuf, Option<Arc<Procedure>>>>);

/// The edition a run is walked with: the procedure file as it is now, or a kept edition.
#[derive(Debug, Clone)]
pub enum Edition<'a> {
    File(&'a Procedure),
    Kept(Arc<Procedure>),
}

impl std::ops::Deref for Edition<'_> {
    type Target = Procedure;

    fn deref(&self) -> &Procedure {
        match self {
            Edition::File(procedure) => procedure,
            Edition::Kept(procedure) => procedure,
        }
    }
}

/// A newer edition of the procedure than the run's, in its file now.
#[derive(Debug, Clone)]
pub struct Offer<'a> {
    pub procedure: &'a Procedure,
    /// The officer was offered this edition before and kept the run's own: it is mentioned,
    /// not offered again.
    pub declined: bool,
    /// The run is finished (every step that applies is done or not needed): its record stays
    /// as it was, and the newer edition is not offered; only said.
    pub finished: bool,
}

impl Offer<'_> {
    /// Whether the officer is to be asked, now that the run is opened.
    pub fn to_ask(&self) -> bool {
        !self.declined && !self.finished
    }

    /// Whether the officer may take it.
    pub fn open(&self) -> bool {
        !self.finished
    }
}

/// How a run is walked, decided by [`Store::walk_edition`].
#[derive(Debug)]
pub struct Walked<'a> {
    /// The edition the run is walked with.
    pub procedure: Edition<'a>,
    /// What fitting the run to that edition moved: only a run fitted to its file (that had no
    /// edition of its own to be walked with) has anything moved.
    pub moved: Reconciled,
    /// A newer edition, in the procedure file now.
    pub offer: Option<Offer<'a>>,
    /// Something the officer is to be told once: the run's own edition is not kept, so it was
    /// fitted to the procedure file as it is now.
    pub said: Option<Msg>,
}

impl super::Store {
    /// The edition with this key of procedure `id`, if it is kept and reads.
    fn kept(&self, id: &str, key: &str) -> Option<Arc<Procedure>> {
        let path = kept_path(self.runs_dir(), id, key)?;
        let mut kept = self.kept.0.lock().unwrap_or_else(|e| e.into_inner());
        kept.entry(path)
            .or_insert_with_key(|path| {
                let bytes = std::fs::read(path).ok()?;
                // Its edition is the one it is kept as (a copy kept for a version before
                // editions were told apart by content is known by that from then on).
                let edition = u64::from_str_radix(key, 16).ok()?;
                Procedure::from_kept_as(&bytes, edition).map(Arc::new)
            })
            .clone()
    }

    /// The edition `edition` ([`Procedure::edition`]) of procedure `id`, if it is kept and
    /// reads.
    pub fn kept_edition(&self, id: &str, edition: &str) -> Option<Arc<Procedure>> {
        self.kept(id, edition)
    }

    /// The edition of procedure `id` whose `version` was this, kept for a run saved before
    /// editions were told apart by content (or since, by its content), if it reads.
    pub fn kept_version(&self, id: &str, version: &str) -> Option<Arc<Procedure>> {
        self.kept(id, &version_key(version))
    }

    /// The edition a run recorded: by its edition, or by its version for a run saved before
    /// editions were told apart by content.
    pub fn own_edition(&self, run: &Run) -> Option<Arc<Procedure>> {
        let reference = &run.procedure;
        match &reference.edition {
            Some(edition) => self.kept_edition(&reference.id, edition),
            None => self.kept_version(&reference.id, &reference.version),
        }
    }

    /// The editions the run had before the one it is walked with (`procedure`), as far as they
    /// are kept, named by its journal, and its own when it is not `procedure`: what the
    /// procedure no longer has is named as they named it.
    pub fn earlier_editions(&self, procedure: &Procedure, run: &Run) -> Vec<Arc<Procedure>> {
        use crate::run::Value;
        use crate::run::state::Recorded;
        let id = procedure.id();
        let mut out: Vec<Arc<Procedure>> = (run.journal.iter())
            .filter(|entry| entry.what == crate::run::journal::What::Edition)
            .filter_map(|entry| {
                let from = entry.edition.as_ref().and_then(|e| e.from.as_deref());
                match (from, &entry.old) {
                    (Some(edition), _) => self.kept_edition(id, edition),
                    (None, Some(Recorded::Value(Value::Text(version)))) => {
                        self.kept_version(id, version)
                    }
                    _ => None,
                }
            })
            .collect();
        out.extend(
            self.own_edition(run)
                .filter(|own| own.edition() != procedure.edition()),
        );
        out
    }

    /// Which edition `run` is walked with, the one rule every front end follows. `file` is the
    /// procedure as its file is now, `None` when the file is gone or does not load.
    ///
    /// - A run walks its own edition (the kept one). When the file is another edition, that one
    ///   is offered ([`Walked::offer`]), never applied; a finished run is not offered it.
    /// - A run with no edition recorded (saved before editions were told apart by content): the
    ///   file with the same `version` is its edition, taken silently; with another version, the
    ///   edition kept for the run's version is walked and the file offered.
    /// - Nothing kept: the run is fitted to the file as it is now (there is nothing else to open
    ///   it with), the change journaled and [`Walked::said`].
    /// - Neither kept nor a file: `None`.
    ///
    /// The run is changed only when it is fitted to the file; the caller saves it when
    /// [`Reconciled::changed`] says so.
    pub fn walk_edition<'a>(
        &self,
        run: &mut Run,
        file: Option<&'a Procedure>,
        now: Timestamp,
    ) -> Option<Walked<'a>> {
        let file = file.filter(|p| p.id() == run.procedure.id);
        let own_is_file = file.is_some_and(|file| match &run.procedure.edition {
            Some(edition) => *edition == file.edition(),
            None => run.procedure.version == file.version(),
        });
        let own = if own_is_file {
            None
        } else {
            self.own_edition(run)
        };
        match (own, file) {
            (None, Some(file)) => {
                let moved = reconcile(file, run);
                crate::run::command::journal_edition(file, run, &moved, now);
                let said = (!own_is_file).then(|| {
                    Msg::new("edition-not-kept")
                        .arg("old", run_version(&moved, file))
                        .arg("new", file.version())
                });
                Some(Walked {
                    procedure: Edition::File(file),
                    moved,
                    offer: None,
                    said,
                })
            }
            (Some(own), file) => {
                let moved = reconcile(&own, run);
                // The file holds an edition the run has already left (an earlier file put
                // back, or the officer's own file broken so that the bundled one is read):
                // going back is never offered as news; it is said.
                let left = file.and_then(|file| {
                    let edition = file.edition();
                    (run.journal.iter())
                        .filter_map(|entry| entry.edition.as_ref())
                        .any(|taken| taken.from.as_deref() == Some(edition.as_str()))
                        .then(|| {
                            Msg::new("edition-left-in-file")
                                .arg("version", file.version())
                                .arg("own", own.version())
                        })
                });
                let file = file.filter(|_| left.is_none());
                let offer = file.map(|file| {
                    let (done, all) = crate::run::view::progress(&own, run);
                    Offer {
                        procedure: file,
                        declined: run.procedure.declined.as_deref() == Some(&file.edition()),
                        finished: all > 0 && done == all,
                    }
                });
                Some(Walked {
                    procedure: Edition::Kept(own),
                    moved,
                    offer,
                    said: left,
                })
            }
            (None, None) => None,
        }
    }
}

/// The version the run had before it was fitted to `file`.
fn run_version(moved: &Reconciled, file: &Procedure) -> String {
    moved
        .version_changed
        .as_ref()
        .map_or_else(|| file.version().to_owned(), |(old, _)| old.clone())
}
