//! Erasure (GDPR Art. 17), as anonymisation: the person's rows are found through the same links
//! as their export (`subject`), and each personal table says what becomes of them.
//!
//! - Rows that served only the running programme go (sign-in, matching, screening, mail).
//! - Rows the programme's figures count stay, with every value that names or describes the
//!   person overwritten: names, contacts, free text. Ids, statuses, dates, scores and outcomes
//!   stay, so the impact figures do not move.
//! - The audit log stays as it is: it is append-only, and holds ids and actions, never values.
//!
//! Erasure waits until the person's duo has ended, and the person leaves the programme with it.
//! Admins erase on request; the retention job (`retention`) erases those inactive for too long.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};

use super::consents::{in_open_duo, leave};
use super::subject;
use crate::error::{AppError, ConflictCode};
use crate::features::people::types::PersonKind;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

/// What erasure does to the person's rows of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// The rows go: they served the running programme only.
    Delete,
    /// The rows stay for the programme's figures; each of these columns takes the value of an
    /// SQL expression over the row `t` (`$2` is the moment of erasure).
    Overwrite(&'static [(&'static str, &'static str)]),
    /// The person's own row: the columns every person has (`PERSON`) and these are
    /// overwritten.
    Person(&'static [(&'static str, &'static str)]),
    /// The rows stay unchanged, for the reason given.
    Keep(&'static str),
}

/// What a required text column becomes.
const GONE: &str = "'—'";
const NULL: &str = "NULL";

const PERSON: &[(&str, &str)] = &[
    ("first_name", GONE),
    ("last_name", GONE),
    ("phone", NULL),
    // The age band and the district are all the statistics need.
    ("birth_year", "t.birth_year - t.birth_year % 5"),
    ("postcode", "t.postcode / 100 * 100"),
    ("anonymised_at", "$2"),
    ("updated_at", "$2"),
];

const NOTE: &[(&str, &str)] = &[("note", NULL)];

/// Each personal table a person can have rows in, in the order erasure treats them: a row is
/// found through the person's own row, so that row is overwritten last.
pub const RULES: &[(&str, Treatment)] = &[
    ("sessions", Treatment::Delete),
    ("magic_links", Treatment::Delete),
    ("user_cities", Treatment::Delete),
    ("consents", Treatment::Delete),
    (
        "audit_log",
        Treatment::Keep(
            "Append-only accountability (Art. 5(2)); its entries name people by id only, and the \
             ids lead to anonymous rows.",
        ),
    ),
    ("availability_slots", Treatment::Delete),
    ("mentor_languages", Treatment::Delete),
    ("mentee_languages", Treatment::Delete),
    ("mentor_sectors", Treatment::Delete),
    ("mentee_sectors", Treatment::Delete),
    ("mentee_musts", Treatment::Delete),
    ("mentee_referrals", Treatment::Delete),
    ("mentor_status_changes", Treatment::Overwrite(NOTE)),
    ("mentee_status_changes", Treatment::Overwrite(NOTE)),
    ("intake_interviews", Treatment::Delete),
    ("training_attendance", Treatment::Delete),
    ("peer_attendance", Treatment::Delete),
    ("duos", Treatment::Overwrite(&[("reason_note", NULL)])),
    ("duo_status_changes", Treatment::Overwrite(NOTE)),
    (
        "duo_introductions",
        Treatment::Overwrite(&[("place", GONE)]),
    ),
    (
        "duo_agreements",
        Treatment::Keep("The agreement's version and the days it was signed."),
    ),
    (
        "meetings",
        Treatment::Overwrite(&[("note", NULL), ("next_steps", NULL)]),
    ),
    (
        "meeting_topics",
        Treatment::Keep("Topics from a fixed list, for meeting statistics."),
    ),
    ("coordinator_contacts", Treatment::Overwrite(NOTE)),
    // Steps first: they belong to goals.
    ("goal_steps", Treatment::Delete),
    ("goals", Treatment::Delete),
    ("evaluations", Treatment::Overwrite(&[("comment", NULL)])),
    ("closures", Treatment::Overwrite(NOTE)),
    (
        "follow_ups",
        Treatment::Keep("Outcomes and their days, for the impact figures; no free text."),
    ),
    ("mentor_returns", Treatment::Delete),
    ("match_bans", Treatment::Delete),
    ("match_locks", Treatment::Delete),
    (
        "match_events",
        Treatment::Keep("The board's history: ids, actions and scores, no values."),
    ),
    ("outbox", Treatment::Delete),
    (
        "users",
        Treatment::Overwrite(&[
            (
                "email",
                "'anonymised-user-' || CAST(t.id AS TEXT) || '@invalid'",
            ),
            ("display_name", GONE),
            ("password_hash", NULL),
            ("disabled_at", "COALESCE(t.disabled_at, $2)"),
        ]),
    ),
    (
        "mentors",
        Treatment::Person(&[
            (
                "email",
                "'anonymised-mentor-' || CAST(t.id AS TEXT) || '@invalid'",
            ),
            ("motivation", NULL),
            ("confirm_token_hash", NULL),
        ]),
    ),
    (
        "mentees",
        Treatment::Person(&[
            ("email", NULL),
            ("goal", NULL),
            ("referred_by", NULL),
            ("migrant_background", NULL),
        ]),
    ),
];

/// What erasure does to `table`; `None` for a table without a rule.
pub fn treatment(table: &str) -> Option<Treatment> {
    RULES
        .iter()
        .find(|(name, _)| *name == table)
        .map(|(_, t)| *t)
}

/// The statement that applies `treatment` to the person's rows of `table`, found by
/// `condition`; `None` for rows that stay as they are.
fn statement_for(table: &str, treatment: Treatment, condition: &str) -> Option<String> {
    let columns: Vec<_> = match treatment {
        Treatment::Delete => return Some(format!("DELETE FROM {table} AS t WHERE {condition}")),
        Treatment::Keep(_) => return None,
        Treatment::Overwrite(columns) => columns.iter().collect(),
        Treatment::Person(columns) => PERSON.iter().chain(columns).collect(),
    };
    let set = columns
        .iter()
        .map(|(column, value)| format!("{column} = {value}"))
        .collect::<Vec<_>>()
        .join(", ");
    Some(format!("UPDATE {table} AS t SET {set} WHERE {condition}"))
}

/// Marks the person anonymous, unless they already are: the first step, so that two erasures
/// of one person (an admin's and the retention job's, or two instances' jobs) cannot both run.
/// On PostgreSQL the second waits on the row and then finds it taken.
async fn claim(
    conn: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let claimed = conn
        .execute_raw(Statement::from_sql_and_values(
            conn.get_database_backend(),
            format!(
                "UPDATE {} SET anonymised_at = $2 WHERE id = $1 AND anonymised_at IS NULL",
                kind.as_str()
            ),
            [id.into(), now.into()],
        ))
        .await
        .map_err(db_internal("claim the person"))?;
    if claimed.rows_affected() == 1 {
        return Ok(());
    }
    let exists = subject::city_of(conn, kind, id)
        .await
        .map_err(db_internal("person to anonymise"))?
        .is_some();
    Err(if exists {
        AppError::Conflict(ConflictCode::Anonymised)
    } else {
        AppError::NotFound
    })
}

/// Anonymises one person inside the caller's transaction: they leave the programme, and every
/// personal table is treated by its rule. Refused while their duo is open, and for someone
/// already anonymous; the caller then drops the transaction, and nothing has changed. `by` is
/// the user who asked; `None` for the retention job.
pub async fn anonymise(
    conn: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    claim(conn, kind, id, now).await?;
    if in_open_duo(conn, kind, id).await? {
        return Err(AppError::Conflict(ConflictCode::InOpenDuo));
    }
    leave(conn, kind, id, by).await?;
    let backend = conn.get_database_backend();
    for (name, treatment) in RULES {
        let Some(table) = crate::db::purposes::table(name) else {
            continue;
        };
        let Some(condition) = subject::condition(kind, table) else {
            continue;
        };
        let Some(sql) = statement_for(name, *treatment, &condition) else {
            continue;
        };
        let mut values: Vec<Value> = vec![id.into()];
        if sql.contains("$2") {
            values.push(now.into());
        }
        conn.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await
            .map_err(db_internal("anonymise"))?;
    }
    Ok(())
}

/// An admin erases one person on request, all or nothing, and the audit log says who and when.
pub async fn erase(
    db: &DatabaseConnection,
    by: i32,
    kind: PersonKind,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin erasure"))?;
    anonymise(&tx, kind, id, Some(by), now).await?;
    audit::record(&tx, Some(by), "erase", kind.singular(), Some(id))
        .await
        .map_err(db_internal("audit erasure"))?;
    tx.commit().await.map_err(db_internal("commit erasure"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::purposes::{REGISTER, table};

    /// The columns `treatment` overwrites.
    fn overwritten(treatment: Treatment) -> Vec<&'static str> {
        match treatment {
            Treatment::Overwrite(columns) => columns.iter().map(|(c, _)| *c).collect(),
            Treatment::Person(columns) => PERSON.iter().chain(columns).map(|(c, _)| *c).collect(),
            Treatment::Delete | Treatment::Keep(_) => Vec::new(),
        }
    }

    /// Every table that can hold a row about a person has a rule, and every rule is about such a
    /// table.
    #[test]
    fn every_linked_table_has_a_rule() {
        for t in REGISTER.iter().filter(|t| t.personal) {
            let linked = [PersonKind::Mentors, PersonKind::Mentees]
                .into_iter()
                .any(|kind| subject::condition(kind, t).is_some());
            assert_eq!(linked, treatment(t.name).is_some(), "{}", t.name);
        }
        for (name, _) in RULES {
            assert!(table(name).is_some_and(|t| t.personal), "{name}");
        }
    }

    #[test]
    fn overwritten_columns_exist() {
        for (name, treatment) in RULES {
            let entry = table(name).expect("in the register");
            for column in overwritten(*treatment) {
                assert!(entry.purpose_of(column).is_some(), "{name}.{column}");
            }
        }
    }

    /// Goal steps go before their goals, and the person's own rows, through which the others
    /// are found, last.
    #[test]
    fn rows_are_treated_before_what_finds_them() {
        let position = |name: &str| RULES.iter().position(|(n, _)| *n == name);
        assert!(position("goal_steps") < position("goals"));
        let last: Vec<&str> = RULES[RULES.len() - 3..].iter().map(|(n, _)| *n).collect();
        assert_eq!(last, ["users", "mentors", "mentees"]);
    }

    #[test]
    fn statements() {
        assert_eq!(
            statement_for("sessions", Treatment::Delete, "t.user_id = 1").as_deref(),
            Some("DELETE FROM sessions AS t WHERE t.user_id = 1")
        );
        assert_eq!(
            statement_for("meetings", treatment("meetings").unwrap(), "c").as_deref(),
            Some("UPDATE meetings AS t SET note = NULL, next_steps = NULL WHERE c")
        );
        assert_eq!(
            statement_for("audit_log", treatment("audit_log").unwrap(), "c"),
            None
        );
    }
}
