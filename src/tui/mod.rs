//! The wizard: a ratatui terminal UI over the run engine and the store. This is the only
//! module that knows ratatui and crossterm.
//!
//! The Elm architecture: [`action::Action`] is everything an officer can do, [`update::update`]
//! changes [`app::App`] without I/O and returns an [`update::Effect`], [`shell`] carries the
//! effect out (the store, the clock) and [`view::draw`] draws from the state.

pub mod action;
pub mod app;
mod copy;
pub mod keys;
pub mod shell;
mod terminal;
pub mod update;
pub mod view;
