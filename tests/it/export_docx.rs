//! Filled forms as DOCX: every form of every bundled procedure, filled as an officer would
//! (`filled_forms`), exported and read back: the package's parts, the XML checked for
//! well-formedness by a small strict reader (`docx_reader`; no XML crate is a dependency), and
//! the document's content compared with the form it was made from: title, addressee, every
//! label and value, table headers and cells, signature and date, page size and fonts. Then
//! hostile values.
//!
//! With `DOCX_OUT=DIR` set, the exported files are also saved there, to be opened by hand
//! (`libreoffice --headless --convert-to pdf`; docs/export-form.png was made so).

use std::collections::BTreeSet;

use jiff::tz::{TimeZone, offset};
use poryadok::export::docx::form_docx;
use poryadok::export::model::{FilledForm, FormRow, SignatureBlock};
use poryadok::export::{Options, build};
use poryadok::i18n::Lang;
use poryadok::procedure::{Procedure, load};
use poryadok::run::Value;

use crate::common::{at, bundled};
use crate::docx_reader::form::{cells, check_form, rows};
use crate::docx_reader::{Docx, Element, read_docx};
use crate::filled_forms::{filled_run, list, row, text, typed_values};

fn options(lang: Lang) -> Options {
    Options {
        lang,
        include_secrets: false,
        tz: TimeZone::fixed(offset(3)),
        organisation: None,
        added_files: None,
        earlier: Vec::new(),
    }
}

/// The forms a filled run of the procedure exports, with the first choice (if any) taken each
/// way in turn, so that forms of every variant are met.
fn exported_forms(p: &Procedure, lang: Lang) -> Vec<FilledForm> {
    let values = typed_values();
    let firsts: Vec<Vec<(&str, &str)>> = match p.file().choices.first() {
        None => vec![Vec::new()],
        Some(choice) => choice
            .options
            .iter()
            .map(|o| vec![(choice.id.as_str(), o.id.as_str())])
            .collect(),
    };
    let mut forms: Vec<FilledForm> = Vec::new();
    for choose in firsts {
        let run = filled_run(p, &choose, &values);
        for form in build(p, &run, "run-1", at(3600), &options(lang)).forms {
            if !forms.iter().any(|f| f.id == form.id) {
                forms.push(form);
            }
        }
    }
    forms
}

fn all_bundled() -> Vec<Procedure> {
    poryadok::catalog::bundled_files()
        .iter()
        .map(|(name, bytes)| {
            load(bytes)
                .result
                .unwrap_or_else(|e| panic!("{name} loads: {e:?}"))
        })
        .collect()
}

fn save(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("DOCX_OUT") {
        std::fs::create_dir_all(&dir).expect("DOCX_OUT can be made");
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).expect("DOCX_OUT writable");
    }
}

/// Exports, reads back and checks one form.
fn export_and_check(form: &FilledForm, lang: Lang, file: &str) -> Docx {
    let bytes = form_docx(form).unwrap_or_else(|e| panic!("{}: {e:#}", form.id));
    save(file, &bytes);
    let docx = read_docx(&bytes);
    check_form(form, lang, &docx);
    docx
}

// ---------------------------------------------------------------------------------------------
// The bundled procedures.

#[test]
fn every_form_of_every_bundled_procedure_exports_as_the_form_reads() {
    let procedures = all_bundled();
    assert_eq!(procedures.len(), 5);
    let mut exported = BTreeSet::new();
    for p in &procedures {
        let forms = exported_forms(p, Lang::Ru);
        // Every form filled in poryadok is exported; those filled outside it (`external`)
        // have no fields here.
        let expected: BTreeSet<&str> = p
            .file()
            .forms
            .iter()
            .filter(|f| !f.external && !f.fields.is_empty())
            .map(|f| f.id.as_str())
            .collect();
        let got: BTreeSet<&str> = forms.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(got, expected, "{}", p.id());
        for form in &forms {
            let docx = export_and_check(form, Lang::Ru, &format!("{}-{}.docx", p.id(), form.id));
            assert!(docx.parts.contains("word/settings.xml"));
            exported.insert(format!("{}/{}", p.id(), form.id));
        }
    }
    assert_eq!(
        exported,
        [
            "antivirus-licenses/autonomous-justification",
            "antivirus-licenses/subordinate-impossible-justification",
            "pgs-staff-access/access-request",
            "pgs-staff-access/employees",
            "qualified-signature/application",
            "rsmev-connection/is-connection-request",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect::<BTreeSet<_>>()
    );
}

fn form_of<'a>(forms: &'a [FilledForm], id: &str) -> &'a FilledForm {
    forms
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("form {id} exported"))
}

