//! Exporting every format (DOCX forms, XLSX and CSV tables, Markdown, HTML and JSON reports,
//! .eml letters) for a run of a generated 5,000-step procedure with every step done and every
//! form filled (issue target: under 500 ms). Run with `cargo bench --bench export`.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use poryadok::export::report::Templates;
use poryadok::export::{Format, Options, files};
use poryadok::i18n::Lang;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use poryadok::procedure::{FieldType, Procedure, load};
use poryadok::run::{Run, StepState, Value};

fn main() {
    divan::main();
}

/// The 5,000-step procedure and a run of it: every step done, every field filled, every
/// table with 20 rows, a note on every tenth step.
fn filled() -> (Procedure, Run) {
    let p = load(synthetic::procedure_text(5000).as_bytes())
        .result
        .unwrap();
    let now = Timestamp::from_second(1_764_000_000).unwrap();
    let mut run = Run::new(&p, "bench", now);
    let sample = |kind: FieldType, options: &[String]| match kind {
        FieldType::Yesno => Value::Bool(true),
        FieldType::Select => Value::Text(options.first().cloned().unwrap_or_default()),
        FieldType::Multiselect => Value::List(options.to_vec()),
        FieldType::Inn => Value::Text("7707083893".into()),
        FieldType::Phone => Value::Text("+79123456789".into()),
        FieldType::Email => Value::Text("ivanov@example.ru".into()),
        FieldType::Date => Value::Text("01.12.2025".into()),
        _ => Value::Text("Администрация Кировского муниципального района".into()),
    };
    for form in &p.file().forms {
        for field in &form.fields {
            let (Some(id), Some(kind)) = (field.id.clone(), field.kind) else {
                continue;
            };
            let value = if kind == FieldType::Table {
                let row: BTreeMap<String, Value> = field
                    .columns
                    .iter()
                    .map(|c| (c.id.clone(), sample(c.kind, &c.options)))
                    .collect();
                Value::Table(vec![row; 20])
            } else {
                sample(kind, &field.options)
            };
            run.values.insert(id, value);
        }
    }
    for (i, step) in p.steps().iter().enumerate() {
        run.steps.insert(
            step.id.clone(),
            StepState::Done {
                at: now,
                passed_over: false,
                on: None,
                due: None,
            },
        );
        if i % 10 == 0 {
            run.notes
                .entry(step.id.clone())
                .or_default()
                .push(poryadok::run::state::Note {
                    at: now,
                    text: "Отправлено письмом № 12-34".into(),
                });
        }
    }
    (p, run)
}

#[divan::bench(sample_count = 10)]
fn every_format_5000_steps(bencher: divan::Bencher) {
    let (p, run) = filled();
    let options = Options {
        lang: Lang::Ru,
        include_secrets: false,
        tz: TimeZone::UTC,
        organisation: None,
    };
    let templates = Templates::default();
    let now = Timestamp::from_second(1_764_100_000).unwrap();
    bencher.bench_local(|| {
        files(
            &p,
            &run,
            "synthetic-5000-1",
            now,
            &options,
            &templates,
            &Format::ALL,
        )
        .unwrap()
    });
}
