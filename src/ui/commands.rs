//! Every verb of the app, defined once with its label and shortcut. Menus,
//! the command palette and the keyboard all go through this list.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

/// A verb the user can invoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppCommand {
    /// Start a new case from a request.
    NewCase,
    /// Open a case file.
    OpenCase,
    /// Save the case.
    Save,
    /// Save the case under a new name.
    SaveAs,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Export the letter.
    Export,
    /// Go to the previous step.
    PreviousStep,
    /// Go to the next step.
    NextStep,
    /// Open the command palette.
    Palette,
    /// Show or hide the letter preview.
    TogglePreview,
    /// Go to the checks.
    Review,
    /// Open settings.
    Settings,
    /// Switch trainer mode on or off.
    TrainerMode,
    /// Close the case and go back to the start screen.
    CloseCase,
}

impl AppCommand {
    /// Every command, in menu order.
    pub const ALL: [AppCommand; 15] = [
        AppCommand::NewCase,
        AppCommand::OpenCase,
        AppCommand::Save,
        AppCommand::SaveAs,
        AppCommand::Export,
        AppCommand::CloseCase,
        AppCommand::Undo,
        AppCommand::Redo,
        AppCommand::PreviousStep,
        AppCommand::NextStep,
        AppCommand::Review,
        AppCommand::TogglePreview,
        AppCommand::Palette,
        AppCommand::Settings,
        AppCommand::TrainerMode,
    ];

    /// The label in menus and the palette.
    pub fn label(self) -> &'static str {
        match self {
            AppCommand::NewCase => "New case…",
            AppCommand::OpenCase => "Open case…",
            AppCommand::Save => "Save",
            AppCommand::SaveAs => "Save as…",
            AppCommand::Undo => "Undo",
            AppCommand::Redo => "Redo",
            AppCommand::Export => "Export letter…",
            AppCommand::PreviousStep => "Previous step",
            AppCommand::NextStep => "Next step",
            AppCommand::Palette => "Command palette…",
            AppCommand::TogglePreview => "Show or hide the letter preview",
            AppCommand::Review => "Check the case",
            AppCommand::Settings => "Settings…",
            AppCommand::TrainerMode => "Trainer mode",
            AppCommand::CloseCase => "Close case",
        }
    }

    /// The keyboard shortcuts (the first is shown in menus).
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        const CMD: Modifiers = Modifiers::COMMAND;
        const CMD_SHIFT: Modifiers = Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        };
        match self {
            AppCommand::NewCase => vec![KeyboardShortcut::new(CMD, Key::N)],
            AppCommand::OpenCase => vec![KeyboardShortcut::new(CMD, Key::O)],
            AppCommand::Save => vec![KeyboardShortcut::new(CMD, Key::S)],
            AppCommand::SaveAs => vec![KeyboardShortcut::new(CMD_SHIFT, Key::S)],
            AppCommand::Undo => vec![KeyboardShortcut::new(CMD, Key::Z)],
            AppCommand::Redo => vec![
                KeyboardShortcut::new(CMD, Key::Y),
                KeyboardShortcut::new(CMD_SHIFT, Key::Z),
            ],
            AppCommand::Export => vec![KeyboardShortcut::new(CMD, Key::E)],
            AppCommand::PreviousStep => vec![KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)],
            AppCommand::NextStep => vec![KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)],
            AppCommand::Palette => vec![KeyboardShortcut::new(CMD, Key::K)],
            AppCommand::TogglePreview => vec![KeyboardShortcut::new(CMD, Key::P)],
            AppCommand::Review => vec![KeyboardShortcut::new(CMD, Key::R)],
            AppCommand::Settings => vec![KeyboardShortcut::new(CMD, Key::Comma)],
            AppCommand::TrainerMode => vec![KeyboardShortcut::new(CMD_SHIFT, Key::T)],
            AppCommand::CloseCase => vec![KeyboardShortcut::new(CMD, Key::W)],
        }
    }

    /// True when the command makes sense only with a case open.
    pub fn needs_case(self) -> bool {
        !matches!(
            self,
            AppCommand::NewCase
                | AppCommand::OpenCase
                | AppCommand::Palette
                | AppCommand::Settings
                | AppCommand::TrainerMode
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = Vec::new();
        for command in AppCommand::ALL {
            for shortcut in command.shortcuts() {
                assert!(!seen.contains(&shortcut), "{command:?} reuses {shortcut:?}");
                seen.push(shortcut);
            }
        }
    }
}
