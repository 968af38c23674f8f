//! One run line by line: its steps numbered with their state in words, one step at a time with
//! its text and fields, and the wizard's commands on it (s c w r p, v, u, d), each carried out
//! by the engine and saved at once; `s` `c` `w` `p` on the day typed after the letter.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use super::home::Next;
use super::{Plain, command_letter, say};
use crate::i18n::{Arg, Msg};
use crate::procedure::Procedure;
use crate::run::command::{Command, Day};
use crate::run::schedule::actionable;
use crate::run::view::{Status, StepFacts, status, status_given, status_msg};
use crate::run::{Run, StepState};
use crate::store::Edition;
use crate::store::Session;

/// A run open for walking, with the lock its session holds.
pub(super) struct Walk {
    pub id: String,
    pub procedure: Arc<Procedure>,
    pub run: Run,
    pub session: Session,
    /// The step on which the commands act (its index in the procedure).
    pub step: usize,
}

impl Walk {
    pub fn new(id: String, procedure: Arc<Procedure>, run: Run, session: Session) -> Walk {
        // Where the officer left off, else the first step to act on, as the wizard resumes.
        let step = (run.cursor.as_deref())
            .and_then(|id| procedure.step_index(id))
            .or_else(|| actionable(&procedure, &run).first().copied())
            .unwrap_or(0);
        Walk {
            id,
            procedure,
            run,
            session,
            step,
        }
    }

    /// The steps by section, in the order the sections are listed.
    fn order(&self) -> Vec<usize> {
        let p = &self.procedure;
        (p.sections().iter())
            .flat_map(|section| p.steps_in(&section.id))
            .filter_map(|step| p.step_index(&step.id))
            .collect()
    }
}

/// What the officer asked for at a prompt of the run.
enum Asked {
    Stay,
    Leave(Next),
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// Opens the run `id` (fitted to its procedure as it is now) and walks it.
    pub(super) fn open(&mut self, id: &str) -> io::Result<Next> {
        let (session, opened) = match self.store.open_run(id) {
            Ok(opened) => opened,
            Err(error) => {
                let text = error.message().text(self.lang);
                self.line(&say::line(&text))?;
                return Ok(Next::Home);
            }
        };
        let file = (self.procedure_index(&opened.run.procedure.id))
            .map(|index| Arc::clone(&self.procedures[index]));
        let mut run = opened.run;
        let now = self.now();
        // The run's own edition; a newer one in the file is offered, not applied.
        let Some(walked) = self.store.walk_edition(&mut run, file.as_deref(), now) else {
            let text = Msg::new("runs-unknown-procedure")
                .arg("procedure", run.procedure.id.as_str())
                .text(self.lang);
            self.line(&say::line(&text))?;
            return Ok(Next::Home);
        };
        let procedure = match &walked.procedure {
            Edition::Kept(kept) => Arc::clone(kept),
            Edition::File(_) => Arc::clone(file.as_ref().expect("walked with the file")),
        };
        // The newer edition the run may take; asked about unless kept off before.
        let offer = (walked.offer.as_ref())
            .filter(|offer| offer.open())
            .map(|offer| (offer.to_ask(), Arc::clone(file.as_ref().expect("offered"))));
        let (moved, said) = (walked.moved, walked.said);
        let mut walk = Walk::new(id.to_owned(), procedure, run, session);
        if moved.changed() || opened.migrated_from.is_some() {
            self.save(&mut walk)?;
        }
        if !moved.set_aside.is_empty() {
            let before = (moved.edition_from.as_ref())
                .and_then(|from| self.store.kept_edition(walk.procedure.id(), from));
            let editions: Vec<&crate::procedure::Procedure> = before
                .as_deref()
                .into_iter()
                .chain([&*walk.procedure])
                .collect();
            let items: Vec<String> = (moved.set_aside.iter())
                .map(|item| crate::run::journal::What::parse(item).words_in(&editions, self.lang))
                .collect();
            self.say(
                "plain-set-aside",
                &[("items", say::line(&items.join("; ")).into())],
            )?;
        }
        if let Some(text) = said {
            self.line(&say::line(&text.text(self.lang)))?;
        }
        match offer {
            Some((true, newer)) => walk = self.offer_edition(walk, newer)?,
            Some((false, newer)) => self.say(
                "plain-edition-available",
                &[
                    ("version", say::line(newer.version()).into()),
                    ("id", id.to_owned().into()),
                ],
            )?,
            None => {}
        }
        self.walk(walk)
    }

