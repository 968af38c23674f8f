//! `poryadok export RUN`: a filled run of the staff-access procedure written out as files, as
//! an officer would run it from a shell.

use std::os::unix::fs::PermissionsExt;

use assert_cmd::Command as Bin;

use crate::common::{at, bundled, filled_run};
use poryadok::store::Store;

/// A data folder holding one filled run of the staff-access procedure; its id.
fn data_folder() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("pgs-staff-access");
    let (mut session, _) = store.create(&p, "Администрация", at(0)).unwrap();
    let run = filled_run(&p);
    session.save(&p, &run, at(10_000)).unwrap();
    let id = session.id().to_owned();
    (dir, id)
}

fn export(data: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Bin::cargo_bin("poryadok")
        .unwrap()
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "ru", "export"])
        .args(args)
        .assert()
}

/// The files in a folder, sorted, without the marker that says poryadok made it.
fn listed(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != poryadok::export::write::MARKER)
        .collect();
    names.sort();
    names
}

#[test]
fn every_format_is_written_with_readable_names_and_a_second_export_replaces_the_first() {
    let (data, id) = data_folder();
    let out = data.path().join("выгрузка");
    let out_arg = out.to_str().unwrap();
    let first = export(data.path(), &[&id, "--out", out_arg]).success();
    let said = String::from_utf8(first.get_output().stdout.clone()).unwrap();
    let names = listed(&out);
    for extension in ["docx", "xlsx", "csv", "md", "html", "json", "eml"] {
        assert!(
            names.iter().any(|n| n.ends_with(&format!(".{extension}"))),
            "{extension} in {names:?}"
        );
    }
    // Every DOCX and XLSX again as PDF, where LibreOffice is installed (CI installs it).
    if poryadok::export::pdf::soffice().is_some() {
        for name in names
            .iter()
            .filter(|n| n.ends_with(".docx") || n.ends_with(".xlsx"))
        {
            let pdf = format!("{}.pdf", name.rsplit_once('.').unwrap().0);
            assert!(names.contains(&pdf), "{pdf} in {names:?}");
            assert!(std::fs::read(out.join(&pdf)).unwrap().starts_with(b"%PDF"));
        }
    } else {
        assert!(std::env::var_os("CI").is_none(), "CI installs LibreOffice");
    }
    // Names a person reads: the step's number and the title, in the procedure's language.
    assert!(
        names.contains(&"Отчёт о прохождении.md".to_owned()),
        "{names:?}"
    );
    for name in names.iter().filter(|n| !n.starts_with("Отчёт")) {
        let (number, title) = name.split_once(' ').unwrap();
        assert!(
            number.len() == 2 && number.chars().all(|c| c.is_ascii_digit()),
            "{name}"
        );
        assert!(
            title.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я')),
            "{name}"
        );
    }
    // The program says where it wrote each file.
    assert!(said.contains(out_arg), "{said}");
    for name in &names {
        assert!(said.contains(name.as_str()), "{name} named in: {said}");
        let mode = std::fs::metadata(out.join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}");
    }
    // Again into the same folder: the folder holds this export only, no «(2)» copies.
    export(data.path(), &[&id, "--out", out_arg, "--format", "json"]).success();
    assert_eq!(listed(&out), ["Отчёт о прохождении.json"]);
    export(data.path(), &[&id, "--out", out_arg]).success();
    assert_eq!(listed(&out), names);
    let beside: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("выгрузка"))
        .collect();
    assert_eq!(beside, ["выгрузка"], "nothing is left beside the folder");
}

#[test]
fn a_folder_of_the_officers_own_is_never_replaced() {
    let (data, id) = data_folder();
    let mine = data.path().join("letters");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("mine.odt"), b"mine").unwrap();
    export(data.path(), &[&id, "--out", mine.to_str().unwrap()])
        .code(2)
        .stderr(predicates::str::contains("создал не poryadok"))
        .stderr(predicates::str::contains("letters"));
    assert_eq!(listed(&mine), ["mine.odt"]);
}

#[test]
fn an_export_that_writes_nothing_says_why_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // A run with nothing filled: no form has a value, no table a row.
    let p = bundled("pgs-staff-access");
    let (session, _) = store.create(&p, "Администрация", at(0)).unwrap();
    let id = session.id().to_owned();
    drop(session);
    let out = dir.path().join("out");
    let assert = export(
        dir.path(),
        &[&id, "--out", out.to_str().unwrap(), "--format", "xlsx,csv"],
    )
    .code(1);
    let said = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        said.contains("Нечего записать в форматах xlsx, csv"),
        "{said}"
    );
    assert!(said.contains("нет заполненного табличного поля"), "{said}");
    assert!(
        !said.contains("писем"),
        "only the formats asked for: {said}"
    );
    assert!(
        !said.contains("формы"),
        "only the formats asked for: {said}"
    );
    assert!(!out.exists(), "no folder is made for nothing");
}

