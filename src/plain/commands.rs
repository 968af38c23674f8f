//! What the commands on a run do: each is applied by the engine and saved at once, or refused
//! with its reasons; a step's command on the day the officer gives after its letter (`c
//! 03.12.2026`), `w` with the day to wait until, `d` the run's documents.

use std::io::{self, BufRead, Write};

use super::walk::Walk;
use super::{Plain, say};
use crate::calendar::ProductionCalendar;
use crate::i18n::{Arg, Msg};
use crate::run::command::{Command, Day, Refusal, apply_on};
use crate::run::schedule;

impl<R: BufRead, W: Write> Plain<R, W> {
    /// Applies `command` to the run through the engine and saves; a refusal is said with its
    /// reasons. Whether the run changed.
    pub(super) fn command(&mut self, walk: &mut Walk, command: Command) -> io::Result<bool> {
        self.command_on(walk, command, None)
    }

    /// [`Self::command`], a step's change dated `day` when the officer gave one: a day after
    /// today, or before the day the step was begun, is refused with the wizard's words.
    pub(super) fn command_on(
        &mut self,
        walk: &mut Walk,
        command: Command,
        day: Option<Day>,
    ) -> io::Result<bool> {
        let now = self.now();
        match apply_on(&walk.procedure, &mut walk.run, command, now, day) {
            Ok(outcome) => {
                walk.run.cursor = Some(walk.procedure.steps()[walk.step].id.clone());
                self.save(walk)?;
                if !outcome.affected.is_empty() {
                    let titles = self.titles(walk, &outcome.affected);
                    let args: &[(&str, Arg)] = &[
                        ("count", outcome.affected.len().into()),
                        ("steps", titles.into()),
                    ];
                    self.say("plain-reopen-affected", args)?;
                }
                Ok(true)
            }
            Err(refusal) => {
                self.refused(walk, &refusal)?;
                Ok(false)
            }
        }
    }

    pub(super) fn save(&mut self, walk: &mut Walk) -> io::Result<()> {
        let now = self.now();
        if let Err(error) = walk.session.save(&walk.procedure, &walk.run, now) {
            let text = error.message().text(self.lang);
            self.say("plain-save-failed", &[("error", say::line(&text).into())])?;
        }
        Ok(())
    }

    fn titles(&self, walk: &Walk, ids: &[String]) -> String {
        let titles: Vec<&str> = (ids.iter())
            .map(|id| {
                walk.procedure
                    .step(id)
                    .map_or(id.as_str(), |s| s.title.as_str())
            })
            .collect();
        say::line(&titles.join("; "))
    }

    /// Why the engine refused a command, with what to do about it.
    fn refused(&mut self, walk: &Walk, refusal: &Refusal) -> io::Result<()> {
        match refusal {
            Refusal::Blocked { by, reason } => {
                let args: &[(&str, Arg)] = &[
                    ("count", by.len().into()),
                    ("steps", self.titles(walk, by).into()),
                ];
                self.say("plain-refused-blocked", args)?;
                if let Some(reason) = reason {
                    self.line(&say::line(reason))?;
                }
                Ok(())
            }
            Refusal::Incomplete(problems) => {
                self.say(
                    "plain-refused-incomplete",
                    &[("count", problems.len().into())],
                )?;
                let fields = walk.procedure.step_fields(&walk.run, walk.step);
                for (id, problem) in problems {
                    let number = fields.iter().position(|f| f.id.as_deref() == Some(id));
                    let label = walk
                        .procedure
                        .field(id)
                        .and_then(|f| f.label.clone())
                        .unwrap_or_else(|| id.clone());
                    let text = Msg::new("plain-field-problem")
                        .arg("number", number.map_or(0, |n| n + 1))
                        .arg("label", label.as_str())
                        .arg("problem", problem.clone())
                        .text(self.lang);
                    self.line(&format!("  {}", say::line(&text)))?;
                }
                Ok(())
            }
            Refusal::AlreadyDone(_) => self.say("plain-refused-done", &[]),
            Refusal::NotDone(_) => self.say("plain-refused-not-done", &[]),
            Refusal::NotApplicable(_) => self.say("plain-refused-skipped", &[]),
            Refusal::Undecided(_) => self.say("plain-refused-undecided", &[]),
            Refusal::NotOptional(_) => self.say("plain-refused-not-optional", &[]),
            Refusal::NothingToUndo => self.say("plain-refused-nothing-to-undo", &[]),
            Refusal::Milestone(_) => self.say("refused-milestone", &[]),
            Refusal::FutureDate { .. } | Refusal::BeforeStart { .. } => {
                let text = refusal.dated_msg().map(|m| m.text(self.lang));
                self.line(&say::line(&text.unwrap_or_default()))
            }
            Refusal::UnknownStep(_)
            | Refusal::UnknownField(_)
            | Refusal::UnknownOption { .. }
            | Refusal::UnknownAttachment { .. } => self.say("plain-refused", &[]),
        }
    }

