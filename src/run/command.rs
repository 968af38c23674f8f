//! The things an officer does to a run, as pure functions of (procedure, run, command, now).
//!
//! A command either changes the run and journals the change, or is refused with the reason in
//! the procedure's words; it never half-applies.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::i18n::Msg;
use std::collections::BTreeMap;

use crate::procedure::{Column, Field, FieldType, Pattern, Procedure};
use crate::validate;

use super::eval::step_applies;
use super::journal::What;
use super::state::{Entry, Recorded, Run, StepState, Value};
use super::view::{blocked, blockers};

/// What an officer can do to a run.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    StartStep(String),
    CompleteStep(String),
    /// Mark an optional step as not needed: it counts as done, with `passed_over`.
    PassOver(String),
    ReopenStep(String),
    /// Mark a step as waiting on an outside party, perhaps until a day.
    WaitStep {
        step: String,
        due: Option<Date>,
    },
    SetField {
        field: String,
        value: Value,
    },
    ClearField(String),
    Choose {
        choice: String,
        option: String,
    },
    AddNote {
        step: String,
        text: String,
    },
    /// Give the run a new label.
    Rename(String),
    /// Put the run in the archive (`true`: off the home screen, still readable) or take it out.
    Archive(bool),
    /// Give the file for the `number`-th (from 1) attachment the officer adds to the step's
    /// letters (`attach_files`), or take it away (`None`). The file is already in the store.
    Attach {
        step: String,
        number: usize,
        file: Option<super::state::Attached>,
    },
    /// Take back the last change that has not been taken back yet.
    Undo,
}

/// Why a command was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    UnknownStep(String),
    UnknownField(String),
    UnknownOption {
        choice: String,
        option: String,
    },
    /// The step waits for these steps; the procedure's reason if it gives one.
    Blocked {
        by: Vec<String>,
        reason: Option<String>,
    },
    /// Fields to fix before the step can be completed: (field id, what is wrong).
    Incomplete(Vec<(String, Msg)>),
    AlreadyDone(String),
    NotDone(String),
    /// The step does not apply under the choices made.
    NotApplicable(String),
    /// Whether the step applies depends on a choice or value not given yet.
    Undecided(String),
    /// Only an optional step can be passed over.
    NotOptional(String),
    NothingToUndo,
    /// The step's letters have no added attachment with this number (from 1).
    UnknownAttachment {
        step: String,
        number: usize,
    },
    /// The day given for a step is after today.
    FutureDate {
        on: Date,
        today: Date,
    },
    /// The day given for finishing a step is before the day it was begun.
    BeforeStart {
        on: Date,
        started: Date,
    },
    /// A control event is reached by itself when the steps before it are done; it is not
    /// marked by hand.
    Milestone(String),
}

impl Refusal {
    /// The refusal in the officer's words, as the wizard and the command line say it: the
    /// message, and the lines under it (the steps in the way, each field and its problem).
    pub fn words(&self, procedure: &Procedure, lang: crate::i18n::Lang) -> (Msg, Vec<String>) {
        let title = |id: &str| {
            procedure
                .step(id)
                .map_or(id.to_owned(), |s| s.title.clone())
        };
        match self {
            Refusal::Blocked { by, reason } => {
                let mut details: Vec<String> = by.iter().map(|id| title(id)).collect();
                if let Some(reason) = reason {
                    details.insert(0, reason.clone());
                }
                (
                    Msg::new("tui-refused-blocked").arg("count", by.len()),
                    details,
                )
            }
            Refusal::Incomplete(problems) => {
                let details = problems
                    .iter()
                    .map(|(field, msg)| {
                        let label = procedure
                            .field(field)
                            .and_then(|f| f.label.clone())
                            .unwrap_or_else(|| field.clone());
                        format!("{label}: {}", msg.text(lang))
                    })
                    .collect();
                (
                    Msg::new("tui-refused-incomplete").arg("count", problems.len()),
                    details,
                )
            }
            Refusal::AlreadyDone(_) => (Msg::new("tui-refused-done"), Vec::new()),
            Refusal::NotDone(_) => (Msg::new("tui-refused-not-done"), Vec::new()),
            Refusal::NotApplicable(_) => (Msg::new("tui-refused-skipped"), Vec::new()),
            Refusal::Undecided(_) => (Msg::new("tui-refused-undecided"), Vec::new()),
            Refusal::NotOptional(_) => (Msg::new("tui-refused-not-optional"), Vec::new()),
            Refusal::NothingToUndo => (Msg::new("tui-refused-nothing-to-undo"), Vec::new()),
            Refusal::FutureDate { .. } | Refusal::BeforeStart { .. } => (
                self.dated_msg().unwrap_or(Msg::new("tui-refused")),
                Vec::new(),
            ),
            Refusal::Milestone(_) => (Msg::new("refused-milestone"), Vec::new()),
            Refusal::UnknownStep(_)
            | Refusal::UnknownField(_)
            | Refusal::UnknownOption { .. }
            | Refusal::UnknownAttachment { .. } => (Msg::new("tui-refused"), Vec::new()),
        }
    }

