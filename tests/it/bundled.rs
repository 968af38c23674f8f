//! The shape of each bundled procedure: what its source document says must be there.

use poryadok::catalog::bundled_files;
use poryadok::procedure::model::{Channel, Order, StepKind};
use poryadok::procedure::{Condition, FieldType, Procedure, Scalar, load};
use poryadok::run::Run;
use poryadok::run::view::blockers;
use std::collections::BTreeSet;

use jiff::Timestamp;

fn bundled(id: &str) -> Procedure {
    bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .find(|p| p.id() == id)
        .unwrap_or_else(|| panic!("bundled procedure {id} is missing or invalid"))
}

/// `{ choice = choice, is = option }`.
fn is_choice(condition: Option<&Condition>, choice: &str, option: &str) -> bool {
    condition.is_some_and(|c| {
        c.choice.as_deref() == Some(choice) && c.is == Some(Scalar::Text(option.to_owned()))
    })
}

/// For each step, every step it waits for, directly or through others, on a new run with these
/// choices made: explicit `requires` and the implied order of sections and steps together.
fn waits_for(p: &Procedure, run: &Run) -> Vec<BTreeSet<String>> {
    let direct: Vec<Vec<String>> = (0..p.steps().len())
        .map(|index| blockers(p, run, index))
        .collect();
    (0..p.steps().len())
        .map(|start| {
            let mut seen = BTreeSet::new();
            let mut todo = direct[start].clone();
            while let Some(id) = todo.pop() {
                if seen.insert(id.clone()) {
                    todo.extend(direct[p.step_index(&id).expect("a step")].iter().cloned());
                }
            }
            seen
        })
        .collect()
}

/// The shape of the order of a procedure: who waits for whom.
struct Waits {
    p: Procedure,
    run: Run,
    waits: Vec<BTreeSet<String>>,
}

impl Waits {
    fn new(id: &str, choices: &[(&str, &str)]) -> Waits {
        let p = bundled(id);
        let mut run = Run::new(&p, "проверка", Timestamp::UNIX_EPOCH);
        for (choice, option) in choices {
            run.choices.insert((*choice).into(), (*option).into());
        }
        let waits = waits_for(&p, &run);
        Waits { p, run, waits }
    }

    fn of(&self, step: &str) -> &BTreeSet<String> {
        &self.waits[self
            .p
            .step_index(step)
            .unwrap_or_else(|| panic!("no step {step}"))]
    }

    /// `a` waits for `b`, directly or not.
    #[track_caller]
    fn assert_waits(&self, a: &str, b: &str) {
        assert!(
            self.of(a).contains(b),
            "{a} should wait for {b}: {:?}",
            self.of(a)
        );
    }

    /// Neither waits for the other: they may be done at the same time.
    #[track_caller]
    fn assert_parallel(&self, a: &str, b: &str) {
        assert!(
            !self.of(a).contains(b) && !self.of(b).contains(a),
            "{a} and {b} should not wait for each other"
        );
    }

    /// The steps a step waits for directly, on a new run with the choices made.
    fn direct(&self, step: &str) -> Vec<String> {
        blockers(&self.p, &self.run, self.p.step_index(step).expect("a step"))
    }

    fn milestones(&self) -> Vec<&str> {
        self.p
            .steps()
            .iter()
            .filter(|s| s.kind == StepKind::Milestone)
            .map(|s| s.id.as_str())
            .collect()
    }
}

#[test]
fn every_bundled_procedure_loads() {
    assert_eq!(bundled_files().len(), 5);
    for (name, bytes) in bundled_files() {
        let loaded = load(bytes);
        assert!(loaded.result.is_ok(), "{name}: {:#?}", loaded.result.err());
    }
}

