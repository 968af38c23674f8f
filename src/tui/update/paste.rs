//! Pasted text: a bracketed paste arrives whole, as one event, and goes into the text that has
//! the keys in one insertion, so that pasting takes time in proportion to its length. What
//! could act on the terminal (control characters, escape sequences, bidirectional controls)
//! never gets in.

use jiff::Timestamp;

use super::{Effect, notice, update};
use crate::i18n::Msg;
use crate::tui::action::Action;
use crate::tui::app::{App, HomeDialog, NoticeKind, Screen};
use crate::tui::keys::KeyMode;

/// The letters of a paste that a list of options reads to find one; the rest cannot narrow
/// it further.
const FIND_LETTERS: usize = 64;

/// Puts pasted text where typing would go: the text input that is open, the new run's label, or
/// the selected field or table cell, which opens with the text in it as it would with a typed
/// key. Where nothing takes text (the list of steps, a step's text), the officer is told so
/// and nothing changes.
pub fn paste(app: &mut App, text: &str, now: Timestamp) -> Option<Effect> {
    super::set_today(app, now);
    let text = clean(text);
    if text.is_empty() {
        return None;
    }
    match app.key_mode() {
        KeyMode::NewRun => {
            if let Screen::NewRun(new) = &mut app.screen {
                new.label.push_str(&one_line(&text));
            }
            None
        }
        KeyMode::Rename => {
            if let Screen::Home(home) = &mut app.screen
                && let Some(HomeDialog::Rename { label, .. }) = &mut home.dialog
            {
                label.push_str(&one_line(&text));
            }
            None
        }
        KeyMode::Editor | KeyMode::MultilineEditor | KeyMode::WaitPrompt | KeyMode::DatePrompt => {
            insert(app, &text);
            None
        }
        // A path pasted (or a file dropped on the terminal) over the list of a letter's files
        // is the selected one's.
        KeyMode::AttachPath | KeyMode::Attachments => {
            if let Screen::Run(screen) = &mut app.screen
                && let Some(popup) = screen.attach_mut()
            {
                let path = popup.path.get_or_insert_with(Default::default);
                path.input.insert_str(one_line(&text));
                path.error = None;
            }
            None
        }
        KeyMode::Options => {
            find(app, &text, now);
            None
        }
        KeyMode::Form | KeyMode::Table | KeyMode::Organisation => {
            // Line breaks before the text would open a field of one line on nothing.
            let text = text.trim_start_matches('\n');
            let mut chars = text.chars();
            let first = chars.next()?;
            let effect = update(app, Action::Type(first), now);
            match app.key_mode() {
                KeyMode::Editor | KeyMode::MultilineEditor => insert(app, chars.as_str()),
                KeyMode::Options => find(app, chars.as_str(), now),
                // A yes/no field took the first letter.
                _ => {}
            }
            effect
        }
        KeyMode::Home
        | KeyMode::Organisations
        | KeyMode::Steps
        | KeyMode::Text
        | KeyMode::Picker
        | KeyMode::Copy
        | KeyMode::Material
        | KeyMode::Journal
        | KeyMode::Edition
        | KeyMode::ConfirmDelete
        | KeyMode::Shelf
        | KeyMode::Help => {
            app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-paste-nowhere")));
            None
        }
        KeyMode::TooSmall => None,
    }
}

/// Inserts text at the cursor of the open text input, in one piece; into an input of one line,
/// its line breaks become spaces (and those at its end are left out).
fn insert(app: &mut App, text: &str) {
    let editor = match &mut app.screen {
        Screen::Run(screen) => screen.editor_mut(),
        Screen::Organisations(orgs) => orgs.open.as_mut().and_then(|o| o.editor.as_deref_mut()),
        _ => None,
    };
    let Some(editor) = editor else {
        return;
    };
    if editor.multiline {
        editor.input.insert_str(text);
    } else {
        editor.input.insert_str(one_line(text));
    }
}

/// In a list of options, the first letters of the first line find an option, as typed.
fn find(app: &mut App, text: &str, now: Timestamp) {
    let line = text.lines().next().unwrap_or_default();
    for c in line.chars().take(FIND_LETTERS) {
        if app.key_mode() != KeyMode::Options {
            break;
        }
        update(app, Action::Type(c), now);
    }
}

/// The text as it may enter a field: line breaks of any system as `\n`, a tab as a space,
/// and no control character (ESC, and with it every escape sequence, among them), no
/// bidirectional control and no line or paragraph separator other than `\n`.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CR LF is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() || crate::text::is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for an input of one line: line breaks inside become spaces, those at the end go.
fn one_line(text: &str) -> String {
    text.trim_end_matches('\n').replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_pasted_can_act_on_the_terminal() {
        let pasted = "a\u{1b}[2J\u{1b}]52;c;eA==\u{7}b\u{9b}31m\u{202e}c\td\r\ne\rf\u{0}";
        let clean = clean(pasted);
        assert_eq!(clean, "a[2J]52;c;eA==b31mc d\ne\nf");
        assert!(crate::text::find_unsafe(&clean, true).is_none());
    }

    #[test]
    fn one_line_keeps_every_word() {
        assert_eq!(one_line("один\nдва\n\n"), "один два");
    }
}
