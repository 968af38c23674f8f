//! Letters as `.eml` drafts, read back with a mail parser (`eml_reader`): every letter of a
//! fully filled run of each bundled procedure, and hostile values that must either be refused
//! (in a header) or come out complete and harmless (in the text).

use std::collections::BTreeMap;

use jiff::tz::{Offset, TimeZone};
use mail_parser::MimeHeaders;

use poryadok::export::eml::{EmlError, Place, draft_eml};
use poryadok::export::model::Draft;
use poryadok::export::{Export, Options, build};
use poryadok::i18n::Lang;
use poryadok::procedure::{Column, Field, FieldType, Procedure};
use poryadok::run::command::{Command, apply, form_problems, validate_value};
use poryadok::run::{Run, Value};

use crate::common::{at, bundled};
use crate::eml_reader::{
    DOCX, addresses, assert_plain_wire, body_text, check_draft, header_names, parse, part_types,
};

const PROCEDURES: [&str; 5] = [
    "antivirus-licenses",
    "esia-service-centres",
    "pgs-staff-access",
    "qualified-signature",
    "rsmev-connection",
];

// ---------------------------------------------------------------------------------------------
// Filling a run

/// A valid value of a field or column type, as an officer would type it.
fn sample(kind: FieldType, id: &str, options: &[String], min: Option<f64>) -> Value {
    let text = |s: &str| Value::Text(s.to_owned());
    match kind {
        FieldType::Text => Value::Text(format!("ГБУ «Ёлка» — {id}")),
        FieldType::Multiline => Value::Text(format!("Первая строка {id};\nвторая строка, ещё.")),
        FieldType::Number => Value::Text(min.map_or(3.0, |m| m.max(3.0)).to_string()),
        FieldType::Date => text("01.12.2025"),
        FieldType::Email => text("ivanov@example.ru"),
        FieldType::Phone => text("+78121234567"),
        FieldType::Mobile => text("+79123456789"),
        FieldType::Inn | FieldType::InnOrg => text("7707083893"),
        FieldType::InnPerson => text("500100732259"),
        FieldType::Snils => text("112-233-445 95"),
        FieldType::Ogrn => text("1027700132195"),
        FieldType::Ogrnip => text("304500116000157"),
        FieldType::Kpp => text("773601001"),
        FieldType::IpList => text("10.0.0.1, 192.168.10.0/24"),
        FieldType::Url => text("https://example.ru/заявка"),
        FieldType::Select => Value::Text(options[0].clone()),
        FieldType::Multiselect => Value::List(options.iter().take(2).cloned().collect()),
        FieldType::Yesno => Value::Bool(true),
        FieldType::Table => unreachable!("a table is filled by rows"),
    }
}

fn table(columns: &[Column]) -> Value {
    let row = |n: usize| -> BTreeMap<String, Value> {
        columns
            .iter()
            .map(|c| {
                let id = format!("{}-{n}", c.id);
                (c.id.clone(), sample(c.kind, &id, &c.options, c.min))
            })
            .collect()
    };
    Value::Table(vec![row(1), row(2)])
}

fn value_for(field: &Field) -> Option<Value> {
    let id = field.id.as_deref()?;
    Some(match field.kind? {
        FieldType::Table => table(&field.columns),
        kind => sample(kind, id, &field.options, field.min),
    })
}

/// A run of `procedure` with every choice made (`overrides` first, else the first option) and
/// every field of every form and every step result filled with a valid value.
fn filled_run(procedure: &Procedure, overrides: &[(&str, &str)]) -> Run {
    let mut run = Run::new(procedure, "ГБУ «Ёлка»", at(0));
    let mut clock = 0;
    let mut apply_now = |run: &mut Run, command: Command| {
        clock += 60;
        apply(procedure, run, command.clone(), at(clock))
            .unwrap_or_else(|r| panic!("{command:?} refused: {r:?}"));
    };
    let file = procedure.file();
    for choice in &file.choices {
        let option = overrides
            .iter()
            .find(|(c, _)| *c == choice.id)
            .map_or(choice.options[0].id.clone(), |(_, o)| (*o).to_owned());
        let command = Command::Choose {
            choice: choice.id.clone(),
            option,
        };
        apply_now(&mut run, command);
    }
    let fields = file
        .forms
        .iter()
        .flat_map(|f| f.fields.iter())
        .chain(file.steps.iter().flat_map(|s| s.results.iter()));
    for field in fields {
        let Some(value) = value_for(field) else {
            continue;
        };
        assert_eq!(
            validate_value(field, &value),
            Ok(()),
            "the sample value of {:?}",
            field.id
        );
        let command = Command::SetField {
            field: field.id.clone().expect("a defined field"),
            value,
        };
        apply_now(&mut run, command);
    }
    for index in 0..procedure.steps().len() {
        assert_eq!(
            form_problems(procedure, &run, index),
            vec![],
            "{}: step {} is fully filled",
            procedure.id(),
            procedure.steps()[index].id
        );
    }
    run
}

