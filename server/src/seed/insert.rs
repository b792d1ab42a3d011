//! Writing the planned rows: ids chosen up front (after whatever the tables
//! already hold) so that rows can point at each other without a round trip,
//! multi-row INSERTs in batches, and PostgreSQL identity sequences moved past
//! the ids used so that the application's own inserts never collide.

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QuerySelect};

use app::db::entities::{
    availability_slots, closures, consents, coordinator_contacts, duo_agreements,
    duo_status_changes, duos, evaluations, follow_ups, goal_steps, goals, intake_interviews,
    meeting_topics, meetings, mentee_languages, mentee_sectors, mentee_status_changes, mentees,
    mentor_languages, mentor_sectors, mentor_status_changes, mentors, peer_attendance,
    peer_sessions, training_attendance, training_sessions, user_cities, users,
};

/// Rows per INSERT: no table has more than 21 columns, so a batch stays well
/// under SQLite's 32,766 and PostgreSQL's 65,535 bind parameters.
const BATCH: usize = 500;

/// The first id the seed may use in each table it numbers itself.
#[derive(Clone, Copy)]
pub struct Ids {
    pub user: i32,
    pub mentor: i32,
    pub mentee: i32,
    pub duo: i32,
    pub meeting: i32,
    pub goal: i32,
    pub training: i32,
    pub peer: i32,
}

/// The tables whose ids the seed chooses, for the sequence reset.
const NUMBERED: [&str; 8] = [
    "users",
    "mentors",
    "mentees",
    "duos",
    "meetings",
    "goals",
    "training_sessions",
    "peer_sessions",
];

async fn next_id<E: EntityTrait>(conn: &impl ConnectionTrait) -> Result<i32, DbErr> {
    let max: Option<Option<i32>> = E::find()
        .select_only()
        .expr_as(Expr::cust("MAX(id)"), "max_id")
        .into_tuple()
        .one(conn)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

impl Ids {
    pub async fn next_free(conn: &impl ConnectionTrait) -> Result<Ids, DbErr> {
        Ok(Ids {
            user: next_id::<users::Entity>(conn).await?,
            mentor: next_id::<mentors::Entity>(conn).await?,
            mentee: next_id::<mentees::Entity>(conn).await?,
            duo: next_id::<duos::Entity>(conn).await?,
            meeting: next_id::<meetings::Entity>(conn).await?,
            goal: next_id::<goals::Entity>(conn).await?,
            training: next_id::<training_sessions::Entity>(conn).await?,
            peer: next_id::<peer_sessions::Entity>(conn).await?,
        })
    }
}

/// Every row of the demo, table by table.
#[derive(Default)]
pub struct Rows {
    pub users: Vec<users::ActiveModel>,
    pub user_cities: Vec<user_cities::ActiveModel>,
    pub mentors: Vec<mentors::ActiveModel>,
    pub mentees: Vec<mentees::ActiveModel>,
    pub mentor_sectors: Vec<mentor_sectors::ActiveModel>,
    pub mentor_languages: Vec<mentor_languages::ActiveModel>,
    pub mentee_sectors: Vec<mentee_sectors::ActiveModel>,
    pub mentee_languages: Vec<mentee_languages::ActiveModel>,
    pub slots: Vec<availability_slots::ActiveModel>,
    pub mentor_changes: Vec<mentor_status_changes::ActiveModel>,
    pub mentee_changes: Vec<mentee_status_changes::ActiveModel>,
    pub intakes: Vec<intake_interviews::ActiveModel>,
    pub trainings: Vec<training_sessions::ActiveModel>,
    pub training_attendance: Vec<training_attendance::ActiveModel>,
    pub consents: Vec<consents::ActiveModel>,
    pub duos: Vec<duos::ActiveModel>,
    pub duo_changes: Vec<duo_status_changes::ActiveModel>,
    pub agreements: Vec<duo_agreements::ActiveModel>,
    pub meetings: Vec<meetings::ActiveModel>,
    pub topics: Vec<meeting_topics::ActiveModel>,
    pub goals: Vec<goals::ActiveModel>,
    pub steps: Vec<goal_steps::ActiveModel>,
    pub contacts: Vec<coordinator_contacts::ActiveModel>,
    pub peer_sessions: Vec<peer_sessions::ActiveModel>,
    pub peer_attendance: Vec<peer_attendance::ActiveModel>,
    pub evaluations: Vec<evaluations::ActiveModel>,
    pub closures: Vec<closures::ActiveModel>,
    pub follow_ups: Vec<follow_ups::ActiveModel>,
}

/// Inserts `rows` in batches; nothing is sent for an empty list.
pub async fn insert_all<A>(conn: &impl ConnectionTrait, rows: Vec<A>) -> Result<(), DbErr>
where
    A: ActiveModelTrait,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(BATCH).collect();
        A::Entity::insert_many(batch)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

impl Rows {
    /// Writes every table, parents before children.
    pub async fn insert(self, conn: &impl ConnectionTrait) -> Result<(), DbErr> {
        insert_all(conn, self.users).await?;
        insert_all(conn, self.user_cities).await?;
        insert_all(conn, self.mentors).await?;
        insert_all(conn, self.mentees).await?;
        insert_all(conn, self.mentor_sectors).await?;
        insert_all(conn, self.mentor_languages).await?;
        insert_all(conn, self.mentee_sectors).await?;
        insert_all(conn, self.mentee_languages).await?;
        insert_all(conn, self.slots).await?;
        insert_all(conn, self.mentor_changes).await?;
        insert_all(conn, self.mentee_changes).await?;
        insert_all(conn, self.intakes).await?;
        insert_all(conn, self.trainings).await?;
        insert_all(conn, self.training_attendance).await?;
        insert_all(conn, self.consents).await?;
        insert_all(conn, self.duos).await?;
        insert_all(conn, self.duo_changes).await?;
        insert_all(conn, self.agreements).await?;
        insert_all(conn, self.meetings).await?;
        insert_all(conn, self.topics).await?;
        insert_all(conn, self.goals).await?;
        insert_all(conn, self.steps).await?;
        insert_all(conn, self.contacts).await?;
        insert_all(conn, self.peer_sessions).await?;
        insert_all(conn, self.peer_attendance).await?;
        insert_all(conn, self.evaluations).await?;
        insert_all(conn, self.closures).await?;
        insert_all(conn, self.follow_ups).await?;
        restart_sequences(conn).await
    }
}

/// On PostgreSQL an explicit id does not advance the identity sequence; move
/// each one past the highest id. SQLite derives the next rowid from the data.
async fn restart_sequences(conn: &impl ConnectionTrait) -> Result<(), DbErr> {
    if conn.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for table in NUMBERED {
        conn.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))
        .await?;
    }
    Ok(())
}
