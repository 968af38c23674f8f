//! Pasting into a field: 100,000 characters, Latin and Cyrillic, into a field of one line and
//! into one of several lines, from the paste to the value kept and its frame drawn (target:
//! well under 0.5 s; the terminal hands a bracketed paste over as one event). The save that
//! follows the frame is timed too. Run with `cargo bench --bench paste`.

use std::sync::Arc;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use poryadok::catalog::bundled_files;
use poryadok::i18n::Lang;
use poryadok::procedure::load;
use poryadok::store::{Durability, Store};
use poryadok::tui::action::Action;
use poryadok::tui::shell::{Start, Wizard};
use poryadok::tui::view::{Theme, draw};

fn main() {
    divan::main();
}

/// Characters pasted.
const LENGTH: usize = 100_000;

/// A text of `LENGTH` characters: words of `alphabet`, a line break after every tenth word.
fn text(alphabet: &str) -> String {
    let letters: Vec<char> = alphabet.chars().collect();
    let mut out = String::new();
    let mut count = 0usize;
    let mut n = 0usize;
    while count < LENGTH - 1 {
        out.push(letters[n % letters.len()]);
        count += 1;
        n += 1;
        if n.is_multiple_of(7) && count < LENGTH - 1 {
            out.push(if n.is_multiple_of(70) { '\n' } else { ' ' });
            count += 1;
        }
    }
    out.push('.');
    out
}

/// A wizard on a new run of the e-signature procedure, its form open on field `last` (the
/// first field, of one line, or the last, of several lines).
fn on_form(dir: &std::path::Path, last: bool) -> Wizard {
    let procedures = bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .map(Arc::new)
        .collect();
    let store = Store::open(dir)
        .unwrap()
        .with_durability(Durability::NoSync);
    let mut wizard = Wizard::new(Lang::Ru, procedures, store, Timestamp::UNIX_EPOCH);
    let now = Timestamp::UNIX_EPOCH;
    wizard.start(&Start::Procedure("qualified-signature".into()), now);
    wizard.handle(Action::Type('x'), now);
    wizard.handle(Action::Open, now);
    wizard.handle(Action::NextPane, now);
    if last {
        wizard.handle(Action::Last, now);
    }
    wizard
}

fn paste(bencher: divan::Bencher, alphabet: &str, multiline: bool) {
    let pasted = text(alphabet);
    assert_eq!(pasted.chars().count(), LENGTH);
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            let wizard = on_form(dir.path(), multiline);
            let terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            (dir, wizard, terminal)
        })
        .bench_local_values(|(dir, mut wizard, mut terminal)| {
            let now = Timestamp::UNIX_EPOCH;
            wizard.paste(&pasted, now);
            wizard.handle(Action::Keep, now);
            terminal
                .draw(|f| draw(f, &wizard.app, Theme { color: true }))
                .unwrap();
            assert!(wizard.save_pending(now));
            (dir, wizard)
        });
}

#[divan::bench(sample_count = 10)]
fn latin_one_line(bencher: divan::Bencher) {
    paste(bencher, "abcdefghijklmnopqrstuvwxyz", false);
}

#[divan::bench(sample_count = 10)]
fn cyrillic_one_line(bencher: divan::Bencher) {
    paste(bencher, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", false);
}

#[divan::bench(sample_count = 10)]
fn latin_lines(bencher: divan::Bencher) {
    paste(bencher, "abcdefghijklmnopqrstuvwxyz", true);
}

#[divan::bench(sample_count = 10)]
fn cyrillic_lines(bencher: divan::Bencher) {
    paste(bencher, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", true);
}
