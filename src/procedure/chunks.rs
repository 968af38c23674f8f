//! Reading a long procedure file piece by piece: the fast way to the same model for a file
//! without problems.
//!
//! Parsing a whole file with positions builds a tree of every key and value, several times the
//! size of the text, before anything is read from it; on a generated 5,000-step file (2 MB) that
//! tree and the parser's token lists were most of the time and memory of loading. A procedure
//! file is mostly a long run of `[[step]]` tables, and a `[[step]]` table means the same on its
//! own as in the whole file. So the text is cut before every line that is exactly `[[step]]`,
//! the cuts are gathered into pieces of some kilobytes, and each piece is parsed, scanned for
//! unsafe text and read into the model on its own, its tree dropped at once; a large file's
//! pieces are shared among the processor's cores.
//!
//! Whenever it cannot be sure to get what reading the whole text would, it gives up, and the
//! loader reads the file whole, which finds and places every problem:
//! - a piece that does not parse cleanly on its own. A cut inside a multi-line string, an array
//!   or an inline table leaves the piece before it unfinished, which is a syntax error; so when
//!   every piece parses, every cut is at the top level of the whole text, where a `[[step]]`
//!   line starts a new step table;
//! - any diagnostic from the scan or the reading (the whole read reports it with its position);
//! - a top-level key other than `step` in more than one piece (`[[form]]` tables on both sides
//!   of a step, `[procedure]` twice), or a `step` key in the text before the first cut.
//!
//! With those rules the pieces add up to the whole: every header of a piece starts with one of
//! the piece's top-level keys, so a piece refers only to what it defines itself, except for
//! `step`, whose tables are appended in order; and a header under `step` (`[step.deadline]`,
//! `[[step.letter]]`) refers to the last step table before it, which is in the same piece because
//! every piece after the first starts with `[[step]]`.

use std::borrow::Cow;
use std::num::NonZero;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use toml::de::DeTable;

use super::load::scan_text;
use super::model::ProcedureFile;
use super::read::Top;

/// The size a piece grows to before the next cut ends it.
const PIECE_BYTES: usize = 16 * 1024;

/// From this size on, the pieces are read on several threads.
const PARALLEL_BYTES: usize = 256 * 1024;

/// The model of the file `source` as reading it whole would give it without any diagnostic, or
/// `None` when it has to be read whole to know. The semantic checks are left to the caller.
///
/// The bytes are cut as they are: each piece is decoded as UTF-8 by the thread that parses it
/// (a cut comes before an ASCII `[`, so it never falls inside a character), and a file that is
/// not UTF-8 is left to the whole read, which reports where. The caller leaves a byte order
/// mark and CR line ends to that read too.
pub(super) fn read(source: &[u8]) -> Option<ProcedureFile> {
    let threads = if source.len() >= PARALLEL_BYTES {
        std::thread::available_parallelism().map_or(1, NonZero::get)
    } else {
        1
    };
    read_with(source, PIECE_BYTES, threads.min(4))
}

fn read_with(source: &[u8], piece_bytes: usize, threads: usize) -> Option<ProcedureFile> {
    let pieces = pieces(source, piece_bytes);
    if pieces.len() < 2 {
        return None;
    }
    // This thread takes the pieces from the front, the helpers from the back, one at a time,
    // until none is left: a helper that starts late (the machine is busy) leaves more to this
    // thread instead of keeping it waiting for a fixed share. This thread reads its pieces
    // into one model with room for every step, so that only the helpers' steps are moved.
    let left = Mutex::new(0..pieces.len());
    let failed = AtomicBool::new(false);
    let take = |from_back: bool| {
        if failed.load(Ordering::Relaxed) {
            return None;
        }
        let mut left = left.lock().ok()?;
        if from_back {
            left.next_back()
        } else {
            left.next()
        }
    };
    // At the least doubt the file is read whole, so the others stop taking pieces.
    let read = |index: usize, into: &mut Read| {
        let read = read_piece(&pieces[index], index, into);
        if read.is_none() {
            failed.store(true, Ordering::Relaxed);
        }
        read
    };
    let helper = || {
        let mut parts = Vec::new();
        while let Some(index) = take(true) {
            let mut part = Read::with_room(pieces[index].steps);
            read(index, &mut part)?;
            parts.push((index, part));
        }
        Some(parts)
    };
    let (mut whole, mut parts) = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, helper).ok())
            .collect();
        let mut whole = Read::with_room(pieces.iter().map(|p| p.steps).sum());
        let mine = std::iter::from_fn(|| take(false)).try_for_each(|index| read(index, &mut whole));
        let mut parts = Vec::new();
        for helper in helpers {
            // A helper that panicked gives up like any other doubt.
            parts.extend(helper.join().ok().flatten()?);
        }
        mine.map(|()| (whole, parts))
    })?;
    parts.sort_unstable_by_key(|(index, _)| *index);
    for (_, part) in parts {
        if part.names.iter().any(|name| whole.names.contains(name)) {
            return None;
        }
        whole.names.extend(part.names);
        whole.top.append(part.top);
    }
    whole.top.into_file()
}

/// What some pieces hold, and their top-level keys other than `step`.
struct Read {
    top: Top,
    names: Vec<String>,
}

impl Read {
    fn with_room(steps: usize) -> Read {
        let mut top = Top::new();
        top.file.steps.reserve_exact(steps);
        Read {
            top,
            names: Vec::new(),
        }
    }
}

