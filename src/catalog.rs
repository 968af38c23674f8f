//! Where procedures come from: the ones bundled into the binary, the officer's own procedures
//! folder, and folders named with `--procedures`. A later source overrides an earlier one with
//! the same procedure id, so an officer or methodologist can replace a bundled procedure with an
//! edited copy.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use directories::ProjectDirs;

use crate::procedure::{
    Cache, Diagnostic, Key, Loaded, MAX_FILE_BYTES, Procedure, load, load_owned, too_large,
};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The procedures embedded in the binary: file name and contents.
pub fn bundled_files() -> &'static [(&'static str, &'static [u8])] {
    bundled::BUNDLED
}

/// The environment variable that moves the data directory (also `--data-dir`).
pub const DATA_DIR_ENV: &str = "PORYADOK_DATA_DIR";

/// Where a procedure file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary.
    Bundled,
    /// The officer's procedures folder in the data directory.
    User,
    /// A folder or file named on the command line.
    Given,
}

/// One procedure file, loaded and checked.
#[derive(Debug)]
pub struct Entry {
    pub origin: Origin,
    /// The file: a path, or for a bundled procedure its file name.
    pub location: String,
    pub loaded: Loaded,
    /// A procedure with the same id from an earlier source that this one replaces.
    pub overrides: Option<Origin>,
    /// A later source has a procedure with the same id, so this one is not used.
    pub overridden: bool,
    /// Read from its text at this start, to be kept in the cache under this key (see
    /// [`Catalog::keep`]).
    pub unkept: Option<Key>,
}

impl Entry {
    pub fn procedure(&self) -> Option<&Procedure> {
        self.loaded.result.as_ref().ok()
    }

    /// The name diagnostics are reported under and the cache keeps the procedure by: the path,
    /// or `bundled:<name>` for a file that is inside the binary rather than on disk.
    pub fn source_name(&self) -> String {
        source_name(&self.origin, &self.location)
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        match &self.loaded.result {
            Ok(_) => &[],
            Err(diagnostics) => diagnostics,
        }
    }
}

/// Every procedure file found, in the order of the sources.
#[derive(Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
}

impl Catalog {
    /// The procedures that can be used: read without errors and not replaced by a later one
    /// with the same id.
    pub fn usable(&self) -> impl Iterator<Item = &Procedure> {
        self.entries
            .iter()
            .filter(|e| !e.overridden)
            .filter_map(Entry::procedure)
    }

    /// [`Catalog::usable`], taking the procedures out of the catalogue, with what is left to
    /// keep in `cache`: the wizard draws its first frame before it writes the cache.
    pub fn into_usable(self, cache: Option<&Cache>) -> (Vec<Arc<Procedure>>, Unkept) {
        let mut usable = Vec::new();
        let mut unkept = Unkept {
            cache: cache.cloned(),
            procedures: Vec::new(),
        };
        for entry in self.entries {
            let Ok(procedure) = entry.loaded.result else {
                continue;
            };
            let procedure = Arc::new(procedure);
            if let Some(key) = entry.unkept {
                let name = source_name(&entry.origin, &entry.location);
                unkept.procedures.push((name, key, Arc::clone(&procedure)));
            }
            if !entry.overridden {
                usable.push(procedure);
            }
        }
        (usable, unkept)
    }

    /// Keeps in `cache` the procedures read from their text at this start (every command but
    /// the wizard does so at once).
    pub fn keep(&self, cache: Option<&Cache>) {
        let Some(cache) = cache else { return };
        for entry in &self.entries {
            if let (Some(key), Some(procedure)) = (entry.unkept, entry.procedure()) {
                cache.put(&entry.source_name(), key, procedure);
            }
        }
    }

    /// The bundled procedures, then those in `user_dir` (if it exists), then those in `given`
    /// (folders or single files).
    pub fn discover(user_dir: Option<&Path>, given: &[PathBuf]) -> Result<Catalog> {
        Catalog::discover_cached(user_dir, given, None)
    }