    /// `w`: the step waits for an answer from outside since `day` (none: today), until the day
    /// its deadline falls on counted from then, or else until the day the officer gives (none:
    /// no day).
    pub(super) fn wait_command(
        &mut self,
        walk: &Walk,
        day: Option<Day>,
    ) -> io::Result<Option<Command>> {
        let step = walk.procedure.steps()[walk.step].id.clone();
        let now = self.now();
        let begun = day.map_or_else(|| self.today(now), |d| d.on);
        let (p, run) = (&walk.procedure, &walk.run);
        if let Some(due) =
            schedule::wait_due(p, run, walk.step, begun, &ProductionCalendar, &self.tz)
        {
            if due.forecast {
                let date = due.date.strftime("%d.%m.%Y").to_string();
                self.say("plain-wait-due-forecast", &[("date", date.into())])?;
            }
            return Ok(Some(Command::WaitStep {
                step,
                due: Some(due.date),
            }));
        }
        // A wait the engine would refuse (a day after today among others) is refused before a
        // day is asked for.
        let command = Command::WaitStep {
            step: step.clone(),
            due: None,
        };
        let mut trial = walk.run.clone();
        if apply_on(&walk.procedure, &mut trial, command.clone(), now, day).is_err() {
            return Ok(Some(command));
        }
        let mut prompt = "plain-wait-until";
        loop {
            let Some(typed) = self.ask(prompt, &[])? else {
                return Ok(None);
            };
            prompt = "";
            if typed.trim().is_empty() {
                return Ok(Some(command));
            }
            match day_typed(typed.trim()) {
                Ok(date) => {
                    return Ok(Some(Command::WaitStep {
                        step,
                        due: Some(date),
                    }));
                }
                Err(problem) => {
                    let text = problem.text(self.lang);
                    self.say("plain-wait-not-accepted", &[("problem", text.into())])?;
                }
            }
        }
    }

    /// The officer's day of `now`.
    pub(super) fn today(&self, now: jiff::Timestamp) -> jiff::civil::Date {
        now.to_zoned(self.tz.clone()).date()
    }

    /// `d`: the run's documents, as `poryadok export` and the wizard's `d` write them (every
    /// format, secrets left out), and where they went.
    pub(super) fn export(&mut self, walk: &Walk) -> io::Result<()> {
        use crate::export::{Format, Options, make, report::Templates, write, write_to};
        let now = self.now();
        let templates = (self.store.runs_dir().parent())
            .map(|data| Templates::from_dir(&data.join("templates")))
            .unwrap_or_else(|| Ok(Templates::default()));
        let organisation = (self.store.runs_dir().parent())
            .map(|data| crate::organisation::of_run_in(data, &walk.id))
            .transpose()
            .map(Option::flatten)
            .map_err(|e| e.message().text(self.lang));
        let dir = (self.export_to.clone()).or_else(|| write::default_dir(&walk.id));
        let result = (templates.map_err(|e| e.to_string())).and_then(|templates| {
            let options = Options {
                lang: self.lang,
                include_secrets: false,
                tz: self.tz.clone(),
                organisation: organisation?,
                added_files: Some(self.store.attachments_dir(&walk.id)),
                earlier: self.store.earlier_editions(&walk.procedure, &walk.run),
            };
            let made = make(
                &walk.procedure,
                &walk.run,
                &walk.id,
                now,
                &options,
                &templates,
                &Format::ALL,
            );
            let dir = dir.ok_or_else(|| self.lang.text("export-no-folder"))?;
            let written = write_to(&dir, &walk.id, &made, self.lang)?;
            let mut said = made.problems;
            said.extend(made.notes);
            Ok((dir, written, said))
        });
        match result {
            Ok((dir, written, problems)) => {
                for problem in &problems {
                    self.line(&format!("! {}", say::line(problem)))?;
                }
                let args: &[(&str, Arg)] = &[
                    ("count", written.len().into()),
                    ("folder", say::line(&dir.display().to_string()).into()),
                ];
                self.say("export-written", args)?;
                for path in &written {
                    if let Some(name) = path.file_name() {
                        self.line(&format!("  {}", say::line(&name.to_string_lossy())))?;
                    }
                }
                Ok(())
            }
            Err(detail) => self.say("export-failed", &[("detail", say::line(&detail).into())]),
        }
    }
}

/// A day as the officer types it, `ДД.ММ.ГГГГ` or `ГГГГ-ММ-ДД` (as the command line takes it), or
/// what is wrong with it.
pub(super) fn day_typed(text: &str) -> Result<jiff::civil::Date, Msg> {
    crate::cli::parse_day(text).map_err(|bad| bad.reason)
}
