//! Which rows of each table are about one person. The links follow the register of columns
//! (`db::purposes`): a row is the person's when it names them (`mentor_id`, `mentee_id`), their
//! user account, one of their duos, or a meeting or goal of those duos. A duo's questionnaires
//! belong to whoever answered them, and its outcome to the mentee. The few tables that tie
//! a row to a person otherwise say so here, and the tables that cannot are listed with why.

use sea_orm::{ConnectionTrait, DbErr, Statement};

use crate::db::purposes::{REGISTER, Table};
use crate::features::people::types::PersonKind;

/// Personal tables whose rows cannot be tied to one person, and why.
pub const UNLINKED: &[(&str, &str)] = &[
    (
        "application_drafts",
        "A half-filled public form, found only by the secret link of whoever filled it; it expires \
         within days.",
    ),
    (
        "rate_limits",
        "Counters of requests under hashed keys, kept for one time window.",
    ),
];

/// Columns left out of an export: secrets that would let someone act as the person.
pub const WITHHELD: &[(&str, &str)] = &[
    ("users", "password_hash"),
    ("sessions", "id"),
    ("magic_links", "token_hash"),
    ("mentors", "confirm_token_hash"),
];

fn has(table: &Table, column: &str) -> bool {
    table.columns.iter().any(|(name, _)| *name == column)
}

/// A condition on `t`, a row of `table`, that holds for the rows about the person whose id is
/// bound as `$1`; `None` when the table holds nothing about a person of this kind.
pub fn condition(kind: PersonKind, table: &Table) -> Option<String> {
    // The person's own table, and the column by which other tables name them.
    let (people, audit_kind) = (kind.as_str(), kind.singular());
    let person_column = format!("{audit_kind}_id");
    let duos = format!("SELECT d.id FROM duos d WHERE d.{person_column} = $1");
    // Only mentors sign in: a mentee has no user account, nor rows tied to one.
    let user = match kind {
        PersonKind::Mentors => Some("(SELECT p.user_id FROM mentors p WHERE p.id = $1)"),
        PersonKind::Mentees => None,
    };
    let condition = match table.name {
        name if name == people => "t.id = $1".to_owned(),
        "mentors" | "mentees" => return None,
        "users" => format!("t.id = {}", user?),
        "audit_log" => {
            let mut about = format!(
                "(t.subject_kind = '{audit_kind}' AND t.subject_id = $1) \
                 OR (t.subject_kind = 'duo' AND t.subject_id IN ({duos}))"
            );
            if let Some(user) = user {
                about.push_str(&format!(" OR t.actor_user_id = {user}"));
            }
            about
        }
        "outbox" => {
            let mut addresses = format!("SELECT p.email FROM {people} p WHERE p.id = $1");
            if let Some(user) = user {
                addresses.push_str(&format!(
                    " UNION SELECT u.email FROM users u WHERE u.id = {user}"
                ));
            }
            format!("t.to_address IN ({addresses})")
        }
        "meeting_topics" => {
            format!("t.meeting_id IN (SELECT m.id FROM meetings m WHERE m.duo_id IN ({duos}))")
        }
        "goal_steps" => {
            format!("t.goal_id IN (SELECT g.id FROM goals g WHERE g.duo_id IN ({duos}))")
        }
        // Each side answers its own questionnaires.
        "evaluations" => format!("t.duo_id IN ({duos}) AND t.respondent = '{audit_kind}'"),
        // The outcome is what the mentee reached, and told: theirs, not their mentor's.
        "closures" | "follow_ups" => match kind {
            PersonKind::Mentees => format!("t.duo_id IN ({duos})"),
            PersonKind::Mentors => return None,
        },
        _ if has(table, &person_column) => format!("t.{person_column} = $1"),
        // A row about the other side of a duo is theirs, not this person's.
        _ if has(table, "mentor_id") || has(table, "mentee_id") => return None,
        _ if has(table, "duo_id") => format!("t.duo_id IN ({duos})"),
        _ if has(table, "user_id") => format!("t.user_id = {}", user?),
        _ => return None,
    };
    Some(condition)
}

/// The personal tables and their conditions for a person of `kind`, in the register's order.
pub fn tables(kind: PersonKind) -> impl Iterator<Item = (&'static Table, String)> {
    REGISTER
        .iter()
        .filter(|t| t.personal)
        .filter_map(move |t| condition(kind, t).map(|c| (t, c)))
}

/// The columns of `table` an export shows.
pub fn shown_columns(table: &Table) -> impl Iterator<Item = &'static str> + '_ {
    table
        .columns
        .iter()
        .map(|(name, _)| *name)
        .filter(move |name| !WITHHELD.contains(&(table.name, name)))
}

/// The person's city, which decides which coordinators reach them; `None` when there is no
/// such person.
pub async fn city_of(
    conn: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
) -> Result<Option<i32>, DbErr> {
    let statement = Statement::from_sql_and_values(
        conn.get_database_backend(),
        format!("SELECT city_id FROM {} WHERE id = $1", kind.as_str()),
        [id.into()],
    );
    match conn.query_one_raw(statement).await? {
        Some(row) => Ok(Some(row.try_get::<i32>("", "city_id")?)),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every personal table is linked for mentors or mentees, or listed as unlinked.
    #[test]
    fn every_personal_table_is_accounted_for() {
        for table in REGISTER.iter().filter(|t| t.personal) {
            let linked = [PersonKind::Mentors, PersonKind::Mentees]
                .into_iter()
                .any(|kind| condition(kind, table).is_some());
            let unlinked = UNLINKED.iter().any(|(name, _)| *name == table.name);
            assert!(
                linked != unlinked,
                "{}: linked {linked}, unlinked {unlinked}",
                table.name
            );
        }
    }

    #[test]
    fn withheld_columns_exist() {
        for (table, column) in WITHHELD {
            let entry = crate::db::purposes::table(table).expect("table in the register");
            assert!(has(entry, column), "{table}.{column}");
        }
    }

    #[test]
    fn a_mentee_outcome_is_not_their_mentor_s() {
        for name in ["closures", "follow_ups"] {
            let table = crate::db::purposes::table(name).expect("table");
            assert_eq!(condition(PersonKind::Mentors, table), None, "{name}");
            assert!(condition(PersonKind::Mentees, table).is_some(), "{name}");
        }
        let evaluations = crate::db::purposes::table("evaluations").expect("table");
        let mentor = condition(PersonKind::Mentors, evaluations).expect("linked");
        assert!(mentor.ends_with("AND t.respondent = 'mentor'"), "{mentor}");
    }

    #[test]
    fn a_mentor_row_of_a_mentee_table_is_not_theirs() {
        let languages = crate::db::purposes::table("mentee_languages").expect("table");
        assert_eq!(condition(PersonKind::Mentors, languages), None);
        let duos = crate::db::purposes::table("duos").expect("table");
        assert_eq!(
            condition(PersonKind::Mentees, duos).as_deref(),
            Some("t.mentee_id = $1")
        );
    }
}
