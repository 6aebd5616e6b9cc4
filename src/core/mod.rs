//! The pure core: case model, case file text, request splitting and (later)
//! calendars, catalogues, rules and the letter composer. Nothing here touches
//! files, the clock or the GUI; functions that need "today" take it as an argument.

pub mod calendar;
pub mod case;
pub mod case_file;
pub mod catalogue;
pub mod document;
pub mod learn;
pub mod paragraphs;
pub mod provisions;
pub mod rules;
pub mod scenarios;
pub mod splitter;
pub mod synthetic;
pub mod text;
