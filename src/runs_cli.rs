//! `poryadok runs`, `poryadok status RUN` and `poryadok recover RUN`: the runs in the store as
//! plain text, for a terminal or a script.

use std::io::Write;

use anyhow::{Result, anyhow};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use poryadok::calendar::ProductionCalendar;
use poryadok::catalog::Catalog;
use poryadok::i18n::Msg;
use poryadok::i18n::{Arg, Lang};
use poryadok::procedure::Procedure;
use poryadok::run::Run;
use poryadok::run::schedule::{Due, DueKind, deadline_rule, deadline_words, due_dates, summary};
use poryadok::run::view::{Status, progress, status, status_msg};
use poryadok::store::{DecodeError, Offer, Recovered, Store, Walked};
use poryadok::text::sanitize_line;

/// What every command here needs.
pub struct Context<'a> {
    pub lang: Lang,
    pub catalog: &'a Catalog,
    pub store: &'a Store,
    pub tz: TimeZone,
    pub today: Date,
}

impl Context<'_> {
    pub fn t(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.lang.format(id, args)
    }

    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.catalog.usable().find(|p| p.id() == id)
    }

    /// The edition a run is walked with (the store's one rule: its own kept edition, or the
    /// procedure file when nothing else opens it), with a newer edition on offer; `None` when
    /// neither the file nor a kept edition is there. Fitting the run to the file changes `run`.
    pub fn walk<'a>(&'a self, run: &mut Run) -> Option<Walked<'a>> {
        let file = self.procedure(&run.procedure.id);
        self.store.walk_edition(run, file, Timestamp::now())
    }

    /// What taking `offer` would change in `run`, walked with `procedure`, one line each.
    pub fn edition_changes(&self, procedure: &Procedure, offer: &Offer, run: &Run) -> Vec<String> {
        poryadok::run::edition::changes(procedure, offer.procedure, run, &self.tz, |d| self.date(d))
            .iter()
            .map(|msg| sanitize_line(&msg.text(self.lang)).into_owned())
            .collect()
    }

    pub fn date(&self, date: Date) -> String {
        date.strftime("%d.%m.%Y").to_string()
    }

    fn day(&self, at: Timestamp) -> String {
        self.date(at.to_zoned(self.tz.clone()).date())
    }

    fn due(&self, due: &Due) -> String {
        let mut text = self.date(due.date);
        if due.forecast {
            text.push_str(&self.t("runs-forecast", &[]));
        }
        if due.overdue(self.today) {
            text = self.t("runs-overdue", &[("date", text.into())]);
        }
        text
    }
}