    /// Offers the newer edition `newer` of the procedure: what taking it changes, in words,
    /// then a yes-or-no question. Taken: fitted, journaled and saved, walked with it from now
    /// on. Not taken: the run keeps its own edition and is not asked again.
    fn offer_edition(&mut self, mut walk: Walk, newer: Arc<Procedure>) -> io::Result<Walk> {
        let versions = [
            ("old", say::line(walk.procedure.version()).into()),
            ("new", say::line(newer.version()).into()),
        ];
        self.say("plain-edition-offered", &versions)?;
        let changes =
            crate::run::edition::changes(&walk.procedure, &newer, &walk.run, &self.tz, say::date);
        for change in changes {
            let text = say::line(&change.text(self.lang));
            self.line(&format!("  - {text}"))?;
        }
        self.say("edition-not-undone", &[])?;
        if self.confirm("plain-edition-take", &[])? {
            let now = self.now();
            crate::run::edition::take(&newer, &mut walk.run, now);
            let Walk {
                id, run, session, ..
            } = walk;
            walk = Walk::new(id, Arc::clone(&newer), run, session);
            self.save(&mut walk)?;
            let version = say::line(newer.version());
            self.say("plain-edition-taken", &[("version", version.into())])?;
        } else {
            crate::run::edition::decline(&newer, &mut walk.run);
            self.save(&mut walk)?;
            let id = walk.id.clone();
            self.say(
                "plain-edition-kept",
                &[
                    ("old", say::line(walk.procedure.version()).into()),
                    ("id", id.into()),
                ],
            )?;
        }
        Ok(walk)
    }

    /// Walks an open run: the list of steps, then the step to act on, until the officer leaves.
    pub(super) fn walk(&mut self, mut walk: Walk) -> io::Result<Next> {
        self.list_steps(&walk)?;
        self.show_step(&walk)?;
        loop {
            let Some(typed) = self.ask("plain-step-prompt", &[])? else {
                return Ok(Next::Quit);
            };
            if let Asked::Leave(next) = self.on_step(&mut walk, &typed)? {
                return Ok(next);
            }
        }
    }

