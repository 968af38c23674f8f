//! Validators of the values an officer types: Russian registration numbers with their check
//! digits, e-mail addresses, phone numbers, IP addresses and ranges, dates.
//!
//! Each validator takes the text as typed and returns the value in its normal form (digits
//! without separators, a phone as `+7 XXX XXX-XX-XX`) or a [`Msg`] that says what is wrong in the
//! officer's language. Check-digit algorithms follow the Federal Tax Service and Pension Fund
//! rules; the test vectors are real, published numbers.

mod registry;

pub use registry::{inn, inn_org, inn_person, kpp, ogrn, ogrnip, snils};

use std::net::IpAddr;

use ipnet::IpNet;
use jiff::civil::Date;

use crate::i18n::Msg;

/// What a validator answers: the normalised value, or why the text is not valid.
pub type Validation = Result<String, Msg>;

/// The digits of `text` when it holds only digits and the separators people type between
/// groups (spaces, hyphens); `None` when anything else is there.
pub(crate) fn digits(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '0'..='9' => out.push(c as u8 - b'0'),
            ' ' | '-' | '\u{a0}' => {}
            _ => return None,
        }
    }
    Some(out)
}

pub(crate) fn to_string(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// An e-mail address: `local@domain.tld`, the domain with at least one dot.
pub fn email(text: &str) -> Validation {
    let text = text.trim();
    // email_address accepts `a@b`; an officer's correspondents always have a dotted domain.
    let valid = email_address::EmailAddress::parse_with_options(
        text,
        email_address::Options::default().without_display_text(),
    )
    .ok()
    .is_some_and(|address| {
        let domain = address.domain();
        domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
    });
    if valid {
        Ok(text.to_owned())
    } else {
        Err(Msg::new("invalid-email"))
    }
}

/// A Russian phone number in any usual writing (`8 (812) 123-45-67`, `+7 812 1234567`,
/// `7-812-…`), normalised to `+7 XXX XXX-XX-XX`, as it is printed in letters and forms.
pub fn phone(text: &str) -> Validation {
    let trimmed = text.trim();
    let plus = trimmed.starts_with('+');
    let mut found = Vec::new();
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => found.push(c as u8 - b'0'),
            '+' if i == 0 => {}
            ' ' | '-' | '(' | ')' | '\u{a0}' => {}
            _ => return Err(Msg::new("invalid-phone-chars")),
        }
    }
    let national = match (plus, found.len(), found.first()) {
        (true, 11, Some(7)) => &found[1..],
        (false, 11, Some(7 | 8)) => &found[1..],
        (false, 10, _) => &found[..],
        _ => return Err(Msg::new("invalid-phone").arg("digits", found.len())),
    };
    let digits = to_string(national);
    Ok(format!(
        "+7 {} {}-{}-{}",
        &digits[..3],
        &digits[3..6],
        &digits[6..8],
        &digits[8..]
    ))
}

/// A Russian mobile phone number: a phone number (as [`phone`] reads it) whose national part
/// starts with 9, the prefix of every Russian mobile network (+7 9XX …); normalised like it.
pub fn mobile(text: &str) -> Validation {
    let number = phone(text)?;
    if number.starts_with("+7 9") {
        Ok(number)
    } else {
        Err(Msg::new("invalid-mobile"))
    }
}

/// One or more IPv4/IPv6 addresses or CIDR ranges, separated by commas, semicolons, spaces or
/// line breaks; normalised to one per line.
pub fn ip_list(text: &str) -> Validation {
    let items: Vec<&str> = text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|item| !item.is_empty())
        .collect();
    if items.is_empty() {
        return Err(Msg::new("invalid-ip-empty"));
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Ok(address) = item.parse::<IpAddr>() {
            out.push(address.to_string());
        } else if item.contains('/') {
            let net: IpNet = item
                .parse()
                .map_err(|_| Msg::new("invalid-cidr").arg("value", item))?;
            out.push(net.to_string());
        } else {
            return Err(Msg::new("invalid-ip").arg("value", item));
        }
    }
    Ok(out.join("\n"))
}

/// A date written ДД.ММ.ГГГГ; normalised to that same form with leading zeros.
pub fn date(text: &str) -> Validation {
    parse_date(text).map(format_date)
}

/// The date of a `ДД.ММ.ГГГГ` text.
pub fn parse_date(text: &str) -> Result<Date, Msg> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('.').collect();
    let numbers: Option<Vec<i16>> = match parts.as_slice() {
        [d, m, y] if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) && y.len() == 4 => {
            parts.iter().map(|p| p.parse::<i16>().ok()).collect()
        }
        _ => None,
    };
    let Some([day, month, year]) = numbers
        .as_deref()
        .and_then(|n| <[i16; 3]>::try_from(n).ok())
    else {
        return Err(Msg::new("invalid-date-format"));
    };
    let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
        return Err(Msg::new("invalid-date"));
    };
    Date::new(year, month, day).map_err(|_| Msg::new("invalid-date"))
}

/// A date as officers write it: ДД.ММ.ГГГГ.
pub fn format_date(date: Date) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// A web address: `https://` or `http://` and a host.
pub fn url(text: &str) -> Validation {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.chars().any(char::is_whitespace) => {
            Ok(text.to_owned())
        }
        _ => Err(Msg::new("invalid-url")),
    }
}

