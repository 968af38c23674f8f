//! Keys on the organisations screen: the list of the register's organisations with «new» at
//! its end, and one organisation's twelve values, each typed into with the form's text input
//! and checked as `poryadok org` checks it. A value that passes is kept in the register at
//! once (the shell writes it, see [`Effect::SaveOrganisation`]); one that does not is refused
//! with the validator's words and stays in the input to be corrected.

use super::{Effect, move_selection, notice};
use crate::i18n::Msg;
use crate::organisation::{OrgKey, free_id};
use crate::tui::action::Action;
use crate::tui::app::{App, Editor, Home, HomePane, NoticeKind, OrgOpen, OrgScreen, Screen};

/// Shows the list of organisations (the shell reads the register again first).
pub(super) fn show(app: &mut App) -> Option<Effect> {
    app.screen = Screen::Organisations(OrgScreen::default());
    Some(Effect::ReadOrganisations)
}

/// Keys on the organisations screen.
pub(super) fn update_orgs(app: &mut App, action: Action) -> Option<Effect> {
    let Screen::Organisations(orgs) = &mut app.screen else {
        return None;
    };
    let ids: Vec<String> = app.organisations.organisations.keys().cloned().collect();
    let Some(open) = &mut orgs.open else {
        // The list, «new» after the last organisation.
        if move_selection(&mut orgs.list, ids.len() + 1, &action) {
            return None;
        }
        match action {
            Action::Open => {
                let id =
                    (ids.get(orgs.list).cloned()).unwrap_or_else(|| free_id(&app.organisations));
                orgs.open = Some(OrgOpen {
                    id,
                    value: 0,
                    editor: None,
                });
            }
            Action::Back => {
                let pane = if app.runs.is_empty() {
                    HomePane::Procedures
                } else {
                    HomePane::Runs
                };
                app.screen = Screen::Home(Home {
                    pane,
                    ..Home::default()
                });
            }
            _ => {}
        }
        return None;
    };
    let last = OrgKey::ALL.len() - 1;
    let key = OrgKey::ALL[open.value.min(last)];
    let current = (app.organisations.organisations.get(&open.id))
        .and_then(|org| org.get(key))
        .unwrap_or("")
        .to_owned();
    if let Some(editor) = &mut open.editor {
        match action {
            _ if editor.edit(&action) => {}
            Action::Back => open.editor = None,
            Action::Open | Action::Keep | Action::NextPane | Action::PrevPane => {
                let text = editor.text();
                let effect = keep(app, key, &text)?;
                // Kept: on to the next value, as in a form.
                if let Screen::Organisations(OrgScreen {
                    open: Some(open), ..
                }) = &mut app.screen
                {
                    open.editor = None;
                    open.value = if action == Action::PrevPane {
                        open.value.saturating_sub(1)
                    } else {
                        (open.value + 1).min(last)
                    };
                }
                return effect;
            }
            _ => {}
        }
        return None;
    }
    if move_selection(&mut open.value, OrgKey::ALL.len(), &action) {
        return None;
    }
    match action {
        Action::NextPane => open.value = (open.value + 1).min(last),
        Action::PrevPane => open.value = open.value.saturating_sub(1),
        Action::Open => open.editor = Some(Box::new(Editor::for_org(key, &current))),
        // What is typed takes the value's place; Esc brings the value back.
        Action::Type(c) if !c.is_control() => {
            let mut editor = Editor::for_org(key, "");
            editor.input.insert_char(c);
            open.editor = Some(Box::new(editor));
        }
        Action::Backspace => {
            let mut editor = Editor::for_org(key, &current);
            editor.input.delete_char();
            open.editor = Some(Box::new(editor));
        }
        Action::ClearField if !current.is_empty() => return keep(app, key, "")?,
        Action::Back => {
            let id = open.id.clone();
            orgs.list = ids.iter().position(|i| *i == id).unwrap_or(ids.len());
            orgs.open = None;
        }
        _ => {}
    }
    None
}

/// Sets a value of the open organisation in the register as `poryadok org` does. `None` when
/// it is refused (the notice says why, in the validator's words); else what the shell must do:
/// write the organisation, unless it is a new one still without any value.
fn keep(app: &mut App, key: OrgKey, text: &str) -> Option<Option<Effect>> {
    let Screen::Organisations(OrgScreen {
        open: Some(open), ..
    }) = &app.screen
    else {
        return None;
    };
    let id = open.id.clone();
    let register = &mut app.organisations;
    let mut org = register.organisations.get(&id).cloned().unwrap_or_default();
    if let Err(reason) = org.set(key, text) {
        app.notice = Some(notice(
            NoticeKind::Refused,
            Msg::new("tui-org-invalid")
                .arg("key", key.label(app.lang))
                .arg("reason", reason),
        ));
        return None;
    }
    if org.values.is_empty() && !register.organisations.contains_key(&id) {
        return Some(None);
    }
    register.organisations.insert(id.clone(), org);
    app.notice = Some(notice(
        NoticeKind::Info,
        Msg::new("tui-org-saved").arg("key", key.label(app.lang)),
    ));
    Some(Some(Effect::SaveOrganisation(id)))
}

/// On the new-run screen: the next (or previous) organisation of the register for the run to
/// belong to, none before the first. The label follows the organisation's short name unless
/// the officer typed another.
pub(super) fn choose_for_run(app: &mut App, back: bool) {
    let Screen::NewRun(new) = &mut app.screen else {
        return;
    };
    let register = &app.organisations;
    let ids: Vec<&String> = register.organisations.keys().collect();
    let at = match &new.org {
        Some(id) => ids.iter().position(|i| *i == id).map_or(0, |i| i + 1),
        None => 0,
    };
    let count = ids.len() + 1;
    let next = if back {
        (at + count - 1) % count
    } else {
        (at + 1) % count
    };
    let label_of = |id: Option<&String>| {
        id.and_then(|id| register.organisations.get(id))
            .and_then(|org| org.label())
            .unwrap_or("")
            .to_owned()
    };
    let before = label_of(new.org.as_ref());
    let org = next.checked_sub(1).map(|i| ids[i].clone());
    if new.label.trim().is_empty() || new.label.trim() == before {
        new.label = label_of(org.as_ref());
    }
    new.org = org;
}
