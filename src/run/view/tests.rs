//! Tests of `view`.

use super::*;

#[test]
fn blocked_flags_agree_with_blockers_step_by_step() {
    for (name, p) in every_procedure() {
        let mut run = Run::new(&p, "x", Timestamp::UNIX_EPOCH);
        // Empty; then with every third step done and the first option of every choice;
        // then the last option of every choice.
        for round in 0..3 {
            if round == 1 {
                for step in p.steps().iter().step_by(3) {
                    done(&mut run, &step.id);
                }
            }
            for choice in &p.file().choices {
                let option = match round {
                    0 => continue,
                    1 => choice.options.first(),
                    _ => choice.options.last(),
                };
                run.choices
                    .insert(choice.id.clone(), option.expect("options").id.clone());
            }
            let facts = StepFacts::of(&p, &run);
            let (mut done_count, mut applicable) = (0, 0);
            for (i, step) in p.steps().iter().enumerate() {
                let applies = step_applies(&p, &run, step);
                assert_eq!(
                    facts.applies[i], applies,
                    "{name}, round {round}, {}",
                    step.id
                );
                assert_eq!(facts.done[i], run.is_done(&step.id));
                if applies != Some(false) {
                    applicable += 1;
                    done_count += usize::from(run.is_done(&step.id));
                }
            }
            assert_eq!(
                facts.progress(),
                (done_count, applicable),
                "{name}, round {round}"
            );
            let flags = facts.blocked(&p);
            for (i, flag) in flags.iter().enumerate() {
                assert_eq!(
                    *flag,
                    !blockers(&p, &run, i).is_empty(),
                    "{name}, round {round}, step {}",
                    p.steps()[i].id
                );
            }
        }
    }
}
use crate::procedure::load;
use jiff::Timestamp;

/// The bundled procedures and a generated one, by name.
fn every_procedure() -> Vec<(&'static str, Procedure)> {
    let bundled_names = [
        "antivirus-licenses",
        "rsmev-connection",
        "qualified-signature",
        "pgs-staff-access",
        "esia-service-centres",
    ];
    let text = crate::procedure::synthetic::procedure_text(300);
    let synthetic = load(text.as_bytes()).result.expect("valid");
    (bundled_names.into_iter())
        .map(|name| (name, bundled(name)))
        .chain([("synthetic", synthetic)])
        .collect()
}

fn bundled(name: &str) -> Procedure {
    let path = format!("{}/procedures/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    load(&std::fs::read(path).expect("bundled procedure"))
        .result
        .expect("valid")
}

/// The values that make a field condition hold, found in `condition` and those inside it.
fn values_tested(condition: &crate::procedure::Condition, out: &mut Vec<(String, Value)>) {
    use crate::procedure::Scalar;
    use crate::procedure::condition::{Options, Shape};
    match condition.shape() {
        Ok(Shape::FieldIs { field, value }) => out.push((
            field.to_owned(),
            match value {
                Options::One(Scalar::Bool(b)) => Value::Bool(*b),
                Options::One(Scalar::Text(t)) => Value::Text(t.clone()),
                Options::Many(list) => Value::Text(list[0].clone()),
            },
        )),
        Ok(Shape::FieldFilled { field, .. }) => {
            out.push((field.to_owned(), Value::Text("x".into())))
        }
        Ok(Shape::All(list) | Shape::Any(list)) => list.iter().for_each(|c| values_tested(c, out)),
        Ok(Shape::Not(inner)) => values_tested(inner, out),
        _ => {}
    }
}

/// One change to a run.
type Change = Box<dyn Fn(&mut Run)>;

#[test]
fn facts_brought_up_to_date_equal_facts_worked_out_afresh() {
    let mut flips = 0;
    for (name, p) in every_procedure() {
        let mut run = Run::new(&p, "x", Timestamp::UNIX_EPOCH);
        let mut facts = StepFacts::of(&p, &run);
        // Every option of every choice, every value a condition tests, some steps done,
        // then everything taken back: one change at a time.
        let mut changes: Vec<Change> = Vec::new();
        for choice in &p.file().choices {
            for option in &choice.options {
                let (c, o) = (choice.id.clone(), option.id.clone());
                changes.push(Box::new(move |run| {
                    run.choices.insert(c.clone(), o.clone());
                }));
            }
        }
        let mut tested = Vec::new();
        for condition in p.file().applicability_conditions() {
            values_tested(condition, &mut tested);
        }
        for (field, value) in tested {
            changes.push(Box::new(move |run| {
                run.values.insert(field.clone(), value.clone());
            }));
        }
        for step in p.steps().iter().step_by(2) {
            let id = step.id.clone();
            changes.push(Box::new(move |run| done(run, &id)));
        }
        changes.push(Box::new(|run| run.values.clear()));
        changes.push(Box::new(|run| run.choices.clear()));
        for change in changes {
            let before = facts.applies.clone();
            change(&mut run);
            facts.refresh(&p, &run);
            assert_eq!(facts, StepFacts::of(&p, &run), "{name}");
            flips += usize::from(facts.applies != before);
        }
    }
    assert!(
        flips > 10,
        "the changes hardly changed which steps apply: {flips}"
    );
}

fn done(run: &mut Run, id: &str) {
    run.steps.insert(
        id.to_owned(),
        StepState::Done {
            at: Timestamp::UNIX_EPOCH,
            passed_over: false,
            on: None,
            due: None,
        },
    );
}

#[test]
fn the_signature_request_waits_for_the_token_with_the_documents_reason() {
    let p = bundled("qualified-signature");
    let mut run = Run::new(&p, "Иванов", Timestamp::UNIX_EPOCH);
    let gate = p.step_index("generate-request").expect("step 8");
    for id in [
        "application",
        "open-cabinet",
        "login",
        "upload-documents",
        "submit-documents",
        "choose-delivery",
    ] {
        done(&mut run, id);
    }
    match status(&p, &run, gate) {
        Status::Blocked { by, reason } => {
            assert_eq!(by, ["get-token"]);
            assert_eq!(
                reason.as_deref(),
                Some("Приступать к шагу 8 возможно только после получения Rutoken lite (токена)!")
            );
        }
        other => panic!("{other:?}"),
    }
    done(&mut run, "get-token");
    assert_eq!(status(&p, &run, gate), Status::Ready);
    assert_eq!(progress(&p, &run), (7, 14));
}

#[test]
fn the_first_step_is_ready_and_the_next_waits_for_it() {
    let p = bundled("qualified-signature");
    let run = Run::new(&p, "Иванов", Timestamp::UNIX_EPOCH);
    assert_eq!(status(&p, &run, 0), Status::Ready);
    assert!(matches!(
        status(&p, &run, 1),
        Status::Blocked { reason: None, .. }
    ));
}

#[test]
fn parallel_tracks_do_not_wait_for_each_other() {
    let p = bundled("antivirus-licenses");
    let mut run = Run::new(&p, "ГБУ", Timestamp::UNIX_EPOCH);
    let mediapack = p.step_index("mediapack-rules").expect("mediapack");
    assert_eq!(status(&p, &run, mediapack), Status::Ready);
    let v1 = p.step_index("v1-results").expect("v1");
    assert_eq!(status(&p, &run, v1), Status::Undecided);
    run.choices.insert("variant".into(), "v3".into());
    assert_eq!(status(&p, &run, v1), Status::Skipped);
    let v3 = p.step_index("v3-request").expect("v3");
    assert_eq!(status(&p, &run, v3), Status::Ready);
}
