//! `poryadok attach`: the file the officer adds to a letter (a signed scan) copied into the
//! run's private folder through the engine, journaled and undone like any change, and carried
//! by the export: attached to the .eml draft, put beside an ЭДО or paper covering letter.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command as Bin;
use mail_parser::MimeHeaders;
use predicates::prelude::*;

use crate::eml_reader;

/// The step of the ПГС procedure whose second letter carries the signed scan.
const STEP: &str = "access-request";
const SCAN_LETTER: &str = "03 Подписанный скан заявки.eml";

fn poryadok(data: &Path, lang: &str) -> Bin {
    let mut bin = Bin::cargo_bin("poryadok").unwrap();
    bin.arg("--data-dir").arg(data).args(["--lang", lang]);
    bin
}

fn new_run(data: &Path) -> String {
    let output = poryadok(data, "ru")
        .args(["new", "pgs-staff-access", "--label", "Кировск"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let out = String::from_utf8(output.stdout).unwrap();
    out.lines().last().unwrap().to_owned()
}

/// Bytes that are not text, so that a mail encoding that changes them cannot pass.
fn scan_bytes() -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(70_000));
    bytes
}

fn export(data: &Path, id: &str, out: &Path, formats: &str) {
    poryadok(data, "ru")
        .args(["export", id, "--format", formats, "--out"])
        .arg(out)
        .assert()
        .success();
}

fn stored_files(data: &Path) -> Vec<std::path::PathBuf> {
    let dir = data.join("attachments");
    if !dir.exists() {
        return Vec::new();
    }
    crate::common::files_under(&dir)
}

fn run_json(data: &Path, id: &str) -> serde_json::Value {
    let path = data.join("runs").join(format!("{id}.json"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_signed_scan_is_stored_privately_and_attached_to_the_draft_byte_for_byte() {
    let data = tempfile::tempdir().unwrap();
    let id = new_run(data.path());
    let files = tempfile::tempdir().unwrap();
    let scan = files.path().join("Скан заявки.PDF");
    std::fs::write(&scan, scan_bytes()).unwrap();

    // Before a file is given, the letter says the scan is sent separately.
    let out = tempfile::tempdir().unwrap();
    export(data.path(), &id, out.path(), "eml");
    let bytes = std::fs::read(out.path().join(SCAN_LETTER)).unwrap();
    let message = eml_reader::parse(&bytes);
    assert!(eml_reader::body_text(&message).contains("(прилагается отдельно)"));
    assert_eq!(message.attachments().count(), 0);

    poryadok(data.path(), "ru")
        .args(["attach", &id, "3", "1"])
        .arg(&scan)
        .assert()
        .success()
        .stdout(predicate::str::contains("сохранено"));

    // The copy is in the run's own folder, private.
    let stored = stored_files(data.path());
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(std::fs::read(&stored[0]).unwrap(), scan_bytes());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&stored[0]), 0o600);
    assert_eq!(mode(stored[0].parent().unwrap()), 0o700);

    let out = tempfile::tempdir().unwrap();
    export(data.path(), &id, out.path(), "eml");
    let bytes = std::fs::read(out.path().join(SCAN_LETTER)).unwrap();
    eml_reader::assert_plain_wire(&bytes);
    let message = eml_reader::parse(&bytes);
    let text = eml_reader::body_text(&message);
    assert!(!text.contains("прилагается отдельно"), "{text}");
    assert!(text.contains("(файл «Скан заявки.pdf»)"), "{text}");
    let attached: Vec<_> = message.attachments().collect();
    assert_eq!(attached.len(), 1);
    assert_eq!(attached[0].attachment_name(), Some("Скан заявки.pdf"));
    let kind = attached[0].content_type().unwrap();
    assert_eq!((kind.ctype(), kind.subtype()), ("application", Some("pdf")));
    assert_eq!(attached[0].contents(), scan_bytes().as_slice());

    let run = run_json(data.path(), &id);
    assert_eq!(
        run["run"]["attachments"]["access-request#1"]["name"],
        "Скан заявки.PDF"
    );
    // The journal names what was attached.
    let output = poryadok(data.path(), "ru")
        .args(["status", &id, "--journal"])
        .output()
        .unwrap();
    let journal = String::from_utf8(output.stdout).unwrap();
    assert!(journal.contains("«Скан заявки.PDF»"), "{journal}");

    // Undo takes the file away from the run: the letter is back to «прилагается отдельно».
    poryadok(data.path(), "ru")
        .args(["undo", &id])
        .assert()
        .success();
    let out = tempfile::tempdir().unwrap();
    export(data.path(), &id, out.path(), "eml");
    let bytes = std::fs::read(out.path().join(SCAN_LETTER)).unwrap();
    let message = eml_reader::parse(&bytes);
    assert_eq!(message.attachments().count(), 0);
    assert!(eml_reader::body_text(&message).contains("(прилагается отдельно)"));
    assert!(
        run_json(data.path(), &id)["run"]
            .get("attachments")
            .is_none()
    );
}

#[test]
fn a_missing_file_a_link_a_folder_or_a_file_too_large_is_refused_and_nothing_stored() {
    let data = tempfile::tempdir().unwrap();
    let id = new_run(data.path());
    let files = tempfile::tempdir().unwrap();
    let real = files.path().join("скан.pdf");
    std::fs::write(&real, b"%PDF").unwrap();
    let link = files.path().join("ссылка.pdf");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let large = files.path().join("большой.pdf");
    let file = std::fs::File::create(&large).unwrap();
    file.set_len(poryadok::store::attachments::MAX_SIZE + 1)
        .unwrap();
    let cases = [
        (files.path().join("нет.pdf"), "нет.pdf» нет"),
        (link, "символическая ссылка"),
        (files.path().to_path_buf(), "не обычный файл"),
        (large, "больше предела в 25.0 МБ"),
    ];
    for (path, said) in cases {
        poryadok(data.path(), "ru")
            .args(["attach", &id, STEP, "1"])
            .arg(&path)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(said));
    }
    // A step or a number the letters do not have is a usage error, said with what there is.
    poryadok(data.path(), "ru")
        .args(["attach", &id, STEP, "2"])
        .arg(&real)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "1. Подписанный скан заявки на разграничение доступа к ЕСПД",
        ));
    poryadok(data.path(), "ru")
        .args(["attach", &id, "1", "1"])
        .arg(&real)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ничего не прикладывает"));
    assert!(stored_files(data.path()).is_empty());
    let output = poryadok(data.path(), "ru")
        .args(["status", &id, "--journal"])
        .output()
        .unwrap();
    let journal = String::from_utf8(output.stdout).unwrap();
    assert!(!journal.contains("Приложение к письму"), "{journal}");
}

