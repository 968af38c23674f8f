//! What the engine must refuse: steps without their results, steps that do not apply.

use super::antivirus::{antivirus_start, antivirus_values};
use super::esia::esia_values;
use super::walk::*;

#[test]

pub fn a_step_cannot_be_completed_without_its_required_results() {
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

pub fn a_step_of_a_variant_not_chosen_cannot_be_completed() {
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

pub fn a_step_undecided_for_want_of_a_choice_cannot_be_completed() {
    // docs/procedure-format.md: while a condition is undecided «the wizard shows the step as
    // waiting for that decision rather than guessing».
    let mut w = Walk::new("antivirus-licenses", "ГБУ");
    assert_eq!(w.status("v1-oiv-request"), Status::Undecided);
    w.refuse(Command::CompleteStep("v1-oiv-request".into()));
    assert_eq!(w.status("v1-oiv-request"), Status::Undecided);
}
