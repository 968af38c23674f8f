//! Export of a fully filled run of each bundled procedure, every format read back the way
//! another program would read it: XLSX with a spreadsheet reader, CSV as text, HTML with an
//! HTML parser, JSON with a JSON parser; and hostile values, harmless and complete in each.

use std::collections::BTreeMap;
use std::io::Cursor;

use jiff::tz::TimeZone;

use crate::common::{at, bundled, filled_run};
use poryadok::export::report::Templates;
use poryadok::export::write::OutFile;
use poryadok::export::{Format, Options, build, files};
use poryadok::i18n::Lang;
use poryadok::procedure::Procedure;
use poryadok::run::command::{Command, apply};
use poryadok::run::{Run, Value};

const PROCEDURES: [&str; 5] = [
    "antivirus-licenses",
    "esia-service-centres",
    "pgs-staff-access",
    "qualified-signature",
    "rsmev-connection",
];

const MINE: [Format; 5] = [
    Format::Xlsx,
    Format::Csv,
    Format::Markdown,
    Format::Html,
    Format::Json,
];

fn options(lang: Lang) -> Options {
    Options {
        lang,
        include_secrets: false,
        tz: TimeZone::UTC,
        organisation: None,
        added_files: None,
        earlier: Vec::new(),
    }
}

fn export(p: &Procedure, run: &Run, lang: Lang) -> Vec<OutFile> {
    files(
        p,
        run,
        &format!("{}-1", p.id()),
        at(100_000),
        &options(lang),
        &Templates::default(),
        &MINE,
    )
    .unwrap()
}

fn by_extension<'a>(out: &'a [OutFile], extension: &str) -> Vec<&'a OutFile> {
    out.iter()
        .filter(|f| f.name.ends_with(&format!(".{extension}")))
        .collect()
}

fn text(file: &OutFile) -> &str {
    std::str::from_utf8(&file.bytes).expect("UTF-8")
}

/// Every text node of an HTML page, joined.
fn html_text(html: &scraper::Html) -> String {
    html.root_element().text().collect::<Vec<_>>().join("")
}

