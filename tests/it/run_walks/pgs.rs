//! pgs-staff-access: 12 steps in four independent stages (sections in parallel); stage 1's
//! steps independent but for the access request, which waits for the employees list; stages 3
//! and 4 in sequence; the employees list is a table with six required columns.

use super::walk::*;

pub fn employees() -> Value {
    Value::Table(vec![
        row(&[
            ("full_name", text("Иванова Мария Петровна")),
            (
                "position",
                text("Главный специалист отдела опеки и попечительства"),
            ),
            ("phone", text("+7 (81370) 2-11-45")),
            ("email", text("m.ivanova@kirovsk-reg.ru")),
            (
                "service",
                text(
                    "Выдача разрешения на вступление в брак лицам, достигшим возраста шестнадцати лет",
                ),
            ),
            ("roles", list(&["Регистратор", "Специалист"])),
        ]),
        row(&[
            ("full_name", text("Смирнов Алексей Игоревич")),
            ("position", text("Начальник отдела опеки и попечительства")),
            ("phone", text("8 (813) 702-11-46")),
            ("email", text("a.smirnov@kirovsk-reg.ru")),
            (
                "service",
                text(
                    "Выдача разрешения на вступление в брак лицам, достигшим возраста шестнадцати лет",
                ),
            ),
            ("roles", list(&["Должностное лицо"])),
        ]),
        row(&[
            ("full_name", text("Кузнецова Ольга Викторовна")),
            ("position", text("Заместитель главы администрации")),
            ("phone", text("+7 813 702 11 40")),
            ("email", text("o.kuznetsova@kirovsk-reg.ru")),
            ("service", text("Все услуги из Перечня МСЗУ")),
            ("roles", list(&["Наблюдатель"])),
        ]),
        row(&[
            ("full_name", text("Попов Дмитрий Андреевич")),
            ("position", text("Ведущий специалист сектора архитектуры")),
            ("phone", text("+7 921 555-01-02")),
            ("email", text("d.popov@kirovsk-reg.ru")),
            (
                "service",
                text("Выдача градостроительного плана земельного участка"),
            ),
            (
                "roles",
                list(&[
                    "Регистратор",
                    "Специалист",
                    "Должностное лицо",
                    "Наблюдатель",
                ]),
            ),
        ]),
    ])
}

pub fn pgs_values() -> Vec<(&'static str, Value)> {
    vec![
        ("employees_list", employees()),
        (
            "org_name",
            text("Администрация Кировского муниципального района Ленинградской области"),
        ),
        (
            "org_legal_address",
            text("187342, Ленинградская область, г. Кировск, ул. Новая, д. 1"),
        ),
        // The form's defaults, which a new run starts with; set again as an officer who
        // retypes them would.
        ("information_system", text("ТОР ПГС 2.0")),
        ("access_description", text("предоставить доступ")),
        (
            "access_basis",
            text("Распоряжение Правительства Ленинградской области от 18.06.2021 №392-р"),
        ),
        ("access_term", text("бессрочно")),
        (
            "equipment_addresses",
            text("187342, Ленинградская область, г. Кировск, ул. Новая, д. 1, каб. 12, 14"),
        ),
        ("ip_addresses", text("10.0.0.5, 10.0.0.6; 172.16.90.16")),
        ("head_name", text("И.И. Иванов")),
    ]
}

