//! `poryadok new`, `step`, `set`, `choose`, `undo`, `rename`, `archive`, `delete`, `restore`: a
//! run changed from the command line,
//! for IT staff, scripts and other front ends, through the same engine, checks, journal and run
//! lock as the wizard.
//!
//! Exit codes: 0 the change is made and saved; 1 the procedure refuses it (the same reason the
//! wizard gives, on the standard error) or the run is open elsewhere; 2 a usage error (a step,
//! field or choice the procedure does not have, a value of the wrong shape).

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use jiff::Timestamp;
use jiff::civil::Date;

use poryadok::cli::StepAction;
use poryadok::i18n::Msg;
use poryadok::procedure::{Field, FieldType, Procedure};
use poryadok::run::Run;
use poryadok::run::command::{Command, Day, validate_cell, validate_value};
use poryadok::run::state::Value;
use poryadok::store::{ChangeError, Edition, Offer, OpenError, Session};
use poryadok::text::sanitize_line;

use crate::runs_cli::Context;

/// Why a change did not happen: refused (exit 1) or asked wrongly (exit 2); the message is in
/// the officer's language.
enum Stop {
    Refused(String),
    Usage(String),
}

impl Stop {
    fn exit(self) -> ExitCode {
        let (text, code) = match self {
            Stop::Refused(text) => (text, 1),
            Stop::Usage(text) => (text, 2),
        };
        let _ = writeln!(anstream::stderr(), "{text}");
        ExitCode::from(code)
    }
}

/// A run opened for a change: the edition it is walked with, the run, the lock held.
struct Opened<'a> {
    procedure: Edition<'a>,
    run: Run,
    session: Session,
    /// A newer edition in the procedure file, not applied.
    offer: Option<Offer<'a>>,
}

/// Opens the run `id` for a change, walked with its own edition (see
/// [`poryadok::store::Store::walk_edition`]); a run open in the wizard (its lock held) is
/// refused.
fn open<'a>(cx: &'a Context, id: &str) -> Result<Opened<'a>, Stop> {
    let (session, opened) = cx
        .store
        .open_run(id)
        .map_err(|error| open_stop(cx, error))?;
    let mut run = opened.run;
    let walked = cx.walk(&mut run).ok_or_else(|| {
        Stop::Usage(cx.t(
            "runs-unknown-procedure",
            &[("procedure", run.procedure.id.clone().into())],
        ))
    })?;
    Ok(Opened {
        procedure: walked.procedure,
        run,
        session,
        offer: walked.offer,
    })
}

/// `poryadok edition RUN [--take]`: which edition the run is walked with and what a newer one
/// changes; with `--take`, the newer one taken, journaled and saved (exit 1 when there is none
/// to take, the run is finished, or it is open elsewhere).
pub fn edition(cx: &Context, id: &str, take: bool) -> ExitCode {
    if !take {
        return match crate::runs_cli::edition(cx, id) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => Stop::Usage(sanitize_line(&error.to_string()).into_owned()).exit(),
        };
    }
    let Opened {
        procedure,
        mut run,
        mut session,
        offer,
    } = match open(cx, id) {
        Ok(opened) => opened,
        Err(stop) => return stop.exit(),
    };
    let reason = match &offer {
        None if cx.procedure(&run.procedure.id).is_none() => Some(cx.t("edition-file-gone", &[])),
        None => Some(cx.t("edition-none", &[])),
        Some(offer) if offer.finished => Some(cx.t(
            "edition-finished",
            &[
                (
                    "version",
                    sanitize_line(offer.procedure.version()).into_owned().into(),
                ),
                (
                    "edition",
                    crate::runs_cli::short(&offer.procedure.edition()).into(),
                ),
            ],
        )),
        Some(_) => None,
    };
    if let Some(reason) = reason {
        return Stop::Refused(cx.t("edition-nothing-to-take", &[("reason", reason.into())])).exit();
    }
    let newer = offer.expect("an offer to take").procedure;
    let now = Timestamp::now();
    poryadok::run::edition::take(newer, &mut run, now);
    if let Err(error) = session.save(newer, &run, now) {
        let text = sanitize_line(&error.message().text(cx.lang)).into_owned();
        return Stop::Usage(text).exit();
    }
    let mut out = anstream::stdout();
    let editions = [newer, &*procedure];
    if let Some(words) = (run.journal.last())
        .and_then(|entry| entry.edition.as_ref())
        .and_then(|taken| taken.words(&editions, cx.lang))
    {
        let _ = writeln!(out, "{}", sanitize_line(&words));
    }
    let _ = writeln!(
        out,
        "{}",
        cx.t(
            "edition-taken",
            &[
                ("id", id.to_owned().into()),
                (
                    "version",
                    sanitize_line(newer.version()).into_owned().into()
                ),
            ]
        )
    );
    ExitCode::SUCCESS
}

