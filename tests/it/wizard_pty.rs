//! The real binary in a pseudo-terminal, driven as an officer would drive it: start the
//! e-signature procedure, fill its application, try step 8 before step 7 (refused with the
//! document's reason), do 7 and then 8, quit; start again and find the run where it was left.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

/// One run of the binary in a pseudo-terminal, with a screen that follows its output.
struct Session {
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(data: &Path, args: &[&str]) -> Session {
        Session::start_with(data, args, &[])
    }

    fn start_with(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: HEIGHT,
                cols: WIDTH,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_poryadok"));
        command.arg("--data-dir");
        command.arg(data);
        command.args(["--lang", "en"]);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("NO_COLOR", "1");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pty.slave.spawn_command(command).expect("poryadok starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(HEIGHT).unwrap(),
            std::num::NonZero::new(WIDTH).unwrap(),
            0,
        )));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buffer[..n]);
            }
        });
        Session {
            writer,
            screen,
            child,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; fails with the screen when it does not.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.text().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {text:?}:\n{}", self.text());
    }

    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            write!(self.writer, "{c}").unwrap();
            self.writer.flush().unwrap();
            // One key at a time, as typed; the program draws between them.
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Sends a key that arrives as several bytes (an arrow, Alt with a letter) in one write,
    /// as a terminal sends it.
    fn press(&mut self, sequence: &str) {
        self.writer.write_all(sequence.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(30));
    }

    fn wait_exit(&mut self) {
        let status = self.exit_status();
        assert!(status.success(), "poryadok exited with {status:?}");
    }

    fn exit_status(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                // What the program wrote last has reached the screen.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("poryadok did not quit:\n{}", self.text());
    }

    /// Fails unless the terminal is back as the shell had it: main screen, cursor shown, no
    /// mouse reporting, no bracketed paste.
    fn assert_terminal_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "the mouse still reports"
        );
        assert!(!screen.bracketed_paste(), "bracketed paste is still on");
    }
}

const ENTER: &str = "\r";
const TAB: &str = "\t";
const CTRL_S: &str = "\x13";
const ESC: &str = "\x1b";
const DOWN: &str = "\x1b[B";
const END: &str = "\x1b[F";
/// Alt-c: the step done, from its form (Esc and c typed at once arrive so too).
const ALT_C: &str = "\x1bc";

#[test]
fn the_signature_run_is_filled_gated_completed_and_resumed() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = Session::start(data.path(), &["start", "qualified-signature"]);
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Иванов И.И.{ENTER}"));
    wizard.wait_for("0 of 14 done");

    // The application form, field after field; a wrong INN is caught as it is typed.
    wizard.keys(TAB);
    wizard.wait_for("▸ Подразделение*:");
    wizard.keys(&format!("{ENTER}Кафедра информатики{ENTER}"));
    wizard.keys(&format!("{ENTER}Иванов Иван Иванович{ENTER}"));
    wizard.keys(&format!("{ENTER}500100732250"));
    wizard.wait_for("check digit");
    wizard.keys(&format!("\x7f9{ENTER}"));
    wizard.keys(&format!("{ENTER}8 (912) 345-67-89{ENTER}"));
    wizard.keys(&format!("{ENTER}ivanov@university.ru{ENTER}"));
    wizard.keys(ENTER); // yes/no: toggled to yes
    wizard.press(DOWN);
    wizard.keys(&format!("{ENTER}Подписание документов в ЭДО{CTRL_S}"));
    wizard.wait_for("+7 912 345-67-89");
    wizard.press(ALT_C);
    wizard.wait_for("1 of 14 done");

    // Steps 2 to 6, then step 8 before step 7: refused with the document's reason.
    wizard.keys(TAB);
    for _ in 2..=6 {
        wizard.keys("jc");
    }
    wizard.wait_for("6 of 14 done");
    wizard.keys("jjc");
    wizard.wait_for("Приступать к шагу 8 возможно только после получения Rutoken lite");
    wizard.wait_for("6 of 14 done");
    // Step 7, then step 8.
    wizard.keys("kc");
    wizard.wait_for("7 of 14 done");
    wizard.keys("jc");
    wizard.wait_for("8 of 14 done");
    wizard.keys("q");
    wizard.wait_exit();

    // Started again from the home screen: the run is listed and opens on step 8.
    let mut again = Session::start(data.path(), &[]);
    again.wait_for("8 of 14 done");
    again.keys(ENTER);
    again.wait_for("8. ");
    assert!(
        again
            .text()
            .contains("Генерация запроса на выдачу сертификата ЭП"),
        "{}",
        again.text()
    );
    // Step 1 still holds what was typed.
    again.keys("g");
    again.wait_for("Иванов Иван Иванович");
    again.wait_for("500100732259");
    again.keys("q");
    again.wait_exit();
}