/// Every variant of the procedure: one run per option of each choice (the other choices at
/// their first option), so that every letter that can be sent appears in some run.
fn variants(procedure: &Procedure) -> Vec<Run> {
    let mut runs = vec![filled_run(procedure, &[])];
    for choice in &procedure.file().choices {
        for option in choice.options.iter().skip(1) {
            runs.push(filled_run(procedure, &[(&choice.id, &option.id)]));
        }
    }
    runs
}

fn options() -> Options {
    Options {
        lang: Lang::Ru,
        include_secrets: false,
        tz: TimeZone::fixed(Offset::constant(3)),
        organisation: None,
        added_files: None,
        earlier: Vec::new(),
    }
}

fn export(procedure: &Procedure, run: &Run) -> Export {
    build(procedure, run, "run-1", at(86_400), &options())
}

/// Dummy files for the forms a letter carries: named after the form (Cyrillic, spaces), with
/// bytes that are not text (every byte value, and the form id so that files differ).
fn attachments_for(draft: &Draft, export: &Export) -> Vec<(String, Vec<u8>, &'static str)> {
    draft
        .attach
        .iter()
        .map(|id| {
            let title = export
                .forms
                .iter()
                .find(|f| &f.id == id)
                .map_or(id.as_str(), |f| f.title.as_str());
            let mut bytes: Vec<u8> = (0..=255u8).collect();
            bytes.extend_from_slice(id.as_bytes());
            (format!("{title} ({id}).docx"), bytes, DOCX)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The bundled procedures

#[test]
fn every_letter_of_every_bundled_procedure_reads_back() {
    let now = at(86_400);
    for id in PROCEDURES {
        let procedure = bundled(id);
        let mut letters = 0;
        let mut attached = 0;
        let mut with_names = 0;
        for run in variants(&procedure) {
            let export = export(&procedure, &run);
            for draft in &export.drafts {
                assert!(
                    !draft.subject.contains("{{") && !draft.body.contains("{{"),
                    "{id}/{}: every placeholder filled",
                    draft.step
                );
                check_draft(id, draft, attachments_for(draft, &export), now);
                letters += 1;
                attached += draft.attach.len();
                with_names += usize::from(draft.to.iter().any(|r| !r.contains('@')));
            }
        }
        assert!(letters > 0, "{id} has letters");
        eprintln!("{id}: {letters} letters, {attached} attachments, {with_names} named recipients");
    }
}

#[test]
fn values_the_officer_typed_reach_the_text_with_their_cyrillic() {
    let procedure = bundled("antivirus-licenses");
    let now = at(86_400);
    let mut seen = 0;
    for mut run in variants(&procedure) {
        let justification = "Обоснование: 15 АРМ в филиалах «Ёлки» без связи с сервером — №\u{a0}7";
        for field in [
            "autonomous_licenses_justification",
            "subordinate_impossible_justification",
        ] {
            apply(
                &procedure,
                &mut run,
                Command::SetField {
                    field: field.into(),
                    value: Value::Text(justification.into()),
                },
                at(10_000),
            )
            .expect("the field exists");
        }
        let export = export(&procedure, &run);
        for draft in export
            .drafts
            .iter()
            .filter(|d| d.body.contains(justification))
        {
            let files = attachments_for(draft, &export);
            let bytes = draft_eml(draft, &files, now).expect("a draft");
            let message = parse(&bytes);
            assert!(body_text(&message).contains(justification));
            assert_eq!(addresses(message.to()), Vec::<String>::new());
            assert!(body_text(&message).starts_with("Кому: ДИТ\n\n"));
            seen += 1;
        }
    }
    assert!(
        seen >= 2,
        "both letters with a justification were read back ({seen})"
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile values

fn letter(subject: &str, body: &str) -> Draft {
    Draft {
        channel: None,
        attachments: Vec::new(),
        files: Vec::new(),
        sender: Vec::new(),
        signer: None,
        contact: None,
        number: 1,
        step: "send-request".into(),
        title: Some("Заявка по почте".into()),
        to: vec!["stp_ksaz@it.mos.ru".into(), "ДИТ".into()],
        cc: vec!["kis@lenreg.ru".into()],
        subject: subject.into(),
        body: body.into(),
        attach: vec!["request".into()],
        lang: poryadok::i18n::Lang::Ru,
    }
}

fn one_file() -> Vec<(String, Vec<u8>, &'static str)> {
    vec![("Заявка.docx".into(), b"PK\x03\x04 dummy".to_vec(), DOCX)]
}

#[track_caller]
fn refused(draft: &Draft, files: &[(String, Vec<u8>, &str)]) -> EmlError {
    match draft_eml(draft, files, at(0)) {
        Err(error) => error,
        Ok(bytes) => panic!(
            "the draft was written:\n{}",
            String::from_utf8_lossy(&bytes)
        ),
    }
}

#[test]
fn a_line_break_in_a_header_is_refused_naming_the_letter_and_the_header() {
    for bad in [
        "Заявка\r\nBcc: x@y",
        "Заявка\nBcc: x@y",
        "Заявка\rBcc: x@y",
        "Заявка\u{2028}Bcc: x@y",
    ] {
        let error = refused(&letter(bad, "Текст"), &one_file());
        match &error {
            EmlError::Unsafe {
                step,
                letter,
                place,
                ..
            } => {
                assert_eq!(step, "send-request");
                assert_eq!(letter, "Заявка по почте");
                assert_eq!(*place, Place::Subject);
            }
            other => panic!("{bad:?}: {other:?}"),
        }
        let english = error.to_string();
        assert!(english.contains("«Заявка по почте»"), "{english}");
        assert!(english.contains("step send-request"), "{english}");
        assert!(english.contains("Subject holds a line break"), "{english}");
        let russian = error.message().text(Lang::Ru);
        assert!(russian.contains("«Заявка по почте»"), "{russian}");
        assert!(
            russian.contains("в его теме есть перенос строки"),
            "{russian}"
        );
        let en = error.message().text(Lang::En);
        assert!(en.contains("its subject holds a line break"), "{en}");
        for text in [&english, &russian, &en] {
            assert!(!text.contains(['\r', '\n']), "{text:?}");
        }
    }
}

#[test]
fn a_letter_without_a_title_is_named_by_its_subject_made_visible() {
    let mut draft = letter("Заявка\r\nBcc: x@y", "");
    draft.title = None;
    let error = refused(&draft, &[]);
    let EmlError::Unsafe { letter, .. } = &error else {
        panic!("{error:?}");
    };
    assert!(!letter.contains(['\r', '\n']), "{letter:?}");
    assert!(letter.starts_with("Заявка"), "{letter:?}");
    assert!(letter.ends_with("Bcc: x@y"), "{letter:?}");
}

#[test]
fn control_characters_in_any_header_value_are_refused() {
    type Put = fn(&mut Draft, &str);
    let cases: [(&str, Put, Place); 3] = [
        ("subject", |d, v| d.subject = v.into(), Place::Subject),
        ("to", |d, v| d.to.push(v.into()), Place::To),
        ("cc", |d, v| d.cc.push(v.into()), Place::Cc),
    ];
    for (what, set, place) in cases {
        for value in [
            "x@y.ru\r\nBcc: spy@evil.ru",
            "ДИТ\nBcc: spy@evil.ru",
            "\u{1b}[31mкрасный",
            "nul\u{0}byte",
            "bell\u{7}",
            "\u{85}next line",
            "\u{202e}справа налево",
        ] {
            let mut draft = letter("Тема", "Текст");
            set(&mut draft, value);
            match refused(&draft, &[]) {
                EmlError::Unsafe {
                    place: p, found, ..
                } => {
                    assert_eq!(p, place, "{what} {value:?}");
                    assert!(value.contains(found), "{what} {value:?}: {found:?}");
                }
                other => panic!("{what} {value:?}: {other:?}"),
            }
        }
    }
}

#[test]
fn attachment_names_and_types_that_could_escape_are_refused() {
    let draft = letter("Тема", "Текст");
    for name in ["../../x", "a/b.docx", "..\\x.docx", "..", ""] {
        let files = vec![(name.to_owned(), vec![1, 2, 3], DOCX)];
        match refused(&draft, &files) {
            EmlError::FileName {
                name: n, letter, ..
            } => {
                assert_eq!(n, name);
                assert_eq!(letter, "Заявка по почте");
            }
            other => panic!("{name:?}: {other:?}"),
        }
    }
    let files = vec![("a\r\nb.docx".to_owned(), vec![1], DOCX)];
    assert!(matches!(
        refused(&draft, &files),
        EmlError::Unsafe {
            place: Place::FileName,
            ..
        }
    ));
    for mime in [
        "text/plain\r\nBcc: x@y",
        "docx",
        "text/plain; charset=x",
        "/x",
        "",
    ] {
        let files = vec![("a.docx".to_owned(), vec![1], mime)];
        let error = refused(&draft, &files);
        assert!(
            matches!(error, EmlError::MimeType { .. }),
            "{mime:?}: {error:?}"
        );
        let text = error.message().text(Lang::Ru);
        assert!(
            text.contains("не тип MIME") && !text.contains('\n'),
            "{text}"
        );
    }
}

#[test]
fn a_header_injection_in_the_text_stays_text() {
    let body = "Добрый день!\r\nBcc: x@y\r\n\r\nЕщё строка\nBcc: spy@evil.ru";
    let bytes = draft_eml(&letter("Заявка", body), &one_file(), at(0)).expect("a draft");
    assert_plain_wire(&bytes);
    let message = parse(&bytes);
    assert!(message.bcc().is_none());
    assert!(!header_names(&message).contains(&"bcc".to_owned()));
    assert_eq!(addresses(message.to()), vec!["stp_ksaz@it.mos.ru"]);
    assert_eq!(addresses(message.cc()), vec!["kis@lenreg.ru"]);
    let text = body_text(&message);
    assert!(
        text.ends_with("Добрый день!\nBcc: x@y\n\nЕщё строка\nBcc: spy@evil.ru"),
        "{text:?}"
    );
    assert_eq!(message.attachment_count(), 1);
}

#[test]
fn a_hostile_value_typed_into_a_run_stays_in_the_text() {
    let procedure = bundled("antivirus-licenses");
    let now = at(86_400);
    let hostile =
        "x\r\nBcc: spy@evil.ru\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>";
    let mut seen = 0;
    for mut run in variants(&procedure) {
        apply(
            &procedure,
            &mut run,
            Command::SetField {
                field: "autonomous_licenses_justification".into(),
                value: Value::Text(hostile.into()),
            },
            at(10_000),
        )
        .expect("the field exists");
        let export = export(&procedure, &run);
        for draft in export
            .drafts
            .iter()
            .filter(|d| d.body.contains("spy@evil.ru"))
        {
            let files = attachments_for(draft, &export);
            let bytes = draft_eml(draft, &files, now).expect("a draft");
            assert_plain_wire(&bytes);
            let message = parse(&bytes);
            assert!(message.bcc().is_none());
            assert_eq!(
                part_types(&message),
                ["multipart/mixed", "text/plain", DOCX],
                "no part appeared"
            );
            let text = body_text(&message);
            assert!(text.contains("Bcc: spy@evil.ru"), "{text}");
            assert!(text.contains("<script>alert(1)</script>"), "{text}");
            seen += 1;
        }
    }
    assert!(seen > 0, "the letter with the justification was read back");
}

#[test]
fn markup_paths_and_long_text_come_out_complete() {
    let subject = r#"<script>alert(1)</script> "><img src=x onerror=alert(1)> ../../x Заявка"#;
    let long: String = "Длинный текст письма без переносов; "
        .chars()
        .cycle()
        .take(100_000)
        .collect();
    let body = format!("{subject}\n\n{long}\nКонец.");
    let mut draft = letter(subject, &body);
    draft.to = vec!["../../x".into(), "<script>".into(), "a@b.ru".into()];
    draft.cc = vec![r#""><img onerror=alert(1)>"#.into()];
    let files = vec![
        (
            "Заявка на лицензии «КСАЗ» №1.docx".to_owned(),
            vec![0u8, 255, 13, 10, 0],
            DOCX,
        ),
        (
            "<script>.docx".to_owned(),
            b"<script>".to_vec(),
            "text/html",
        ),
    ];
    let bytes = draft_eml(&draft, &files, at(0)).expect("a draft");
    assert_plain_wire(&bytes);
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("filename*"),
        "a non-ASCII name is an RFC 2231 parameter"
    );
    let message = parse(&bytes);
    assert_eq!(message.subject(), Some(subject));
    assert_eq!(addresses(message.to()), vec!["a@b.ru"]);
    assert_eq!(addresses(message.cc()), Vec::<String>::new());
    let text = body_text(&message);
    assert_eq!(
        text,
        format!("Кому: ../../x, <script>\nКопия: \"><img onerror=alert(1)>\n\n{body}")
    );
    assert_eq!(
        text.chars().filter(|c| *c == 'Д').count(),
        long.matches('Д').count()
    );
    let found: Vec<(&str, &[u8])> = message
        .attachments()
        .map(|p| (p.attachment_name().unwrap_or_default(), p.contents()))
        .collect();
    assert_eq!(
        found,
        vec![
            (files[0].0.as_str(), files[0].1.as_slice()),
            (files[1].0.as_str(), files[1].1.as_slice()),
        ]
    );
    assert_eq!(
        part_types(&message),
        ["multipart/mixed", "text/plain", DOCX, "text/html"]
    );
    assert_eq!(message.text_body_count(), 1, "the attached HTML is no body");
}

#[test]
fn a_long_subject_is_folded_and_reads_back_whole() {
    let subject: String = "Заявка на подключение «Ёлки» ".repeat(400);
    let bytes = draft_eml(&letter(&subject, ""), &[], at(0)).expect("a draft");
    assert_plain_wire(&bytes);
    assert_eq!(parse(&bytes).subject(), Some(subject.as_str()));
}

#[test]
fn control_characters_in_the_text_are_shown_not_sent() {
    let body = "начало \u{1b}[2J\u{7}\u{0} середина \u{202e}перевёрнуто\u{202c}\rконец\tтаб";
    let bytes = draft_eml(&letter("Тема", body), &[], at(0)).expect("a draft");
    assert_plain_wire(&bytes);
    let text = body_text(&parse(&bytes));
    for gone in ['\u{1b}', '\u{7}', '\u{0}', '\u{202e}', '\u{202c}', '\r'] {
        assert!(!text.contains(gone), "{gone:?} in {text:?}");
    }
    for shown in ["␛[2J", "␇", "␀", "␍"] {
        assert!(text.contains(shown), "{shown} in {text:?}");
    }
    assert!(
        text.contains("начало ") && text.contains("перевёрнуто") && text.contains("конец\tтаб")
    );
}

#[test]
fn a_letter_to_organisations_only_has_no_to_header() {
    let mut draft = letter("Официальное письмо", "");
    draft.to = vec!["ДИТ".into(), "Комитет цифрового развития ЛО".into()];
    draft.cc = vec![];
    let bytes = draft_eml(&draft, &one_file(), at(0)).expect("a draft");
    let message = parse(&bytes);
    assert!(message.to().is_none());
    assert!(!header_names(&message).contains(&"to".to_owned()));
    assert_eq!(
        body_text(&message).trim_end(),
        "Кому: ДИТ, Комитет цифрового развития ЛО"
    );
    assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"));
}

#[test]
fn the_message_id_does_not_carry_the_host_name() {
    let bytes = draft_eml(&letter("Тема", "Текст"), &[], at(0)).expect("a draft");
    let message = parse(&bytes);
    let id = message.message_id().expect("a Message-ID");
    assert!(id.ends_with("@poryadok.invalid"), "{id}");
    let other = draft_eml(&letter("Тема", "Текст"), &[], at(0)).expect("a draft");
    assert_ne!(parse(&other).message_id(), Some(id), "two drafts, two ids");
}
