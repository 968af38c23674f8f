//! The officer adds the signed scan to a letter from the wizard (`a` on a step whose letters
//! take a file): the file is copied into the run's private folder by the function `poryadok
//! attach` uses, said in words, carried by the .eml draft, taken away and brought back by undo;
//! a path that cannot be taken is said under it, and nothing is stored.

use std::path::Path;

use mail_parser::MimeHeaders;

use crate::eml_reader;
use crate::tui_screens::{press, scene, screen, typed, wizard};
use poryadok::i18n::Lang;
use poryadok::tui::action::Action;
use poryadok::tui::app::Screen;
use poryadok::tui::keys::KeyMode;
use poryadok::tui::shell::{Start, Wizard};

/// The step of the ПГС procedure whose second letter carries the signed scan.
const STEP: &str = "access-request";
const SCAN_LETTER: &str = "03 Подписанный скан заявки.eml";

/// Bytes that are not text, so that a mail encoding that changes them cannot pass.
fn scan_bytes() -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(70_000));
    bytes
}

/// A run of the staff-access procedure, open on the step of the scan.
fn scan_step(wizard: &mut Wizard) {
    wizard.start(
        &Start::Procedure("pgs-staff-access".into()),
        crate::common::at(0),
    );
    let mut keys = typed("Администрация Кировского района");
    keys.push(Action::Open);
    press(wizard, &keys);
    let Screen::Run(screen) = &mut wizard.app.screen else {
        panic!("a run is open")
    };
    let index = screen.procedure.step_index(STEP).unwrap();
    screen.selected = screen.order.iter().position(|i| *i == index).unwrap();
}

/// `a`, Enter, the path typed, Enter.
fn attach(wizard: &mut Wizard, path: &str) {
    let mut keys = vec![Action::Attach, Action::Open];
    keys.extend(typed(path));
    keys.push(Action::Open);
    press(wizard, &keys);
}

fn notice(wizard: &Wizard, lang: Lang) -> String {
    let notice = wizard.app.notice.as_ref().expect("a notice");
    notice.text.text(lang)
}

fn stored_files(data: &Path) -> Vec<std::path::PathBuf> {
    let dir = data.join("attachments");
    if !dir.exists() {
        return Vec::new();
    }
    crate::common::files_under(&dir)
}

fn run_attachments(wizard: &Wizard) -> Vec<(String, String, u64)> {
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("a run is open")
    };
    (screen.run.attachments.iter())
        .map(|(key, file)| (key.clone(), file.name.clone(), file.size))
        .collect()
}

/// The scan letter of an export from the wizard (`d`), parsed: its text and its attachments.
fn exported_letter(wizard: &mut Wizard, out: &Path) -> (String, Vec<(String, Vec<u8>)>) {
    wizard.export_to = Some(out.to_path_buf());
    press(wizard, &[Action::Export]);
    let bytes = std::fs::read(out.join(SCAN_LETTER)).unwrap();
    eml_reader::assert_plain_wire(&bytes);
    let message = eml_reader::parse(&bytes);
    let files = (message.attachments())
        .map(|part| {
            let name = part.attachment_name().unwrap_or_default().to_owned();
            (name, part.contents().to_vec())
        })
        .collect();
    (eml_reader::body_text(&message), files)
}

