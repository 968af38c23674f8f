//! The files the officer adds to a step's letters (`attach_files`, a signed scan): listed with
//! the file each has, a file's path typed for one, or its file taken away. Copying the file into
//! the store is the shell's ([`Effect::Attach`]), through the function `poryadok attach` uses;
//! the change it makes comes back here ([`attached`]) and is applied as any other.

use jiff::Timestamp;

use super::{Effect, notice, run_command};
use crate::i18n::Msg;
use crate::run::command::Command;
use crate::run::journal::added_files_by_letter;
use crate::run::state::attachment_key;
use crate::tui::action::Action;
use crate::tui::app::{App, AttachPopup, NoticeKind, Overlay, PathInput, Screen};

/// Opens the list of the selected step's files to add; a step whose letters take none says so.
pub(super) fn open(app: &mut App) {
    let Screen::Run(screen) = &mut app.screen else {
        return;
    };
    let step = &screen.procedure.steps()[screen.step()];
    if added_files_by_letter(&screen.procedure, &step.id)
        .next()
        .is_none()
    {
        let title = crate::text::sanitize_line(&step.title).into_owned();
        let text = Msg::new("tui-attach-none").arg("step", title);
        app.notice = Some(notice(NoticeKind::Info, text));
        return;
    }
    screen.overlay = Some(Overlay::Attach(AttachPopup {
        step: step.id.clone(),
        cursor: 0,
        path: None,
    }));
}

/// Keys while the list, or a path in it, has them.
pub(super) fn update(app: &mut App, action: Action) -> Option<Effect> {
    use ratatui_textarea::CursorMove;
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let count = added_files_by_letter(&screen.procedure, &screen.attach()?.step).count();
    let popup = screen.attach_mut()?;
    if let Some(path) = &mut popup.path {
        let before = path.text();
        match action {
            Action::Type(c) if !c.is_control() => path.input.insert_char(c),
            Action::Backspace => {
                path.input.delete_char();
            }
            Action::Delete => {
                path.input.delete_next_char();
            }
            Action::Left => path.input.move_cursor(CursorMove::Back),
            Action::Right => path.input.move_cursor(CursorMove::Forward),
            Action::First => path.input.move_cursor(CursorMove::Head),
            Action::Last => path.input.move_cursor(CursorMove::End),
            Action::Back => popup.path = None,
            Action::Open | Action::Keep => {
                let typed = path.text();
                if typed.trim().is_empty() {
                    path.error = Some(Msg::new("tui-attach-path-needed"));
                    return None;
                }
                let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
                let path = crate::store::attachments::typed_path(&typed, home.as_deref());
                return Some(Effect::Attach {
                    step: popup.step.clone(),
                    number: popup.cursor + 1,
                    path: Some(path),
                });
            }
            _ => {}
        }
        // What was wrong with the path given is said until the path is changed.
        if let Some(path) = &mut popup.path
            && path.text() != before
        {
            path.error = None;
        }
        return None;
    }
    let last = count.saturating_sub(1);
    match action {
        Action::Up => popup.cursor = popup.cursor.saturating_sub(1),
        Action::Down => popup.cursor = (popup.cursor + 1).min(last),
        Action::Back | Action::Attach => screen.overlay = None,
        Action::Open => popup.path = Some(Box::new(PathInput::new())),
        Action::ClearField => {
            let (step, number) = (popup.step.clone(), popup.cursor + 1);
            if !screen
                .run
                .attachments
                .contains_key(&attachment_key(&step, number))
            {
                app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-attach-no-file")));
                return None;
            }
            return Some(Effect::Attach {
                step,
                number,
                path: None,
            });
        }
        _ => {}
    }
    None
}

/// Applies the change that gives a file to an attachment, or takes it away (made by the store:
/// the file is in the run's folder already), and says what it did in words.
pub fn attached(app: &mut App, command: Command, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let Command::Attach { step, number, file } = &command else {
        return run_command(app, command, now);
    };
    let key = attachment_key(step, *number);
    let letter = crate::run::journal::letter_title(&screen.procedure, step, *number);
    let text = match (file, screen.run.attachments.get(&key)) {
        (Some(file), _) => Msg::new("tui-attached")
            .arg("letter", letter)
            .arg("name", safe(&file.name))
            .arg("size", crate::store::attachments::size_words(file.size)),
        (None, Some(old)) => Msg::new("tui-detached")
            .arg("letter", letter)
            .arg("name", safe(&old.name)),
        (None, None) => return None,
    };
    let effect = run_command(app, command, now);
    if effect.is_some() {
        if let Screen::Run(screen) = &mut app.screen {
            screen.overlay = None;
        }
        app.notice = Some(notice(NoticeKind::Info, text));
    }
    effect
}

/// The path given could not be taken (missing, a folder, a link, too large, unreadable):
/// said under it, nothing stored, the path left to mend.
pub fn refused(app: &mut App, why: Msg) {
    if let Screen::Run(screen) = &mut app.screen
        && let Some(AttachPopup {
            path: Some(path), ..
        }) = screen.attach_mut()
    {
        path.error = Some(why);
    }
}

fn safe(text: &str) -> String {
    crate::text::sanitize_line(text).into_owned()
}
