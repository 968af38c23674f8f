//! Runs: one officer's walk through one procedure, as plain values and pure functions.
//!
//! [`state`] holds the recorded facts, [`command`] the checked changes with their journal and
//! undo, [`journal`] what each journal entry changed, in types and in words, [`eval`] the three-valued conditions, [`view`] each step's status, [`schedule`] the
//! due dates and what a choice would change, and [`reconcile`] fits a run to a procedure file
//! that changed after the run started. Nothing here touches the disk: that is [`crate::store`].

pub mod command;
mod decode;
pub mod edition;
pub mod eval;
pub mod journal;
pub mod reconcile;
pub mod schedule;
pub mod state;
pub mod view;

pub use state::{Run, StepState, Value};
