//! The integration tests, as modules of one test binary: each separate file under `tests/`
//! would link the whole crate again (140–180 MB and tens of seconds of linking each).
//!
//! Helpers several tests share: [`common`] (bundled procedures, fixed times), [`docx_reader`]
//! and [`eml_reader`] (reading exports back), [`filled_forms`] (runs filled with plausible
//! values). Fixtures stay beside this folder: `tests/invalid/` (procedure files `check` must
//! refuse) and `tests/store/` (run files of older formats).

#![forbid(unsafe_code)]

mod common;
mod docx_reader;
mod eml_reader;
mod filled_forms;
#[path = "../support/synthetic.rs"]
mod synthetic;

mod bundled;
mod bundled_editions;
mod cli;
mod cli_attach;
mod cli_change;
mod cli_edition;
mod cli_export;
mod cli_help;
mod cli_runs;
mod doc_example;
mod edition_rule;
mod export;
mod export_docx;
mod export_eml;
mod invalid;
mod loader_properties;
mod plain;
mod plain_pty;
mod procedure_cache;
mod procedure_hostile;
mod run_scenarios;
mod run_walks;
mod store;
mod store_faults;
mod store_files;
mod store_power;
mod store_properties;
mod store_races;
mod store_recover;
mod store_secrets;
mod store_umask;
mod tui_attach;
mod tui_dated;
mod tui_edition;
mod tui_record;
mod tui_says;
mod tui_screens;
mod wizard_pty;