#[test]
fn the_signed_scan_is_attached_from_the_wizard_and_goes_with_the_draft() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let scan = files.path().join("скан.pdf");
    std::fs::write(&scan, scan_bytes()).unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    press(&mut wizard, &[Action::Resize(80, 24)]);
    scan_step(&mut wizard);

    // Before: the letter says the scan is sent separately, and the step how to add it.
    let out = tempfile::tempdir().unwrap();
    let (text, attached) = exported_letter(&mut wizard, out.path());
    assert!(text.contains("(прилагается отдельно)"), "{text}");
    assert!(attached.is_empty());

    // The step says, at the top of its text, that a letter needs a file, and the key.
    let shown = screen(&wizard, 80, 24);
    assert!(shown.contains("✉ Нужен файл к письму: a"), "{shown}");

    attach(&mut wizard, &scan.display().to_string());
    assert_eq!(
        notice(&wizard, Lang::Ru),
        "К письму «Подписанный скан заявки» добавлен файл «скан.pdf» (69 КБ)"
    );
    let shown = screen(&wizard, 80, 24);
    assert!(
        shown.contains("✉ Файлы к письмам: a") && !shown.contains("Нужен файл"),
        "{shown}"
    );
    assert_eq!(wizard.mode(), KeyMode::Steps, "the list closes");
    // The copy is in the run's own folder, private, byte for byte; the run records it.
    let stored = stored_files(data.path());
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(std::fs::read(&stored[0]).unwrap(), scan_bytes());
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&stored[0]), 0o600);
    assert_eq!(mode(stored[0].parent().unwrap()), 0o700);
    let size = scan_bytes().len() as u64;
    assert_eq!(
        run_attachments(&wizard),
        [(format!("{STEP}#1"), "скан.pdf".to_owned(), size)]
    );
    // Saved: the run file on disk has it too.
    let Screen::Run(open) = &wizard.app.screen else {
        panic!("a run is open")
    };
    let run_file = data.path().join("runs").join(format!("{}.json", open.id));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(run_file).unwrap()).unwrap();
    assert_eq!(
        json["run"]["attachments"][format!("{STEP}#1")]["name"],
        "скан.pdf"
    );
    // The step's letter says which file it has.
    let shown = screen(&wizard, 120, 40);
    assert!(
        shown.contains("файл «скан.pdf»") && !shown.contains("файла ещё нет"),
        "{shown}"
    );

    // The draft carries it, byte for byte, and no longer says it is sent separately.
    let out = tempfile::tempdir().unwrap();
    let (text, attached) = exported_letter(&mut wizard, out.path());
    assert!(!text.contains("прилагается отдельно"), "{text}");
    assert!(text.contains("(файл «скан.pdf»)"), "{text}");
    assert_eq!(attached, [("скан.pdf".to_owned(), scan_bytes())]);

    // Undo takes it back, in words, and the draft is as before.
    press(&mut wizard, &[Action::Undo]);
    assert_eq!(
        notice(&wizard, Lang::Ru),
        "Отменено: файл «скан.pdf» больше не приложен к письму «Подписанный скан заявки»"
    );
    assert!(run_attachments(&wizard).is_empty());
    let out = tempfile::tempdir().unwrap();
    let (text, attached) = exported_letter(&mut wizard, out.path());
    assert!(text.contains("(прилагается отдельно)"), "{text}");
    assert!(attached.is_empty());
}

#[test]
fn a_file_is_taken_away_and_undo_brings_it_back() {
    for (lang, attached, taken, back) in [
        (
            Lang::Ru,
            "К письму «Подписанный скан заявки» добавлен файл «заявка.pdf» (14 байт)",
            "Из письма «Подписанный скан заявки» убран файл «заявка.pdf»",
            "Отменено: к письму «Подписанный скан заявки» снова приложен файл «заявка.pdf»",
        ),
        (
            Lang::En,
            "The file «заявка.pdf» (14 bytes) is added to the letter «Подписанный скан заявки»",
            "The file «заявка.pdf» is taken away from the letter «Подписанный скан заявки»",
            "Undone: the letter «Подписанный скан заявки» has the file «заявка.pdf» again",
        ),
    ] {
        let data = tempfile::tempdir().unwrap();
        let files = tempfile::tempdir().unwrap();
        let file = files.path().join("заявка.pdf");
        std::fs::write(&file, b"officer-pc-17\n").unwrap();
        let mut wizard = wizard(lang, data.path());
        scan_step(&mut wizard);
        attach(&mut wizard, &file.display().to_string());
        assert_eq!(notice(&wizard, lang), attached);
        // Del in the list of the step's files.
        press(&mut wizard, &[Action::Attach, Action::ClearField]);
        assert_eq!(notice(&wizard, lang), taken);
        assert!(run_attachments(&wizard).is_empty());
        // Nothing more to take away: said, nothing changed.
        press(&mut wizard, &[Action::Attach, Action::ClearField]);
        assert_eq!(wizard.mode(), KeyMode::Attachments);
        assert!(!notice(&wizard, lang).is_empty());
        press(&mut wizard, &[Action::Back, Action::Undo]);
        assert_eq!(notice(&wizard, lang), back);
        assert_eq!(run_attachments(&wizard).len(), 1);
    }
}

