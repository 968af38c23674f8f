//! Walks through each bundled procedure from its first step to its last, through the pure
//! engine only (`run::command::apply` and `run::view`), as an officer would: choose the
//! variant, fill the forms with realistic values, record the results, complete each step when
//! it is ready, and be refused when trying to go out of order.
//!
//! The expected step orders, skipped steps and counts below are read from the procedure files
//! (`procedures/*.toml`), not from the engine, so that a wrong engine makes these tests fail.

use std::collections::BTreeMap;

use jiff::Timestamp;

use poryadok::catalog::bundled_files;
use poryadok::procedure::model::StepKind;
use poryadok::procedure::{Procedure, load};
use poryadok::run::command::{Command, Outcome, Refusal, apply};
use poryadok::run::eval::choice_applies;
use poryadok::run::view::{Status, blockers, progress, status};
use poryadok::run::{Run, StepState, Value};

// ---------------------------------------------------------------------------------------------
// The driver

fn bundled(id: &str) -> Procedure {
    bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .find(|p| p.id() == id)
        .unwrap_or_else(|| panic!("{id} is bundled"))
}

/// A fixed moment, `seconds` after 2025-11-24 16:00 UTC.
fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_764_000_000 + seconds).expect("a valid time")
}

fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|item| (*item).to_owned()).collect())
}

fn row(cells: &[(&str, Value)]) -> BTreeMap<String, Value> {
    cells
        .iter()
        .map(|(column, value)| ((*column).to_owned(), value.clone()))
        .collect()
}

/// The values an officer would type, by field id (form fields and step results).
type Values = [(&'static str, Value)];

fn lookup<'v>(values: &'v Values, id: &str) -> Option<&'v Value> {
    values
        .iter()
        .find(|(field, _)| *field == id)
        .map(|(_, v)| v)
}

/// One officer's run of one procedure, with a clock that moves a minute per command.
struct Walk {
    p: Procedure,
    run: Run,
    clock: i64,
}

impl Walk {
    fn new(procedure: &str, label: &str) -> Walk {
        let p = bundled(procedure);
        let run = Run::new(&p, label, at(0));
        Walk { p, run, clock: 0 }
    }

    fn apply(&mut self, command: Command) -> Result<Outcome, Refusal> {
        self.clock += 60;
        apply(&self.p, &mut self.run, command, at(self.clock))
    }

    #[track_caller]
    fn index(&self, step: &str) -> usize {
        self.p
            .step_index(step)
            .unwrap_or_else(|| panic!("the procedure has a step {step}"))
    }

    #[track_caller]
    fn status(&self, step: &str) -> Status {
        status(&self.p, &self.run, self.index(step))
    }

    fn progress(&self) -> (usize, usize) {
        progress(&self.p, &self.run)
    }

    /// Whether the choice is asked at all under the choices made so far.
    fn asked(&self, choice: &str) -> Option<bool> {
        choice_applies(&self.p, &self.run, choice)
    }

    #[track_caller]
    fn choose(&mut self, choice: &str, option: &str) {
        let command = Command::Choose {
            choice: choice.into(),
            option: option.into(),
        };
        self.apply(command)
            .unwrap_or_else(|r| panic!("choosing {choice} = {option}: {r:?}"));
        assert_eq!(self.run.choices[choice], option);
    }

    #[track_caller]
    fn set(&mut self, field: &str, value: Value) {
        let command = Command::SetField {
            field: field.into(),
            value: value.clone(),
        };
        self.apply(command)
            .unwrap_or_else(|r| panic!("setting {field}: {r:?}"));
        assert_eq!(self.run.values.get(field), Some(&value));
    }

