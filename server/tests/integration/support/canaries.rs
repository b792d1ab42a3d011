//! A mentor and a mentee in a duo with a row in every personal table that can be tied to them,
//! each row carrying a recognisable value: the canaries of the export and erasure tests. Every
//! value about the person is marked `canary-{tag}-`; values that are not about anyone (a
//! consent text's version, the audit log's wording) are not, since erasure keeps them. A second
//! pair, in the same city, holds the same shape of data and must never show in the first's.

#![allow(dead_code)] // the export test reads some of it, the erasure test the rest

use app::db::entities::duos;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement,
};

/// One value to find: this table has a row whose column holds it.
#[derive(Debug, Clone)]
pub struct Canary {
    pub table: &'static str,
    pub column: &'static str,
    pub value: String,
}

/// The ids of one pair and the canaries of each side.
pub struct Pair {
    pub user: i32,
    pub mentor: i32,
    pub mentee: i32,
    pub mentor_canaries: Vec<Canary>,
    pub mentee_canaries: Vec<Canary>,
}

impl Pair {
    /// Ends the pair's duo on 2026-09-10, with the outcome the fixture recorded for it.
    pub async fn close_duo(&self, db: &DatabaseConnection) {
        duos::Entity::update_many()
            .col_expr(duos::Column::Status, Expr::value("closed"))
            .col_expr(
                duos::Column::EndedOn,
                Expr::value(chrono::NaiveDate::from_ymd_opt(2026, 9, 10)),
            )
            .filter(duos::Column::MentorId.eq(self.mentor))
            .exec(db)
            .await
            .expect("close the duo");
    }
}

async fn run(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{sql}"));
}

async fn id(db: &DatabaseConnection, sql: &str) -> i32 {
    let statement = Statement::from_string(db.get_database_backend(), sql.to_owned());
    let row = db
        .query_one_raw(statement)
        .await
        .expect(sql)
        .unwrap_or_else(|| panic!("no row: {sql}"));
    let id: i64 = row
        .try_get_by_index::<i64>(0)
        .or_else(|_| row.try_get_by_index::<i32>(0).map(i64::from))
        .expect("an id");
    i32::try_from(id).expect("id fits")
}

fn canary(table: &'static str, column: &'static str, value: impl ToString) -> Canary {
    Canary {
        table,
        column,
        value: value.to_string(),
    }
}

/// Reference rows both pairs use: a city, a sector, a language, a staff user, a training
/// session, a peer session and a referral link. Returns the city's id.
pub async fn reference(db: &DatabaseConnection) -> i32 {
    let sql = [
        "INSERT INTO cities (slug, name_fr, name_nl, name_en) VALUES ('canary-city', 'C', 'C', 'C')",
        "INSERT INTO sectors (slug, name_fr, name_nl, name_en) VALUES ('canary-sector', 'S', 'S', 'S')",
        "INSERT INTO languages (code, name_fr, name_nl, name_en) VALUES ('cy', 'L', 'L', 'L')",
        "INSERT INTO users (email, display_name, role, locale, created_at) \
         VALUES ('staff@example.org', 'Staff', 'coordinator', 'fr', '2026-01-01 09:00:00+00:00')",
        "INSERT INTO training_sessions (city_id, title, starts_at, location, capacity) \
         SELECT id, 'Training', '2026-02-01 09:00:00+00:00', 'Hall', 10 FROM cities \
         WHERE slug = 'canary-city'",
        "INSERT INTO peer_sessions (city_id, held_on, topic) \
         SELECT id, '2026-05-01', 'Peers' FROM cities WHERE slug = 'canary-city'",
        "INSERT INTO referral_links (city_id, partner_name, token_hash, created_at, expires_at) \
         SELECT id, 'Partner', 'link-hash', '2026-01-01 09:00:00+00:00', \
         '2027-01-01 09:00:00+00:00' FROM cities WHERE slug = 'canary-city'",
    ];
    for statement in sql {
        run(db, statement).await;
    }
    id(db, "SELECT id FROM cities WHERE slug = 'canary-city'").await
}

