//! The organisations screen: the register's organisations with «new» at the end, and one
//! organisation's twelve values with their names, the one being typed checked as it is typed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Ctx, bottom_box, fit, row, safe, wrap_words};
use crate::organisation::{OrgKey, Organisation};
use crate::tui::action::Target;
use crate::tui::app::{OrgOpen, OrgScreen};
use crate::tui::keys::KeyMode;

pub fn draw(frame: &mut Frame, cx: &Ctx, orgs: &OrgScreen, area: Rect) {
    match &orgs.open {
        None => draw_list(frame, cx, orgs.list, area),
        Some(open) => draw_org(frame, cx, open, area),
    }
}

fn draw_list(frame: &mut Frame, cx: &Ctx, selected: usize, area: Rect) {
    let register = &cx.app.organisations;
    let block = Block::bordered()
        .title(format!(" {} ", cx.t("tui-orgs-title")))
        .border_style(cx.theme.title());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    if register.organisations.is_empty() {
        for part in wrap_words(&cx.t("tui-orgs-none"), width) {
            lines.push(Line::from(part).style(cx.theme.dim()));
        }
        lines.push(Line::from(""));
    }
    let count = register.organisations.len();
    let hint_lines = wrap_words(&cx.t("tui-orgs-hint"), width);
    let room = usize::from(inner.height)
        .saturating_sub(lines.len() + hint_lines.len() + 1)
        .max(1);
    let first = selected.saturating_sub(room.saturating_sub(1));
    let rows = (register.organisations.iter())
        .map(|(id, org)| {
            let mut text = safe(id).into_owned();
            if let Some(name) = org.label() {
                text.push_str(&format!(" — {}", safe(name)));
            }
            if let Some(inn) = org.get(OrgKey::Inn) {
                text.push_str(&format!(" · {} {inn}", OrgKey::Inn.label(cx.lang())));
            }
            let runs = register.runs.values().filter(|o| *o == id).count();
            if runs > 0 {
                text.push_str(&format!(
                    " · {}",
                    cx.tf("tui-org-runs", &[("count", runs.into())])
                ));
            }
            text
        })
        .chain([cx.t("tui-orgs-new")]);
    for (i, text) in rows.enumerate().skip(first).take(room) {
        let chosen = i == selected.min(count);
        cx.hit(row(inner, lines.len()), Target::Option(i));
        let marker = if chosen { "▶ " } else { "  " };
        let line = Line::from(fit(&format!("{marker}{text}"), width));
        lines.push(cx.highlight(line, chosen));
    }
    lines.push(Line::from(""));
    lines.extend(
        hint_lines
            .into_iter()
            .map(|part| Line::from(part).style(cx.theme.dim())),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_org(frame: &mut Frame, cx: &Ctx, open: &OrgOpen, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    let empty = Organisation::default();
    let org = cx
        .app
        .organisations
        .organisations
        .get(&open.id)
        .unwrap_or(&empty);
    let title = cx.tf(
        "tui-org-title",
        &[("id", safe(&open.id).into_owned().into())],
    );
    let title = match org.label() {
        Some(name) => format!("{title} — {}", safe(name)),
        None => title,
    };
    let width = usize::from(area.width).saturating_sub(2);
    let block = Block::bordered()
        .title(format!(" {} ", fit(&title, width.saturating_sub(2))))
        .border_style(cx.theme.title());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let labels: Vec<String> = OrgKey::ALL.iter().map(|k| k.label(cx.lang())).collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 1;
    let mut lines = Vec::new();
    for part in wrap_words(&cx.t("tui-org-hint"), width) {
        lines.push(Line::from(part).style(cx.theme.dim()));
    }
    lines.push(Line::from(""));
    for (i, (key, label)) in OrgKey::ALL.iter().zip(&labels).enumerate() {
        let chosen = i == open.value;
        cx.hit(row(inner, lines.len()), Target::Field(i));
        let marker = if chosen { "▸" } else { " " };
        let value = org.get(*key).unwrap_or("");
        let pad = label_width - label.width();
        let text = format!("{marker} {label}:{} {}", " ".repeat(pad), safe(value));
        lines.push(cx.highlight(Line::from(fit(&text, width)), chosen));
        // A value the register holds that its check refuses (a file edited by hand) says why.
        if !value.is_empty()
            && let Err(problem) = Organisation::default().set(*key, value)
        {
            let text = format!("    ✖ {}", safe(&problem.text(cx.lang())));
            lines.push(Line::from(fit(&text, width)).style(cx.theme.alert()));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(editor) = &open.editor {
        let key = OrgKey::ALL[open.value.min(OrgKey::ALL.len() - 1)];
        let rect = bottom_box(frame, area, 5);
        cx.shadow(rect);
        let room = usize::from(area.width).saturating_sub(4);
        let block = cx.popup_block(&fit(&key.label(cx.lang()), room), KeyMode::Editor);
        let inside = block.inner(rect);
        frame.render_widget(block, rect);
        let [input_area, message_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inside);
        frame.render_widget(&editor.input, input_area);
        // Checked as the officer types, with the words a form's field would have.
        let text = editor.text();
        if !text.trim().is_empty() {
            let message = match Organisation::default().set(key, &text) {
                Ok(()) => Line::from(format!("✓ {}", cx.t("tui-value-ok"))).style(cx.theme.done()),
                Err(problem) => Line::from(format!("✖ {}", safe(&problem.text(cx.lang()))))
                    .style(cx.theme.alert()),
            };
            frame.render_widget(
                Paragraph::new(message).wrap(Wrap { trim: true }),
                message_area,
            );
        }
    }
}