    /// A command that must be refused; a refused command leaves the run exactly as it was.
    #[track_caller]
    fn refuse(&mut self, command: Command) -> Refusal {
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
    fn assert_blocked(&mut self, step: &str, by: &[&str], reason: Option<&str>) {
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
    fn incomplete(&mut self, step: &str) -> Vec<(String, &'static str)> {
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
    fn step(&mut self, id: &str, values: &Values) {
        let index = self.index(id);
        let step = self.p.steps()[index].clone();
        assert!(
            blockers(&self.p, &self.run, index).is_empty(),
            "{id} is held up by {:?}",
            blockers(&self.p, &self.run, index)
        );
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
    fn steps(&mut self, ids: &[&str], values: &Values) {
        for id in ids {
            self.step(id, values);
        }
    }

    /// Does every step still to do, in the order of the file, and says which ones it did. A
    /// step still undecided at its turn is a failure: the walk cannot know whether it applies.
    #[track_caller]
    fn walk_rest(&mut self, values: &Values) -> Vec<String> {
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
    fn skipped(&self) -> Vec<String> {
        (0..self.p.steps().len())
            .filter(|i| status(&self.p, &self.run, *i) == Status::Skipped)
            .map(|i| self.p.steps()[i].id.clone())
            .collect()
    }

    /// The run is finished: every step is done or skipped, the skipped ones are exactly
    /// `skipped`, and progress is full at `done` steps.
    #[track_caller]
    fn assert_finished(&self, done: usize, skipped: &[&str]) {
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

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

// ---------------------------------------------------------------------------------------------
// antivirus-licenses: 21 steps; four variants (sections variant-1 … variant-4, exactly one
// applies), the question «Заявитель» (ОИВ / ИС) asked only in variants 1–3, and the optional,
// parallel media-pack track (5 steps, one of them only when KL8069RMZZZ is ordered).

const AV_VARIANT_1: [&str; 3] = ["v1-oiv-request", "v1-is-request", "v1-results"];
const AV_VARIANT_2: [&str; 5] = [
    "v2-oiv-request",
    "v2-is-request",
    "v2-connect",
    "v2-license-request",
    "v2-results",
];
const AV_VARIANT_3: [&str; 3] = ["v3-request", "v3-is-request", "v3-results"];
const AV_VARIANT_4: [&str; 5] = [
    "v4-request",
    "v4-approval",
    "v4-meeting",
    "v4-working-order",
    "v4-results",
];
const AV_MEDIAPACK: [&str; 5] = [
    "mediapack-rules",
    "mediapack-kl8069rmzzz-form",
    "mediapack-edo-request",
    "mediapack-email-duplicate",
    "mediapack-results",
];

/// What the officer types and receives in antivirus-licenses, whatever the variant.
fn antivirus_values(kl8069rmzzz: bool, approved: bool) -> Vec<(&'static str, Value)> {
    vec![
        (
            "autonomous_licenses_justification",
            text(
                "12 АРМ ГБУ «Жилищник района Марьино» размещены в изолированном контуре \
                 (приказ от 03.11.2025 № 118-П) и не имеют сетевой связности с сервером KSC ДИТ.",
            ),
        ),
        (
            "subordinate_impossible_justification",
            text(
                "ИС «Электронный дневник» эксплуатируется в защищённом сегменте 10.0.0.0/24 с \
                 аттестатом соответствия № 77-АС-0412 от 14.02.2025; подключение сервера \
                 10.0.0.5 в качестве подчиненного нарушит требования аттестата.",
            ),
        ),
        (
            "v1_kes_links",
            text("https://ksc.it.mos.ru/dist/kes12-7707083893.exe"),
        ),
        ("v1_ksc_login", text("gbu-marino-admin")),
        ("v1_ksc_password", text("Ks#7-ntr!2025")),
        (
            "v1_instructions",
            text("Инструкция по установке KES 12, получена 01.12.2025"),
        ),
        (
            "v2_kes_links",
            text(
                "https://ksc.it.mos.ru/dist/kes12-7707083893.exe\n\
                 https://ksc.it.mos.ru/dist/kes12-7707083893-srv.exe",
            ),
        ),
        ("v2_ksc_login", text("is-edu-ksc")),
        ("v2_ksc_password", text("Pq9$-sub-2025")),
        (
            "v2_subordinate_license",
            text("Лицензия на подчиненный сервер KSC № 2C3A-000145-7F1B0D4E от 05.12.2025"),
        ),
        ("v2_instructions", text("Инструкция, п. 4.2")),
        (
            "v3_license_file",
            text("\\\\fs01\\it\\licenses\\kes-autonomous-2025.key"),
        ),
        ("v4_approved", Value::Bool(approved)),
        (
            "v4_license_file",
            text("\\\\fs01\\it\\licenses\\ksc-independent-2025.key"),
        ),
        ("mediapack_kl8069rmzzz", Value::Bool(kl8069rmzzz)),
        (
            "mediapack_kit",
            text("Сертифицированный комплект KES 12.6, получен 19.12.2025"),
        ),
    ]
}

/// A new antivirus run: nothing decided yet, then the variant (and the applicant when the file
/// asks for it) chosen.
#[track_caller]
fn antivirus_start(variant: &str, applicant: Option<&str>) -> Walk {
    let mut w = Walk::new("antivirus-licenses", "ГБУ «Жилищник района Марьино»");
    assert_eq!(w.p.steps().len(), 21);
    // Before the variant: every variant step is undecided and counts as still to do; the
    // media-pack track is a parallel section and may start at once.
    assert_eq!(w.progress(), (0, 21));
    assert_eq!(
        w.asked("applicant"),
        None,
        "asked or not depends on the variant"
    );
    for step in AV_VARIANT_1
        .iter()
        .chain(&AV_VARIANT_2)
        .chain(&AV_VARIANT_3)
        .chain(&AV_VARIANT_4)
    {
        assert_eq!(w.status(step), Status::Undecided, "{step}");
    }
    assert_eq!(w.status("mediapack-rules"), Status::Ready);

    w.choose("variant", variant);
    // The file: `when = { choice = "variant", in = ["v1", "v2", "v3"] }`.
    let asked = matches!(variant, "v1" | "v2" | "v3");
    assert_eq!(
        w.asked("applicant"),
        Some(asked),
        "«Заявитель» under {variant}"
    );
    assert_eq!(applicant.is_some(), asked, "the test must follow the file");
    if let Some(applicant) = applicant {
        w.choose("applicant", applicant);
    }
    assert_eq!(w.asked("applicant"), Some(asked));
    w
}

#[test]
fn antivirus_variant_1_connection_to_the_central_system_for_each_applicant() {
    // ОИВ, ordering KL8069RMZZZ: 7 steps.
    let mut w = Walk::new("antivirus-licenses", "ДЖКХ");
    w.choose("variant", "v1");
    assert_eq!(w.asked("applicant"), Some(true));
    // Until ОИВ or ИС is chosen, both requests are undecided, and the undecided request holds
    // up the results after it.
    assert_eq!(w.status("v1-oiv-request"), Status::Undecided);
    assert_eq!(w.status("v1-is-request"), Status::Undecided);
    w.assert_blocked("v1-results", &["v1-is-request"], None);

    let mut w = antivirus_start("v1", Some("oiv"));
    assert_eq!(w.progress(), (0, 7));
    w.assert_blocked("v1-results", &["v1-oiv-request"], None);
    let walked = w.walk_rest(&antivirus_values(true, false));
    assert_eq!(
        walked,
        strings(&[
            "v1-oiv-request",
            "v1-results",
            "mediapack-rules",
            "mediapack-kl8069rmzzz-form",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        7,
        &[
            "v1-is-request",
            "v2-oiv-request",
            "v2-is-request",
            "v2-connect",
            "v2-license-request",
            "v2-results",
            "v3-request",
            "v3-is-request",
            "v3-results",
            "v4-request",
            "v4-approval",
            "v4-meeting",
            "v4-working-order",
            "v4-results",
        ],
    );
    assert_eq!(w.run.values["v1_ksc_login"], text("gbu-marino-admin"));

    // ИС, not ordering KL8069RMZZZ: 6 steps.
    let mut w = antivirus_start("v1", Some("is"));
    assert_eq!(
        w.progress(),
        (0, 7),
        "the KL8069RMZZZ form is undecided yet"
    );
    w.assert_blocked("v1-results", &["v1-is-request"], None);
    let walked = w.walk_rest(&antivirus_values(false, false));
    assert_eq!(
        walked,
        strings(&[
            "v1-is-request",
            "v1-results",
            "mediapack-rules",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        6,
        &[
            "v1-oiv-request",
            "v2-oiv-request",
            "v2-is-request",
            "v2-connect",
            "v2-license-request",
            "v2-results",
            "v3-request",
            "v3-is-request",
            "v3-results",
            "v4-request",
            "v4-approval",
            "v4-meeting",
            "v4-working-order",
            "v4-results",
            "mediapack-kl8069rmzzz-form",
        ],
    );
}

#[test]
fn antivirus_variant_2_subordinate_ksc_server_for_each_applicant() {
    // ИС (the «Сервер KSC» page is mandatory here), ordering KL8069RMZZZ: 9 steps.
    let mut w = antivirus_start("v2", Some("is"));
    assert_eq!(w.progress(), (0, 9));
    let values = antivirus_values(true, false);
    w.assert_blocked("v2-connect", &["v2-is-request"], None);
    w.step("v2-is-request", &values);
    // Items 3 and 4 apply to both applicants and follow one another.
    w.assert_blocked("v2-license-request", &["v2-connect"], None);
    w.assert_blocked("v2-results", &["v2-license-request"], None);
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "v2-connect",
            "v2-license-request",
            "v2-results",
            "mediapack-rules",
            "mediapack-kl8069rmzzz-form",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        9,
        &[
            "v1-oiv-request",
            "v1-is-request",
            "v1-results",
            "v2-oiv-request",
            "v3-request",
            "v3-is-request",
            "v3-results",
            "v4-request",
            "v4-approval",
            "v4-meeting",
            "v4-working-order",
            "v4-results",
        ],
    );
    assert_eq!(
        w.run.values["v2_subordinate_license"],
        text("Лицензия на подчиненный сервер KSC № 2C3A-000145-7F1B0D4E от 05.12.2025")
    );

    // ОИВ, not ordering KL8069RMZZZ: 8 steps.
    let mut w = antivirus_start("v2", Some("oiv"));
    w.assert_blocked("v2-connect", &["v2-oiv-request"], None);
    let walked = w.walk_rest(&antivirus_values(false, false));
    assert_eq!(
        walked,
        strings(&[
            "v2-oiv-request",
            "v2-connect",
            "v2-license-request",
            "v2-results",
            "mediapack-rules",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        8,
        &[
            "v1-oiv-request",
            "v1-is-request",
            "v1-results",
            "v2-is-request",
            "v3-request",
            "v3-is-request",
            "v3-results",
            "v4-request",
            "v4-approval",
            "v4-meeting",
            "v4-working-order",
            "v4-results",
            "mediapack-kl8069rmzzz-form",
        ],
    );
}

#[test]
fn antivirus_variant_3_autonomous_licenses_for_each_applicant() {
    // ИС: item 1 for everyone, then «+ Для ИС»; not ordering KL8069RMZZZ: 7 steps.
    let mut w = antivirus_start("v3", Some("is"));
    assert_eq!(w.progress(), (0, 8));
    let values = antivirus_values(false, false);
    w.assert_blocked("v3-is-request", &["v3-request"], None);
    // The justification goes into the letter: the step cannot be completed without it.
    assert_eq!(
        w.incomplete("v3-request"),
        [(
            "autonomous_licenses_justification".to_owned(),
            "field-required"
        )]
    );
    w.step("v3-request", &values);
    w.assert_blocked("v3-results", &["v3-is-request"], None);
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "v3-is-request",
            "v3-results",
            "mediapack-rules",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        7,
        &[
            "v1-oiv-request",
            "v1-is-request",
            "v1-results",
            "v2-oiv-request",
            "v2-is-request",
            "v2-connect",
            "v2-license-request",
            "v2-results",
            "v4-request",
            "v4-approval",
            "v4-meeting",
            "v4-working-order",
            "v4-results",
            "mediapack-kl8069rmzzz-form",
        ],
    );

    // ОИВ: only item 1; ordering KL8069RMZZZ: 7 steps.
    let mut w = antivirus_start("v3", Some("oiv"));
    assert_eq!(w.progress(), (0, 7));
    w.assert_blocked("v3-results", &["v3-request"], None);
    let walked = w.walk_rest(&antivirus_values(true, false));
    assert_eq!(
        walked,
        strings(&[
            "v3-request",
            "v3-results",
            "mediapack-rules",
            "mediapack-kl8069rmzzz-form",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        7,
        &[
            "v1-oiv-request",
            "v1-is-request",
            "v1-results",
            "v2-oiv-request",
            "v2-is-request",
            "v2-connect",
            "v2-license-request",
            "v2-results",
            "v3-is-request",
            "v4-request",
            "v4-approval",
            "v4-meeting",
            "v4-working-order",
            "v4-results",
        ],
    );
}

#[test]
fn antivirus_variant_4_independent_ksc_server_approved_and_not() {
    // Approved, ordering KL8069RMZZZ: 10 steps, the optional meeting included.
    let mut w = antivirus_start("v4", None);
    // The applicant question is not asked, so every ОИВ/ИС step of the other variants is
    // skipped along with them, and the variant's own steps need no applicant.
    assert_eq!(w.status("v4-request"), Status::Ready);
    // Until the approval is recorded, whether items 4 and the results apply is undecided.
    assert_eq!(w.status("v4-working-order"), Status::Undecided);
    assert_eq!(w.status("v4-results"), Status::Undecided);
    assert_eq!(w.progress(), (0, 10));
    let values = antivirus_values(true, true);
    w.assert_blocked("v4-approval", &["v4-request"], None);
    assert_eq!(
        w.incomplete("v4-request"),
        [(
            "subordinate_impossible_justification".to_owned(),
            "field-required"
        )]
    );
    w.steps(&["v4-request", "v4-approval"], &values);
    // The optional meeting holds up nothing: item 4 may go on without it.
    assert_eq!(w.status("v4-meeting"), Status::Ready);
    assert_eq!(w.status("v4-working-order"), Status::Ready);
    w.assert_blocked("v4-results", &["v4-working-order"], None);
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "v4-meeting",
            "v4-working-order",
            "v4-results",
            "mediapack-rules",
            "mediapack-kl8069rmzzz-form",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        10,
        &[
            "v1-oiv-request",
            "v1-is-request",
            "v1-results",
            "v2-oiv-request",
            "v2-is-request",
            "v2-connect",
            "v2-license-request",
            "v2-results",
            "v3-request",
            "v3-is-request",
            "v3-results",
        ],
    );

    // Not approved, not ordering KL8069RMZZZ: the variant ends at the approval; 7 steps.
    let mut w = antivirus_start("v4", None);
    let walked = w.walk_rest(&antivirus_values(false, false));
    assert_eq!(
        walked,
        strings(&[
            "v4-request",
            "v4-approval",
            "v4-meeting",
            "mediapack-rules",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        7,
        &[
            "v1-oiv-request",
            "v1-is-request",
            "v1-results",
            "v2-oiv-request",
            "v2-is-request",
            "v2-connect",
            "v2-license-request",
            "v2-results",
            "v3-request",
            "v3-is-request",
            "v3-results",
            "v4-working-order",
            "v4-results",
            "mediapack-kl8069rmzzz-form",
        ],
    );
}

#[test]
fn antivirus_media_pack_track_runs_beside_the_variant_in_its_own_order() {
    let mut w = antivirus_start("v1", Some("oiv"));
    let values = antivirus_values(true, false);
    // Parallel sections: the media pack waits for nothing of variant 1, and variant 1 waits
    // for nothing of the media pack.
    assert_eq!(w.status("mediapack-rules"), Status::Ready);
    assert_eq!(w.status("v1-oiv-request"), Status::Ready);
    // Within the track the steps follow one another; the form step is undecided until the
    // rules are read, and still holds up the request after it.
    assert_eq!(w.status("mediapack-kl8069rmzzz-form"), Status::Undecided);
    w.assert_blocked(
        "mediapack-edo-request",
        &["mediapack-kl8069rmzzz-form"],
        None,
    );
    w.step(AV_MEDIAPACK[0], &values);
    w.assert_blocked(
        "mediapack-edo-request",
        &["mediapack-kl8069rmzzz-form"],
        None,
    );
    w.steps(&AV_MEDIAPACK[1..], &values);
    assert_eq!(w.run.values["mediapack_kl8069rmzzz"], Value::Bool(true));
    assert_eq!(w.progress(), (5, 7), "variant 1 is untouched");
    assert_eq!(w.status("v1-oiv-request"), Status::Ready);
}

// ---------------------------------------------------------------------------------------------
// rsmev-connection: 21 steps; stages 1 (6 steps) and 2 (5, one optional) for everyone, then
// stage 3а (5 steps) or 3б (5 steps) by the choice «service_path»: 16 steps per branch.

const RSMEV_STAGE_1: [&str; 6] = [
    "agreement",
    "additional-agreement",
    "operator-signed-notice",
    "crypto-ready",
    "crypto-install",
    "equipment-act",
];
const RSMEV_3A: [&str; 5] = [
    "federal-decision",
    "federal-application",
    "federal-application-registered",
    "federal-application-to-ministry",
    "federal-testing",
];
const RSMEV_3B: [&str; 5] = [
    "own-decision",
    "own-development",
    "own-documents",
    "own-documents-to-ministry",
    "own-testing",
];

fn rsmev_values() -> Vec<(&'static str, Value)> {
    vec![
        (
            "federal_service",
            text("Сведения о государственной регистрации юридических лиц (ФНС России)"),
        ),
        (
            "own_service",
            text("Сведения о выданных разрешениях на строительство (Минстрой СК)"),
        ),
    ]
}

/// Stages 1 and 2 up to the testing, with the refusals on the way; then the branch chosen.
#[track_caller]
fn rsmev_to_stage_3(option: &str) -> Walk {
    let mut w = Walk::new(
        "rsmev-connection",
        "Министерство труда и социальной защиты СК",
    );
    assert_eq!(w.p.steps().len(), 21);
    assert_eq!(
        w.progress(),
        (0, 21),
        "stage 3 undecided counts both branches"
    );
    let values = rsmev_values();
    // Stage 2 waits for the whole of stage 1 (sections in sequence).
    w.assert_blocked("ep-ov", &RSMEV_STAGE_1, None);
    w.assert_blocked("additional-agreement", &["agreement"], None);
    w.steps(&["agreement", "additional-agreement"], &values);
    // The operator's notice is a wait with a deadline: the officer may record a due day.
    let due = jiff::civil::date(2025, 12, 22);
    w.apply(Command::WaitStep {
        step: "operator-signed-notice".into(),
        due: Some(due),
    })
    .expect("waiting on the operator");
    assert_eq!(
        w.status("operator-signed-notice"),
        Status::Waiting { due: Some(due) }
    );
    w.assert_blocked("crypto-ready", &["operator-signed-notice"], None);
    w.apply(Command::CompleteStep("operator-signed-notice".into()))
        .expect("the notice came");
    w.steps(&["crypto-ready", "crypto-install"], &values);
    w.assert_blocked("ep-ov", &["equipment-act"], None);
    w.step("equipment-act", &values);
    w.assert_blocked("is-registration", &["is-connection-request"], None);
    w.steps(
        &[
            "ep-ov",
            "is-connection-request",
            "is-registration",
            "is-testing",
        ],
        &values,
    );
    for step in RSMEV_3A.iter().chain(&RSMEV_3B) {
        assert_eq!(
            w.status(step),
            Status::Undecided,
            "{step} before the choice"
        );
    }
    w.choose("service_path", option);
    assert_eq!(w.progress(), (10, 16));
    w
}

#[test]
fn rsmev_branch_3a_federal_service_to_the_end() {
    let mut w = rsmev_to_stage_3("federal");
    let values = rsmev_values();
    // The optional «Устранение выявленных недостатков» holds up nothing.
    assert_eq!(w.status("fix-shortcomings"), Status::Ready);
    assert_eq!(w.status("federal-decision"), Status::Ready);
    w.assert_blocked("federal-application", &["federal-decision"], None);
    for step in RSMEV_3B {
        assert_eq!(w.status(step), Status::Skipped, "{step}");
    }
    w.step("federal-decision", &values);
    w.assert_blocked(
        "federal-testing",
        &["federal-application-to-ministry"],
        None,
    );
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "fix-shortcomings",
            "federal-application",
            "federal-application-registered",
            "federal-application-to-ministry",
            "federal-testing",
        ])
    );
    w.assert_finished(16, &RSMEV_3B);
    assert!(w.run.values.contains_key("federal_service"));
    assert!(!w.run.values.contains_key("own_service"));
}

#[test]
fn rsmev_branch_3b_own_service_to_the_end() {
    let mut w = rsmev_to_stage_3("own");
    let values = rsmev_values();
    // Stage 3а comes before 3б in the file, but skipped it holds up nothing.
    assert_eq!(w.status("own-decision"), Status::Ready);
    assert_eq!(w.status("fix-shortcomings"), Status::Ready);
    for step in RSMEV_3A {
        assert_eq!(w.status(step), Status::Skipped, "{step}");
    }
    w.steps(&["own-decision"], &values);
    w.assert_blocked("own-documents", &["own-development"], None);
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "fix-shortcomings",
            "own-development",
            "own-documents",
            "own-documents-to-ministry",
            "own-testing",
        ])
    );
    w.assert_finished(16, &RSMEV_3A);
    assert!(w.run.values.contains_key("own_service"));
    assert!(!w.run.values.contains_key("federal_service"));
}

// ---------------------------------------------------------------------------------------------
// qualified-signature: 15 steps in one sequence; step 8 requires step 7 with the document's
// reason. tests/run_scenarios.rs already walks it to (15, 15); here the gate.

fn signature_values() -> Vec<(&'static str, Value)> {
    vec![
        ("department", text("Кафедра прикладной математики")),
        ("full_name", text("Петрова Анна Сергеевна")),
        ("inn", text("7707083893")),
        ("mobile_phone", text("+7 912 345-67-89")),
        ("corporate_email", text("a.petrova@university.ru")),
        ("has_key_carrier", Value::Bool(false)),
        (
            "grounds",
            text("Подписание документов в 1С Электронный документооборот"),
        ),
    ]
}

#[test]
fn qualified_signature_generate_request_is_refused_until_the_token_is_received() {
    let mut w = Walk::new("qualified-signature", "Петрова А.С.");
    let reason = "Приступать к шагу 8 возможно только после получения Rutoken lite (токена)!";
    assert_eq!(
        w.p.step("generate-request")
            .and_then(|s| s.requires_reason.as_deref()),
        Some(reason),
        "the reason is the procedure's"
    );
    // From the very start step 8 waits for the token, with the document's words.
    w.assert_blocked("generate-request", &["get-token"], Some(reason));
    w.assert_blocked("open-cabinet", &["application"], None);
    let values = signature_values();
    w.steps(
        &[
            "application",
            "open-cabinet",
            "login",
            "upload-documents",
            "submit-documents",
            "choose-delivery",
        ],
        &values,
    );
    assert_eq!(w.run.values["inn"], text("7707083893"));
    // Everything before step 7 is done: only the token holds step 8 up.
    assert_eq!(w.status("get-token"), Status::Ready);
    w.assert_blocked("generate-request", &["get-token"], Some(reason));
    // Starting step 7 is not receiving the token.
    w.apply(Command::StartStep("get-token".into()))
        .expect("start step 7");
    w.assert_blocked("generate-request", &["get-token"], Some(reason));
    w.apply(Command::CompleteStep("get-token".into()))
        .expect("token received");
    assert_eq!(w.status("generate-request"), Status::Ready);
    w.step("generate-request", &values);
    w.assert_blocked("wait-call", &["send-request"], None);
    assert_eq!(w.progress(), (8, 15));
}

// ---------------------------------------------------------------------------------------------
// pgs-staff-access: 12 steps in four independent stages (sections in parallel), each stage in
// sequence; the employees list is a table with six required columns.

fn employees() -> Value {
    Value::Table(vec![
        row(&[
            ("full_name", text("Иванова Мария Петровна")),
            (
                "position",
                text("Главный специалист отдела опеки и попечительства"),
            ),
            ("phone", text("+7 (81370) 2-11-45")),
            ("email", text("m.ivanova@kirovsk-reg.ru")),
            (
                "service",
                text(
                    "Выдача разрешения на вступление в брак лицам, достигшим возраста шестнадцати лет",
                ),
            ),
            ("roles", list(&["Регистратор", "Специалист"])),
        ]),
        row(&[
            ("full_name", text("Смирнов Алексей Игоревич")),
            ("position", text("Начальник отдела опеки и попечительства")),
            ("phone", text("8 (813) 702-11-46")),
            ("email", text("a.smirnov@kirovsk-reg.ru")),
            (
                "service",
                text(
                    "Выдача разрешения на вступление в брак лицам, достигшим возраста шестнадцати лет",
                ),
            ),
            ("roles", list(&["Должностное лицо"])),
        ]),
        row(&[
            ("full_name", text("Кузнецова Ольга Викторовна")),
            ("position", text("Заместитель главы администрации")),
            ("phone", text("+7 813 702 11 40")),
            ("email", text("o.kuznetsova@kirovsk-reg.ru")),
            ("service", text("Все услуги из Перечня МСЗУ")),
            ("roles", list(&["Наблюдатель"])),
        ]),
        row(&[
            ("full_name", text("Попов Дмитрий Андреевич")),
            ("position", text("Ведущий специалист сектора архитектуры")),
            ("phone", text("+7 921 555-01-02")),
            ("email", text("d.popov@kirovsk-reg.ru")),
            (
                "service",
                text("Выдача градостроительного плана земельного участка"),
            ),
            (
                "roles",
                list(&[
                    "Регистратор",
                    "Специалист",
                    "Должностное лицо",
                    "Наблюдатель",
                ]),
            ),
        ]),
    ])
}

fn pgs_values() -> Vec<(&'static str, Value)> {
    vec![
        ("employees_list", employees()),
        (
            "org_name",
            text("Администрация Кировского муниципального района Ленинградской области"),
        ),
        (
            "org_legal_address",
            text("187342, Ленинградская область, г. Кировск, ул. Новая, д. 1"),
        ),
        // The form's defaults, which a new run starts with; set again as an officer who
        // retypes them would.
        ("information_system", text("ТОР ПГС 2.0")),
        ("access_description", text("предоставить доступ")),
        (
            "access_basis",
            text("Распоряжение Правительства Ленинградской области от 18.06.2021 №392-р"),
        ),
        ("access_term", text("бессрочно")),
        (
            "equipment_addresses",
            text("187342, Ленинградская область, г. Кировск, ул. Новая, д. 1, каб. 12, 14"),
        ),
        ("ip_addresses", text("10.0.0.5, 10.0.0.6; 172.16.90.16")),
        ("head_name", text("И.И. Иванов")),
    ]
}

#[test]
fn pgs_staff_access_employees_table_then_every_stage_to_the_end() {
    let mut w = Walk::new("pgs-staff-access", "Администрация Кировского района");
    assert_eq!(w.p.steps().len(), 12);
    assert_eq!(w.progress(), (0, 12));
    // «Указанные мероприятия (этапы) независимы»: the first step of each stage may start now;
    // the optional «доступ Администратора утерян» holds up nothing in stage 3.
    for first in [
        "employees-list",
        "esnsi-directory",
        "restore-admin-access",
        "invite-employee",
        "install-cryptopro-csp",
    ] {
        assert_eq!(w.status(first), Status::Ready, "{first}");
    }
    w.assert_blocked("traffic-routing", &["employees-list"], None);
    w.assert_blocked("add-to-access-groups", &["accept-invitation"], None);
    w.assert_blocked("check-signature", &["issue-test-certificate"], None);

    // The employees list: required, and an empty table is not filled.
    assert_eq!(
        w.incomplete("employees-list"),
        [("employees_list".to_owned(), "field-required")]
    );
    w.set("employees_list", Value::Table(Vec::new()));
    assert_eq!(
        w.incomplete("employees-list"),
        [("employees_list".to_owned(), "field-required")]
    );
    let table = employees();
    let Value::Table(rows) = &table else {
        unreachable!()
    };
    let roles: Vec<&Value> = rows.iter().map(|r| &r["roles"]).collect();
    for role in [
        "Регистратор",
        "Специалист",
        "Должностное лицо",
        "Наблюдатель",
    ] {
        assert!(
            roles
                .iter()
                .any(|r| matches!(r, Value::List(l) if l.iter().any(|x| x == role))),
            "the list has a {role}"
        );
    }
    let values = pgs_values();
    w.step("employees-list", &values);
    assert_eq!(w.run.values["employees_list"], table);
    w.step("traffic-routing", &values);

    // The access request: every required field without a default named (the information
    // system and the access description start with theirs), then a bad IP address refused.
    assert_eq!(
        w.incomplete("access-request"),
        [
            "org_name",
            "org_legal_address",
            "access_basis",
            "access_term",
            "equipment_addresses",
            "ip_addresses",
            "head_name",
        ]
        .map(|id| (id.to_owned(), "field-required"))
    );
    for (field, value) in &values {
        if *field != "employees_list" {
            w.set(field, value.clone());
        }
    }
    w.set("ip_addresses", text("10.0.0.5, 10.0.0.300"));
    assert_eq!(
        w.incomplete("access-request"),
        [("ip_addresses".to_owned(), "invalid-ip")]
    );
    w.step("access-request", &values);
    assert_eq!(
        w.run.values["ip_addresses"],
        text("10.0.0.5, 10.0.0.6; 172.16.90.16")
    );

    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "esnsi-directory",
            "restore-admin-access",
            "invite-employee",
            "accept-invitation",
            "add-to-access-groups",
            "install-cryptopro-csp",
            "install-cades-plugin",
            "issue-test-certificate",
            "check-signature",
        ])
    );
    w.assert_finished(12, &[]);
}

/// A new pgs run whose employees list is the four rows of [`employees`], the second replaced
/// by `bad`.
fn pgs_with_row(bad: BTreeMap<String, Value>) -> Walk {
    let mut w = Walk::new("pgs-staff-access", "Администрация Кировского района");
    let Value::Table(mut rows) = employees() else {
        unreachable!()
    };
    rows[1] = bad;
    w.set("employees_list", Value::Table(rows));
    w
}

#[test]

fn pgs_a_row_with_an_invalid_cell_makes_the_employees_list_incomplete() {
    // The table has no СНИЛС column; its typed columns are the phone and the e-mail.
    let good = || {
        row(&[
            ("full_name", text("Смирнов Алексей Игоревич")),
            ("position", text("Начальник отдела опеки и попечительства")),
            ("phone", text("8 (813) 702-11-46")),
            ("email", text("a.smirnov@kirovsk-reg.ru")),
            ("service", text("Выдача разрешения на вступление в брак")),
            ("roles", list(&["Должностное лицо"])),
        ])
    };
    // The same row, well formed, goes through.
    let mut w = pgs_with_row(good());
    w.apply(Command::CompleteStep("employees-list".into()))
        .expect("four well-formed rows");

    for (column, value) in [
        ("phone", text("702-11")),
        ("email", text("a.smirnov@kirovsk-reg")),
        ("roles", list(&["Администратор"])),
    ] {
        let mut bad = good();
        bad.insert(column.to_owned(), value);
        let mut w = pgs_with_row(bad);
        let problems = w.incomplete("employees-list");
        assert!(
            problems.iter().any(|(field, _)| field == "employees_list"),
            "a bad {column} in row 2: {problems:?}"
        );
    }
}

#[test]

fn pgs_a_row_without_a_required_cell_makes_the_employees_list_incomplete() {
    for column in [
        "full_name",
        "position",
        "phone",
        "email",
        "service",
        "roles",
    ] {
        let mut bad = row(&[
            ("full_name", text("Смирнов Алексей Игоревич")),
            ("position", text("Начальник отдела опеки и попечительства")),
            ("phone", text("8 (813) 702-11-46")),
            ("email", text("a.smirnov@kirovsk-reg.ru")),
            ("service", text("Выдача разрешения на вступление в брак")),
            ("roles", list(&["Должностное лицо"])),
        ]);
        bad.remove(column);
        let mut w = pgs_with_row(bad);
        let problems = w.incomplete("employees-list");
        assert!(
            problems.iter().any(|(field, _)| field == "employees_list"),
            "row 2 without {column}: {problems:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// esia-service-centres: 24 steps, six parts in sequence, each part in sequence.

fn esia_values() -> Vec<(&'static str, Value)> {
    vec![
        (
            "tech_official_name",
            text("Коваленко Игорь Петрович, консультант отдела информатизации"),
        ),
        (
            "operators_list",
            text(
                "Литвинова Е.А., главный специалист\n\
                 Ким С.В., ведущий специалист\n\
                 Орлова Т.Н., специалист 1 разряда",
            ),
        ),
        (
            "pep_ministry_approval",
            text("Письмо Минкомсвязи России от 12.12.2025 № П11-1-05-200-52311"),
        ),
        (
            "arm_ministry_approval",
            text("Письмо Минкомсвязи России от 26.12.2025 № П11-1-05-200-54870"),
        ),
    ]
}

#[test]
fn esia_service_centres_in_the_order_of_the_plan_to_the_end() {
    let mut w = Walk::new("esia-service-centres", "Администрация Елизовского района");
    assert_eq!(w.p.steps().len(), 24);
    assert_eq!(w.progress(), (0, 24));
    let values = esia_values();
    // 1.3 needs the head's qualified signature of 1.2 first.
    w.assert_blocked("register-organisation", &["head-qualified-signature"], None);
    // Part 2 waits for the whole of part 1.
    w.assert_blocked(
        "tech-official",
        &[
            "head-esia-account",
            "head-qualified-signature",
            "register-organisation",
            "agency-confirms-registration",
            "registration-done",
        ],
        None,
    );
    w.steps(&["head-esia-account", "head-qualified-signature"], &values);
    w.step("register-organisation", &values);
    // The control event closes part 1 only after the agency has confirmed.
    w.assert_blocked("registration-done", &["agency-confirms-registration"], None);
    w.steps(
        &[
            "agency-confirms-registration",
            "registration-done",
            "tech-official",
            "operators-list",
        ],
        &values,
    );
    assert_eq!(
        w.run.values["tech_official_name"],
        text("Коваленко Игорь Петрович, консультант отдела информатизации")
    );
    // The application of part 3 waits for the officials of 2.3.
    w.assert_blocked("pep-application", &["officials-esia-ready"], None);
    w.step("officials-esia-ready", &values);
    w.steps(&["pep-application", "pep-application-send"], &values);
    // The ministry approves only what the agency has checked and forwarded.
    w.assert_blocked("pep-ministry-approval", &["pep-application-check"], None);
    w.assert_blocked(
        "arm-application",
        &[
            "pep-application-check",
            "pep-ministry-approval",
            "pep-status-done",
        ],
        None,
    );
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "pep-application-check",
            "pep-ministry-approval",
            "pep-status-done",
            "arm-application",
            "arm-application-send",
            "arm-application-check",
            "arm-ministry-approval",
            "arm-approval-done",
            "portal-operators-access",
            "add-service-centres",
            "service-centres-done",
            "operators-group",
            "workstations-setup",
            "service-centre-ready",
        ])
    );
    w.assert_finished(24, &[]);
}

// ---------------------------------------------------------------------------------------------
// What the engine must refuse: steps without their results, steps that do not apply.

#[test]

fn a_step_cannot_be_completed_without_its_required_results() {
    // v1-results: the links, the login and the password are `required = true`.
    let mut w = antivirus_start("v1", Some("oiv"));
    w.step("v1-oiv-request", &antivirus_values(true, false));
    let problems = w.incomplete("v1-results");
    let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["v1_kes_links", "v1_ksc_login", "v1_ksc_password"]);

    // v4-approval: without the recorded outcome the rest of variant 4 stays undecided for
    // ever, so the run could never finish.
    let mut w = antivirus_start("v4", None);
    w.step("v4-request", &antivirus_values(true, true));
    let problems = w.incomplete("v4-approval");
    assert_eq!(problems, [("v4_approved".to_owned(), "field-required")]);

    // esia 2.1: whom the officer determined is `required = true`.
    let mut w = Walk::new("esia-service-centres", "Администрация");
    w.steps(
        &[
            "head-esia-account",
            "head-qualified-signature",
            "register-organisation",
            "agency-confirms-registration",
            "registration-done",
        ],
        &esia_values(),
    );
    let problems = w.incomplete("tech-official");
    assert_eq!(
        problems,
        [("tech_official_name".to_owned(), "field-required")]
    );
}

#[test]

fn a_step_of_a_variant_not_chosen_cannot_be_completed() {
    let mut w = antivirus_start("v1", Some("oiv"));
    assert_eq!(w.status("v2-connect"), Status::Skipped);
    w.refuse(Command::CompleteStep("v2-connect".into()));
    w.refuse(Command::StartStep("v2-connect".into()));
    assert_eq!(w.status("v2-connect"), Status::Skipped);
    assert!(!matches!(
        w.run.steps.get("v2-connect"),
        Some(StepState::Done { .. })
    ));
}

#[test]

fn a_step_undecided_for_want_of_a_choice_cannot_be_completed() {
    // docs/procedure-format.md: while a condition is undecided «the wizard shows the step as
    // waiting for that decision rather than guessing».
    let mut w = Walk::new("antivirus-licenses", "ГБУ");
    assert_eq!(w.status("v1-oiv-request"), Status::Undecided);
    w.refuse(Command::CompleteStep("v1-oiv-request".into()));
    assert_eq!(w.status("v1-oiv-request"), Status::Undecided);
}