/// Applies the command `make` makes to the run `id` and saves it (through
/// [`poryadok::store::Store::change`], as the wizard's home screen does), or says why not.
fn change(cx: &Context, id: &str, day: Option<Date>, make: Make) -> ExitCode {
    let now = Timestamp::now();
    let day = day.map(|on| Day {
        on,
        today: cx.today,
    });
    let made = cx.store.change(
        id,
        |run| cx.procedure(&run.procedure.id),
        |p, run| make(cx, p, run),
        now,
        day,
    );
    match made {
        Ok(changed) => {
            let mut out = anstream::stdout();
            // An undo says what it took back, in the words the wizard and plain mode use.
            if changed
                .run
                .journal
                .last()
                .is_some_and(|e| e.undoes.is_some())
            {
                let (p, run) = (&changed.procedure, &changed.run);
                let said = poryadok::run::journal::undone(p, run, cx.lang, &cx.tz, cx.today);
                let _ = writeln!(out, "{}", sanitize_line(&said.text(cx.lang)));
            }
            for step in changed.outcome.affected {
                let known = changed.procedure.step(&step);
                let title = known.map_or(step.clone(), |s| sanitize_line(&s.title).into_owned());
                // A control event is reached, not done.
                let milestone = known
                    .is_some_and(|s| s.kind == poryadok::procedure::model::StepKind::Milestone);
                let key = if milestone {
                    "change-affected-reached"
                } else {
                    "change-affected"
                };
                let _ = writeln!(out, "{}", cx.t(key, &[("step", title.into())]));
            }
            saved(cx, id)
        }
        Err(error) => change_stop(cx, error).exit(),
    }
}

/// Says the run `id` is saved.
fn saved(cx: &Context, id: &str) -> ExitCode {
    let text = cx.t("change-saved", &[("id", id.to_owned().into())]);
    let _ = writeln!(anstream::stdout(), "{text}");
    ExitCode::SUCCESS
}

/// Why a change did not happen, as the command line says it.
fn change_stop<E: Into<Stop>>(cx: &Context, error: ChangeError<'_, E>) -> Stop {
    match error {
        ChangeError::Open(error) => open_stop(cx, error),
        ChangeError::NoProcedure(procedure) => {
            Stop::Usage(cx.t("runs-unknown-procedure", &[("procedure", procedure.into())]))
        }
        ChangeError::Make(stop) => stop.into(),
        ChangeError::Refused(refusal, procedure) => {
            let (msg, details) = refusal.words(&procedure, cx.lang);
            let mut text = sanitize_line(&msg.text(cx.lang)).into_owned();
            for line in details {
                text.push_str("\n  ");
                text.push_str(&sanitize_line(&line));
            }
            Stop::Refused(text)
        }
        ChangeError::Save(error) => {
            Stop::Usage(sanitize_line(&error.message().text(cx.lang)).into_owned())
        }
    }
}

impl From<std::convert::Infallible> for Stop {
    fn from(never: std::convert::Infallible) -> Stop {
        match never {}
    }
}

