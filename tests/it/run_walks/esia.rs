//! esia-service-centres: 24 steps, six parts in sequence, each part in sequence.

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
