//! Russian registration numbers and their check digits: ИНН, СНИЛС, ОГРН, ОГРНИП, КПП.

use super::{Validation, digits, to_string};
use crate::i18n::Msg;

/// The weighted sum of `digits` with `weights`, modulo 11, modulo 10: the check digit of an INN.
fn inn_check(digits: &[u8], weights: &[u32]) -> u8 {
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    (sum % 11 % 10) as u8
}

fn only_digits(text: &str, name: &'static str) -> Result<Vec<u8>, Msg> {
    digits(text).ok_or_else(|| Msg::new("invalid-not-digits").arg("name", name))
}

/// ИНН: 10 digits for an organisation, 12 for a person, with check digits.
pub fn inn(text: &str) -> Validation {
    let d = only_digits(text, "ИНН")?;
    let valid = match d.len() {
        10 => inn_check(&d[..9], &[2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9],
        12 => {
            inn_check(&d[..10], &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[10]
                && inn_check(&d[..11], &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[11]
        }
        n => {
            return Err(Msg::new("invalid-length")
                .arg("name", "ИНН")
                .arg("expected", "10 / 12")
                .arg("found", n));
        }
    };
    if valid {
        Ok(to_string(&d))
    } else {
        Err(Msg::new("invalid-check-digit").arg("name", "ИНН"))
    }
}

/// The ИНН of an organisation: 10 digits with a check digit.
pub fn inn_org(text: &str) -> Validation {
    inn_of_length(text, 10)
}

/// The ИНН of a person: 12 digits with check digits.
pub fn inn_person(text: &str) -> Validation {
    inn_of_length(text, 12)
}

fn inn_of_length(text: &str, length: usize) -> Validation {
    let found = only_digits(text, "ИНН")?.len();
    if found != length {
        return Err(Msg::new("invalid-length")
            .arg("name", "ИНН")
            .arg("expected", length)
            .arg("found", found));
    }
    inn(text)
}

/// The largest SNILS number issued without a check number (001-001-998).
const SNILS_UNCHECKED_UP_TO: u32 = 1_001_998;

/// СНИЛС: 9 digits and a 2-digit check number; numbers up to 001-001-998 carry none that can
/// be verified.
pub fn snils(text: &str) -> Validation {
    let d = only_digits(text, "СНИЛС")?;
    if d.len() != 11 {
        return Err(Msg::new("invalid-length")
            .arg("name", "СНИЛС")
            .arg("expected", "11")
            .arg("found", d.len()));
    }
    let number = d[..9]
        .iter()
        .fold(0u32, |n, digit| n * 10 + u32::from(*digit));
    let given = u32::from(d[9]) * 10 + u32::from(d[10]);
    let sum: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, digit)| u32::from(*digit) * (9 - i as u32))
        .sum();
    let expected = match sum {
        0..=99 => sum,
        100 | 101 => 0,
        _ => match sum % 101 {
            100 => 0,
            rest => rest,
        },
    };
    if number <= SNILS_UNCHECKED_UP_TO || expected == given {
        let s = to_string(&d);
        Ok(format!(
            "{}-{}-{} {}",
            &s[0..3],
            &s[3..6],
            &s[6..9],
            &s[9..11]
        ))
    } else {
        Err(Msg::new("invalid-check-digit").arg("name", "СНИЛС"))
    }
}

/// The remainder of a decimal number given as digits.
fn remainder(digits: &[u8], modulus: u64) -> u64 {
    digits
        .iter()
        .fold(0u64, |rest, d| (rest * 10 + u64::from(*d)) % modulus)
}

fn registration_number(text: &str, name: &'static str, length: usize, modulus: u64) -> Validation {
    let d = only_digits(text, name)?;
    if d.len() != length {
        return Err(Msg::new("invalid-length")
            .arg("name", name)
            .arg("expected", length.to_string())
            .arg("found", d.len()));
    }
    let check = remainder(&d[..length - 1], modulus) % 10;
    if check == u64::from(d[length - 1]) {
        Ok(to_string(&d))
    } else {
        Err(Msg::new("invalid-check-digit").arg("name", name))
    }
}

/// ОГРН: 13 digits; the first 12 modulo 11, modulo 10, is the last.
pub fn ogrn(text: &str) -> Validation {
    registration_number(text, "ОГРН", 13, 11)
}

/// ОГРНИП: 15 digits; the first 14 modulo 13, modulo 10, is the last.
pub fn ogrnip(text: &str) -> Validation {
    registration_number(text, "ОГРНИП", 15, 13)
}

/// КПП: 4 digits (tax office), 2 digits or Latin capitals (reason), 3 digits (number).
pub fn kpp(text: &str) -> Validation {
    let text = text.trim();
    let chars: Vec<char> = text.chars().collect();
    let valid = chars.len() == 9
        && chars[..4].iter().all(char::is_ascii_digit)
        && chars[4..6]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && chars[6..].iter().all(char::is_ascii_digit);
    if valid {
        Ok(text.to_owned())
    } else {
        Err(Msg::new("invalid-kpp"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inn_of_an_organisation_or_of_a_person_has_its_own_length() {
        assert_eq!(inn_org("7707083893").as_deref(), Ok("7707083893"));
        assert_eq!(
            inn_org("500100732259").map_err(|m| m.id),
            Err("invalid-length")
        );
        assert_eq!(inn_person("500 100 732 259").as_deref(), Ok("500100732259"));
        assert_eq!(
            inn_person("7707083893").map_err(|m| m.id),
            Err("invalid-length")
        );
        // The length is checked first, then the check digits as for any ИНН.
        assert_eq!(
            inn_person("500100732250").map_err(|m| m.id),
            Err("invalid-check-digit")
        );
        assert_eq!(
            inn_org("77070838a3").map_err(|m| m.id),
            Err("invalid-not-digits")
        );
    }

    #[test]
    fn inn_vectors() {
        assert_eq!(inn("7707083893").as_deref(), Ok("7707083893"));
        assert!(inn("500100732259").is_ok());
        assert!(inn("7707083890").is_err());
        assert!(inn("500100732258").is_err());
        assert!(inn("77070838").is_err());
        assert!(inn("770708389O").is_err());
    }

    #[test]
    fn snils_vectors() {
        assert_eq!(snils("112-233-445 95").as_deref(), Ok("112-233-445 95"));
        assert!(snils("11223344595").is_ok());
        assert!(snils("112-233-445 96").is_err());
        // Up to 001-001-998 the check number is not verified.
        assert!(snils("001-001-998 00").is_ok());
        assert!(snils("001-001-999 00").is_err());
        assert!(snils("112-233-445").is_err());
    }

    #[test]
    fn ogrn_and_ogrnip_vectors() {
        assert!(ogrn("1027700132195").is_ok());
        assert!(ogrn("1027700132196").is_err());
        assert!(ogrnip("304500116000157").is_ok());
        assert!(ogrnip("304500116000158").is_err());
        assert!(ogrnip("1027700132195").is_err());
    }

    #[test]
    fn kpp_shape() {
        assert!(kpp("773601001").is_ok());
        assert!(kpp("7736AB001").is_ok());
        assert!(kpp("7736ab001").is_err());
        assert!(kpp("77360100").is_err());
    }
}
