//! The terminal loop: the wizard drawn in the officer's terminal, keys, mouse and paste read
//! from it, each change written to the disk once its frame is out, and the terminal restored on
//! every way out. [`super::shell::Wizard`] holds the state and carries out the effects.

use std::io::{self, BufWriter, Stdout};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result};
use jiff::Timestamp;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::action::{Action, Target};
use super::app::{Notice, NoticeKind};
use super::keys;
use super::view;
use crate::i18n::Msg;

use super::shell::{Outgoing, Start, Wizard};

/// Runs the wizard in the terminal until the officer quits. The terminal is restored on every
/// way out, a panic included; a panic's report goes to `panic_log`, and one line after the
/// restored screen says where.
pub fn run(mut wizard: Wizard, start: &Start, panic_log: PathBuf) -> Result<()> {
    install_panic_report(panic_log);
    let mut terminal = open_terminal().context("cannot open the terminal")?;
    // Pasted text arrives whole, not as keys that could trigger shortcuts; clicks and the wheel
    // arrive as mouse events (Shift still selects text in most terminals).
    let _ = ratatui::crossterm::execute!(io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    let result = (|| -> Result<()> {
        let mut hits = view::Hits::default();
        // The size the viewport was opened with, not asked of the terminal again.
        let size = terminal.get_frame().area();
        wizard.handle(Action::Resize(size.width, size.height), Timestamp::now());
        wizard.start(start, Timestamp::now());
        // Fault injection for the tests that a panic restores the terminal, leaves its report
        // and loses no change (tests/it/wizard_pty.rs); it only ever stops this very process.
        // "draw": in the first frame that shows a change not yet written; anything else: once
        // the first frame is out.
        let test_panic = std::env::var_os("PORYADOK_TEST_PANIC");
        let panic_in_draw = test_panic.as_deref() == Some("draw".as_ref());
        let test_panic = test_panic.is_some() && !panic_in_draw;
        let mut redraw = true;
        loop {
            if redraw {
                draw(&mut terminal, &mut wizard, &mut hits, panic_in_draw)?;
            }
            // The change is on screen; now it goes to disk, before the next key is read, and
            // the header then shows when (or why not).
            if wizard.save_pending(Timestamp::now()) {
                draw(&mut terminal, &mut wizard, &mut hits, panic_in_draw)?;
            }
            if redraw {
                wizard.after_frame();
            }
            redraw = true;
            if wizard.app.quit {
                if wizard.may_quit(Timestamp::now()) {
                    return Ok(());
                }
                // The officer is asked first: the change could not be written.
                draw(&mut terminal, &mut wizard, &mut hits, panic_in_draw)?;
            }
            if test_panic {
                panic!("PORYADOK_TEST_PANIC is set: stopping on purpose");
            }
            // Wait for input; wake once a minute so that "today", and with it what is overdue,
            // stays right past midnight, and to write again a change that could not be.
            if !event::poll(Duration::from_secs(60))? {
                wizard.tick(Timestamp::now());
                continue;
            }
            let action = match event::read()? {
                Event::Key(key) => keys::action(key, wizard.mode()),
                Event::Resize(width, height) => {
                    terminal.resize(Rect::new(0, 0, width, height))?;
                    Some(Action::Resize(width, height))
                }
                // While the window is too small nothing is drawn to click on or scroll.
                Event::Mouse(_) if wizard.mode() == keys::KeyMode::TooSmall => None,
                Event::Mouse(mouse) => match mouse.kind {
                    MouseEventKind::Down(MouseButton::Left) => {
                        hits.at(mouse.column, mouse.row).map(Action::Pick)
                    }
                    // The wheel over the step's text scrolls it; elsewhere it moves the
                    // selection.
                    MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
                        // A popup read by scrolling (the material, the journal) scrolls as
                        // the step's text does, wherever the pointer is.
                        let over_text = matches!(
                            hits.at(mouse.column, mouse.row),
                            Some(Target::Detail | Target::Field(_))
                        ) || matches!(
                            wizard.mode(),
                            keys::KeyMode::Material | keys::KeyMode::Journal
                        );
                        let up = mouse.kind == MouseEventKind::ScrollUp;
                        Some(match (over_text, up) {
                            (true, true) => Action::ScrollUp,
                            (true, false) => Action::ScrollDown,
                            (false, true) => Action::Up,
                            (false, false) => Action::Down,
                        })
                    }
                    // Moving the pointer changes nothing on screen.
                    _ => {
                        redraw = false;
                        None
                    }
                },
                // One event, inserted in one piece wherever typing would go.
                Event::Paste(text) => {
                    wizard.paste(&text, Timestamp::now());
                    None
                }
                _ => None,
            };
            if let Some(action) = action {
                wizard.handle(action, Timestamp::now());
            }
            for outgoing in wizard.take_outgoing() {
                send_out(&mut wizard, outgoing);
            }
        }
    })();
    // On the way out, an error from the terminal (a closed window) included, a change not yet
    // written is written.
    wizard.save_pending(Timestamp::now());
    leave_modes();
    ratatui::restore();
    if let Some(error) = &wizard.left_unsaved {
        eprintln!(
            "{}",
            Msg::new("tui-left-unsaved")
                .arg("error", error.as_str())
                .text(wizard.app.lang)
        );
    }
    result
}

