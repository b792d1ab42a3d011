//! Each figure's name and definition in the reader's language: the dashboard shows them beside
//! the numbers and the CSV files carry them, from this one place.

use leptos_i18n::td_string;

use crate::domain::impact::Kpi;
use crate::i18n::Locale;

pub fn kpi_label(locale: Locale, kpi: Kpi) -> &'static str {
    match kpi {
        Kpi::DuosCreated => td_string!(locale, impact.kpi_duos_created),
        Kpi::DuosActive => td_string!(locale, impact.kpi_duos_active),
        Kpi::ActiveMentors => td_string!(locale, impact.kpi_active_mentors),
        Kpi::PositiveOutcomes => td_string!(locale, impact.kpi_positive),
        Kpi::JobWithin12Months => td_string!(locale, impact.kpi_job12),
        Kpi::MentorReturn => td_string!(locale, impact.kpi_return),
        Kpi::MedianWait => td_string!(locale, impact.kpi_wait),
        Kpi::MeetingRegularity => td_string!(locale, impact.kpi_regularity),
        Kpi::DimensionChange => td_string!(locale, impact.kpi_dimensions),
        Kpi::EarlyStops => td_string!(locale, impact.kpi_early_stops),
    }
}

pub fn kpi_definition(locale: Locale, kpi: Kpi) -> &'static str {
    match kpi {
        Kpi::DuosCreated => td_string!(locale, impact.def_duos_created),
        Kpi::DuosActive => td_string!(locale, impact.def_duos_active),
        Kpi::ActiveMentors => td_string!(locale, impact.def_active_mentors),
        Kpi::PositiveOutcomes => td_string!(locale, impact.def_positive),
        Kpi::JobWithin12Months => td_string!(locale, impact.def_job12),
        Kpi::MentorReturn => td_string!(locale, impact.def_return),
        Kpi::MedianWait => td_string!(locale, impact.def_wait),
        Kpi::MeetingRegularity => td_string!(locale, impact.def_regularity),
        Kpi::DimensionChange => td_string!(locale, impact.def_dimensions),
        Kpi::EarlyStops => td_string!(locale, impact.def_early_stops),
    }
}