#[test]
fn ctrl_c_leaves_the_terminal_as_it_was() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = Session::start(data.path(), &["start", "qualified-signature"]);
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Петров П.П.{ENTER}"));
    wizard.wait_for("0 of 14 done");
    {
        let parser = wizard.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(screen.alternate_screen() && screen.bracketed_paste());
        assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    }
    wizard.keys("\x03");
    wizard.wait_exit();
    wizard.assert_terminal_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_leaves_a_report_and_a_pointer_to_it() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = Session::start_with(data.path(), &[], &[("PORYADOK_TEST_PANIC", "1")]);
    let status = wizard.exit_status();
    assert!(!status.success(), "a panic is not a success");
    wizard.assert_terminal_restored();
    // One line after the restored screen says where the report is.
    let log = data.path().join("panic.log");
    wizard.wait_for("the report is in");
    assert!(wizard.text().contains("panic.log"), "{}", wizard.text());
    let report = std::fs::read_to_string(&log).expect("the report is written");
    assert!(report.contains("stopping on purpose"), "{report}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o600,
        "the report may hold personal data: only its owner reads it"
    );
}

/// The file of a run in the data folder, as it is on disk now.
fn run_file(data: &Path, id: &str) -> String {
    std::fs::read_to_string(data.join("runs").join(format!("{id}.json"))).unwrap_or_default()
}

/// Waits until the run's file on disk holds `text`; fails with the file when it does not.
fn wait_on_disk(data: &Path, id: &str, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if run_file(data, id).contains(text) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the run never held {text:?}:\n{}", run_file(data, id));
}

#[test]
fn a_change_reaches_the_disk_at_once_and_outlives_a_killed_process() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = Session::start(data.path(), &["start", "qualified-signature"]);
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Сидоров С.С.{ENTER}"));
    wizard.wait_for("0 of 14 done");
    assert!(!run_file(data.path(), "qualified-signature-1").contains("in_progress"));
    // Step 1 started: written with no quit, no further key.
    wizard.keys("s");
    wizard.wait_for("▶ in progress");
    wait_on_disk(data.path(), "qualified-signature-1", "\"in_progress\"");
    // As a power cut or a closed terminal window would, nothing is given a chance to save.
    wizard.child.kill().unwrap();
    wizard.child.wait().unwrap();

    let mut again = Session::start(data.path(), &["open", "qualified-signature-1"]);
    again.wait_for("▶ in progress");
    again.keys("q");
    again.wait_exit();
}

#[test]
fn a_panic_while_drawing_a_change_still_saves_it() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = Session::start_with(
        data.path(),
        &["start", "qualified-signature"],
        &[("PORYADOK_TEST_PANIC", "draw")],
    );
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Сидоров С.С.{ENTER}"));
    wizard.wait_for("0 of 14 done");
    // Starting step 1 is a change; the frame that would show it panics.
    wizard.keys("s");
    let status = wizard.exit_status();
    assert!(!status.success(), "a panic is not a success");
    wizard.assert_terminal_restored();
    wizard.wait_for("your work up to the last change is saved");
    assert!(
        run_file(data.path(), "qualified-signature-1").contains("\"in_progress\""),
        "the change was lost:\n{}",
        run_file(data.path(), "qualified-signature-1")
    );
}

