//! `server create-user`: makes an account from the command line. Admins use
//! it to create the first admin of a fresh installation; the browser tests
//! use it so that every test has users of its own.
//!
//! `--role mentor` also creates the mentor record (available, in the first
//! `--city`, speaking the language of their `--locale` natively, so the
//! matching engine can pair them), since mentors sign in by e-mailed link
//! rather than password. An admin creates a mentor this way for someone who
//! signed the programme's paper form, so their consent to take part is
//! recorded as given on paper.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use app::db::entities::{
    cities, languages, mentor_languages, mentor_status_changes, mentors, postcodes, user_cities,
    users,
};
use app::domain::consent::{ConsentChannel, ConsentPurpose};
use app::domain::email::Email;
use app::domain::locale::Locale;
use app::domain::mentor::MentorStatus;
use app::domain::password::Password;
use app::domain::person::PersonName;
use app::domain::reference::LanguageLevel;
use app::domain::role::Role;
use app::platform::consent;
use app::platform::database::begin_write;
use app::platform::passwords::{hash_password, refuse_common};

use crate::config::Config;
use crate::startup::{BoxError, open_database};

#[derive(Debug, Default)]
struct Options {
    email: Option<String>,
    name: Option<String>,
    role: Option<String>,
    password: Option<String>,
    locale: Option<String>,
    cities: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, BoxError> {
    let mut options = Options::default();
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let value = iter
            .next()
            .ok_or_else(|| format!("{flag} needs a value"))?
            .clone();
        match flag.as_str() {
            "--email" => options.email = Some(value),
            "--name" => options.name = Some(value),
            "--role" => options.role = Some(value),
            "--password" => options.password = Some(value),
            "--locale" => options.locale = Some(value),
            "--city" => options.cities.push(value),
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    Ok(options)
}

pub const USAGE: &str = "server create-user --email E --name N --role admin|manager|coordinator|mentor \
[--password P (staff)] [--city SLUG ...] [--locale fr|nl|en]";

pub async fn run(config: &Config, args: &[String]) -> Result<(), BoxError> {
    let options = parse(args)?;
    let email = Email::parse(options.email.as_deref().unwrap_or_default())
        .map_err(|e| format!("--email: {e}"))?;
    let name = PersonName::parse(options.name.as_deref().unwrap_or_default())
        .map_err(|e| format!("--name: {e}"))?;
    let role = options
        .role
        .as_deref()
        .and_then(Role::parse)
        .ok_or("--role: unknown role")?;
    let locale = options
        .locale
        .as_deref()
        .map_or(Some(Locale::En), Locale::parse)
        .ok_or("--locale: fr, nl or en")?;
    let password_hash = match (role, options.password) {
        (Role::Mentor, None) => None,
        (Role::Mentor, Some(_)) => {
            return Err("mentors sign in by e-mailed link, not by password".into());
        }
        (_, Some(password)) => {
            let password = Password::parse(&password)
                .and_then(|p| refuse_common(&p).map(|()| p))
                .map_err(|e| format!("--password: {e}"))?;
            Some(
                hash_password(password.expose().to_owned())
                    .await
                    .map_err(|e| format!("{e}"))?,
            )
        }
        (_, None) => return Err("--password is required for staff".into()),
    };

    let db = open_database(config).await?;
    let mut city_ids = Vec::new();
    for slug in &options.cities {
        let city = cities::Entity::find()
            .filter(cities::Column::Slug.eq(slug.as_str()))
            .one(&db)
            .await?
            .ok_or_else(|| {
                format!("--city: no city {slug:?} (load the reference data with `server seed`)")
            })?;
        city_ids.push(city.id);
    }
    if role == Role::Mentor && city_ids.is_empty() {
        return Err("--city is required for a mentor".into());
    }

    let tx = begin_write(&db).await?;
    let now = Utc::now();
    let user = users::ActiveModel {
        email: Set(email.as_str().to_owned()),
        display_name: Set(name.as_str().to_owned()),
        role: Set(role.as_str().to_owned()),
        locale: Set(locale.as_str().to_owned()),
        password_hash: Set(password_hash),
        disabled_at: Set(None),
        created_at: Set(now),
        last_sign_in_at: Set(None),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    let mut mentor_id = None;
    if role == Role::Mentor {
        let (first, last) = name
            .as_str()
            .split_once(' ')
            .unwrap_or((name.as_str(), "-"));
        let postcode = postcodes::Entity::find()
            .filter(postcodes::Column::CityId.eq(city_ids[0]))
            .one(&tx)
            .await?
            .map_or(1000, |p| p.code);
        let mentor = mentors::ActiveModel {
            user_id: Set(Some(user.id)),
            first_name: Set(first.to_owned()),
            last_name: Set(last.to_owned()),
            email: Set(email.as_str().to_owned()),
            phone: Set(None),
            birth_year: Set(1960),
            postcode: Set(postcode),
            city_id: Set(city_ids[0]),
            locale: Set(locale.as_str().to_owned()),
            status: Set(MentorStatus::Available.as_str().to_owned()),
            status_reason: Set(None),
            status_changed_at: Set(now),
            motivation: Set(None),
            heard_from: Set(None),
            completed_duos: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            // Staff vouch for the address they typed.
            email_confirmed_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        let spoken = languages::Entity::find()
            .filter(languages::Column::Code.eq(locale.as_str()))
            .one(&tx)
            .await?;
        if let Some(language) = spoken {
            mentor_languages::ActiveModel {
                mentor_id: Set(mentor.id),
                language_id: Set(language.id),
                level: Set(LanguageLevel::Native.as_str().to_owned()),
            }
            .insert(&tx)
            .await?;
        }
        mentor_status_changes::ActiveModel {
            mentor_id: Set(mentor.id),
            from_status: Set(None),
            to_status: Set(MentorStatus::Available.as_str().to_owned()),
            reason: Set(None),
            note: Set(Some("created with server create-user".into())),
            changed_by: Set(None),
            changed_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        let given = consent::Given {
            purpose: ConsentPurpose::Programme,
            channel: ConsentChannel::Paper,
            recorded_by: None,
            locale,
            at: now,
        };
        consent::record(&tx, consent::Subject::Mentor(mentor.id), given).await?;
        mentor_id = Some(mentor.id);
    } else {
        for city_id in &city_ids {
            user_cities::ActiveModel {
                user_id: Set(user.id),
                city_id: Set(*city_id),
            }
            .insert(&tx)
            .await?;
        }
    }
    tx.commit().await?;
    println!(
        "{}",
        serde_json::json!({ "user_id": user.id, "mentor_id": mentor_id, "email": email.as_str() })
    );
    Ok(())
}
