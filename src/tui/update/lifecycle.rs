//! A run's life from the home screen: renamed, put in the archive, deleted (asked first), and
//! brought back from the shelf of runs put away. The changes themselves are the store's
//! ([`crate::store::Store::relabel`], `set_archived`, `delete`, `restore`), the same the
//! command line calls; here only what the officer asked becomes an [`Effect`].

use super::{Effect, move_selection, notice};
use crate::i18n::Msg;
use crate::tui::action::Action;
use crate::tui::app::{App, HomeDialog, HomePane, NoticeKind, Screen, ShelvedKind};

/// Rename, archive or delete on the home screen: on the run selected in the list of runs.
pub(super) fn on_run(app: &mut App, action: Action) -> Option<Effect> {
    let Screen::Home(home) = &mut app.screen else {
        return None;
    };
    let run = match home.pane {
        HomePane::Runs => app.runs.get(home.run),
        HomePane::Procedures => None,
    };
    let Some(run) = run else {
        app.notice = Some(notice(NoticeKind::Refused, Msg::new("tui-no-run-selected")));
        return None;
    };
    let id = run.id.clone();
    match action {
        Action::Rename => {
            home.dialog = Some(HomeDialog::Rename {
                id,
                label: run.label.clone(),
                refused: Vec::new(),
            });
            None
        }
        Action::Archive => Some(Effect::Archive(id)),
        Action::DeleteRun => {
            home.dialog = Some(HomeDialog::Delete { id });
            None
        }
        _ => None,
    }
}

/// Keys while a dialog is over the home screen: the new label typed, or the deletion asked.
pub(super) fn dialog(app: &mut App, action: Action) -> Option<Effect> {
    let Screen::Home(home) = &mut app.screen else {
        return None;
    };
    let dialog = home.dialog.as_mut()?;
    match (dialog, action) {
        (_, Action::Back) => {
            home.dialog = None;
            None
        }
        (HomeDialog::Rename { label, .. }, Action::Type(c)) if !c.is_control() => {
            label.push(c);
            None
        }
        (HomeDialog::Rename { label, .. }, Action::Backspace) => {
            label.pop();
            None
        }
        (HomeDialog::Rename { label, .. }, Action::ClearLine) => {
            label.clear();
            None
        }
        (HomeDialog::Rename { label, .. }, Action::Open) if label.trim().is_empty() => {
            app.notice = Some(notice(NoticeKind::Refused, Msg::new("tui-label-needed")));
            None
        }
        // The dialog stays open until the rename is done: one that fails keeps what was typed.
        (HomeDialog::Rename { id, label, .. }, Action::Open) => Some(Effect::Rename {
            id: id.clone(),
            label: label.trim().to_owned(),
        }),
        (HomeDialog::Delete { id }, Action::Open) => {
            let effect = Effect::DeleteRun(id.clone());
            home.dialog = None;
            Some(effect)
        }
        _ => None,
    }
}

/// Keys on the shelf of runs put away: moves, bringing one back, going home.
pub(super) fn shelf(app: &mut App, action: Action) -> Option<Effect> {
    let Screen::Shelf(shelf) = &mut app.screen else {
        return None;
    };
    if move_selection(&mut shelf.selected, shelf.items.len(), &action) {
        return None;
    }
    match action {
        Action::Back => Some(Effect::Home),
        Action::Restore => {
            let item = shelf.items.get(shelf.selected)?;
            Some(Effect::Restore {
                id: item.id.clone(),
                archived: matches!(item.kind, ShelvedKind::Archived(_)),
            })
        }
        // A run in the archive is read (and changed) as any other; it stays in the archive.
        Action::Open => match &shelf.items.get(shelf.selected)?.kind {
            ShelvedKind::Archived(_) => Some(Effect::Open(shelf.items[shelf.selected].id.clone())),
            ShelvedKind::Deleted { .. } => {
                app.notice = Some(notice(
                    NoticeKind::Refused,
                    Msg::new("tui-shelf-deleted-open"),
                ));
                None
            }
        },
        _ => None,
    }
}
