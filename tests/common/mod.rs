//! What several integration test files share.
#![allow(dead_code)]

use jiff::Timestamp;

use poryadok::catalog::bundled_files;
use poryadok::procedure::{Procedure, load};

/// A bundled procedure by id.
pub fn bundled(id: &str) -> Procedure {
    bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .find(|p| p.id() == id)
        .unwrap_or_else(|| panic!("{id} is bundled"))
}

/// A fixed moment, `seconds` after Monday 24 November 2025, 16:00 UTC.
pub fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_764_000_000 + seconds).expect("a valid time")
}

/// Every file under a folder, recursively.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
