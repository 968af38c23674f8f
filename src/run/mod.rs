//! Runs: one officer's walk through one procedure, as plain values and pure functions.
//!
//! Work in progress (issue #3): the run state, condition evaluation and step statuses are
//! here; commands, the journal, deadlines and the store are not yet.

pub mod eval;
pub mod state;
pub mod view;

pub use state::{Run, StepState, Value};