#[test]
fn pgs_forms_read_like_the_source_document() {
    let p = bundled("pgs-staff-access");
    let forms = exported_forms(&p, Lang::Ru);

    // The employees list: a table of three, numbered, with the document's six columns.
    let employees = form_of(&forms, "employees");
    let docx = export_and_check(employees, Lang::Ru, "pgs-employees.docx");
    let table = docx.document.find_all("w:tbl")[0];
    let trs = rows(table);
    assert_eq!(
        cells(trs[0]),
        [
            "№",
            "Ф.И.О.",
            "Должность",
            "Телефон для взаимодействия",
            "Электронная почта",
            "Наименование услуги из Перечня МСЗУ",
            "Роль/ роли в ПГС",
        ]
    );
    assert_eq!(trs.len(), 4);
    assert_eq!(
        cells(trs[1]),
        [
            "1",
            "Иванова Мария Петровна",
            "Главный специалист отдела опеки и попечительства",
            // As typed, "+7 (81370) 2-11-45"; kept by the engine in its normal form.
            "+7 813 702-11-45",
            "m.ivanova@kirovsk-reg.ru",
            "Выдача разрешения на вступление в брак лицам, достигшим возраста шестнадцати лет",
            "Регистратор; Специалист",
        ]
    );
    assert_eq!(cells(trs[3])[0], "3");
    assert_eq!(cells(trs[3])[1], "Кузнецова Ольга Викторовна");

    // The access request: addressed to the committee, signed by the head.
    let request = form_of(&forms, "access-request");
    let docx = export_and_check(request, Lang::Ru, "pgs-access-request.docx");
    let body = docx.document.child("w:body").expect("body");
    let first = body.elements().next().expect("a first paragraph");
    assert_eq!(first.text(), "Комитет цифрового развития ЛО");
    let signature = docx
        .document
        .find_all("w:tr")
        .into_iter()
        .map(cells)
        .find(|c| c.len() == 3 && c[0] == "Руководитель")
        .expect("the signature line");
    assert_eq!(signature[2], "И.И. Иванов");
    let values: Vec<String> = docx
        .document
        .find_all("w:tc")
        .into_iter()
        .map(Element::text)
        .collect();
    assert!(values.contains(&"10.0.0.5, 10.0.0.6; 172.16.90.16".to_owned()));
    // A value of several lines keeps them, as line breaks.
    assert!(
        values.contains(
            &"187342, Ленинградская область, г. Кировск, ул. Новая, д. 1, каб. 12\n\
          187342, Ленинградская область, г. Кировск, ул. Новая, д. 1, каб. 14"
                .to_owned()
        )
    );
    assert!(
        docx.raw
            .contains("каб. 12</w:t><w:br w:type=\"textWrapping\" /><w:t")
            || docx.raw.contains("каб. 12</w:t></w:r><w:r><w:br"),
        "the break between the lines is a w:br"
    );
    // The users table, reused from the employees list with the columns the form names.
    let users = rows(docx.document.find_all("w:tbl")[1]);
    assert_eq!(
        cells(users[0]),
        [
            "№",
            "Должность",
            "Ф.И.О.",
            "Телефон для взаимодействия",
            "Электронная почта"
        ]
    );
    assert_eq!(users.len(), 4);
}

