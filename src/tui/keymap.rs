//! Keys to actions, per screen. Every letter shortcut works on the same physical key in the
//! Russian ЙЦУКЕН layout (q and й, j and о, k and л, …), so an officer typing Russian never has
//! to switch layouts to move around.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// What the keys are for right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Lists and shortcuts.
    Browse,
    /// A text input has the keyboard: letters are text.
    Input,
}

/// The action a key stands for, if any.
pub fn action(key: KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c' | 'с') => Some(Action::Quit),
            KeyCode::Char('z' | 'я') => Some(Action::Undo),
            KeyCode::Char('s' | 'ы') => Some(Action::Keep),
            KeyCode::Char('j' | 'о') if mode == Mode::Input => Some(Action::Newline),
            _ => None,
        };
    }
    if key.modifiers.contains(KeyModifiers::SHIFT) && mode == Mode::Browse {
        match key.code {
            KeyCode::Up => return Some(Action::MoveRowUp),
            KeyCode::Down => return Some(Action::MoveRowDown),
            _ => {}
        }
    }
    if mode == Mode::Input {
        match key.code {
            KeyCode::Delete => return Some(Action::Delete),
            KeyCode::Enter if key.modifiers.contains(KeyModifiers::ALT) => {
                return Some(Action::Newline);
            }
            _ => {}
        }
    }
    let common = match key.code {
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Home => Some(Action::First),
        KeyCode::End => Some(Action::Last),
        KeyCode::Tab => Some(Action::NextPane),
        KeyCode::BackTab => Some(Action::PrevPane),
        KeyCode::Left => Some(Action::Left),
        KeyCode::Right => Some(Action::Right),
        KeyCode::Enter => Some(Action::Open),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::F(1) => Some(Action::Help),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match mode {
        Mode::Input => match key.code {
            KeyCode::Char(c) => Some(Action::Type(c)),
            KeyCode::Backspace => Some(Action::Backspace),
            _ => None,
        },
        Mode::Browse => match key.code {
            KeyCode::Char(c) => letter(latin(c)),
            KeyCode::Backspace => Some(Action::Back),
            KeyCode::Delete => Some(Action::ClearField),
            KeyCode::Insert => Some(Action::AddRow),
            _ => None,
        },
    }
}

fn letter(c: char) -> Option<Action> {
    Some(match c {
        'k' => Action::Up,
        'j' => Action::Down,
        'g' => Action::First,
        'G' => Action::Last,
        'l' | 'e' => Action::Open,
        'x' => Action::ClearField,
        'a' => Action::AddRow,
        'y' => Action::Copy,
        'o' => Action::OpenLink,
        'd' => Action::Export,
        'K' => Action::MoveRowUp,
        'J' => Action::MoveRowDown,
        'h' => Action::Back,
        's' => Action::StartStep,
        'c' | ' ' => Action::CompleteStep,
        'w' => Action::WaitStep,
        'r' => Action::ReopenStep,
        'p' => Action::PassOver,
        'v' => Action::ChooseVariant,
        'u' => Action::Undo,
        // `?` is Shift+7 in ЙЦУКЕН and `,` sits where `?` is on a US keyboard.
        '?' | ',' => Action::Help,
        'q' => Action::Quit,
        _ => return None,
    })
}

/// The Latin letter on the same key of a US keyboard as `c` in the ЙЦУКЕН layout.
pub fn latin(c: char) -> char {
    const RU: &str = "йцукенгшщзфывапролдячсмитьЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ";
    const EN: &str = "qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM";
    RU.chars()
        .position(|r| r == c)
        .and_then(|i| EN.chars().nth(i))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn every_letter_shortcut_works_in_the_russian_layout_too() {
        for (en, ru) in [
            ('q', 'й'),
            ('j', 'о'),
            ('k', 'л'),
            ('s', 'ы'),
            ('c', 'с'),
            ('w', 'ц'),
            ('r', 'к'),
            ('p', 'з'),
            ('v', 'м'),
            ('u', 'г'),
            ('g', 'п'),
            ('G', 'П'),
            ('h', 'р'),
            ('l', 'д'),
            ('a', 'ф'),
            ('y', 'н'),
            ('o', 'щ'),
            ('d', 'в'),
            ('K', 'Л'),
            ('J', 'О'),
        ] {
            let latin = action(press(en), Mode::Browse);
            assert!(latin.is_some(), "{en} does something");
            assert_eq!(action(press(ru), Mode::Browse), latin, "{ru} as {en}");
        }
    }

    #[test]
    fn tab_and_shift_tab_go_both_ways_and_shift_arrows_move_table_rows() {
        let key = |code, modifiers| action(KeyEvent::new(code, modifiers), Mode::Browse);
        assert_eq!(
            key(KeyCode::Tab, KeyModifiers::NONE),
            Some(Action::NextPane)
        );
        assert_eq!(
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::PrevPane)
        );
        assert_eq!(
            key(KeyCode::Up, KeyModifiers::SHIFT),
            Some(Action::MoveRowUp)
        );
        assert_eq!(
            key(KeyCode::Down, KeyModifiers::SHIFT),
            Some(Action::MoveRowDown)
        );
        assert_eq!(
            key(KeyCode::Insert, KeyModifiers::NONE),
            Some(Action::AddRow)
        );
        // While typing, Shift-arrows stay cursor keys.
        let typing = action(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT), Mode::Input);
        assert_eq!(typing, Some(Action::Up));
    }

    #[test]
    fn in_a_text_input_letters_are_text_and_arrows_still_move() {
        assert_eq!(action(press('й'), Mode::Input), Some(Action::Type('й')));
        assert_eq!(action(press('q'), Mode::Input), Some(Action::Type('q')));
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action(esc, Mode::Input), Some(Action::Back));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c, Mode::Input), Some(Action::Quit));
    }
}
