//! A change to a run that is not open on screen: every change from the command line and the
//! wizard's home screen (rename, archive, take out of the archive) goes through
//! [`Store::change`], so that the lock, the fitting to the procedure, the engine's checks, the
//! journal and the save are the same whoever asks.

use jiff::Timestamp;

use super::Store;
use super::editions::Edition;
use super::errors::{OpenError, SaveError};
use crate::i18n::Msg;
use crate::procedure::Procedure;
use crate::run::Run;
use crate::run::command::{Command, Day, Outcome, Refusal, apply_on};

/// Why a change to a run did not happen.
#[derive(Debug)]
pub enum ChangeError<'p, E> {
    /// The run could not be opened: there is no such run, it is open elsewhere (its lock is
    /// held), or it cannot be read.
    Open(OpenError),
    /// Neither the procedure's file nor a kept edition of it is there (its id).
    NoProcedure(String),
    /// The caller could not make the command from the run (an unknown step, a bad value).
    Make(E),
    /// The engine refused it, for the reason it gives about this procedure.
    Refused(Refusal, Box<Edition<'p>>),
    /// It was made but could not be written; nothing on disk changed.
    Save(SaveError),
}

impl<'p, E> ChangeError<'p, E> {
    /// The same error, the caller's own reason turned by `f`.
    pub fn map_make<F>(self, f: impl FnOnce(E) -> F) -> ChangeError<'p, F> {
        match self {
            ChangeError::Open(error) => ChangeError::Open(error),
            ChangeError::NoProcedure(id) => ChangeError::NoProcedure(id),
            ChangeError::Make(reason) => ChangeError::Make(f(reason)),
            ChangeError::Refused(refusal, procedure) => ChangeError::Refused(refusal, procedure),
            ChangeError::Save(error) => ChangeError::Save(error),
        }
    }
}

/// A change made and saved: the procedure the run walks, what the engine said.
#[derive(Debug)]
pub struct Changed<'p> {
    pub procedure: Edition<'p>,
    pub outcome: Outcome,
    /// The run as saved.
    pub run: Run,
}

impl Store {
    /// Changes the run `id` while no one else has it: under its lock (a run open in a wizard
    /// or another command is refused), walked with its own edition of the procedure
    /// (`procedure_of` gives the procedure's file as it is now, see [`Store::walk_edition`]), the command `make` makes from it applied by the
    /// engine (dated `day` when given), and saved.
    pub fn change<'p, E>(
        &self,
        id: &str,
        procedure_of: impl FnOnce(&Run) -> Option<&'p Procedure>,
        make: impl FnOnce(&Procedure, &Run) -> Result<Command, E>,
        now: Timestamp,
        day: Option<Day>,
    ) -> Result<Changed<'p>, ChangeError<'p, E>> {
        let (mut session, opened) = self.open_run(id).map_err(ChangeError::Open)?;
        let mut run = opened.run;
        // Walked with its own edition (see [`Store::walk_edition`]); a newer one in the file is
        // not applied by a change.
        let file = procedure_of(&run);
        let Some(walked) = self.walk_edition(&mut run, file, now) else {
            return Err(ChangeError::NoProcedure(run.procedure.id.clone()));
        };
        let procedure = walked.procedure;
        let command = make(&procedure, &run).map_err(ChangeError::Make)?;
        match apply_on(&procedure, &mut run, command, now, day) {
            Ok(outcome) => {
                session
                    .save(&procedure, &run, now)
                    .map_err(ChangeError::Save)?;
                Ok(Changed {
                    procedure,
                    outcome,
                    run,
                })
            }
            Err(refusal) => Err(ChangeError::Refused(refusal, Box::new(procedure))),
        }
    }

    /// Gives the run `id` the label `label` (trimmed; an empty one is refused), journaled as
    /// any change; returns the other runs of its procedure that have the same label, to be
    /// warned about (see [`super::same_label`]).
    pub fn relabel<'p>(
        &self,
        id: &str,
        label: &str,
        procedure_of: impl FnOnce(&Run) -> Option<&'p Procedure>,
        now: Timestamp,
    ) -> Result<Vec<super::SameLabel>, ChangeError<'p, Msg>> {
        let label = label.trim();
        let make = |_: &Procedure, _: &Run| match label.is_empty() {
            true => Err(Msg::new("change-empty-label")),
            false => Ok(Command::Rename(label.to_owned())),
        };
        let changed = self.change(id, procedure_of, make, now, None)?;
        Ok(self.same_label(changed.procedure.id(), label, Some(id)))
    }

    /// Puts the run `id` in the archive (`true`: off the wizard's home screen, still read by
    /// `status` and `export`) or takes it out, journaled.
    pub fn set_archived<'p>(
        &self,
        id: &str,
        archived: bool,
        procedure_of: impl FnOnce(&Run) -> Option<&'p Procedure>,
        now: Timestamp,
    ) -> Result<(), ChangeError<'p, std::convert::Infallible>> {
        let make = |_: &Procedure, _: &Run| Ok(Command::Archive(archived));
        self.change(id, procedure_of, make, now, None).map(|_| ())
    }
}
