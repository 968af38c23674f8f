//! The `?` overlay: every key of the current screen with what it does.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Ctx, centered_box};
use crate::tui::app::Screen;

/// Keys and the message that says what they do, per screen. Letters also work on the same keys
/// of the Russian layout.
fn keys(screen: &Screen) -> &'static [(&'static str, &'static str)] {
    match screen {
        Screen::Home(_) => &[
            ("↑ ↓  k j", "tui-key-move"),
            ("Tab", "tui-key-pane"),
            ("Enter", "tui-key-open"),
            ("? F1", "tui-key-help"),
            ("q  Ctrl-C", "tui-key-quit"),
        ],
        Screen::NewRun(_) => &[
            ("Enter", "tui-key-create"),
            ("Esc", "tui-key-back"),
            ("Ctrl-C", "tui-key-quit"),
        ],
        Screen::Run(screen) if screen.picker.is_some() => &[
            ("↑ ↓  k j", "tui-key-move"),
            ("Tab", "tui-key-next-choice"),
            ("Enter", "tui-key-choose"),
            ("Esc", "tui-key-back"),
        ],
        Screen::Run(screen) if screen.editor.is_some() => &[
            ("← →  Home End", "tui-key-cursor"),
            ("Enter  Ctrl-S", "tui-key-keep"),
            ("Alt-Enter  Ctrl-J", "tui-key-newline"),
            ("Esc", "tui-key-cancel"),
        ],
        Screen::Run(screen) if screen.copy.is_some() => &[
            ("↑ ↓  k j", "tui-key-move"),
            ("Enter  y", "tui-key-copy"),
            ("o", "tui-key-open-link"),
            ("Esc", "tui-key-back"),
        ],
        Screen::Run(screen) if screen.table.is_some() => &[
            ("↑ ↓  k j", "tui-key-move"),
            ("← →", "tui-key-cell"),
            ("Tab  Shift-Tab", "tui-key-next-cell"),
            ("Enter  e", "tui-key-edit-cell"),
            ("a  Insert", "tui-key-add-row"),
            ("x  Del", "tui-key-remove-row"),
            ("K J  Shift-↑ ↓", "tui-key-move-row"),
            ("u  Ctrl-Z", "tui-key-undo"),
            ("Esc", "tui-key-close-table"),
            ("? F1", "tui-key-help"),
        ],
        Screen::Run(screen) if screen.focus == crate::tui::app::Focus::Form => &[
            ("↑ ↓  k j  Tab", "tui-key-field"),
            ("Enter  e", "tui-key-edit"),
            ("Del  x", "tui-key-clear"),
            ("c", "tui-key-complete"),
            ("y  o", "tui-key-copy-open"),
            ("Esc", "tui-key-to-steps"),
            ("u  Ctrl-Z", "tui-key-undo"),
            ("? F1", "tui-key-help"),
            ("q  Ctrl-C", "tui-key-quit"),
        ],
        Screen::Run(_) => &[
            ("Tab", "tui-key-to-form"),
            ("↑ ↓  k j", "tui-key-move"),
            ("PgUp PgDn  g G", "tui-key-page"),
            ("s", "tui-key-start"),
            ("c  Space  Enter", "tui-key-complete"),
            ("w", "tui-key-wait"),
            ("r", "tui-key-reopen"),
            ("p", "tui-key-pass-over"),
            ("v", "tui-key-variant"),
            ("y  o", "tui-key-copy-open"),
            ("d", "tui-key-export"),
            ("u  Ctrl-Z", "tui-key-undo"),
            ("Esc", "tui-key-home"),
            ("? F1", "tui-key-help"),
            ("q  Ctrl-C", "tui-key-quit"),
        ],
    }
}

pub fn draw(frame: &mut Frame, cx: &Ctx, area: Rect) {
    cx.shadow(area);
    let keys = keys(&cx.app.screen);
    let popup = centered_box(
        frame,
        area,
        area.width.saturating_sub(4).min(70),
        keys.len() as u16 + 4,
    );
    let block = Block::bordered()
        .title(format!(" {} ", cx.t("tui-help-title")))
        .border_style(cx.theme.title());
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(key, what)| {
            Line::from(vec![
                Span::styled(format!("{key:<16}"), cx.theme.title()),
                Span::raw(cx.t(what)),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(cx.t("tui-help-layout")).style(cx.theme.dim()));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
