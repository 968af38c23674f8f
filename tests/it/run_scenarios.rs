//! Walking bundled procedures through the engine, as an officer would.

use crate::common::{at, bundled};

use poryadok::procedure::Procedure;
use poryadok::run::command::{Command, Refusal, apply};
use poryadok::run::state::Recorded;
use poryadok::run::view::{Status, progress, status};
use poryadok::run::{Run, Value};

fn set(p: &Procedure, run: &mut Run, field: &str, value: &str) {
    let command = Command::SetField {
        field: field.into(),
        value: Value::Text(value.into()),
    };
    apply(p, run, command, at(1)).expect("field set");
}

#[test]
fn qualified_signature_from_start_to_finish_with_the_gate() {
    let p = bundled("qualified-signature");
    let mut run = Run::new(&p, "Иванов И.И.", at(0));
    // The application cannot be completed while the form is empty or wrong.
    match apply(
        &p,
        &mut run,
        Command::CompleteStep("application".into()),
        at(1),
    ) {
        Err(Refusal::Incomplete(problems)) => assert_eq!(problems.len(), 7, "{problems:?}"),
        other => panic!("{other:?}"),
    }
    set(&p, &mut run, "department", "Кафедра информатики");
    set(&p, &mut run, "full_name", "Иванов Иван Иванович");
    set(&p, &mut run, "inn", "500100732250");
    set(&p, &mut run, "mobile_phone", "8 (912) 345-67-89");
    set(&p, &mut run, "corporate_email", "ivanov@university.ru");
    set(&p, &mut run, "grounds", "Подписание документов в ЭДО");
    apply(
        &p,
        &mut run,
        Command::SetField {
            field: "has_key_carrier".into(),
            value: Value::Bool(false),
        },
        at(2),
    )
    .expect("set");
    match apply(
        &p,
        &mut run,
        Command::CompleteStep("application".into()),
        at(3),
    ) {
        Err(Refusal::Incomplete(problems)) => {
            assert_eq!(
                problems
                    .iter()
                    .map(|(id, _)| id.as_str())
                    .collect::<Vec<_>>(),
                ["inn"]
            );
        }
        other => panic!("{other:?}"),
    }
    set(&p, &mut run, "inn", "500100732259");
    for step in [
        "application",
        "open-cabinet",
        "login",
        "upload-documents",
        "submit-documents",
        "choose-delivery",
    ] {
        apply(&p, &mut run, Command::CompleteStep(step.into()), at(10))
            .unwrap_or_else(|r| panic!("{step}: {r:?}"));
    }
    // Step 8 before step 7: refused with the document's reason.
    match apply(
        &p,
        &mut run,
        Command::CompleteStep("generate-request".into()),
        at(11),
    ) {
        Err(Refusal::Blocked { by, reason }) => {
            assert_eq!(by, ["get-token"]);
            assert_eq!(
                reason.as_deref(),
                Some("Приступать к шагу 8 возможно только после получения Rutoken lite (токена)!")
            );
        }
        other => panic!("{other:?}"),
    }
    for step in p.steps().iter().skip(6) {
        apply(&p, &mut run, Command::CompleteStep(step.id.clone()), at(20))
            .unwrap_or_else(|r| panic!("{}: {r:?}", step.id));
    }
    assert_eq!(progress(&p, &run), (14, 14));
    // Reopening the token step says which done steps depended on it.
    let outcome = apply(
        &p,
        &mut run,
        Command::ReopenStep("get-token".into()),
        at(30),
    )
    .expect("reopen");
    assert!(
        outcome.affected.contains(&"generate-request".to_owned()),
        "{:?}",
        outcome.affected
    );
    apply(&p, &mut run, Command::Undo, at(31)).expect("undo");
    assert_eq!(progress(&p, &run), (14, 14));
}

#[test]
fn undo_takes_back_changes_one_by_one_and_journals_everything() {
    let p = bundled("rsmev-connection");
    let mut run = Run::new(&p, "Минтруд СК", at(0));
    apply(
        &p,
        &mut run,
        Command::Choose {
            choice: "service_path".into(),
            option: "federal".into(),
        },
        at(1),
    )
    .expect("choose");
    apply(
        &p,
        &mut run,
        Command::Choose {
            choice: "service_path".into(),
            option: "own".into(),
        },
        at(2),
    )
    .expect("choose");
    let own = p.step_index("own-decision").expect("3б");
    let federal = p.step_index("federal-decision").expect("3а");
    assert_ne!(status(&p, &run, own), Status::Skipped);
    assert_eq!(status(&p, &run, federal), Status::Skipped);
    apply(&p, &mut run, Command::Undo, at(3)).expect("undo");
    assert_eq!(run.choices["service_path"], "federal");
    apply(&p, &mut run, Command::Undo, at(4)).expect("undo");
    assert!(!run.choices.contains_key("service_path"));
    assert_eq!(
        apply(&p, &mut run, Command::Undo, at(5)),
        Err(Refusal::NothingToUndo)
    );
    assert_eq!(run.journal.len(), 4);
}

