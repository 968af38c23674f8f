//! rsmev-connection: 21 steps; stages 1 (6 steps) and 2 (5, one optional) for everyone, then
//! stage 3а (5 steps), 3б (5 steps) or both by the choice «service_path»: 16 steps per branch,
//! 21 with both. The stages do not wait for one another as a whole: only the links the slides
//! state or imply hold a step up.

use super::walk::*;

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
        (
            "information_systems",
            Value::Table(vec![row(&[
                ("name", text("АИС «Социальная защита населения»")),
                (
                    "details",
                    text("Назначение и выплата мер социальной поддержки"),
                ),
            ])]),
        ),
        (
            "ep_ov_means",
            Value::Table(vec![row(&[
                (
                    "name",
                    text("Сертификат ЭП-ОВ АИС «Социальная защита населения»"),
                ),
                (
                    "details",
                    text("Серийный номер 01D2 5A7F, действует до 31.12.2013"),
                ),
            ])]),
        ),
    ]
}

/// Stages 1 and 2 up to the testing, with the links between them checked on the way; then the
/// branch chosen.
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
    // Stage 2 starts beside stage 1: the ЭП-ОВ waits for no agreement.
    assert_eq!(w.status("ep-ov"), Status::Ready);
    w.assert_blocked(
        "additional-agreement",
        &["agreement"],
        Some("Дополнительное соглашение заключается к соглашению с оператором РСМЭВ о взаимодействии."),
    );
    w.assert_blocked(
        "is-connection-request",
        &["ep-ov"],
        Some("К запросу прикладывается информация о средствах ЭП-ОВ, полученных участником информационного взаимодействия."),
    );
    // A step that waits for two things says why for each.
    w.assert_blocked(
        "is-testing",
        &["is-registration", "equipment-act"],
        Some("Тестируется подключение информационных систем, зарегистрированных оператором РСМЭВ. Информационные системы подключаются к РСМЭВ через криптооборудование, установленное и переданное на этапе 1."),
    );
    w.steps(&["ep-ov", "agreement", "additional-agreement"], &values);
    // The request carries the form with the systems and the ЭП-ОВ means.
    w.step("is-connection-request", &values);
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
    w.assert_blocked(
        "crypto-ready",
        &["operator-signed-notice"],
        Some("Криптооборудование передаётся по дополнительному соглашению, подписанному оператором РСМЭВ со своей стороны."),
    );
    w.step("is-registration", &values);
    // The testing of the connection needs the equipment of stage 1: only that link's own
    // reason is said, the registration being done.
    w.assert_blocked(
        "is-testing",
        &["equipment-act"],
        Some("Информационные системы подключаются к РСМЭВ через криптооборудование, установленное и переданное на этапе 1."),
    );
    w.apply(Command::CompleteStep("operator-signed-notice".into()))
        .expect("the notice came");
    w.steps(
        &[
            "crypto-ready",
            "crypto-install",
            "equipment-act",
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
    w
}

#[test]
fn rsmev_branch_3a_federal_service_to_the_end() {
    let mut w = rsmev_to_stage_3("federal");
    assert_eq!(w.progress(), (10, 16));
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
        Some("Тестируется сервис, подключенный по заявке, направленной в Минкомсвязи РФ."),
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
    assert_eq!(w.progress(), (10, 16));
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

#[test]
fn rsmev_one_participant_both_connects_a_federal_service_and_develops_its_own() {
    let mut w = rsmev_to_stage_3("both");
    assert_eq!(w.progress(), (10, 21));
    let values = rsmev_values();
    // Neither case waits for the other.
    w.steps(&["own-decision", "own-development"], &values);
    assert_eq!(w.status("federal-decision"), Status::Ready);
    w.steps(&["federal-decision", "federal-application"], &values);
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "fix-shortcomings",
            "federal-application-registered",
            "federal-application-to-ministry",
            "federal-testing",
            "own-documents",
            "own-documents-to-ministry",
            "own-testing",
        ])
    );
    w.assert_finished(21, &[]);
    assert!(w.run.values.contains_key("own_service"));
    assert!(w.run.values.contains_key("federal_service"));
}
