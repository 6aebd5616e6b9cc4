//! Everything needed to check and compose a case's letter, loaded once.

use jiff::civil::Date;

use super::settings::LoadedProfile;
use crate::core::calendar::{HolidayCalendar, case_dates};
use crate::core::case::Case;
use crate::core::catalogue::Catalogues;
use crate::core::document::{ComposeInput, Document, compose};
use crate::core::paragraphs::Library;
use crate::core::rules::inference::Vocabulary;
use crate::core::rules::lint::{LintInput, lint_letter};
use crate::core::rules::public_record::PublicRecord;
use crate::core::rules::{Assessment, Context, Stage, assess};

/// Holidays, paragraph library and authority profile, as loaded for a session.
#[derive(Debug, Clone)]
pub struct LetterSetup {
    /// Bank holidays (bundled, with any newer GOV.UK file over them).
    pub holidays: HolidayCalendar,
    /// The paragraph library (bundled, with any team folder over it).
    pub library: Library,
    /// The authority profile and logo.
    pub profile: LoadedProfile,
    /// The words the NCND check reads with (bundled, with a team's synonyms).
    pub ncnd_words: Vocabulary,
    /// The public record of official confirmations (bundled, with the team's).
    pub public_record: PublicRecord,
}

impl LetterSetup {
    /// The bundled data and a blank profile.
    pub fn bundled() -> LetterSetup {
        LetterSetup {
            holidays: HolidayCalendar::bundled(),
            library: Library::bundled().clone(),
            profile: LoadedProfile::default(),
            ncnd_words: Vocabulary::bundled().clone(),
            public_record: PublicRecord::bundled().clone(),
        }
    }

    /// Checks a case and the letter it makes (dated its response date, else today).
    pub fn assess(&self, case: &Case, today: Date, stage: Stage) -> Assessment {
        self.check(case, today, stage).0
    }

    /// Checks a case, composes its letter (dated its response date, else
    /// today) and lints the letter; returns the findings of both and the letter.
    pub fn check(&self, case: &Case, today: Date, stage: Stage) -> (Assessment, Document) {
        self.check_letter(case, today, case.responded_on.unwrap_or(today), stage)
    }

    /// As [`LetterSetup::check`], for a letter dated `letter_date`.
    pub fn check_letter(
        &self,
        case: &Case,
        today: Date,
        letter_date: Date,
        stage: Stage,
    ) -> (Assessment, Document) {
        let mut assessment = self.assess_case(case, today, Some(letter_date), stage);
        let document = self.compose(case, letter_date, false);
        let lint = lint_letter(
            &document,
            &LintInput {
                case,
                library: &self.library,
                authority: &self.profile.profile.name,
                stage,
                profile_found: self.profile.found,
            },
        );
        assessment.findings.extend(lint);
        assessment
            .findings
            .sort_by_key(|f| (f.place.sort_key(), f.severity));
        (assessment, document)
    }

    /// Everything that must be clean before a letter dated `letter_date` is
    /// sent: the case, the letter lint and the NCND leak check (which composes
    /// the letter as if the information were held, not held and unknown).
    /// `check` and a final export both use it, so export refuses whatever
    /// check blocks.
    pub fn final_check(
        &self,
        case: &Case,
        today: Date,
        letter_date: Date,
        stage: Stage,
    ) -> Assessment {
        let (mut assessment, _) = self.check_letter(case, today, letter_date, stage);
        assessment
            .findings
            .extend(crate::session::leak::leak_check(case, self, letter_date).findings);
        assessment
            .findings
            .sort_by_key(|f| (f.place.sort_key(), f.severity));
        assessment
    }

    /// Checks the case alone, without composing its letter.
    pub fn assess_case(
        &self,
        case: &Case,
        today: Date,
        letter_date: Option<Date>,
        stage: Stage,
    ) -> Assessment {
        let context = Context {
            catalogues: Catalogues::bundled(),
            holidays: &self.holidays,
            today,
            letter_date,
            stage,
            cost_limit_hours: Some(if self.profile.profile.central_government {
                24.0
            } else {
                18.0
            }),
            inference: &self.ncnd_words,
            public_record: &self.public_record,
        };
        assess(case, &context)
    }

    /// Composes a case's letter dated `letter_date`.
    pub fn compose(&self, case: &Case, letter_date: Date, draft: bool) -> Document {
        let dates = case_dates(&self.holidays, case).ok();
        compose(ComposeInput {
            case,
            catalogue: Catalogues::bundled().get(case.regime),
            library: &self.library,
            profile: &self.profile.profile,
            dates: dates.as_ref(),
            holidays: &self.holidays,
            letter_date,
            draft,
        })
    }
}