#[test]
fn an_unknown_format_or_run_is_a_clear_error() {
    let (data, id) = data_folder();
    export(data.path(), &[&id, "--format", "odt"])
        .failure()
        .stderr(predicates::str::contains("неизвестный формат «odt»"));
    export(data.path(), &["nosuch-1", "--out", "/tmp/never"])
        .failure()
        .stderr(predicates::str::contains("nosuch-1"));
    assert!(!std::path::Path::new("/tmp/never").exists());
}

/// The words in Latin letters in a text (two letters or more).
fn latin_words(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// Every string value in a JSON tree (not its keys).
fn strings_in(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings_in(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings_in(v, out)),
        _ => {}
    }
}

/// The text a person reads in each exported document (the JSON report is for programs and
/// keeps its English keys).
fn readable_text(path: &std::path::Path) -> Option<String> {
    let bytes = std::fs::read(path).unwrap();
    let extension = path.extension()?.to_str()?;
    Some(match extension {
        "docx" => {
            let docx = crate::docx_reader::read_docx(&bytes);
            docx.document.text()
        }
        "xlsx" => {
            use calamine::Reader;
            let mut book: calamine::Xlsx<_> =
                calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
            let sheet = book.worksheet_range_at(0).unwrap().unwrap();
            sheet
                .rows()
                .flat_map(|r| r.iter().map(|c| c.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        }
        "csv" | "md" => String::from_utf8(bytes).unwrap(),
        "html" => {
            let page = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
            let body = scraper::Selector::parse("body").unwrap();
            let title = scraper::Selector::parse("title").unwrap();
            (page.select(&body).chain(page.select(&title)))
                .flat_map(|e| e.text())
                .collect::<Vec<_>>()
                .join(" ")
        }
        "eml" => {
            let message = crate::eml_reader::parse(&bytes);
            let mut text = crate::eml_reader::body_text(&message);
            text.push_str(message.subject().unwrap_or_default());
            text
        }
        _ => return None,
    })
}

#[test]
fn documents_speak_the_procedures_language_whatever_the_interface_speaks() {
    use poryadok::export::model::text_of;
    for (_, source) in poryadok::catalog::bundled_files() {
        let p = poryadok::procedure::load(source).result.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let (mut session, _) = store.create(&p, "Администрация", at(0)).unwrap();
        let run = filled_run(&p);
        session.save(&p, &run, at(10_000)).unwrap();
        let id = session.id().to_owned();
        // Latin words a Russian document may hold: those of the procedure and of the values.
        let mut allowed = String::new();
        strings_in(&serde_json::to_value(p.file()).unwrap(), &mut allowed);
        for value in run.values.values() {
            match value {
                poryadok::run::Value::Table(rows) => {
                    for cell in rows.iter().flat_map(|r| r.values()) {
                        allowed.push_str(&text_of(cell, poryadok::i18n::Lang::Ru));
                        allowed.push('\n');
                    }
                }
                value => allowed.push_str(&text_of(value, poryadok::i18n::Lang::Ru)),
            }
            allowed.push('\n');
        }
        allowed.push_str(&id);
        let allowed = latin_words(&allowed);
        let out = dir.path().join("out");
        Bin::cargo_bin("poryadok")
            .unwrap()
            .env("LANG", "en_US.UTF-8")
            .arg("--data-dir")
            .arg(dir.path())
            .args(["--lang", "en", "export", &id, "--out"])
            .arg(&out)
            .assert()
            .success();
        let mut read = 0;
        for path in crate::common::files_under(&out) {
            let Some(text) = readable_text(&path) else {
                continue;
            };
            read += 1;
            let english: Vec<String> = latin_words(&text).difference(&allowed).cloned().collect();
            assert!(
                english.is_empty(),
                "{}: English words in a Russian document: {english:?}",
                path.display()
            );
        }
        assert!(read >= 2, "{}: the documents were read", p.id());
    }
}

fn org(data: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Bin::cargo_bin("poryadok")
        .unwrap()
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "ru", "org"])
        .args(args)
        .assert()
}

