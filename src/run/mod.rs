//! Runs: one officer's walk through one procedure, as plain values and pure functions.
//!
//! Work in progress (issue #3): the run state, condition evaluation, step statuses and the
//! checked commands with their journal and undo are here; deadlines, migration of runs across
//! procedure changes and the store are not yet.

pub mod command;
pub mod eval;
pub mod state;
pub mod view;

pub use state::{Run, StepState, Value};
