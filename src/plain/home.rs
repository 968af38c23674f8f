//! The home screen line by line: the runs in progress and the procedures, numbered in one list;
//! a number opens a run or starts a new one (after asking its label).

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use super::{Plain, command_letter, say};
use crate::calendar::ProductionCalendar;
use crate::i18n::Msg;
use crate::run::schedule::summary;

/// Where to go after a screen.
pub(super) enum Next {
    Home,
    /// Ask the label of a new run of the procedure at this index, and start it.
    Create(usize),
    Open(String),
    Quit,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// Lists the runs and the procedures and asks which to open.
    pub(super) fn home(&mut self) -> io::Result<Next> {
        let runs = self.run_lines();
        if runs.is_empty() {
            self.say("plain-home-no-runs", &[])?;
        } else {
            self.say("plain-home-runs", &[("count", runs.len().into())])?;
            for (number, (_, line)) in runs.iter().enumerate() {
                self.line(&format!("  {}. {line}", number + 1))?;
            }
        }
        self.say(
            "plain-home-procedures",
            &[("count", self.procedures.len().into())],
        )?;
        for (offset, procedure) in self.procedures.clone().iter().enumerate() {
            let steps = Msg::new("count-steps").arg("count", procedure.steps().len());
            self.say(
                "plain-home-procedure",
                &[
                    ("number", (runs.len() + offset + 1).into()),
                    ("title", say::line(procedure.title()).into()),
                    ("steps", steps.into()),
                ],
            )?;
        }
        let mut prompt = "plain-home-prompt";
        loop {
            let Some(typed) = self.ask(prompt, &[])? else {
                return Ok(Next::Quit);
            };
            prompt = "";
            if command_letter(&typed) == Some('q') {
                return Ok(Next::Quit);
            }
            match typed.trim().parse::<usize>() {
                Ok(n) if (1..=runs.len()).contains(&n) => {
                    return Ok(Next::Open(runs[n - 1].0.clone()));
                }
                Ok(n) if n > runs.len() && n <= runs.len() + self.procedures.len() => {
                    return Ok(Next::Create(n - runs.len() - 1));
                }
                _ if typed.trim().is_empty() => continue,
                _ => self.say(
                    "plain-not-a-choice",
                    &[
                        ("typed", say::line(&typed).into()),
                        ("count", (runs.len() + self.procedures.len()).into()),
                    ],
                )?,
            }
        }
    }

    /// The runs in the store, each as (id, its line): label, procedure, progress, next step and
    /// due date, as the wizard's home screen shows them.
    fn run_lines(&mut self) -> Vec<(String, String)> {
        let listed = match self.store.list() {
            Ok(listed) => listed,
            Err(error) => {
                let problem = Msg::new("store-io")
                    .arg("path", error.path.display().to_string())
                    .arg("error", error.error.to_string());
                let _ = self.line(&say::line(&problem.text(self.lang)));
                return Vec::new();
            }
        };
        let now = self.now();
        let today = now.to_zoned(self.tz.clone()).date();
        let lang = self.lang;
        listed
            .into_iter()
            .filter(|entry| !entry.run.as_ref().is_ok_and(|run| run.archived.is_some()))
            .map(|entry| {
                let mut run = match entry.run {
                    Ok(run) => run,
                    Err(reason) => {
                        let damaged = Msg::new("runs-damaged")
                            .arg("reason", reason.to_string())
                            .arg("id", entry.id.as_str());
                        let line = format!("{}: {}", entry.id, damaged.text(lang));
                        return (entry.id, say::line(&line));
                    }
                };
                let file = (self.procedures.iter())
                    .find(|p| p.id() == run.procedure.id)
                    .map(|p| &**p);
                // As the run is walked: with its own edition.
                let Some(walked) = self.store.walk_edition(&mut run, file, now) else {
                    let unknown = Msg::new("runs-unknown-procedure")
                        .arg("procedure", run.procedure.id.as_str());
                    let line = format!("{}: {}", run.label, unknown.text(lang));
                    return (entry.id, say::line(&line));
                };
                let procedure = &*walked.procedure;
                let s = summary(procedure, &run, &ProductionCalendar, &self.tz);
                let mut parts = vec![
                    Msg::new("runs-progress")
                        .arg("done", s.done)
                        .arg("all", s.all)
                        .text(lang),
                ];
                if let Some(next) = s.next {
                    let title = procedure.steps()[next].title.as_str();
                    parts.push(Msg::new("runs-next").arg("step", title).text(lang));
                }
                if let Some(due) = &s.due {
                    let date = say::date(due.date);
                    let date = if due.overdue(today) {
                        Msg::new("runs-overdue").arg("date", date).text(lang)
                    } else {
                        date
                    };
                    parts.push(
                        Msg::new("runs-due")
                            .arg("date", date)
                            .arg("number", due.step + 1)
                            .text(lang),
                    );
                }
                let line = Msg::new("plain-home-run")
                    .arg("label", run.label.as_str())
                    .arg("procedure", procedure.title())
                    .arg("state", parts.join("; "))
                    .text(lang);
                (entry.id, say::line(&line))
            })
            .collect()
    }

    /// Asks the label of a new run of the procedure at `index`, starts the run and walks it.
    pub(super) fn create(&mut self, index: usize) -> io::Result<Next> {
        let procedure = Arc::clone(&self.procedures[index]);
        self.say(
            "plain-new-run",
            &[("procedure", say::line(procedure.title()).into())],
        )?;
        let label = loop {
            let Some(typed) = self.ask("plain-new-run-label", &[])? else {
                return Ok(Next::Quit);
            };
            let label = typed.trim();
            if !label.is_empty() {
                break label.to_owned();
            }
            self.say("plain-label-needed", &[])?;
        };
        let now = self.now();
        match self.store.create(&procedure, &label, now) {
            Ok((session, run)) => {
                let id = session.id().to_owned();
                self.say("plain-run-created", &[("id", id.as_str().into())])?;
                self.walk(super::walk::Walk::new(id, procedure, run, session))
            }
            Err(error) => {
                let text = error.message().text(self.lang);
                self.line(&say::line(&text))?;
                Ok(Next::Home)
            }
        }
    }
}
