//! antivirus-licenses: 21 steps; four variants (sections variant-1 … variant-4, exactly one
//! applies), the question «Заявитель» (ОИВ, ИС or both) asked only in variants 1–3, and the
//! optional, parallel media-pack track (5 steps, one of them only when KL8069RMZZZ is ordered).
//! Within a section only the links the table's words imply hold a step up.

use super::walk::*;

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
pub fn antivirus_values(kl8069rmzzz: bool, approved: bool) -> Vec<(&'static str, Value)> {
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
pub fn antivirus_start(variant: &str, applicant: Option<&str>) -> Walk {
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
    // Until ОИВ or ИС is chosen, both requests are undecided, and both hold up the results
    // that answer them.
    assert_eq!(w.status("v1-oiv-request"), Status::Undecided);
    assert_eq!(w.status("v1-is-request"), Status::Undecided);
    w.assert_blocked("v1-results", &["v1-oiv-request", "v1-is-request"], None);

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
    // Items 3 and 4 apply to both applicants; neither waits for the other, and the results
    // wait for the license request they answer.
    assert_eq!(w.status("v2-connect"), Status::Ready);
    assert_eq!(w.status("v2-license-request"), Status::Ready);
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
    // ИС: item 1 for everyone and «+ Для ИС» beside it; not ordering KL8069RMZZZ: 7 steps.
    let mut w = antivirus_start("v3", Some("is"));
    assert_eq!(w.progress(), (0, 8));
    let values = antivirus_values(false, false);
    assert_eq!(w.status("v3-is-request"), Status::Ready);
    w.assert_blocked("v3-results", &["v3-request", "v3-is-request"], None);
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
    w.assert_blocked("v4-meeting", &["v4-request"], None);
    w.step("v4-request", &values);
    // The meeting clarifies the letter while the management weighs it: it does not wait for
    // the approval.
    w.apply(Command::WaitStep {
        step: "v4-approval".into(),
        due: None,
    })
    .expect("waiting for the approval");
    assert_eq!(w.status("v4-meeting"), Status::Ready);
    w.apply(Command::CompleteStep("v4-approval".into()))
        .expect_err("the outcome of the approval is not recorded yet");
    w.set("v4_approved", Value::Bool(true));
    w.apply(Command::CompleteStep("v4-approval".into()))
        .expect("approved");
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
    // Within the track the request follows the rules and, when KL8069RMZZZ is ordered, the
    // form; the form step is undecided until the rules are read, and holds up the request.
    assert_eq!(w.status("mediapack-kl8069rmzzz-form"), Status::Undecided);
    w.assert_blocked(
        "mediapack-edo-request",
        &["mediapack-rules", "mediapack-kl8069rmzzz-form"],
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

#[test]
fn antivirus_variant_1_for_an_applicant_with_both_workstations_and_an_information_system() {
    // «АРМ/серверов ИС»: both items of variant 1, neither waiting for the other; not ordering
    // KL8069RMZZZ: 7 steps.
    let mut w = antivirus_start("v1", Some("both"));
    assert_eq!(w.progress(), (0, 8));
    let values = antivirus_values(false, false);
    assert_eq!(w.status("v1-oiv-request"), Status::Ready);
    assert_eq!(w.status("v1-is-request"), Status::Ready);
    w.assert_blocked("v1-results", &["v1-oiv-request", "v1-is-request"], None);
    w.step("v1-is-request", &values);
    w.assert_blocked("v1-results", &["v1-oiv-request"], None);
    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "v1-oiv-request",
            "v1-results",
            "mediapack-rules",
            "mediapack-edo-request",
            "mediapack-email-duplicate",
            "mediapack-results",
        ])
    );
    w.assert_finished(
        7,
        &[
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