    /// [`Catalog::discover`], taking the procedures read before from `cache` (see [`Cache`]).
    /// The others are not kept there yet: see [`Catalog::keep`] and [`Catalog::into_usable`].
    pub fn discover_cached(
        user_dir: Option<&Path>,
        given: &[PathBuf],
        cache: Option<&Cache>,
    ) -> Result<Catalog> {
        let mut files: Vec<(Origin, Source)> = bundled::BUNDLED
            .iter()
            .map(|(name, bytes)| (Origin::Bundled, Source::Bundled(name, bytes)))
            .collect();
        if let Some(dir) = user_dir
            && dir.is_dir()
        {
            for path in toml_files(dir)? {
                files.push((Origin::User, Source::File(path)));
            }
        }
        for place in given {
            let paths = if place.is_dir() {
                toml_files(place)?
            } else {
                vec![place.clone()]
            };
            for path in paths {
                files.push((Origin::Given, Source::File(path)));
            }
        }
        let mut catalog = Catalog::default();
        for (origin, source) in files {
            let location = source.location();
            let (loaded, unkept) = source.load(&source_name(&origin, &location), cache);
            catalog.push(origin, location, loaded, unkept);
        }
        Ok(catalog)
    }

    fn push(&mut self, origin: Origin, location: String, loaded: Loaded, unkept: Option<Key>) {
        let mut overrides = None;
        if let Ok(procedure) = &loaded.result {
            for earlier in &mut self.entries {
                if earlier
                    .procedure()
                    .is_some_and(|p| p.id() == procedure.id())
                    && !earlier.overridden
                {
                    earlier.overridden = true;
                    overrides = Some(earlier.origin.clone());
                }
            }
        }
        self.entries.push(Entry {
            origin,
            location,
            loaded,
            overrides,
            overridden: false,
            unkept,
        });
    }

    /// The procedures in use: every valid one not overridden by a later source.
    pub fn procedures(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|entry| !entry.overridden && entry.procedure().is_some())
    }

    /// The procedure in use with this id.
    pub fn find(&self, id: &str) -> Option<&Procedure> {
        self.procedures()
            .filter_map(Entry::procedure)
            .find(|procedure| procedure.id() == id)
    }
}

/// The procedures read from their text at this start and not yet kept in the cache: where each
/// came from, the key of its text, the procedure.
#[derive(Debug)]
pub struct Unkept {
    cache: Option<Cache>,
    procedures: Vec<(String, Key, Arc<Procedure>)>,
}

impl Unkept {
    /// Keeps them in the cache, so that the next start takes them from there.
    pub fn keep(self) {
        if let Some(cache) = &self.cache {
            for (location, key, procedure) in &self.procedures {
                cache.put(location, *key, procedure);
            }
        }
    }
}

/// A procedure file to load.
enum Source {
    Bundled(&'static str, &'static [u8]),
    File(PathBuf),
}