/// `poryadok runs`.
pub fn list(cx: &Context) -> Result<()> {
    let mut out = anstream::stdout();
    let listed = cx.store.list()?;
    if listed.is_empty() {
        writeln!(out, "{}", cx.t("runs-none", &[]))?;
    }
    // The runs in the archive come last, marked as such.
    let mut listed = listed;
    listed.sort_by_key(|entry| entry.run.as_ref().is_ok_and(|run| run.archived.is_some()));
    for entry in listed {
        let id = sanitize_line(&entry.id).into_owned();
        let mut run = match entry.run {
            Ok(run) => run,
            // Gone after being moved aside: the store says what is kept and how to get it back.
            Err(DecodeError::Missing { .. }) => {
                if let Err(error) = cx.store.read(&entry.id, false) {
                    let text = sanitize_line(&error.message().text(cx.lang)).into_owned();
                    writeln!(out, "{id}\n    {text}")?;
                }
                continue;
            }
            Err(error) => {
                let reason = sanitize_line(&error.message().text(cx.lang)).into_owned();
                writeln!(
                    out,
                    "{id}\n    {}",
                    cx.t(
                        "runs-damaged",
                        &[("reason", reason.into()), ("id", id.clone().into())]
                    )
                )?;
                continue;
            }
        };
        let mut label = sanitize_line(&run.label).into_owned();
        if run.archived.is_some() {
            label.push_str(&cx.t("runs-archived", &[]));
        }
        let Some(walked) = cx.walk(&mut run) else {
            writeln!(
                out,
                "{id}  {label}\n    {}",
                cx.t(
                    "runs-unknown-procedure",
                    &[(
                        "procedure",
                        sanitize_line(&run.procedure.id).into_owned().into()
                    )]
                )
            )?;
            continue;
        };
        let procedure: &Procedure = &walked.procedure;
        let summary = summary(procedure, &run, &ProductionCalendar, &cx.tz);
        writeln!(out, "{id}  {label} — {}", sanitize_line(procedure.title()))?;
        let mut line = cx.t(
            "runs-progress",
            &[("done", summary.done.into()), ("all", summary.all.into())],
        );
        if let Some(next) = summary.next {
            line.push_str(" · ");
            line.push_str(
                &cx.t(
                    "runs-next",
                    &[(
                        "step",
                        sanitize_line(&procedure.steps()[next].title)
                            .into_owned()
                            .into(),
                    )],
                ),
            );
        }
        if let Some(due) = &summary.due {
            line.push_str(" · ");
            line.push_str(&cx.t(
                "runs-due",
                &[
                    ("date", cx.due(due).into()),
                    ("number", (due.step + 1).into()),
                ],
            ));
        }
        // A newer edition the run may take: named, with the command that shows it.
        if let Some(offer) = walked.offer.as_ref().filter(|offer| offer.open()) {
            line.push_str(" · ");
            line.push_str(&cx.t(
                "runs-edition",
                &[
                    (
                        "version",
                        sanitize_line(offer.procedure.version()).into_owned().into(),
                    ),
                    ("id", id.clone().into()),
                ],
            ));
        }
        writeln!(out, "    {line}")?;
    }
    Ok(())
}

/// `poryadok export RUN`: the run's documents written into its folder, replacing what an
/// earlier export put there, each file named on standard output; the run is read without
/// opening it for editing. Exit code 1 when a document could not be made (the others are
/// written) or there is nothing to write in the formats asked for (nothing is touched).
pub fn export(
    cx: &Context,
    id: &str,
    formats: &[poryadok::export::Format],
    out: Option<&std::path::Path>,
    include_secrets: bool,
    templates: &poryadok::export::report::Templates,
) -> Result<std::process::ExitCode> {
    use poryadok::export::{Options, make, nothing_to_write, write, write_to};
    // The secret values are read (with the key) only when the officer asked for them.
    let (walked, run, unreadable) = read_run(cx, id, include_secrets)?;
    let procedure: &Procedure = &walked.procedure;
    let mut stderr = anstream::stderr();
    if let Some(notice) = unreadable.filter(|_| include_secrets) {
        writeln!(stderr, "{}", sanitize_line(&notice.text(cx.lang)))?;
    }
    let organisation = match cx.store.runs_dir().parent() {
        Some(data) => poryadok::organisation::of_run_in(data, id)
            .map_err(|e| anyhow!(e.message().text(cx.lang)))?,
        None => None,
    };
    let options = Options {
        lang: cx.lang,
        include_secrets,
        tz: cx.tz.clone(),
        organisation,
        added_files: Some(cx.store.attachments_dir(id)),
        earlier: cx.store.earlier_editions(procedure, &run),
    };
    let made = make(
        procedure,
        &run,
        id,
        Timestamp::now(),
        &options,
        templates,
        formats,
    );
    for line in made.problems.iter().chain(&made.notes) {
        writeln!(stderr, "{}", sanitize_line(line))?;
    }
    if made.files.is_empty() {
        writeln!(stderr, "{}", nothing_to_write(formats).text(cx.lang))?;
        return Ok(std::process::ExitCode::FAILURE);
    }
    let dir = match out {
        Some(dir) => dir.to_path_buf(),
        None => write::default_dir(id).ok_or_else(|| anyhow!(cx.t("export-no-folder", &[])))?,
    };
    let written = write_to(&dir, id, &made, cx.lang).map_err(|e| anyhow!(e))?;
    let mut stdout = anstream::stdout();
    writeln!(
        stdout,
        "{}",
        sanitize_line(&cx.t(
            "export-written",
            &[
                ("count", written.len().into()),
                ("folder", dir.display().to_string().into())
            ]
        ))
    )?;
    for path in written {
        writeln!(stdout, "  {}", sanitize_line(&path.display().to_string()))?;
    }
    Ok(if made.problems.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    })
}

