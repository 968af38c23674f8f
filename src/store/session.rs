//! A run opened for editing: it holds the run's lock and saves.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use super::errors::SaveError;
use super::format::{self, Unreadable};
use super::seal::Sealer;
use crate::fsutil::{self, Durability, ReplaceError};
use crate::i18n::Msg;
use crate::procedure::Procedure;
use crate::run::Run;

/// A run opened for editing: holds the lock until dropped, and saves.
#[derive(Debug)]
pub struct Session {
    id: String,
    path: PathBuf,
    previous: PathBuf,
    lock: File,
    sealer: Arc<Sealer>,
    durability: Durability,
    pub(super) unreadable: Unreadable,
    /// The file holds secrets in plain text (format 1): the next save keeps no copy of it.
    pub(super) plain_secrets: bool,
}

/// What opening a run gave besides the session.
#[derive(Debug)]
pub struct Opened {
    pub run: Run,
    /// The format the file had, when it was older and has been read by migration; the next
    /// save writes the current format.
    pub migrated_from: Option<u32>,
    /// When the run was last saved, if the file says.
    pub saved: Option<Timestamp>,
    /// Secret values sealed under a key this store no longer has, by field id: they are kept in
    /// the file but cannot be shown (see [`Opened::unreadable_notice`]).
    pub unreadable: Vec<String>,
}

impl Opened {
    /// What to tell the officer when secret values of the run cannot be read: which fields, that
    /// they are kept, and that the key file `key` is not the one they were sealed with.
    pub fn unreadable_notice(&self, id: &str, key: &Path) -> Option<Msg> {
        (!self.unreadable.is_empty()).then(|| unreadable_msg(id, &self.unreadable, key))
    }
}

/// Secret values of run `id` that the key file `key` does not open.
pub(super) fn unreadable_msg(id: &str, fields: &[String], key: &Path) -> Msg {
    Msg::new("store-secrets-unreadable")
        .arg("id", id)
        .arg("count", fields.len())
        .arg("fields", fields.join(", "))
        .arg("key", key.display().to_string())
}

impl Session {
    pub(super) fn new(
        id: &str,
        path: PathBuf,
        previous: PathBuf,
        lock: File,
        sealer: Arc<Sealer>,
        durability: Durability,
    ) -> Session {
        Session {
            id: id.to_owned(),
            path,
            previous,
            lock,
            sealer,
            durability,
            unreadable: Unreadable::default(),
            plain_secrets: false,
        }
    }

    /// The run's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The run's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the run: atomically, durably, with secret values sealed (the fields the procedure
    /// marks secret, and every field the run keeps secret), the values a secret had before each
    /// change sealed in the journal. The content before this save is kept as
    /// `ID.previous.json`.
    ///
    /// On failure the error says whether the file holds the change ([`SaveError::written`]:
    /// only flushing the folder to the disk failed) or is as it was before; either way the run
    /// in memory is unchanged, and saving again writes it.
    pub fn save(
        &mut self,
        procedure: &Procedure,
        run: &Run,
        now: Timestamp,
    ) -> Result<(), SaveError> {
        if let Some(runs) = self.path.parent() {
            super::editions::keep(runs, procedure, self.durability);
        }
        let secret: BTreeSet<String> = secret_field_ids(procedure).collect();
        // A run saved before editions were told apart by content learns its edition now.
        let bytes = if run.procedure.edition.is_none() && run.procedure.id == procedure.id() {
            let mut run = run.clone();
            run.procedure.edition = Some(procedure.edition());
            format::encode(&run, &secret, &self.unreadable, &self.sealer, now)
        } else {
            format::encode(run, &secret, &self.unreadable, &self.sealer, now)
        };
        // A file of format 1 may hold secrets in plain text: no copy of it is kept.
        let keep = (!self.plain_secrets).then_some(self.previous.as_path());
        let result = fsutil::replace(&self.path, &bytes, keep, self.durability);
        let (error, written) = match result {
            Ok(()) => (None, true),
            Err(ReplaceError::NotFlushed(error)) => (Some(error), true),
            Err(ReplaceError::NotWritten(error)) => (Some(error), false),
        };
        let error = if written && self.plain_secrets {
            self.plain_secrets = false;
            match fs::remove_file(&self.previous) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => error.or(Some(e)),
                _ => error,
            }
        } else {
            error
        };
        match error {
            None => Ok(()),
            Some(error) => Err(SaveError {
                id: self.id.clone(),
                path: self.path.clone(),
                error,
                written,
            }),
        }
    }

    /// Keeps the lock file handle alive; for tests that check the lock.
    pub fn lock_file(&self) -> &File {
        &self.lock
    }
}

/// Ids of every secret field of a procedure (form fields and step results).
pub fn secret_field_ids(procedure: &Procedure) -> impl Iterator<Item = String> + '_ {
    let file = procedure.file();
    file.forms
        .iter()
        .flat_map(|form| form.fields.iter())
        .chain(file.steps.iter().flat_map(|step| step.results.iter()))
        .filter(|field| field.secret)
        .filter_map(|field| field.id.clone())
}
