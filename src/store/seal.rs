//! Keeping secret field values (passwords) off the disk in plain text.
//!
//! A secret value is sealed with ChaCha20-Poly1305 under a random 256-bit key kept in its own
//! file (`secret.key`, 0600) beside the runs folder. A run file copied, attached to a letter or
//! backed up on its own carries only ciphertext; whoever holds both the run file and the key
//! file of the officer's account can read the secrets, as the officer can. The key is created
//! on first use; if it is lost, sealed values cannot be read back, and the run says so instead
//! of dropping them.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

use crate::fsutil;
use crate::i18n::Msg;

const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 12;

/// The key that seals secret values, read from or created in a key file.
pub struct Sealer {
    cipher: ChaCha20Poly1305,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(..)")
    }
}

/// Why a sealed value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unseal {
    #[error("not a sealed value")]
    Malformed,
    #[error("sealed with another key")]
    WrongKey,
}

/// Why the key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The key file is a symbolic link to a file that is not there (a drive not plugged in): no
    /// new key is made in its place, or values sealed under the real one would be lost.
    #[error("{}: the key file is a link to {}, which is not there", path.display(), target.display())]
    Dangling { path: PathBuf, target: PathBuf },
    #[error("{}: a key file must hold exactly {KEY_LEN} bytes, this one holds {len}", path.display())]
    WrongSize { path: PathBuf, len: usize },
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
}

impl KeyError {
    /// The message for the officer, in their language.
    pub fn message(&self) -> Msg {
        match self {
            KeyError::Dangling { path, target } => Msg::new("store-key-dangling")
                .arg("path", path.display().to_string())
                .arg("target", target.display().to_string()),
            KeyError::WrongSize { path, len } => Msg::new("store-key-size")
                .arg("path", path.display().to_string())
                .arg("len", *len),
            KeyError::Io { path, error } => Msg::new("store-io")
                .arg("path", path.display().to_string())
                .arg("error", super::reason(error)),
        }
    }
}

impl Sealer {
    /// Reads the key file (made private if others could read it), creating it (0600,
    /// atomically) with a fresh random key if there is none. When several processes create it
    /// at once, one key is kept and every one of them uses it.
    pub fn open_or_create(path: &Path) -> Result<Sealer, KeyError> {
        let io = |error| KeyError::Io {
            path: path.to_path_buf(),
            error,
        };
        // A second look is needed only when another process created the key meanwhile.
        for _ in 0..3 {
            match fs::File::open(path) {
                Ok(file) => {
                    // Left readable by others (copied in, restored from a backup): fixed now.
                    let _ = fsutil::tighten(&file);
                    let mut key = Vec::with_capacity(KEY_LEN);
                    Read::take(file, KEY_LEN as u64 + 1)
                        .read_to_end(&mut key)
                        .map_err(io)?;
                    if key.len() != KEY_LEN {
                        return Err(KeyError::WrongSize {
                            path: path.to_path_buf(),
                            len: key.len(),
                        });
                    }
                    return Ok(Sealer::from_key(&key));
                }
                Err(error) if error.kind() == io::ErrorKind::NotFound => {
                    if let Ok(target) = fs::read_link(path) {
                        return Err(KeyError::Dangling {
                            path: path.to_path_buf(),
                            target,
                        });
                    }
                    let mut key = [0u8; KEY_LEN];
                    getrandom::fill(&mut key).map_err(|e| io(io::Error::other(e.to_string())))?;
                    if create_key_file(path, &key).map_err(io)? {
                        return Ok(Sealer::from_key(&key));
                    }
                    // Another process made the key first: read it.
                }
                Err(error) => return Err(io(error)),
            }
        }
        Err(io(io::Error::other(
            "the key file kept appearing and disappearing",
        )))
    }

    fn from_key(key: &[u8]) -> Sealer {
        Sealer {
            cipher: ChaCha20Poly1305::new(Key::from_slice(key)),
        }
    }

    /// Seals `plain`, bound to `name` (the field id), as base64 text.
    pub fn seal(&self, name: &str, plain: &[u8]) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).expect("the operating system gives random bytes");
        let sealed = self
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: name.as_bytes(),
                },
            )
            .expect("ChaCha20-Poly1305 encrypts any message of this size");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        BASE64.encode(out)
    }

    /// Opens what [`Sealer::seal`] made under the same `name`.
    pub fn open(&self, name: &str, sealed: &str) -> Result<Vec<u8>, Unseal> {
        let bytes = BASE64.decode(sealed).map_err(|_| Unseal::Malformed)?;
        if bytes.len() < NONCE_LEN {
            return Err(Unseal::Malformed);
        }
        let (nonce, message) = bytes.split_at(NONCE_LEN);
        self.cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: message,
                    aad: name.as_bytes(),
                },
            )
            .map_err(|_| Unseal::WrongKey)
    }
}

/// Writes a new key file, never replacing one: `false` when another process created it first.
fn create_key_file(path: &Path, key: &[u8]) -> io::Result<bool> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fsutil::private_dir(dir)?;
    match fsutil::create_new(path, key, fsutil::Durability::Sync) {
        Ok(()) => fsutil::sync_dir(dir).map(|()| true),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(error) => Err(error),
    }
}

/// Where the key lives for a data folder.
pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join("secret.key")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_with_its_key_and_name_only() {
        let dir = tempfile::tempdir().unwrap();
        let sealer = Sealer::open_or_create(&dir.path().join("k")).unwrap();
        let sealed = sealer.seal("password", "Пароль-123".as_bytes());
        assert!(!sealed.contains("123"));
        assert_eq!(
            sealer.open("password", &sealed).unwrap(),
            "Пароль-123".as_bytes()
        );
        assert_eq!(sealer.open("other", &sealed), Err(Unseal::WrongKey));
        assert_eq!(sealer.open("password", "%%%"), Err(Unseal::Malformed));
        // The key persists: a second sealer over the same file opens the value.
        let again = Sealer::open_or_create(&dir.path().join("k")).unwrap();
        assert!(again.open("password", &sealed).is_ok());
        // Another key does not.
        let other = Sealer::open_or_create(&dir.path().join("k2")).unwrap();
        assert_eq!(other.open("password", &sealed), Err(Unseal::WrongKey));
    }

    #[cfg(unix)]
    #[test]
    fn the_key_file_is_private_and_a_short_one_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        Sealer::open_or_create(&path).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        fs::write(&path, b"short").unwrap();
        let error = Sealer::open_or_create(&path).unwrap_err();
        assert!(error.to_string().contains("exactly 32 bytes"), "{error}");
        // A key readable by others is made private when read.
        fs::write(&path, [7u8; KEY_LEN]).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        Sealer::open_or_create(&path).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
