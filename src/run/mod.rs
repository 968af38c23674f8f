//! Runs: one officer's walk through one procedure, as plain values and pure functions.
//!
//! Work in progress (issue #3): the run state and condition evaluation are here; commands,
//! derived views and the store are not yet.

pub mod eval;
pub mod state;

pub use state::{Run, StepState, Value};
