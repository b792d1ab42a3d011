//! Consent records: the privacy notice a person was shown, its hash as proof, and the row that
//! says who agreed to what, when, and through which channel.

use chrono::{DateTime, Utc};
use leptos_i18n::td_string;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use sha2::{Digest, Sha256};

use crate::db::entities::consents;
use crate::domain::consent::{ConsentChannel, ConsentPurpose, PRIVACY_NOTICE_VERSION};
use crate::domain::locale::Locale;
use crate::i18n::Locale as UiLocale;

/// The privacy notice as shown at `/privacy`, in one language.
pub fn privacy_notice_text(locale: Locale) -> String {
    let ui = UiLocale::from(locale);
    [
        td_string!(ui, privacy.title).to_string(),
        td_string!(ui, privacy.who).to_string(),
        td_string!(ui, privacy.what).to_string(),
        td_string!(ui, privacy.why).to_string(),
        td_string!(ui, privacy.how_long).to_string(),
        td_string!(ui, privacy.rights).to_string(),
    ]
    .join("\n\n")
}

/// SHA-256 of the notice text in `locale`, kept with each consent as proof of what was shown.
pub fn privacy_notice_hash(locale: Locale) -> String {
    hex::encode(Sha256::digest(privacy_notice_text(locale).as_bytes()))
}

/// Whose consent it is.
#[derive(Debug, Clone, Copy)]
pub enum Subject {
    Mentor(i32),
    Mentee(i32),
}

/// How a consent was collected.
pub struct Given {
    pub purpose: ConsentPurpose,
    pub channel: ConsentChannel,
    /// The staff member who recorded a consent given to them.
    pub recorded_by: Option<i32>,
    /// The language of the notice the person was shown.
    pub locale: Locale,
    pub at: DateTime<Utc>,
}

pub async fn record(
    conn: &impl ConnectionTrait,
    subject: Subject,
    given: Given,
) -> Result<(), DbErr> {
    let (mentor_id, mentee_id) = match subject {
        Subject::Mentor(id) => (Some(id), None),
        Subject::Mentee(id) => (None, Some(id)),
    };
    consents::ActiveModel {
        mentor_id: Set(mentor_id),
        mentee_id: Set(mentee_id),
        user_id: Set(None),
        purpose: Set(given.purpose.as_str().to_owned()),
        text_version: Set(PRIVACY_NOTICE_VERSION.to_owned()),
        text_hash: Set(privacy_notice_hash(given.locale)),
        channel: Set(given.channel.as_str().to_owned()),
        recorded_by: Set(given.recorded_by),
        given_at: Set(given.at),
        withdrawn_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map(|_| ())
}
