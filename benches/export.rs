//! Exporting every format but PDF (DOCX forms, XLSX and CSV tables, Markdown, HTML and JSON
//! reports, .eml letters, the .ics calendar) for a filled run of each bundled procedure (target:
//! under 100 ms each) and of a generated 5,000-step procedure with every step done and every
//! form filled (target: under 500 ms); and each bundled procedure with PDF too, which LibreOffice
//! makes (seconds: it starts once per export). Run with `cargo bench --bench export`.

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

/// Every format but PDF.
fn but_pdf() -> Vec<Format> {
    Format::ALL
        .into_iter()
        .filter(|f| *f != Format::Pdf)
        .collect()
}

/// A sample value of a field's type.
fn sample(kind: FieldType, options: &[String]) -> Value {
    match kind {
        FieldType::Yesno => Value::Bool(true),
        FieldType::Select => Value::Text(options.first().cloned().unwrap_or_default()),
        FieldType::Multiselect => Value::List(options.to_vec()),
        FieldType::Inn => Value::Text("7707083893".into()),
        FieldType::Kpp => Value::Text("773601001".into()),
        FieldType::Ogrn => Value::Text("1027700132195".into()),
        FieldType::Phone => Value::Text("+79123456789".into()),
        FieldType::Email => Value::Text("ivanov@example.ru".into()),
        FieldType::Date => Value::Text("01.12.2025".into()),
        FieldType::IpList => Value::Text("10.0.0.5, 172.16.90.16".into()),
        _ => Value::Text("Администрация Кировского муниципального района".into()),
    }
}

/// A bundled procedure and a filled run of it: the first option of every choice, every field
/// with a sample value (tables with ten rows), every step done.
fn bundled(name: &str) -> (Procedure, Run) {
    let (_, bytes) = poryadok::catalog::bundled_files()
        .iter()
        .find(|(file, _)| file.contains(name))
        .expect("a bundled procedure");
    let p = load(bytes).result.unwrap();
    let now = Timestamp::from_second(1_764_000_000).unwrap();
    let mut run = Run::new(&p, "Администрация Кировского района", now);
    for choice in &p.file().choices {
        if let Some(option) = choice.options.first() {
            run.choices.insert(choice.id.clone(), option.id.clone());
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
        if field.secret {
            continue;
        }
        let value = if kind == FieldType::Table {
            let row: BTreeMap<String, Value> = field
                .columns
                .iter()
                .map(|c| (c.id.clone(), sample(c.kind, &c.options)))
                .collect();
            Value::Table(vec![row; 10])
        } else {
            sample(kind, &field.options)
        };
        run.values.insert(id, value);
    }
    for step in p.steps() {
        run.steps.insert(
            step.id.clone(),
            StepState::Done {
                at: now,
                passed_over: false,
                on: None,
                due: None,
            },
        );
    }
    (p, run)
}

const BUNDLED: [&str; 5] = [
    "antivirus-licenses",
    "esia-service-centres",
    "pgs-staff-access",
    "qualified-signature",
    "rsmev-connection",
];

fn options() -> Options {
    Options {
        lang: Lang::Ru,
        include_secrets: false,
        tz: TimeZone::UTC,
        organisation: None,
        added_files: None,
        earlier: Vec::new(),
    }
}

/// Every format but PDF, one bundled procedure's filled run (target: under 100 ms).
#[divan::bench(args = BUNDLED, sample_count = 20)]
fn bundled_every_format_but_pdf(bencher: divan::Bencher, name: &str) {
    let (p, run) = bundled(name);
    let templates = Templates::default();
    let now = Timestamp::from_second(1_764_100_000).unwrap();
    let formats = but_pdf();
    bencher.bench_local(|| {
        let made =
            poryadok::export::make(&p, &run, "bench-1", now, &options(), &templates, &formats);
        assert!(made.problems.is_empty(), "{:?}", made.problems);
        made
    });
}

/// Every format with PDF (LibreOffice must be installed), one bundled procedure's filled run.
#[divan::bench(args = BUNDLED, sample_count = 2, sample_size = 1)]
fn bundled_every_format_with_pdf(bencher: divan::Bencher, name: &str) {
    let (p, run) = bundled(name);
    let templates = Templates::default();
    let now = Timestamp::from_second(1_764_100_000).unwrap();
    bencher.bench_local(|| {
        let made = poryadok::export::make(
            &p,
            &run,
            "bench-1",
            now,
            &options(),
            &templates,
            &Format::ALL,
        );
        assert!(
            made.problems.is_empty() && made.notes.is_empty(),
            "{:?}",
            made.problems
        );
        made
    });
}

#[divan::bench(sample_count = 10)]
fn every_format_5000_steps(bencher: divan::Bencher) {
    let (p, run) = filled();
    let options = Options {
        lang: Lang::Ru,
        include_secrets: false,
        tz: TimeZone::UTC,
        organisation: None,
        added_files: None,
        earlier: Vec::new(),
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
            &but_pdf(),
        )
        .unwrap()
    });
}
