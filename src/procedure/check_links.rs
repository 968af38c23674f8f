//! The rule on links: a link opens in the officer's browser, so only web and mail addresses are
//! allowed, in `[[step.link]]`s, form links and every Markdown text. Finding the links of a
//! Markdown text means parsing it, the costliest rule on a long procedure, so a text whose links
//! plainly obey the rule is not parsed.

use super::check::Checker;
use super::{Diagnostic, Msg, PathSeg};
use crate::path;

impl Checker<'_> {
    /// Links open in the officer's browser: only web and mail addresses.
    pub fn url(&mut self, url: &str, at: impl FnOnce() -> Vec<PathSeg>) {
        if !allowed_url(url) {
            self.push(bad_url(url, at()));
        }
    }

    /// Links inside Markdown texts open in the officer's browser like `[[step.link]]`s do, so
    /// they obey the same rule.
    pub(super) fn markdown(&mut self) {
        let file = self.file;
        let mut texts: Vec<(Option<&str>, Vec<PathSeg>)> =
            vec![(Some(&file.procedure.summary), path!["procedure", "summary"])];
        for (i, choice) in file.choices.iter().enumerate() {
            texts.push((choice.help.as_deref(), path!["choice", i, "help"]));
            for (j, option) in choice.options.iter().enumerate() {
                texts.push((
                    option.help.as_deref(),
                    path!["choice", i, "option", j, "help"],
                ));
            }
        }
        for (i, section) in file.sections.iter().enumerate() {
            texts.push((section.body.as_deref(), path!["section", i, "body"]));
        }
        for (i, step) in file.steps.iter().enumerate() {
            texts.push((step.body.as_deref(), path!["step", i, "body"]));
        }
        for (i, form) in file.forms.iter().enumerate() {
            texts.push((form.description.as_deref(), path!["form", i, "description"]));
        }
        for (i, reference) in file.references.iter().enumerate() {
            texts.push((reference.body.as_deref(), path!["reference", i, "body"]));
        }
        self.links(texts);
    }

    /// The links in Markdown texts (absent ones are skipped) must be allowed.
    fn links(&mut self, texts: Vec<(Option<&str>, Vec<PathSeg>)>) {
        for (text, at) in texts {
            let text = text.filter(|text| !plainly_allowed(text));
            for destination in text.map(markdown_links).unwrap_or_default() {
                self.url(&destination, || at.clone());
            }
        }
    }
}