#[test]
fn every_procedure_exports_a_report_that_other_programs_read_back_whole() {
    for id in PROCEDURES {
        let p = bundled(id);
        let run = filled_run(&p);
        let model = build(&p, &run, "x-1", at(100_000), &options(Lang::Ru));
        let out = export(&p, &run, Lang::Ru);

        // JSON: its format and version, every step once, statuses from the documented set.
        let json = by_extension(&out, "json");
        assert_eq!(json.len(), 1, "{id}");
        let value: serde_json::Value = serde_json::from_slice(&json[0].bytes).unwrap();
        assert_eq!(value["format"], "poryadok-report");
        assert_eq!(value["version"], 1);
        let steps: Vec<&serde_json::Value> = value["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["steps"].as_array().unwrap())
            .collect();
        assert_eq!(
            steps.len(),
            p.steps().len(),
            "{id}: every step in the report"
        );
        for step in &steps {
            let status = step["status"].as_str().unwrap();
            assert!(
                [
                    "done",
                    "passed_over",
                    "skipped",
                    "undecided",
                    "blocked",
                    "in_progress",
                    "waiting",
                    "ready",
                    "reached"
                ]
                .contains(&status),
                "{status}"
            );
        }
        let done = steps.iter().filter(|s| s["status"] == "done").count();
        assert!(done > 0, "{id}: the filled run has steps done");
        assert_eq!(value["done"].as_u64().unwrap() as usize, model.report.done);
        assert_eq!(
            value["journal"].as_array().unwrap().len(),
            run.journal.len()
        );

        // HTML: parses, has the CSP, no script, and shows every step, value and note.
        let page = by_extension(&out, "html");
        let html = scraper::Html::parse_document(text(page[0]));
        let csp = scraper::Selector::parse("meta[http-equiv=\"Content-Security-Policy\"]").unwrap();
        let policy = html
            .select(&csp)
            .next()
            .expect("a CSP")
            .attr("content")
            .unwrap();
        assert!(policy.starts_with("default-src 'none'"), "{policy}");
        let script = scraper::Selector::parse("script, link, img, iframe").unwrap();
        assert_eq!(
            html.select(&script).count(),
            0,
            "{id}: nothing from outside"
        );
        let shown = html_text(&html);
        for section in &model.report.sections {
            for step in &section.steps {
                assert!(shown.contains(&step.title), "{id}: {}", step.title);
                assert!(
                    shown.contains(&step.status_text),
                    "{id}: {}",
                    step.status_text
                );
            }
        }
        assert!(shown.contains("Отправлено письмом № 12-34 от 01.12.2025"));
        assert!(shown.contains("Администрация Кировского района"));

        // Markdown: a heading per section and every step's title.
        let md = text(by_extension(&out, "md")[0]);
        assert!(md.starts_with(&format!("# {}", p.title())), "{id}");
        for section in &model.report.sections {
            assert!(md.contains(&format!("## {}", section.title)), "{id}");
        }

        // Tables: as many spreadsheets and CSV files as there are table fields filled.
        // A table shown again in another form is exported once.
        let mut seen = std::collections::BTreeSet::new();
        let tables: Vec<_> = model
            .forms
            .iter()
            .flat_map(|f| &f.rows)
            .filter_map(|r| match r {
                poryadok::export::model::FormRow::Table {
                    id, columns, rows, ..
                } if seen.insert(id.clone()) => Some((columns, rows)),
                _ => None,
            })
            .collect();
        let xlsx = by_extension(&out, "xlsx");
        let csv = by_extension(&out, "csv");
        assert_eq!(xlsx.len(), tables.len(), "{id}");
        assert_eq!(csv.len(), tables.len(), "{id}");
        for ((columns, rows), (book, csv)) in tables.iter().zip(xlsx.iter().zip(&csv)) {
            use calamine::Reader;
            let mut workbook: calamine::Xlsx<_> =
                calamine::open_workbook_from_rs(Cursor::new(book.bytes.clone())).unwrap();
            let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
            let cells: Vec<Vec<String>> = sheet
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            assert_eq!(cells[0][0], "№");
            assert_eq!(&cells[0][1..], columns.as_slice());
            assert_eq!(cells.len(), rows.len() + 1);
            for (got, want) in cells[1..].iter().zip(rows.iter()) {
                assert_eq!(&got[1..], want.as_slice());
            }
            let csv = text(csv);
            assert!(csv.starts_with('\u{feff}'));
            assert_eq!(csv.matches("\r\n").count(), rows.len() + 1);
        }
        if id == "pgs-staff-access" {
            assert_eq!(tables.len(), 1, "003 has its employee list");
        }
    }
}

#[test]
fn the_report_speaks_the_procedures_language() {
    // A Russian procedure: a Russian report whatever the interface speaks.
    let p = bundled("qualified-signature");
    let out = export(&p, &filled_run(&p), Lang::En);
    let md = text(by_extension(&out, "md")[0]);
    assert!(md.contains("Журнал изменений"), "{md}");
    assert!(!md.contains("Journal of changes"), "{md}");
    // The same procedure written in English: an English report whatever the interface speaks.
    let source = String::from_utf8(
        poryadok::catalog::bundled_files()
            .iter()
            .find(|(name, _)| name.contains("qualified-signature"))
            .unwrap()
            .1
            .to_vec(),
    )
    .unwrap();
    let title = p.title();
    let english = source.replacen(
        &format!("title = \"{title}\""),
        "title = \"Obtaining a qualified e-signature\"",
        1,
    );
    assert_ne!(english, source, "the title was replaced");
    let p = poryadok::procedure::load(english.as_bytes())
        .result
        .unwrap();
    let out = export(&p, &filled_run(&p), Lang::Ru);
    let md = text(by_extension(&out, "md")[0]);
    assert!(md.contains("Journal of changes"), "{md}");
    assert!(md.contains("Steps done"));
}

/// Hostile values for text fields: markup, a header injection, a path, control characters,
/// and a very long value.
fn hostile() -> Vec<String> {
    vec![
        "<script>alert(1)</script>".into(),
        "\"><img src=x onerror=alert(1)>".into(),
        "тема\r\nBcc: x@y".into(),
        "../../x".into(),
        "до\u{1b}[31mкрасного\u{7} и \u{202e}назад".into(),
        "=HYPERLINK(\"http://x\")".into(),
        "[ссылка](javascript:alert(1)) *жирный* | ячейка".into(),
        "я".repeat(100_000),
    ]
}

#[test]
fn hostile_values_come_out_harmless_and_complete_in_every_format() {
    let p = bundled("pgs-staff-access");
    let mut run = filled_run(&p);
    let values = hostile();
    // Every row of the employee list gets one hostile name; the label of the run too.
    let Some(Value::Table(rows)) = run.values.get("employees_list").cloned() else {
        panic!("the employee list is filled")
    };
    let rows: Vec<BTreeMap<String, Value>> = values
        .iter()
        .map(|v| {
            let mut row = rows[0].clone();
            row.insert("full_name".into(), Value::Text(v.clone()));
            row.insert("position".into(), Value::Text(v.clone()));
            row
        })
        .collect();
    apply(
        &p,
        &mut run,
        Command::SetField {
            field: "employees_list".into(),
            value: Value::Table(rows),
        },
        at(99_000),
    )
    .unwrap();
    run.label = values[1].clone();
    let out = export(&p, &run, Lang::Ru);
    // What a value is once control characters are taken out (as every format does).
    let clean = |v: &str| poryadok::text::sanitize(v).into_owned();

    // HTML: no element or attribute came from a value; each value is there as text.
    let html = scraper::Html::parse_document(text(by_extension(&out, "html")[0]));
    let active = scraper::Selector::parse("script, img, [onerror], a[href]").unwrap();
    assert_eq!(html.select(&active).count(), 0);
    let shown = html_text(&html);
    for v in &values {
        assert!(
            shown.contains(&clean(v)),
            "{}",
            v.chars().take(60).collect::<String>()
        );
    }
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202e}'));

    // JSON: the values, exactly (less control characters).
    let json: serde_json::Value =
        serde_json::from_slice(&by_extension(&out, "json")[0].bytes).unwrap();
    let all = json.to_string();
    assert!(all.contains(&"я".repeat(100_000)));
    assert!(!all.contains("\\u001b"));

    // Markdown: nothing a renderer would turn into a link, emphasis or HTML.
    let md = text(by_extension(&out, "md")[0]);
    assert!(!md.contains("<script>"));
    assert!(
        md.contains("\\<script\\>alert(1)\\</script\\>"),
        "escaped as text"
    );
    assert!(md.contains("\\[ссылка\\](javascript:alert(1)) \\*жирный\\* \\| ячейка"));
    assert!(md.contains(&"я".repeat(100_000)));

    // CSV: a formula is neutralised, a line break stays inside its quoted cell.
    let csv = text(by_extension(&out, "csv")[0]);
    assert!(csv.contains("'=HYPERLINK"));
    assert!(
        csv.contains(&format!("\"{}\"", clean("тема\r\nBcc: x@y"))),
        "{csv:.300}"
    );

    // XLSX: every cell is the value, as text.
    use calamine::Reader;
    let book = by_extension(&out, "xlsx")[0];
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(book.bytes.clone())).unwrap();
    let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
    let names: Vec<String> = sheet.rows().skip(1).map(|r| r[1].to_string()).collect();
    // Excel holds at most 32,767 characters in a cell; the CSV and the other formats hold the
    // whole value.
    let want: Vec<String> = values
        .iter()
        .map(|v| clean(v).chars().take(32_767).collect())
        .collect();
    assert!(names == want, "the cells are the values");
}