/// A run as it is on disk, fitted to its procedure as it is now (in memory only), with its
/// secret values when `with_secrets`; and what to tell the officer when some secret values
/// cannot be read (the key file was lost or replaced).
fn read_run<'a>(
    cx: &'a Context,
    id: &str,
    with_secrets: bool,
) -> Result<(Walked<'a>, Run, Option<Msg>)> {
    let (opened, unreadable) = cx
        .store
        .read(id, with_secrets)
        .map_err(|error| anyhow!(sanitize_line(&error.message().text(cx.lang)).into_owned()))?;
    let mut run = opened.run;
    let walked = cx.walk(&mut run).ok_or_else(|| {
        anyhow!(cx.t(
            "runs-unknown-procedure",
            &[("procedure", run.procedure.id.clone().into())]
        ))
    })?;
    Ok((walked, run, unreadable))
}

/// `poryadok status RUN --json`: the run for programs, read without opening it for editing:
/// progress, and each step with its status, the day it was done, and its deadline as a date with
/// its rule. Dates are ISO 8601 (`2026-05-12`).
pub fn status_json(cx: &Context, id: &str) -> Result<()> {
    use serde_json::json;
    let (walked, run, _) = read_run(cx, id, false)?;
    let procedure: &Procedure = &walked.procedure;
    let (done, all) = progress(procedure, &run);
    let dues = due_dates(procedure, &run, &ProductionCalendar, &cx.tz);
    let steps: Vec<serde_json::Value> = (procedure.steps().iter().enumerate())
        .map(|(index, step)| {
            let state = status(procedure, &run, index);
            let recorded = run.steps.get(&step.id);
            let deadline = dues
                .iter()
                .find(|d| d.step == index && d.kind == DueKind::Deadline)
                .map(|due| {
                    json!({
                        "date": due.date.to_string(),
                        "rule": deadline_rule(procedure, index).map(|m| m.text(cx.lang)),
                        "forecast": due.forecast,
                        "overdue": due.overdue(cx.today),
                        "missed": due.missed(),
                    })
                });
            // A wait without a day of its own is due when the procedure's deadline falls.
            let waiting = matches!(recorded, Some(poryadok::run::StepState::Waiting { .. }));
            let wait_until = (dues.iter())
                .filter(|d| d.step == index)
                .find(|d| d.kind == DueKind::Wait || (waiting && d.kind == DueKind::Deadline))
                .map(|due| due.date.to_string());
            json!({
                "number": index + 1,
                "id": step.id,
                "title": sanitize_line(&step.title),
                "status": poryadok::run::view::StatusCode::of(procedure, &run, index, &state),
                "status_text": status_msg(procedure, &run, index, &state, &cx.tz, cx.today, |d| cx.date(d))
                    .text(cx.lang),
                "on": recorded.map(|s| s.day(&cx.tz).to_string()),
                "deadline": deadline,
                "deadline_text": deadline_words(procedure, &run, index, &ProductionCalendar, &cx.tz, |d| cx.date(d))
                    .map(|m| m.text(cx.lang)),
                "wait_until": wait_until,
            })
        })
        .collect();
    let out = json!({
        "id": id,
        "label": run.label,
        "procedure": { "id": procedure.id(), "title": procedure.title(), "version": run.procedure.version },
        "edition": edition_json(cx, &walked, &run),
        "done": done,
        "all": all,
        "steps": steps,
    });
    writeln!(
        anstream::stdout(),
        "{}",
        serde_json::to_string_pretty(&out)?
    )?;
    Ok(())
}

