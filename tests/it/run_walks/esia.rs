//! esia-service-centres: 22 steps in six parts that may run at the same time; the only orders
//! are those the plan states or implies between items (`requires`), and the last control event
//! waits for every part.

use super::walk::*;

pub fn esia_values() -> Vec<(&'static str, Value)> {
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
    assert_eq!(w.p.steps().len(), 22);
    assert_eq!(w.progress(), (0, 22));
    let values = esia_values();
    // What may start at once: the head's prerequisites (1.1, 1.2), determining the officials
    // (2.1, 2.2) and preparing both applications (3.1, 4.1); no part waits for another.
    for ready in [
        "head-esia-account",
        "head-qualified-signature",
        "tech-official",
        "operators-list",
        "pep-application",
        "arm-application",
    ] {
        assert_eq!(w.status(ready), Status::Ready, "{ready}");
    }
    // 1.3 needs the head's account of 1.1 and signature of 1.2.
    let head = "Руководитель регистрирует орган (организацию) под своей учётной записью в ЕСИА \
                (1.1) с помощью ЭП (1.2).";
    w.assert_blocked(
        "register-organisation",
        &["head-esia-account", "head-qualified-signature"],
        Some(head),
    );
    w.step("head-qualified-signature", &values);
    w.assert_blocked("register-organisation", &["head-esia-account"], Some(head));
    w.steps(&["head-esia-account", "register-organisation"], &values);
    // The control event closes part 1 only after the agency has confirmed.
    w.assert_blocked("registration-done", &["agency-confirms-registration"], None);

    // Both applications go out before the body is registered, and the approval of appendix И
    // does not wait for that of appendix З.
    w.steps(
        &[
            "pep-application",
            "pep-application-send",
            "arm-application",
            "arm-application-send",
        ],
        &values,
    );
    w.assert_blocked("pep-status-done", &["pep-ministry-approval"], None);
    w.step("arm-ministry-approval", &values);
    // The control event is reached by the approval itself: nobody ticks it a second time.
    assert_eq!(w.status("arm-approval-done"), Status::Done);

    // 2.3: the officials are determined in 2.1 and 2.2 and join the profile of a registered body.
    w.steps(&["tech-official", "operators-list"], &values);
    w.assert_blocked(
        "officials-esia-ready",
        &["registration-done"],
        Some(
            "Должностные лица определяются в частях 2.1 и 2.2 и присоединяются к профилю \
             организации в ЕСИА, который появляется после регистрации органа (организации) в \
             ЕСИА (часть 1).",
        ),
    );
    assert_eq!(
        w.run.values["tech_official_name"],
        text("Коваленко Игорь Петрович, консультант отдела информатизации")
    );
    // 5.1 is the 2.1 official's request in the organisation's profile, joined in 2.3.
    w.assert_blocked(
        "portal-operators-access",
        &["officials-esia-ready"],
        Some(
            "Доступ запрашивает должностное лицо, указанное в части 2.1, присоединённое к \
             профилю организации в ЕСИА (часть 2.3).",
        ),
    );
    // 6.2 needs the right to use АРМ ЕСИА версии 2 (part 4): reached with its approval above,
    // so nothing holds it up.
    assert_eq!(w.status("workstations-setup"), Status::Ready);
    // The last control event waits for every part.
    w.assert_blocked(
        "service-centre-ready",
        &[
            "registration-done",
            "officials-esia-ready",
            "pep-status-done",
            "service-centres-done",
            "operators-group",
            "workstations-setup",
        ],
        None,
    );
    // The officer does the steps; the five control events are reached by themselves.
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "agency-confirms-registration",
            "officials-esia-ready",
            "pep-ministry-approval",
            "portal-operators-access",
            "add-service-centres",
            "operators-group",
            "workstations-setup",
        ])
    );
    for event in [
        "registration-done",
        "pep-status-done",
        "arm-approval-done",
        "service-centres-done",
        "service-centre-ready",
    ] {
        assert_eq!(w.status(event), Status::Done, "{event}");
    }
    w.assert_finished(22, &[]);
}
