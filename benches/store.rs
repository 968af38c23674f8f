//! How long saving and opening a large run takes (issue target: a run of a 5,000-step
//! procedure with 1,000 filled fields under 5 ms each, without the fsync). Run with
//! `cargo bench --bench store`.
//!
//! The run has every step done, 1,000 field values (one a table of 20 rows), a note on every
//! tenth step and a journal entry for every step and value: 6,000 entries; about 1.7 MB.

use std::collections::BTreeMap;

use jiff::Timestamp;

#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use poryadok::procedure::{Procedure, load};
use poryadok::run::state::{Entry, Note, Recorded};
use poryadok::run::{Run, StepState, Value};
use poryadok::store::{Durability, Session, Store};

fn main() {
    divan::main();
}

const FIELDS: usize = 1000;

fn procedure() -> Procedure {
    load(synthetic::procedure_text(5000).as_bytes())
        .result
        .expect("the generated procedure is valid")
}

fn big_run(p: &Procedure) -> Run {
    let now = Timestamp::from_second(1_764_000_000).unwrap();
    let mut run = Run::new(p, "Администрация муниципального образования «Пример»", now);
    for (i, step) in p.steps().iter().enumerate() {
        let state = StepState::Done {
            at: now,
            passed_over: false,
            on: None,
            due: None,
        };
        run.journal.push(Entry {
            at: now,
            what: poryadok::run::journal::What::Step(step.id.clone()),
            old: None,
            new: Some(Recorded::Step(state.clone())),
            undoes: None,
            edition: None,
        });
        run.steps.insert(step.id.clone(), state);
        if i % 10 == 0 {
            let text = format!("Письмо № {i}-СЭД направлено, ответ ожидается");
            run.notes
                .entry(step.id.clone())
                .or_default()
                .push(Note { at: now, text });
        }
    }
    let mut fields = 0;
    for form in &p.file().forms {
        for field in &form.fields {
            if let Some(id) = &field.id
                && fields < FIELDS
            {
                run.values.insert(
                    id.clone(),
                    Value::Text(format!("Значение поля {id}: 7707083893")),
                );
                fields += 1;
            }
        }
    }
    // The generated forms have fewer fields than that: the rest are values under further ids,
    // which the store keeps like any other.
    while fields < FIELDS {
        let id = format!("extra_{fields}");
        let value = Value::Text(format!(
            "Иванов Иван Иванович, +7 912 345-67-{:02}",
            fields % 100
        ));
        run.journal.push(Entry {
            at: now,
            what: poryadok::run::journal::What::Field(id.clone()),
            old: None,
            new: Some(Recorded::Value(value.clone())),
            undoes: None,
            edition: None,
        });
        run.values.insert(id, value);
        fields += 1;
    }
    let rows: Vec<BTreeMap<String, Value>> = (0..20)
        .map(|i| {
            BTreeMap::from([(
                "full_name".to_owned(),
                Value::Text(format!("Сотрудник {i}")),
            )])
        })
        .collect();
    run.values.insert("extra_0".into(), Value::Table(rows));
    run
}

/// The large run, saved once in a new store; the folder must outlive the store.
struct Saved {
    _dir: tempfile::TempDir,
    store: Store,
    p: Procedure,
    run: Run,
    session: Session,
}

fn saved(durability: Durability) -> Saved {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap().with_durability(durability);
    let p = procedure();
    let run = big_run(&p);
    let (mut session, _) = store.create(&p, "x", Timestamp::UNIX_EPOCH).unwrap();
    session.save(&p, &run, Timestamp::UNIX_EPOCH).unwrap();
    Saved {
        _dir: dir,
        store,
        p,
        run,
        session,
    }
}

#[divan::bench(sample_count = 200)]
fn save_5000_steps_1000_fields(bencher: divan::Bencher) {
    let Saved {
        _dir,
        p,
        run,
        mut session,
        ..
    } = saved(Durability::NoSync);
    let size = std::fs::metadata(session.path()).unwrap().len();
    bencher
        .counter(divan::counter::BytesCount::new(size))
        .bench_local(|| {
            session
                .save(&p, divan::black_box(&run), Timestamp::UNIX_EPOCH)
                .unwrap()
        });
}

#[divan::bench(sample_count = 200)]
fn open_5000_steps_1000_fields(bencher: divan::Bencher) {
    let Saved {
        _dir,
        store,
        session,
        ..
    } = saved(Durability::NoSync);
    let id = session.id().to_owned();
    drop(session);
    bencher.bench_local(|| {
        let (session, opened) = store.open_run(&id).unwrap();
        assert_eq!(opened.run.steps.len(), 5000);
        drop(session);
    });
}

#[divan::bench(sample_count = 50)]
fn save_with_fsync_for_reference(bencher: divan::Bencher) {
    let Saved {
        _dir,
        p,
        run,
        mut session,
        ..
    } = saved(Durability::Sync);
    bencher.bench_local(|| session.save(&p, &run, Timestamp::UNIX_EPOCH).unwrap());
}