/// The procedures the wizard read from their files are kept in the cache once its first frame
/// is out, without waiting for a key or for the officer to quit.
#[test]
fn the_wizard_keeps_what_it_read_after_its_first_frame() {
    use crate::synthetic;
    use poryadok::procedure::Cache;
    let data = tempfile::tempdir().unwrap();
    let own = data.path().join("procedures");
    std::fs::create_dir(&own).unwrap();
    std::fs::write(own.join("own.toml"), synthetic::procedure_text(20)).unwrap();
    let cache = Cache::new(data.path().join("cache").join("procedures")).unwrap();
    let mut locations: Vec<String> = poryadok::catalog::bundled_files()
        .iter()
        .map(|(name, _)| format!("bundled:{name}"))
        .collect();
    locations.push(own.join("own.toml").display().to_string());

    let mut wizard = Session::start(data.path(), &[]);
    wizard.wait_for("Procedures");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !locations.iter().all(|l| cache.path_for(l).is_file()) {
        assert!(Instant::now() < deadline, "never kept: {locations:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
    wizard.keys("q");
    wizard.wait_exit();
}

/// Makes every save fail as a full disk or a read-only folder would (also for root, whom
/// permissions do not stop): the runs folder is moved aside and a file takes its name. The
/// returned function puts the folder back.
fn break_runs_folder(data: &Path) -> impl FnOnce() {
    let runs = data.join("runs");
    let aside = data.join("runs.aside");
    std::fs::rename(&runs, &aside).unwrap();
    std::fs::write(&runs, "not a folder").unwrap();
    move || {
        std::fs::remove_file(&runs).unwrap();
        std::fs::rename(&aside, &runs).unwrap();
    }
}

/// Starts a run, breaks the runs folder, makes a change (its save fails) and asks to quit: the
/// wizard must still be running and asking.
fn quit_after_a_failed_save(data: &Path) -> (Session, impl FnOnce()) {
    let mut wizard = Session::start(data, &["start", "qualified-signature"]);
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Сидоров С.С.{ENTER}"));
    wizard.wait_for("0 of 14 done");
    let mend = break_runs_folder(data);
    wizard.keys("s");
    wizard.wait_for("NOT SAVED");
    // The reason is shown whole, not cut off by the header.
    wizard.wait_for("a file stands where a folder of the path should be");
    wizard.keys("q");
    wizard.wait_for("Quitting now would lose the change");
    (wizard, mend)
}

#[test]
fn quitting_after_a_failed_save_saves_it_again_or_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let (mut wizard, mend) = quit_after_a_failed_save(data.path());
    assert!(
        wizard.child.try_wait().unwrap().is_none(),
        "the wizard quit and lost the change"
    );
    // The officer mends the folder and quits again: the change is written on the way out.
    mend();
    wizard.keys("q");
    wizard.wait_exit();
    assert!(
        run_file(data.path(), "qualified-signature-1").contains("\"in_progress\""),
        "the change was lost:\n{}",
        run_file(data.path(), "qualified-signature-1")
    );
}

#[test]
fn a_second_quit_leaves_without_the_change_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let (mut wizard, _mend) = quit_after_a_failed_save(data.path());
    wizard.keys("q");
    wizard.wait_exit();
    wizard.wait_for("closed without saving the last change: ");
    let kept = std::fs::read_to_string(
        data.path()
            .join("runs.aside")
            .join("qualified-signature-1.json"),
    )
    .unwrap();
    assert!(!kept.contains("\"in_progress\""), "{kept}");
}

/// The run's file as JSON (the envelope's `run`).
fn run_json(data: &Path, id: &str) -> serde_json::Value {
    let file: serde_json::Value = serde_json::from_str(&run_file(data, id)).unwrap();
    file["run"].clone()
}

/// Russian as an officer types it, with every letter that is a command on the list of steps
/// (on its ЙЦУКЕН key), a space, a comma and a question mark.
const DEPARTMENT: &str = "Районный учебный центр: Кафедра высшей математики, корпус «щит», ПОЛЕ «Лыжня» — зал ЧОП, гараж?";
const GROUNDS: &str = "Подписание документов в ЭДО, отчёты в ФНС?";
const GROUNDS_2: &str = "Ключ — у зам. главы «щит», склад Ц, фирма «Ёлкин и сын» П. Л., цех рой";
const FULL_NAME: &str = "Щукина-Лыжова Ольга Юрьевна (зам. главы по связям?), корпус «щит», цех №2, ф-л Прудный, чай-рой";