#[test]
fn a_secret_value_is_left_out_unless_asked_for() {
    // Variant 1 of the antivirus procedure records the KSC server's password.
    let p = bundled("antivirus-licenses");
    let mut run = filled_run(&p);
    run.values
        .insert("v1_ksc_password".into(), Value::Text("пароль-12345".into()));
    let contains = |out: &[OutFile]| {
        out.iter()
            .filter(|f| String::from_utf8_lossy(&f.bytes).contains("пароль-12345"))
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
    };
    let out = export(&p, &run, Lang::Ru);
    assert_eq!(contains(&out), Vec::<String>::new());
    let md = text(by_extension(&out, "md")[0]);
    assert!(
        md.contains("не выгружается: секретное значение"),
        "the report says it is left out"
    );
    // Asked for explicitly, it is there.
    let asked = Options {
        include_secrets: true,
        ..options(Lang::Ru)
    };
    let out = files(
        &p,
        &run,
        "x-1",
        at(100_000),
        &asked,
        &Templates::default(),
        &MINE,
    )
    .unwrap();
    assert!(!contains(&out).is_empty());
}

#[test]
fn a_letter_says_which_form_filled_outside_poryadok_to_attach_by_hand() {
    // Variant 1 sends the application made on the issuer's own template.
    let p = bundled("antivirus-licenses");
    let run = filled_run(&p);
    let model = build(&p, &run, "x-1", at(100_000), &options(Lang::Ru));
    let carrying: Vec<_> = model
        .drafts
        .iter()
        .filter(|d| d.attach.iter().any(|a| a == "request"))
        .collect();
    assert!(!carrying.is_empty());
    let title = &p.form("request").unwrap().title;
    for draft in carrying {
        assert!(
            draft.body.contains(&format!("Приложить: «{title}»")),
            "{}",
            draft.body
        );
    }
}

