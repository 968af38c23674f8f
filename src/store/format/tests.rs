//! Tests of `format`.

use super::*;

fn sealer() -> (tempfile::TempDir, Sealer) {
    let dir = tempfile::tempdir().unwrap();
    let sealer = Sealer::open_or_create(&dir.path().join("key")).unwrap();
    (dir, sealer)
}

fn sample() -> Run {
    let text = include_str!("../../../tests/store/format-1.json");
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_run_survives_encoding_with_its_secret_sealed() {
    let (_dir, sealer) = sealer();
    let run = sample();
    let secret: BTreeSet<String> = ["v1_ksc_password".to_owned()].into();
    let bytes = encode(&run, &secret, &Unreadable::default(), &sealer, run.created);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(!text.contains("Sentinel-Secret-42"), "{text}");
    assert!(text.contains("\"sealed\""));
    let decoded = decode(&bytes, Some(&sealer)).unwrap();
    let mut expected = run.clone();
    expected.secret.insert("v1_ksc_password".into());
    assert_eq!(decoded.run, expected);
    assert_eq!(decoded.migrated_from, None);
    // Without the key, the listing still reads the run but not the secret.
    let listed = decode(&bytes, None).unwrap();
    assert!(!listed.run.values.contains_key("v1_ksc_password"));
}

#[test]
fn format_one_is_migrated() {
    let bytes = include_bytes!("../../../tests/store/format-1.json");
    let decoded = decode(bytes, None).unwrap();
    assert_eq!(decoded.migrated_from, Some(1));
    assert_eq!(decoded.run.label, "Администрация МО «Пример»");
    assert_eq!(
        decoded.run.values.get("v1_ksc_password"),
        Some(&Value::Text("Sentinel-Secret-42".into()))
    );
}

#[test]
fn newer_and_broken_files_are_told_apart() {
    assert_eq!(
        decode(br#"{"format": 99, "run": {}}"#, None).unwrap_err(),
        DecodeError::Newer {
            found: 99,
            supported: FILE_FORMAT
        }
    );
    match decode(b"{\n  \"format\": 2,\n  \"run\": {", None).unwrap_err() {
        DecodeError::Syntax { line, .. } => assert_eq!(line, 3),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        decode(br#"{"format": 2, "run": 5}"#, None).unwrap_err(),
        DecodeError::Shape { format: 2, .. }
    ));
    assert!(matches!(
        decode(br#"{"label": "x"}"#, None).unwrap_err(),
        DecodeError::Shape { format: 0, .. }
    ));
}

#[test]
fn values_sealed_under_a_lost_key_are_kept_as_found() {
    let (_dir, sealer) = sealer();
    let (_other_dir, other) = self::sealer();
    let run = sample();
    let secret: BTreeSet<String> = ["v1_ksc_password".to_owned()].into();
    let bytes = encode(&run, &secret, &Unreadable::default(), &sealer, run.created);
    let decoded = decode(&bytes, Some(&other)).unwrap();
    assert!(!decoded.run.values.contains_key("v1_ksc_password"));
    let kept = decoded
        .unreadable
        .values
        .get("v1_ksc_password")
        .unwrap()
        .clone();
    // Written back unchanged, it still opens with the right key.
    let again = encode(
        &decoded.run,
        &BTreeSet::new(),
        &decoded.unreadable,
        &other,
        run.created,
    );
    let reopened = decode(&again, Some(&sealer)).unwrap();
    assert_eq!(
        reopened.run.values.get("v1_ksc_password"),
        run.values.get("v1_ksc_password")
    );
    assert!(String::from_utf8(again).unwrap().contains(&kept));
}

#[test]
fn the_checksum_covers_every_byte_but_trailing_whitespace() {
    let (_dir, sealer) = sealer();
    let run = sample();
    let bytes = encode(
        &run,
        &BTreeSet::new(),
        &Unreadable::default(),
        &sealer,
        run.created,
    );
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.starts_with("{\n  \"format\": 3,\n  \"checksum\": \"xxh3-128:"),
        "{text}"
    );
    assert!(decode(&bytes, None).is_ok());
    assert!(decode(text.trim_end().as_bytes(), None).is_ok());
    let edited = text.replace("admin-primer", "admin-primes");
    assert_eq!(
        decode(edited.as_bytes(), None).unwrap_err(),
        DecodeError::Checksum
    );
    // Mended by hand: the digits set to zeros waive the check.
    let at = text.find("xxh3-128:").unwrap() + "xxh3-128:".len();
    let waived = format!("{}{}{}", &edited[..at], "0".repeat(32), &edited[at + 32..]);
    assert!(decode(waived.as_bytes(), None).is_ok());
    let unsigned = text.replace("\"checksum\"", "\"checksun\"");
    assert_eq!(
        decode(unsigned.as_bytes(), None).unwrap_err(),
        DecodeError::NoChecksum { format: 3 }
    );
}

#[test]
fn a_secrets_journaled_values_are_sealed_and_read_back_with_the_key_only() {
    use crate::run::state::Entry;
    let (_dir, sealer) = sealer();
    let mut run = sample();
    run.journal.push(Entry {
        at: run.created,
        what: crate::run::journal::What::Field("v1_ksc_password".into()),
        old: Some(Recorded::secret(Value::Text("Old-Secret-17".into()))),
        new: Some(Recorded::secret(Value::Text("Sentinel-Secret-42".into()))),
        undoes: None,
        edition: None,
    });
    // Journaled in plain before the field was secret: sealed from now on too.
    run.journal.push(Entry {
        at: run.created,
        what: crate::run::journal::What::Field("v1_ksc_password".into()),
        old: None,
        new: Some(Recorded::Value(Value::Text("Plain-Before-1".into()))),
        undoes: None,
        edition: None,
    });
    let secret: BTreeSet<String> = ["v1_ksc_password".to_owned()].into();
    let bytes = encode(&run, &secret, &Unreadable::default(), &sealer, run.created);
    let text = String::from_utf8(bytes.clone()).unwrap();
    for plain in ["Old-Secret-17", "Sentinel-Secret-42", "Plain-Before-1"] {
        assert!(!text.contains(plain), "{plain} in {text}");
    }
    let decoded = decode(&bytes, Some(&sealer)).unwrap();
    let last = decoded.run.journal.len() - 1;
    assert_eq!(
        decoded.run.journal[last - 1].old,
        Some(Recorded::secret(Value::Text("Old-Secret-17".into())))
    );
    assert_eq!(
        decoded.run.journal[last].new,
        Some(Recorded::secret(Value::Text("Plain-Before-1".into())))
    );
    // Without the key: markers, and the sealed values kept as found for the next save.
    let (_other_dir, other) = self::sealer();
    let blind = decode(&bytes, Some(&other)).unwrap();
    assert_eq!(blind.unreadable.journal.len(), 3);
    let again = encode(&blind.run, &secret, &blind.unreadable, &other, run.created);
    let reread = decode(&again, Some(&sealer)).unwrap();
    assert_eq!(reread.run.journal, decoded.run.journal);
}
