//! The plain mode: the wizard line by line, for screen readers and for terminals that cannot
//! move a cursor (`TERM=dumb`, a pipe, a serial console).
//!
//! It reads lines from its input and writes lines to its output, one after the other, nothing
//! drawn over: numbered steps with their state in words, numbered prompts for fields and
//! choices, no box-drawing, no colour, no cursor movement. Every change goes through the same
//! engine as the wizard (`run::command::apply`, `run::view`, `run::schedule`) and is saved at
//! once through the store's sessions, so a run can be walked in either and continued in the
//! other.
//!
//! [`home`] lists the runs and the procedures, [`walk`] is one run (its steps and commands),
//! [`fields`] asks for the values of a step's fields, [`say`] turns procedure text into
//! plain lines.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::i18n::{Arg, Lang};
use crate::procedure::Procedure;
use crate::store::Store;

mod choose;
mod commands;
mod fields;
mod home;
mod say;
mod walk;

/// Whether the wizard should work line by line: asked for (`--plain`, or `ACCESSIBLE` set to
/// anything but empty or `0`), or the terminal cannot do screen control (`TERM=dumb`), or the
/// input or the output is not a terminal at all.
pub fn wanted(
    asked: bool,
    env: impl Fn(&str) -> Option<String>,
    input_is_terminal: bool,
    output_is_terminal: bool,
) -> bool {
    let accessible = env("ACCESSIBLE").is_some_and(|v| !v.is_empty() && v != "0");
    let dumb = env("TERM").is_some_and(|term| term == "dumb");
    asked || accessible || dumb || !input_is_terminal || !output_is_terminal
}

/// Where the plain mode starts, as the wizard does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    /// `poryadok start PROCEDURE`: ask for the label of a new run of it.
    Procedure(String),
    /// `poryadok open RUN`.
    Run(String),
}

/// The plain mode with what it needs from outside: the store, the procedures, a clock, and the
/// lines in and out.
pub struct Plain<R, W> {
    pub lang: Lang,
    pub tz: TimeZone,
    pub procedures: Vec<Arc<Procedure>>,
    pub store: Store,
    input: R,
    out: W,
    clock: Box<dyn FnMut() -> Timestamp>,
    /// Where exports go; `None`: `poryadok/<run>` in the officer's documents folder.
    pub export_to: Option<PathBuf>,
}

/// What the officer typed, or that the input has ended (which quits, as `q` does).
type Typed = Option<String>;

impl<R: BufRead, W: Write> Plain<R, W> {
    pub fn new(
        lang: Lang,
        procedures: Vec<Arc<Procedure>>,
        store: Store,
        input: R,
        out: W,
    ) -> Plain<R, W> {
        Plain {
            lang,
            tz: crate::calendar::local_time_zone(),
            procedures,
            store,
            input,
            out,
            clock: Box::new(Timestamp::now),
            export_to: None,
        }
    }

    /// The same, on another clock and time zone (for tests and demonstrations).
    pub fn with_clock(mut self, clock: impl FnMut() -> Timestamp + 'static, tz: TimeZone) -> Self {
        self.clock = Box::new(clock);
        self.tz = tz;
        self
    }

    /// Walks from `start` until the officer quits or the input ends. Every change is saved as it
    /// is made; an error here is one of writing the output.
    pub fn run(&mut self, start: &Start) -> io::Result<()> {
        self.say("plain-welcome", &[])?;
        let mut next = match start {
            Start::Home => home::Next::Home,
            Start::Procedure(id) => match self.procedure_index(id) {
                Some(index) => home::Next::Create(index),
                None => {
                    self.say("plain-unknown-procedure", &[("id", say::line(id).into())])?;
                    home::Next::Home
                }
            },
            Start::Run(id) => home::Next::Open(id.clone()),
        };
        loop {
            next = match next {
                home::Next::Home => self.home()?,
                home::Next::Create(index) => self.create(index)?,
                home::Next::Open(id) => self.open(&id)?,
                home::Next::Quit => break,
            };
        }
        self.say("plain-bye", &[])
    }

    fn procedure_index(&self, id: &str) -> Option<usize> {
        self.procedures.iter().position(|p| p.id() == id)
    }

    fn now(&mut self) -> Timestamp {
        (self.clock)()
    }

    /// Writes the message `id` as a line.
    fn say(&mut self, id: &str, args: &[(&str, Arg)]) -> io::Result<()> {
        let text = self.lang.format(id, args);
        self.line(&text)
    }

    /// Writes a line of text as it is (already made safe).
    fn line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")
    }

    /// Writes the prompt `id` and reads the answer: a line without its end, or `None` when the
    /// input has ended. Bytes that are not UTF-8 are replaced, not refused.
    /// An empty `id` asks again without saying the prompt again (after a refused answer).
    fn ask(&mut self, id: &str, args: &[(&str, Arg)]) -> io::Result<Typed> {
        if !id.is_empty() {
            self.say(id, args)?;
        }
        write!(self.out, "> ")?;
        self.out.flush()?;
        let mut bytes = Vec::new();
        if self.input.read_until(b'\n', &mut bytes)? == 0 {
            writeln!(self.out)?;
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&bytes);
        Ok(Some(text.trim_end_matches(['\n', '\r']).to_owned()))
    }
}

/// A one-letter command as the wizard's keys name it: the letter itself, or the key of the
/// Russian layout in its place (й = q, с = c…); anything longer is not a command.
fn command_letter(typed: &str) -> Option<char> {
    let mut chars = typed.trim().chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(crate::tui::keys::latin(
        c.to_lowercase().next().unwrap_or(c),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn plain_mode_when_asked_or_when_the_terminal_cannot_draw() {
        let term = env(&[("TERM", "xterm-256color")]);
        assert!(!wanted(false, &term, true, true));
        assert!(wanted(true, &term, true, true));
        assert!(wanted(false, env(&[("TERM", "dumb")]), true, true));
        assert!(wanted(false, env(&[("ACCESSIBLE", "1")]), true, true));
        assert!(!wanted(false, env(&[("ACCESSIBLE", "0")]), true, true));
        assert!(!wanted(false, env(&[("ACCESSIBLE", "")]), true, true));
        assert!(wanted(false, &term, false, true));
        assert!(wanted(false, &term, true, false));
    }

    #[test]
    fn commands_are_read_in_either_layout() {
        assert_eq!(command_letter("c"), Some('c'));
        assert_eq!(command_letter(" С "), Some('c'));
        assert_eq!(command_letter("й"), Some('q'));
        assert_eq!(command_letter("12"), None);
        assert_eq!(command_letter(""), None);
    }
}
