//! Whatever bytes a run file holds (a disk error, a hand edit, another program), reading it
//! gives a run or a clear error, never a panic.

use proptest::prelude::*;

use poryadok::store::format::decode;

const SAMPLE: &str = include_str!("../store/format-1.json");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = decode(&bytes, None);
    }

    /// A real run file with one byte changed: JSON that is nearly right is the hard case.
    #[test]
    fn a_run_file_with_a_changed_byte_never_panics(at in 0..SAMPLE.len(), byte in any::<u8>()) {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        bytes[at] = byte;
        if let Err(error) = decode(&bytes, None) {
            prop_assert!(!error.to_string().is_empty());
        }
    }
}