/// One pair, its values marked with `tag` ("a", "b"); `reference` must have run.
pub async fn pair(db: &DatabaseConnection, tag: &str) -> Pair {
    let t = tag;
    let city = "(SELECT id FROM cities WHERE slug = 'canary-city')";
    let staff = "(SELECT id FROM users WHERE email = 'staff@example.org')";
    let ts = "'2026-03-01 10:00:00+00:00'";
    run(
        db,
        &format!(
            "INSERT INTO users (email, display_name, role, locale, password_hash, created_at) \
             VALUES ('canary-{t}-user@example.org', 'canary-{t}-display', 'mentor', 'nl', \
             'canary-{t}-password-hash', {ts})"
        ),
    )
    .await;
    let user = id(
        db,
        &format!("SELECT id FROM users WHERE email = 'canary-{t}-user@example.org'"),
    )
    .await;
    run(
        db,
        &format!(
            "INSERT INTO mentors (first_name, last_name, phone, birth_year, postcode, city_id, \
             locale, status, status_changed_at, user_id, email, motivation, heard_from, \
             completed_duos, created_at, updated_at) \
             VALUES ('canary-{t}-mentor-first', 'canary-{t}-mentor-last', 'canary-{t}-mentor-phone', \
             1961, 1000, {city}, 'nl', 'in_duo', {ts}, {user}, 'canary-{t}-mentor@example.org', \
             'canary-{t}-motivation', 'press', 0, {ts}, {ts})"
        ),
    )
    .await;
    let mentor = id(
        db,
        &format!("SELECT id FROM mentors WHERE email = 'canary-{t}-mentor@example.org'"),
    )
    .await;
    run(
        db,
        &format!(
            "INSERT INTO mentees (first_name, last_name, phone, birth_year, postcode, city_id, \
             locale, status, status_changed_at, email, education_level, goal, referred_by, \
             migrant_background, created_by, created_at, updated_at) \
             VALUES ('canary-{t}-mentee-first', 'canary-{t}-mentee-last', 'canary-{t}-mentee-phone', \
             2001, 1000, {city}, 'fr', 'in_duo', {ts}, 'canary-{t}-mentee@example.org', 'master', \
             'canary-{t}-goal', 'canary-{t}-referrer', TRUE, {staff}, {ts}, {ts})"
        ),
    )
    .await;
    let mentee = id(
        db,
        &format!("SELECT id FROM mentees WHERE email = 'canary-{t}-mentee@example.org'"),
    )
    .await;
    run(
        db,
        &format!(
            "INSERT INTO duos (mentor_id, mentee_id, city_id, status, reason_note, match_score, \
             proposed_by, proposed_at, started_on, planned_end_on, status_changed_at, created_at) \
             VALUES ({mentor}, {mentee}, {city}, 'active', 'canary-{t}-duo-note', 77, {staff}, {ts}, \
             '2026-03-10', '2026-09-10', {ts}, {ts})"
        ),
    )
    .await;
    let duo = id(
        db,
        &format!("SELECT id FROM duos WHERE mentor_id = {mentor}"),
    )
    .await;
    let rows = [
        format!(
            "INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at, user_agent) \
             VALUES ('canary-{t}-session-secret', {user}, {ts}, {ts}, {ts}, 'canary-{t}-agent')"
        ),
        format!(
            "INSERT INTO magic_links (token_hash, user_id, created_at, expires_at) \
             VALUES ('canary-{t}-link-secret', {user}, {ts}, {ts})"
        ),
        format!("INSERT INTO user_cities (user_id, city_id) VALUES ({user}, {city})"),
        format!(
            "INSERT INTO consents (mentor_id, purpose, text_version, text_hash, channel, given_at) \
             VALUES ({mentor}, 'programme', 'privacy-2026', 'h', 'web_form', {ts})"
        ),
        format!(
            "INSERT INTO consents (mentee_id, purpose, text_version, text_hash, channel, \
             recorded_by, given_at) \
             VALUES ({mentee}, 'special_category', 'privacy-2026', 'h', 'paper', {staff}, \
             {ts})"
        ),
        format!(
            "INSERT INTO audit_log (actor_user_id, action, subject_kind, subject_id, detail, at) \
             VALUES ({staff}, 'read', 'mentor', {mentor}, 'audit-mentor', {ts})"
        ),
        format!(
            "INSERT INTO audit_log (actor_user_id, action, subject_kind, subject_id, detail, at) \
             VALUES ({staff}, 'read', 'mentee', {mentee}, 'audit-mentee', {ts})"
        ),
        format!(
            "INSERT INTO audit_log (actor_user_id, action, subject_kind, subject_id, detail, at) \
             VALUES ({staff}, 'change', 'duo', {duo}, 'audit-duo', {ts})"
        ),
        format!(
            "INSERT INTO audit_log (actor_user_id, action, subject_kind, subject_id, detail, at) \
             VALUES ({user}, 'sign_in', 'user', {user}, 'audit-self', {ts})"
        ),
        format!(
            "INSERT INTO availability_slots (mentor_id, weekday, day_part) VALUES ({mentor}, 2, 'evening')"
        ),
        format!(
            "INSERT INTO availability_slots (mentee_id, weekday, day_part) VALUES ({mentee}, 3, 'morning')"
        ),
        format!(
            "INSERT INTO mentor_languages (mentor_id, language_id, level) \
             SELECT {mentor}, id, 'native' FROM languages WHERE code = 'cy'"
        ),
        format!(
            "INSERT INTO mentee_languages (mentee_id, language_id, level) \
             SELECT {mentee}, id, 'basic' FROM languages WHERE code = 'cy'"
        ),
        format!(
            "INSERT INTO mentor_sectors (mentor_id, sector_id, years_experience) \
             SELECT {mentor}, id, 37 FROM sectors WHERE slug = 'canary-sector'"
        ),
        format!(
            "INSERT INTO mentee_sectors (mentee_id, sector_id) \
             SELECT {mentee}, id FROM sectors WHERE slug = 'canary-sector'"
        ),
        format!(
            "INSERT INTO mentee_musts (mentee_id, within_km, updated_by, updated_at) \
             VALUES ({mentee}, 43, {staff}, {ts})"
        ),
        format!(
            "INSERT INTO mentee_referrals (mentee_id, referral_link_id) \
             SELECT {mentee}, id FROM referral_links WHERE token_hash = 'link-hash'"
        ),
        format!(
            "INSERT INTO mentor_status_changes (mentor_id, to_status, note, changed_at) \
             VALUES ({mentor}, 'in_duo', 'canary-{t}-mentor-status', {ts})"
        ),
        format!(
            "INSERT INTO mentee_status_changes (mentee_id, to_status, note, changed_at) \
             VALUES ({mentee}, 'in_duo', 'canary-{t}-mentee-status', {ts})"
        ),
        format!(
            "INSERT INTO intake_interviews (mentor_id, scheduled_at, place, notes) \
             VALUES ({mentor}, {ts}, 'canary-{t}-mentor-intake-place', 'canary-{t}-mentor-intake')"
        ),
        format!(
            "INSERT INTO intake_interviews (mentee_id, scheduled_at, notes) \
             VALUES ({mentee}, {ts}, 'canary-{t}-mentee-intake')"
        ),
        format!(
            "INSERT INTO training_attendance (training_session_id, mentor_id) \
             SELECT id, {mentor} FROM training_sessions WHERE title = 'Training'"
        ),
        format!(
            "INSERT INTO peer_attendance (peer_session_id, mentor_id) \
             SELECT id, {mentor} FROM peer_sessions WHERE topic = 'Peers'"
        ),
        format!(
            "INSERT INTO duo_status_changes (duo_id, to_status, note, changed_at) \
             VALUES ({duo}, 'active', 'canary-{t}-duo-status', {ts})"
        ),
        format!(
            "INSERT INTO duo_introductions (duo_id, scheduled_at, place, created_at) \
             VALUES ({duo}, {ts}, 'canary-{t}-introduction-place', {ts})"
        ),
        format!(
            "INSERT INTO duo_agreements (duo_id, version, created_at) \
             VALUES ({duo}, 'agreement-2026', {ts})"
        ),
        format!(
            "INSERT INTO meetings (duo_id, held_on, duration_minutes, note, next_steps, \
             created_at, updated_at) \
             VALUES ({duo}, '2026-03-17', 95, 'canary-{t}-meeting-note', 'canary-{t}-next-steps', \
             {ts}, {ts})"
        ),
        format!(
            "INSERT INTO meeting_topics (meeting_id, topic) \
             SELECT id, 'sector_codes' FROM meetings WHERE duo_id = {duo}"
        ),
        format!(
            "INSERT INTO coordinator_contacts (duo_id, coordinator_id, contacted_on, kind, note, \
             created_at) \
             VALUES ({duo}, {staff}, '2026-04-01', 'phone', 'canary-{t}-contact', {ts})"
        ),
        format!(
            "INSERT INTO goals (duo_id, title, created_at) VALUES ({duo}, 'canary-{t}-goal-title', {ts})"
        ),
        format!(
            "INSERT INTO goal_steps (goal_id, title) \
             SELECT id, 'canary-{t}-step' FROM goals WHERE duo_id = {duo}"
        ),
        format!(
            "INSERT INTO evaluations (duo_id, kind, respondent, self_confidence, career_plan, \
             job_search_tools, language, network, comment, completed_at) \
             VALUES ({duo}, 'start', 'mentee', 1, 2, 3, 4, 5, 'canary-{t}-evaluation', {ts})"
        ),
        format!(
            "INSERT INTO evaluations (duo_id, kind, respondent, self_confidence, career_plan, \
             job_search_tools, language, network, satisfaction, comment, completed_at) \
             VALUES ({duo}, 'mid', 'mentor', 3, 3, 3, 3, 3, 4, 'canary-{t}-mentor-evaluation', {ts})"
        ),
        format!(
            "INSERT INTO closures (duo_id, outcome, closed_on, note) \
             VALUES ({duo}, 'training', '2026-09-10', 'canary-{t}-closure')"
        ),
        format!("INSERT INTO follow_ups (duo_id, month, due_on) VALUES ({duo}, 6, '2027-03-10')"),
        format!(
            "INSERT INTO mentor_returns (mentor_id, duo_id, invite_on, created_at) \
             VALUES ({mentor}, {duo}, '2026-10-10', {ts})"
        ),
        format!(
            "INSERT INTO match_events (city_id, action, mentor_id, mentee_id, score, done_by, done_at) \
             VALUES ({city}, 'proposed', {mentor}, {mentee}, 61, {staff}, {ts})"
        ),
        format!(
            "INSERT INTO outbox (kind, to_address, to_name, locale, subject, body_text, status, \
             next_attempt_at, created_at) \
             VALUES ('welcome', 'canary-{t}-mentor@example.org', 'canary-{t}-mentor-to', 'nl', \
             'canary-{t}-mentor-subject', 'canary-{t}-mentor-body', 'sent', {ts}, {ts})"
        ),
        format!(
            "INSERT INTO outbox (kind, to_address, locale, subject, body_text, status, \
             next_attempt_at, created_at) \
             VALUES ('sign_in', 'canary-{t}-user@example.org', 'nl', 'canary-{t}-user-subject', \
             'canary-{t}-user-body', 'sent', {ts}, {ts})"
        ),
        format!(
            "INSERT INTO outbox (kind, to_address, locale, subject, body_text, status, \
             next_attempt_at, created_at) \
             VALUES ('welcome', 'canary-{t}-mentee@example.org', 'fr', \
             'canary-{t}-mentee-subject', 'canary-{t}-mentee-body', 'sent', {ts}, {ts})"
        ),
    ];
    for statement in rows {
        run(db, &statement).await;
    }
    run(
        db,
        &format!(
            "INSERT INTO match_bans (mentor_id, mentee_id, note, created_at) \
             VALUES ({mentor}, {mentee}, 'canary-{t}-ban', {ts})"
        ),
    )
    .await;
    run(
        db,
        &format!(
            "INSERT INTO match_locks (mentor_id, mentee_id, city_id, created_at) \
             VALUES ({mentor}, {mentee}, {city}, {ts})"
        ),
    )
    .await;

    let text = |table, column, what: &str| canary(table, column, format!("canary-{t}-{what}"));
    // The duo's rows belong to both sides.
    let duo_canaries = || {
        vec![
            canary("duos", "match_score", 77),
            text("duos", "reason_note", "duo-note"),
            text("duo_status_changes", "note", "duo-status"),
            text("duo_introductions", "place", "introduction-place"),
            canary("duo_agreements", "version", "agreement-2026"),
            text("meetings", "note", "meeting-note"),
            canary("meetings", "duration_minutes", 95),
            canary("meeting_topics", "topic", "sector_codes"),
            text("coordinator_contacts", "note", "contact"),
            text("goals", "title", "goal-title"),
            text("goal_steps", "title", "step"),
            canary("match_events", "score", 61),
            text("match_bans", "note", "ban"),
            canary("audit_log", "detail", "audit-duo"),
        ]
    };
    let mut mentor_canaries = duo_canaries();
    mentor_canaries.extend([
        text("users", "display_name", "display"),
        text("sessions", "user_agent", "agent"),
        canary("magic_links", "user_id", user),
        canary("user_cities", "user_id", user),
        text("mentors", "first_name", "mentor-first"),
        text("mentors", "phone", "mentor-phone"),
        text("mentors", "motivation", "motivation"),
        canary("mentors", "heard_from", "press"),
        canary("consents", "mentor_id", mentor),
        canary("audit_log", "detail", "audit-mentor"),
        canary("audit_log", "detail", "audit-self"),
        canary("availability_slots", "day_part", "evening"),
        canary("mentor_languages", "level", "native"),
        canary("mentor_sectors", "years_experience", 37),
        text("mentor_status_changes", "note", "mentor-status"),
        text("evaluations", "comment", "mentor-evaluation"),
        text("intake_interviews", "notes", "mentor-intake"),
        canary("training_attendance", "mentor_id", mentor),
        canary("peer_attendance", "mentor_id", mentor),
        canary("mentor_returns", "invite_on", "2026-10-10"),
        canary("match_locks", "mentee_id", mentee),
        text("outbox", "body_text", "mentor-body"),
        text("outbox", "body_text", "user-body"),
    ]);
    let mut mentee_canaries = duo_canaries();
    mentee_canaries.extend([
        text("mentees", "first_name", "mentee-first"),
        text("mentees", "phone", "mentee-phone"),
        text("mentees", "goal", "goal"),
        text("mentees", "referred_by", "referrer"),
        canary("consents", "mentee_id", mentee),
        canary("audit_log", "detail", "audit-mentee"),
        canary("availability_slots", "day_part", "morning"),
        canary("mentee_languages", "level", "basic"),
        canary("mentee_sectors", "mentee_id", mentee),
        canary("mentee_musts", "within_km", 43),
        canary("match_locks", "mentor_id", mentor),
        canary("mentee_referrals", "mentee_id", mentee),
        text("mentee_status_changes", "note", "mentee-status"),
        text("evaluations", "comment", "evaluation"),
        text("closures", "note", "closure"),
        canary("follow_ups", "due_on", "2027-03-10"),
        text("intake_interviews", "notes", "mentee-intake"),
        text("outbox", "body_text", "mentee-body"),
    ]);
    Pair {
        user,
        mentor,
        mentee,
        mentor_canaries,
        mentee_canaries,
    }
}