#[test]
fn qualified_signature_gates_the_request_on_the_token() {
    let o = Waits::new("qualified-signature", &[]);
    let p = &o.p;
    assert_eq!(p.sections().len(), 1);
    assert_eq!(p.sections()[0].step_order, Order::Sequence);
    // One step per «Шаг N.» of the document, in its order: the number on screen (the position,
    // from 1) is the number the document quotes.
    assert_eq!(p.steps().len(), 14);
    for (index, step) in p.steps().iter().enumerate() {
        let body = step.body.as_deref().expect("a body quoting the step");
        let number = index + 1;
        assert!(
            body.trim_start().starts_with(&format!("Шаг {number}.")),
            "step {number} ({}) quotes {:?}",
            step.id,
            body.lines().find(|l| !l.is_empty())
        );
    }
    let gate = p.step("generate-request").expect("step 8");
    assert_eq!(gate.requires, ["get-token"]);
    assert_eq!(
        gate.requires_reason.as_deref(),
        Some("Приступать к шагу 8 возможно только после получения Rutoken lite (токена)!")
    );
    assert_eq!(p.step_index("get-token"), Some(6));
    assert_eq!(p.step_index("generate-request"), Some(7));
    // The waits «После одобрения заявки» (step 6, after step 5) and «После одобрения запроса»
    // (step 10, after step 9), both on the CA; the call comes «В течении 1 рабочего дня».
    let waits: Vec<_> = p
        .steps()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == StepKind::Wait)
        .map(|(i, s)| (i + 1, s.id.as_str(), s.actor.as_deref()))
        .collect();
    assert_eq!(
        waits,
        [
            (6, "choose-delivery", Some("ca")),
            (10, "wait-call", Some("ca"))
        ]
    );
    o.assert_waits("choose-delivery", "submit-documents");
    o.assert_waits("wait-call", "send-request");
    let wait = p.step("wait-call").expect("the wait for the call");
    assert_eq!(wait.deadline.as_ref().and_then(|d| d.working_days), Some(1));
    assert_eq!(wait.prepare, ["Паспорт"]);
    assert!(o.milestones().is_empty());
    let actors: Vec<_> = p
        .steps()
        .iter()
        .filter_map(|s| s.actor.as_deref())
        .collect();
    assert!(actors.contains(&"infosec") && actors.contains(&"ca"));
    let form = p.form("application").expect("the application form");
    let types: Vec<FieldType> = form.fields.iter().filter_map(|f| f.kind).collect();
    // «ИНН» of the user: a person's; «номер телефона (сотовый)»: a mobile one.
    for wanted in [
        FieldType::InnPerson,
        FieldType::Mobile,
        FieldType::Email,
        FieldType::Yesno,
    ] {
        assert!(types.contains(&wanted), "{wanted:?} missing");
    }
    assert!(form.fields.iter().all(|f| f.required));
}

