//! The driver: one officer's run of one procedure, command by command, with the checks
//! every walk makes before and after each step.

pub use std::collections::BTreeMap;

pub use poryadok::procedure::Procedure;
pub use poryadok::procedure::model::StepKind;
pub use poryadok::run::command::{Command, Outcome, Refusal, apply};
pub use poryadok::run::eval::choice_applies;
pub use poryadok::run::view::{Status, blockers, progress, status};
pub use poryadok::run::{Run, StepState, Value};

pub use crate::common::{at, bundled};

/// `value` of `field` as the engine keeps it: a phone number, in a field or a table column of
/// that type, in its normal form (+7…).
pub fn as_kept(p: &Procedure, field: &str, value: Value) -> Value {
    use poryadok::procedure::FieldType::{Mobile, Phone, Table};
    let phone = |text: String| poryadok::validate::phone(&text).unwrap_or(text);
    let field = p.field(field).expect("a field of the procedure");
    match (field.kind, value) {
        (Some(Phone | Mobile), Value::Text(text)) => Value::Text(phone(text)),
        (Some(Table), Value::Table(mut rows)) => {
            for column in field
                .columns
                .iter()
                .filter(|c| matches!(c.kind, Phone | Mobile))
            {
                for row in &mut rows {
                    if let Some(Value::Text(text)) = row.remove(&column.id) {
                        row.insert(column.id.clone(), Value::Text(phone(text)));
                    }
                }
            }
            Value::Table(rows)
        }
        (_, value) => value,
    }
}

pub fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

pub fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|item| (*item).to_owned()).collect())
}

pub fn row(cells: &[(&str, Value)]) -> BTreeMap<String, Value> {
    cells
        .iter()
        .map(|(column, value)| ((*column).to_owned(), value.clone()))
        .collect()
}

/// The values an officer would type, by field id (form fields and step results).
pub type Values = [(&'static str, Value)];

pub fn lookup<'v>(values: &'v Values, id: &str) -> Option<&'v Value> {
    values
        .iter()
        .find(|(field, _)| *field == id)
        .map(|(_, v)| v)
}

/// One officer's run of one procedure, with a clock that moves a minute per command.
pub struct Walk {
    pub p: Procedure,
    pub run: Run,
    pub clock: i64,
}

impl Walk {
    pub fn new(procedure: &str, label: &str) -> Walk {
        let p = bundled(procedure);
        let run = Run::new(&p, label, at(0));
        Walk { p, run, clock: 0 }
    }

    pub fn apply(&mut self, command: Command) -> Result<Outcome, Refusal> {
        self.clock += 60;
        apply(&self.p, &mut self.run, command, at(self.clock))
    }

    #[track_caller]
    pub fn index(&self, step: &str) -> usize {
        self.p
            .step_index(step)
            .unwrap_or_else(|| panic!("the procedure has a step {step}"))
    }

    #[track_caller]
    pub fn status(&self, step: &str) -> Status {
        status(&self.p, &self.run, self.index(step))
    }

    pub fn progress(&self) -> (usize, usize) {
        progress(&self.p, &self.run)
    }

    /// Whether the choice is asked at all under the choices made so far.
    pub fn asked(&self, choice: &str) -> Option<bool> {
        choice_applies(&self.p, &self.run, choice)
    }

    #[track_caller]
    pub fn choose(&mut self, choice: &str, option: &str) {
        let command = Command::Choose {
            choice: choice.into(),
            option: option.into(),
        };
        self.apply(command)
            .unwrap_or_else(|r| panic!("choosing {choice} = {option}: {r:?}"));
        assert_eq!(self.run.choices[choice], option);
    }

    #[track_caller]
    pub fn set(&mut self, field: &str, value: Value) {
        let command = Command::SetField {
            field: field.into(),
            value: value.clone(),
        };
        self.apply(command)
            .unwrap_or_else(|r| panic!("setting {field}: {r:?}"));
        assert_eq!(
            self.run.values.get(field),
            Some(&as_kept(&self.p, field, value))
        );
    }

    /// A command that must be refused; a refused command leaves the run exactly as it was.
    #[track_caller]
    pub fn refuse(&mut self, command: Command) -> Refusal {
        let before = self.run.clone();
        let refusal = match self.apply(command.clone()) {
            Err(refusal) => refusal,
            Ok(outcome) => panic!("{command:?} went through ({outcome:?}), it must be refused"),
        };
        assert_eq!(self.run, before, "a refused {command:?} changed the run");
        refusal
    }

    /// The step waits for exactly `by` (with the procedure's `reason`): the view says so, and
    /// completing, starting or waiting on it are all refused with the same answer.
    #[track_caller]
    pub fn assert_blocked(&mut self, step: &str, by: &[&str], reason: Option<&str>) {
        assert_eq!(
            blockers(&self.p, &self.run, self.index(step)),
            by,
            "what holds up {step}"
        );
        match self.status(step) {
            Status::Blocked {
                by: shown,
                reason: why,
            } => {
                assert_eq!(shown, by, "status of {step}");
                assert_eq!(why.as_deref(), reason, "reason shown for {step}");
            }
            other => panic!("{step} should be blocked by {by:?}, is {other:?}"),
        }
        let expected = Refusal::Blocked {
            by: by.iter().map(|id| (*id).to_owned()).collect(),
            reason: reason.map(str::to_owned),
        };
        for command in [
            Command::CompleteStep(step.into()),
            Command::StartStep(step.into()),
            Command::WaitStep {
                step: step.into(),
                due: None,
            },
        ] {
            assert_eq!(self.refuse(command.clone()), expected, "{command:?}");
        }
    }

