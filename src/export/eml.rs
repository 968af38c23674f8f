//! Letters as `.eml` drafts: files that Outlook opens as a new message ready to send (the
//! `X-Unsent: 1` header) and Thunderbird opens as a message to edit as new.
//!
//! A draft has no `From`: the mail program puts the officer's own account there. Recipients that
//! are e-mail addresses become `To` and `Cc`; the others (an organisation reached through ЭДО,
//! «ДИТ») cannot be mail headers and are written at the top of the text instead, so that nothing
//! the procedure names is lost. mail-builder encodes what the standards ask for: non-ASCII
//! headers as RFC 2047 words, the text as quoted-printable or base64, attachment names as
//! RFC 2231 parameters.
//!
//! Nothing written into a header may hold a line break or another control character: such a
//! value could end the header and start a new one (`\r\nBcc: …`), so it is refused with the
//! letter and the header named, never cleaned up silently. The text of the letter is no header
//! and may hold anything; control characters in it are shown as visible stand-ins.

use std::borrow::Cow;

use jiff::Timestamp;
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::date::Date;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;

use crate::i18n::Msg;
use crate::text::{UnsafeKind, find_unsafe, sanitize, sanitize_line};

use super::model::Draft;

/// The longest letter name an error quotes, in characters.
const NAME_LIMIT: usize = 80;

/// Where in the message a refused value was to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Subject,
    To,
    Cc,
    /// The file name of an attachment (`Content-Disposition`).
    FileName,
}

impl Place {
    /// The header as the mail standards name it (for the English message) and the key the
    /// catalogues select on.
    fn key(self) -> &'static str {
        match self {
            Place::Subject => "subject",
            Place::To => "to",
            Place::Cc => "cc",
            Place::FileName => "file",
        }
    }

    fn header(self) -> &'static str {
        match self {
            Place::Subject => "Subject",
            Place::To => "To",
            Place::Cc => "Cc",
            Place::FileName => "attachment file name",
        }
    }
}

/// Why a letter could not be made into a draft.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmlError {
    /// A header value holds a line break, a control character or a bidirectional control.
    #[error(
        "the letter «{letter}» (step {step}) was not exported: its {} holds {} U+{:04X}, which could add headers to the message",
        place.header(),
        if matches!(kind, UnsafeKind::LineBreak) { "a line break" } else { "a control character" },
        u32::from(*found)
    )]
    Unsafe {
        step: String,
        letter: String,
        place: Place,
        found: char,
        kind: UnsafeKind,
    },
    /// An attachment's name is a path, not a file name.
    #[error(
        "the letter «{letter}» (step {step}) was not exported: the attachment name «{name}» is not a plain file name"
    )]
    FileName {
        step: String,
        letter: String,
        name: String,
    },
    /// An attachment's type is not a MIME type (`type/subtype`).
    #[error("the letter «{letter}» (step {step}) was not exported: «{mime}» is not a MIME type")]
    MimeType {
        step: String,
        letter: String,
        mime: String,
    },
}

impl EmlError {
    /// The message for the officer, in their language.
    pub fn message(&self) -> Msg {
        match self {
            EmlError::Unsafe {
                step,
                letter,
                place,
                found,
                kind,
            } => Msg::new("export-eml-unsafe-header")
                .arg("letter", letter.as_str())
                .arg("step", step.as_str())
                .arg("header", place.key())
                .arg(
                    "kind",
                    if matches!(kind, UnsafeKind::LineBreak) {
                        "line-break"
                    } else {
                        "control"
                    },
                )
                .arg("char", format!("U+{:04X}", u32::from(*found))),
            EmlError::FileName { step, letter, name } => Msg::new("export-eml-file-name")
                .arg("letter", letter.as_str())
                .arg("step", step.as_str())
                .arg("name", name.as_str()),
            EmlError::MimeType { step, letter, mime } => Msg::new("export-eml-mime-type")
                .arg("letter", letter.as_str())
                .arg("step", step.as_str())
                .arg("mime", mime.as_str()),
        }
    }
}

/// The letter as an `.eml` draft dated `now`, with `attachments` (file name, contents, MIME
/// type) attached under their names.
pub fn draft_eml(
    draft: &Draft,
    attachments: &[(String, Vec<u8>, &str)],
    now: Timestamp,
) -> Result<Vec<u8>, EmlError> {
    let letter = letter_name(draft);
    let refuse = |place: Place, value: &str| -> Result<(), EmlError> {
        match find_unsafe(value, false) {
            Some((_, found, kind)) => Err(EmlError::Unsafe {
                step: draft.step.clone(),
                letter: letter.clone(),
                place,
                found,
                kind,
            }),
            None => Ok(()),
        }
    };

    refuse(Place::Subject, &draft.subject)?;
    let (to, to_named) = split_recipients(&draft.to, |r| refuse(Place::To, r))?;
    let (cc, cc_named) = split_recipients(&draft.cc, |r| refuse(Place::Cc, r))?;
    for (name, _, mime) in attachments {
        refuse(Place::FileName, name)?;
        if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
            return Err(EmlError::FileName {
                step: draft.step.clone(),
                letter: letter.clone(),
                name: name.clone(),
            });
        }
        if !is_mime_type(mime) {
            return Err(EmlError::MimeType {
                step: draft.step.clone(),
                letter: letter.clone(),
                mime: sanitize_line(mime).into_owned(),
            });
        }
    }

    let mut message = MessageBuilder::new()
        .message_id(message_id(now))
        .date(Date::new(now.as_second()))
        .header("X-Unsent", Raw::new("1"));
    if !to.is_empty() {
        message = message.to(Address::new_list(to));
    }
    if !cc.is_empty() {
        message = message.cc(Address::new_list(cc));
    }
    message = message
        .subject(draft.subject.as_str())
        .text_body(body(draft, &to_named, &cc_named));
    for (name, bytes, mime) in attachments {
        message = message.attachment(*mime, name.as_str(), bytes.as_slice());
    }
    // Writing into a Vec cannot fail; mail-builder's signature is shared with writers that can.
    Ok(message
        .write_to_vec()
        .expect("writing a message into memory does not fail"))
}

