//! The run's dates as an iCalendar file (RFC 5545) that Outlook and Thunderbird import: an
//! all-day event for each due date not yet kept (a deadline of the procedure, or a day the
//! officer waits for an answer until), with the step and the rule in its description. Each
//! event's UID is made from the run, the step and the kind of date, so importing a later export
//! updates the events instead of adding copies.

use icalendar::{Calendar, Component, Event, EventLike};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::i18n::Msg;

use super::model::{DateKind, Export};

/// The calendar of the run's open dates.
pub fn calendar(export: &Export, now: Timestamp) -> Vec<u8> {
    let lang = export.lang;
    let report = &export.report;
    let mut calendar = Calendar::new();
    calendar.name(
        &Msg::new("export-ics-name")
            .arg("run", report.run.label.clone())
            .text(lang),
    );
    let stamp = chrono::DateTime::from_timestamp(now.as_second(), 0).unwrap_or_default();
    for event in &export.dates {
        let summary = Msg::new(match event.kind {
            DateKind::Deadline => "export-ics-deadline",
            DateKind::Wait => "export-ics-wait",
        })
        .arg("number", event.step_number)
        .arg("title", event.step_title.clone())
        .text(lang);
        let mut description = vec![
            format!("{}: {}", report.procedure.title, report.run.label),
            Msg::new("export-ics-step")
                .arg("number", event.step_number)
                .arg("title", event.step_title.clone())
                .text(lang),
        ];
        if let Some(rule) = &event.rule {
            description.push(
                Msg::new("export-ics-rule")
                    .arg("rule", rule.clone())
                    .text(lang),
            );
        }
        if event.forecast {
            description.push(lang.text("export-ics-forecast"));
        }
        let uid = format!(
            "{}-{}-{}@poryadok",
            report.run.id,
            event.step_id,
            match event.kind {
                DateKind::Deadline => "deadline",
                DateKind::Wait => "wait",
            }
        );
        calendar.push(
            Event::new()
                .uid(&uid)
                .timestamp(stamp)
                .summary(&one_line(&summary))
                .description(&description.join("\n"))
                .starts(naive(event.date))
                .ends(naive(event.date.tomorrow().unwrap_or(event.date)))
                .done(),
        );
    }
    calendar.done().to_string().into_bytes()
}

fn naive(date: Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).unwrap_or(1),
        u32::try_from(date.day()).unwrap_or(1),
    )
    .unwrap_or_default()
}

/// A summary on one line, whatever a title holds.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n', '\u{2028}', '\u{2029}'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