/// A number, with a decimal comma or point; `min` and `max` bound it.
pub fn number(text: &str, min: Option<f64>, max: Option<f64>) -> Validation {
    let normal = text.trim().replace([' ', '\u{a0}'], "").replace(',', ".");
    let value: f64 = normal.parse().map_err(|_| Msg::new("invalid-number"))?;
    if !value.is_finite() {
        return Err(Msg::new("invalid-number"));
    }
    if let Some(min) = min
        && value < min
    {
        return Err(Msg::new("number-too-small").arg("min", min));
    }
    if let Some(max) = max
        && value > max
    {
        return Err(Msg::new("number-too-large").arg("max", max));
    }
    Ok(normal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_need_a_dotted_domain() {
        assert_eq!(email(" kis@lenreg.ru ").as_deref(), Ok("kis@lenreg.ru"));
        assert!(email("nk_grishina@lenreg.ru").is_ok());
        assert!(email("kis@lenreg").is_err());
        assert!(email("kis lenreg.ru").is_err());
        assert!(email("Иванов <kis@lenreg.ru>").is_err());
        assert!(email("@lenreg.ru").is_err());
    }

    #[test]
    fn phones_are_normalised_to_plus_seven() {
        for written in [
            "8 (812) 123-45-67",
            "+7 812 123 45 67",
            "7-812-123-45-67",
            "(812) 1234567",
        ] {
            assert_eq!(
                phone(written).as_deref(),
                Ok("+7 812 123-45-67"),
                "{written}"
            );
        }
        assert!(phone("+1 812 123 45 67").is_err());
        assert!(phone("8 812 123 45").is_err());
        assert!(phone("8-812-ABC").is_err());
    }

    #[test]
    fn a_mobile_number_is_a_phone_number_starting_with_nine() {
        for written in ["8 (912) 345-67-89", "+7 912 3456789", "9123456789"] {
            assert_eq!(
                mobile(written).as_deref(),
                Ok("+7 912 345-67-89"),
                "{written}"
            );
        }
        // A landline is a phone number but not a mobile one.
        assert!(phone("8 (812) 123-45-67").is_ok());
        assert_eq!(
            mobile("8 (812) 123-45-67").map_err(|m| m.id),
            Err("invalid-mobile")
        );
        // What is not a phone number at all says so, as for `phone`.
        assert_eq!(mobile("8 912 345").map_err(|m| m.id), Err("invalid-phone"));
    }

    #[test]
    fn ip_lists_take_addresses_and_ranges() {
        assert_eq!(
            ip_list("10.0.0.1, 192.168.0.0/24;\n2001:db8::1 2001:db8::/32").as_deref(),
            Ok("10.0.0.1\n192.168.0.0/24\n2001:db8::1\n2001:db8::/32")
        );
        assert!(ip_list("10.0.0.256").is_err());
        assert!(ip_list("10.0.0.1/33").is_err());
        assert!(ip_list("10.0.0").is_err());
        assert!(ip_list(" , ").is_err());
    }

    #[test]
    fn dates_are_real_calendar_days() {
        assert_eq!(date("1.2.2025").as_deref(), Ok("01.02.2025"));
        assert!(date("29.02.2024").is_ok());
        assert!(date("29.02.2025").is_err());
        assert!(date("31.04.2025").is_err());
        assert!(date("2025-02-01").is_err());
        assert!(date("01.13.2025").is_err());
    }

    #[test]
    fn numbers_accept_a_decimal_comma_and_respect_bounds() {
        assert_eq!(number("1 234,5", None, None).as_deref(), Ok("1234.5"));
        assert!(number("5", Some(10.0), None).is_err());
        assert!(number("50", None, Some(10.0)).is_err());
        assert!(number("пять", None, None).is_err());
        assert!(number("inf", None, None).is_err());
    }

    #[test]
    fn urls_are_web_addresses() {
        assert!(url("https://i.kontur-ca.ru").is_ok());
        assert!(url("javascript:alert(1)").is_err());
        assert!(url("https://").is_err());
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every refusal has a message in both languages, with its arguments filled in.
    #[test]
    fn every_refusal_reads_in_both_languages() {
        let refusals = [
            email("x"),
            phone("x"),
            phone("123"),
            ip_list(""),
            ip_list("x"),
            ip_list("1.2.3.4/99"),
            date("x"),
            date("31.02.2025"),
            url("x"),
            number("x", None, None),
            number("1", Some(2.0), None),
            number("3", None, Some(2.0)),
            inn("x"),
            inn("1"),
            inn("7707083890"),
            kpp("x"),
        ];
        for refusal in refusals {
            let msg = refusal.expect_err("refused");
            for lang in [Lang::En, Lang::Ru] {
                assert!(lang.has(msg.id), "{lang:?} lacks {}", msg.id);
                let text = msg.text(lang);
                assert!(!text.contains('{') && !text.is_empty(), "{text}");
            }
        }
        assert_eq!(
            inn("7707083890").expect_err("refused").text(Lang::Ru),
            "не сходится контрольная цифра: в ИНН опечатка"
        );
    }
}