/// Reads the piece at `index` into `read`, after the pieces before it that `read` holds; `None`
/// at the least doubt. Piece 0 is the text before the first cut.
fn read_piece(piece: &Piece<'_>, index: usize, read: &mut Read) -> Option<()> {
    let text = std::str::from_utf8(piece.text).ok()?;
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    scan_text(root.get_ref(), &mut Vec::new(), &mut out);
    if !out.is_empty() || (index == 0) == root.get_ref().contains_key("step") {
        return None;
    }
    for (key, value) in root.into_inner() {
        let name: &str = key.get_ref();
        if name != "step" {
            if read.names.iter().any(|n| n == name) {
                return None;
            }
            read.names.push(name.to_owned());
        }
        read.top.read(name, Cow::Owned(value), &mut out);
        if !out.is_empty() || !read.top.complete {
            return None;
        }
    }
    Some(())
}

/// Some text of a file, not yet decoded, and the number of `[[step]]` lines in it.
struct Piece<'s> {
    text: &'s [u8],
    steps: usize,
}

/// The text cut before lines that are exactly `[[step]]`, in pieces of at least `piece_bytes`
/// (but the first, which is all that comes before the first cut).
fn pieces(source: &[u8], piece_bytes: usize) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut steps = 0;
    for at in memchr::memmem::find_iter(source, b"[[step]]\n") {
        if at > 0 && source[at - 1] != b'\n' {
            continue;
        }
        if pieces.is_empty() || at - start >= piece_bytes {
            pieces.push(Piece {
                text: &source[start..at],
                steps,
            });
            start = at;
            steps = 0;
        }
        steps += 1;
    }
    if !pieces.is_empty() {
        pieces.push(Piece {
            text: &source[start..],
            steps,
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::synthetic;

    /// What a file reads as, whole: the model when there is no error.
    fn whole(source: &str) -> Option<String> {
        super::super::load::load_whole(source)
            .ok()
            .map(|p| format!("{:?}", p.file()))
    }

    fn bundled() -> Vec<String> {
        crate::catalog::bundled_files()
            .iter()
            .map(|(_, bytes)| String::from_utf8(bytes.to_vec()).expect("UTF-8"))
            .collect()
    }

    #[test]
    fn pieces_read_as_the_whole_file_does() {
        let mut texts = bundled();
        texts.push(synthetic::procedure_text(120));
        for text in &texts {
            let expected = whole(text).expect("a valid procedure");
            for (piece_bytes, threads) in [(0, 1), (0, 3), (4096, 2), (PIECE_BYTES, 1)] {
                let file =
                    read_with(text.as_bytes(), piece_bytes, threads).expect("read in pieces");
                assert_eq!(format!("{file:?}"), expected);
            }
        }
    }

    #[test]
    fn a_step_line_inside_a_multiline_string_is_not_a_cut() {
        let text = synthetic::procedure_text(3).replacen(
            "1. Заполните форму.",
            "1. Заполните форму.\n[[step]]\nid = \"inside\"",
            1,
        );
        let body = whole(&text).expect("still valid");
        assert!(body.contains("[[step]]\\nid = \\\"inside\\\""), "{body}");
        assert!(read_with(text.as_bytes(), 0, 1).is_none());
    }

    #[test]
    fn keys_defined_on_both_sides_of_a_step_are_read_whole() {
        let text = synthetic::procedure_text(3);
        // A second `[procedure]` after the steps: an error the pieces alone would not see.
        let twice = format!("{text}\n[procedure]\nformat = 1\n");
        assert!(whole(&twice).is_none());
        assert!(read_with(twice.as_bytes(), 0, 1).is_none());
        // Forms before and after the steps are one array in TOML, but pieces leave that to
        // the whole read.
        let step_at = text.find("\n[[step]]\n").expect("a step") + 1;
        let split = format!(
            "{}[[form]]\nid = \"extra\"\ntitle = \"Внешняя\"\nexternal = true\n\n{}",
            &text[..step_at],
            &text[step_at..]
        );
        assert!(whole(&split).is_some());
        assert!(read_with(split.as_bytes(), 0, 1).is_none());
    }

    /// Lines that change what a file means across the cuts: headers, keys of the top level and
    /// of steps, quotes that open or close a multi-line string, brackets left open.
    const LINES: &[&str] = &[
        "[[step]]",
        "[[ step ]]",
        "[step]",
        "[procedure]",
        "[[form]]",
        "[[section]]",
        "[step.deadline]",
        "[[step.link]]",
        "step = 1",
        "step.x = 1",
        "id = \"x\"",
        "title = \"\"",
        "\"\"\"",
        "'''",
        "requires = [",
        "when = {",
        "]",
        "body = \"[ссылка](ftp://x)\"",
        "body = \"\"\"",
        "",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 256,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Whatever the pieces accept reads the same whole; what they cannot vouch for, they
        /// leave to the whole read.
        #[test]
        fn pieces_never_disagree_with_the_whole_read(
            seed in 0usize..6,
            edits in proptest::collection::vec(
                (proptest::prelude::any::<usize>(), proptest::sample::select(LINES), 0u8..3),
                1..4,
            ),
        ) {
            let mut texts = bundled();
            texts.push(synthetic::procedure_text(40));
            let text = &texts[seed % texts.len()];
            let mut lines: Vec<&str> = text.split('\n').collect();
            for (at, line, how) in edits {
                let at = at % lines.len();
                match how {
                    0 => lines.insert(at, line),
                    1 => lines[at] = line,
                    _ => {
                        lines.remove(at);
                    }
                }
            }
            let text = lines.join("\n");
            if let Some(file) = read_with(text.as_bytes(), 0, 2) {
                let mut diagnostics = Vec::new();
                crate::procedure::check::check(&file, &mut diagnostics);
                let pieces = (!diagnostics.iter().any(crate::procedure::Diagnostic::is_error))
                    .then(|| format!("{file:?}"));
                proptest::prop_assert_eq!(pieces, whole(&text));
            }
        }
    }
}
