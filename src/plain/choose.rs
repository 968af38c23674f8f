//! `v` line by line: the choices asked now, then the options of one, each with the steps it
//! would add and skip, as the wizard's variant picker shows them.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use super::walk::Walk;
use super::{Plain, say};
use crate::i18n::{Arg, Msg};
use crate::procedure::Procedure;
use crate::run::Run;
use crate::run::command::Command;
use crate::run::eval::choice_applies;
use crate::run::schedule::choice_impact;

impl<R: BufRead, W: Write> Plain<R, W> {
    /// `v`: the choices asked now, then the options of the one picked, each with what it would
    /// change, as the wizard's variant picker shows.
    pub(super) fn choose_variant(&mut self, walk: &mut Walk) -> io::Result<()> {
        let p = Arc::clone(&walk.procedure);
        let asked: Vec<usize> = (p.file().choices.iter().enumerate())
            .filter(|(_, c)| choice_applies(&p, &walk.run, &c.id) != Some(false))
            .map(|(i, _)| i)
            .collect();
        let choice = match asked.as_slice() {
            [] => return self.say("plain-no-choices", &[]),
            [only] => *only,
            _ => {
                for (n, &i) in asked.iter().enumerate() {
                    let c = &p.file().choices[i];
                    let chosen = self.chosen_title(&p, &walk.run, i);
                    self.say(
                        "plain-choice",
                        &[
                            ("number", (n + 1).into()),
                            ("title", say::line(&c.title).into()),
                            ("chosen", chosen),
                        ],
                    )?;
                }
                match self.pick("plain-which-choice", asked.len())? {
                    Some(n) => asked[n],
                    None => return Ok(()),
                }
            }
        };
        let c = &p.file().choices[choice];
        let chosen = self.chosen_title(&p, &walk.run, choice);
        self.say(
            "plain-choice-options",
            &[("title", say::line(&c.title).into()), ("chosen", chosen)],
        )?;
        for (n, option) in c.options.iter().enumerate() {
            let impact = choice_impact(&p, &walk.run, &c.id, &option.id);
            let args: &[(&str, Arg)] = &[
                ("number", (n + 1).into()),
                ("title", say::line(&option.title).into()),
                ("applies", impact.applies.len().into()),
                ("skipped", impact.skipped.len().into()),
            ];
            self.say("plain-option", args)?;
        }
        let Some(n) = self.pick("plain-which-option", c.options.len())? else {
            return Ok(());
        };
        let command = Command::Choose {
            choice: c.id.clone(),
            option: c.options[n].id.clone(),
        };
        if self.command(walk, command)? {
            let title = say::line(&c.options[n].title);
            self.say("plain-chosen", &[("title", title.into())])?;
        }
        Ok(())
    }

    fn chosen_title(&self, p: &Procedure, run: &Run, choice: usize) -> Arg {
        let c = &p.file().choices[choice];
        match (run.choices.get(&c.id)).and_then(|id| c.options.iter().find(|o| &o.id == id)) {
            Some(option) => say::line(&option.title).into(),
            None => Msg::new("plain-not-chosen").into(),
        }
    }

    /// Asks for a number from 1 to `count`; `None` for an empty line or the end of the input.
    pub(super) fn pick(&mut self, prompt: &str, count: usize) -> io::Result<Option<usize>> {
        loop {
            let Some(typed) = self.ask(prompt, &[("count", count.into())])? else {
                return Ok(None);
            };
            match typed.trim().parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => return Ok(Some(n - 1)),
                _ if typed.trim().is_empty() => return Ok(None),
                _ => {
                    let args: &[(&str, Arg)] =
                        &[("typed", say::line(&typed).into()), ("count", count.into())];
                    self.say("plain-not-a-choice", args)?;
                }
            }
        }
    }
}