#[test]
fn rsmev_connection_branches_at_stage_three() {
    let o = Waits::new("rsmev-connection", &[("service_path", "both")]);
    let p = &o.p;
    let choice = &p.file().choices[0];
    assert_eq!(choice.id, "service_path");
    let options: Vec<_> = choice.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(options, ["federal", "own", "both"]);
    // 3а and 3б are two cases, not alternatives: «both» applies both sections.
    let in_choice = |section: &str| {
        p.section(section)
            .and_then(|s| s.when.as_ref())
            .filter(|w| w.choice.as_deref() == Some("service_path"))
            .and_then(|w| w.one_of.clone())
            .unwrap_or_else(|| panic!("{section} applies by service_path"))
    };
    assert_eq!(in_choice("stage-3a"), ["federal", "both"]);
    assert_eq!(in_choice("stage-3b"), ["own", "both"]);
    assert!(p.steps_in("stage-3a").count() >= 3 && p.steps_in("stage-3b").count() >= 3);
    // The stages do not wait for one another as a whole; no control events on the slides.
    assert_eq!(p.file().procedure.section_order, Order::Parallel);
    assert!(o.milestones().is_empty());
    for (a, b) in [
        ("ep-ov", "agreement"),
        ("is-connection-request", "equipment-act"),
        ("federal-decision", "is-testing"),
        ("own-development", "is-testing"),
        ("federal-testing", "own-testing"),
        ("own-decision", "federal-application"),
        ("fix-shortcomings", "federal-testing"),
    ] {
        o.assert_parallel(a, b);
    }
    // What the slides state or imply: the additional agreement adds to the agreement, the
    // equipment comes under it, the request carries the ЭП-ОВ, the tests need the connection.
    assert_eq!(o.direct("additional-agreement"), ["agreement"]);
    assert_eq!(o.direct("crypto-ready"), ["operator-signed-notice"]);
    assert_eq!(o.direct("is-connection-request"), ["ep-ov"]);
    assert_eq!(o.direct("is-testing"), ["is-registration", "equipment-act"]);
    assert_eq!(
        o.direct("federal-testing"),
        ["federal-application-to-ministry", "is-testing"]
    );
    assert_eq!(
        o.direct("own-testing"),
        ["own-documents-to-ministry", "is-testing"]
    );
    for (a, b) in [
        ("equipment-act", "agreement"),
        ("own-documents", "own-decision"),
        ("federal-application-to-ministry", "federal-decision"),
    ] {
        o.assert_waits(a, b);
    }
    // The steps the officer may find blocked say why, in the slides' words; a test step that
    // waits for two things has a reason for each.
    for step in [
        "additional-agreement",
        "crypto-ready",
        "is-connection-request",
    ] {
        assert!(
            p.step(step)
                .and_then(|s| s.requires_reason.as_ref())
                .is_some(),
            "{step}"
        );
    }
    for step in ["is-testing", "federal-testing", "own-testing"] {
        let step = p.step(step).expect("a test step");
        let with_reason: Vec<&String> = step.requires_reasons.keys().collect();
        let mut required: Vec<&String> = step.requires.iter().collect();
        required.sort();
        assert_eq!(with_reason, required, "{}", step.id);
    }
    // The connection request has a form: the systems and the ЭП-ОВ means, attached to it.
    let request = p.step("is-connection-request").expect("2.2");
    assert_eq!(request.form.as_deref(), Some("is-connection-request"));
    assert_eq!(request.letters[0].attach, ["is-connection-request"]);
    let form = p.form("is-connection-request").expect("the request form");
    let tables: Vec<_> = form
        .fields
        .iter()
        .filter(|f| f.kind == Some(FieldType::Table) && f.required)
        .filter_map(|f| f.id.as_deref())
        .collect();
    assert_eq!(tables, ["information_systems", "ep_ov_means"]);
    // «не позднее 20 рабочих дней» from the signing of the additional agreement.
    let wait = p
        .step("operator-signed-notice")
        .expect("the operator's answer");
    assert_eq!(wait.kind, StepKind::Wait);
    let deadline = wait.deadline.as_ref().expect("deadline");
    assert_eq!(deadline.working_days, Some(20));
    assert_eq!(deadline.from.as_deref(), Some("additional-agreement"));
    // Reference material is information, not steps.
    assert!(p.file().references.len() >= 2);
    let titles: Vec<_> = p
        .file()
        .references
        .iter()
        .map(|r| r.title.as_str())
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("Сельские поселения")),
        "{titles:?}"
    );
}