    /// Carries out what was typed at a step: a field's number, or a command letter, a step's
    /// (`s` `c` `w` `p`) perhaps with the day it happened after it (`c 03.12.2026`).
    fn on_step(&mut self, walk: &mut Walk, typed: &str) -> io::Result<Asked> {
        let step_id = walk.procedure.steps()[walk.step].id.clone();
        if let Ok(number) = typed.trim().parse::<usize>() {
            self.fill(walk, number)?;
            return Ok(Asked::Stay);
        }
        let (head, day_text) = match typed.trim().split_once(char::is_whitespace) {
            Some((head, rest)) => (head, Some(rest.trim())),
            None => (typed.trim(), None),
        };
        let letter = command_letter(head).filter(|l| day_text.is_none() || "scwp".contains(*l));
        let Some(letter) = letter else {
            if !typed.trim().is_empty() {
                self.say("plain-not-a-command", &[("typed", say::line(typed).into())])?;
            }
            return Ok(Asked::Stay);
        };
        let day = match day_text {
            None => None,
            Some(text) => match super::commands::day_typed(text) {
                Ok(on) => {
                    let now = self.now();
                    let today = self.today(now);
                    Some(Day { on, today })
                }
                Err(problem) => {
                    let args: &[(&str, Arg)] = &[
                        ("typed", say::line(text).into()),
                        ("problem", problem.into()),
                        ("letter", say::line(head).into()),
                    ];
                    self.say("plain-bad-day", args)?;
                    return Ok(Asked::Stay);
                }
            },
        };
        let command = match letter {
            'q' => return Ok(Asked::Leave(Next::Quit)),
            'h' => return Ok(Asked::Leave(Next::Home)),
            'l' => {
                self.list_steps(walk)?;
                return self.choose_step(walk);
            }
            'n' => {
                let order = walk.order();
                let position = order.iter().position(|&i| i == walk.step).unwrap_or(0);
                match order.get(position + 1) {
                    Some(&next) => {
                        walk.step = next;
                        self.show_step(walk)?;
                    }
                    None => self.say("plain-last-step", &[])?,
                }
                return Ok(Asked::Stay);
            }
            '?' => {
                self.say("plain-step-help", &[])?;
                return Ok(Asked::Stay);
            }
            'v' => {
                self.choose_variant(walk)?;
                return Ok(Asked::Stay);
            }
            'd' => {
                self.export(walk)?;
                return Ok(Asked::Stay);
            }
            's' => Command::StartStep(step_id),
            'c' => Command::CompleteStep(step_id),
            'r' => Command::ReopenStep(step_id),
            'p' => Command::PassOver(step_id),
            'u' => Command::Undo,
            'w' => match self.wait_command(walk, day)? {
                Some(command) => command,
                None => return Ok(Asked::Stay),
            },
            _ => {
                self.say("plain-not-a-command", &[("typed", say::line(typed).into())])?;
                return Ok(Asked::Stay);
            }
        };
        let undo = command == Command::Undo;
        if self.command_on(walk, command, day)? {
            if undo {
                // What the undo took back, in the words the wizard and `poryadok undo` use.
                let now = self.now();
                let today = self.today(now);
                let p = &walk.procedure;
                let said = crate::run::journal::undone(p, &walk.run, self.lang, &self.tz, today);
                self.line(&say::line(&said.text(self.lang)))?;
            }
            match day {
                Some(day) => self.say_recorded(walk, day)?,
                None => self.say_state(walk)?,
            }
            if letter == 'w' {
                self.say_due_past(walk)?;
            }
        }
        Ok(Asked::Stay)
    }