#[test]
fn the_json_report_schema_in_docs_is_the_one_the_program_writes() {
    let schema = poryadok::export::report::json_schema();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &schema).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == schema,
        "docs/report.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test --test export, \
         and raise JSON_VERSION if a field was removed or changed meaning"
    );
    // And an exported report has every property the schema requires.
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let p = bundled("pgs-staff-access");
    let out = export(&p, &filled_run(&p), Lang::Ru);
    let report: serde_json::Value =
        serde_json::from_slice(&by_extension(&out, "json")[0].bytes).unwrap();
    for key in schema["required"].as_array().unwrap() {
        assert!(report.get(key.as_str().unwrap()).is_some(), "{key}");
    }
}

/// An XML part of an XLSX file, as text.
fn xlsx_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn spreadsheet_rows_are_as_tall_as_their_wrapped_text_and_print_landscape_on_the_width() {
    let p = bundled("pgs-staff-access");
    let out = export(&p, &filled_run(&p), Lang::Ru);
    let book = by_extension(&out, "xlsx")[0];
    // To look at it: DOCX_OUT=folder cargo test, then LibreOffice.
    if let Some(dir) = std::env::var_os("DOCX_OUT") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            std::path::Path::new(&dir).join("employees.xlsx"),
            &book.bytes,
        )
        .unwrap();
    }
    let sheet = xlsx_part(&book.bytes, "xl/worksheets/sheet1.xml");
    // Every row has a height of its own, in points: whole lines of 15 pt.
    let heights: Vec<f64> = sheet
        .split("<row ")
        .skip(1)
        .map(|row| {
            let row = &row[..row.find('>').unwrap()];
            assert!(row.contains(r#"customHeight="1""#), "{row}");
            let ht = row.split(r#"ht=""#).nth(1).expect("a height");
            ht[..ht.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    let rows = filled_run(&p);
    let Some(Value::Table(entries)) = rows.values.get("employees_list") else {
        panic!("the employee list is filled")
    };
    assert_eq!(heights.len(), entries.len() + 1, "{heights:?}");
    // «Главный специалист отдела опеки и попечительства» wraps in a 30-character column.
    assert!(heights.iter().all(|h| *h >= 17.0), "{heights:?}");
    assert!(
        heights[1..].iter().any(|h| *h >= 2.0 * 15.0),
        "a wrapped cell makes its row taller: {heights:?}"
    );
    // A4 landscape, fitted to one page's width (any number of pages tall), header repeated.
    assert!(
        sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
        "{sheet:.400}"
    );
    let setup = sheet.split("<pageSetup ").nth(1).expect("a page setup");
    let setup = &setup[..setup.find("/>").unwrap()];
    for attr in [
        r#"paperSize="9""#,
        r#"orientation="landscape""#,
        r#"fitToHeight="0""#,
    ] {
        assert!(setup.contains(attr), "{attr} in {setup}");
    }
    assert!(!setup.contains(r#"fitToWidth="0""#), "{setup}");
    let workbook = xlsx_part(&book.bytes, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"name="_xlnm.Print_Titles""#) && workbook.contains("$1:$1"),
        "{workbook}"
    );
}

/// The content lines of an iCalendar text, unfolded (RFC 5545, 3.1).
fn unfolded(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split("\r\n") {
        match line.strip_prefix(' ').or_else(|| line.strip_prefix('\t')) {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None if line.is_empty() => {}
            None => lines.push(line.to_owned()),
        }
    }
    lines
}

#[test]
fn the_calendar_has_an_all_day_event_for_each_date_to_keep() {
    let p = bundled("qualified-signature");
    let mut run = filled_run(&p);
    // A wait until a day, and a step under way whose deadline counts from its start.
    let index = p.step_index("wait-call").unwrap();
    let wait_on = p.steps()[index].id.clone();
    let due: jiff::civil::Date = "2026-03-10".parse().unwrap();
    for step in p.steps()[..index].iter() {
        let _ = apply(&p, &mut run, Command::CompleteStep(step.id.clone()), at(1));
    }
    apply(
        &p,
        &mut run,
        Command::WaitStep {
            step: wait_on.clone(),
            due: Some(due),
        },
        at(2),
    )
    .unwrap();
    let model = build(
        &p,
        &run,
        "qualified-signature-1",
        at(100_000),
        &options(Lang::En),
    );
    assert!(!model.dates.is_empty());
    let out = files(
        &p,
        &run,
        "qualified-signature-1",
        at(100_000),
        &options(Lang::En),
        &Templates::default(),
        &[Format::Ics],
    )
    .unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].name, "Сроки.ics",
        "named in the procedure's language"
    );
    let text = String::from_utf8(out[0].bytes.clone()).unwrap();
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines folded at 75 octets"
    );
    let lines = unfolded(&text);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0".to_owned()));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    let events: Vec<&[String]> = lines
        .split(|l| l == "BEGIN:VEVENT")
        .skip(1)
        .map(|e| &e[..e.iter().position(|l| l == "END:VEVENT").unwrap()])
        .collect();
    assert_eq!(events.len(), model.dates.len());
    for (event, date) in events.iter().zip(&model.dates) {
        let get = |name: &str| {
            event
                .iter()
                .find(|l| l.starts_with(name))
                .unwrap_or_else(|| panic!("{name} in {event:?}"))
                .clone()
        };
        let day = date.date.strftime("%Y%m%d").to_string();
        let next = date.date.tomorrow().unwrap().strftime("%Y%m%d").to_string();
        assert_eq!(get("DTSTART"), format!("DTSTART;VALUE=DATE:{day}"));
        assert_eq!(get("DTEND"), format!("DTEND;VALUE=DATE:{next}"));
        assert!(get("UID:").contains(&date.step_id));
        assert!(get("DTSTAMP:").ends_with('Z'));
        let summary = get("SUMMARY:");
        assert!(
            summary.contains(&format!("шаг {}", date.step_number)),
            "{summary}"
        );
        let description = get("DESCRIPTION:");
        assert!(
            description.contains(&p.steps()[date.step_number - 1].title.replace(',', "\\,")),
            "{description}"
        );
        if let Some(rule) = &date.rule {
            assert!(
                description.contains(&format!("Правило: {rule}")),
                "{description}"
            );
        }
    }
    let wait = events
        .iter()
        .find(|e| e.iter().any(|l| l.starts_with("SUMMARY:Ждём ответа")))
        .expect("the wait");
    assert!(
        wait.contains(&"DTSTART;VALUE=DATE:20260310".to_owned()),
        "{wait:?}"
    );
    assert!(
        model.dates.iter().any(|d| d.rule.is_some()),
        "a deadline with its rule"
    );
}

/// The register's organisation of the letter tests.
fn kirovsk() -> poryadok::organisation::Organisation {
    use poryadok::organisation::{OrgKey, Organisation};
    let mut org = Organisation::default();
    for (key, value) in [
        (
            OrgKey::FullName,
            "Администрация Кировского муниципального района",
        ),
        (
            OrgKey::LegalAddress,
            "187342, Ленинградская обл., г. Кировск, ул. Новая, д. 1",
        ),
        (OrgKey::Inn, "7707083893"),
        (OrgKey::Kpp, "773601001"),
        (OrgKey::HeadPosition, "Глава администрации"),
        (OrgKey::HeadName, "Васильев Алексей Петрович"),
        (OrgKey::OfficerName, "Иванова Мария Петровна"),
        (OrgKey::Phone, "+7 (81362) 2-11-45"),
        (OrgKey::Email, "m.ivanova@kirovsk-reg.ru"),
    ] {
        org.set(key, value).unwrap();
    }
    org
}

#[test]
fn letters_come_from_the_organisation_paper_ones_as_covering_letters() {
    // The scan letter carries a file the officer adds, the signed scan, not the unsigned form.
    let p = bundled("pgs-staff-access");
    let run = filled_run(&p);
    let options = Options {
        organisation: Some(kirovsk()),
        ..options(Lang::En)
    };
    let made = poryadok::export::make(
        &p,
        &run,
        "pgs-staff-access-1",
        at(100_000),
        &options,
        &Templates::default(),
        &[Format::Docx, Format::Eml],
    );
    assert!(made.problems.is_empty(), "{:?}", made.problems);
    let names: Vec<&str> = made.files.iter().map(|f| f.name.as_str()).collect();
    // The paper original is a covering letter (DOCX), not an e-mail.
    let covering = made
        .files
        .iter()
        .find(|f| f.name == "03 Оригинал заявки.docx")
        .unwrap_or_else(|| panic!("{names:?}"));
    assert!(!names.contains(&"03 Оригинал заявки.eml"), "{names:?}");
    if let Some(dir) = std::env::var_os("DOCX_OUT") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            std::path::Path::new(&dir).join("covering.docx"),
            &covering.bytes,
        )
        .unwrap();
    }
    let docx = crate::docx_reader::read_docx(&covering.bytes);
    let text = docx.document.text();
    for expected in [
        "Администрация Кировского муниципального района",
        "ИНН 7707083893, КПП 773601001",
        "Комитет цифрового развития ЛО",
        "Направляем оригинал заявки Администрация Кировского",
        "Глава администрации",
        "А.П. Васильев",
        "(подпись)",
        "(расшифровка подписи)",
        "Исполнитель: Иванова Мария Петровна, +7 813 622-11-45, m.ivanova@kirovsk-reg.ru",
        "№ ____________",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} in the covering letter:\n{text}"
        );
    }
    assert!(
        !text.contains("Enclosure"),
        "in the procedure's language: {text}"
    );
    // The e-mail: the signed scan listed as attached separately, the signer and the contact.
    let scan = made
        .files
        .iter()
        .find(|f| f.name == "03 Подписанный скан заявки.eml")
        .unwrap_or_else(|| panic!("{names:?}"));
    let message = crate::eml_reader::parse(&scan.bytes);
    let body = crate::eml_reader::body_text(&message);
    let model = build(&p, &run, "pgs-staff-access-1", at(100_000), &options);
    let draft = model
        .drafts
        .iter()
        .find(|d| d.title.as_deref() == Some("Подписанный скан заявки"))
        .unwrap();
    assert_eq!(
        draft.attachments,
        ["Подписанный скан заявки на разграничение доступа к ЕСПД (прилагается отдельно)"]
    );
    assert!(draft.attach.is_empty(), "{:?}", draft.attach);
    assert!(
        body.contains("Приложение: Подписанный скан заявки на разграничение доступа к ЕСПД"),
        "{body}"
    );
    // A text without its own list gets the letter's, numbered when there are several.
    let mut bare = draft.clone();
    bare.body = "Добрый день!".into();
    bare.attachments.insert(0, "Форма заявки".into());
    let ending = poryadok::export::model::letter_ending(&bare).join("\n");
    assert!(
        ending.starts_with("Приложение:\n1. Форма заявки\n2. Подписанный скан"),
        "{ending}"
    );
    // The signer is the organisation's head, once: the procedure's text does not sign again.
    assert_eq!(text.matches("Руководитель").count(), 0, "{text}");
    assert_eq!(body.matches("А.П. Васильев").count(), 1, "{body}");
    assert!(
        body.contains("Глава администрации\nА.П. Васильев"),
        "{body}"
    );
    assert!(
        body.trim_end().ends_with("m.ivanova@kirovsk-reg.ru"),
        "{body}"
    );
    // Listed once, whether the procedure's text lists the attachments itself or not.
    assert!(body.matches("Приложение").count() <= 1, "{body}");
}

