//! The loader is fed whatever an officer's disk may hold: it must answer every input with a
//! procedure or with diagnostics, never panic, and its report must render.

use proptest::prelude::*;

use crate::synthetic;
use poryadok::i18n::Lang;
use poryadok::procedure::{RenderOptions, load, render};

/// Loads and renders; panics (failing the property) only through a bug.
fn load_and_render(bytes: &[u8]) {
    let loaded = load(bytes);
    if let Err(diagnostics) = &loaded.result {
        assert!(!diagnostics.is_empty());
        for lang in [Lang::En, Lang::Ru] {
            let out = render(
                "fuzz.toml",
                &loaded.source,
                diagnostics,
                RenderOptions { lang, color: false },
            );
            assert!(!out.contains('\u{1b}'));
        }
    }
}

/// Valid texts to mutate: every bundled procedure and a generated one.
fn seeds() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| std::fs::read(entry.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    seeds.push(synthetic::procedure_text(30).into_bytes());
    seeds
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    DuplicateLine { at: usize },
    SwapLines { a: usize, b: usize },
    Truncate { at: usize },
    ReplaceToken { at: usize, token: &'static str },
}

const TOKENS: &[&str] = &[
    "[[step]]",
    "[[form.field]]",
    "requires = [\"x\"]",
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{1b}[2J",
    "\\u001b",
    "\u{202e}",
    "type = \"table\"",
    "when = { all = [] }",
    "default = [1, true]",
    "id = \"\"",
    "format = 99999999999999999999",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        any::<usize>().prop_map(|at| Mutation::DuplicateLine { at }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), prop::sample::select(TOKENS))
            .prop_map(|(at, token)| Mutation::ReplaceToken { at, token }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match mutation {
        Mutation::Delete { at, len: n } => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            if at < end {
                bytes.drain(at..end);
            }
        }
        Mutation::Insert { at, bytes: new } => {
            let at = (at % len).min(bytes.len());
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::DuplicateLine { at } | Mutation::SwapLines { a: at, .. } if bytes.is_empty() => {}
        Mutation::DuplicateLine { at } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let at = at % lines.len();
            let line = lines[at].clone();
            lines.insert(at, line);
            *bytes = lines.join(&b'\n');
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            *bytes = lines.join(&b'\n');
        }
        Mutation::Truncate { at } => bytes.truncate(at % len),
        Mutation::ReplaceToken { at, token } => {
            let at = (at % len).min(bytes.len());
            let end = (at + token.len()).min(bytes.len());
            bytes.splice(at..end, token.bytes());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        load_and_render(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,512}") {
        load_and_render(text.as_bytes());
    }

    #[test]
    fn mutated_valid_files_never_panic(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let seeds = seeds();
        let mut bytes = seed.get(&seeds).clone();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        load_and_render(&bytes);
    }
}

/// The generator of the benchmarks writes procedures that pass every check, of any size.
#[test]
fn generated_procedures_pass_every_check() {
    for steps in [1, 7, 120, 1000] {
        let loaded = load(synthetic::procedure_text(steps).as_bytes());
        let procedure = loaded
            .result
            .unwrap_or_else(|d| panic!("{steps} steps: {d:#?}"));
        assert_eq!(procedure.steps().len(), steps);
    }
}
