//! The cache of procedures read before gives back exactly what reading the TOML gives, and only
//! for the same text read by the same build; anything else reads the file again.

use std::path::Path;

use crate::synthetic;
use poryadok::catalog::{Catalog, bundled_files};
use poryadok::procedure::{Cache, Procedure, load, load_cached};

/// Every bundled procedure, the documented example (it has defaults of every kind and yes/no
/// conditions) and a generated one: (location, text).
fn sources() -> Vec<(String, String)> {
    let mut sources: Vec<(String, String)> = bundled_files()
        .iter()
        .map(|(name, bytes)| {
            (
                format!("bundled:{name}"),
                String::from_utf8(bytes.to_vec()).expect("bundled procedures are UTF-8"),
            )
        })
        .collect();
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/procedure-format.md"
    ))
    .expect("docs/procedure-format.md is readable");
    let start = doc.find("```toml example\n").expect("an example block") + 16;
    let end = start + doc[start..].find("\n```").expect("a closed block");
    sources.push(("docs/example.toml".into(), doc[start..end].to_owned()));
    sources.push(("generated.toml".into(), synthetic::procedure_text(300)));
    sources
}

fn cache_in(dir: &Path) -> Cache {
    Cache::new(dir.join("procedures")).expect("the test binary has an identity")
}

/// Everything the procedure holds, to compare two reads.
fn model(procedure: &Procedure) -> String {
    format!("{:#?}", procedure.file())
}

/// A cache in a folder of its own, and a small procedure with its text, not kept yet.
fn small_cache() -> (tempfile::TempDir, Cache, String, Procedure) {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache_in(dir.path());
    let source = synthetic::procedure_text(10);
    let procedure = read_fully(&source);
    (dir, cache, source, procedure)
}

fn read_fully(source: &str) -> Procedure {
    load(source.as_bytes()).result.expect("the source loads")
}

#[test]
fn a_cached_procedure_is_the_procedure_read_from_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache_in(dir.path());
    for (location, source) in sources() {
        let fresh = read_fully(&source);
        assert!(
            cache
                .get(&location, Cache::key(source.as_bytes()))
                .is_none(),
            "{location}: empty"
        );
        let first = load_cached(source.clone().into_bytes(), Some((&cache, &location)));
        let first = first.result.expect("the source loads");
        assert!(cache.path_for(&location).is_file(), "{location}: kept");
        let cached = cache
            .get(&location, Cache::key(source.as_bytes()))
            .unwrap_or_else(|| panic!("{location}: comes back from the cache"));
        assert_eq!(model(&cached), model(&fresh), "{location}");
        assert_eq!(model(&first), model(&fresh), "{location}");
        // The indexes are rebuilt as well.
        for (i, step) in fresh.steps().iter().enumerate() {
            assert_eq!(cached.step_index(&step.id), Some(i));
        }
        // Loading through the cache again gives the cached one.
        let again = load_cached(source.clone().into_bytes(), Some((&cache, &location)));
        assert_eq!(model(&again.result.expect("loads")), model(&fresh));
    }
}

#[test]
fn an_edited_file_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache_in(dir.path());
    let source = synthetic::procedure_text(20);
    load_cached(source.clone().into_bytes(), Some((&cache, "p.toml")));
    assert!(cache.get("p.toml", Cache::key(source.as_bytes())).is_some());
    let edited = source.replacen("Шаг 3:", "Шаг три:", 1);
    assert_ne!(edited, source);
    assert!(cache.get("p.toml", Cache::key(edited.as_bytes())).is_none());
    let loaded = load_cached(edited.clone().into_bytes(), Some((&cache, "p.toml")));
    let procedure = loaded.result.expect("the edited file loads");
    assert!(
        procedure
            .steps()
            .iter()
            .any(|s| s.title.starts_with("Шаг три:"))
    );
    // The cache now holds the edited text's procedure.
    let cached = cache
        .get("p.toml", Cache::key(edited.as_bytes()))
        .expect("kept again");
    assert_eq!(model(&cached), model(&procedure));
    assert!(cache.get("p.toml", Cache::key(source.as_bytes())).is_none());
}