#[test]
fn antivirus_licenses_has_four_exclusive_variants_and_an_independent_mediapack_track() {
    let p = bundled("antivirus-licenses");
    let file = p.file();
    let shape = |variant: &str, applicant: &str| {
        Waits::new(
            "antivirus-licenses",
            &[("variant", variant), ("applicant", applicant)],
        )
    };
    let variant = file
        .choices
        .iter()
        .find(|c| c.id == "variant")
        .expect("the variant choice");
    let options: Vec<_> = variant.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(options, ["v1", "v2", "v3", "v4"]);
    for (section, option) in [
        ("variant-1", "v1"),
        ("variant-2", "v2"),
        ("variant-3", "v3"),
        ("variant-4", "v4"),
    ] {
        let s = p.section(section).expect("a section per variant");
        assert!(is_choice(s.when.as_ref(), "variant", option), "{section}");
    }
    // ОИВ/подведы versus ИС: asked only in the variants that distinguish them.
    let applicant = file
        .choices
        .iter()
        .find(|c| c.id == "applicant")
        .expect("the applicant choice");
    let asked = applicant
        .when
        .as_ref()
        .and_then(|w| w.one_of.clone())
        .expect("asked for some variants");
    assert_eq!(asked, ["v1", "v2", "v3"]);
    // Not exclusive: variant 1 connects «АРМ/серверов ИС», and one applicant may have both.
    let options: Vec<_> = applicant.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(options, ["oiv", "is", "both"]);
    let applies_to = |step: &str| {
        p.step(step)
            .and_then(|s| s.when.as_deref())
            .filter(|w| w.choice.as_deref() == Some("applicant"))
            .and_then(|w| w.one_of.clone())
            .unwrap_or_else(|| panic!("{step} applies by applicant"))
    };
    for variant in ["v1", "v2"] {
        assert_eq!(
            applies_to(&format!("{variant}-oiv-request")),
            ["oiv", "both"]
        );
        assert_eq!(applies_to(&format!("{variant}-is-request")), ["is", "both"]);
    }
    assert_eq!(applies_to("v3-is-request"), ["is", "both"]);
    assert!(p.step("v3-request").expect("3.1").when.is_none());
    let both = shape("v1", "both");
    both.assert_parallel("v1-oiv-request", "v1-is-request");
    assert_eq!(
        both.direct("v1-results"),
        ["v1-oiv-request", "v1-is-request"]
    );
    // No control events in the table; the results are waits on the ДИТ.
    assert!(both.milestones().is_empty());
    for results in ["v1-results", "v2-results", "v3-results", "v4-results"] {
        assert_eq!(p.step(results).expect("results").kind, StepKind::Wait);
    }
    // Variant 2: items 3 and 4 wait for the application, not for each other; the results wait
    // for the license request.
    let v2 = shape("v2", "is");
    v2.assert_parallel("v2-connect", "v2-license-request");
    v2.assert_waits("v2-connect", "v2-is-request");
    v2.assert_waits("v2-results", "v2-license-request");
    // Variant 3: «+ Для ИС» goes beside item 1.
    shape("v3", "is").assert_parallel("v3-request", "v3-is-request");
    // Variant 4: the meeting clarifies the letter while the approval is awaited; it waits for
    // the letter, not for the approval. The working order waits for the approval.
    let v4 = Waits::new("antivirus-licenses", &[("variant", "v4")]);
    v4.assert_parallel("v4-meeting", "v4-approval");
    assert_eq!(v4.direct("v4-meeting"), ["v4-request"]);
    assert_eq!(v4.direct("v4-working-order"), ["v4-approval"]);
    assert!(p.step("v4-meeting").expect("meeting").optional);
    // The media pack: the duplicate follows the ЭДО request, which follows the rules.
    assert_eq!(
        both.direct("mediapack-email-duplicate"),
        ["mediapack-edo-request"]
    );
    both.assert_waits("mediapack-edo-request", "mediapack-rules");
    both.assert_parallel("mediapack-rules", "v1-oiv-request");
    // The distribution (медиапак) is its own optional track, independent of the variants.
    assert_eq!(file.procedure.section_order, Order::Parallel);
    let mediapack = p.section("mediapack").expect("the mediapack track");
    assert!(mediapack.optional && mediapack.when.is_none());
    // The «Сервер KSC» page: mandatory in variant 2, left empty in variants 1 and 3.
    let form = p.form("request-is").expect("the ИС request form");
    let page = form
        .pages
        .iter()
        .find(|page| page.title.contains("Сервер KSC"))
        .expect("the page");
    assert!(is_choice(page.required_when.as_ref(), "variant", "v2"));
    let empty = page
        .empty_when
        .as_ref()
        .and_then(|w| w.one_of.clone())
        .expect("empty_when");
    assert_eq!(empty, ["v1", "v3"]);
    // Letters through ЭДО are duplicated to the mailbox.
    let request = p.step("v1-oiv-request").expect("v1 request");
    assert!(
        request
            .letters
            .iter()
            .any(|l| l.channel == Some(Channel::Edo))
    );
    assert!(
        request
            .letters
            .iter()
            .any(|l| l.to == ["stp_ksaz@it.mos.ru"])
    );
    // Results: links, a console login and a secret password.
    let results = &p.step("v1-results").expect("v1 results").results;
    let password = results
        .iter()
        .find(|r| r.id.as_deref() == Some("v1_ksc_password"))
        .expect("password");
    assert!(password.secret);
    assert!(results.iter().filter(|r| r.secret).count() == 1);
    // Variant 4 needs a written justification.
    let justification = p
        .form("subordinate-impossible-justification")
        .expect("justification form");
    assert!(
        justification
            .fields
            .iter()
            .any(|f| f.required && f.kind == Some(FieldType::Multiline))
    );
}

