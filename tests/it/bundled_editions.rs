//! Runs saved under an earlier edition of a bundled procedure open under the edition bundled
//! now: what still has its place keeps it, what lost it is kept aside (`run::reconcile`).
//! The earlier editions are kept in `tests/editions/`.

use poryadok::procedure::{Procedure, load};
use poryadok::run::command::{Command, apply};
use poryadok::run::reconcile::reconcile;
use poryadok::run::view::{Status, status};
use poryadok::run::{StepState, Value};
use poryadok::store::Store;

use crate::common::{at, bundled};

fn edition(file: &str) -> Procedure {
    let path = format!("{}/tests/editions/{file}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    load(&bytes).result.expect("the earlier edition is valid")
}

#[test]
fn an_esia_run_of_the_single_chain_edition_opens_under_the_parallel_one() {
    let old = edition("esia-service-centres-1.toml");
    let new = bundled("esia-service-centres");
    assert_eq!(old.id(), new.id());
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let (mut session, mut run) = store.create(&old, "Администрация", at(0)).unwrap();
    let mut clock = 0;
    let mut act = |run: &mut poryadok::run::Run, command: Command| {
        clock += 60;
        apply(&old, run, command, at(clock)).unwrap_or_else(|r| panic!("{r:?}"));
    };
    act(
        &mut run,
        Command::SetField {
            field: "tech_official_name".into(),
            value: Value::Text("Коваленко И.П.".into()),
        },
    );
    act(
        &mut run,
        Command::SetField {
            field: "operators_list".into(),
            value: Value::Text("Ким С.В.".into()),
        },
    );
    // In the old chain: all of part 1 and 2, then part 3 up to the agency's check.
    for step in [
        "head-esia-account",
        "head-qualified-signature",
        "register-organisation",
        "agency-confirms-registration",
        "tech-official",
        "operators-list",
        "officials-esia-ready",
        "pep-application",
        "pep-application-send",
        "pep-application-check",
    ] {
        act(&mut run, Command::CompleteStep(step.into()));
    }
    session.save(&old, &run, at(clock)).unwrap();
    drop(session);

    let (_, opened) = store.open_run("esia-service-centres-1").unwrap();
    let mut run = opened.run;
    let moved = reconcile(&new, &mut run);
    assert_eq!(moved.version_changed, Some(("1".into(), "2".into())));
    // The agency's check is no longer a step of its own: kept aside, not lost.
    assert_eq!(moved.set_aside, ["step:pep-application-check"]);
    assert!(matches!(
        run.aside.steps.get("pep-application-check"),
        Some(StepState::Done { .. })
    ));
    // Everything else done stays done, and the values stay.
    assert_eq!(
        run.values["tech_official_name"],
        Value::Text("Коваленко И.П.".into())
    );
    for step in [
        "registration-done",
        "officials-esia-ready",
        "pep-application-send",
    ] {
        let index = new.step_index(step).unwrap();
        assert_eq!(status(&new, &run, index), Status::Done, "{step}");
    }
    // The wait for the approval is next, and part 4 is open without waiting for part 3.
    for step in [
        "pep-ministry-approval",
        "arm-application",
        "portal-operators-access",
    ] {
        let index = new.step_index(step).unwrap();
        assert_eq!(status(&new, &run, index), Status::Ready, "{step}");
    }
}

#[test]
fn an_rsmev_run_of_the_exclusive_edition_keeps_its_choice_under_the_one_with_both() {
    let old = edition("rsmev-connection-2012.toml");
    let new = bundled("rsmev-connection");
    assert_eq!(old.id(), new.id());
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let (mut session, mut run) = store.create(&old, "Минтруд СК", at(0)).unwrap();
    let mut clock = 0;
    let mut act = |run: &mut poryadok::run::Run, command: Command| {
        clock += 60;
        apply(&old, run, command, at(clock)).unwrap_or_else(|r| panic!("{r:?}"));
    };
    act(
        &mut run,
        Command::Choose {
            choice: "service_path".into(),
            option: "federal".into(),
        },
    );
    // The old edition chained stage 1 before stage 2 and every step after the one before.
    for step in [
        "agreement",
        "additional-agreement",
        "operator-signed-notice",
        "crypto-ready",
        "crypto-install",
        "equipment-act",
        "ep-ov",
    ] {
        act(&mut run, Command::CompleteStep(step.into()));
    }
    session.save(&old, &run, at(clock)).unwrap();
    drop(session);

    let (_, opened) = store.open_run("rsmev-connection-1").unwrap();
    let mut run = opened.run;
    let moved = reconcile(&new, &mut run);
    assert_eq!(
        moved.version_changed,
        Some(("2012".into(), "2012-3".into()))
    );
    // The option chosen still exists: nothing is set aside, the branch stays the same.
    assert!(moved.set_aside.is_empty(), "{:?}", moved.set_aside);
    assert_eq!(run.choices["service_path"], "federal");
    for step in ["equipment-act", "ep-ov"] {
        let index = new.step_index(step).unwrap();
        assert_eq!(status(&new, &run, index), Status::Done, "{step}");
    }
    // The request of stage 2 now has a form to fill; 3б stays skipped.
    let request = new.step_index("is-connection-request").unwrap();
    assert_eq!(status(&new, &run, request), Status::Ready);
    let own = new.step_index("own-decision").unwrap();
    assert_eq!(status(&new, &run, own), Status::Skipped);
    // The federal decision no longer waits for stages 1 and 2.
    let decision = new.step_index("federal-decision").unwrap();
    assert_eq!(status(&new, &run, decision), Status::Ready);
}

#[test]
fn a_signature_run_of_the_split_step_ten_edition_opens_under_the_one_step_per_number_one() {
    let old = edition("qualified-signature-1.toml");
    let new = bundled("qualified-signature");
    assert_eq!(old.id(), new.id());
    assert_eq!((old.steps().len(), new.steps().len()), (15, 14));
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let (mut session, mut run) = store.create(&old, "Петрова А.С.", at(0)).unwrap();
    let mut clock = 0;
    let mut act = |run: &mut poryadok::run::Run, command: Command| {
        clock += 60;
        apply(&old, run, command, at(clock)).unwrap_or_else(|r| panic!("{r:?}"));
    };
    for (field, value) in [
        ("department", "Кафедра прикладной математики"),
        ("full_name", "Петрова Анна Сергеевна"),
        ("inn", "500100732259"),
        ("mobile_phone", "+79123456789"),
        ("corporate_email", "a.petrova@university.ru"),
        (
            "grounds",
            "Подписание документов в 1С Электронный документооборот",
        ),
    ] {
        act(
            &mut run,
            Command::SetField {
                field: field.into(),
                value: Value::Text(value.into()),
            },
        );
    }
    act(
        &mut run,
        Command::SetField {
            field: "has_key_carrier".into(),
            value: Value::Bool(false),
        },
    );
    // In the old edition, up to the visit that was the second half of the document's step 10.
    for step in &old.steps()[..11] {
        act(&mut run, Command::CompleteStep(step.id.clone()));
    }
    assert_eq!(old.steps()[10].id, "visit");
    session.save(&old, &run, at(clock)).unwrap();
    drop(session);

    let (_, opened) = store.open_run("qualified-signature-1").unwrap();
    let mut run = opened.run;
    let moved = reconcile(&new, &mut run);
    assert_eq!(moved.version_changed, Some(("1".into(), "3".into())));
    // The visit is part of step 10 now: kept aside, not lost; the values stay.
    assert_eq!(moved.set_aside, ["step:visit"]);
    assert!(matches!(
        run.aside.steps.get("visit"),
        Some(StepState::Done { .. })
    ));
    assert_eq!(
        run.values["full_name"],
        Value::Text("Петрова Анна Сергеевна".into())
    );
    // Steps 1–10 of the document are done (step 10 is «wait-call»), step 11 is next.
    for step in &new.steps()[..10] {
        let index = new.step_index(&step.id).unwrap();
        assert_eq!(status(&new, &run, index), Status::Done, "{}", step.id);
    }
    let next = new.step_index("verify-identity").unwrap();
    assert_eq!(next, 10, "the document's step 11 is the 11th on screen");
    assert_eq!(status(&new, &run, next), Status::Ready);
}

#[test]
fn an_antivirus_run_of_the_chained_edition_opens_with_the_meeting_free_to_go() {
    let old = edition("antivirus-licenses-1.toml");
    let new = bundled("antivirus-licenses");
    assert_eq!(old.id(), new.id());
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let (mut session, mut run) = store.create(&old, "ГБУ", at(0)).unwrap();
    let mut clock = 0;
    let mut act = |run: &mut poryadok::run::Run, command: Command| {
        clock += 60;
        apply(&old, run, command, at(clock)).unwrap_or_else(|r| panic!("{r:?}"));
    };
    act(
        &mut run,
        Command::Choose {
            choice: "variant".into(),
            option: "v4".into(),
        },
    );
    act(
        &mut run,
        Command::SetField {
            field: "subordinate_impossible_justification".into(),
            value: Value::Text("Сервер в изолированном сегменте".into()),
        },
    );
    act(&mut run, Command::CompleteStep("v4-request".into()));
    act(
        &mut run,
        Command::WaitStep {
            step: "v4-approval".into(),
            due: None,
        },
    );
    let meeting = old.step_index("v4-meeting").unwrap();
    assert!(matches!(
        status(&old, &run, meeting),
        Status::Blocked { .. }
    ));
    session.save(&old, &run, at(clock)).unwrap();
    drop(session);

    let (_, opened) = store.open_run("antivirus-licenses-1").unwrap();
    let mut run = opened.run;
    let moved = reconcile(&new, &mut run);
    assert_eq!(moved.version_changed, Some(("1".into(), "2".into())));
    assert!(moved.set_aside.is_empty(), "{:?}", moved.set_aside);
    // The approval is still awaited, the letter done, and the meeting may go now.
    let approval = new.step_index("v4-approval").unwrap();
    assert_eq!(status(&new, &run, approval), Status::Waiting { due: None });
    let request = new.step_index("v4-request").unwrap();
    assert_eq!(status(&new, &run, request), Status::Done);
    let meeting = new.step_index("v4-meeting").unwrap();
    assert_eq!(status(&new, &run, meeting), Status::Ready);
}
