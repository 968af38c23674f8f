//! poryadok (Порядок, "the procedure"): a terminal wizard that walks officers of Russian state
//! and municipal bodies through weeks-long procedures.
//!
//! The library is the functional core: [`procedure`] reads and checks procedure files,
//! [`catalog`] finds them on disk and in the binary. The binary (`src/main.rs`) is the shell.

#![forbid(unsafe_code)]

pub mod calendar;
pub mod catalog;
pub mod cli;
pub mod export;
pub mod fsutil;
pub mod i18n;
pub mod organisation;
pub mod plain;
pub mod procedure;
pub mod run;
pub mod store;
pub mod text;
pub mod tui;
pub mod validate;