/// Makes the command once the run is open.
type Make<'m> = &'m dyn Fn(&Context, &Procedure, &Run) -> Result<Command, Stop>;

/// `poryadok new PROCEDURE --label TEXT`: the new run's id on the last line. A label another run
/// of the procedure already has is warned about, not refused.
pub fn new(
    cx: &Context,
    procedure: &str,
    label: Option<&str>,
    org: Option<&str>,
) -> Result<ExitCode> {
    let Some(p) = cx.procedure(procedure) else {
        return Ok(Stop::Usage(cx.t(
            "runs-unknown-procedure",
            &[("procedure", sanitize_line(procedure).into_owned().into())],
        ))
        .exit());
    };
    // With `--org`, the run belongs to that organisation of the register: labelled with its
    // short name unless a label is given, its fields that are the organisation's values filled.
    let data = cx
        .store
        .runs_dir()
        .parent()
        .map(std::path::Path::to_path_buf);
    let mut register = match (&data, org) {
        (Some(data), Some(_)) => Some(
            poryadok::organisation::Register::load(data)
                .map_err(|e| anyhow!(e.message().text(cx.lang)))?,
        ),
        _ => None,
    };
    let organisation = match (org, &register) {
        (Some(id), Some(register)) => {
            Some(register.organisations.get(id).cloned().ok_or_else(|| {
                anyhow!(cx.t(
                    "org-unknown",
                    &[("id", sanitize_line(id).into_owned().into())]
                ))
            })?)
        }
        _ => None,
    };
    let label = label
        .or_else(|| organisation.as_ref().and_then(|o| o.label()))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let label = label.as_str();
    warn_same_label(cx, label, &cx.store.same_label(procedure, label, None));
    let (mut session, mut run) = cx
        .store
        .create(p, label, Timestamp::now())
        .map_err(|error| anyhow!(sanitize_line(&error.message().text(cx.lang)).into_owned()))?;
    if let (Some(id), Some(register), Some(data)) = (org, register.as_mut(), &data) {
        let now = Timestamp::now();
        let run_id = session.id().to_owned();
        let filled = poryadok::organisation::give(register, id, p, &run_id, &mut run, now);
        if filled.is_some_and(|filled| !filled.is_empty()) {
            session
                .save(p, &run, now)
                .map_err(|e| anyhow!(e.message().text(cx.lang)))?;
        }
        register
            .save(data)
            .map_err(|e| anyhow!(e.message().text(cx.lang)))?;
    }
    writeln!(anstream::stdout(), "{}", session.id())?;
    Ok(ExitCode::SUCCESS)
}

/// `poryadok step RUN STEP start|done|wait|reopen|pass [--on DATE] [--until DATE]`.
pub fn step(
    cx: &Context,
    id: &str,
    step: &str,
    action: StepAction,
    on: Option<Date>,
    until: Option<Date>,
) -> ExitCode {
    if until.is_some() && action != StepAction::Wait {
        return Stop::Usage(cx.t("change-until-only-wait", &[])).exit();
    }
    let make = |cx: &Context, p: &Procedure, run: &Run| {
        let index = step_of(p, step).ok_or_else(|| {
            Stop::Usage(cx.t(
                "change-unknown-step",
                &[("step", sanitize_line(step).into_owned().into())],
            ))
        })?;
        let step = p.steps()[index].id.clone();
        Ok(match action {
            StepAction::Start => Command::StartStep(step),
            StepAction::Done => Command::CompleteStep(step),
            StepAction::Reopen => Command::ReopenStep(step),
            StepAction::Pass => Command::PassOver(step),
            StepAction::Wait => {
                // Without --until, the wait is due when the procedure's deadline falls.
                let begun = on.unwrap_or(cx.today);
                let due = until.or_else(|| {
                    poryadok::run::schedule::wait_due(
                        p,
                        run,
                        index,
                        begun,
                        &poryadok::calendar::ProductionCalendar,
                        &cx.tz,
                    )
                    .map(|counted| counted.date)
                });
                Command::WaitStep { step, due }
            }
        })
    };
    change(cx, id, on, &make)
}