#[test]
fn a_file_is_found_by_its_place_and_text_only() {
    let (_dir, cache, source, procedure) = small_cache();
    cache.put("a.toml", Cache::key(source.as_bytes()), &procedure);
    assert!(cache.get("a.toml", Cache::key(source.as_bytes())).is_some());
    assert!(cache.get("b.toml", Cache::key(source.as_bytes())).is_none());
}

#[test]
fn a_cache_file_of_another_build_or_damaged_is_not_used() {
    let (_dir, cache, source, procedure) = small_cache();
    cache.put("p.toml", Cache::key(source.as_bytes()), &procedure);
    let path = cache.path_for("p.toml");
    let good = std::fs::read(&path).unwrap();

    // Written by another build: the bytes after the 16-byte header name the build.
    let mut other = good.clone();
    other[16] ^= 0xff;
    std::fs::write(&path, &other).unwrap();
    assert!(
        cache.get("p.toml", Cache::key(source.as_bytes())).is_none(),
        "another build"
    );

    // Cut short, extended, or garbage after a valid header.
    for damaged in [
        good[..good.len() - 5].to_vec(),
        [good.as_slice(), b"more"].concat(),
        [&good[..48], &[0xff; 64][..]].concat(),
        // One bit changed in the middle of the procedure.
        {
            let mut flipped = good.clone();
            flipped[good.len() / 2] ^= 0x01;
            flipped
        },
        Vec::new(),
    ] {
        std::fs::write(&path, &damaged).unwrap();
        assert!(cache.get("p.toml", Cache::key(source.as_bytes())).is_none());
        // Loading reads the file and repairs the cache.
        let loaded = load_cached(source.clone().into_bytes(), Some((&cache, "p.toml")));
        assert_eq!(model(&loaded.result.expect("loads")), model(&procedure));
        assert_eq!(std::fs::read(&path).unwrap(), good);
    }
}

#[test]
fn a_file_with_problems_is_not_kept_and_its_problems_are_reported_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache_in(dir.path());
    let broken = synthetic::procedure_text(10).replacen("[[step]]", "[[step]\n", 1);
    for _ in 0..2 {
        let loaded = load_cached(broken.clone().into_bytes(), Some((&cache, "p.toml")));
        let diagnostics = loaded.result.expect_err("the file is broken");
        assert!(!diagnostics.is_empty());
        assert!(!cache.path_for("p.toml").exists());
    }
}

#[test]
fn a_cache_that_cannot_be_written_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the cache folder should be: nothing can be written under it.
    let blocked = dir.path().join("procedures");
    std::fs::write(&blocked, b"not a folder").unwrap();
    let cache = Cache::new(blocked.clone()).unwrap();
    let source = synthetic::procedure_text(10);
    let loaded = load_cached(source.clone().into_bytes(), Some((&cache, "p.toml")));
    assert_eq!(
        model(&loaded.result.expect("loads")),
        model(&read_fully(&source))
    );
    assert_eq!(std::fs::read(&blocked).unwrap(), b"not a folder");
}

#[cfg(unix)]
#[test]
fn the_cache_is_private_to_the_officer() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path().join("cache").join("procedures")).unwrap();
    let source = synthetic::procedure_text(10);
    cache.put(
        "p.toml",
        Cache::key(source.as_bytes()),
        &read_fully(&source),
    );
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.path().join("cache")), 0o700);
    assert_eq!(mode(&dir.path().join("cache").join("procedures")), 0o700);
    assert_eq!(mode(&cache.path_for("p.toml")), 0o600);
}

