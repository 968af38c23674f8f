//! Text that comes from procedure files or from the officer and will reach a terminal.
//!
//! Two jobs live here. [`find_unsafe`] tells the procedure checker which characters a
//! procedure may not contain at all (control characters, escape sequences, bidirectional
//! overrides: they could rewrite the officer's terminal or make text read differently from
//! what is stored). [`sanitize`] is the last line of defence for anything printed: it replaces
//! those characters with visible stand-ins, so even text that slipped past a check cannot act
//! on the terminal.

use std::borrow::Cow;

/// Why a character is not allowed in text shown to the officer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsafeKind {
    /// C0 controls (except tab and line feed where line breaks are allowed), DEL and C1 controls;
    /// ESC and CSI among them start terminal escape sequences.
    Control,
    /// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
    /// make text display in a different order from the one it is stored in.
    Bidi,
    /// A line break where the text must stay on one line (titles, labels, subjects).
    LineBreak,
}

/// The first character of `text` that may not appear in it, with its byte offset.
///
/// `multiline` allows line feeds (bodies, help texts); tabs are always allowed.
pub fn find_unsafe(text: &str, multiline: bool) -> Option<(usize, char, UnsafeKind)> {
    if !holds_unsafe(text, multiline) {
        return None;
    }
    text.char_indices().find_map(|(at, c)| {
        let kind = match c {
            '\t' => return None,
            '\n' if multiline => return None,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => UnsafeKind::LineBreak,
            c if is_bidi_control(c) => UnsafeKind::Bidi,
            c if c.is_control() => UnsafeKind::Control,
            _ => return None,
        };
        Some((at, c, kind))
    })
}

/// Whether `text` holds one of the characters [`find_unsafe`] and [`sanitize`] look for (line
/// feeds count only when `line_feeds` is false; tabs never count), read from its bytes without
/// decoding a character. C0 controls and DEL are single bytes; C1 controls are 0xC2 0x80–0x9F;
/// the line and paragraph separators and the bidirectional controls are 0xE2 0x80 0xA8–0xAE and
/// 0xE2 0x81 0xA6–0xA9. Letters, guillemets and dashes never match.
///
/// Every text of a procedure file goes through here, so it is read a block at a time: a loop
/// without branches, which the compiler turns into vector instructions, finds whether a block
/// has a byte that could start such a character, and only such a block (one with a guillemet or
/// a dash, say) is read byte by byte.
fn holds_unsafe(text: &str, line_feeds: bool) -> bool {
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let may_start = |b: u8| {
        let control = (b < 0x20) & (b != b'\t') & ((b != b'\n') | !line_feeds);
        control | (b == 0x7F) | (b == 0xC2) | (b == 0xE2)
    };
    bytes.chunks(BLOCK).enumerate().any(|(n, block)| {
        block.iter().fold(false, |any, &b| any | may_start(b))
            && (n * BLOCK..n * BLOCK + block.len()).any(|i| starts_unsafe(bytes, i, line_feeds))
    })
}

/// Whether the character at byte `i` of `bytes` is one [`holds_unsafe`] looks for.
fn starts_unsafe(bytes: &[u8], i: usize, line_feeds: bool) -> bool {
    match bytes[i] {
        b'\t' => false,
        b'\n' => !line_feeds,
        0..=0x1F | 0x7F => true,
        0xC2 => bytes
            .get(i + 1)
            .is_some_and(|next| (0x80..=0x9F).contains(next)),
        0xE2 => matches!(
            bytes.get(i + 1..i + 3),
            Some([0x80, 0xA8..=0xAE] | [0x81, 0xA6..=0xA9])
        ),
        _ => false,
    }
}

/// The bidirectional formatting characters that reorder text (the "Trojan Source" set).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text made safe to write to a terminal: every control character (except line feed and tab)
/// and every bidirectional control is replaced by a visible stand-in of the same display
/// width, so that alignment of the surrounding text is kept.
///
/// C0 controls and DEL become their Unicode "control pictures" (ESC shows as `␛`); C1 controls
/// and bidi controls become `�`.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !holds_unsafe(text, true) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(stand_in).collect())
}