#[test]
fn an_organisation_filled_once_fills_the_runs_forms_and_heads_them_with_its_requisites() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = bundled("pgs-staff-access");
    let (session, _) = store.create(&p, "Кировск", at(0)).unwrap();
    let id = session.id().to_owned();
    drop(session);
    let register = dir.path().join("organisations.toml");
    // A typo in the INN is caught by its check digit; nothing is saved.
    org(dir.path(), &["kirovsk", "--inn", "4706002689"])
        .code(2)
        .stderr(predicates::str::contains("ИНН (--inn)"))
        .stderr(predicates::str::contains("контрольная цифра"));
    assert!(!register.exists());
    org(
        dir.path(),
        &[
            "kirovsk",
            "--full-name",
            "Администрация Кировского муниципального района Ленинградской области",
            "--short-name",
            "Администрация Кировского района",
            "--legal-address",
            "187342, Ленинградская обл., г. Кировск, ул. Новая, д. 1",
            "--inn",
            "7707083893",
            "--kpp",
            "773601001",
            "--ogrn",
            "1027700132195",
            "--head-name",
            "Васильев Алексей Петрович",
        ],
    )
    .success()
    .stdout(predicates::str::contains("ИНН: 7707083893"));
    let mode = std::fs::metadata(&register).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // The run is given to it: its empty fields marked `organisation` take its values.
    org(dir.path(), &["kirovsk", "--run", &id])
        .success()
        .stdout(predicates::str::contains("заполнено 3 поля"));
    let (opened, _) = store.read(&id, false).unwrap();
    let value = |field: &str| match opened.run.values.get(field) {
        Some(poryadok::run::Value::Text(text)) => text.clone(),
        other => panic!("{field}: {other:?}"),
    };
    assert_eq!(
        value("org_name"),
        "Администрация Кировского муниципального района Ленинградской области"
    );
    assert_eq!(value("head_name"), "Васильев Алексей Петрович");
    assert!(
        opened
            .run
            .journal
            .iter()
            .any(|e| e.what == poryadok::run::journal::What::Field("org_legal_address".into())),
        "journaled like a typed value"
    );
    // The form is headed with the requisites and signed «А.П. Васильев».
    let out = dir.path().join("out");
    export(
        dir.path(),
        &[&id, "--out", out.to_str().unwrap(), "--format", "docx"],
    )
    .success();
    let request = listed(&out)
        .into_iter()
        .find(|n| n.starts_with("03 Форма"))
        .expect("the access request");
    let docx = crate::docx_reader::read_docx(&std::fs::read(out.join(request)).unwrap());
    let text = docx.document.text();
    assert!(
        text.contains("ИНН 7707083893, КПП 773601001"),
        "{text:.600}"
    );
    assert!(text.contains("ОГРН 1027700132195"));
    assert!(text.contains("А.П. Васильев"));
    // A new run of the organisation: labelled with its short name, its fields filled.
    let new = Bin::cargo_bin("poryadok")
        .unwrap()
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "--lang",
            "ru",
            "new",
            "pgs-staff-access",
            "--org",
            "kirovsk",
        ])
        .assert()
        .success();
    let second = String::from_utf8(new.get_output().stdout.clone()).unwrap();
    let second = second.trim();
    let (opened, _) = store.read(second, false).unwrap();
    assert_eq!(opened.run.label, "Администрация Кировского района");
    assert!(opened.run.values.contains_key("org_legal_address"));
    // Listed with its runs.
    org(dir.path(), &[])
        .success()
        .stdout(predicates::str::contains(second));
    org(dir.path(), &[])
        .success()
        .stdout(predicates::str::contains(
            "kirovsk  Администрация Кировского района",
        ))
        .stdout(predicates::str::contains(id.as_str()));
}

#[test]
fn without_libreoffice_pdf_says_how_to_install_it_and_the_rest_is_written() {
    let (data, id) = data_folder();
    let out = data.path().join("out");
    let empty = tempfile::tempdir().unwrap();
    let run = |formats: Option<&str>| {
        let mut command = Bin::cargo_bin("poryadok").unwrap();
        command
            .env("PATH", empty.path())
            .arg("--data-dir")
            .arg(data.path())
            .args([
                "--lang",
                "ru",
                "export",
                &id,
                "--out",
                out.to_str().unwrap(),
            ]);
        if let Some(formats) = formats {
            command.args(["--format", formats]);
        }
        command.assert()
    };
    // Asked for by name: the DOCX is written, the PDF is not, and the exit code says so.
    run(Some("docx,pdf"))
        .code(1)
        .stderr(predicates::str::contains("не установлен LibreOffice"))
        .stderr(predicates::str::contains(
            "apt-get install libreoffice-writer libreoffice-calc",
        ));
    let names = listed(&out);
    assert!(names.iter().any(|n| n.ends_with(".docx")), "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(".pdf")), "{names:?}");
    // Every format: the others are written, PDF is a note, not a failure.
    run(None)
        .success()
        .stderr(predicates::str::contains("не установлен LibreOffice"));
    assert!(listed(&out).iter().any(|n| n.ends_with(".eml")));
    // Only PDF, nothing to make it with: nothing is written, exit 1.
    run(Some("pdf")).code(1);
}
