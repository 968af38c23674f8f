//! The real binary in a pseudo-terminal that cannot draw (`TERM=dumb`), driven as a screen-reader
//! user would: start the e-signature procedure, fill its INN with a wrong and then a right value,
//! begin its first step on a day after today (refused) and then two days ago, walk on, quit.
//! Nothing it writes may be an escape sequence.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// The program in a pseudo-terminal, with every byte it wrote (the terminal's echo of what was
/// typed included).
struct Dumb {
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Dumb {
    fn start(data: &Path, args: &[&str]) -> Dumb {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_poryadok"));
        command.arg("--data-dir");
        command.arg(data);
        command.args(args);
        command.env("TERM", "dumb");
        command.env("LANG", "ru_RU.UTF-8");
        command.env_remove("LC_ALL");
        command.env_remove("LC_MESSAGES");
        command.env_remove("ACCESSIBLE");
        let child = pty.slave.spawn_command(command).expect("poryadok starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let feed = Arc::clone(&output);
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        Dumb {
            writer,
            output,
            child,
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Waits until the output has shown `text` `times` times in all.
    fn wait_for(&self, text: &str, times: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.text().matches(text).count() >= times {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the output never showed {text:?} {times} times:\n{}",
            self.text()
        );
    }

    /// Types a line and Enter, as a person at the keyboard.
    fn line(&mut self, line: &str) {
        write!(self.writer, "{line}\r").unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                assert!(status.success(), "exit {status:?}:\n{}", self.text());
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("poryadok did not quit:\n{}", self.text());
    }
}

#[test]
fn a_dumb_terminal_gets_the_plain_mode_without_escape_sequences() {
    let data = tempfile::tempdir().expect("temporary folder");
    let mut dumb = Dumb::start(data.path(), &["start", "qualified-signature"]);
    let prompt = "Команда или номер поля";
    dumb.wait_for("Для кого это прохождение", 1);
    dumb.line("Администрация города");
    dumb.wait_for(prompt, 1);
    assert!(
        dumb.text().contains("  1. Подача Заявки"),
        "{}",
        dumb.text()
    );
    dumb.line("3");
    dumb.wait_for("ИНН, обязательное. Сейчас: не заполнено.", 1);
    dumb.line("12345");
    dumb.wait_for("Не сохранено: в ИНН 12 цифр, а введено 5.", 1);
    dumb.line("500100732259");
    dumb.wait_for("Сохранено. ИНН (обязательное): 500100732259", 1);
    // A day after today is refused in words; a day before it is recorded and said.
    let today = jiff::Zoned::now().date();
    let day = |days: i64| {
        today
            .checked_add(jiff::Span::new().days(days))
            .expect("a day")
            .strftime("%d.%m.%Y")
            .to_string()
    };
    dumb.line(&format!("s {}", day(2)));
    dumb.wait_for(&format!("{} — позже сегодняшнего дня", day(2)), 1);
    dumb.line(&format!("s {}", day(-2)));
    dumb.wait_for(&format!("» начат {}. Выполнено 0 из 14.", day(-2)), 1);
    dumb.line("n");
    dumb.wait_for("Шаг 2 из 14: Открытие Пользователю личного кабинета", 1);
    dumb.line("n");
    dumb.wait_for("Шаг 3 из 14: Вход в личный кабинет", 1);
    dumb.line("q");
    dumb.wait_for("До свидания. Всё сохранено.", 1);
    dumb.wait_exit();

    let bytes = dumb.output.lock().unwrap().clone();
    assert!(
        !bytes.contains(&0x1b),
        "an escape sequence in:\n{}",
        String::from_utf8_lossy(&bytes)
    );
    let text = String::from_utf8(bytes).expect("UTF-8 throughout");
    assert!(
        !text
            .chars()
            .any(|c| ('\u{2500}'..='\u{259F}').contains(&c) || "✓▶⧗⊘○".contains(c)),
        "box-drawing or a mark in:\n{text}"
    );
    // The run is kept, as the wizard would keep it.
    let store = poryadok::store::Store::open(data.path()).expect("store");
    let (_, opened) = store.open_run("qualified-signature-1").expect("the run");
    assert_eq!(
        opened.run.values.get("inn"),
        Some(&poryadok::run::Value::Text("500100732259".into()))
    );
    let begun = (opened.run.steps.values()).find_map(|state| match state {
        poryadok::run::StepState::InProgress { on, .. } => *on,
        _ => None,
    });
    assert_eq!(
        begun.map(|d| d.strftime("%d.%m.%Y").to_string()),
        Some(day(-2))
    );
}
