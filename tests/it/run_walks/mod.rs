//! Walks through each bundled procedure from its first step to its last, through the pure
//! engine only (`run::command::apply` and `run::view`), as an officer would: choose the
//! variant, fill the forms with realistic values, record the results, complete each step when
//! it is ready, and be refused when trying to go out of order.
//!
//! The expected step orders, skipped steps and counts below are read from the procedure files
//! (`procedures/*.toml`), not from the engine, so that a wrong engine makes these tests fail.

mod antivirus;
mod esia;
mod pgs;
mod refusals;
mod rsmev;
mod signature;
mod walk;