/// `poryadok status RUN`: the run's checklist, read without opening it for editing.
pub fn status_of(cx: &Context, id: &str, with_journal: bool) -> Result<()> {
    let (walked, run, unreadable) = read_run(cx, id, false)?;
    let procedure: &Procedure = &walked.procedure;
    let mut out = anstream::stdout();
    write!(out, "{}", checklist(cx, procedure, &run))?;
    if let Some(notice) = unreadable {
        writeln!(out, "\n{}", sanitize_line(&notice.text(cx.lang)))?;
    }
    writeln!(out)?;
    for line in edition_lines(cx, id, &walked, &run, false) {
        writeln!(out, "{line}")?;
    }
    if !run.aside.is_empty() {
        // In words, from the editions the run had before when they are kept: what is aside is
        // what the procedure now no longer has.
        let before = cx.store.earlier_editions(procedure, &run);
        let editions: Vec<&Procedure> = [procedure]
            .into_iter()
            .chain(before.iter().map(|p| &**p))
            .collect();
        let items: Vec<String> = run
            .aside
            .steps
            .keys()
            .map(|k| format!("step:{k}"))
            .chain(run.aside.values.keys().map(|k| format!("field:{k}")))
            .chain(run.aside.choices.keys().map(|k| format!("choice:{k}")))
            .chain(run.aside.notes.keys().map(|k| format!("note:{k}")))
            .map(|item| poryadok::run::journal::What::parse(&item).words_in(&editions, cx.lang))
            .collect();
        writeln!(
            out,
            "{}",
            cx.t(
                "status-aside",
                &[(
                    "items",
                    sanitize_line(&items.join(", ")).into_owned().into()
                )]
            )
        )?;
    }
    if with_journal {
        write!(out, "\n{}", journal(cx, procedure, &run))?;
    }
    Ok(())
}

/// The journal as text, oldest first, in the words [`poryadok::run::journal::told`] gives it
/// (the wizard's journal shows the same).
pub fn journal(cx: &Context, procedure: &Procedure, run: &Run) -> String {
    let mut out = format!(
        "{}\n",
        cx.t("journal-title", &[("count", run.journal.len().into())])
    );
    let earlier = cx.store.earlier_editions(procedure, run);
    for told in poryadok::run::journal::told(procedure, run, &earlier, cx.lang, &cx.tz) {
        out.push_str(&format!(
            "  {:>4}. {}
",
            told.number,
            told.line()
        ));
    }
    out
}