#[test]
fn a_folder_or_a_missing_path_is_refused_under_the_path_and_nothing_stored() {
    for (lang, folder, missing) in [
        (
            Lang::Ru,
            "— не обычный файл (папка или устройство); укажите файл",
            "нет; укажите путь к файлу, который нужно приложить",
        ),
        (
            Lang::En,
            "is not a regular file (a folder or a device); give a file",
            "give the path of the file to attach",
        ),
    ] {
        let data = tempfile::tempdir().unwrap();
        let files = tempfile::tempdir().unwrap();
        let mut wizard = wizard(lang, data.path());
        scan_step(&mut wizard);
        for (path, words) in [
            (files.path().to_path_buf(), folder),
            (files.path().join("нет такого.pdf"), missing),
        ] {
            attach(&mut wizard, &path.display().to_string());
            // The path stays, to mend; the reason is under it, with the path.
            assert_eq!(wizard.mode(), KeyMode::AttachPath);
            let shown = screen(&wizard, 120, 40);
            let said = shown
                .lines()
                .find(|l| l.contains('✖'))
                .unwrap_or_else(|| panic!("no reason shown:\n{shown}"));
            assert!(said.contains(words), "{said}");
            assert!(
                said.contains(&*path.file_name().unwrap().to_string_lossy()),
                "{said}"
            );
            assert!(stored_files(data.path()).is_empty());
            assert!(run_attachments(&wizard).is_empty());
            // Changing the path clears the reason; Esc twice goes back to the step.
            press(&mut wizard, &[Action::Backspace]);
            assert!(!screen(&wizard, 120, 40).contains('✖'));
            press(&mut wizard, &[Action::Back, Action::Back]);
            assert_eq!(wizard.mode(), KeyMode::Steps);
        }
        // Enter on nothing typed asks for a path.
        press(&mut wizard, &[Action::Attach, Action::Open, Action::Open]);
        assert_eq!(wizard.mode(), KeyMode::AttachPath);
        assert!(screen(&wizard, 120, 40).contains("✖ "));
    }
}

/// A path pasted over the list (a file dropped on the terminal, quoted) is the selected
/// attachment's; a path in the home folder can be typed with `~`.
#[test]
fn a_pasted_quoted_path_is_taken() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("скан заявки.pdf");
    std::fs::write(&file, scan_bytes()).unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    scan_step(&mut wizard);
    press(&mut wizard, &[Action::Attach]);
    wizard.paste(&format!("'{}'\n", file.display()), crate::common::at(60));
    assert_eq!(wizard.mode(), KeyMode::AttachPath);
    press(&mut wizard, &[Action::Open]);
    assert_eq!(run_attachments(&wizard).len(), 1, "{:?}", wizard.app.notice);
    assert_eq!(stored_files(data.path()).len(), 1);
}

#[test]
fn a_step_whose_letters_take_no_file_says_so() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    scan_step(&mut wizard);
    press(&mut wizard, &[Action::First, Action::Attach]);
    assert_eq!(wizard.mode(), KeyMode::Steps);
    assert!(
        notice(&wizard, Lang::Ru).contains("нет файлов, которые добавляет сотрудник"),
        "{}",
        notice(&wizard, Lang::Ru)
    );
}

/// The list of the step's files, one given.
#[test]
fn the_list_of_a_steps_files_with_the_file_given() {
    scene("run-attach-list", |wizard| {
        let files = tempfile::tempdir().unwrap();
        let scan = files.path().join("скан.pdf");
        std::fs::write(&scan, scan_bytes()).unwrap();
        scan_step(wizard);
        attach(wizard, &scan.display().to_string());
        press(wizard, &[Action::Attach]);
    });
}

/// The path of a file that is not there, refused under it.
#[test]
fn the_path_of_a_missing_file_refused() {
    scene("run-attach-path-missing", |wizard| {
        scan_step(wizard);
        attach(wizard, "/нет/такой/папки/скан заявки.pdf");
    });
}