    /// What is wrong with the day given for a step, in words; `None` for other refusals.
    pub fn dated_msg(&self) -> Option<Msg> {
        let date = |d: &Date| d.strftime("%d.%m.%Y").to_string();
        match self {
            Refusal::FutureDate { on, today } => Some(
                Msg::new("refused-future-date")
                    .arg("date", date(on))
                    .arg("today", date(today)),
            ),
            Refusal::BeforeStart { on, started } => Some(
                Msg::new("refused-before-start")
                    .arg("date", date(on))
                    .arg("started", date(started)),
            ),
            _ => None,
        }
    }
}

/// The day an officer gives for a step (started, waiting since, done, passed over): when it
/// happened, which may be before the day it is recorded, never after `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub on: Date,
    pub today: Date,
}

/// What a command that went through wants the officer to know.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Done steps that depend on a step just reopened.
    pub affected: Vec<String>,
}

/// Applies `command` to `run`, or refuses it and leaves `run` as it was. A step's change
/// happens today (the day of `now`).
pub fn apply(
    procedure: &Procedure,
    run: &mut Run,
    command: Command,
    now: Timestamp,
) -> Result<Outcome, Refusal> {
    apply_on(procedure, run, command, now, None)
}

/// [`apply`], with a step's change dated the day the officer gives (`day`), if any: work
/// recorded the day after it was done counts from the day it was done. A day after today is
/// refused, and so is finishing a step before the day it was begun.
pub fn apply_on(
    procedure: &Procedure,
    run: &mut Run,
    command: Command,
    now: Timestamp,
    day: Option<Day>,
) -> Result<Outcome, Refusal> {
    if let Some(Day { on, today }) = day
        && on > today
    {
        return Err(Refusal::FutureDate { on, today });
    }
    let on = day.map(|d| d.on);
    // A control event is reached by itself: no step command marks it.
    if let Command::StartStep(step)
    | Command::CompleteStep(step)
    | Command::PassOver(step)
    | Command::ReopenStep(step)
    | Command::WaitStep { step, .. } = &command
        && procedure
            .step(step)
            .is_some_and(|s| s.kind == crate::procedure::model::StepKind::Milestone)
    {
        // Not reached yet: what it waits for is said first, as for any step.
        if let Some(index) = procedure.step_index(step) {
            check_not_blocked(procedure, run, index)?;
        }
        return Err(Refusal::Milestone(step.clone()));
    }
    let outcome = apply_unchecked(procedure, run, command, now, on)?;
    reach_milestones(procedure, run);
    Ok(outcome)
}