/// Like [`sanitize`], but line breaks are shown as `␤` too: for text that must stay on one line.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    match sanitize(text) {
        Cow::Borrowed(s) if !s.contains('\n') => Cow::Borrowed(s),
        other => Cow::Owned(other.replace('\n', "\u{2424}")),
    }
}

fn stand_in(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        c if c.is_control() || is_bidi_control(c) => '\u{FFFD}',
        c => c,
    }
}

/// A character named for a message: `U+001B`.
pub fn codepoint(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(sanitize("x\u{9b}2Jy"), "x\u{FFFD}2Jy");
        assert_eq!(sanitize("del\u{7f}"), "del\u{2421}");
    }

    #[test]
    fn bidi_overrides_are_replaced() {
        assert_eq!(sanitize("abc\u{202E}def\u{2066}"), "abc\u{FFFD}def\u{FFFD}");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("Шаг 8\tготово\n"), Cow::Borrowed(_)));
        assert!(matches!(sanitize_line("Шаг 8"), Cow::Borrowed(_)));
    }

    #[test]
    fn sanitize_line_shows_line_breaks() {
        assert_eq!(sanitize_line("a\nb"), "a\u{2424}b");
    }

    /// For every character of Unicode, alone and between letters, the byte reading agrees with
    /// the characters' own properties.
    #[test]
    fn the_bytes_tell_unsafe_text_as_the_characters_do() {
        let mut unsafe_ones = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let separator = matches!(c, '\u{2028}' | '\u{2029}');
            let looked_for = (c.is_control() && c != '\t') || is_bidi_control(c) || separator;
            unsafe_ones += usize::from(looked_for);
            for text in [c.to_string(), format!("ш{c}ю")] {
                assert_eq!(holds_unsafe(&text, false), looked_for, "{c:?}");
                assert_eq!(holds_unsafe(&text, true), looked_for && c != '\n', "{c:?}");
                assert_eq!(find_unsafe(&text, false).is_some(), looked_for, "{c:?}");
            }
        }
        // C0 but tab, DEL, C1, the two separators, nine bidirectional controls.
        assert_eq!(unsafe_ones, 31 + 1 + 32 + 2 + 9);
        assert!(!holds_unsafe("Шаг 8: «подать» — 5 дней\n\tв срок", true));
    }

    /// A character looked for is found wherever it falls against the blocks the text is read
    /// in, the last bytes of a block included; the characters that share its first byte are not.
    #[test]
    fn unsafe_text_is_found_across_blocks() {
        let looked_for = [
            '\u{1b}', '\n', '\u{7f}', '\u{85}', '\u{9f}', '\u{2028}', '\u{202e}',
        ];
        let alike = ['\t', '«', '\u{a0}', '—', '\u{2030}', '\u{2065}', 'ш'];
        for filler in ["a", "ж"] {
            for before in 0..140 {
                let lead = filler.repeat(before);
                for c in looked_for.into_iter().chain(alike) {
                    let text = format!("{lead}{c}");
                    let expected = looked_for.contains(&c);
                    assert_eq!(holds_unsafe(&text, false), expected, "{c:?} after {before}");
                    assert_eq!(
                        holds_unsafe(&format!("{text}{lead}"), true),
                        expected && c != '\n'
                    );
                }
            }
        }
    }

    #[test]
    fn find_unsafe_reports_first_offender() {
        assert_eq!(find_unsafe("ok", false), None);
        assert_eq!(find_unsafe("a\nb", true), None);
        assert_eq!(
            find_unsafe("a\nb", false),
            Some((1, '\n', UnsafeKind::LineBreak))
        );
        assert_eq!(
            find_unsafe("Ш\u{1b}", true),
            Some((2, '\u{1b}', UnsafeKind::Control))
        );
        assert_eq!(
            find_unsafe("x\u{2067}", true),
            Some((1, '\u{2067}', UnsafeKind::Bidi))
        );
        assert_eq!(
            find_unsafe("x\u{85}", true),
            Some((1, '\u{85}', UnsafeKind::Control))
        );
    }
}