#[test]
fn secret_values_never_enter_the_journal() {
    let p = bundled("antivirus-licenses");
    let mut run = Run::new(&p, "ГБУ", at(0));
    let sentinel = "пароль-9f3c";
    set(&p, &mut run, "v1_ksc_password", sentinel);
    set(&p, &mut run, "v1_ksc_password", "второй");
    apply(&p, &mut run, Command::Undo, at(3)).expect("undo");
    let journal = format!("{:?}", run.journal);
    assert!(
        !journal.contains(sentinel) && !journal.contains("второй"),
        "{journal}"
    );
    assert!(
        run.journal
            .iter()
            .all(|e| !matches!(e.new, Some(Recorded::Value(_))))
    );
}

#[test]
fn an_optional_step_can_be_passed_over_and_counts_as_done() {
    let p = bundled("pgs-staff-access");
    let mut run = Run::new(&p, "Администрация", at(0));
    let (done, all) = progress(&p, &run);
    apply(
        &p,
        &mut run,
        Command::PassOver("restore-admin-access".into()),
        at(1),
    )
    .expect("an optional step may be passed over");
    let index = p.step_index("restore-admin-access").unwrap();
    assert_eq!(status(&p, &run, index), Status::Done);
    assert_eq!(progress(&p, &run), (done + 1, all));
    assert!(matches!(
        run.steps.get("restore-admin-access"),
        Some(poryadok::run::StepState::Done {
            passed_over: true,
            ..
        })
    ));
    // A step the procedure requires cannot be passed over.
    let required = p.steps().iter().find(|s| !s.optional).unwrap().id.clone();
    assert_eq!(
        apply(&p, &mut run, Command::PassOver(required.clone()), at(2)),
        Err(Refusal::NotOptional(required))
    );
}