#[test]
fn esia_service_centres_closes_its_parts_with_control_events() {
    let o = Waits::new("esia-service-centres", &[]);
    let p = &o.p;
    assert_eq!(p.sections().len(), 6);
    // The plan states no order between its parts.
    assert_eq!(p.file().procedure.section_order, Order::Parallel);
    // Parts 1, 3, 4, 5 and 6 end with a control event; part 2 has none in the document.
    assert_eq!(
        o.milestones(),
        [
            "registration-done",
            "pep-status-done",
            "arm-approval-done",
            "service-centres-done",
            "service-centre-ready"
        ]
    );
    for section in p.sections() {
        let last = p.steps_in(&section.id).last().expect("steps");
        assert_eq!(
            last.kind == StepKind::Milestone,
            section.id != "officials",
            "{}",
            section.id
        );
    }
    // Each part's control event follows the step that achieves it; the last one closes every
    // part.
    assert_eq!(
        o.direct("registration-done"),
        ["agency-confirms-registration"]
    );
    assert_eq!(o.direct("pep-status-done"), ["pep-ministry-approval"]);
    assert_eq!(o.direct("arm-approval-done"), ["arm-ministry-approval"]);
    assert_eq!(o.direct("service-centres-done"), ["add-service-centres"]);
    let last = o.of("service-centre-ready");
    assert_eq!(last.len(), p.steps().len() - 1, "{last:?}");
    // One wait per application for the agency's check and the ministry's approval; no wait
    // repeats a control event.
    assert!(p.step("pep-application-check").is_none() && p.step("arm-application-check").is_none());
    let waits: Vec<_> = p
        .steps()
        .iter()
        .filter(|s| s.kind == StepKind::Wait)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        waits,
        [
            "agency-confirms-registration",
            "pep-ministry-approval",
            "arm-ministry-approval"
        ]
    );
    // What the plan does not order may go at the same time.
    for (a, b) in [
        ("head-esia-account", "head-qualified-signature"),
        ("tech-official", "register-organisation"),
        ("operators-list", "head-esia-account"),
        ("pep-application", "register-organisation"),
        ("arm-application", "pep-status-done"),
        ("pep-application", "officials-esia-ready"),
        ("add-service-centres", "pep-status-done"),
        ("add-service-centres", "arm-approval-done"),
        ("operators-group", "workstations-setup"),
        ("operators-group", "service-centres-done"),
    ] {
        o.assert_parallel(a, b);
    }
    // What it states or implies, and only that.
    for (a, b) in [
        ("register-organisation", "head-esia-account"),
        ("register-organisation", "head-qualified-signature"),
        ("officials-esia-ready", "registration-done"),
        ("officials-esia-ready", "tech-official"),
        ("portal-operators-access", "officials-esia-ready"),
        ("add-service-centres", "portal-operators-access"),
        ("operators-group", "operators-list"),
        ("workstations-setup", "arm-approval-done"),
        ("pep-status-done", "pep-application"),
    ] {
        o.assert_waits(a, b);
    }
    assert_eq!(
        o.direct("officials-esia-ready"),
        ["tech-official", "operators-list", "registration-done"]
    );
    assert!(
        p.step("officials-esia-ready")
            .and_then(|s| s.requires_reason.as_deref())
            .is_some_and(|r| r.contains("2.1 и 2.2"))
    );
    // The applications go to the agency's address and on to the ministry for approval.
    for send in ["pep-application-send", "arm-application-send"] {
        let step = p.step(send).expect("send step");
        assert_eq!(step.letters[0].to, ["esia@kamgov.ru"]);
        assert_eq!(step.letters[0].channel, Some(Channel::Email));
    }
    assert_eq!(
        p.step("pep-ministry-approval")
            .expect("approval")
            .actor
            .as_deref(),
        Some("ministry")
    );
}

