//! The wizard in process, on ratatui's TestBackend (issue targets, measured on the real binary
//! by `benches/wizard-pty.sh`: first frame under 10 ms on the bundled procedures and under
//! 20 ms on a 5,000-step one; a keypress to the updated frame under 0.5 ms median on it).
//! Run with `cargo bench --bench wizard`.

use std::sync::Arc;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use poryadok::catalog::bundled_files;
use poryadok::i18n::Lang;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use poryadok::procedure::{Procedure, load};
use poryadok::store::{Durability, Store};
use poryadok::tui::action::Action;
use poryadok::tui::shell::{Start, Wizard};
use poryadok::tui::view::{Theme, draw};

fn main() {
    divan::main();
}

fn bundled() -> Vec<Arc<Procedure>> {
    bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .map(Arc::new)
        .collect()
}

fn large() -> Arc<Procedure> {
    Arc::new(
        load(synthetic::procedure_text(5000).as_bytes())
            .result
            .unwrap(),
    )
}

fn frame(wizard: &Wizard, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| draw(f, &wizard.app, Theme { color: true }))
        .unwrap();
}

/// Loading the bundled procedures, opening the store and drawing the home screen.
#[divan::bench]
fn first_frame_home_bundled(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    bencher.bench_local(|| {
        let store = Store::open(dir.path()).unwrap();
        let wizard = Wizard::new(Lang::Ru, bundled(), store, Timestamp::UNIX_EPOCH);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        frame(&wizard, &mut terminal);
    });
}

/// A wizard open on a run of the 5,000-step procedure.
fn on_large_run(dir: &std::path::Path) -> Wizard {
    let p = large();
    let store = Store::open(dir)
        .unwrap()
        .with_durability(Durability::NoSync);
    drop(store.create(&p, "bench", Timestamp::UNIX_EPOCH).unwrap());
    let store = Store::open(dir)
        .unwrap()
        .with_durability(Durability::NoSync);
    let mut wizard = Wizard::new(Lang::Ru, vec![p], store, Timestamp::UNIX_EPOCH);
    wizard.start(
        &Start::Run("synthetic-5000-1".into()),
        Timestamp::UNIX_EPOCH,
    );
    wizard
}

/// Opening a run of the 5,000-step procedure (already loaded) and drawing it.
#[divan::bench(sample_count = 20)]
fn first_frame_run_5000_steps(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    drop(on_large_run(dir.path()));
    let p = large();
    bencher.bench_local(|| {
        let store = Store::open(dir.path()).unwrap();
        let mut wizard = Wizard::new(Lang::Ru, vec![Arc::clone(&p)], store, Timestamp::UNIX_EPOCH);
        wizard.start(
            &Start::Run("synthetic-5000-1".into()),
            Timestamp::UNIX_EPOCH,
        );
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        frame(&wizard, &mut terminal);
    });
}

/// One key (move down) to the updated frame, on the 5,000-step run. Between two keys, what
/// the wizard does once a frame is drawn (`Wizard::after_frame`), not timed, as in a terminal.
#[divan::bench(sample_size = 1)]
fn key_down_5000_steps(bencher: divan::Bencher) {
    keys_on_large_run(bencher, std::time::Duration::ZERO);
}

/// The same keypress after a pause, as between two keypresses in a terminal: the processor
/// has run other things or slept, and the wizard's code and data are no longer in its caches.
/// This is the figure the pseudo-terminal measurement (`benches/wizard-pty.sh`) follows.
#[divan::bench(sample_count = 100, sample_size = 1)]
fn key_down_5000_steps_after_a_pause(bencher: divan::Bencher) {
    keys_on_large_run(bencher, std::time::Duration::from_millis(20));
}

/// A key that changes the run to the updated frame, after a pause: the first step done (and,
/// untimed, undone before the next sample). The save that follows the frame is not timed: the
/// terminal loop writes the run once the frame is out (`Wizard::save_pending`), before it
/// reads the next key.
#[divan::bench(sample_count = 100, sample_size = 1)]
fn key_complete_5000_steps_after_a_pause(bencher: divan::Bencher) {
    change_on_large_run(bencher, Action::Undo, Action::CompleteStep);
}

/// The same for undo: the first step's completion undone (and, untimed, done again).
#[divan::bench(sample_count = 100, sample_size = 1)]
fn key_undo_5000_steps_after_a_pause(bencher: divan::Bencher) {
    change_on_large_run(bencher, Action::CompleteStep, Action::Undo);
}

/// `timed` to its frame after `before` (untimed, with its frame and save) and a pause.
fn change_on_large_run(bencher: divan::Bencher, before: Action, timed: Action) {
    let dir = tempfile::tempdir().unwrap();
    let terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let state = std::cell::RefCell::new((on_large_run(dir.path()), terminal));
    bencher
        .with_inputs(|| {
            let (wizard, terminal) = &mut *state.borrow_mut();
            wizard.handle(before, Timestamp::UNIX_EPOCH);
            frame(wizard, terminal);
            wizard.save_pending(Timestamp::UNIX_EPOCH);
            wizard.after_frame();
            std::thread::sleep(std::time::Duration::from_millis(20));
        })
        .bench_local_values(|()| {
            let (wizard, terminal) = &mut *state.borrow_mut();
            wizard.handle(timed, Timestamp::UNIX_EPOCH);
            frame(wizard, terminal);
        });
}

/// Keys down and up in turn, so that every sample moves, each after `pause`.
fn keys_on_large_run(bencher: divan::Bencher, pause: std::time::Duration) {
    let dir = tempfile::tempdir().unwrap();
    let wizard = std::cell::RefCell::new(on_large_run(dir.path()));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    frame(&wizard.borrow(), &mut terminal);
    let mut down = true;
    bencher
        .with_inputs(|| {
            wizard.borrow_mut().after_frame();
            if !pause.is_zero() {
                std::thread::sleep(pause);
            }
        })
        .bench_local_values(|()| {
            let mut wizard = wizard.borrow_mut();
            let action = if down { Action::Down } else { Action::Up };
            down = !down;
            wizard.handle(action, Timestamp::UNIX_EPOCH);
            frame(&wizard, &mut terminal);
        });
}