/// A step by its id or by its number as the wizard shows it (from 1).
fn step_of(procedure: &Procedure, step: &str) -> Option<usize> {
    procedure.step_index(step).or_else(|| {
        step.parse::<usize>()
            .ok()
            .filter(|n| (1..=procedure.steps().len()).contains(n))
            .map(|n| n - 1)
    })
}

/// `poryadok set RUN FIELD VALUE`.
pub fn set(cx: &Context, id: &str, field: &str, value: &str) -> ExitCode {
    let make = |cx: &Context, p: &Procedure, run: &Run| set_command(cx, p, run, field, value);
    change(cx, id, None, &make)
}

fn set_command(
    cx: &Context,
    p: &Procedure,
    run: &Run,
    name: &str,
    text: &str,
) -> Result<Command, Stop> {
    let unknown = || {
        Stop::Usage(cx.t(
            "change-unknown-field",
            &[("field", sanitize_line(name).into_owned().into())],
        ))
    };
    let invalid = |field: &Field, problem: Msg| {
        let label = field.label.as_deref().unwrap_or(name);
        Stop::Refused(format!(
            "{}: {}",
            sanitize_line(label),
            sanitize_line(&problem.text(cx.lang))
        ))
    };
    let parts: Vec<&str> = name.split('.').collect();
    // A table's cell: TABLE.ROW.COLUMN.
    if let [table, row, column] = parts.as_slice()
        && let Ok(row) = row.parse::<usize>()
    {
        let field = p.field(table).ok_or_else(unknown)?;
        let def = (field.kind == Some(FieldType::Table))
            .then(|| field.columns.iter().find(|c| c.id == *column))
            .flatten()
            .ok_or_else(unknown)?;
        let mut rows = match run.values.get(*table) {
            Some(Value::Table(rows)) => rows.clone(),
            _ => Vec::new(),
        };
        if row == 0 || row > rows.len() + 1 {
            return Err(Stop::Usage(cx.t(
                "change-unknown-row",
                &[("row", row.into()), ("rows", rows.len().into())],
            )));
        }
        if row == rows.len() + 1 {
            rows.push(BTreeMap::new());
        }
        let cell = typed(def.kind, text).map_err(|problem| invalid(field, problem))?;
        let cells = &mut rows[row - 1];
        match cell {
            Some(cell) => cells.insert(def.id.clone(), cell),
            None => cells.remove(&def.id),
        };
        validate_cell(def, cells.get(&def.id)).map_err(|problem| {
            invalid(
                field,
                Msg::new("field-cell")
                    .arg("row", row)
                    .arg("column", def.label.as_str())
                    .arg("problem", problem),
            )
        })?;
        return Ok(Command::SetField {
            field: (*table).to_owned(),
            value: Value::Table(rows),
        });
    }
    // FORM.FIELD, or the field's id.
    let id = match parts.as_slice() {
        [form, field] => p
            .form(form)
            .and_then(|f| f.fields.iter().find(|x| x.id.as_deref() == Some(field)))
            .map(|_| (*field).to_owned()),
        [field] => p.field(field).map(|_| (*field).to_owned()),
        _ => None,
    }
    .ok_or_else(unknown)?;
    let field = p.field(&id).ok_or_else(unknown)?;
    if field.kind == Some(FieldType::Table) {
        return Err(Stop::Usage(cx.t(
            "change-table-by-cell",
            &[("field", sanitize_line(&id).into_owned().into())],
        )));
    }
    let kind = field.kind.unwrap_or(FieldType::Text);
    match typed(kind, text).map_err(|problem| invalid(field, problem))? {
        None => Ok(Command::ClearField(id)),
        Some(value) => {
            validate_value(field, &value).map_err(|problem| invalid(field, problem))?;
            Ok(Command::SetField { field: id, value })
        }
    }
}