#[test]
fn a_covering_letter_has_the_file_beside_it_under_a_name_that_stays_in_the_folder() {
    // The scan letter sent through ЭДО instead of by e-mail: a covering letter (DOCX).
    let procedures = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/procedures/pgs-staff-access.toml"
    ))
    .unwrap();
    let edo = source.replacen(
        "channel = \"email\"\nto = [\"kis@lenreg.ru\"]",
        "channel = \"edo\"\nto = [\"Комитет цифрового развития ЛО\"]",
        1,
    );
    assert_ne!(edo, source);
    std::fs::write(procedures.path().join("pgs-staff-access.toml"), edo).unwrap();
    let data = tempfile::tempdir().unwrap();
    let with = |bin: &mut Bin| {
        bin.arg("--procedures").arg(procedures.path());
    };
    let mut new = poryadok(data.path(), "ru");
    with(&mut new);
    let output = new
        .args(["new", "pgs-staff-access", "--label", "Кировск"])
        .output()
        .unwrap();
    let id = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_owned();
    let files = tempfile::tempdir().unwrap();
    let scan = files.path().join("..скан\u{1b}[31m заявки.jpeg");
    std::fs::write(&scan, scan_bytes()).unwrap();
    let mut attach = poryadok(data.path(), "ru");
    with(&mut attach);
    attach
        .args(["attach", &id, STEP, "1"])
        .arg(&scan)
        .assert()
        .success();
    let out = tempfile::tempdir().unwrap();
    let mut export = poryadok(data.path(), "ru");
    with(&mut export);
    export
        .args(["export", &id, "--format", "docx", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let beside = "03 скан 31m заявки.jpeg";
    assert!(names.iter().any(|n| n == beside), "{names:?}");
    assert_eq!(
        std::fs::read(out.path().join(beside)).unwrap(),
        scan_bytes()
    );
    let letter = names
        .iter()
        .find(|n| n.starts_with("03 Подписанный скан"))
        .unwrap();
    let docx = crate::docx_reader::read_docx(&std::fs::read(out.path().join(letter)).unwrap());
    let text = docx.document.text();
    assert!(text.contains("(файл «скан 31m заявки.jpeg»)"), "{text}");
    assert!(!text.contains("прилагается отдельно"), "{text}");
}

/// The wizard's text of the step, drawn on a screen tall enough for its letters.
fn step_text(data: &Path, id: &str, step: &str) -> String {
    use poryadok::tui::action::Action;
    use poryadok::tui::app::Screen;
    use poryadok::tui::shell::{Start, Wizard};
    use poryadok::tui::view::{Theme, draw};
    use ratatui::{Terminal, backend::TestBackend};
    let procedures = poryadok::catalog::bundled_files()
        .iter()
        .filter_map(|(_, bytes)| poryadok::procedure::load(bytes).result.ok())
        .map(std::sync::Arc::new)
        .collect();
    let store = poryadok::store::Store::open(data).unwrap();
    let now = crate::common::at(0);
    let mut wizard = Wizard::new(poryadok::i18n::Lang::Ru, procedures, store, now);
    wizard.handle(Action::Resize(160, 90), now);
    wizard.start(&Start::Run(id.into()), now);
    let Screen::Run(screen) = &mut wizard.app.screen else {
        panic!("the run is open")
    };
    let index = screen.procedure.step_index(step).unwrap();
    screen.selected = screen.order.iter().position(|i| *i == index).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(160, 90)).unwrap();
    terminal
        .draw(|frame| draw(frame, &wizard.app, Theme { color: false }))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_wizard_says_which_added_attachments_have_their_file() {
    let data = tempfile::tempdir().unwrap();
    let id = new_run(data.path());
    let screen = step_text(data.path(), &id, STEP);
    assert!(screen.contains("— файла ещё нет"), "{screen}");
    // And the key that gives it, in the wizard.
    assert!(screen.contains("(a — добавить файл)"), "{screen}");
    let files = tempfile::tempdir().unwrap();
    let scan = files.path().join("скан.pdf");
    std::fs::write(&scan, b"%PDF").unwrap();
    poryadok(data.path(), "ru")
        .args(["attach", &id, STEP, "1"])
        .arg(&scan)
        .assert()
        .success();
    let screen = step_text(data.path(), &id, STEP);
    assert!(screen.contains("— файл «скан.pdf»"), "{screen}");
    assert!(!screen.contains("файла ещё нет"), "{screen}");
}

#[test]
fn a_deleted_run_takes_its_added_files_along_and_restore_brings_them_back() {
    let data = tempfile::tempdir().unwrap();
    let id = new_run(data.path());
    let files = tempfile::tempdir().unwrap();
    let scan = files.path().join("скан.pdf");
    std::fs::write(&scan, scan_bytes()).unwrap();
    poryadok(data.path(), "ru")
        .args(["attach", &id, STEP, "1"])
        .arg(&scan)
        .assert()
        .success();
    let folder = data.path().join("attachments").join(&id);
    assert!(folder.is_dir());
    poryadok(data.path(), "ru")
        .args(["delete", &id])
        .assert()
        .success();
    assert!(!folder.exists(), "the scan stays behind a deleted run");
    poryadok(data.path(), "ru")
        .args(["restore", &id])
        .assert()
        .success();
    let out = tempfile::tempdir().unwrap();
    export(data.path(), &id, out.path(), "eml");
    let bytes = std::fs::read(out.path().join(SCAN_LETTER)).unwrap();
    let message = eml_reader::parse(&bytes);
    let attached: Vec<_> = message.attachments().collect();
    assert_eq!(attached.len(), 1);
    assert_eq!(attached[0].contents(), scan_bytes().as_slice());
}

#[test]
fn an_empty_path_takes_the_file_away_and_the_plain_mode_says_so() {
    let data = tempfile::tempdir().unwrap();
    let id = new_run(data.path());
    let files = tempfile::tempdir().unwrap();
    let scan = files.path().join("скан.png");
    std::fs::write(&scan, b"\x89PNG").unwrap();
    poryadok(data.path(), "ru")
        .args(["attach", &id, STEP, "1"])
        .arg(&scan)
        .assert()
        .success();
    let plain = |data: &Path| {
        let output = poryadok(data, "ru")
            .args(["--plain", "open", &id])
            .write_stdin("n\nn\nq\n")
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let said = plain(data.path());
    assert!(
        said.contains(
            "Прилагается: Подписанный скан заявки на разграничение доступа к ЕСПД, файл «скан.png»."
        ),
        "{said}"
    );
    poryadok(data.path(), "ru")
        .args(["attach", &id, STEP, "1", ""])
        .assert()
        .success();
    assert!(
        run_json(data.path(), &id)["run"]
            .get("attachments")
            .is_none()
    );
    let said = plain(data.path());
    assert!(
        said.contains(&format!(
            "файла ещё нет; дать его: poryadok attach {id} 3 1 ФАЙЛ."
        )),
        "{said}"
    );
    // Both changes are in the journal: given, then taken away.
    let output = poryadok(data.path(), "ru")
        .args(["status", &id, "--journal"])
        .output()
        .unwrap();
    let journal = String::from_utf8(output.stdout).unwrap();
    assert!(journal.contains("— → «скан.png»"), "{journal}");
    assert!(journal.contains("«скан.png» → —"), "{journal}");
}

#[test]
fn a_stored_copy_gone_is_reported_and_the_other_documents_are_still_written() {
    let data = tempfile::tempdir().unwrap();
    let id = new_run(data.path());
    let files = tempfile::tempdir().unwrap();
    let scan = files.path().join("скан.pdf");
    std::fs::write(&scan, b"%PDF").unwrap();
    poryadok(data.path(), "ru")
        .args(["attach", &id, STEP, "1"])
        .arg(&scan)
        .assert()
        .success();
    for stored in stored_files(data.path()) {
        std::fs::remove_file(stored).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    poryadok(data.path(), "ru")
        .args(["export", &id, "--format", "eml", "--out"])
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Приложенного файла «скан.pdf» больше нет в данных прохождения",
        ))
        .stderr(predicate::str::contains("poryadok attach"));
    assert!(out.path().join(SCAN_LETTER).exists());
    assert!(out.path().join("01 Перечень сотрудников.eml").exists());
}