#[test]
fn qualified_signature_application_has_a_blank_line_for_the_name_and_the_date() {
    let p = bundled("qualified-signature");
    let forms = exported_forms(&p, Lang::Ru);
    let form = form_of(&forms, "application");
    assert!(form.signature.as_ref().is_some_and(|s| s.name.is_none()));
    let docx = export_and_check(form, Lang::Ru, "qualified-signature-application.docx");
    let texts: Vec<String> = docx
        .document
        .find_all("w:p")
        .into_iter()
        .map(Element::text)
        .collect();
    // 1 hour after 16:00 UTC on 24 November 2025, at UTC+3.
    assert!(texts.contains(&"Дата: 24.11.2025".to_owned()), "{texts:?}");
    assert!(texts.contains(&"Руководитель структурного подразделения".to_owned()));
    let cells_text: Vec<String> = docx
        .document
        .find_all("w:tc")
        .into_iter()
        .map(Element::text)
        .collect();
    assert!(cells_text.contains(&"500100732259".to_owned()));
    assert!(
        cells_text.contains(&"нет".to_owned()),
        "a yes/no field in words"
    );
}

#[test]
fn under_an_english_interface_a_russian_form_keeps_its_russian_labels() {
    let p = bundled("pgs-staff-access");
    let forms = exported_forms(&p, Lang::En);
    let form = form_of(&forms, "employees");
    assert_eq!(form.lang, Lang::Ru, "the procedure's language");
    let docx = export_and_check(form, Lang::Ru, "pgs-employees-en.docx");
    let texts: Vec<String> = docx
        .document
        .find_all("w:p")
        .into_iter()
        .map(Element::text)
        .collect();
    assert!(texts.contains(&"Дата: 24.11.2025".to_owned()), "{texts:?}");
    assert!(texts.contains(&"№".to_owned()), "{texts:?}");
    assert!(!texts.iter().any(|t| t.starts_with("Date") || t == "No."));
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";
const HEADER: &str = "x\r\nBcc: x@y";
const PATH: &str = "../../x";
const CONTROLS: &str = "\u{1b}[31mкрасный\u{7}\u{0}\u{8}\u{202E}txt.exe";

fn long_value() -> String {
    // 100,000 characters, with something to escape every so often.
    let chunk = "Длинное значение & <b>«кавычки»</b> \"' ";
    let mut value: String = chunk.chars().cycle().take(99_999).collect();
    value.push('!');
    value
}

#[test]
fn hostile_values_in_a_run_come_out_escaped_and_complete() {
    let long = long_value();
    assert_eq!(long.chars().count(), 100_000);
    let p = bundled("qualified-signature");
    let hostile = [
        ("department", text(SCRIPT)),
        ("full_name", text(IMG)),
        ("inn", text(PATH)),
        ("corporate_email", text(HEADER)),
        ("mobile_phone", text(CONTROLS)),
        ("grounds", text(&long)),
    ];
    let run = filled_run(&p, &[], &hostile);
    let form = build(&p, &run, "run-1", at(0), &options(Lang::Ru))
        .forms
        .into_iter()
        .next()
        .expect("the application");
    let docx = export_and_check(&form, Lang::Ru, "hostile-run.docx");
    let values: Vec<String> = docx
        .document
        .find_all("w:tc")
        .into_iter()
        .map(Element::text)
        .collect();
    // Escaped, so never markup: the text is what was typed.
    assert!(!docx.raw.contains("<script") && !docx.raw.contains("<img"));
    assert!(docx.raw.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(values.contains(&SCRIPT.to_owned()));
    assert!(values.contains(&IMG.to_owned()));
    assert!(values.contains(&PATH.to_owned()));
    // The carriage return is shown as a control picture by the model; the line break stays a
    // line break, in the text of the cell, nowhere else.
    assert!(
        values.contains(&"x\u{240D}\nBcc: x@y".to_owned()),
        "{values:?}"
    );
    // Control characters never reach the document as such.
    let controls = values
        .iter()
        .find(|v| v.contains("красный"))
        .expect("the controls value");
    assert!(
        !controls.chars().any(|c| c.is_control() || c == '\u{202E}'),
        "{controls:?}"
    );
    assert!(controls.ends_with("txt.exe"));
    // The long value, whole.
    let whole = values
        .iter()
        .find(|v| v.starts_with("Длинное значение"))
        .expect("the long value");
    assert_eq!(whole.chars().count(), 100_000);
    assert_eq!(*whole, long);

    // The same in a table field's cells.
    let p = bundled("pgs-staff-access");
    let table = Value::Table(vec![row(&[
        ("full_name", text(SCRIPT)),
        ("position", text(IMG)),
        ("phone", text(HEADER)),
        ("email", text(PATH)),
        ("service", text(&long)),
        ("roles", list(&[CONTROLS, "Регистратор"])),
    ])]);
    let run = filled_run(&p, &[], &[("employees_list", table)]);
    let forms = build(&p, &run, "run-1", at(0), &options(Lang::Ru)).forms;
    for form in &forms {
        let docx = export_and_check(form, Lang::Ru, &format!("hostile-{}.docx", form.id));
        assert!(!docx.raw.contains("<script") && !docx.raw.contains("<img"));
    }
    let docx = read_docx(&form_docx(form_of(&forms, "employees")).expect("exported"));
    let cells_text: Vec<String> = docx
        .document
        .find_all("w:tc")
        .into_iter()
        .map(Element::text)
        .collect();
    assert!(cells_text.contains(&long));
    assert!(cells_text.contains(&SCRIPT.to_owned()));
}

#[test]
fn hostile_procedure_texts_cannot_break_the_document() {
    // Built by hand, around the model's own cleaning: raw controls, a carriage return, the
    // two non-characters XML forbids, markup in the title, labels, headers and signature.
    let form = FilledForm {
        step: 1,
        id: "x".into(),
        title: format!("{SCRIPT} ]]> <![CDATA[ x"),
        addressee: Some(format!("{IMG}\nвторая строка")),
        requisites: Vec::new(),
        rows: vec![
            FormRow::Field {
                label: "a\u{0}b\u{1b}c\u{FFFE}d\u{FFFF}e".into(),
                value: "line 1\r\nline 2\ttab".into(),
            },
            FormRow::Table {
                id: "t".into(),
                label: "</w:t></w:r></w:p><w:p>".into(),
                columns: vec!["&amp;".into(), "<w:tblHeader/>".into()],
                rows: vec![vec!["<w:cantSplit />".into()]],
            },
            FormRow::Field {
                label: PATH.into(),
                value: String::new(),
            },
        ],
        signature: Some(SignatureBlock {
            role: "\"role\" & <co>".into(),
            name: Some("'name'".into()),
        }),
        date: jiff::civil::date(2025, 12, 31),
        lang: Lang::Ru,
    };
    let bytes = form_docx(&form).expect("exported");
    save("hostile-texts.docx", &bytes);
    let docx = read_docx(&bytes);
    let paragraphs: Vec<String> = docx
        .document
        .find_all("w:p")
        .into_iter()
        .map(Element::text)
        .collect();
    assert_eq!(paragraphs[0], format!("{IMG}\nвторая строка"));
    assert_eq!(paragraphs[1], format!("{SCRIPT} ]]> <![CDATA[ x"));
    assert!(paragraphs.contains(&"</w:t></w:r></w:p><w:p>".to_owned()));
    assert!(paragraphs.contains(&"Дата: 31.12.2025".to_owned()));
    let cells_text: Vec<String> = docx
        .document
        .find_all("w:tc")
        .into_iter()
        .map(Element::text)
        .collect();
    // What XML cannot carry becomes U+FFFD; a carriage return goes, its line break stays.
    assert!(cells_text.contains(&"a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e".to_owned()));
    assert!(cells_text.contains(&"line 1\nline 2\ttab".to_owned()));
    assert!(cells_text.contains(&"&amp;".to_owned()));
    assert!(cells_text.contains(&"<w:tblHeader/>".to_owned()));
    assert!(cells_text.contains(&"<w:cantSplit />".to_owned()));
    assert!(cells_text.contains(&"\"role\" & <co>".to_owned()));
    assert!(cells_text.contains(&"'name'".to_owned()));
    // Text that looks like a header row mark does not make a row repeat.
    assert_eq!(docx.document.find_all("w:tblHeader").len(), 1);
}

#[test]
fn a_form_with_requisites_has_them_at_the_left_and_the_addressee_at_the_right() {
    let p = bundled("pgs-staff-access");
    let forms = exported_forms(&p, Lang::Ru);
    let mut form = form_of(&forms, "access-request").clone();
    form.requisites = vec![
        "Администрация Кировского района <Ленинградской> области & Co".to_owned(),
        "187340, Ленинградская обл., г. Кировск, ул. Новая, д. 1".to_owned(),
        "ИНН 4706002688, КПП 470601001".to_owned(),
        "ОГРН 1024701336680".to_owned(),
    ];
    form.addressee = Some("Комитет цифрового развития\nЛенинградской области".to_owned());
    // Two pages: the page number on the second, the signature with the end of the form.
    for row in &mut form.rows {
        if let FormRow::Table { rows, .. } = row {
            let all = rows.clone();
            rows.extend(all.iter().cycle().take(21).cloned());
        }
    }
    let docx = export_and_check(&form, Lang::Ru, "requisites.docx");
    assert!(docx.raw.contains("&lt;Ленинградской&gt; области &amp; Co"));
}

/// The text of each page of a PDF, by `pdftotext`.
fn pdf_pages(pdf: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(str::to_owned)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// Whether LibreOffice and poppler are here to lay a document out as a person sees it.
fn can_render() -> bool {
    let here = |tool: &str| std::process::Command::new(tool).arg("-v").output().is_ok();
    if here("soffice") && here("pdftotext") {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI installs LibreOffice and poppler-utils (.ci/run)"
    );
    eprintln!("SKIPPED: soffice or pdftotext is not installed");
    false
}

/// ГОСТ Р 7.0.97: the signature is never alone on a page. The access request with more and more
/// employees, laid out by LibreOffice: wherever the page breaks, the page with the captions
/// under the signature also holds the last row of the table before it, and the date.
#[test]
fn the_signature_block_stays_on_the_page_of_the_end_of_the_form() {
    if !can_render() {
        return;
    }
    let p = bundled("pgs-staff-access");
    let forms = exported_forms(&p, Lang::Ru);
    let form = form_of(&forms, "access-request");
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for extra in 20..44 {
        let mut form = form.clone();
        for row in &mut form.rows {
            if let FormRow::Table { rows, .. } = row {
                let first = rows[0].clone();
                rows.extend(std::iter::repeat_n(first, extra));
            }
        }
        // The last field's value, to find the end of the form on a page.
        let Some(FormRow::Field { value, .. }) = form.rows.last_mut() else {
            panic!("the form ends with a field");
        };
        *value = format!("КОНЕЦФОРМЫ{extra}");
        let name = format!("long-{extra}.docx");
        std::fs::write(dir.path().join(&name), form_docx(&form).unwrap()).unwrap();
        names.push((extra, name));
    }
    let status = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(names.iter().map(|(_, n)| dir.path().join(n)))
        .env("HOME", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("soffice runs");
    assert!(status.success());
    let mut page_counts = BTreeSet::new();
    for (extra, name) in &names {
        let pdf = dir.path().join(name.replace(".docx", ".pdf"));
        let pages = pdf_pages(&pdf);
        page_counts.insert(pages.len());
        let signed = pages
            .iter()
            .position(|p| p.contains("(расшифровка подписи)"))
            .unwrap_or_else(|| panic!("{name}: no signature"));
        let page = &pages[signed];
        assert!(
            page.contains(&format!("КОНЕЦФОРМЫ{extra}")),
            "{name}: the signature is on page {} without the end of the form:\n{page}",
            signed + 1
        );
        assert!(
            page.contains("Дата:"),
            "{name}: the date is with the signature"
        );
        // Page numbers from the second page on.
        assert!(
            !pages[0].trim_start().starts_with('1'),
            "{name}: no number on page 1"
        );
        if let Some(second) = pages.get(1) {
            assert!(
                second.trim_start().starts_with('2'),
                "{name}: page 2 numbered"
            );
        }
    }
    assert!(
        page_counts.len() > 1,
        "the rows moved the end across a page: {page_counts:?}"
    );
}