/// Fails unless the text holds every letter that is a command somewhere on the run screen.
fn assert_has_every_command_letter(text: &str) {
    for c in "qjkscwrpvughlayodexKJG".chars() {
        let russian = "йцукенгшщзфывапролдячсмитьЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ"
            .chars()
            .zip("qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM".chars())
            .find(|(_, en)| *en == c)
            .map(|(ru, _)| ru)
            .unwrap();
        assert!(
            text.contains(c) || text.contains(russian),
            "{text:?} lacks {c} ({russian})"
        );
    }
    for c in [' ', ',', '?'] {
        assert!(text.contains(c), "{text:?} lacks {c:?}");
    }
}

/// In a form, everything typed is text: Russian with every command letter in a text field,
/// digits in an INN field, two lines in a field of several lines. Exactly that is saved, the
/// program still runs, and no step changed.
#[test]
fn typed_text_lands_in_the_field_and_runs_no_command() {
    assert_has_every_command_letter(DEPARTMENT);
    assert_has_every_command_letter(&format!("{GROUNDS}{GROUNDS_2}"));
    let data = tempfile::tempdir().unwrap();
    let id = "qualified-signature-1";
    let mut wizard = Session::start(data.path(), &["start", "qualified-signature"]);
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Иванов И.И.{ENTER}"));
    wizard.wait_for("0 of 14 done");
    // Into the form: the first field is selected, not open; typing opens it.
    wizard.keys(TAB);
    wizard.wait_for("▸ Подразделение*:");
    wizard.keys(&format!("{DEPARTMENT}{ENTER}"));
    // On to the INN, typed as digits straight onto the selected field.
    wizard.press(DOWN);
    wizard.keys(&format!("500100732259{ENTER}"));
    // The last field takes several lines.
    wizard.press(END);
    wizard.keys(&format!("{GROUNDS}{ENTER}{GROUNDS_2}{CTRL_S}"));
    wait_on_disk(data.path(), id, "Ёлкин");
    wizard.wait_for("0 of 14 done");
    let run = run_json(data.path(), id);
    assert_eq!(run["values"]["department"], DEPARTMENT);
    assert_eq!(run["values"]["inn"], "500100732259");
    assert_eq!(run["values"]["grounds"], format!("{GROUNDS}\n{GROUNDS_2}"));
    let values = run["values"].as_object().unwrap();
    assert_eq!(values.len(), 3, "{values:?}");
    assert!(
        run["steps"].as_object().is_none_or(|s| s.is_empty()),
        "a step changed: {}",
        run["steps"]
    );
    for entry in run["journal"].as_array().unwrap() {
        let what = entry["what"].as_str().unwrap_or_default();
        assert!(what.starts_with("field:"), "{entry}");
    }
    // Still running, and leaves only when asked.
    wizard.press(ESC);
    wizard.keys("q");
    wizard.wait_exit();
}

/// A table cell takes typed text the same way: on the closed table field of the staff-access
/// procedure, typing adds the first row and fills its first cell.
#[test]
fn typed_text_lands_in_a_table_cell() {
    assert_has_every_command_letter(FULL_NAME);
    let data = tempfile::tempdir().unwrap();
    let id = "pgs-staff-access-1";
    let mut wizard = Session::start(data.path(), &["start", "pgs-staff-access"]);
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Администрация{ENTER}"));
    wizard.wait_for("0 of 12 done");
    wizard.keys(TAB);
    wizard.wait_for("▸ Перечень сотрудников");
    wizard.keys(&format!("{FULL_NAME}{ENTER}"));
    wait_on_disk(data.path(), id, "Щукина");
    // The next cell is open for typing; Esc leaves it as it was, Esc closes the table.
    wizard.press(ESC);
    wizard.press(ESC);
    wizard.wait_for("0 of 12 done");
    let run = run_json(data.path(), id);
    let rows = run["values"]["employees_list"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["full_name"], FULL_NAME);
    assert_eq!(rows[0].as_object().unwrap().len(), 1, "{:?}", rows[0]);
    assert!(run["steps"].as_object().is_none_or(|s| s.is_empty()));
    wizard.press(ESC);
    wizard.keys("q");
    wizard.wait_exit();
}