/// Links open in the officer's browser: only web and mail addresses.
fn allowed_url(url: &str) -> bool {
    let scheme = ["https://", "http://", "mailto:"].iter().any(|scheme| {
        url.len() > scheme.len()
            && url
                .get(..scheme.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    });
    scheme && !url.chars().any(char::is_whitespace)
}

/// Whether it shows in the text itself, without parsing its Markdown, that every link of a
/// Markdown text is allowed; `false` means "parse it to know".
///
/// In CommonMark a link needs `](` (an inline link), `]:` (the definition a reference link
/// uses) or `<` (an autolink). With neither of the last two, every link has its destination
/// right after a `](`; when each `](` is followed by an allowed scheme and then by characters
/// up to the next space that are not whitespace, `)`, `&` or `\` (an entity or an escape could
/// turn into whitespace once decoded), the destination is that scheme and a non-empty run of
/// those characters, which [`allowed_url`] accepts. Most steps' links look like that.
fn plainly_allowed(text: &str) -> bool {
    if text.contains('<') || text.contains("]:") {
        return false;
    }
    text.match_indices("](").all(|(at, _)| {
        let destination = &text[at + 2..];
        let Some(scheme) = ["https://", "http://", "mailto:"].iter().find(|scheme| {
            destination
                .get(..scheme.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
        }) else {
            return false;
        };
        let rest = &destination[scheme.len()..];
        // A destination ends at an ASCII space or control character.
        let end = rest
            .find(|c: char| c.is_ascii_whitespace() || c.is_ascii_control())
            .unwrap_or(rest.len());
        let run = &rest[..end];
        !run.is_empty()
            && !run.starts_with(')')
            && !run.contains(['&', '\\'])
            && !run.chars().any(char::is_whitespace)
    })
}

fn bad_url(url: &str, at: Vec<PathSeg>) -> Diagnostic {
    Diagnostic::error("bad-url")
        .arg("value", url)
        .at(at)
        .help(Msg::new("help-bad-url"))
}

/// The destinations of the links and images of a Markdown text.
pub fn markdown_links(text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    // Every CommonMark link needs one of these: `](` after the text of an inline link, `]:`
    // after the label of the definition a reference link uses, `<` before an autolink. Most
    // texts have none, and then need no parsing.
    if !(text.contains("](") || text.contains("]:") || text.contains('<')) {
        return Vec::new();
    }
    Parser::new(text)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.into_string())
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::{load, synthetic};

    /// Text around and inside links.
    const FILLER: &[&str] = &[
        "x", "ю", " ", "\u{a0}", "\u{2003}", "\t", "\n", "\n\n", ")", "(", "&amp;", "&#32;", "\\",
        "<", ">", "]:", "[", "]", "`", "*", "\"t\"", "[r]", "[r]: ", "](", "/", ".",
    ];

    const SCHEMES: &[&str] = &[
        "https://",
        "https://",
        "HTTP://",
        "mailto:",
        "http://",
        "ftp://",
        "javascript:",
        "http:/",
        " https://",
        "",
    ];

    /// What follows the scheme in a destination: mostly harmless.
    const REST: &[&str] = &[
        "x", "x", "x/y", ".", "ю", ")", "(", "&amp;", "&#32;", "\\", " ", "\u{a0}", "\"t\"", "\n",
        "<",
    ];

    /// Text that changes little around links.
    const PLAIN: &[&str] = &[
        "x", "ю", " ", "\n", "\n\n", "*", "`", "[", "]", "(", ")", "!",
    ];

    fn markdown_with_links(
        filler: &'static [&'static str],
    ) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let filler = move || proptest::collection::vec(proptest::sample::select(filler), 0..4);
        let link = (
            proptest::sample::select(&["[", "![", "[`"][..]),
            filler(),
            proptest::sample::select(SCHEMES),
            proptest::collection::vec(proptest::sample::select(REST), 0..3),
            proptest::sample::select(&[")", " \"t\")", "", ")]"][..]),
        )
            .prop_map(|(open, text, scheme, rest, close)| {
                format!("{open}{}]({scheme}{}{close}", text.concat(), rest.concat())
            });
        let segment = prop_oneof![filler().prop_map(|f| f.concat()), link];
        proptest::collection::vec(segment, 0..4).prop_map(|segments| segments.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 16384,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// What is plainly allowed is allowed when the Markdown is parsed.
        #[test]
        fn plainly_allowed_links_are_allowed(
            text in proptest::prop_oneof![markdown_with_links(FILLER), markdown_with_links(PLAIN)],
        ) {
            if plainly_allowed(&text) {
                let links = markdown_links(&text);
                proptest::prop_assert!(
                    links.iter().all(|url| allowed_url(url)),
                    "{:?}: {:?}",
                    text,
                    links
                );
            }
        }
    }

    #[test]
    fn the_generated_steps_links_are_plainly_allowed() {
        let text = synthetic::procedure_text(3);
        let p = load(text.as_bytes()).result.expect("valid");
        let body = p.steps()[0].body.as_deref().expect("a body");
        assert!(body.contains("]("));
        assert!(plainly_allowed(body));
        assert!(!plainly_allowed("[a](ftp://x)"));
        assert!(!plainly_allowed("[a](https://x\u{a0}y)"));
        assert!(!plainly_allowed("[a](https://)"));
        assert!(!plainly_allowed("[a][r]\n\n[r]: ftp://x"));
    }
}
