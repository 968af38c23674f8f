//! Keys in the popups over a run: the variant picker (with the steps a choice would change)
//! and the list of addresses, subjects and links to copy or open.

use jiff::Timestamp;

use super::{Effect, move_selection, notice, run_command};
use crate::i18n::Msg;
use crate::run::command::Command;
use crate::run::eval::choice_applies;
use crate::tui::action::Action;
use crate::tui::app::{App, ChoicePicker, CopyKind, CopyPopup, NoticeKind, Overlay, Screen};

/// Opens the variant picker on the first choice that is asked now (and not yet made, if any).
pub(super) fn open_picker(app: &mut App) {
    let Screen::Run(screen) = &mut app.screen else {
        return;
    };
    let p = &screen.procedure;
    let asked: Vec<usize> = p
        .file()
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| choice_applies(p, &screen.run, &c.id) != Some(false))
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = asked
        .iter()
        .find(|i| !screen.run.choices.contains_key(&p.file().choices[**i].id))
        .or(asked.first())
    else {
        app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-no-choices")));
        return;
    };
    let choice = &p.file().choices[first];
    let option = screen
        .run
        .choices
        .get(&choice.id)
        .and_then(|chosen| choice.options.iter().position(|o| &o.id == chosen))
        .unwrap_or(0);
    screen.overlay = Some(Overlay::Picker(ChoicePicker {
        choice: first,
        option,
    }));
}

pub(super) fn update_picker(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let Some(Overlay::Picker(picker)) = &mut screen.overlay else {
        return None;
    };
    let choices = &screen.procedure.file().choices;
    let options = choices[picker.choice].options.len();
    match action {
        Action::Up => picker.option = picker.option.saturating_sub(1),
        Action::Down => picker.option = (picker.option + 1).min(options.saturating_sub(1)),
        Action::NextPane | Action::PrevPane => {
            // The next choice that is asked now.
            let next = (1..=choices.len())
                .map(|k| (picker.choice + k) % choices.len())
                .find(|i| {
                    choice_applies(&screen.procedure, &screen.run, &choices[*i].id) != Some(false)
                });
            if let Some(next) = next {
                picker.choice = next;
                picker.option = 0;
            }
        }
        Action::Back => screen.overlay = None,
        Action::Open | Action::CompleteStep => {
            let choice = &choices[picker.choice];
            let command = Command::Choose {
                choice: choice.id.clone(),
                option: choice.options[picker.option].id.clone(),
            };
            screen.overlay = None;
            return run_command(app, command, now);
        }
        _ => {}
    }
    None
}

/// Lists what can be copied or opened from the selected step; for a link to open, the list
/// starts on the first link.
pub(super) fn open_copy(app: &mut App, link: bool) {
    let Screen::Run(screen) = &mut app.screen else {
        return;
    };
    let items = crate::tui::app::copyables(&screen.procedure, screen.step());
    let cursor = if link {
        items.iter().position(|i| i.kind == CopyKind::Link)
    } else {
        Some(0).filter(|_| !items.is_empty())
    };
    match cursor {
        Some(cursor) => screen.overlay = Some(Overlay::Copy(CopyPopup { items, cursor })),
        None => {
            let id = if link {
                "tui-no-links"
            } else {
                "tui-nothing-to-copy"
            };
            app.notice = Some(notice(NoticeKind::Info, Msg::new(id)));
        }
    }
}

/// Keys while the list of what to copy or open is up.
pub(super) fn update_copy(app: &mut App, action: Action) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let popup = screen.copy_mut()?;
    let last = popup.items.len().saturating_sub(1);
    match action {
        _ if move_selection(&mut popup.cursor, popup.items.len(), &action) => None,
        Action::Back => {
            screen.overlay = None;
            None
        }
        Action::Open | Action::Copy => {
            let item = popup.items.get(popup.cursor.min(last))?.clone();
            screen.overlay = None;
            app.notice = Some(notice(
                NoticeKind::Info,
                Msg::new("tui-copied").arg("text", item.text.as_str()),
            ));
            Some(Effect::Copy(item.text))
        }
        Action::OpenLink => {
            let item = popup.items.get(popup.cursor.min(last))?.clone();
            if item.kind != CopyKind::Link {
                app.notice = Some(notice(NoticeKind::Refused, Msg::new("tui-not-a-link")));
                return None;
            }
            screen.overlay = None;
            app.notice = Some(notice(
                NoticeKind::Info,
                Msg::new("tui-opening").arg("url", item.text.as_str()),
            ));
            Some(Effect::OpenUrl(item.text))
        }
        _ => None,
    }
}
