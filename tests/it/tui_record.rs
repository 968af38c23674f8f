//! The record as the officer reads it in the wizard: a step's deadline as a date with the rule
//! behind it, counted from a day recorded in the past, and a control event reached by itself,
//! dated by the last of the steps before it. Snapshots in Russian and English, 80x24 and 120x40.

use poryadok::tui::action::Action;
use poryadok::tui::shell::{Start, Wizard};

use crate::common::at;
use crate::tui_screens::{press, scene, typed};

/// A new run of `procedure` labelled `label`, open on its first step.
fn run(wizard: &mut Wizard, procedure: &str, label: &str) {
    wizard.start(&Start::Procedure(procedure.into()), at(0));
    let mut keys = typed(label);
    keys.push(Action::Open);
    press(wizard, &keys);
}

/// Marks the selected step done on `day` (the dated mark: the prompt starts with today).
fn done_on(wizard: &mut Wizard, day: &str) {
    let mut keys = vec![Action::CompleteOn];
    keys.extend([Action::Backspace; 10]);
    keys.extend(typed(day));
    keys.push(Action::Open);
    press(wizard, &keys);
}

/// The agreement signed on 10.11.2025 and the additional one on 12.11.2025, both recorded on
/// 24.11.2025: the operator's notice is due 20 working days after the 12th, not after today.
#[test]
fn a_deadline_counted_from_a_day_recorded_in_the_past_shows_as_a_date() {
    scene("run-deadline-dated", |wizard| {
        run(wizard, "rsmev-connection", "Комитет по образованию");
        done_on(wizard, "10.11.2025");
        press(wizard, &[Action::Down]);
        done_on(wizard, "12.11.2025");
        press(wizard, &[Action::Down]);
    });
}

/// The head's account, signature and the agency's confirmation recorded: the control event
/// «registered in ESIA» is reached by itself on the day of the last of them.
#[test]
fn a_control_event_is_reached_by_itself_on_the_day_of_the_last_step_before_it() {
    scene("run-milestone-reached", |wizard| {
        run(wizard, "esia-service-centres", "Комитет цифрового развития");
        done_on(wizard, "14.11.2025");
        press(wizard, &[Action::Down]);
        done_on(wizard, "17.11.2025");
        press(wizard, &[Action::Down]);
        done_on(wizard, "18.11.2025");
        press(wizard, &[Action::Down]);
        done_on(wizard, "21.11.2025");
        press(wizard, &[Action::Down]);
    });
}
