//! Runs of the bundled procedures filled as an officer would, with a plausible value of every
//! field type, for the tests of the form exports.

use std::collections::BTreeMap;

use poryadok::procedure::Procedure;
use poryadok::procedure::field::{Field, FieldType};
use poryadok::run::command::{Command, apply};
use poryadok::run::eval::choice_applies;
use poryadok::run::{Run, Value};

use crate::common::at;

pub fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

pub fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|item| (*item).to_owned()).collect())
}

pub fn row(cells: &[(&str, Value)]) -> BTreeMap<String, Value> {
    cells
        .iter()
        .map(|(column, value)| ((*column).to_owned(), value.clone()))
        .collect()
}

/// The pgs employees list, three rows.
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
                text("Выдача градостроительного плана земельного участка"),
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
    ])
}

/// What officers type into the bundled forms, by field id; any field not named here gets a
/// plausible value of its type from [`plausible`].
pub fn typed_values() -> Vec<(&'static str, Value)> {
    vec![
        // qualified-signature
        ("department", text("Кафедра прикладной математики")),
        ("full_name", text("Петрова Анна Сергеевна")),
        ("inn", text("500100732259")),
        ("mobile_phone", text("+7 912 345-67-89")),
        ("corporate_email", text("a.petrova@university.ru")),
        ("has_key_carrier", Value::Bool(false)),
        (
            "grounds",
            text(
                "Подписание документов в 1С Электронный документооборот\nПодписание заявок на портале закупок",
            ),
        ),
        // pgs-staff-access
        ("employees_list", employees()),
        (
            "org_name",
            text("Администрация Кировского муниципального района Ленинградской области"),
        ),
        (
            "org_legal_address",
            text("187342, Ленинградская область, г. Кировск, ул. Новая, д. 1"),
        ),
        ("information_system", text("ТОР ПГС 2.0")),
        ("access_description", text("предоставить доступ")),
        (
            "access_basis",
            text("Распоряжение Правительства Ленинградской области от 18.06.2021 №392-р"),
        ),
        ("access_term", text("бессрочно")),
        (
            "equipment_addresses",
            text(
                "187342, Ленинградская область, г. Кировск, ул. Новая, д. 1, каб. 12\n\
                 187342, Ленинградская область, г. Кировск, ул. Новая, д. 1, каб. 14",
            ),
        ),
        ("ip_addresses", text("10.0.0.5, 10.0.0.6; 172.16.90.16")),
        ("head_name", text("И.И. Иванов")),
        // antivirus-licenses
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
                 аттестатом соответствия № 77-АС-0412 от 14.02.2025.\nПодключение сервера \
                 10.0.0.5 в качестве подчиненного нарушит требования аттестата.",
            ),
        ),
    ]
}

/// A value of the field's type, for fields [`typed_values`] does not name (step results and
/// the like).
pub fn plausible(kind: Option<FieldType>, options: &[String], label: &str) -> Value {
    match kind {
        Some(FieldType::Multiline) => text(&format!("{label}:\nпервая строка\nвторая строка")),
        Some(FieldType::Number) => text("12"),
        Some(FieldType::Date) => text("01.12.2025"),
        Some(FieldType::Email) => text("officer@example.gov.ru"),
        Some(FieldType::Phone) => text("+7 912 345-67-89"),
        Some(FieldType::Mobile) => text("+7 912 345-67-89"),
        Some(FieldType::Inn | FieldType::InnOrg) => text("500100732259"),
        Some(FieldType::InnPerson) => text("500100732259"),
        Some(FieldType::Snils) => text("112-233-445 95"),
        Some(FieldType::Ogrn) => text("1027700132195"),
        Some(FieldType::Kpp) => text("773601001"),
        Some(FieldType::IpList) => text("10.0.0.5"),
        Some(FieldType::Url) => text("https://example.gov.ru/result"),
        Some(FieldType::Select) => text(options.first().map_or("да", String::as_str)),
        Some(FieldType::Multiselect) => Value::List(options.iter().take(2).cloned().collect()),
        Some(FieldType::Yesno) => Value::Bool(true),
        _ => text(&format!("{label} — получено")),
    }
}

pub fn set(p: &Procedure, run: &mut Run, field: &str, value: Value) {
    let command = Command::SetField {
        field: field.to_owned(),
        value,
    };
    apply(p, run, command, at(60)).unwrap_or_else(|r| panic!("setting {field}: {r:?}"));
}

/// Every field a procedure defines (form fields and step results), with its definition.
pub fn defined_fields(p: &Procedure) -> Vec<Field> {
    let forms = p.file().forms.iter().flat_map(|f| f.fields.iter());
    let results = p.steps().iter().flat_map(|s| s.results.iter());
    forms
        .chain(results)
        .filter(|f| f.id.is_some())
        .cloned()
        .collect()
}

/// A run with every field filled: the typed values where given, a plausible one otherwise;
/// the choices made as `choose` says (the first option of any choice it leaves out).
pub fn filled_run(p: &Procedure, choose: &[(&str, &str)], values: &[(&str, Value)]) -> Run {
    let mut run = Run::new(p, "Администрация Кировского района", at(0));
    for choice in &p.file().choices {
        if choice_applies(p, &run, &choice.id) == Some(false) {
            continue;
        }
        let option = choose
            .iter()
            .find(|(c, _)| *c == choice.id)
            .map_or(choice.options[0].id.as_str(), |(_, o)| o);
        let command = Command::Choose {
            choice: choice.id.clone(),
            option: option.to_owned(),
        };
        apply(p, &mut run, command, at(30)).expect("a choice the procedure offers");
    }
    for field in defined_fields(p) {
        let id = field.id.as_deref().expect("filtered on id");
        let value = match values.iter().find(|(f, _)| *f == id) {
            Some((_, value)) => value.clone(),
            None if field.kind == Some(FieldType::Table) => Value::Table(vec![
                field
                    .columns
                    .iter()
                    .map(|c| {
                        let value = plausible(Some(c.kind), &c.options, &c.label);
                        (c.id.clone(), value)
                    })
                    .collect(),
            ]),
            None => plausible(
                field.kind,
                &field.options,
                field.label.as_deref().unwrap_or(id),
            ),
        };
        set(p, &mut run, id, value);
    }
    run
}
