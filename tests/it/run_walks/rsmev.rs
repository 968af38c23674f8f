//! rsmev-connection: 21 steps; stages 1 (6 steps) and 2 (5, one optional) for everyone, then
//! stage 3а (5 steps) or 3б (5 steps) by the choice «service_path»: 16 steps per branch.

use super::walk::*;

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

pub fn rsmev_values() -> Vec<(&'static str, Value)> {
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
pub fn rsmev_to_stage_3(option: &str) -> Walk {
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