/// The checklist of a run as text: a header, then every step by section with its mark and
/// status in words (never by colour alone), then the dates to keep.
pub fn checklist(cx: &Context, procedure: &Procedure, run: &Run) -> String {
    let mut out = String::new();
    let (done, all) = progress(procedure, run);
    out.push_str(&format!(
        "{} — {}\n",
        sanitize_line(&run.label),
        sanitize_line(procedure.title())
    ));
    out.push_str(&cx.t(
        "status-header",
        &[
            ("done", done.into()),
            ("all", all.into()),
            ("created", cx.day(run.created).into()),
            (
                "version",
                sanitize_line(&run.procedure.version).into_owned().into(),
            ),
        ],
    ));
    out.push('\n');
    let dues = due_dates(procedure, run, &ProductionCalendar, &cx.tz);
    let due_on = |index: usize, kind: DueKind| {
        (dues.iter())
            .find(|d| d.step == index && d.kind == kind)
            .map(|d| d.date)
    };
    for section in procedure.sections() {
        out.push_str(&format!("\n{}\n", sanitize_line(&section.title)));
        for step in procedure.steps_in(&section.id) {
            let index = procedure
                .step_index(&step.id)
                .expect("a step of the procedure");
            let (mark, mut words) = describe(cx, procedure, run, index);
            let wait = due_on(index, DueKind::Wait);
            if wait.is_some() && wait == due_on(index, DueKind::Deadline) {
                // Waiting until the deadline: the day is said once, with the rule behind it.
                if let Some(rule) = deadline_rule(procedure, index) {
                    words.push_str(&format!(" ({})", sanitize_line(&rule.text(cx.lang))));
                }
            } else if !run.is_done(&step.id)
                && poryadok::run::eval::step_applies(procedure, run, step) != Some(false)
                && let Some(deadline) =
                    deadline_words(procedure, run, index, &ProductionCalendar, &cx.tz, |d| {
                        cx.date(d)
                    })
            {
                words.push_str(" · ");
                words.push_str(&sanitize_line(&deadline.text(cx.lang)));
            }
            out.push_str(&format!(
                "  {mark} {}. {} — {words}\n",
                index + 1,
                sanitize_line(&step.title)
            ));
        }
    }
    if !dues.is_empty() {
        out.push_str(&format!("\n{}\n", cx.t("status-dates", &[])));
        for due in dues {
            let step = &procedure.steps()[due.step];
            let kind = match due.kind {
                DueKind::Wait => cx.t("status-date-wait", &[]),
                DueKind::Deadline => deadline_rule(procedure, due.step)
                    .map_or_else(|| cx.t("status-date-deadline", &[]), |m| m.text(cx.lang)),
            };
            let state = match due.done {
                Some(day) if due.missed() => {
                    cx.t("status-date-missed", &[("date", cx.date(day).into())])
                }
                Some(day) => cx.t("status-date-met", &[("date", cx.date(day).into())]),
                None => String::new(),
            };
            out.push_str(&format!(
                "  {} — {}. {} ({kind}{state})\n",
                cx.due(&due),
                due.step + 1,
                sanitize_line(&step.title),
            ));
        }
    }
    out
}

/// The mark and the words for a step's status.
fn describe(
    cx: &Context,
    procedure: &Procedure,
    run: &Run,
    index: usize,
) -> (&'static str, String) {
    let status = status(procedure, run, index);
    let milestone =
        procedure.steps()[index].kind == poryadok::procedure::model::StepKind::Milestone;
    let mark = match &status {
        // A control event: reached, or not yet.
        Status::Done if milestone => "[*]",
        Status::Blocked { .. } if milestone => "[.]",
        Status::Done => "[x]",
        Status::Skipped => "[-]",
        Status::Undecided => "[?]",
        Status::Blocked { .. } => "[#]",
        Status::InProgress => "[>]",
        Status::Waiting { .. } => "[~]",
        Status::Ready => "[ ]",
    };
    let mut words = status_msg(procedure, run, index, &status, &cx.tz, cx.today, |d| {
        cx.date(d)
    })
    .text(cx.lang);
    if let Status::Blocked {
        reason: Some(reason),
        ..
    } = &status
    {
        words.push_str(&format!(" ({})", sanitize_line(reason)));
    }
    (mark, words)
}

/// `poryadok recover RUN`: whatever state the run's files are in, what is in the run file's
/// place and does not read is moved aside and the copy before its last save put back.
pub fn recover(cx: &Context, id: &str) -> Result<()> {
    let mut out = anstream::stdout();
    let said = |msg: Msg| sanitize_line(&msg.text(cx.lang)).into_owned();
    match cx.store.recover(id) {
        Ok(Recovered::NotNeeded) => {
            writeln!(
                out,
                "{}",
                cx.t("recover-not-needed", &[("id", id.to_owned().into())])
            )?;
            Ok(())
        }
        Ok(Recovered::Restored { moved_to }) => {
            if let Some(moved) = moved_to {
                let msg = Msg::new("store-recover-moved")
                    .arg("id", id)
                    .arg("moved", moved.display().to_string());
                writeln!(out, "{}", said(msg))?;
            }
            writeln!(
                out,
                "{}",
                cx.t("recover-restored", &[("id", id.to_owned().into())])
            )?;
            Ok(())
        }
        Err(error) => Err(anyhow!(said(error.message()))),
    }
}

