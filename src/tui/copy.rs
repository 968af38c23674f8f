//! What a step offers the officer to paste elsewhere or open: its letters' recipients and
//! subjects, and the web addresses in its text and its form's blank. Only http and https
//! addresses with nothing a terminal or a shell could misread are ever kept.

use crate::procedure::Procedure;

/// What can be copied from a step: a letter's recipient, copy or subject, or a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copyable {
    pub kind: CopyKind,
    /// The text, made safe (no control characters).
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    To,
    Cc,
    Subject,
    /// A web address (http or https only: nothing else is ever opened).
    Link,
}

/// The list of what can be copied or opened from the selected step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyPopup {
    pub items: Vec<Copyable>,
    pub cursor: usize,
}

/// Everything on a step an officer may want to paste elsewhere: the letters' recipients and
/// subjects, and the links of the step's text and of its form's blank.
pub fn copyables(procedure: &Procedure, index: usize) -> Vec<Copyable> {
    let step = &procedure.steps()[index];
    let mut items = Vec::new();
    let mut push = |kind, text: &str| {
        let text = crate::text::sanitize_line(text.trim()).into_owned();
        let item = Copyable { kind, text };
        if !item.text.is_empty() && !items.contains(&item) {
            items.push(item);
        }
    };
    for letter in &step.letters {
        letter.to.iter().for_each(|to| push(CopyKind::To, to));
        letter.cc.iter().for_each(|cc| push(CopyKind::Cc, cc));
        if let Some(subject) = &letter.subject {
            push(CopyKind::Subject, subject);
        }
    }
    for link in &step.links {
        match link.url.strip_prefix("mailto:") {
            Some(address) => push(CopyKind::To, address),
            None if is_web_address(&link.url) => push(CopyKind::Link, &link.url),
            None => {}
        }
    }
    let form = step.form.as_deref().and_then(|id| procedure.form(id));
    let texts = step.body.iter().chain(form.and_then(|f| f.link.as_ref()));
    for text in texts {
        for url in links(text) {
            push(CopyKind::Link, &url);
        }
    }
    items
}

/// The web addresses in a Markdown text: link targets and addresses written out.
pub fn links(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut found = Vec::new();
    for event in Parser::new(markdown) {
        let candidates: Vec<String> = match event {
            Event::Start(Tag::Link { dest_url, .. }) => vec![dest_url.to_string()],
            Event::Text(text) | Event::Code(text) => text
                .split_whitespace()
                .filter(|w| w.contains("http://") || w.contains("https://"))
                .map(|w| {
                    let start = w.find("http").unwrap_or(0);
                    w[start..]
                        .trim_end_matches(['.', ',', ';', ':', ')', '»', '"', '\'', '!', '?'])
                        .to_owned()
                })
                .collect(),
            _ => Vec::new(),
        };
        for url in candidates {
            if is_web_address(&url) && !found.contains(&url) {
                found.push(url);
            }
        }
    }
    found
}

/// Whether a text is an http or https address with nothing in it a terminal or a shell could
/// take for something else.
pub fn is_web_address(text: &str) -> bool {
    crate::validate::url(text).is_ok() && !text.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_found_in_link_targets_and_in_the_text_and_only_web_addresses_are_kept() {
        let body = "Откройте [кабинет](https://lk.example.ru/login) или адрес \
                    https://www.gosuslugi.ru/feedback. Не ссылки: [файл](file:///etc/passwd), \
                    [скрипт](javascript:alert(1)), ftp://old.example.ru; \
                    «https://example.ru/a?b=1»";
        assert_eq!(
            links(body),
            [
                "https://lk.example.ru/login",
                "https://www.gosuslugi.ru/feedback",
                "https://example.ru/a?b=1",
            ]
        );
        assert!(!is_web_address("https://example.ru/\u{1b}]52;c;x\u{7}"));
        assert!(!is_web_address("http://"));
    }
}
