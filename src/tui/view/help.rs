//! The `?` overlay: every key of what has the keys now, with what it does, from the one table
//! of keys ([`crate::tui::keys`]); it scrolls when the window is too short for it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Ctx, centered_box, wrap_words};
use crate::tui::keys::{KeyMode, help};

pub fn draw(frame: &mut Frame, cx: &Ctx, area: Rect, mode: KeyMode) {
    use unicode_width::UnicodeWidthStr;
    cx.shadow(area);
    let rows = help(mode, cx.lang());
    let width = area.width.saturating_sub(4).min(100);
    let inner_width = usize::from(width.saturating_sub(2));
    let key_width = rows
        .iter()
        .map(|(keys, _)| keys.width())
        .max()
        .unwrap_or(0)
        .min(inner_width / 3)
        + 2;
    let text_width = inner_width.saturating_sub(key_width).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (keys, what) in rows {
        // The keys on the left, what they do beside them, wrapped under itself.
        let keys_lines = wrap_words(&keys, key_width - 2);
        let what_lines = wrap_words(&what, text_width);
        for i in 0..keys_lines.len().max(what_lines.len()) {
            let k = keys_lines.get(i).map_or("", String::as_str);
            let pad = key_width.saturating_sub(k.width());
            lines.push(Line::from(vec![
                Span::styled(format!("{k}{}", " ".repeat(pad)), cx.theme.title()),
                Span::raw(what_lines.get(i).cloned().unwrap_or_default()),
            ]));
        }
    }
    if matches!(cx.app.screen, crate::tui::app::Screen::Run(_)) {
        // What the marks of the list of steps say.
        lines.push(Line::from(""));
        lines.push(Line::from(cx.t("tui-marks")).style(cx.theme.title()));
        for (mark, what) in super::run::MARKS {
            let what = wrap_words(&cx.t(what), text_width);
            for (i, part) in what.into_iter().enumerate() {
                let mark = if i == 0 { mark } else { "" };
                let pad = key_width.saturating_sub(mark.width());
                lines.push(Line::from(vec![
                    Span::styled(format!("{mark}{}", " ".repeat(pad)), cx.theme.title()),
                    Span::raw(part),
                ]));
            }
        }
    }
    lines.push(Line::from(""));
    for part in wrap_words(&cx.t("tui-help-layout"), inner_width) {
        lines.push(Line::from(part).style(cx.theme.dim()));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered_box(frame, area, width, height);
    let room = usize::from(height.saturating_sub(2));
    let max = lines.len().saturating_sub(room);
    let offset = cx.app.help_scroll.min(max);
    let mut block = Block::bordered()
        .title(format!(
            " {} — {} ",
            cx.t("tui-help-title"),
            cx.t(mode.title())
        ))
        .border_style(cx.theme.title());
    if offset < max {
        block = block.title_bottom(format!(" {} ", cx.t("tui-more-below")));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((offset as u16, 0))
            .block(block),
        popup,
    );
}