impl Source {
    /// What the file is called in its [`Entry`]: its path, or its name inside the binary.
    fn location(&self) -> String {
        match self {
            Source::Bundled(name, _) => (*name).to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// Loads the file known as `name` ([`source_name`]), taking it from `cache` when it holds
    /// this very text; a procedure read from its text comes with the key to keep it under (see
    /// [`Catalog::keep`]).
    fn load(&self, name: &str, cache: Option<&Cache>) -> (Loaded, Option<Key>) {
        // With a cache, the text is first only hashed (a file a little at a time): a procedure
        // the cache holds is neither read into memory whole nor copied.
        let hashed = cache.and_then(|_| self.key());
        if let (Some(cache), Some(key)) = (cache, hashed)
            && let Some(procedure) = cache.get(name, key)
        {
            return (Loaded::checked(procedure), None);
        }
        let (loaded, key) = match self {
            // Inside the binary, the text hashed is the text read.
            Source::Bundled(_, bytes) => (load(bytes), hashed),
            Source::File(path) => match read(path) {
                // The key of the text read, not of the one hashed above: the file may have
                // changed in between.
                Ok(bytes) => {
                    let key = cache.map(|_| Cache::key(&bytes));
                    (load_owned(bytes), key)
                }
                Err(problem) => return (Loaded::failed(*problem), None),
            },
        };
        let unkept = key.filter(|_| loaded.result.is_ok());
        (loaded, unkept)
    }

    /// The key of the text as it is now, without reading a file into memory whole; `None` for
    /// a file that cannot be read or is too large to load (the full read reports it).
    fn key(&self) -> Option<Key> {
        match self {
            Source::Bundled(_, bytes) => Some(Cache::key(bytes)),
            Source::File(path) => {
                let file = File::open(path).ok()?;
                if file.metadata().ok()?.len() > MAX_FILE_BYTES as u64 {
                    return None;
                }
                Cache::key_of(file).ok()
            }
        }
    }
}

/// A folder of procedures that cannot be read; the command line tells it in the officer's
/// language (`catalog-folder-unreadable`).
#[derive(Debug, thiserror::Error)]
#[error("cannot read the folder '{}': {error}", path.display())]
pub struct FolderError {
    pub path: PathBuf,
    #[source]
    pub error: std::io::Error,
}

/// The `.toml` files directly in `dir`, sorted by name.
pub fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|error| FolderError {
        path: dir.to_path_buf(),
        error,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && path.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Reads a file (at most one byte more than the loader accepts) and loads it. A file that cannot
/// be read becomes a diagnostic like any other problem.
pub fn read_and_load(path: &Path) -> Loaded {
    match read(path) {
        Ok(bytes) => load_owned(bytes),
        Err(problem) => Loaded::failed(*problem),
    }
}

/// The bytes of the file at `path`, or why the loader cannot have them: the file cannot be read,
/// or is larger than the loader accepts.
fn read(path: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    let mut bytes = Vec::new();
    let read = File::open(path).and_then(|file| {
        // Room for the whole file at once: growing the buffer as it fills would copy it
        // several times and leave up to twice its size allocated.
        let size = file
            .metadata()
            .map_or(0, |m| m.len())
            .min(MAX_FILE_BYTES as u64);
        bytes.reserve_exact(usize::try_from(size).unwrap_or(0) + 1);
        file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)
    });
    match read {
        Ok(_) if bytes.len() > MAX_FILE_BYTES => {
            // Report the real size, not the truncated one.
            let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
            Err(Box::new(too_large(
                usize::try_from(size).unwrap_or(usize::MAX),
            )))
        }
        Ok(_) => Ok(bytes),
        Err(error) => Err(Box::new(
            Diagnostic::error("file-unreadable").arg("detail", crate::i18n::io_reason(&error)),
        )),
    }
}

/// The name a file goes by in diagnostics and in the cache: its path, or `bundled:<name>` for
/// a file inside the binary rather than on disk.
fn source_name(origin: &Origin, location: &str) -> String {
    match origin {
        Origin::Bundled => format!("bundled:{location}"),
        Origin::User | Origin::Given => location.to_owned(),
    }
}

/// The data directory: `--data-dir`, else `PORYADOK_DATA_DIR`, else the platform's place for
/// application data (`~/.local/share/poryadok` on Linux).
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = explicit {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    ProjectDirs::from("ru", "poryadok", "poryadok").map(|dirs| dirs.data_dir().to_path_buf())
}

/// The cache of procedures read before (see [`Cache`]) inside the data directory.
pub fn procedure_cache(data_dir: &Path) -> Option<Cache> {
    Cache::new(data_dir.join("cache").join("procedures"))
}

/// The officer's own procedures folder inside the data directory.
pub fn user_procedures_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("procedures")
}