#[test]
fn without_an_organisation_letters_are_signed_by_the_head_the_run_names() {
    use poryadok::run::Value;
    let p = bundled("pgs-staff-access");
    let mut run = filled_run(&p);
    run.values.insert(
        "head_name".into(),
        Value::Text("Васильев Алексей Петрович".into()),
    );
    let model = build(
        &p,
        &run,
        "pgs-staff-access-1",
        at(100_000),
        &options(Lang::En),
    );
    let letters: Vec<_> = model
        .drafts
        .iter()
        .filter(|d| d.step != "traffic-routing")
        .collect();
    assert!(!letters.is_empty());
    for draft in letters {
        let ending = poryadok::export::model::letter_ending(draft).join("\n");
        // The head's name once, under the role a form field gives («Руководитель»).
        assert!(ending.ends_with("Руководитель\nА.П. Васильев"), "{ending}");
        assert!(!draft.body.contains("Васильев"), "{}", draft.body);
    }
    // Nothing to sign with: no signature lines at all, and an empty field in a text is named by
    // its label, not its id.
    run.values.remove("head_name");
    run.values.remove("org_name");
    let model = build(
        &p,
        &run,
        "pgs-staff-access-1",
        at(100_000),
        &options(Lang::En),
    );
    for draft in &model.drafts {
        assert!(draft.signer.is_none(), "{:?}", draft.signer);
        assert!(!draft.body.contains("[org_name]"), "{}", draft.body);
    }
}

