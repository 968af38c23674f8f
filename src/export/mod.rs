//! Export: a run turned into the documents an officer prints, signs, attaches or sends — the
//! filled forms, the letters as drafts, tables as spreadsheets, and the checklist report.
//!
//! [`model`] works out what a run says once (forms, letters, report) and every format reads it.
//! Nothing here touches the disk but [`write`], which never writes outside the folder it is
//! given and never replaces a file.

pub mod model;

pub use model::{Export, Options, build};
