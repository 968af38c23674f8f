//! The home screen (runs in progress, procedures to start) and the new-run label prompt.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Ctx, centered_box, fit, row, safe};
use crate::tui::action::Target;
use crate::tui::app::{Home, HomeDialog, HomePane, NewRun};
use crate::tui::keys::KeyMode;

pub fn draw(frame: &mut Frame, cx: &Ctx, home: &Home, area: Rect) {
    let app = cx.app;
    let runs_height = (app.runs.len().max(1) * 2 + 2).min(usize::from(area.height) / 2) as u16;
    let [title, runs_area, procs_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(runs_height),
        Constraint::Min(4),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(cx.t("tui-home-title")).style(cx.theme.title())),
        title,
    );

    // Runs: two lines each (label and procedure; progress, next step, due date).
    let focused = home.pane == HomePane::Runs;
    let block = pane_block(cx, &cx.t("tui-home-runs"), focused);
    let inner = block.inner(runs_area);
    frame.render_widget(block, runs_area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    if app.runs.is_empty() {
        lines.push(Line::from(cx.t("tui-home-no-runs")).style(cx.theme.dim()));
    }
    let visible = usize::from(inner.height) / 2;
    let first = home.run.saturating_sub(visible.saturating_sub(1));
    for (i, run) in app.runs.iter().enumerate().skip(first).take(visible) {
        let chosen = focused && i == home.run;
        cx.hit(
            Rect {
                y: inner.y + lines.len() as u16,
                height: 2,
                ..inner
            },
            Target::Run(i),
        );
        let procedure = run
            .procedure
            .map(|p| app.procedures[p].title().to_owned())
            .unwrap_or_default();
        let head = fit(
            &format!("{} — {}", safe(&run.label), safe(&procedure)),
            width,
        );
        let mut second = Vec::new();
        if let Some(problem) = &run.problem {
            second.push(Span::styled(
                format!("  ! {}", safe(problem)),
                cx.theme.alert(),
            ));
        } else {
            second.push(Span::raw(format!(
                "  {}",
                cx.tf(
                    "tui-progress",
                    &[("done", run.done.into()), ("all", run.all.into())]
                )
            )));
            if let Some(version) = &run.newer {
                second.push(Span::styled(
                    format!(
                        " · {}",
                        cx.tf(
                            "tui-home-edition",
                            &[("version", safe(version).into_owned().into())]
                        )
                    ),
                    cx.theme.alert(),
                ));
            }
            if let Some(next) = &run.next {
                second.push(Span::raw(format!(
                    " · {}",
                    cx.tf("runs-next", &[("step", safe(next).into_owned().into())])
                )));
            }
            if let Some(due) = run.due {
                let date = due.strftime("%d.%m.%Y").to_string();
                if due < app.today {
                    second.push(Span::styled(
                        format!(
                            " · {}",
                            cx.tf(
                                "runs-due",
                                &[
                                    (
                                        "date",
                                        cx.tf("runs-overdue", &[("date", date.into())]).into()
                                    ),
                                    ("number", run.due_step.into())
                                ]
                            )
                        ),
                        cx.theme.alert(),
                    ));
                } else {
                    second.push(Span::raw(format!(
                        " · {}",
                        cx.tf(
                            "runs-due",
                            &[("date", date.into()), ("number", run.due_step.into())]
                        )
                    )));
                }
            }
        }
        let marker = if chosen { "▶ " } else { "  " };
        let head = Line::from(format!("{marker}{head}"));
        lines.push(if chosen {
            head.style(cx.theme.selected())
        } else {
            head.style(cx.theme.title())
        });
        lines.push(Line::from(second));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    // Procedures: a list, and the selected one's summary under it.
    let focused = home.pane == HomePane::Procedures;
    let block = pane_block(cx, &cx.t("tui-home-procedures"), focused);
    let inner = block.inner(procs_area);
    frame.render_widget(block, procs_area);
    let list_height = (app.procedures.len() as u16).min(inner.height.saturating_sub(3).max(1));
    let [list_area, summary_area] =
        Layout::vertical([Constraint::Length(list_height), Constraint::Min(0)]).areas(inner);
    let visible = usize::from(list_area.height);
    let first = home.procedure.saturating_sub(visible.saturating_sub(1));
    let width = usize::from(list_area.width);
    let lines: Vec<Line> = app
        .procedures
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, p)| {
            cx.hit(row(list_area, i - first), Target::Procedure(i));
            let steps = cx.tf("count-steps", &[("count", p.steps().len().into())]);
            let chosen = focused && i == home.procedure;
            let marker = if chosen { "▶ " } else { "  " };
            let text = fit(&format!("{marker}{} ({steps})", safe(p.title())), width);
            if chosen {
                Line::from(text).style(cx.theme.selected())
            } else {
                Line::from(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list_area);
    if let Some(p) = app.procedures.get(home.procedure) {
        let text: String = p
            .file()
            .procedure
            .summary
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        frame.render_widget(
            Paragraph::new(safe(&text).into_owned())
                .style(cx.theme.dim())
                .wrap(Wrap { trim: true }),
            summary_area,
        );
    }
    draw_dialog(frame, cx, home, area);
}

/// The dialog over the home screen, if one is open: the selected run's new label being typed
/// (with the warning when another run of its procedure has it), or its deletion to confirm.
fn draw_dialog(frame: &mut Frame, cx: &Ctx, home: &Home, area: Rect) {
    let Some(dialog) = &home.dialog else {
        return;
    };
    let app = cx.app;
    let id = match dialog {
        HomeDialog::Rename { id, .. } | HomeDialog::Delete { id } => id,
    };
    let run = app.runs.iter().find(|r| &r.id == id);
    let procedure = (run.and_then(|r| r.procedure))
        .map(|p| safe(app.procedures[p].title()).into_owned())
        .unwrap_or_default();
    let width = area.width.saturating_sub(4).min(76);
    let (title, mode, lines) = match dialog {
        HomeDialog::Rename { label, refused, .. } => {
            let procedure_id = (app.labels.iter().find(|r| &r.id == id))
                .map(|r| r.procedure.as_str())
                .unwrap_or_default();
            let mut lines = vec![
                Line::from(procedure).style(cx.theme.dim()),
                Line::from(""),
                Line::from(vec![
                    Span::raw("> "),
                    Span::styled(safe(label).into_owned(), cx.theme.active()),
                    Span::styled("█", cx.theme.dim()),
                ]),
                Line::from(""),
            ];
            // Why the last Enter did not rename it, in the words of the refusal.
            for (i, line) in refused.iter().enumerate() {
                let line = match i {
                    0 => format!("✗ {}", safe(line)),
                    _ => format!("  {}", safe(line)),
                };
                lines.push(Line::from(line).style(cx.theme.alert()));
            }
            if !refused.is_empty() {
                lines.push(Line::from(""));
            }
            lines.extend(same_label_warning(cx, procedure_id, label, Some(id)));
            lines.push(Line::from(cx.t("tui-rename-hint")).style(cx.theme.dim()));
            (cx.t("tui-rename-title"), KeyMode::Rename, lines)
        }
        HomeDialog::Delete { .. } => {
            let label = run.map(|r| safe(&r.label).into_owned()).unwrap_or_default();
            let days = (crate::store::KEEP_DELETED.as_secs() / 86_400) as usize;
            let lines = vec![
                Line::from(cx.tf(
                    "tui-delete-question",
                    &[("label", label.into()), ("procedure", procedure.into())],
                ))
                .style(cx.theme.title()),
                Line::from(""),
                Line::from(cx.tf(
                    "tui-delete-kept",
                    &[("days", days.into()), ("id", id.clone().into())],
                )),
                Line::from(""),
                Line::from(cx.t("tui-delete-keys")).style(cx.theme.dim()),
            ];
            (cx.t("tui-delete-title"), KeyMode::ConfirmDelete, lines)
        }
    };
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let height = (paragraph.line_count(width.saturating_sub(2)) as u16 + 2).min(area.height);
    let popup = centered_box(frame, area, width, height);
    cx.shadow(popup);
    frame.render_widget(paragraph.block(cx.popup_block(&title, mode)), popup);
}

/// The warning that another run of the procedure `procedure` (its id) has the label `label`,
/// with an empty line after it; nothing when none has.
fn same_label_warning(
    cx: &Ctx,
    procedure: &str,
    label: &str,
    except: Option<&str>,
) -> Vec<Line<'static>> {
    let same = cx.app.same_label(procedure, label, except);
    if same.is_empty() {
        return Vec::new();
    }
    let text = crate::store::same_label_warning("tui-same-label", label, &same, &cx.app.tz)
        .text(cx.lang());
    vec![Line::from(text).style(cx.theme.waiting()), Line::from("")]
}

fn pane_block<'a>(cx: &Ctx, title: &str, focused: bool) -> Block<'a> {
    let block = Block::bordered().title(format!(" {title} "));
    if focused {
        block.border_style(cx.theme.title())
    } else {
        block.border_style(cx.theme.dim())
    }
}

pub fn draw_new_run(frame: &mut Frame, cx: &Ctx, new: &NewRun, area: Rect) {
    let procedure = &cx.app.procedures[new.procedure];
    let block = Block::bordered().title(format!(" {} ", cx.t("tui-new-run-title")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    // The organisation the run will belong to: its id and short name.
    let register = &cx.app.organisations;
    let org = match new.org.as_ref() {
        Some(id) => match register.organisations.get(id).and_then(|o| o.label()) {
            Some(name) => format!("{} — {}", safe(id), safe(name)),
            None => safe(id).into_owned(),
        },
        None => cx.t("tui-new-run-no-org"),
    };
    let mut lines = vec![
        Line::from(fit(&safe(procedure.title()), width)).style(cx.theme.title()),
        Line::from(""),
        Line::from(cx.t("tui-new-run-label")),
        Line::from(vec![
            Span::raw("> "),
            Span::styled(safe(&new.label).into_owned(), cx.theme.active()),
            Span::styled("█", cx.theme.dim()),
        ]),
        Line::from(""),
    ];
    // Warned, not refused: two runs for the same organisation can be meant.
    lines.extend(same_label_warning(cx, procedure.id(), &new.label, None));
    lines.extend([
        Line::from(fit(
            &cx.tf("tui-new-run-org", &[("org", org.into())]),
            width,
        )),
        // A new officer learns where organisations come from.
        if register.organisations.is_empty() {
            Line::from(cx.t("tui-new-run-no-orgs")).style(cx.theme.dim())
        } else {
            Line::from("")
        },
        Line::from(""),
        Line::from(cx.t("tui-new-run-hint")).style(cx.theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