/// Draws a frame. Should drawing panic, a change not yet written is written before the panic
/// goes on, so that the report's promise (work up to the last change is saved) holds.
fn draw(
    terminal: &mut Tui,
    wizard: &mut Wizard,
    hits: &mut view::Hits,
    test_panic: bool,
) -> Result<()> {
    let theme = wizard.theme();
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if test_panic && wizard.unsaved {
            panic!("PORYADOK_TEST_PANIC=draw: stopping in a frame on purpose");
        }
        terminal
            .draw(|frame| *hits = view::draw_with_hits(frame, &wizard.app, theme))
            .map(drop)?;
        // How far the step's text can scroll, as drawn, so that a key up from its end moves
        // at once.
        if let super::app::Screen::Run(screen) = &mut wizard.app.screen {
            screen.scroll_max = hits.scroll_max();
        }
        io::Result::Ok(())
    }));
    match drawn {
        Ok(result) => Ok(result?),
        Err(panic) => {
            wizard.save_pending(Timestamp::now());
            std::panic::resume_unwind(panic)
        }
    }
}

/// The terminal the wizard draws in: crossterm on stdout through a buffer that holds a whole
/// frame. Stdout alone is line-buffered: a frame, which has no line breaks, would leave in
/// 1 KiB pieces, and each of the many small writes a frame is made of would take stdout's lock
/// and look for a line break. Ratatui flushes once at the end of every frame, so a frame
/// leaves in one write and nothing stays behind the buffer between frames (the clipboard and
/// mode sequences written straight to stdout keep their order).
type Tui = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Bytes a frame of a large terminal takes, colours and all; a larger one leaves in pieces.
const FRAME_BYTES: usize = 64 * 1024;

/// What `ratatui::try_init` does (restore the terminal on a panic, raw mode, the alternate
/// screen), with the buffered stdout of [`Tui`].
fn open_terminal() -> io::Result<Tui> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        previous(info);
    }));
    enable_raw_mode()?;
    ratatui::crossterm::execute!(io::stdout(), EnterAlternateScreen)?;
    let out = BufWriter::with_capacity(FRAME_BYTES, io::stdout());
    // The whole screen, as a fixed area that changes on crossterm's resize events: a
    // full-screen viewport asks the terminal for its size before every frame, and crossterm
    // opens /dev/tty to ask.
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Terminal::with_options(
        CrosstermBackend::new(out),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
}

/// Copies through the terminal (OSC 52, which works over ssh too) or opens the browser, with
/// its output kept off the screen.
fn send_out(wizard: &mut Wizard, outgoing: Outgoing) {
    use ratatui::crossterm::clipboard::CopyToClipboard;
    let copy = |text: &str| {
        ratatui::crossterm::execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text))
    };
    let failed = match outgoing {
        Outgoing::Clipboard(text) => copy(&text)
            .err()
            .map(|e| Msg::new("tui-send-failed").arg("error", e.to_string())),
        Outgoing::Browser(url) if crate::tui::app::is_web_address(&url) => {
            // No browser (a server, a locked-down workstation): the link is copied instead.
            open::that_detached(&url).err().map(|_| {
                let copied = copy(&url).is_ok();
                Msg::new(if copied {
                    "tui-no-browser-copied"
                } else {
                    "tui-no-browser"
                })
                .arg("url", url.as_str())
            })
        }
        Outgoing::Browser(_) => None,
    };
    if let Some(text) = failed {
        wizard.app.notice = Some(Notice {
            kind: NoticeKind::Error,
            text,
            details: Vec::new(),
        });
    }
}

/// Turns off what the wizard turned on besides what ratatui restores: bracketed paste and
/// mouse reporting (left on, every click would print escape codes into the shell).
fn leave_modes() {
    let _ = ratatui::crossterm::execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
}

/// On a panic: write the report to a file (ratatui's own hook, installed after this one, has
/// restored the terminal by then) and print one line pointing at it.
fn install_panic_report(path: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_modes();
        let report = format!(
            "poryadok {} panicked at {}\n{info}\n{}\n",
            env!("CARGO_PKG_VERSION"),
            Timestamp::now(),
            std::backtrace::Backtrace::force_capture()
        );
        let written = crate::fsutil::open_private(&path).and_then(|mut file| {
            use std::io::Write;
            file.set_len(0)?;
            file.write_all(report.as_bytes())
        });
        match written {
            Ok(()) => eprintln!(
                "poryadok stopped on an internal error; the report is in {} (your work up to the last change is saved)",
                path.display()
            ),
            Err(_) => previous(info),
        }
    }));
}
