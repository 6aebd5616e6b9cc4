//! foi-drafter: drafts Freedom of Information responses and refusal notices.
//!
//! Layers, each depending only on those after it:
//! `ui` (egui, behind the `gui` feature) → `session` (open case, files) →
//! `export` (documents) → `core` (pure model and law).

pub mod cli;
pub mod core;
pub mod export;
pub mod session;
#[cfg(feature = "gui")]
pub mod ui;
