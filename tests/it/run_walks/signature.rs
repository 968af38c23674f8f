//! qualified-signature: 14 steps in one sequence, one per «Шаг N.»; step 8 requires step 7 with
//! the document's reason; steps 6 and 10 wait for the CA's approval. tests/run_scenarios.rs
//! already walks it to (14, 14); here the gate and the waits.

use super::walk::*;

pub fn signature_values() -> Vec<(&'static str, Value)> {
    vec![
        ("department", text("Кафедра прикладной математики")),
        ("full_name", text("Петрова Анна Сергеевна")),
        ("inn", text("500100732259")),
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
        ],
        &values,
    );
    // Step 6 waits for the approval of the application sent at step 5.
    w.apply(Command::WaitStep {
        step: "choose-delivery".into(),
        due: None,
    })
    .expect("waiting for the approval");
    assert_eq!(w.status("choose-delivery"), Status::Waiting { due: None });
    w.assert_blocked("get-token", &["choose-delivery"], None);
    w.apply(Command::CompleteStep("choose-delivery".into()))
        .expect("approved, the way to receive chosen");
    assert_eq!(w.run.values["inn"], text("500100732259"));
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
    assert_eq!(w.progress(), (8, 14));
    // Step 10 waits for the approval of the request and the call; the visit is part of it.
    w.step("send-request", &values);
    w.step("wait-call", &values);
    w.assert_blocked("issue-certificate", &["verify-identity"], None);
    assert_eq!(w.progress(), (10, 14));
}

#[test]
fn qualified_signature_asks_for_the_users_own_inn_and_a_mobile_number() {
    let mut w = Walk::new("qualified-signature", "Петрова А.С.");
    for (field, value) in signature_values() {
        w.set(field, value);
    }
    // An organisation's ИНН (10 digits) and a landline are kept as typed but refused.
    w.set("inn", text("7707083893"));
    w.set("mobile_phone", text("8 (812) 123-45-67"));
    assert_eq!(
        w.incomplete("application"),
        [
            ("inn".to_owned(), "invalid-length"),
            ("mobile_phone".to_owned(), "invalid-mobile")
        ]
    );
    w.set("inn", text("500100732259"));
    w.set("mobile_phone", text("8 (912) 345-67-89"));
    w.apply(Command::CompleteStep("application".into()))
        .expect("a person's ИНН and a mobile number");
}