/// The value of a field or cell of type `kind` written as `text`: yes/no, a list by `;`, or
/// text; `None` for an empty text (clears it).
fn typed(kind: FieldType, text: &str) -> Result<Option<Value>, Msg> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(match kind {
        FieldType::Yesno => match text.trim().to_lowercase().as_str() {
            "да" | "yes" | "true" | "1" => Value::Bool(true),
            "нет" | "no" | "false" | "0" => Value::Bool(false),
            _ => return Err(Msg::new("change-not-yes-no").arg("value", text)),
        },
        FieldType::Multiselect => Value::List(
            text.split(';')
                .map(|item| item.trim().to_owned())
                .filter(|item| !item.is_empty())
                .collect(),
        ),
        _ => Value::Text(text.to_owned()),
    }))
}

/// `poryadok attach RUN STEP N PATH`: the file at `PATH` copied into the run's folder as the
/// `N`-th attachment the officer adds to the step's letters (`attach_files`); an empty `PATH`
/// takes the file given before away.
pub fn attach(
    cx: &Context,
    id: &str,
    step: &str,
    number: usize,
    path: &std::path::Path,
) -> ExitCode {
    let make = |cx: &Context, p: &Procedure, _: &Run| {
        let index = step_of(p, step).ok_or_else(|| {
            Stop::Usage(cx.t(
                "change-unknown-step",
                &[("step", sanitize_line(step).into_owned().into())],
            ))
        })?;
        let step = &p.steps()[index];
        let added: Vec<&String> = poryadok::run::journal::added_files(p, &step.id).collect();
        if number == 0 || number > added.len() {
            let title = sanitize_line(&step.title).into_owned();
            if added.is_empty() {
                return Err(Stop::Usage(
                    cx.t("change-no-attachments", &[("step", title.into())]),
                ));
            }
            let list: Vec<String> = (added.iter().enumerate())
                .map(|(n, what)| format!("{}. {}", n + 1, sanitize_line(what)))
                .collect();
            return Err(Stop::Usage(cx.t(
                "change-unknown-attachment",
                &[
                    ("step", title.into()),
                    ("number", number.into()),
                    ("list", list.join("; ").into()),
                ],
            )));
        }
        // An empty path takes the file away, as an empty value clears a field.
        let path = Some(path).filter(|p| !p.as_os_str().is_empty());
        (cx.store.attach_command(id, &step.id, number, path))
            .map_err(|error| Stop::Refused(error.message().text(cx.lang)))
    };
    change(cx, id, None, &make)
}