#[test]
fn pgs_staff_access_employees_table_then_every_stage_to_the_end() {
    let mut w = Walk::new("pgs-staff-access", "Администрация Кировского района");
    assert_eq!(w.p.steps().len(), 12);
    assert_eq!(w.progress(), (0, 12));
    // «Указанные мероприятия (этапы) независимы»: the first step of each stage may start now;
    // the optional «доступ Администратора утерян» holds up nothing in stage 3.
    // In stage 1, routing the traffic (2.1) does not wait for the list of step 1.
    for first in [
        "employees-list",
        "traffic-routing",
        "esnsi-directory",
        "restore-admin-access",
        "invite-employee",
        "install-cryptopro-csp",
    ] {
        assert_eq!(w.status(first), Status::Ready, "{first}");
    }
    w.assert_blocked(
        "access-request",
        &["employees-list"],
        Some(
            "В заявке указываются IP адреса согласно перечню сотрудников, оказывающих услуги, \
             согласно пункту 1 Этапа 1.",
        ),
    );
    w.assert_blocked("add-to-access-groups", &["accept-invitation"], None);
    w.assert_blocked("check-signature", &["issue-test-certificate"], None);

    // The employees list: required, and an empty table is not filled.
    assert_eq!(
        w.incomplete("employees-list"),
        [("employees_list".to_owned(), "field-required")]
    );
    w.set("employees_list", Value::Table(Vec::new()));
    assert_eq!(
        w.incomplete("employees-list"),
        [("employees_list".to_owned(), "field-required")]
    );
    let table = employees();
    let Value::Table(rows) = &table else {
        unreachable!()
    };
    let roles: Vec<&Value> = rows.iter().map(|r| &r["roles"]).collect();
    for role in [
        "Регистратор",
        "Специалист",
        "Должностное лицо",
        "Наблюдатель",
    ] {
        assert!(
            roles
                .iter()
                .any(|r| matches!(r, Value::List(l) if l.iter().any(|x| x == role))),
            "the list has a {role}"
        );
    }
    let values = pgs_values();
    w.step("employees-list", &values);
    assert_eq!(
        w.run.values["employees_list"],
        as_kept(&w.p, "employees_list", table)
    );
    w.step("traffic-routing", &values);
    // 2.2 is ready once the list is there, whatever else is done.
    assert_eq!(w.status("access-request"), Status::Ready);

    // The access request: every required field without a default named (the information
    // system and the access description start with theirs), then a bad IP address refused.
    assert_eq!(
        w.incomplete("access-request"),
        [
            "org_name",
            "org_legal_address",
            "access_basis",
            "access_term",
            "equipment_addresses",
            "ip_addresses",
            "head_name",
        ]
        .map(|id| (id.to_owned(), "field-required"))
    );
    for (field, value) in &values {
        if *field != "employees_list" {
            w.set(field, value.clone());
        }
    }
    w.set("ip_addresses", text("10.0.0.5, 10.0.0.300"));
    assert_eq!(
        w.incomplete("access-request"),
        [("ip_addresses".to_owned(), "invalid-ip")]
    );
    w.step("access-request", &values);
    assert_eq!(
        w.run.values["ip_addresses"],
        text("10.0.0.5, 10.0.0.6; 172.16.90.16")
    );

    let walked = w.walk_rest(&values);
    assert_eq!(
        walked,
        strings(&[
            "esnsi-directory",
            "restore-admin-access",
            "invite-employee",
            "accept-invitation",
            "add-to-access-groups",
            "install-cryptopro-csp",
            "install-cades-plugin",
            "issue-test-certificate",
            "check-signature",
        ])
    );
    w.assert_finished(12, &[]);
}

/// A new pgs run whose employees list is the four rows of [`employees`], the second replaced
/// by `bad`.
pub fn pgs_with_row(bad: BTreeMap<String, Value>) -> Walk {
    let mut w = Walk::new("pgs-staff-access", "Администрация Кировского района");
    let Value::Table(mut rows) = employees() else {
        unreachable!()
    };
    rows[1] = bad;
    w.set("employees_list", Value::Table(rows));
    w
}

#[test]

pub fn pgs_a_row_with_an_invalid_cell_makes_the_employees_list_incomplete() {
    // The table has no СНИЛС column; its typed columns are the phone and the e-mail.
    let good = || {
        row(&[
            ("full_name", text("Смирнов Алексей Игоревич")),
            ("position", text("Начальник отдела опеки и попечительства")),
            ("phone", text("8 (813) 702-11-46")),
            ("email", text("a.smirnov@kirovsk-reg.ru")),
            ("service", text("Выдача разрешения на вступление в брак")),
            ("roles", list(&["Должностное лицо"])),
        ])
    };
    // The same row, well formed, goes through.
    let mut w = pgs_with_row(good());
    w.apply(Command::CompleteStep("employees-list".into()))
        .expect("four well-formed rows");

    for (column, value) in [
        ("phone", text("702-11")),
        ("email", text("a.smirnov@kirovsk-reg")),
        ("roles", list(&["Администратор"])),
    ] {
        let mut bad = good();
        bad.insert(column.to_owned(), value);
        let mut w = pgs_with_row(bad);
        let problems = w.incomplete("employees-list");
        assert!(
            problems.iter().any(|(field, _)| field == "employees_list"),
            "a bad {column} in row 2: {problems:?}"
        );
    }
}

#[test]

pub fn pgs_a_row_without_a_required_cell_makes_the_employees_list_incomplete() {
    for column in [
        "full_name",
        "position",
        "phone",
        "email",
        "service",
        "roles",
    ] {
        let mut bad = row(&[
            ("full_name", text("Смирнов Алексей Игоревич")),
            ("position", text("Начальник отдела опеки и попечительства")),
            ("phone", text("8 (813) 702-11-46")),
            ("email", text("a.smirnov@kirovsk-reg.ru")),
            ("service", text("Выдача разрешения на вступление в брак")),
            ("roles", list(&["Должностное лицо"])),
        ]);
        bad.remove(column);
        let mut w = pgs_with_row(bad);
        let problems = w.incomplete("employees-list");
        assert!(
            problems.iter().any(|(field, _)| field == "employees_list"),
            "row 2 without {column}: {problems:?}"
        );
    }
}
