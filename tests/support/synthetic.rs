//! Generated procedures of any size, for benchmarks and stress tests.
//!
//! The text uses every part of the format the real procedures use (choices, conditions,
//! dependencies with reasons, letters, deadlines, forms with typed fields and tables), in the
//! proportions of the bundled ones, so that timings measured on it mean something.
//!
//! Not part of the library: the unit tests, the integration tests, the benchmarks and the
//! `synthetic` example each include this file as a module of their own (`#[path]`).

use std::fmt::Write as _;

/// Steps per section in a generated procedure.
const SECTION_SIZE: usize = 50;

/// The TOML text of a valid procedure with `steps` steps (at least one).
pub fn procedure_text(steps: usize) -> String {
    let steps = steps.max(1);
    let sections = steps.div_ceil(SECTION_SIZE);
    let mut out = String::with_capacity(steps * 400);
    let _ = write!(
        out,
        r#"[procedure]
format = 1
id = "synthetic-{steps}"
title = "Сгенерированная процедура на {steps} шагов"
version = "1"
issuer = "poryadok"
region = "—"
source = "Сгенерирована для замеров производительности"
summary = """
Процедура для **замеров**: {sections} разделов, {steps} шагов.
"""

[[actor]]
id = "operator"
name = "Оператор"

[[choice]]
id = "variant"
title = "Вариант"
[[choice.option]]
id = "a"
title = "Вариант А"
[[choice.option]]
id = "b"
title = "Вариант Б"
"#
    );
    for section in 0..sections {
        let _ = write!(
            out,
            r#"
[[section]]
id = "s{section}"
title = "Раздел {section}"
step_order = "{order}"
"#,
            order = if section % 3 == 2 {
                "parallel"
            } else {
                "sequence"
            }
        );
        if section % 4 == 3 {
            out.push_str("when = { choice = \"variant\", is = \"b\" }\n");
        }
    }
    let forms = steps.div_ceil(100);
    for step in 0..steps {
        let section = step / SECTION_SIZE;
        let _ = write!(
            out,
            r#"
[[step]]
id = "step-{step}"
section = "s{section}"
title = "Шаг {step}: подготовить и направить документы"
body = """
Подготовьте документы по *списку* и направьте их [оператору](https://example.org/{step}).

1. Заполните форму.
2. Подпишите у руководителя.
"""
"#
        );
        match step % 10 {
            1 => out.push_str(
                "kind = \"wait\"\nactor = \"operator\"\ndeadline = { working_days = 5 }\n",
            ),
            2 if step >= 10 => {
                let _ = writeln!(
                    out,
                    "requires = [\"step-{}\"]\nrequires_reason = \"Сначала нужен шаг {}\"",
                    step - 7,
                    step - 7
                );
            }
            3 => out.push_str("when = { choice = \"variant\", in = [\"a\"] }\n"),
            4 => out.push_str("prepare = [\"Паспорт\", \"Доверенность\"]\n"),
            5 => {
                let _ = writeln!(out, "form = \"form-{}\"", step / 100);
            }
            9 => out.push_str("kind = \"milestone\"\n"),
            _ => {}
        }
        if step % 10 == 6 {
            let _ = write!(
                out,
                r#"
[[step.link]]
title = "Портал"
url = "https://example.org/portal"

[[step.letter]]
channel = "email"
to = ["operator@example.org"]
cc = ["copy@example.org"]
subject = "Заявка {{{{org_name_{form}}}}}"
attach = ["form-{form}"]

[[step.result]]
id = "result_{step}"
type = "text"
label = "Номер заявки"
"#,
                form = step / 100
            );
        }
    }
    for form in 0..forms {
        let _ = write!(
            out,
            r#"
[[form]]
id = "form-{form}"
title = "Заявка {form}"

[[form.field]]
id = "org_name_{form}"
type = "text"
label = "Наименование организации"
required = true

[[form.field]]
id = "inn_{form}"
type = "inn"
label = "ИНН"
required = true

[[form.field]]
id = "kind_{form}"
type = "select"
label = "Вид"
options = ["ОИВ", "Подведомственное учреждение"]
default = "ОИВ"

[[form.field]]
id = "ips_{form}"
type = "ip_list"
label = "IP-адреса"
required_when = {{ field = "kind_{form}", is = "ОИВ" }}

[[form.field]]
id = "staff_{form}"
type = "table"
label = "Сотрудники"

[[form.field.column]]
id = "name"
label = "ФИО"
type = "text"
required = true

[[form.field.column]]
id = "roles"
label = "Роли"
type = "multiselect"
options = ["Регистратор", "Специалист"]
"#
        );
    }
    out
}
