//! Reading an exported `.eml` draft back for the tests, with a mail parser: its headers,
//! addresses, text and parts, and what a reader of a letter's draft must find in it.

use jiff::Timestamp;
use mail_parser::{Message, MessageParser, MimeHeaders};

use poryadok::export::eml::draft_eml;
use poryadok::export::model::Draft;

/// The type of a form attached to a letter.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

pub fn parse(bytes: &[u8]) -> Message<'_> {
    MessageParser::default()
        .parse(bytes)
        .expect("the draft parses as a message")
}

pub fn addresses(address: Option<&mail_parser::Address<'_>>) -> Vec<String> {
    address
        .map(|a| {
            a.iter()
                .filter_map(|x| x.address())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The text of the message with its line breaks as `\n`.
pub fn body_text(message: &Message<'_>) -> String {
    message
        .body_text(0)
        .expect("a text body")
        .replace("\r\n", "\n")
}

/// Every line of the raw message is 7-bit ASCII without control characters (tab aside) and
/// within the 998 octets RFC 5322 allows: nothing but the mail encodings reaches the file.
#[track_caller]
pub fn assert_plain_wire(bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("the draft is ASCII");
    for line in text.split("\r\n") {
        assert!(line.len() <= 998, "a line of {} octets", line.len());
        assert!(
            line.bytes()
                .all(|b| b == b'\t' || (b' '..=b'~').contains(&b)),
            "a line with a byte outside printable ASCII: {line:?}"
        );
    }
}

/// The type of every MIME part, in order.
pub fn part_types(message: &Message<'_>) -> Vec<String> {
    message
        .parts
        .iter()
        .map(|part| {
            part.content_type().map_or("text/plain".to_owned(), |t| {
                format!("{}/{}", t.ctype(), t.subtype().unwrap_or_default())
            })
        })
        .collect()
}

/// The header names of the message, lower-cased.
pub fn header_names(message: &Message<'_>) -> Vec<String> {
    message
        .headers()
        .iter()
        .map(|h| h.name().to_ascii_lowercase())
        .collect()
}

/// What a reader of the draft must find, worked out from the draft itself: addresses are the
/// recipients with an `@`, the other recipients are named at the top of the text; `files` are
/// the forms it carries.
#[track_caller]
pub fn check_draft(
    procedure: &str,
    draft: &Draft,
    files: Vec<(String, Vec<u8>, &'static str)>,
    now: Timestamp,
) {
    let bytes =
        draft_eml(draft, &files, now).unwrap_or_else(|e| panic!("{procedure}/{}: {e}", draft.step));
    assert_plain_wire(&bytes);
    let message = parse(&bytes);
    let what = format!("{procedure}/{} «{}»", draft.step, draft.subject);

    assert_eq!(message.subject(), Some(draft.subject.as_str()), "{what}");
    let is_address = |r: &&String| r.contains('@');
    let expected_to: Vec<String> = draft.to.iter().filter(is_address).cloned().collect();
    let expected_cc: Vec<String> = draft.cc.iter().filter(is_address).cloned().collect();
    assert_eq!(addresses(message.to()), expected_to, "{what}: To");
    assert_eq!(addresses(message.cc()), expected_cc, "{what}: Cc");
    if expected_to.is_empty() {
        assert!(!header_names(&message).contains(&"to".to_owned()), "{what}");
    }
    assert!(message.from().is_none(), "{what}: a draft has no From");
    assert!(message.bcc().is_none(), "{what}: no Bcc");
    assert_eq!(
        message.header_raw("X-Unsent").map(str::trim),
        Some("1"),
        "{what}"
    );
    assert_eq!(
        message.date().map(|d| d.to_timestamp()),
        Some(now.as_second()),
        "{what}"
    );

    let text = body_text(&message);
    let named_to: Vec<&str> = draft
        .to
        .iter()
        .filter(|r| !r.contains('@'))
        .map(String::as_str)
        .collect();
    let named_cc: Vec<&str> = draft
        .cc
        .iter()
        .filter(|r| !r.contains('@'))
        .map(String::as_str)
        .collect();
    let mut lines = text.lines();
    if !named_to.is_empty() {
        assert_eq!(
            lines.next(),
            Some(format!("Кому: {}", named_to.join(", ")).as_str()),
            "{what}"
        );
    }
    if !named_cc.is_empty() {
        assert_eq!(
            lines.next(),
            Some(format!("Копия: {}", named_cc.join(", ")).as_str()),
            "{what}"
        );
    }
    // The letter's body, then what the letter ends with: its attachments, signer, contact.
    let ending = poryadok::export::model::letter_ending(draft).join("\n");
    let expected = format!("{}\n\n{ending}", draft.body.trim_end());
    assert!(
        text.trim_end().ends_with(expected.trim()),
        "{what}: the text ends with the letter's body and ending\n{text}"
    );

    let found: Vec<(String, Vec<u8>)> = message
        .attachments()
        .map(|part| {
            (
                part.attachment_name()
                    .expect("a named attachment")
                    .to_owned(),
                part.contents().to_vec(),
            )
        })
        .collect();
    let sent: Vec<(String, Vec<u8>)> = files.into_iter().map(|(n, b, _)| (n, b)).collect();
    assert_eq!(found, sent, "{what}: attachments by name and bytes");
    for part in message.attachments() {
        let kind = part.content_type().expect("a content type");
        assert_eq!(
            format!("{}/{}", kind.ctype(), kind.subtype().unwrap_or_default()),
            DOCX
        );
    }
}
