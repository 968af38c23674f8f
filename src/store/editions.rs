//! The editions of procedures that runs were walked with, kept beside the runs
//! (`runs/editions/ID.HASH.toml`, the hash of the procedure's version), so that a procedure
//! file edited into a broken state, or deleted, never locks a run out: the run opens with the
//! edition it knows.

use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use crate::fsutil::{self, Durability};
use crate::procedure::Procedure;

/// The folder of kept editions, inside the folder of runs.
pub const EDITIONS_DIR: &str = "editions";

/// Where the edition `version` of procedure `id` is kept.
pub(super) fn edition_path(runs: &Path, id: &str, version: &str) -> PathBuf {
    let hash = xxh3_64(version.as_bytes());
    runs.join(EDITIONS_DIR)
        .join(format!("{id}.{hash:016x}.toml"))
}

/// Keeps `procedure`'s edition unless it is kept already. A failure is not an error of the save
/// that asked for it: the run is saved all the same, and the edition kept at the next save.
pub(super) fn keep(runs: &Path, procedure: &Procedure, durability: Durability) {
    if !crate::procedure::is_valid_id(procedure.id()) {
        return;
    }
    let path = edition_path(runs, procedure.id(), &procedure.file().procedure.version);
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

impl super::Store {
    /// The edition `version` of procedure `id` kept when a run of it was saved, if it is kept
    /// and reads.
    pub fn kept_edition(&self, id: &str, version: &str) -> Option<Procedure> {
        if !crate::procedure::is_valid_id(id) {
            return None;
        }
        let bytes = std::fs::read(edition_path(self.runs_dir(), id, version)).ok()?;
        Procedure::from_kept(&bytes)
    }
}