/// A run whose journal has a step marked done for an earlier day, a secret typed and a change
/// taken back, as the wizard's journal test makes it.
fn run_with_a_journal(p: &Procedure) -> Run {
    use poryadok::run::command::{Day, apply_on};
    let mut run = Run::new(p, "Комитет", at(0));
    let choose = |choice: &str, option: &str| Command::Choose {
        choice: choice.into(),
        option: option.into(),
    };
    let set = |field: &str, value| Command::SetField {
        field: field.into(),
        value,
    };
    // Today is 24.11.2025; the rules were read on Friday 21.11.2025, recorded today.
    let friday = Day {
        on: jiff::civil::date(2025, 11, 21),
        today: jiff::civil::date(2025, 11, 24),
    };
    let changes = [
        (choose("variant", "v1"), None),
        (choose("applicant", "oiv"), None),
        (set("mediapack_kl8069rmzzz", Value::Bool(false)), None),
        (
            Command::CompleteStep("mediapack-rules".into()),
            Some(friday),
        ),
        (
            set("v1_ksc_password", Value::Text("Пароль-123".into())),
            None,
        ),
        (choose("applicant", "both"), None),
        (Command::Undo, None),
    ];
    for (minute, (command, day)) in changes.into_iter().enumerate() {
        let now = at(60 * (minute as i64 + 1));
        apply_on(p, &mut run, command, now, day).unwrap();
    }
    run
}