/// The program as the officer runs it: procedures are kept after the first listing, an edited
/// file is shown as edited, and `check` reads the files without the cache.
#[test]
fn the_program_keeps_procedures_and_sees_edits() {
    let data = tempfile::tempdir().unwrap();
    let own = data.path().join("procedures");
    std::fs::create_dir_all(&own).unwrap();
    let file = own.join("generated.toml");
    std::fs::write(&file, synthetic::procedure_text(30)).unwrap();
    let poryadok = |command: &str| {
        let output = assert_cmd::Command::cargo_bin("poryadok")
            .unwrap()
            .arg("--data-dir")
            .arg(data.path())
            .args(["--lang", "en", command])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let cached = data.path().join("cache").join("procedures");

    poryadok("check");
    assert!(!cached.exists(), "check reads the files themselves");

    let first = poryadok("list");
    let kept = std::fs::read_dir(&cached).unwrap().count();
    assert_eq!(kept, bundled_files().len() + 1, "every procedure is kept");
    assert_eq!(poryadok("list"), first, "the cache gives the same list");

    let text = std::fs::read_to_string(&file).unwrap();
    let title = text
        .lines()
        .find(|line| line.starts_with("title = "))
        .expect("the procedure has a title")
        .to_owned();
    std::fs::write(
        &file,
        text.replacen(&title, "title = \"Edited after the cache\"", 1),
    )
    .unwrap();
    let edited = poryadok("list");
    assert!(edited.contains("Edited after the cache"), "{edited}");
    assert_ne!(edited, first);

    // The commands over runs keep what they read too.
    std::fs::remove_dir_all(&cached).unwrap();
    poryadok("runs");
    let kept = std::fs::read_dir(&cached).unwrap().count();
    assert_eq!(kept, bundled_files().len() + 1, "every procedure is kept");
}

/// A data folder with one procedure of the officer's beside the bundled ones, and its cache.
fn officer_folder() -> (tempfile::TempDir, Cache, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let procedures = dir.path().join("procedures");
    std::fs::create_dir(&procedures).unwrap();
    std::fs::write(procedures.join("own.toml"), synthetic::procedure_text(20)).unwrap();
    let cache = cache_in(dir.path());
    (dir, cache, procedures)
}

/// What a catalogue's usable procedures hold, in order.
fn models<'a>(procedures: impl Iterator<Item = &'a Procedure>) -> Vec<String> {
    procedures.map(model).collect()
}

#[test]
fn discovering_leaves_the_keeping_to_the_caller_and_keep_writes_every_file_read() {
    let (_dir, cache, procedures) = officer_folder();
    let first = Catalog::discover_cached(Some(&procedures), &[], Some(&cache)).unwrap();
    assert!(
        first.entries.iter().all(|e| e.unkept.is_some()),
        "all read from their text"
    );
    for entry in &first.entries {
        let location = entry.source_name();
        assert!(
            !cache.path_for(&location).exists(),
            "{location}: not kept yet"
        );
    }
    first.keep(Some(&cache));
    for entry in &first.entries {
        let location = entry.source_name();
        assert!(cache.path_for(&location).is_file(), "{location}: kept");
    }
    // The next start takes every one from the cache, and they are the same procedures.
    let again = Catalog::discover_cached(Some(&procedures), &[], Some(&cache)).unwrap();
    assert!(
        again.entries.iter().all(|e| e.unkept.is_none()),
        "all from the cache"
    );
    assert_eq!(models(again.usable()), models(first.usable()));
}

#[test]
fn the_procedures_handed_to_the_wizard_are_kept_when_it_says_so() {
    let (_dir, cache, procedures) = officer_folder();
    // The officer's copy of a bundled procedure replaces it; the bundled one is kept too, so
    // that it is not read again at the next start.
    let (name, bytes) = bundled_files()[0];
    std::fs::write(procedures.join(name), bytes).unwrap();
    let catalog = Catalog::discover_cached(Some(&procedures), &[], Some(&cache)).unwrap();
    let locations: Vec<String> = catalog.entries.iter().map(|e| e.source_name()).collect();
    let expected = models(catalog.usable());
    assert!(catalog.entries.iter().any(|e| e.overridden));
    let (usable, unkept) = catalog.into_usable(Some(&cache));
    assert_eq!(models(usable.iter().map(|p| &**p)), expected);
    assert!(locations.iter().all(|l| !cache.path_for(l).exists()));
    unkept.keep();
    for location in &locations {
        assert!(cache.path_for(location).is_file(), "{location}: kept");
    }
}

#[test]
fn the_key_of_a_file_read_a_little_at_a_time_is_the_key_of_its_bytes() {
    let text = synthetic::procedure_text(1000);
    assert!(text.len() > 200_000, "longer than several reads");
    for size in [0, 1, 65_535, 65_536, 65_537, 200_000, text.len()] {
        let bytes = &text.as_bytes()[..size];
        let streamed = Cache::key_of(bytes).expect("a slice reads");
        assert_eq!(streamed, Cache::key(bytes), "{size} bytes");
    }
    assert_ne!(Cache::key(b"a"), Cache::key(b"b"));
}