#[test]
fn a_bad_table_cell_is_named_by_its_row_and_column() {
    use std::collections::BTreeMap;
    let p = bundled("pgs-staff-access");
    let mut run = Run::new(&p, "Администрация", at(0));
    let cell = |text: &str| Value::Text(text.into());
    let good: BTreeMap<String, Value> = [
        ("full_name", cell("Смирнов Алексей Игоревич")),
        ("position", cell("Начальник отдела")),
        ("phone", cell("8 (813) 702-11-46")),
        ("email", cell("a.smirnov@kirovsk-reg.ru")),
        ("service", cell("Выдача разрешения")),
        ("roles", Value::List(vec!["Должностное лицо".into()])),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let mut bad = good.clone();
    bad.insert("phone".into(), cell("702-11"));
    let command = Command::SetField {
        field: "employees_list".into(),
        value: Value::Table(vec![good, bad]),
    };
    apply(&p, &mut run, command, at(1)).unwrap();
    let Err(Refusal::Incomplete(problems)) = apply(
        &p,
        &mut run,
        Command::CompleteStep("employees-list".into()),
        at(2),
    ) else {
        panic!("a bad phone in row 2 must hold up the step")
    };
    let (field, msg) = &problems[0];
    assert_eq!(field, "employees_list");
    let args: Vec<_> = msg.args.iter().map(|(name, _)| *name).collect();
    assert!(args.contains(&"row") && args.contains(&"column"), "{msg:?}");
    assert!(
        msg.args.contains(&("row", poryadok::i18n::Arg::Number(2))),
        "{msg:?}"
    );
    // The officer reads where the problem is, then what it is.
    let text = msg.text(poryadok::i18n::Lang::Ru);
    assert!(
        text.starts_with("строка 2, «Телефон для взаимодействия»: ") && text.contains("10 цифр"),
        "{text}"
    );
}

/// The engine keeps a phone number in the form counterparts expect, whoever sets it (the
/// wizard, the line-by-line mode, a script): in a field, and in a table's phone column; a text
/// that is not a phone number is kept as typed, for the check to name.
#[test]
fn phone_numbers_are_kept_in_their_normal_form() {
    let p = bundled("qualified-signature");
    let mut run = Run::new(&p, "Иванов И.И.", at(0));
    set(&p, &mut run, "mobile_phone", "8 (912) 345-67-89");
    assert_eq!(
        run.values["mobile_phone"],
        Value::Text("+7 912 345-67-89".into())
    );
    set(&p, &mut run, "mobile_phone", "8 (912) 345");
    assert_eq!(
        run.values["mobile_phone"],
        Value::Text("8 (912) 345".into())
    );

    let p = bundled("pgs-staff-access");
    let mut run = Run::new(&p, "Администрация", at(0));
    let row = |phone: &str| {
        [("full_name", "Иванова Мария Петровна"), ("phone", phone)]
            .into_iter()
            .map(|(column, text)| (column.to_owned(), Value::Text(text.to_owned())))
            .collect()
    };
    let command = Command::SetField {
        field: "employees_list".into(),
        value: Value::Table(vec![row("+7 (81370) 2-11-45"), row("не знаю")]),
    };
    apply(&p, &mut run, command, at(1)).expect("field set");
    assert_eq!(
        run.values["employees_list"],
        Value::Table(vec![row("+7 813 702-11-45"), row("не знаю")])
    );
}

#[test]
fn a_decision_step_is_done_by_choosing_and_not_before() {
    let text = r#"
[procedure]
format = 1
id = "decision"
title = "Электронная подпись руководителя в ФНС"
version = "1"
source = "Проверка"
summary = "Проверка шага-решения."

[[choice]]
id = "holder"
title = "Кто получает подпись"

[[choice.option]]
id = "ul"
title = "Руководитель ЮЛ"

[[choice.option]]
id = "ip"
title = "ИП"

[[section]]
id = "main"
title = "Получение подписи"

[[step]]
id = "who"
section = "main"
title = "Выбор: ЮЛ или ИП"
decides = "holder"

[[step]]
id = "ogrnip"
section = "main"
title = "Сведения об ИП"
when = { choice = "holder", is = "ip" }
"#;
    let p = poryadok::procedure::load(text.as_bytes())
        .result
        .expect("a valid procedure");
    let mut run = Run::new(&p, "ИП Иванов", at(0));
    let who = p.step_index("who").unwrap();
    // Not chosen yet: completing the decision is refused as undecided, and the step after it
    // cannot know whether it applies.
    assert_eq!(status(&p, &run, who), Status::Ready);
    // The wizard and plain mode show the question with the step, and the answer once given.
    use poryadok::run::view::decision;
    assert_eq!(
        decision(&p, &run, who),
        Some(("Кто получает подпись", None))
    );
    assert_eq!(decision(&p, &run, p.step_index("ogrnip").unwrap()), None);
    assert_eq!(
        apply(&p, &mut run, Command::CompleteStep("who".into()), at(1)),
        Err(Refusal::Undecided("who".into()))
    );
    let after = p.step_index("ogrnip").unwrap();
    assert_eq!(status(&p, &run, after), Status::Undecided);
    let choose = Command::Choose {
        choice: "holder".into(),
        option: "ip".into(),
    };
    apply(&p, &mut run, choose, at(2)).expect("chosen");
    assert_eq!(
        decision(&p, &run, who),
        Some(("Кто получает подпись", Some("ИП")))
    );
    apply(&p, &mut run, Command::CompleteStep("who".into()), at(3)).expect("decided");
    assert_eq!(status(&p, &run, who), Status::Done);
    assert_eq!(status(&p, &run, after), Status::Ready);
}

#[test]
fn a_control_event_is_reached_by_itself_dated_by_the_last_step_before_it() {
    use jiff::civil::Date;
    use poryadok::run::command::{Day, apply_on};
    use poryadok::run::view::{StatusCode, status_msg};
    let p = bundled("esia-service-centres");
    let mut run = Run::new(&p, "Администрация", at(0));
    let day = |text: &str| {
        Some(Day {
            on: text.parse::<Date>().unwrap(),
            today: "2026-12-01".parse().unwrap(),
        })
    };
    let milestone = p.step_index("registration-done").unwrap();
    for (step, on) in [
        ("head-esia-account", "2026-05-04"),
        ("head-qualified-signature", "2026-05-05"),
        ("register-organisation", "2026-05-06"),
    ] {
        apply_on(
            &p,
            &mut run,
            Command::CompleteStep(step.into()),
            at(1),
            day(on),
        )
        .unwrap();
    }
    assert!(!run.is_done("registration-done"));
    let words = |run: &Run| {
        let state = status(&p, run, milestone);
        let utc = jiff::tz::TimeZone::UTC;
        status_msg(
            &p,
            run,
            milestone,
            &state,
            &utc,
            at(1).to_zoned(utc.clone()).date(),
            |d| d.to_string(),
        )
        .text(poryadok::i18n::Lang::En)
    };
    assert!(
        words(&run).starts_with("control event: reached once done"),
        "{}",
        words(&run)
    );
    // Ticked by hand before its steps are done: what it waits for is said.
    let early = apply(
        &p,
        &mut run,
        Command::CompleteStep("registration-done".into()),
        at(2),
    );
    assert!(matches!(early, Err(Refusal::Blocked { .. })), "{early:?}");
    // The agency's confirmation, recorded a week later as of 8 May: the event is reached that day.
    let confirm = Command::CompleteStep("agency-confirms-registration".into());
    apply_on(&p, &mut run, confirm, at(3), day("2026-05-08")).unwrap();
    assert!(run.is_done("registration-done"));
    assert_eq!(words(&run), "reached 2026-05-08");
    // The officer does not tick it by hand, nor reopen it.
    for command in [
        Command::CompleteStep("registration-done".into()),
        Command::ReopenStep("registration-done".into()),
    ] {
        assert_eq!(
            apply(&p, &mut run, command, at(3)),
            Err(Refusal::Milestone("registration-done".into()))
        );
    }
    let state = status(&p, &run, milestone);
    assert_eq!(
        StatusCode::of(&p, &run, milestone, &state),
        StatusCode::Reached
    );
    // Not journaled: it follows from the journal. Undoing the confirmation takes it back.
    assert!(
        !run.journal
            .iter()
            .any(|e| e.what.to_string() == "step:registration-done")
    );
    apply(&p, &mut run, Command::Undo, at(4)).unwrap();
    assert!(!run.is_done("registration-done"));
}