    /// Completing the step is refused for these fields, with the message ids given.
    #[track_caller]
    pub fn incomplete(&mut self, step: &str) -> Vec<(String, &'static str)> {
        match self.refuse(Command::CompleteStep(step.into())) {
            Refusal::Incomplete(problems) => problems
                .into_iter()
                .map(|(field, msg)| (field, msg.id))
                .collect(),
            other => panic!("completing {step} should be refused as incomplete, got {other:?}"),
        }
    }

    /// Does one step as an officer would: checks that nothing holds it up, starts it (or marks
    /// it waiting on the outside party), records its results, fills its form — first checking
    /// that completing with the required fields still empty is refused naming exactly them —
    /// and completes it. Every required field and result must have a value in `values`.
    #[track_caller]
    pub fn step(&mut self, id: &str, values: &Values) {
        let index = self.index(id);
        let step = self.p.steps()[index].clone();
        assert!(
            blockers(&self.p, &self.run, index).is_empty(),
            "{id} is held up by {:?}",
            blockers(&self.p, &self.run, index)
        );
        // A control event is reached by itself once the steps before it are done.
        if step.kind == StepKind::Milestone {
            assert_eq!(
                self.status(id),
                Status::Done,
                "{id} once its steps are done"
            );
            assert_eq!(
                self.refuse(Command::CompleteStep(id.into())),
                Refusal::Milestone(id.into())
            );
            return;
        }
        assert_eq!(self.status(id), Status::Ready, "{id} before it is started");
        match step.kind {
            StepKind::Wait => {
                let command = Command::WaitStep {
                    step: id.into(),
                    due: None,
                };
                self.apply(command)
                    .unwrap_or_else(|r| panic!("waiting on {id}: {r:?}"));
                assert_eq!(self.status(id), Status::Waiting { due: None });
            }
            StepKind::Action => {
                self.apply(Command::StartStep(id.into()))
                    .unwrap_or_else(|r| panic!("starting {id}: {r:?}"));
                assert_eq!(self.status(id), Status::InProgress);
            }
            StepKind::Milestone | StepKind::Info => {}
        }
        for result in &step.results {
            let field = result.id.as_deref().expect("a result defines its id");
            match lookup(values, field) {
                Some(value) => self.set(field, value.clone()),
                None => assert!(!result.required, "no value for required result {field}"),
            }
        }
        if let Some(form) = step.form.as_deref().and_then(|f| self.p.form(f)).cloned() {
            let defined = || form.fields.iter().filter_map(|f| Some((f.id.clone()?, f)));
            let missing: Vec<(String, &'static str)> = defined()
                .filter(|(field, f)| {
                    f.required && !self.run.values.get(field).is_some_and(Value::is_filled)
                })
                .map(|(field, _)| (field, "field-required"))
                .collect();
            if !missing.is_empty() {
                assert_eq!(self.incomplete(id), missing, "{id} with its form unfilled");
            }
            for (field, f) in defined() {
                match lookup(values, &field) {
                    Some(value) => self.set(&field, value.clone()),
                    None => assert!(!f.required, "no value for required field {field}"),
                }
            }
        }
        self.apply(Command::CompleteStep(id.into()))
            .unwrap_or_else(|r| panic!("completing {id}: {r:?}"));
        assert_eq!(self.status(id), Status::Done, "{id} after completing it");
        assert_eq!(
            self.refuse(Command::CompleteStep(id.into())),
            Refusal::AlreadyDone(id.into())
        );
    }

    #[track_caller]
    pub fn steps(&mut self, ids: &[&str], values: &Values) {
        for id in ids {
            self.step(id, values);
        }
    }

    /// Does every step still to do, in the order of the file, and says which ones it did. A
    /// step still undecided at its turn is a failure: the walk cannot know whether it applies.
    #[track_caller]
    pub fn walk_rest(&mut self, values: &Values) -> Vec<String> {
        let mut walked = Vec::new();
        for index in 0..self.p.steps().len() {
            let id = self.p.steps()[index].id.clone();
            match self.status(&id) {
                Status::Skipped | Status::Done => continue,
                Status::Undecided => panic!("{id} is still undecided at its turn"),
                _ => {}
            }
            self.step(&id, values);
            walked.push(id);
        }
        walked
    }

    /// The steps that do not apply under the choices and values given, in file order.
    pub fn skipped(&self) -> Vec<String> {
        (0..self.p.steps().len())
            .filter(|i| status(&self.p, &self.run, *i) == Status::Skipped)
            .map(|i| self.p.steps()[i].id.clone())
            .collect()
    }

    /// The run is finished: every step is done or skipped, the skipped ones are exactly
    /// `skipped`, and progress is full at `done` steps.
    #[track_caller]
    pub fn assert_finished(&self, done: usize, skipped: &[&str]) {
        assert_eq!(self.skipped(), skipped, "skipped steps");
        assert_eq!(self.progress(), (done, done), "progress at the end");
        assert_eq!(
            done + skipped.len(),
            self.p.steps().len(),
            "every step is done or skipped"
        );
        for (i, step) in self.p.steps().iter().enumerate() {
            let shown = status(&self.p, &self.run, i);
            assert!(
                matches!(shown, Status::Done | Status::Skipped),
                "{} is {shown:?} at the end",
                step.id
            );
        }
    }
}

pub fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}
