//! Tests of `schedule`.

use super::*;
use crate::calendar::ProductionCalendar;
use crate::procedure::load;
use jiff::Timestamp;

fn bundled(name: &str) -> Procedure {
    let path = format!("{}/procedures/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    load(&std::fs::read(path).expect("bundled procedure"))
        .result
        .expect("valid")
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("a timestamp")
}

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

#[test]
fn twenty_working_days_from_the_additional_agreement_skip_the_new_year_holidays() {
    let p = bundled("rsmev-connection");
    let step = p
        .steps()
        .iter()
        .find(|s| {
            s.deadline
                .as_ref()
                .is_some_and(|d| d.from.as_deref() == Some("additional-agreement"))
        })
        .expect("a step with the 20-day deadline");
    let mut run = Run::new(&p, "x", at("2025-12-01T09:00:00Z"));
    assert!(due_dates(&p, &run, &ProductionCalendar, &TimeZone::UTC).is_empty());
    run.steps.insert(
        "additional-agreement".into(),
        StepState::Done {
            at: at("2025-12-24T09:00:00Z"),
            passed_over: false,
            on: None,
            due: None,
        },
    );
    let dues = due_dates(&p, &run, &ProductionCalendar, &TimeZone::UTC);
    let due = dues
        .iter()
        .find(|d| p.steps()[d.step].id == step.id)
        .expect("the deadline is known once the agreement is done");
    // Working days after 24.12.2025: 25, 26, 29, 30 December (4); 31 December and
    // 1–11 January are days off; 12–16 January (9), 19–23 (14), 26–30 (19), 2 February (20).
    assert_eq!(due.date, date("2026-02-02"));
    assert!(!due.forecast);
    assert!(due.overdue(date("2026-02-03")));
    assert!(!due.overdue(date("2026-02-02")));
}

/// A wait begun on the step with the deadline is due on the day the deadline falls on,
/// counted on the production calendar; a count into a year whose calendar is not out yet
/// says so.
#[test]
fn a_wait_is_due_when_the_deadline_falls_and_says_when_that_is_a_forecast() {
    let p = bundled("rsmev-connection");
    let index = (p.steps().iter())
        .position(|s| {
            s.deadline
                .as_ref()
                .is_some_and(|d| d.from.as_deref() == Some("additional-agreement"))
        })
        .expect("a step with the 20-day deadline");
    let mut run = Run::new(&p, "x", at("2025-12-01T09:00:00Z"));
    let utc = &TimeZone::UTC;
    // The agreement not done yet: counted from today.
    let due = wait_due(
        &p,
        &run,
        index,
        date("2025-12-24"),
        &ProductionCalendar,
        utc,
    )
    .expect("a deadline");
    assert_eq!(due.date, date("2026-02-02"));
    assert!(!due.forecast);
    run.steps.insert(
        "additional-agreement".into(),
        StepState::Done {
            at: at("2027-12-20T09:00:00Z"),
            passed_over: false,
            on: None,
            due: None,
        },
    );
    let due = wait_due(
        &p,
        &run,
        index,
        date("2027-12-24"),
        &ProductionCalendar,
        utc,
    )
    .expect("a deadline");
    let deadline = due_dates(&p, &run, &ProductionCalendar, utc);
    let deadline = deadline
        .iter()
        .find(|d| d.step == index)
        .expect("the deadline");
    assert_eq!((due.date, due.forecast), (deadline.date, deadline.forecast));
    assert!(due.forecast, "2028 has no official calendar in the data");
    let no_deadline = (p.steps().iter())
        .position(|s| s.deadline.is_none())
        .expect("a step");
    assert_eq!(
        wait_due(
            &p,
            &run,
            no_deadline,
            date("2027-12-24"),
            &ProductionCalendar,
            utc
        ),
        None
    );
}

use crate::run::command::{Command, Day, Refusal, apply, apply_on};

fn on(on: &str, today: &str) -> Option<Day> {
    Some(Day {
        on: date(on),
        today: date(today),
    })
}

fn words(p: &Procedure, run: &Run, index: usize, lang: crate::i18n::Lang) -> String {
    deadline_words(p, run, index, &ProductionCalendar, &TimeZone::UTC, |d| {
        d.strftime("%d.%m.%Y").to_string()
    })
    .expect("a deadline")
    .text(lang)
}

#[test]
fn a_wait_begun_before_the_may_holidays_is_due_after_them_counted_from_its_own_day() {
    let p = bundled("qualified-signature");
    let index = p.step_index("wait-call").unwrap();
    let mut run = Run::new(&p, "x", at("2026-04-20T09:00:00Z"));
    for step in &p.steps()[..index] {
        let command = match step.optional {
            true => Command::PassOver(step.id.clone()),
            false => Command::CompleteStep(step.id.clone()),
        };
        // Forms are not the point here: the steps are taken as done.
        if apply(&p, &mut run, command, at("2026-04-21T09:00:00Z")).is_err() {
            run.steps.insert(
                step.id.clone(),
                StepState::Done {
                    at: at("2026-04-21T09:00:00Z"),
                    passed_over: false,
                    on: None,
                    due: None,
                },
            );
        }
    }
    // Recorded on 13 May, the call was promised on Friday 8 May: one working day after it
    // is Tuesday 12 May, as 9–11 May are days off.
    let recorded = at("2026-05-13T09:00:00Z");
    let command = Command::WaitStep {
        step: "wait-call".into(),
        due: None,
    };
    apply_on(
        &p,
        &mut run,
        command,
        recorded,
        on("2026-05-08", "2026-05-13"),
    )
    .unwrap();
    let due = deadline_day(&p, &run, index, &ProductionCalendar, &TimeZone::UTC).unwrap();
    assert_eq!(due.date, date("2026-05-12"));
    let listed = due_dates(&p, &run, &ProductionCalendar, &TimeZone::UTC);
    assert!(listed.iter().any(|d| d.overdue(date("2026-05-13"))));
    assert_eq!(
        words(&p, &run, index, crate::i18n::Lang::Ru),
        "до 12.05.2026 (1 рабочий день с начала шага)"
    );
    assert_eq!(
        words(&p, &run, index, crate::i18n::Lang::En),
        "by 12.05.2026 (1 working day from the step's start)"
    );
    // Begun on 30 April instead: Monday 4 May (1–3 May are days off).
    apply(&p, &mut run, Command::Undo, recorded).unwrap();
    let command = Command::StartStep("wait-call".into());
    apply_on(
        &p,
        &mut run,
        command,
        recorded,
        on("2026-04-30", "2026-05-13"),
    )
    .unwrap();
    let due = deadline_day(&p, &run, index, &ProductionCalendar, &TimeZone::UTC).unwrap();
    assert_eq!(due.date, date("2026-05-04"));
    // Done on 6 May (recorded a week later): late, and the history says so for good.
    let command = Command::CompleteStep("wait-call".into());
    apply_on(
        &p,
        &mut run,
        command,
        recorded,
        on("2026-05-06", "2026-05-13"),
    )
    .unwrap();
    let listed = due_dates(&p, &run, &ProductionCalendar, &TimeZone::UTC);
    let due = listed.iter().find(|d| d.step == index).unwrap();
    assert_eq!(due.done, Some(date("2026-05-06")));
    assert!(due.missed());
}

#[test]
fn a_day_after_today_is_refused_and_so_is_finishing_before_the_start() {
    let p = bundled("qualified-signature");
    let mut run = Run::new(&p, "x", at("2026-12-01T09:00:00Z"));
    let now = at("2026-12-07T09:00:00Z");
    let first = p.steps()[0].id.clone();
    let before = run.clone();
    let refused = apply_on(
        &p,
        &mut run,
        Command::StartStep(first.clone()),
        now,
        on("2026-12-08", "2026-12-07"),
    );
    assert_eq!(
        refused,
        Err(Refusal::FutureDate {
            on: date("2026-12-08"),
            today: date("2026-12-07")
        })
    );
    assert_eq!(run, before);
    let text = refused
        .unwrap_err()
        .dated_msg()
        .unwrap()
        .text(crate::i18n::Lang::Ru);
    assert!(
        text.contains("08.12.2026") && text.contains("07.12.2026"),
        "{text}"
    );
    apply_on(
        &p,
        &mut run,
        Command::StartStep(first.clone()),
        now,
        on("2026-12-03", "2026-12-07"),
    )
    .unwrap();
    let refused = apply_on(
        &p,
        &mut run,
        Command::CompleteStep(first.clone()),
        now,
        on("2026-12-02", "2026-12-07"),
    );
    assert_eq!(
        refused,
        Err(Refusal::BeforeStart {
            on: date("2026-12-02"),
            started: date("2026-12-03")
        })
    );
}

#[test]
fn a_wait_s_due_day_stays_in_the_history_once_the_step_is_done() {
    let p = bundled("qualified-signature");
    let mut run = Run::new(&p, "x", at("2026-11-02T09:00:00Z"));
    let id = p.steps()[0].id.clone();
    let command = Command::WaitStep {
        step: id.clone(),
        due: Some(date("2026-11-10")),
    };
    apply(&p, &mut run, command, at("2026-11-02T09:00:00Z")).unwrap();
    run.steps.insert(
        id.clone(),
        StepState::Done {
            at: at("2026-11-12T09:00:00Z"),
            passed_over: false,
            on: None,
            due: Some(date("2026-11-10")),
        },
    );
    let listed = due_dates(&p, &run, &ProductionCalendar, &TimeZone::UTC);
    let wait = listed.iter().find(|d| d.kind == DueKind::Wait).unwrap();
    assert_eq!(wait.date, date("2026-11-10"));
    assert_eq!(wait.done, Some(date("2026-11-12")));
    assert!(wait.missed());
}

const FROM_FIELD: &str = r#"
[procedure]
format = 1
id = "appointment"
title = "Приём"
version = "1"
source = "Тестовый документ"
summary = "Срок от даты приёма."

[[section]]
id = "main"
title = "Основной раздел"

[[step]]
id = "book"
section = "main"
title = "Записаться на приём"
form = "booking"

[[step]]
id = "report"
section = "main"
title = "Отчитаться о приёме"
deadline = { working_days = 3, from_field = "visit_date" }

[[form]]
id = "booking"
title = "Запись"

[[form.field]]
id = "visit_date"
type = "date"
label = "Дата приёма"
"#;

#[test]
fn a_deadline_from_a_date_field_counts_past_the_new_year_holidays() {
    let p = load(FROM_FIELD.as_bytes()).result.expect("valid");
    let mut run = Run::new(&p, "x", at("2025-12-20T09:00:00Z"));
    let index = p.step_index("report").unwrap();
    assert_eq!(
        words(&p, &run, index, crate::i18n::Lang::Ru),
        "3 рабочих дня от даты «Дата приёма»; дата пока не известна"
    );
    let command = Command::SetField {
        field: "visit_date".into(),
        value: crate::run::Value::Text("30.12.2025".into()),
    };
    apply(&p, &mut run, command, at("2025-12-20T09:00:00Z")).unwrap();
    // 31 December 2025 and 1–11 January 2026 are days off: 12, 13, 14 January.
    assert_eq!(
        words(&p, &run, index, crate::i18n::Lang::Ru),
        "до 14.01.2026 (3 рабочих дня от даты «Дата приёма»)"
    );
    assert_eq!(
        words(&p, &run, index, crate::i18n::Lang::En),
        "by 14.01.2026 (3 working days from “Дата приёма”)"
    );
}

#[test]
fn a_deadline_after_a_step_names_its_number() {
    let p = bundled("rsmev-connection");
    let index = p
        .steps()
        .iter()
        .position(|s| s.deadline.as_ref().is_some_and(|d| d.from.is_some()))
        .unwrap();
    let from = p.steps()[index]
        .deadline
        .as_ref()
        .unwrap()
        .from
        .clone()
        .unwrap();
    let number = p.step_index(&from).unwrap() + 1;
    let run = Run::new(&p, "x", at("2026-01-01T09:00:00Z"));
    assert_eq!(
        words(&p, &run, index, crate::i18n::Lang::Ru),
        format!("20 рабочих дней после шага {number}; дата пока не известна")
    );
}

#[test]
fn a_wait_with_a_due_day_is_listed_and_overdue_after_it() {
    let p = bundled("qualified-signature");
    let mut run = Run::new(&p, "x", at("2026-11-02T09:00:00Z"));
    let index = 0;
    let id = p.steps()[index].id.clone();
    run.steps.insert(
        id,
        StepState::Waiting {
            since: at("2026-11-02T09:00:00Z"),
            due: Some(date("2026-11-10")),
            on: None,
        },
    );
    let next = summary(&p, &run, &ProductionCalendar, &TimeZone::UTC)
        .due
        .expect("a due date");
    assert_eq!((next.step, next.kind), (index, DueKind::Wait));
    assert!(next.overdue(date("2026-11-11")));
}

#[test]
fn choosing_a_branch_shows_which_steps_start_and_stop_applying() {
    let p = bundled("antivirus-licenses");
    let run = Run::new(&p, "x", at("2026-11-02T09:00:00Z"));
    let impact = choice_impact(&p, &run, "variant", "v4");
    let ids =
        |list: &[usize]| -> Vec<String> { list.iter().map(|i| p.steps()[*i].id.clone()).collect() };
    let applies = ids(&impact.applies);
    assert!(applies.contains(&"v4-request".to_owned()), "{applies:?}");
    assert!(
        !applies.iter().any(|id| id.starts_with("v1-")),
        "{applies:?}"
    );
    assert!(ids(&impact.skipped).contains(&"v1-results".to_owned()));
}

const APPLICANT: &str = r#"
[procedure]
format = 1
id = "applicant"
title = "Заявитель"
version = "1"
source = "Тестовый документ"
summary = "ЮЛ или ИП."

[[choice]]
id = "applicant"
title = "Заявитель"

[[choice.option]]
id = "ul"
title = "Юридическое лицо"

[[choice.option]]
id = "ip"
title = "Индивидуальный предприниматель"

[[section]]
id = "main"
title = "Основной раздел"

[[step]]
id = "request"
section = "main"
title = "Заявка"
form = "request"

[[step]]
id = "charter"
section = "main"
title = "Устав"
when = { choice = "applicant", is = "ul" }

[[form]]
id = "request"
title = "Заявка"

[[form.field]]
id = "name"
type = "text"
label = "Наименование"
required = true

[[form.field]]
id = "ogrnip"
type = "ogrnip"
label = "ОГРНИП"
required_when = { choice = "applicant", is = "ip" }
"#;

#[test]
fn a_variant_change_says_first_what_done_work_it_sets_aside_and_what_it_leaves_incomplete() {
    let p = load(APPLICANT.as_bytes()).result.expect("valid");
    let now = at("2026-11-02T09:00:00Z");
    let mut run = Run::new(&p, "x", now);
    let choose = |option: &str| Command::Choose {
        choice: "applicant".into(),
        option: option.into(),
    };
    apply(&p, &mut run, choose("ul"), now).unwrap();
    let name = Command::SetField {
        field: "name".into(),
        value: crate::run::Value::Text("ООО «Ромашка»".into()),
    };
    apply(&p, &mut run, name, now).unwrap();
    apply(&p, &mut run, Command::CompleteStep("request".into()), now).unwrap();
    apply(&p, &mut run, Command::CompleteStep("charter".into()), now).unwrap();
    let impact = choice_impact(&p, &run, "applicant", "ip");
    assert_eq!(impact.done_skipped, [1]);
    assert_eq!(impact.incomplete, [(0, vec!["ogrnip".to_owned()])]);
    // Made: the done step is not silently done, and one undo takes the change back.
    apply(&p, &mut run, choose("ip"), now).unwrap();
    let state = crate::run::view::status(&p, &run, 0);
    let words = crate::run::view::status_msg(
        &p,
        &run,
        0,
        &state,
        &TimeZone::UTC,
        date("2026-12-01"),
        |d| d.to_string(),
    )
    .text(crate::i18n::Lang::Ru);
    assert!(
        words.contains("требует внимания") && words.contains("ОГРНИП"),
        "{words}"
    );
    apply(&p, &mut run, Command::Undo, now).unwrap();
    assert_eq!(run.choices["applicant"], "ul");
    assert!(run.is_done("charter"));
    let state = crate::run::view::status(&p, &run, 0);
    let words = crate::run::view::status_msg(
        &p,
        &run,
        0,
        &state,
        &TimeZone::UTC,
        date("2026-12-01"),
        |d| d.to_string(),
    )
    .text(crate::i18n::Lang::Ru);
    assert!(!words.contains("требует внимания"), "{words}");
}

#[test]
fn the_first_steps_are_actionable_and_in_progress_comes_first() {
    let p = bundled("qualified-signature");
    let mut run = Run::new(&p, "x", at("2026-11-02T09:00:00Z"));
    let first = actionable(&p, &run);
    assert!(first.contains(&0), "{first:?}");
    let later = *first.last().expect("something to do");
    let id = p.steps()[later].id.clone();
    run.steps.insert(
        id,
        StepState::InProgress {
            since: at("2026-11-02T09:00:00Z"),
            on: None,
        },
    );
    assert_eq!(actionable(&p, &run)[0], later);
}

/// The step's state in words, as every front end reads it, on `today`.
fn state_words(
    p: &Procedure,
    run: &Run,
    index: usize,
    today: &str,
    lang: crate::i18n::Lang,
) -> String {
    let status = crate::run::view::status(p, run, index);
    crate::run::view::status_msg(p, run, index, &status, &TimeZone::UTC, date(today), |d| {
        d.strftime("%d.%m.%Y").to_string()
    })
    .text(lang)
}

#[test]
fn an_answer_after_its_deadline_is_said_to_be_late_and_a_wait_says_since_when() {
    let p = bundled("rsmev-connection");
    let index = p.step_index("operator-signed-notice").unwrap();
    let mut run = Run::new(&p, "x", at("2026-10-01T09:00:00Z"));
    let recorded = at("2026-12-01T09:00:00Z");
    for step in ["agreement", "additional-agreement"] {
        let command = Command::CompleteStep(step.into());
        apply_on(
            &p,
            &mut run,
            command,
            recorded,
            on("2026-11-01", "2026-12-01"),
        )
        .unwrap();
    }
    let command = Command::WaitStep {
        step: "operator-signed-notice".into(),
        due: None,
    };
    apply_on(
        &p,
        &mut run,
        command,
        recorded,
        on("2026-11-02", "2026-12-01"),
    )
    .unwrap();
    let ru = crate::i18n::Lang::Ru;
    assert_eq!(
        state_words(&p, &run, index, "2026-11-20", ru),
        "ожидание ответа с 02.11.2026 до 30.11.2026"
    );
    assert_eq!(
        state_words(&p, &run, index, "2026-12-01", crate::i18n::Lang::En),
        "waiting for an answer since 02.11.2026 until 30.11.2026, OVERDUE"
    );
    let command = Command::CompleteStep("operator-signed-notice".into());
    apply_on(
        &p,
        &mut run,
        command,
        recorded,
        on("2026-12-01", "2026-12-01"),
    )
    .unwrap();
    assert_eq!(
        state_words(&p, &run, index, "2026-12-01", ru),
        "выполнено 01.12.2026, позже срока 30.11.2026"
    );
    // Done in time: no word of a deadline.
    apply(&p, &mut run, Command::Undo, recorded).unwrap();
    let command = Command::CompleteStep("operator-signed-notice".into());
    apply_on(
        &p,
        &mut run,
        command,
        recorded,
        on("2026-11-30", "2026-12-01"),
    )
    .unwrap();
    assert_eq!(
        state_words(&p, &run, index, "2026-12-01", ru),
        "выполнено 30.11.2026"
    );
}

#[test]
fn a_step_begun_says_since_when_and_done_work_a_variant_skips_is_said_to_be_kept() {
    let p = load(APPLICANT.as_bytes()).result.expect("valid");
    let now = at("2026-12-01T09:00:00Z");
    let mut run = Run::new(&p, "x", now);
    let choose = |option: &str| Command::Choose {
        choice: "applicant".into(),
        option: option.into(),
    };
    apply(&p, &mut run, choose("ul"), now).unwrap();
    let name = Command::SetField {
        field: "name".into(),
        value: crate::run::Value::Text("ООО «Ромашка»".into()),
    };
    apply(&p, &mut run, name, now).unwrap();
    apply(&p, &mut run, Command::CompleteStep("request".into()), now).unwrap();
    apply(&p, &mut run, Command::StartStep("charter".into()), now).unwrap();
    let ru = crate::i18n::Lang::Ru;
    assert_eq!(
        state_words(&p, &run, 1, "2026-12-02", ru),
        "выполняется с 01.12.2026"
    );
    apply(&p, &mut run, Command::CompleteStep("charter".into()), now).unwrap();
    apply(&p, &mut run, choose("ip"), now).unwrap();
    assert_eq!(
        state_words(&p, &run, 1, "2026-12-02", ru),
        "пропущено: не относится к выбранному варианту (было выполнено 01.12.2026; \
         запись сохранена и вернётся, если вариант вернуть)"
    );
    // Chosen back, it is done again.
    apply(&p, &mut run, choose("ul"), now).unwrap();
    assert_eq!(
        state_words(&p, &run, 1, "2026-12-02", ru),
        "выполнено 01.12.2026"
    );
    // A step never begun that a variant skips says only that.
    let mut run = Run::new(&p, "x", now);
    apply(&p, &mut run, choose("ip"), now).unwrap();
    assert_eq!(
        state_words(&p, &run, 1, "2026-12-02", ru),
        "пропущено: не относится к выбранному варианту"
    );
}