/// Which control events are reached follows from the steps before them: each one whose steps
/// before it are all done (and that applies) is recorded as done, dated by the last of those
/// steps; one reached so whose steps are no longer all done is taken back. A control event the
/// journal says the officer marked by hand (before poryadok reached them by itself) is left as
/// it is. Nothing here is journaled: it is what the journaled changes imply.
pub fn reach_milestones(procedure: &Procedure, run: &mut Run) {
    use crate::procedure::model::StepKind;
    let steps = procedure.steps();
    let milestones: Vec<usize> = (0..steps.len())
        .filter(|&i| steps[i].kind == StepKind::Milestone)
        .collect();
    if milestones.is_empty() {
        return;
    }
    let by_hand: std::collections::HashSet<String> = (run.journal.iter())
        .filter_map(|e| match &e.what {
            What::Step(id) => Some(id.clone()),
            _ => None,
        })
        .collect();
    let day = |at: Timestamp, on: Option<Date>| {
        on.unwrap_or_else(|| at.to_zoned(jiff::tz::TimeZone::UTC).date())
    };
    let done_at = |run: &Run, id: &str| match run.steps.get(id) {
        Some(StepState::Done { at, on, .. }) => Some((*at, *on)),
        _ => None,
    };
    // One pass over the whole run per round, as the views do (a procedure of thousands of steps
    // with hundreds of control events costs a few lookups per step); a control event reached in
    // one round may let a later one be reached in the next.
    loop {
        let facts = super::view::StepFacts::of(procedure, run);
        let blocked = facts.blocked(procedure);
        // The last done step among the first i steps, for the control events that wait for every
        // step before them.
        let mut last_before = Vec::with_capacity(steps.len());
        let mut last: Option<(Timestamp, Option<Date>)> = None;
        for step in steps {
            last_before.push(last);
            if let Some(this) = done_at(run, &step.id)
                && last.is_none_or(|(at, on)| (day(this.0, this.1), this.0) >= (day(at, on), at))
            {
                last = Some(this);
            }
        }
        let mut changed = false;
        for &index in &milestones {
            let step = &steps[index];
            if by_hand.contains(&step.id) {
                continue;
            }
            if facts.applies[index] != Some(true) || blocked[index] {
                changed |= run.steps.remove(&step.id).is_some();
                continue;
            }
            // The last of the steps before it: those it requires, or else every step before it.
            let last = if step.requires.is_empty() {
                last_before[index]
            } else {
                (step.requires.iter())
                    .filter_map(|id| done_at(run, id))
                    .max_by_key(|(at, on)| (day(*at, *on), *at))
            };
            let (at, on) = last.unwrap_or((run.created, None));
            let reached = StepState::Done {
                at,
                passed_over: false,
                on,
                due: None,
            };
            if run.steps.get(&step.id) != Some(&reached) {
                run.steps.insert(step.id.clone(), reached);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Journals that a run took an edition of the procedure (`procedure`), when
/// [`super::reconcile::reconcile`] changed its edition or moved anything: the versions, the
/// editions and what moved. Nothing is journaled when nothing changed.
pub fn journal_edition(
    procedure: &Procedure,
    run: &mut Run,
    moved: &super::reconcile::Reconciled,
    now: Timestamp,
) {
    if !moved.changed() {
        return;
    }
    let to = procedure.edition();
    let version = procedure.version();
    let old = match &moved.version_changed {
        Some((old, _)) => old.clone(),
        None => version.to_owned(),
    };
    // Two editions of the same version are told apart by the start of their editions.
    let (old, new) = match &moved.edition_from {
        Some(from) if old == version && *from != to => (
            format!("{old} ({})", short(from)),
            format!("{version} ({})", short(&to)),
        ),
        _ => (old, version.to_owned()),
    };
    let what = |items: &[String]| items.iter().map(|i| What::parse(i)).collect::<Vec<_>>();
    let taken = super::state::EditionTaken {
        from: moved.edition_from.clone(),
        to,
        renamed: (moved.renamed.iter())
            .map(|(a, b)| (What::parse(a), What::parse(b)))
            .collect(),
        set_aside: what(&moved.set_aside),
        restored: what(&moved.restored),
    };
    run.journal.push(Entry {
        at: now,
        what: What::Edition,
        old: Some(Recorded::Value(Value::Text(old))),
        new: Some(Recorded::Value(Value::Text(new))),
        undoes: None,
        edition: Some(Box::new(taken)),
    });
}

/// The first digits of an edition, enough to tell two apart in words.
fn short(edition: &str) -> &str {
    edition.get(..8).unwrap_or(edition)
}

/// [`apply_on`] once the command is known not to mark a control event.
fn apply_unchecked(
    procedure: &Procedure,
    run: &mut Run,
    command: Command,
    now: Timestamp,
    on: Option<Date>,
) -> Result<Outcome, Refusal> {
    match command {
        Command::StartStep(step) => {
            let index = step_index(procedure, &step)?;
            check_applies(procedure, run, index)?;
            check_not_blocked(procedure, run, index)?;
            set_step(
                run,
                &step,
                Some(StepState::InProgress { since: now, on }),
                now,
            );
            Ok(Outcome::default())
        }
        Command::WaitStep { step, due } => {
            let index = step_index(procedure, &step)?;
            check_applies(procedure, run, index)?;
            check_not_blocked(procedure, run, index)?;
            set_step(
                run,
                &step,
                Some(StepState::Waiting {
                    since: now,
                    due,
                    on,
                }),
                now,
            );
            Ok(Outcome::default())
        }
        Command::CompleteStep(step) => {
            let index = step_index(procedure, &step)?;
            if run.is_done(&step) {
                return Err(Refusal::AlreadyDone(step));
            }
            check_applies(procedure, run, index)?;
            check_not_blocked(procedure, run, index)?;
            check_not_before_start(run, &step, on)?;
            // A decision step is done by choosing: not before an option is chosen.
            if let Some(choice) = &procedure.steps()[index].decides
                && !run.choices.contains_key(choice)
            {
                return Err(Refusal::Undecided(step));
            }
            let problems = form_problems(procedure, run, index);
            if !problems.is_empty() {
                return Err(Refusal::Incomplete(problems));
            }
            let due = match run.steps.get(&step) {
                Some(StepState::Waiting { due, .. }) => *due,
                _ => None,
            };
            set_step(
                run,
                &step,
                Some(StepState::Done {
                    at: now,
                    passed_over: false,
                    on,
                    due,
                }),
                now,
            );
            Ok(Outcome::default())
        }
        Command::PassOver(step) => {
            let index = step_index(procedure, &step)?;
            if !procedure.steps()[index].optional {
                return Err(Refusal::NotOptional(step));
            }
            if run.is_done(&step) {
                return Err(Refusal::AlreadyDone(step));
            }
            check_applies(procedure, run, index)?;
            check_not_before_start(run, &step, on)?;
            set_step(
                run,
                &step,
                Some(StepState::Done {
                    at: now,
                    passed_over: true,
                    on,
                    due: None,
                }),
                now,
            );
            Ok(Outcome::default())
        }
        Command::ReopenStep(step) => {
            step_index(procedure, &step)?;
            if !run.is_done(&step) {
                return Err(Refusal::NotDone(step));
            }
            set_step(
                run,
                &step,
                Some(StepState::InProgress { since: now, on }),
                now,
            );
            let affected = procedure
                .steps()
                .iter()
                .enumerate()
                .filter(|(i, s)| run.is_done(&s.id) && blockers(procedure, run, *i).contains(&step))
                .map(|(_, s)| s.id.clone())
                .collect();
            Ok(Outcome { affected })
        }
        Command::SetField { field, value } => {
            let def =
                (procedure.field(&field)).ok_or_else(|| Refusal::UnknownField(field.clone()))?;
            let value = normalised(def, value);
            let secret = keep_secret(procedure, run, &field);
            let old = run.values.insert(field.clone(), value.clone());
            journal(
                run,
                now,
                What::Field(field.clone()),
                old.map(|v| recorded(v, secret)),
                Some(recorded(value, secret)),
            );
            Ok(Outcome::default())
        }
        Command::ClearField(field) => {
            (procedure.field(&field)).ok_or_else(|| Refusal::UnknownField(field.clone()))?;
            let secret = keep_secret(procedure, run, &field);
            if let Some(old) = run.values.remove(&field) {
                journal(
                    run,
                    now,
                    What::Field(field.clone()),
                    Some(recorded(old, secret)),
                    None,
                );
            }
            Ok(Outcome::default())
        }
        Command::Choose { choice, option } => {
            let known = procedure
                .file()
                .choices
                .iter()
                .find(|c| c.id == choice)
                .is_some_and(|c| c.options.iter().any(|o| o.id == option));
            if !known {
                return Err(Refusal::UnknownOption { choice, option });
            }
            let old = run.choices.insert(choice.clone(), option.clone());
            journal(
                run,
                now,
                What::Choice(choice.clone()),
                old.map(|o| Recorded::Value(Value::Text(o))),
                Some(Recorded::Value(Value::Text(option))),
            );
            Ok(Outcome::default())
        }
        Command::AddNote { step, text } => {
            step_index(procedure, &step)?;
            run.notes
                .entry(step.clone())
                .or_default()
                .push(super::state::Note {
                    at: now,
                    text: text.clone(),
                });
            journal(
                run,
                now,
                What::Note(step.clone()),
                None,
                Some(Recorded::Value(Value::Text(text))),
            );
            Ok(Outcome::default())
        }
        Command::Rename(label) => {
            let old = std::mem::replace(&mut run.label, label.clone());
            journal(
                run,
                now,
                What::Label,
                Some(Recorded::Value(Value::Text(old))),
                Some(Recorded::Value(Value::Text(label))),
            );
            Ok(Outcome::default())
        }
        Command::Archive(archive) => {
            let was = run.archived.is_some();
            run.archived = archive.then_some(run.archived.unwrap_or(now));
            if was != archive {
                journal(
                    run,
                    now,
                    What::Archived,
                    Some(Recorded::Value(Value::Bool(was))),
                    Some(Recorded::Value(Value::Bool(archive))),
                );
            }
            Ok(Outcome::default())
        }
        Command::Attach { step, number, file } => {
            step_index(procedure, &step)?;
            let count = super::journal::added_files(procedure, &step).count();
            if number == 0 || number > count {
                return Err(Refusal::UnknownAttachment { step, number });
            }
            let key = super::state::attachment_key(&step, number);
            let old = match &file {
                Some(file) => run.attachments.insert(key.clone(), file.clone()),
                None => run.attachments.remove(&key),
            };
            if old != file {
                journal(
                    run,
                    now,
                    What::Attachment(key),
                    old.map(|f| Recorded::Value(f.to_value())),
                    file.map(|f| Recorded::Value(f.to_value())),
                );
            }
            Ok(Outcome::default())
        }
        Command::Undo => undo(procedure, run, now),
    }
}

fn step_index(procedure: &Procedure, step: &str) -> Result<usize, Refusal> {
    procedure
        .step_index(step)
        .ok_or_else(|| Refusal::UnknownStep(step.to_owned()))
}

fn check_applies(procedure: &Procedure, run: &Run, index: usize) -> Result<(), Refusal> {
    let step = &procedure.steps()[index];
    match step_applies(procedure, run, step) {
        Some(true) => Ok(()),
        Some(false) => Err(Refusal::NotApplicable(step.id.clone())),
        None => Err(Refusal::Undecided(step.id.clone())),
    }
}

fn check_not_blocked(procedure: &Procedure, run: &Run, index: usize) -> Result<(), Refusal> {
    match blocked(procedure, run, index) {
        Some((by, reason)) => Err(Refusal::Blocked { by, reason }),
        None => Ok(()),
    }
}

/// A step is not finished on a day before the day it was begun (when that day was given).
fn check_not_before_start(run: &Run, step: &str, on: Option<Date>) -> Result<(), Refusal> {
    let started = match run.steps.get(step) {
        Some(StepState::InProgress { on: Some(day), .. })
        | Some(StepState::Waiting { on: Some(day), .. }) => *day,
        _ => return Ok(()),
    };
    match on {
        Some(on) if on < started => Err(Refusal::BeforeStart { on, started }),
        _ => Ok(()),
    }
}

fn set_step(run: &mut Run, step: &str, state: Option<StepState>, now: Timestamp) {
    let old = match &state {
        Some(state) => run.steps.insert(step.to_owned(), state.clone()),
        None => run.steps.remove(step),
    };
    journal(
        run,
        now,
        What::Step(step.to_owned()),
        old.map(Recorded::Step),
        state.map(Recorded::Step),
    );
}

fn recorded(value: Value, secret: bool) -> Recorded {
    if secret {
        Recorded::secret(value)
    } else {
        Recorded::Value(value)
    }
}

/// Whether a field's value is secret in this run: the procedure marks it `secret`, or it was
/// secret when a value was given or sealed before (a later edition of the procedure cannot
/// make a stored password public).
pub fn is_secret(procedure: &Procedure, run: &Run, field: &str) -> bool {
    run.secret.contains(field) || procedure.field(field).is_some_and(|f| f.secret)
}

/// [`is_secret`], and if so recorded in the run as secret from now on.
fn keep_secret(procedure: &Procedure, run: &mut Run, field: &str) -> bool {
    let secret = is_secret(procedure, run, field);
    if secret {
        run.secret.insert(field.to_owned());
    }
    secret
}

fn journal(run: &mut Run, at: Timestamp, what: What, old: Option<Recorded>, new: Option<Recorded>) {
    run.journal.push(Entry {
        at,
        what,
        old,
        new,
        undoes: None,
        edition: None,
    });
}

/// The fields of the step that are required and missing, or filled and invalid, in the order
/// the officer sees them.
pub fn form_problems(procedure: &Procedure, run: &Run, index: usize) -> Vec<(String, Msg)> {
    let mut problems = Vec::new();
    for field in procedure.step_fields(run, index) {
        // A reused field is checked in the form that defines it.
        let Some(id) = field.id.as_deref() else {
            continue;
        };
        match run.values.get(id).filter(|v| v.is_filled()) {
            None if procedure.field_required(run, field) => {
                problems.push((id.to_owned(), Msg::new("field-required")));
            }
            None => {}
            Some(value) => {
                if let Err(msg) = validate_value(field, value) {
                    problems.push((id.to_owned(), msg));
                }
            }
        }
    }
    problems
}

/// The value as the run keeps it: a phone number in the form counterparts expect (+7…), in a
/// field or in a table's phone column; anything else as given.
fn normalised(field: &Field, value: Value) -> Value {
    let phone = |text: String| validate::phone(&text).unwrap_or(text);
    match (field.kind, value) {
        (Some(FieldType::Phone | FieldType::Mobile), Value::Text(text)) => Value::Text(phone(text)),
        (Some(FieldType::Table), Value::Table(mut rows)) => {
            let phones = (field.columns.iter())
                .filter(|c| matches!(c.kind, FieldType::Phone | FieldType::Mobile));
            for column in phones {
                for row in &mut rows {
                    if let Some(Value::Text(text)) = row.get_mut(&column.id) {
                        *text = phone(std::mem::take(text));
                    }
                }
            }
            Value::Table(rows)
        }
        (_, value) => value,
    }
}

/// The rules a value must keep: a field's or a table column's.
struct Rules<'a> {
    kind: FieldType,
    pattern: Option<&'a Pattern>,
    pattern_message: Option<&'a str>,
    options: &'a [String],
    min: Option<f64>,
    max: Option<f64>,
}

impl<'a> Rules<'a> {
    fn of_column(column: &'a Column) -> Rules<'a> {
        Rules {
            kind: column.kind,
            pattern: column.pattern.as_ref(),
            pattern_message: column.pattern_message.as_deref(),
            options: &column.options,
            min: column.min,
            max: column.max,
        }
    }
}

/// Whether a value fits its field: its type, pattern and options, and for a table every row's
/// cells (a required column filled, every filled cell valid). A table's problem is
/// `field-cell`, naming the row (from 1) and the column in its `row` and `column` arguments
/// around the cell's own `problem`.
pub fn validate_value(field: &Field, value: &Value) -> Result<(), Msg> {
    let Some(kind) = field.kind else {
        return Ok(());
    };
    if let (FieldType::Table, Value::Table(rows)) = (kind, value) {
        return validate_rows(&field.columns, rows);
    }
    check(
        &Rules {
            kind,
            pattern: field.pattern.as_ref(),
            pattern_message: field.pattern_message.as_deref(),
            options: &field.options,
            min: field.min,
            max: field.max,
        },
        value,
    )
}

/// Whether a table cell fits its column: filled if the column is required, and valid if filled.
pub fn validate_cell(column: &Column, cell: Option<&Value>) -> Result<(), Msg> {
    match cell.filter(|v| v.is_filled()) {
        None if column.required => Err(Msg::new("field-required")),
        None => Ok(()),
        Some(cell) => check(&Rules::of_column(column), cell),
    }
}

fn validate_rows(columns: &[Column], rows: &[BTreeMap<String, Value>]) -> Result<(), Msg> {
    for (index, row) in rows.iter().enumerate() {
        for column in columns {
            validate_cell(column, row.get(&column.id)).map_err(|problem| {
                Msg::new("field-cell")
                    .arg("row", index + 1)
                    .arg("column", column.label.as_str())
                    .arg("problem", problem)
            })?;
        }
    }
    Ok(())
}

fn check(rules: &Rules, value: &Value) -> Result<(), Msg> {
    let text = match (rules.kind, value) {
        (FieldType::Select, Value::Text(text)) => {
            return known_option(rules.options, text);
        }
        (FieldType::Multiselect, Value::List(items)) => {
            return items
                .iter()
                .try_for_each(|item| known_option(rules.options, item));
        }
        (FieldType::Yesno, Value::Bool(_)) => return Ok(()),
        (FieldType::Yesno | FieldType::Multiselect | FieldType::Table, _) => {
            return Err(Msg::new("field-wrong-shape"));
        }
        (_, Value::Text(text)) => text.as_str(),
        (_, _) => return Err(Msg::new("field-wrong-shape")),
    };
    match rules.kind {
        FieldType::Inn => validate::inn(text),
        FieldType::InnOrg => validate::inn_org(text),
        FieldType::InnPerson => validate::inn_person(text),
        FieldType::Snils => validate::snils(text),
        FieldType::Ogrn => validate::ogrn(text),
        FieldType::Ogrnip => validate::ogrnip(text),
        FieldType::Kpp => validate::kpp(text),
        FieldType::Email => validate::email(text),
        FieldType::Phone => validate::phone(text),
        FieldType::Mobile => validate::mobile(text),
        FieldType::IpList => validate::ip_list(text),
        FieldType::Date => validate::date(text),
        FieldType::Url => validate::url(text),
        FieldType::Number => validate::number(text, rules.min, rules.max),
        _ => Ok(text.to_owned()),
    }?;
    if let Some(pattern) = rules.pattern
        && !pattern.matches(text)
    {
        return Err(match rules.pattern_message {
            Some(message) => Msg::new("field-pattern-custom").arg("message", message),
            None => Msg::new("field-pattern"),
        });
    }
    Ok(())
}

fn known_option(options: &[String], value: &str) -> Result<(), Msg> {
    if options.iter().any(|o| o == value) {
        Ok(())
    } else {
        Err(Msg::new("field-unknown-option").arg("option", value))
    }
}

fn undo(procedure: &Procedure, run: &mut Run, now: Timestamp) -> Result<Outcome, Refusal> {
    let undone: std::collections::HashSet<usize> =
        run.journal.iter().filter_map(|e| e.undoes).collect();
    let Some(index) = (0..run.journal.len()).rev().find(|i| {
        let entry = &run.journal[*i];
        // Taking a new edition is not a change the officer takes back.
        entry.undoes.is_none() && !undone.contains(i) && entry.what != What::Edition
    }) else {
        return Err(Refusal::NothingToUndo);
    };
    let entry = run.journal[index].clone();
    let current = match &entry.what {
        What::Step(step) => match &entry.old {
            Some(Recorded::Step(state)) => run.steps.insert(step.to_owned(), state.clone()),
            _ => run.steps.remove(step),
        }
        .map(Recorded::Step),
        What::Field(field) => {
            let secret = keep_secret(procedure, run, field);
            match &entry.old {
                Some(Recorded::Value(value)) => run.values.insert(field.to_owned(), value.clone()),
                Some(Recorded::Secret {
                    value: Some(value), ..
                }) => run.values.insert(field.to_owned(), (*value.0).clone()),
                // A secret whose earlier value is not known (journaled by a poryadok before the
                // journal kept it sealed, or sealed under a key since lost): the field is cleared;
                // its current value stays sealed in this undo's own journal entry.
                _ => run.values.remove(field),
            }
            .map(|value| recorded(value, secret))
        }
        What::Choice(choice) => match &entry.old {
            Some(Recorded::Value(Value::Text(option))) => {
                run.choices.insert(choice.to_owned(), option.clone())
            }
            _ => run.choices.remove(choice),
        }
        .map(|o| Recorded::Value(Value::Text(o))),
        What::Note(step) => run
            .notes
            .get_mut(step)
            .and_then(Vec::pop)
            .map(|n| Recorded::Value(Value::Text(n.text))),
        What::Label => match &entry.old {
            Some(Recorded::Value(Value::Text(label))) => Some(Recorded::Value(Value::Text(
                std::mem::replace(&mut run.label, label.clone()),
            ))),
            _ => None,
        },
        What::Archived => {
            let was = run.archived.is_some();
            run.archived = match &entry.old {
                Some(Recorded::Value(Value::Bool(true))) => Some(run.archived.unwrap_or(now)),
                _ => None,
            };
            Some(Recorded::Value(Value::Bool(was)))
        }
        What::Attachment(key) => {
            let earlier = match &entry.old {
                Some(Recorded::Value(value)) => super::state::Attached::from_value(value),
                _ => None,
            };
            match earlier {
                Some(file) => run.attachments.insert(key.to_owned(), file),
                None => run.attachments.remove(key),
            }
            .map(|f| Recorded::Value(f.to_value()))
        }
        What::Edition | What::Other(_) => None,
    };
    run.journal.push(Entry {
        at: now,
        what: entry.what,
        old: current,
        new: entry.old,
        undoes: Some(index),
        edition: None,
    });
    Ok(Outcome::default())
}