/// The report's journal is the wizard's, word for word: the same subjects, values, the day a
/// step was recorded for and the change taken back; a secret only as a marker in every format,
/// even when the export was asked to include secrets.
#[test]
fn the_reports_journal_reads_as_the_wizards_and_never_holds_a_secret() {
    let p = bundled("antivirus-licenses");
    let run = run_with_a_journal(&p);
    let told = poryadok::run::journal::told(&p, &run, &[], Lang::Ru, &TimeZone::UTC);
    let model = build(&p, &run, "x-1", at(100_000), &options(Lang::En));
    assert_eq!(model.report.journal.len(), told.len());
    for (line, told) in model.report.journal.iter().zip(&told) {
        assert_eq!(line.number, told.number);
        assert_eq!(line.subject, told.subject);
        assert_eq!(line.old.as_deref().unwrap_or("—"), told.old);
        assert_eq!(line.new.as_deref().unwrap_or("—"), told.new);
        let remarks: Vec<&String> = [&told.recorded_for, &told.undoes, &told.moved]
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(line.remarks.iter().collect::<Vec<_>>(), remarks);
    }
    let step = &model.report.journal[3];
    assert_eq!(
        step.subject,
        "Шаг 17 «Ознакомление с правилами заказа медиапака»"
    );
    assert_eq!(step.new.as_deref(), Some("выполнен 21.11.2025"));
    assert_eq!(step.recorded_for, Some(jiff::civil::date(2025, 11, 21)));
    // The value names the day already: no remark says it again.
    assert!(step.remarks.is_empty(), "{:?}", step.remarks);
    let undo = &model.report.journal[6];
    assert_eq!((undo.undo, undo.undoes), (true, Some(6)));
    assert_eq!(undo.remarks, ["(отменяет изменение 6)"]);
    assert_eq!(model.report.journal[0].old, None);

    let out = export(&p, &run, Lang::Ru);
    for file in &out {
        assert!(!text(file).contains("Пароль-123"), "{}", file.name);
    }
    let json: serde_json::Value =
        serde_json::from_slice(&by_extension(&out, "json")[0].bytes).unwrap();
    let journal = json["journal"].as_array().unwrap();
    assert_eq!(journal[3]["recorded_for"], "2025-11-21");
    assert_eq!(journal[4]["new"], "(секретное значение)");
    assert_eq!(journal[6]["undoes"], 6);
    let markdown = text(by_extension(&out, "md")[0]);
    assert!(
        markdown.contains(
            "| 4 | 24.11.2025 16:04 | Шаг 17 «Ознакомление с правилами заказа медиапака» \
             | — | выполнен 21.11.2025 |"
        ),
        "{markdown}"
    );
    let html = scraper::Html::parse_document(text(by_extension(&out, "html")[0]));
    // The journal is the page's last table; its newest row the change taken back.
    let tables = scraper::Selector::parse("table").unwrap();
    let cells = scraper::Selector::parse("td").unwrap();
    let journal = html
        .select(&tables)
        .next_back()
        .expect("the journal's table");
    let cells: Vec<String> = (journal.select(&cells))
        .map(|td| td.text().collect::<String>())
        .collect();
    assert_eq!(
        cells[cells.len() - 5..],
        [
            "7",
            "24.11.2025 16:07",
            "Выбор «Заявитель» (отменяет изменение 6)",
            "«ОИВ и подведы, и их ИС»",
            "«ОИВ и подведы»",
        ]
    );

    // Asked for secrets, the forms have them; the journal still does not.
    let asked = Options {
        include_secrets: true,
        ..options(Lang::Ru)
    };
    let model = build(&p, &run, "x-1", at(100_000), &asked);
    let journal = serde_json::to_string(&model.report.journal).unwrap();
    assert!(!journal.contains("Пароль-123"), "{journal}");
}
