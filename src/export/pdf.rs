//! PDF copies of the Word documents and spreadsheets, made by LibreOffice
//! (`soffice --headless --convert-to pdf`), as upload portals and many recipients want them.
//! LibreOffice runs with a profile of its own in a private temporary folder, so that an office
//! the officer has open is neither disturbed nor waited for; it is given a few minutes at most.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::write::OutFile;

/// The longest LibreOffice is given for one export's documents.
const TIMEOUT: Duration = Duration::from_secs(300);

/// Why no PDF was made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// LibreOffice is not installed (no `soffice` on the PATH).
    #[error("LibreOffice (soffice) is not installed")]
    NotInstalled,
    /// LibreOffice ran but made no PDF of these files, or failed: what it said.
    #[error("{0}")]
    Failed(String),
}

/// The LibreOffice program on the PATH: `soffice`, else `libreoffice`.
pub fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["soffice", "libreoffice"].map(|name| dir.join(name)))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The files (DOCX, XLSX) as PDF, each named as its source with `.pdf`, in the same order;
/// and, when LibreOffice made no PDF of some of them, which and what it said.
pub fn convert(files: &[OutFile]) -> Result<(Vec<OutFile>, Option<String>), PdfError> {
    if files.is_empty() {
        return Ok((Vec::new(), None));
    }
    let program = soffice().ok_or(PdfError::NotInstalled)?;
    let failed = |e: &dyn std::fmt::Display| PdfError::Failed(e.to_string());
    let work = tempfile::tempdir().map_err(|e| failed(&e))?;
    let (input, output, profile) = (
        work.path().join("in"),
        work.path().join("out"),
        work.path().join("profile"),
    );
    for dir in [&input, &output, &profile] {
        std::fs::create_dir(dir).map_err(|e| failed(&e))?;
    }
    // Plain ASCII names: LibreOffice reads its arguments in the locale's encoding, and a
    // locale that is not installed would turn Cyrillic names into files it cannot find.
    let mut sources = Vec::with_capacity(files.len());
    for (n, file) in files.iter().enumerate() {
        let extension = file.name.rsplit_once('.').map_or("", |(_, e)| e);
        let path = input.join(format!("{n}.{extension}"));
        std::fs::write(&path, &file.bytes).map_err(|e| failed(&e))?;
        sources.push(path);
    }
    let mut profile_url = String::from("file://");
    profile_url.push_str(&profile.to_string_lossy());
    let mut child = Command::new(&program)
        .arg(format!("-env:UserInstallation={profile_url}"))
        .args([
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
        ])
        .arg("--outdir")
        .arg(&output)
        .args(&sources)
        .env("HOME", work.path())
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(&e))?;
    let started = Instant::now();
    loop {
        match child.try_wait().map_err(|e| failed(&e))? {
            Some(_) => break,
            None if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::Failed(format!(
                    "LibreOffice did not finish in {} s",
                    TIMEOUT.as_secs()
                )));
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    let mut said = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        use std::io::Read;
        let _ = stderr.read_to_string(&mut said);
    }
    let mut out = Vec::with_capacity(files.len());
    let mut missing = Vec::new();
    for (n, file) in files.iter().enumerate() {
        let stem = file
            .name
            .rsplit_once('.')
            .map_or(file.name.as_str(), |(s, _)| s);
        let name = format!("{stem}.pdf");
        match std::fs::read(output.join(format!("{n}.pdf"))) {
            Ok(bytes) if bytes.starts_with(b"%PDF") => out.push(OutFile { name, bytes }),
            _ => missing.push(file.name.clone()),
        }
    }
    if missing.is_empty() {
        return Ok((out, None));
    }
    let said = crate::text::sanitize_line(said.trim()).into_owned();
    let why = format!(
        "no PDF of {}{}",
        missing.join(", "),
        if said.is_empty() {
            String::new()
        } else {
            format!(": {said}")
        }
    );
    Ok((out, Some(why)))
}