/// Enter opens a step (its form, or its text) and Esc comes back: on every step of a run,
/// nothing of the run changes.
#[test]
fn enter_on_every_step_leaves_the_run_unchanged() {
    let data = tempfile::tempdir().unwrap();
    let id = "qualified-signature-1";
    let mut wizard = Session::start(data.path(), &["start", "qualified-signature"]);
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Иванов И.И.{ENTER}"));
    wizard.wait_for("0 of 14 done");
    let before = run_json(data.path(), id);
    wizard.keys("g");
    for _ in 0..15 {
        wizard.keys(ENTER);
        wizard.press(ESC);
        wizard.keys("j");
    }
    wizard.keys(ENTER);
    wizard.wait_for("0 of 14 done");
    wizard.press(ESC);
    wizard.keys("q");
    wizard.wait_exit();
    let after = run_json(data.path(), id);
    assert_eq!(after["steps"], before["steps"]);
    assert_eq!(after["values"], before["values"]);
    assert_eq!(after["journal"], before["journal"]);
}

/// A text as a terminal pastes it: `lines` lines of Russian words holding every command
/// letter, ended by CR (as terminals send Enter), with an escape sequence that would clear
/// the screen and one that would set the clipboard hidden in it. Returns what is pasted and
/// what the field must hold.
fn long_paste(lines: usize) -> (String, String) {
    let mut pasted = String::new();
    let mut kept = Vec::new();
    for n in 0..lines {
        let line = format!("{n}. {DEPARTMENT} {GROUNDS_2}");
        pasted.push_str(&line);
        if n == lines / 2 {
            pasted.push_str("\x1b[2J\x1b]52;c;cXVpdA==\x07");
            kept.push(format!("{line}[2J]52;c;cXVpdA=="));
        } else {
            kept.push(line);
        }
        pasted.push('\r');
    }
    // The line break at the end is kept too.
    (pasted, kept.join("\n") + "\n")
}

/// A bracketed paste of a long text is one event: it lands whole in the field at once (more
/// than 100,000 characters in a field of several lines, Russian with every command letter),
/// no escape sequence in it reaches the terminal, and nothing else changes.
#[test]
fn a_long_paste_lands_whole_and_runs_nothing() {
    let (pasted, kept) = long_paste(600);
    assert!(kept.chars().count() > 100_000);
    let data = tempfile::tempdir().unwrap();
    let id = "qualified-signature-1";
    let mut wizard = Session::start(data.path(), &["start", "qualified-signature"]);
    wizard.wait_for("What is this run for");
    wizard.keys(&format!("Иванов И.И.{ENTER}"));
    wizard.wait_for("0 of 14 done");
    wizard.keys(TAB);
    wizard.wait_for("▸ Подразделение*:");
    // Onto the selected field of one line: its line breaks become spaces.
    wizard.press(&format!("\x1b[200~{DEPARTMENT}\r{GROUNDS}\r\x1b[201~"));
    wizard.keys(ENTER);
    wait_on_disk(data.path(), id, "ФНС?");
    // Into the field of several lines, the long text.
    wizard.press(END);
    let started = Instant::now();
    wizard.press(&format!("\x1b[200~{pasted}\x1b[201~"));
    wizard.keys(CTRL_S);
    wait_on_disk(data.path(), id, "599. ");
    let took = started.elapsed();
    // Typed a key at a time, this took minutes.
    assert!(took < Duration::from_secs(5), "{took:?}");
    wizard.wait_for("0 of 14 done");
    {
        let parser = wizard.screen.lock().unwrap();
        assert!(parser.screen().alternate_screen());
    }
    let run = run_json(data.path(), id);
    assert_eq!(
        run["values"]["department"],
        format!("{DEPARTMENT} {GROUNDS}")
    );
    assert_eq!(run["values"]["grounds"], kept);
    assert_eq!(run["values"].as_object().unwrap().len(), 2);
    assert!(run["steps"].as_object().is_none_or(|s| s.is_empty()));
    wizard.press(ESC);
    wizard.keys("q");
    wizard.wait_exit();
}