    /// After the list of steps: a number opens that step; Enter stays on the current one.
    fn choose_step(&mut self, walk: &mut Walk) -> io::Result<Asked> {
        let count = walk.procedure.steps().len();
        loop {
            let Some(typed) = self.ask("plain-choose-step", &[])? else {
                return Ok(Asked::Leave(Next::Quit));
            };
            match typed.trim().parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => walk.step = n - 1,
                _ if typed.trim().is_empty() => {}
                _ if command_letter(&typed) == Some('q') => return Ok(Asked::Leave(Next::Quit)),
                _ => {
                    let args: &[(&str, Arg)] =
                        &[("typed", say::line(&typed).into()), ("count", count.into())];
                    self.say("plain-not-a-choice", args)?;
                    continue;
                }
            }
            self.show_step(walk)?;
            return Ok(Asked::Stay);
        }
    }

    /// Every step by section, numbered, with its state in words.
    fn list_steps(&mut self, walk: &Walk) -> io::Result<()> {
        let p = Arc::clone(&walk.procedure);
        let (done, all) = crate::run::view::progress(&p, &walk.run);
        self.say(
            "plain-run",
            &[
                ("label", say::line(&walk.run.label).into()),
                ("procedure", say::line(p.title()).into()),
                ("done", done.into()),
                ("all", all.into()),
            ],
        )?;
        // One pass over the procedure for every step's state (a list of thousands of steps
        // must not look up what blocks each one); a blocked step is said to be blocked, and
        // what blocks it is said when it is opened.
        let blocked = StepFacts::of(&p, &walk.run).blocked(&p);
        for section in p.sections() {
            self.say(
                "plain-section",
                &[("title", say::line(&section.title).into())],
            )?;
            for line in section
                .body
                .as_deref()
                .map(say::markdown)
                .unwrap_or_default()
            {
                self.line(&line)?;
            }
            for step in p.steps_in(&section.id) {
                let Some(index) = p.step_index(&step.id) else {
                    continue;
                };
                let words = match status_given(&p, &walk.run, index, blocked[index]) {
                    Status::Blocked { .. } => self.lang.text("plain-blocked"),
                    state => self.words(walk, index, &state),
                };
                self.line(&format!(
                    "  {}. {} — {words}",
                    index + 1,
                    say::line(&step.title)
                ))?;
            }
        }
        Ok(())
    }

    fn status_words(&mut self, walk: &Walk, index: usize) -> String {
        self.words(walk, index, &status(&walk.procedure, &walk.run, index))
    }

    /// A step's state in words, as `poryadok status` and the wizard say it.
    fn words(&mut self, walk: &Walk, index: usize, state: &Status) -> String {
        let now = self.now();
        let today = self.today(now);
        let p = &walk.procedure;
        let text =
            status_msg(p, &walk.run, index, state, &self.tz, today, say::date).text(self.lang);
        say::line(&text)
    }

    /// The step the commands act on: its title and state, who does it and by when, what to
    /// prepare, its links, letters and text, then its fields, numbered.
    pub(super) fn show_step(&mut self, walk: &Walk) -> io::Result<()> {
        let p = Arc::clone(&walk.procedure);
        let index = walk.step;
        let step = &p.steps()[index];
        self.say(
            "plain-step",
            &[
                ("number", (index + 1).into()),
                ("all", p.steps().len().into()),
                ("title", say::line(&step.title).into()),
            ],
        )?;
        let words = self.status_words(walk, index);
        self.say("plain-state", &[("state", words.into())])?;
        if let Status::Blocked {
            reason: Some(reason),
            ..
        } = status(&p, &walk.run, index)
        {
            self.line(&say::line(&reason))?;
        }
        if let Some(actor) =
            (step.actor.as_deref()).and_then(|a| p.file().actors.iter().find(|x| x.id == a))
        {
            self.say("plain-actor", &[("actor", say::line(&actor.name).into())])?;
        }
        if let Some((question, answer)) = crate::run::view::decision(&p, &walk.run, index) {
            let args = [
                ("choice", say::line(question).into()),
                ("option", answer.map(say::line).unwrap_or_default().into()),
            ];
            let id = if answer.is_some() {
                "plain-decided"
            } else {
                "plain-decide"
            };
            self.say(id, &args)?;
        }
        if let Some(deadline) = crate::run::schedule::deadline_words(
            &p,
            &walk.run,
            index,
            &crate::calendar::ProductionCalendar,
            &self.tz,
            say::date,
        ) {
            let text = say::line(&deadline.text(self.lang));
            self.say("plain-deadline", &[("deadline", text.into())])?;
        }
        if !step.prepare.is_empty() {
            let items: Vec<String> = step.prepare.iter().map(|i| say::line(i)).collect();
            self.say("plain-prepare", &[("items", items.join("; ").into())])?;
        }
        for link in &step.links {
            let args: &[(&str, Arg)] = &[
                ("title", say::line(&link.title).into()),
                ("url", say::line(&link.url).into()),
            ];
            self.say("plain-link", args)?;
        }
        // What the officer adds to the letters, numbered across the step as `poryadok attach`
        // takes them.
        let mut added = 0;
        for letter in &step.letters {
            let title = letter.title.as_deref().map(say::line).unwrap_or_default();
            self.say("plain-letter", &[("title", title.into())])?;
            if !letter.to.is_empty() {
                let to = say::line(&letter.to.join(", "));
                self.say("plain-letter-to", &[("to", to.into())])?;
            }
            if !letter.cc.is_empty() {
                let cc = say::line(&letter.cc.join(", "));
                self.say("plain-letter-cc", &[("cc", cc.into())])?;
            }
            if let Some(subject) = &letter.subject {
                let subject = say::line(subject);
                self.say("plain-letter-subject", &[("subject", subject.into())])?;
            }
            for what in &letter.attach_files {
                added += 1;
                let key = crate::run::state::attachment_key(&step.id, added);
                let what = say::line(what);
                match walk.run.attachments.get(&key) {
                    Some(file) => self.say(
                        "plain-letter-added-file",
                        &[
                            ("what", what.into()),
                            ("name", say::line(&file.name).into()),
                        ],
                    )?,
                    None => self.say(
                        "plain-letter-added-missing",
                        &[
                            ("what", what.into()),
                            ("run", say::line(&walk.id).into()),
                            ("step", (index + 1).into()),
                            ("number", added.into()),
                        ],
                    )?,
                }
            }
        }
        if let Some(body) = &step.body {
            for line in say::markdown(body) {
                self.line(&line)?;
            }
        }
        self.list_fields(walk)?;
        self.say_commands(walk)
    }

    /// The commands that make sense on the step now.
    fn say_commands(&mut self, walk: &Walk) -> io::Result<()> {
        let step = &walk.procedure.steps()[walk.step];
        let done = matches!(walk.run.steps.get(&step.id), Some(StepState::Done { .. }));
        let fields = !walk.procedure.step_fields(&walk.run, walk.step).is_empty();
        let id = match (done, step.optional) {
            (true, _) => "plain-commands-done",
            (false, true) => "plain-commands-optional",
            (false, false) => "plain-commands",
        };
        let fields = Msg::new(if fields {
            "plain-commands-fields"
        } else {
            "plain-commands-no-fields"
        });
        self.say(id, &[("fields", fields.into())])
    }

    /// After a step's command dated by the officer went through: what was recorded, on which
    /// day («Шаг «…» выполнен 03.12.2026»), a wait with its due day, and the progress.
    fn say_recorded(&mut self, walk: &Walk, day: Day) -> io::Result<()> {
        let step = &walk.procedure.steps()[walk.step];
        let (done, all) = crate::run::view::progress(&walk.procedure, &walk.run);
        let (id, due) = match walk.run.steps.get(&step.id) {
            Some(StepState::InProgress { .. }) => ("plain-recorded-started", None),
            Some(StepState::Waiting { due, .. }) => ("plain-recorded-waiting", *due),
            Some(StepState::Done {
                passed_over: true, ..
            }) => ("plain-recorded-passed", None),
            _ => ("plain-recorded-done", None),
        };
        let due_text = match due {
            Some(due) => Msg::new("plain-due-until").arg("date", say::date(due)),
            None => Msg::new("plain-no-due"),
        };
        let args: &[(&str, Arg)] = &[
            ("title", say::line(&step.title).into()),
            ("date", say::date(day.on).into()),
            ("due", due_text.into()),
            ("done", done.into()),
            ("all", all.into()),
        ];
        self.say(id, args)
    }

    /// After `w`: a due day already passed is said, as the wizard says it.
    fn say_due_past(&mut self, walk: &Walk) -> io::Result<()> {
        let step = &walk.procedure.steps()[walk.step];
        let now = self.now();
        let today = self.today(now);
        if let Some(StepState::Waiting { due: Some(due), .. }) = walk.run.steps.get(&step.id)
            && *due < today
        {
            self.say("tui-due-past", &[("date", say::date(*due).into())])?;
        }
        Ok(())
    }

    /// After a command went through: the step's state in words.
    fn say_state(&mut self, walk: &Walk) -> io::Result<()> {
        let words = self.status_words(walk, walk.step);
        let title = say::line(&walk.procedure.steps()[walk.step].title);
        let (done, all) = crate::run::view::progress(&walk.procedure, &walk.run);
        self.say(
            "plain-step-now",
            &[
                ("title", title.into()),
                ("state", words.into()),
                ("done", done.into()),
                ("all", all.into()),
            ],
        )
    }
}
