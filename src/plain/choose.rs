//! `v` line by line: the choices asked now, then the options of one, each with the steps it
//! would add and skip; before an option is taken, what it would do to the done work and which
//! steps start and stop applying, as the wizard's variant picker shows them, and a yes or no.

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
    /// change, as the wizard's variant picker shows; the option picked is taken once the officer
    /// has heard what it changes and said yes.
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
        if walk.run.choices.get(&c.id) == Some(&c.options[n].id) {
            return self.say("plain-already-chosen", &[]);
        }
        self.say_impact(&p, &walk.run, choice, n)?;
        let title = say::line(&c.options[n].title);
        if !self.confirm("plain-confirm-choice", &[("title", title.into())])? {
            return self.say("plain-choice-kept", &[]);
        }
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

    /// What choosing option `option` of choice `choice` would change, as the wizard's picker
    /// shows it before it is chosen: done steps that stop applying (their record kept aside),
    /// done steps left needing attention with the fields they would need, then the steps that
    /// start and stop applying.
    fn say_impact(
        &mut self,
        p: &Procedure,
        run: &Run,
        choice: usize,
        option: usize,
    ) -> io::Result<()> {
        let c = &p.file().choices[choice];
        let impact = choice_impact(p, run, &c.id, &c.options[option].id);
        let title = say::line(&c.options[option].title);
        self.say("plain-impact", &[("title", title.into())])?;
        let skipped: Vec<usize> = (impact.skipped.iter().copied())
            .filter(|i| !impact.done_skipped.contains(i))
            .collect();
        if impact.done_skipped.is_empty()
            && impact.incomplete.is_empty()
            && impact.applies.is_empty()
            && skipped.is_empty()
        {
            return self.say("plain-impact-nothing", &[]);
        }
        self.say_steps(p, "plain-impact-done-skipped", &impact.done_skipped)?;
        if !impact.incomplete.is_empty() {
            let count = impact.incomplete.len();
            self.say("plain-impact-incomplete", &[("count", count.into())])?;
            for (index, fields) in &impact.incomplete {
                let labels: Vec<String> = (fields.iter())
                    .map(|id| {
                        (p.field(id).and_then(|f| f.label.as_deref()))
                            .map_or_else(|| say::line(id), say::line)
                    })
                    .collect();
                let args: &[(&str, Arg)] = &[
                    ("number", (index + 1).into()),
                    ("title", say::line(&p.steps()[*index].title).into()),
                    ("fields", labels.join(", ").into()),
                ];
                self.say("plain-impact-step-fields", args)?;
            }
        }
        self.say_steps(p, "plain-impact-applies", &impact.applies)?;
        self.say_steps(p, "plain-impact-skipped", &skipped)
    }

    /// The message `id` with how many steps there are, then each step by number and title; nothing
    /// for none.
    fn say_steps(&mut self, p: &Procedure, id: &str, indices: &[usize]) -> io::Result<()> {
        if indices.is_empty() {
            return Ok(());
        }
        self.say(id, &[("count", indices.len().into())])?;
        for index in indices {
            let args: &[(&str, Arg)] = &[
                ("number", (index + 1).into()),
                ("title", say::line(&p.steps()[*index].title).into()),
            ];
            self.say("plain-impact-step", args)?;
        }
        Ok(())
    }

    /// Asks a yes-or-no question: `д`, `да`, `y`, `yes` are yes; an empty line, `н`, `нет`,
    /// `n`, `no` (or the end of the input) are no; anything else is asked again.
    pub(super) fn confirm(&mut self, prompt: &str, args: &[(&str, Arg)]) -> io::Result<bool> {
        let mut prompt = prompt;
        loop {
            let Some(typed) = self.ask(prompt, args)? else {
                return Ok(false);
            };
            prompt = "";
            match typed.trim().to_lowercase().as_str() {
                "д" | "да" | "y" | "yes" => return Ok(true),
                "" | "н" | "нет" | "n" | "no" => return Ok(false),
                _ => {
                    let typed = say::line(&typed);
                    self.say("plain-not-yes-no", &[("typed", typed.into())])?;
                }
            }
        }
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
