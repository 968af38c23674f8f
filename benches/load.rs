//! How long loading and checking procedures takes (issue targets: the five bundled ones under
//! 5 ms together, a generated 5,000-step one under 100 ms). Run with `cargo bench --bench load`.

use poryadok::catalog::bundled_files;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use poryadok::procedure::load;

fn main() {
    divan::main();
}

/// Every bundled procedure, loaded and checked, one after another.
#[divan::bench]
fn bundled_procedures(bencher: divan::Bencher) {
    let files = bundled_files();
    assert!(!files.is_empty(), "no bundled procedures");
    bencher.bench(|| {
        for (_, bytes) in files {
            let loaded = load(divan::black_box(bytes));
            assert!(loaded.result.is_ok());
        }
    });
}

/// A generated procedure of 5,000 steps with forms, letters, conditions and dependencies.
#[divan::bench]
fn generated_5000_steps(bencher: divan::Bencher) {
    let text = synthetic::procedure_text(5000);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| {
            let loaded = load(divan::black_box(text.as_bytes()));
            assert!(loaded.result.is_ok());
        });
}

/// The same procedure taken from the cache of procedures read before, as every start of the
/// wizard after the first does.
#[divan::bench]
fn generated_5000_steps_from_the_cache(bencher: divan::Bencher) {
    use poryadok::procedure::{Cache, load_cached};
    let text = synthetic::procedure_text(5000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cache = Cache::new(dir.path().to_path_buf()).expect("the bench has an identity");
    let first = load_cached(text.clone().into_bytes(), Some((&cache, "generated.toml")));
    assert!(first.result.is_ok());
    assert!(cache.path_for("generated.toml").is_file());
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| {
            let bytes = divan::black_box(text.as_bytes()).to_vec();
            let loaded = load_cached(bytes, Some((&cache, "generated.toml")));
            assert!(loaded.result.is_ok());
        });
}
