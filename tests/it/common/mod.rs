//! What several integration test files share.
#![allow(dead_code)]

use jiff::Timestamp;

use poryadok::catalog::bundled_files;
use poryadok::procedure::{Procedure, load};

/// A bundled procedure by id.
pub fn bundled(id: &str) -> Procedure {
    bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .find(|p| p.id() == id)
        .unwrap_or_else(|| panic!("{id} is bundled"))
}

/// A fixed moment, `seconds` after Monday 24 November 2025, 16:00 UTC.
pub fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_764_000_000 + seconds).expect("a valid time")
}

/// Every file under a folder, recursively.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A valid sample value for a field or column of this type (the first option of a select).
pub fn sample(kind: poryadok::procedure::FieldType, options: &[String]) -> poryadok::run::Value {
    use poryadok::procedure::FieldType as T;
    use poryadok::run::Value;
    let text = |t: &str| Value::Text(t.to_owned());
    match kind {
        T::Text => text("Администрация Кировского муниципального района"),
        T::Multiline => text("Первая строка обоснования.\nВторая строка обоснования."),
        T::Number => text("2"),
        T::Date => text("01.12.2025"),
        T::Email => text("ivanov@lenreg.ru"),
        T::Phone => text("+79123456789"),
        T::Mobile => text("+79123456789"),
        T::Inn | T::InnOrg => text("7707083893"),
        T::InnPerson => text("500100732259"),
        T::Snils => text("112-233-445 95"),
        T::Ogrn => text("1027700132195"),
        T::Ogrnip => text("304500116000157"),
        T::Kpp => text("773601001"),
        T::IpList => text("10.0.0.1, 192.168.1.0/24"),
        T::Url => text("https://example.ru/form"),
        T::Select => Value::Text(options.first().cloned().unwrap_or_default()),
        T::Multiselect => Value::List(options.iter().take(2).cloned().collect()),
        T::Yesno => Value::Bool(true),
        T::Table => Value::Table(Vec::new()),
    }
}

/// A run of the procedure with every choice made (its first option), every field and result
/// filled with a sample value (tables with three rows), a note on the first step, and as many
/// steps done as the procedure lets be done in order.
pub fn filled_run(p: &Procedure) -> poryadok::run::Run {
    use poryadok::run::command::{Command, apply};
    use poryadok::run::{Run, Value};
    let mut run = Run::new(p, "Администрация Кировского района", at(0));
    let mut t = 1;
    let mut next = || {
        t += 60;
        at(t)
    };
    for choice in &p.file().choices {
        if let Some(option) = choice.options.first() {
            let _ = apply(
                p,
                &mut run,
                Command::Choose {
                    choice: choice.id.clone(),
                    option: option.id.clone(),
                },
                next(),
            );
        }
    }
    let fields = p
        .file()
        .forms
        .iter()
        .flat_map(|f| f.fields.iter())
        .chain(p.steps().iter().flat_map(|s| s.results.iter()));
    for field in fields {
        let (Some(id), Some(kind)) = (field.id.clone(), field.kind) else {
            continue;
        };
        let value = if kind == poryadok::procedure::FieldType::Table {
            Value::Table(
                (0..3)
                    .map(|_| {
                        field
                            .columns
                            .iter()
                            .map(|c| (c.id.clone(), sample(c.kind, &c.options)))
                            .collect()
                    })
                    .collect(),
            )
        } else {
            sample(kind, &field.options)
        };
        apply(p, &mut run, Command::SetField { field: id, value }, next()).unwrap();
    }
    if let Some(first) = p.steps().first() {
        let _ = apply(
            p,
            &mut run,
            Command::AddNote {
                step: first.id.clone(),
                text: "Отправлено письмом № 12-34 от 01.12.2025".into(),
            },
            next(),
        );
    }
    // Done in order, as far as the procedure allows.
    loop {
        let mut progressed = false;
        for step in p.steps() {
            if !run.is_done(&step.id)
                && apply(p, &mut run, Command::CompleteStep(step.id.clone()), next()).is_ok()
            {
                progressed = true;
            }
        }
        if !progressed {
            break;
        }
    }
    run
}
