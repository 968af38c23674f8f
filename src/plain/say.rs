//! Procedure text as plain lines a screen reader reads in order: Markdown without its marks,
//! links with their address, and nothing a terminal would take for a control sequence.

use jiff::civil::Date;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::text::sanitize_line;

/// Text from a procedure or a run on one line, made safe for the terminal.
pub fn line(text: &str) -> String {
    sanitize_line(text).into_owned()
}

/// A day as officers write it.
pub fn date(date: Date) -> String {
    date.strftime("%d.%m.%Y").to_string()
}

/// A step's or a section's Markdown as lines of plain text: a paragraph or a heading per line,
/// a list item per line after «–» (or its number), a link's address in brackets after its text.
pub fn markdown(body: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    // Per open list: the next number, or none for a bulleted one.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut link: Option<String> = None;
    let flush = |current: &mut String, lines: &mut Vec<String>| {
        let text = current.trim();
        if !text.is_empty() {
            lines.push(line(text));
        }
        current.clear();
    };
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut lines);
                let depth = lists.len().saturating_sub(1);
                current.push_str(&"  ".repeat(depth));
                match lists.last_mut() {
                    Some(Some(number)) => {
                        current.push_str(&format!("{number}. "));
                        *number += 1;
                    }
                    _ => current.push_str("– "),
                }
            }
            Event::Start(Tag::List(first)) => {
                flush(&mut current, &mut lines);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, &mut lines);
                lists.pop();
            }
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.into_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take()
                    && !current.contains(url.as_str())
                {
                    current.push_str(&format!(" ({url})"));
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                flush(&mut current, &mut lines);
            }
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => flush(&mut current, &mut lines),
            _ => {}
        }
    }
    flush(&mut current, &mut lines);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_read_as_plain_lines() {
        let body = "Шаг 1. Подать **Заявку**\nв электронном виде.\n\n\
                    - паспорт;\n- [СНИЛС](https://example.ru/snils).\n\n\
                    1. первое\n2. второе\n\n# Итог\n\x1b[31mкрасный";
        assert_eq!(
            markdown(body),
            [
                "Шаг 1. Подать Заявку в электронном виде.",
                "– паспорт;",
                "– СНИЛС (https://example.ru/snils).",
                "1. первое",
                "2. второе",
                "Итог",
                "␛[31mкрасный",
            ]
        );
    }
}
