//! Procedures read before, kept in a compact binary form so that opening the wizard does not
//! parse and check the same TOML again.
//!
//! An officer opens the same procedures day after day; a long one (a generated 5,000-step file
//! is 2 MB) takes most of the wizard's start-up to parse and check. After a procedure loads
//! without any problem, its model is written to `<cache dir>/<name>.bin`, one file per source
//! (its path, or `bundled:<name>`), with:
//!
//! - a header naming the format;
//! - the identity of the program that wrote it (its version, and the size and time of its
//!   executable), so that a rebuilt or upgraded program, whose model may differ, never reads it;
//! - a hash of the bytes of the file, so that any edit of the file reads it again;
//! - after the procedure, its edition ([`Procedure::edition`]: a hash of the file's text, which
//!   only the text gives), then a hash of all of it, so that a file damaged on disk is not read.
//!
//! On any mismatch, on a file that does not decode whole, or when the cache cannot be read or
//! written, the procedure is simply read from its TOML as before; a cache problem is never an
//! error. Only procedures that load are kept (a file with errors is read again each time, to
//! report them), so what comes from the cache is what the full read would give. `poryadok check` never uses it.
//!
//! The text in the cache was scanned for unsafe characters when it was first read, and the views
//! neutralise control characters again before anything reaches the terminal, so a cache file
//! altered by hand cannot reach the terminal with escape sequences either.

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use super::Procedure;
use super::model::ProcedureFile;
use crate::fsutil::{Durability, private_dir, replace_with, tighten};

/// The first bytes of every cache file; a new layout gets a new header. The build and the key
/// of the procedure file follow (16 bytes each), then the procedure, its edition (8 bytes) and the
/// hash of these.
const MAGIC: &[u8; 16] = b"poryadok cache 2";

/// The header: [`MAGIC`], the build, the key.
const HEADER_BYTES: usize = 16 + 16 + 16;

/// How much of a procedure file is hashed at a time.
const READ_BUFFER: usize = 64 * 1024;

/// The largest cache file read; a procedure file is at most 4 MB of TOML, its model less.
const MAX_CACHE_BYTES: u64 = 16 * 1024 * 1024;

/// The folder of cached procedures, for one build of the program.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    build: [u8; 16],
}

impl Cache {
    /// The cache in `dir` (created when first written). `None` when the running program cannot
    /// be told apart from another build, in which case nothing is cached.
    pub fn new(dir: PathBuf) -> Option<Cache> {
        let exe = std::env::current_exe().ok()?;
        let meta = fs::metadata(exe).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let mut hash = Xxh3::new();
        hash.update(MAGIC);
        hash.update(env!("CARGO_PKG_VERSION").as_bytes());
        hash.update(&meta.len().to_le_bytes());
        hash.update(&modified.as_nanos().to_le_bytes());
        Some(Cache {
            dir,
            build: hash.digest128().to_le_bytes(),
        })
    }

    /// Where the procedure from `location` (a path, or `bundled:<name>`) is kept.
    pub fn path_for(&self, location: &str) -> PathBuf {
        self.dir
            .join(format!("{:016x}.bin", xxh3_64(location.as_bytes())))
    }

    /// What tells the contents of a procedure file apart: a 128-bit hash of its bytes.
    pub fn key(bytes: &[u8]) -> Key {
        Key(xxh3_128(bytes).to_le_bytes())
    }

    /// [`Cache::key`] of what `reader` gives, read a little at a time: a procedure the cache
    /// holds is then never read into memory whole (a long one is megabytes).
    pub fn key_of(mut reader: impl Read) -> std::io::Result<Key> {
        let mut hash = Xxh3::new();
        let mut buffer = vec![0; READ_BUFFER];
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => return Ok(Key(hash.digest128().to_le_bytes())),
                Ok(n) => hash.update(&buffer[..n]),
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
    }

    /// The procedure kept for `location`, if this build read it from a file with this `key`.
    pub fn get(&self, location: &str, key: Key) -> Option<Procedure> {
        let mut file = File::open(self.path_for(location)).ok()?;
        // A cache file made readable to others (copied in, or by an older build) is made
        // private again; it holds the officer's own procedures.
        let _ = tighten(&file);
        // The header first: a procedure kept before its file was edited, or by another build,
        // is told apart without reading the rest.
        let mut header = [0; HEADER_BYTES];
        file.read_exact(&mut header).ok()?;
        let (magic, rest) = header.split_at(MAGIC.len());
        let (build, kept) = rest.split_at(self.build.len());
        if magic != MAGIC || build != self.build || kept != key.0 {
            return None;
        }
        let size = file.metadata().ok()?.len();
        if size > MAX_CACHE_BYTES {
            return None;
        }
        // Room for the rest at once, rather than growing (and copying) as it is read.
        let mut bytes = Vec::with_capacity(usize::try_from(size).ok()? + 1);
        file.take(MAX_CACHE_BYTES + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        let (payload, check) = bytes.split_last_chunk::<8>()?;
        // A file damaged on disk is caught here rather than read into a wrong procedure.
        if u64::from_le_bytes(*check) != xxh3_64(payload) {
            return None;
        }
        let (payload, edition) = payload.split_last_chunk::<8>()?;
        let (file, rest) = postcard::take_from_bytes::<ProcedureFile>(payload).ok()?;
        rest.is_empty()
            .then(|| Procedure::new(file).with_edition(u64::from_le_bytes(*edition)))
    }

    /// Keeps `procedure`, read at `location` from a file with this `key`. Failing to write is
    /// not a problem: the procedure is read from its file next time.
    pub fn put(&self, location: &str, key: Key, procedure: &Procedure) {
        let _ = self.write(&self.path_for(location), key, procedure);
    }

    fn write(&self, path: &Path, key: Key, procedure: &Procedure) -> std::io::Result<()> {
        // Where nothing can be written, the procedure is not even encoded.
        private_dir(&self.dir)?;
        // A whole file or none: another poryadok reading at the same time never sees half of
        // it. A cache need not survive a power cut, so it is not flushed to the disk. The
        // procedure goes to the file as it is encoded: holding its megabytes in memory first
        // would add them to the wizard's peak memory.
        let write = |file: &mut File| {
            let mut out = BufWriter::with_capacity(WRITE_BUFFER, file);
            out.write_all(MAGIC)?;
            out.write_all(&self.build)?;
            out.write_all(&key.0)?;
            let hashed = Hashed {
                out,
                hash: Xxh3::new(),
            };
            let mut hashed =
                postcard::to_io(procedure.file(), hashed).map_err(std::io::Error::other)?;
            hashed.write_all(&procedure.edition_hash().to_le_bytes())?;
            let Hashed { mut out, hash } = hashed;
            out.write_all(&hash.digest().to_le_bytes())?;
            out.flush()
        };
        Ok(replace_with(path, write, None, Durability::NoSync)?)
    }
}

/// How much of a cache file is written at a time.
const WRITE_BUFFER: usize = 64 * 1024;

/// A writer that hashes what goes through it: the check at the end of a cache file.
struct Hashed<W> {
    out: W,
    hash: Xxh3,
}

impl<W: Write> Write for Hashed<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.hash.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// See [`Cache::key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key([u8; 16]);