/// `poryadok choose RUN CHOICE OPTION`.
pub fn choose(cx: &Context, id: &str, choice: &str, option: &str) -> ExitCode {
    let make = |cx: &Context, p: &Procedure, _: &Run| {
        // What may be typed instead: each id with its title.
        let listed = |items: Vec<(&str, &str)>| {
            if items.is_empty() {
                return "—".to_owned();
            }
            (items.into_iter())
                .map(|(id, title)| format!("{id} «{}»", sanitize_line(title)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(c) = p.file().choices.iter().find(|c| c.id == choice) else {
            let choices = (p.file().choices.iter())
                .map(|c| (c.id.as_str(), c.title.as_str()))
                .collect();
            return Err(Stop::Usage(cx.t(
                "change-unknown-choice",
                &[
                    ("choice", sanitize_line(choice).into_owned().into()),
                    ("choices", listed(choices).into()),
                ],
            )));
        };
        if !c.options.iter().any(|o| o.id == option) {
            let options = (c.options.iter())
                .map(|o| (o.id.as_str(), o.title.as_str()))
                .collect();
            return Err(Stop::Usage(cx.t(
                "change-unknown-option",
                &[
                    ("choice", sanitize_line(choice).into_owned().into()),
                    ("option", sanitize_line(option).into_owned().into()),
                    ("options", listed(options).into()),
                ],
            )));
        }
        Ok(Command::Choose {
            choice: choice.to_owned(),
            option: option.to_owned(),
        })
    };
    change(cx, id, None, &make)
}

/// `poryadok undo RUN`.
pub fn undo(cx: &Context, id: &str) -> ExitCode {
    change(cx, id, None, &|_, _, _| Ok(Command::Undo))
}

/// Warns, on the standard error, that other runs of the procedure (`same`) have the label:
/// when they were started, and their ids, which is what the command line takes.
fn warn_same_label(cx: &Context, label: &str, same: &[poryadok::store::SameLabel]) {
    if !same.is_empty() {
        let warning = poryadok::store::same_label_warning("change-same-label", label, same, &cx.tz);
        let _ = writeln!(anstream::stderr(), "{}", warning.text(cx.lang));
    }
}

/// `poryadok rename RUN LABEL`: as the wizard's home screen renames (`Store::relabel`); a
/// label another run of the procedure has is warned about.
pub fn rename(cx: &Context, id: &str, label: &str) -> ExitCode {
    let of = |run: &Run| cx.procedure(&run.procedure.id);
    match cx.store.relabel(id, label, of, Timestamp::now()) {
        Ok(same) => {
            warn_same_label(cx, label.trim(), &same);
            saved(cx, id)
        }
        Err(error) => {
            let error = error.map_make(|msg| Stop::Usage(msg.text(cx.lang)));
            change_stop(cx, error).exit()
        }
    }
}

/// `poryadok archive RUN`: off the home screen and to the end of `poryadok runs`, still read by
/// `status` and `export`; `restore` takes it out again.
pub fn archive(cx: &Context, id: &str) -> ExitCode {
    archived(cx, id, true)
}

/// The run `id` put in the archive or taken out, as the wizard does it.
fn archived(cx: &Context, id: &str, archived: bool) -> ExitCode {
    let of = |run: &Run| cx.procedure(&run.procedure.id);
    match cx.store.set_archived(id, archived, of, Timestamp::now()) {
        Ok(()) => saved(cx, id),
        Err(error) => change_stop(cx, error).exit(),
    }
}

/// `poryadok delete RUN`: the run's files move aside, kept for the days `restore` can bring them
/// back in.
pub fn delete(cx: &Context, id: &str) -> ExitCode {
    match cx.store.delete(id) {
        Ok(_) => {
            let days = (poryadok::store::KEEP_DELETED.as_secs() / 86_400) as usize;
            let text = cx.t(
                "change-deleted",
                &[("id", id.to_owned().into()), ("days", days.into())],
            );
            let _ = writeln!(anstream::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        Err(error) => open_stop(cx, error).exit(),
    }
}

/// `poryadok restore RUN`: a deleted run brought back, or a run in the archive taken out.
pub fn restore(cx: &Context, id: &str) -> ExitCode {
    let archived = cx
        .store
        .list()
        .ok()
        .and_then(|listed| listed.into_iter().find(|entry| entry.id == id))
        .and_then(|entry| entry.run.ok())
        .is_some_and(|run| run.archived.is_some());
    if archived {
        return self::archived(cx, id, false);
    }
    match cx.store.restore(id) {
        Ok(()) => {
            let text = cx.t("change-restored", &[("id", id.to_owned().into())]);
            let _ = writeln!(anstream::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        Err(error) => open_stop(cx, error).exit(),
    }
}

/// Why a run could not be opened: refused while it is open elsewhere or its id is taken, a usage
/// error otherwise.
fn open_stop(cx: &Context, error: OpenError) -> Stop {
    let text = sanitize_line(&error.message().text(cx.lang)).into_owned();
    match error {
        OpenError::Locked { .. } | OpenError::Taken { .. } => Stop::Refused(text),
        _ => Stop::Usage(text),
    }
}