/// `poryadok org`: the register of organisations. Without an id, every organisation and the
/// runs given to it; with one, its values after setting those given (each checked; one that is
/// not valid changes nothing), or its removal; with `--run`, the run is given to it and the
/// run's empty fields that are its values are filled (journaled, as if typed).
pub fn org(
    cx: &Context,
    id: Option<&str>,
    values: &[(poryadok::organisation::OrgKey, &str)],
    run: Option<&str>,
    remove: bool,
) -> Result<std::process::ExitCode> {
    use poryadok::organisation::{OrgKey, Register, give};
    let data = cx
        .store
        .runs_dir()
        .parent()
        .ok_or_else(|| anyhow!(cx.t("runs-no-data-dir", &[])))?
        .to_path_buf();
    let mut register = Register::load(&data).map_err(|e| anyhow!(e.message().text(cx.lang)))?;
    let mut out = anstream::stdout();
    let Some(id) = id else {
        if register.organisations.is_empty() {
            writeln!(out, "{}", cx.t("org-none", &[]))?;
        }
        for (id, org) in &register.organisations {
            let inn = org.get(OrgKey::Inn).unwrap_or("—");
            let name = org.label().unwrap_or("—");
            writeln!(
                out,
                "{}",
                sanitize_line(&format!(
                    "{id}  {name}  {} {inn}",
                    OrgKey::Inn.label(cx.lang)
                ))
            )?;
            for (run, _) in register.runs.iter().filter(|(_, o)| *o == id) {
                writeln!(out, "    {}", sanitize_line(run))?;
            }
        }
        return Ok(std::process::ExitCode::SUCCESS);
    };
    let id = id.trim();
    if id.is_empty() || id.chars().any(|c| c.is_control() || c.is_whitespace()) {
        anyhow::bail!(cx.t(
            "org-bad-id",
            &[("id", sanitize_line(id).into_owned().into())]
        ));
    }
    if remove {
        if register.organisations.remove(id).is_none() {
            anyhow::bail!(cx.t("org-unknown", &[("id", id.to_owned().into())]));
        }
        register.runs.retain(|_, o| o != id);
        register
            .save(&data)
            .map_err(|e| anyhow!(e.message().text(cx.lang)))?;
        writeln!(
            out,
            "{}",
            cx.t("org-removed", &[("id", id.to_owned().into())])
        )?;
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let mut org = register.organisations.get(id).cloned().unwrap_or_default();
    if values.is_empty() && run.is_none() && !register.organisations.contains_key(id) {
        anyhow::bail!(cx.t("org-unknown", &[("id", id.to_owned().into())]));
    }
    for (key, text) in values {
        org.set(*key, text).map_err(|reason| {
            anyhow!(cx.t(
                "org-invalid",
                &[
                    ("key", key.label(cx.lang).into()),
                    (
                        "option",
                        format!("--{}", key.name().replace('_', "-")).into()
                    ),
                    ("reason", reason.text(cx.lang).into()),
                ]
            ))
        })?;
    }
    register.organisations.insert(id.to_owned(), org.clone());
    if let Some(run_id) = run {
        let (mut session, opened) = cx
            .store
            .open_run(run_id)
            .map_err(|error| anyhow!(sanitize_line(&error.message().text(cx.lang)).into_owned()))?;
        let mut run = opened.run;
        let walked = cx.walk(&mut run).ok_or_else(|| {
            anyhow!(cx.t(
                "org-no-procedure",
                &[("procedure", run.procedure.id.clone().into())]
            ))
        })?;
        let procedure: &Procedure = &walked.procedure;
        let filled = give(
            &mut register,
            id,
            procedure,
            run_id,
            &mut run,
            Timestamp::now(),
        )
        .unwrap_or_default();
        if !filled.is_empty() || walked.moved.changed() {
            session
                .save(procedure, &run, Timestamp::now())
                .map_err(|e| anyhow!(e.message().text(cx.lang)))?;
        }
        writeln!(
            out,
            "{}",
            cx.t(
                "org-run-given",
                &[
                    ("run", run_id.to_owned().into()),
                    ("id", id.to_owned().into()),
                    ("count", filled.len().into())
                ]
            )
        )?;
    }
    register
        .save(&data)
        .map_err(|e| anyhow!(e.message().text(cx.lang)))?;
    writeln!(out, "{id}")?;
    for key in OrgKey::ALL {
        if let Some(value) = org.get(key) {
            writeln!(out, "  {}: {}", key.label(cx.lang), sanitize_line(value))?;
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// Lines on the edition a run is walked with and a newer one: for `status` (`full`: what the
/// newer one changes, for `edition`).
fn edition_lines(cx: &Context, id: &str, walked: &Walked, run: &Run, full: bool) -> Vec<String> {
    let procedure: &Procedure = &walked.procedure;
    let safe = |text: &str| sanitize_line(text).into_owned();
    let mut lines = vec![cx.t(
        "status-edition",
        &[
            ("version", safe(procedure.version()).into()),
            ("edition", short(&procedure.edition()).into()),
        ],
    )];
    if let Some(said) = &walked.said {
        lines.push(safe(&said.text(cx.lang)));
    }
    let Some(offer) = &walked.offer else {
        return lines;
    };
    let newer = [
        ("version", safe(offer.procedure.version()).into()),
        ("edition", short(&offer.procedure.edition()).into()),
        ("id", id.to_owned().into()),
    ];
    if offer.finished {
        lines.push(cx.t("status-edition-finished", &newer));
    } else if full {
        lines.push(cx.t("edition-offered", &newer));
        for change in cx.edition_changes(procedure, offer, run) {
            lines.push(format!("  • {change}"));
        }
        if offer.declined {
            lines.push(cx.t("edition-declined", &[]));
        }
        lines.push(cx.t("edition-not-undone", &[]));
        lines.push(cx.t("edition-take-hint", &newer));
    } else {
        lines.push(cx.t("status-edition-offered", &newer));
    }
    lines
}

/// The `edition` of `status --json`: the one the run is walked with, and a newer one on offer
/// with what it changes.
fn edition_json(cx: &Context, walked: &Walked, run: &Run) -> serde_json::Value {
    use serde_json::json;
    let procedure: &Procedure = &walked.procedure;
    let newer = walked.offer.as_ref().map(|offer| {
        json!({
            "version": offer.procedure.version(),
            "edition": offer.procedure.edition(),
            "offered": offer.open(),
            "declined": offer.declined,
            "finished": offer.finished,
            "changes": if offer.open() { cx.edition_changes(procedure, offer, run) } else { Vec::new() },
        })
    });
    json!({
        "version": procedure.version(),
        "edition": procedure.edition(),
        "newer": newer,
    })
}

/// The first digits of an edition, enough to tell two apart.
pub fn short(edition: &str) -> String {
    edition.get(..8).unwrap_or(edition).to_owned()
}

/// `poryadok edition RUN`: which edition the run is walked with and, when a newer one is
/// available, what it changes.
pub fn edition(cx: &Context, id: &str) -> Result<()> {
    let (walked, run, _) = read_run(cx, id, false)?;
    let procedure: &Procedure = &walked.procedure;
    let mut out = anstream::stdout();
    writeln!(
        out,
        "{}",
        cx.t(
            "edition-walks",
            &[
                ("id", id.to_owned().into()),
                (
                    "title",
                    sanitize_line(procedure.title()).into_owned().into()
                ),
                (
                    "version",
                    sanitize_line(procedure.version()).into_owned().into()
                ),
                ("edition", short(&procedure.edition()).into()),
            ]
        )
    )?;
    for line in edition_lines(cx, id, &walked, &run, true)
        .into_iter()
        .skip(1)
    {
        writeln!(out, "{line}")?;
    }
    if walked.offer.is_none() && walked.said.is_none() {
        let key = if cx.procedure(&run.procedure.id).is_some() {
            "edition-none"
        } else {
            "edition-file-gone"
        };
        writeln!(out, "{}", cx.t(key, &[]))?;
    }
    Ok(())
}