#[test]
fn pgs_staff_access_runs_four_independent_stages_with_two_forms() {
    let o = Waits::new("pgs-staff-access", &[]);
    let p = &o.p;
    // «Указанные мероприятия (этапы) независимы друг от друга»
    assert_eq!(p.file().procedure.section_order, Order::Parallel);
    assert_eq!(p.sections().len(), 4);
    assert!(o.milestones().is_empty());
    // Stage 1: routing the traffic (2.1) and the list (step 1) are independent; the access
    // request (2.2) names the list of step 1.
    o.assert_parallel("traffic-routing", "employees-list");
    o.assert_parallel("traffic-routing", "access-request");
    assert_eq!(o.direct("access-request"), ["employees-list"]);
    // Stage 3 and 4 follow the document's order; the optional step holds up nothing.
    assert_eq!(o.direct("invite-employee"), Vec::<String>::new());
    assert_eq!(o.direct("add-to-access-groups"), ["accept-invitation"]);
    assert_eq!(o.direct("check-signature"), ["issue-test-certificate"]);
    // No stage waits for another.
    for (a, b) in [
        ("employees-list", "esnsi-directory"),
        ("access-request", "add-to-access-groups"),
        ("install-cryptopro-csp", "invite-employee"),
    ] {
        o.assert_parallel(a, b);
    }
    // The employees list: a table with a multiselect of the four roles.
    let employees = p.form("employees").expect("the employees list");
    let table = employees
        .fields
        .iter()
        .find(|f| f.kind == Some(FieldType::Table))
        .expect("table");
    let roles = table
        .columns
        .iter()
        .find(|c| c.id == "roles")
        .expect("roles column");
    assert_eq!(roles.kind, FieldType::Multiselect);
    assert_eq!(
        roles.options,
        [
            "Регистратор",
            "Специалист",
            "Должностное лицо",
            "Наблюдатель"
        ]
    );
    // The access request reuses the employees and asks for IP addresses.
    let request = p.form("access-request").expect("the access request");
    assert_eq!(
        request.addressee.as_deref(),
        Some("Комитет цифрового развития ЛО")
    );
    assert!(
        request
            .fields
            .iter()
            .any(|f| f.reuse.as_deref() == Some("employees_list"))
    );
    let ips = request
        .fields
        .iter()
        .find(|f| f.kind == Some(FieldType::IpList))
        .expect("IP addresses");
    assert!(ips.required);
    assert_eq!(
        request.signature.as_ref().map(|s| s.role.as_str()),
        Some("Руководитель")
    );
    // The letter: to kis@lenreg.ru, copy to nk_grishina@lenreg.ru, the fixed subject.
    let letter = p
        .steps()
        .iter()
        .flat_map(|s| &s.letters)
        .find(|l| l.to == ["kis@lenreg.ru"])
        .expect("the letter to kis@lenreg.ru");
    assert_eq!(letter.cc, ["nk_grishina@lenreg.ru"]);
    assert_eq!(
        letter.subject.as_deref(),
        Some("Форма заявки на разграничение доступа к ЕСПД")
    );
    // What goes is the signed scan the officer makes, not the unsigned form.
    assert!(letter.attach.is_empty(), "{:?}", letter.attach);
    assert_eq!(
        letter.attach_files,
        ["Подписанный скан заявки на разграничение доступа к ЕСПД"]
    );
    // The role model is reference material.
    assert!(p.file().references.iter().any(|r| r.id == "role-model"));
}

#[test]
fn every_letter_of_every_bundled_procedure_has_a_body_that_lists_its_attachments() {
    for (name, bytes) in bundled_files() {
        let p = load(bytes).result.expect("valid");
        for step in p.steps() {
            for letter in &step.letters {
                let what = format!("{name}: {} / {:?}", step.id, letter.title);
                let body = letter.body.as_deref().unwrap_or_else(|| panic!("{what}"));
                // What is sent is said in the body: «Направляем …», «Дублируем …», «Просим …».
                assert!(
                    ["Направляем", "Дублируем", "Просим"]
                        .iter()
                        .any(|verb| body.contains(verb)),
                    "{what}: {body}"
                );
                if !letter.attach.is_empty() {
                    assert!(body.contains("Приложение"), "{what}: {body}");
                }
            }
        }
    }
}