/// How an error names the letter: its title, or its subject, on one line and not too long.
fn letter_name(draft: &Draft) -> String {
    let name = draft.title.as_deref().unwrap_or(&draft.subject);
    let name = sanitize_line(name);
    if name.chars().count() > NAME_LIMIT {
        let mut short: String = name.chars().take(NAME_LIMIT - 1).collect();
        short.push('…');
        short
    } else {
        name.into_owned()
    }
}

/// The recipients that are e-mail addresses (as mail addresses) and those that are not (as
/// names for the text), each checked for characters that may not reach a header.
fn split_recipients<'d>(
    recipients: &'d [String],
    check: impl Fn(&str) -> Result<(), EmlError>,
) -> Result<(Vec<Address<'d>>, Vec<&'d str>), EmlError> {
    let mut addresses = Vec::new();
    let mut named = Vec::new();
    for recipient in recipients {
        check(recipient)?;
        let recipient = recipient.trim();
        if recipient.is_empty() {
            continue;
        }
        if is_address(recipient) {
            addresses.push(Address::from(recipient));
        } else {
            named.push(recipient);
        }
    }
    Ok((addresses, named))
}

/// Whether a recipient is an e-mail address a header can carry as it is: valid, with a dotted
/// domain, and ASCII (an address in Cyrillic would need an internationalised mail system, so it
/// goes into the text like a name).
fn is_address(recipient: &str) -> bool {
    recipient.is_ascii() && crate::validate::email(recipient).is_ok()
}

/// `type/subtype`, each a restricted name of RFC 6838.
fn is_mime_type(mime: &str) -> bool {
    let name = |part: &str| {
        !part.is_empty()
            && part.len() <= 127
            && part.starts_with(|c: char| c.is_ascii_alphanumeric())
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c))
    };
    mime.split_once('/')
        .is_some_and(|(kind, subtype)| name(kind) && name(subtype))
}

/// The text of the letter: the recipients that are not addresses first («Кому: ДИТ»), then the
/// procedure's text. Line breaks are kept; other control characters become visible stand-ins.
fn body(draft: &Draft, to: &[&str], cc: &[&str]) -> String {
    // The letter is written in the language of the procedure, whatever the language of the
    // interface.
    let lang = draft.lang;
    let mut text = String::new();
    if !to.is_empty() {
        let line = Msg::new("export-eml-body-to").arg("recipients", to.join(", "));
        text.push_str(&line.text(lang));
        text.push('\n');
    }
    if !cc.is_empty() {
        let line = Msg::new("export-eml-body-cc").arg("recipients", cc.join(", "));
        text.push_str(&line.text(lang));
        text.push('\n');
    }
    if !text.is_empty() && !draft.body.is_empty() {
        text.push('\n');
    }
    let normalised: Cow<'_, str> = if draft.body.contains("\r\n") {
        Cow::Owned(draft.body.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(&draft.body)
    };
    text.push_str(&sanitize(&normalised));
    let ending = super::model::letter_ending(draft);
    if !ending.is_empty() {
        // One blank line between the text and its ending, whatever the text ends with.
        text.truncate(text.trim_end().len());
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&sanitize(&ending.join("\n")));
    }
    text
}

/// A Message-ID that says nothing about the officer's computer (mail-builder would put the host
/// name in it): the time and random digits.
fn message_id(now: Timestamp) -> MessageId<'static> {
    let mut random = [0u8; 8];
    // Without random bytes the time alone still makes an id; a draft's id is replaced when sent.
    let _ = getrandom::fill(&mut random);
    let random: String = random.iter().map(|b| format!("{b:02x}")).collect();
    MessageId::new(format!("{}.{random}@poryadok.invalid", now.as_nanosecond()))
}

/// The MIME type of an added file by its extension; `application/octet-stream` for one not
/// known, so that the mail program offers to save it rather than guesses.
pub fn mime_of(name: &str) -> &'static str {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => "application/pdf",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "tif" | "tiff" => "image/tiff",
        "gif" => "image/gif",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "rtf" => "application/rtf",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "xml" => "application/xml",
        "zip" => "application/zip",
        "7z" => "application/x-7z-compressed",
        "sig" | "p7s" => "application/pkcs7-signature",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::mime_of;

    #[test]
    fn an_added_file_has_the_type_its_extension_names() {
        assert_eq!(mime_of("Скан заявки.PDF"), "application/pdf");
        assert_eq!(mime_of("фото.jpg"), "image/jpeg");
        assert_eq!(mime_of("фото.JPEG"), "image/jpeg");
        assert_eq!(mime_of("схема.png"), "image/png");
        assert_eq!(
            mime_of("заявка.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert_eq!(mime_of("заявка.pdf.sig"), "application/pkcs7-signature");
        assert_eq!(mime_of("без расширения"), "application/octet-stream");
        assert_eq!(mime_of("архив.rar"), "application/octet-stream");
    }
}
