//! Every entity writes and reads back one full row on both backends, with its
//! optional columns set: the entities and the migrations describe the same
//! tables, and chrono dates, instants and booleans survive the trip.

use crate::support::db::on_both_backends;
use crate::support::fixtures::{at, day, migrate};
use crate::support::rows::{insert_auto, insert_keyed};
use app::db::entities::*;
use sea_orm::DatabaseConnection;

on_both_backends!(people_tables_round_trip, duo_and_platform_tables_round_trip);

fn text(s: &str) -> String {
    s.to_owned()
}

async fn people_tables_round_trip(db: DatabaseConnection) {
    let db = &db;
    migrate(db).await;
    let city = insert_auto!(
        db,
        cities {
            slug: text("liege"),
            name_fr: text("Liège"),
            name_nl: text("Luik"),
            name_en: text("Liège")
        }
    );
    let care = insert_auto!(
        db,
        sectors {
            slug: text("care"),
            name_fr: text("Soins"),
            name_nl: text("Zorg"),
            name_en: text("Care")
        }
    );
    let health = insert_auto!(
        db,
        sectors {
            slug: text("health"),
            name_fr: text("Santé"),
            name_nl: text("Gezondheid"),
            name_en: text("Health")
        }
    );
    insert_keyed!(
        db,
        sector_relations {
            sector_id: care.id,
            related_sector_id: health.id
        }
    );
    let french = insert_auto!(
        db,
        languages {
            code: text("fr"),
            name_fr: text("français"),
            name_nl: text("Frans"),
            name_en: text("French")
        }
    );
    insert_keyed!(
        db,
        postcodes {
            code: 4000,
            city_id: city.id,
            name: text("Liège"),
            latitude: 50.6326,
            longitude: 5.5797
        }
    );

    let user = insert_auto!(
        db,
        users {
            email: text("coord@example.org"),
            display_name: text("Coord"),
            role: text("coordinator"),
            locale: text("fr"),
            password_hash: Some(text("$argon2id$…")),
            disabled_at: Some(at(20, 8)),
            created_at: at(1, 8),
            last_sign_in_at: Some(at(2, 8)),
        }
    );
    insert_keyed!(
        db,
        user_cities {
            user_id: user.id,
            city_id: city.id
        }
    );
    insert_keyed!(
        db,
        sessions {
            id: text("a3f1"),
            user_id: user.id,
            created_at: at(2, 8),
            expires_at: at(9, 8),
            last_seen_at: at(2, 9),
            user_agent: Some(text("Firefox")),
        }
    );
    insert_keyed!(
        db,
        magic_links {
            token_hash: text("b4e2"),
            user_id: user.id,
            created_at: at(2, 8),
            expires_at: at(2, 9),
            used_at: Some(at(2, 8)),
        }
    );

    let mentor = insert_auto!(
        db,
        mentors {
            user_id: Some(user.id),
            first_name: text("Marc"),
            last_name: text("Dupont"),
            email: text("marc@example.org"),
            phone: Some(text("+32 470 00 00 00")),
            birth_year: 1961,
            postcode: 4000,
            city_id: city.id,
            locale: text("fr"),
            status: text("paused"),
            status_reason: Some(text("health")),
            status_changed_at: at(3, 10),
            motivation: Some(text("Give back")),
            heard_from: Some(text("radio")),
            completed_duos: 2,
            created_at: at(1, 10),
            updated_at: at(3, 10),
            anonymised_at: None,
            email_confirmed_at: Some(at(1, 11)),
            confirm_token_hash: Some(text("confirm-hash")),
        }
    );
    let mentee = insert_auto!(
        db,
        mentees {
            first_name: text("Amina"),
            last_name: text("B."),
            email: Some(text("amina@example.org")),
            phone: Some(text("+32 471 00 00 00")),
            birth_year: 2001,
            postcode: 4000,
            city_id: city.id,
            locale: text("en"),
            status: text("withdrawn"),
            status_reason: Some(text("moved")),
            status_changed_at: at(4, 10),
            waiting_since: Some(day(10, 1)),
            education_level: text("bachelor"),
            goal: Some(text("Nurse")),
            referred_by: Some(text("Actiris")),
            migrant_background: Some(true),
            created_by: Some(user.id),
            created_at: at(1, 10),
            updated_at: at(4, 10),
            anonymised_at: Some(at(5, 10)),
        }
    );

    insert_keyed!(
        db,
        mentor_sectors {
            mentor_id: mentor.id,
            sector_id: care.id,
            years_experience: 30
        }
    );
    insert_keyed!(
        db,
        mentor_languages {
            mentor_id: mentor.id,
            language_id: french.id,
            level: text("native")
        }
    );
    insert_keyed!(
        db,
        mentee_sectors {
            mentee_id: mentee.id,
            sector_id: health.id
        }
    );
    insert_keyed!(
        db,
        mentee_languages {
            mentee_id: mentee.id,
            language_id: french.id,
            level: text("working")
        }
    );
    insert_auto!(
        db,
        availability_slots {
            mentor_id: Some(mentor.id),
            mentee_id: None,
            weekday: 0,
            day_part: text("morning")
        }
    );
    insert_auto!(
        db,
        availability_slots {
            mentor_id: None,
            mentee_id: Some(mentee.id),
            weekday: 6,
            day_part: text("evening")
        }
    );
    insert_auto!(
        db,
        mentor_status_changes {
            mentor_id: mentor.id,
            from_status: Some(text("available")),
            to_status: text("paused"),
            reason: Some(text("health")),
            note: Some(text("Back in spring")),
            changed_by: Some(user.id),
            changed_at: at(3, 10),
        }
    );
    insert_auto!(
        db,
        mentee_status_changes {
            mentee_id: mentee.id,
            from_status: None,
            to_status: text("registered"),
            reason: None,
            note: None,
            changed_by: None,
            changed_at: at(1, 10),
        }
    );
    insert_keyed!(
        db,
        match_bans {
            mentor_id: mentor.id,
            mentee_id: mentee.id,
            banned_by: Some(user.id),
            note: Some(text("Neighbours")),
            created_at: at(5, 10),
        }
    );

    insert_auto!(
        db,
        intake_interviews {
            mentor_id: Some(mentor.id),
            mentee_id: None,
            interviewer_id: Some(user.id),
            scheduled_at: at(2, 14),
            done_at: Some(at(2, 15)),
            motivation_score: Some(5),
            communication_score: Some(4),
            availability_score: Some(1),
            sector_knowledge_score: Some(3),
            place: Some(text("Rue Haute 12")),
            recommendation: Some(text("proceed")),
            notes: Some(text("Warm, patient")),
        }
    );
    let training = insert_auto!(
        db,
        training_sessions {
            city_id: city.id,
            title: text("Basics"),
            starts_at: at(10, 9),
            location: text("Rue X 1"),
            capacity: 12,
        }
    );
    insert_keyed!(
        db,
        training_attendance {
            training_session_id: training.id,
            mentor_id: mentor.id,
            attended: Some(false)
        }
    );
}

async fn duo_and_platform_tables_round_trip(db: DatabaseConnection) {
    let db = &db;
    migrate(db).await;
    let city = crate::support::fixtures::city(db, "antwerp").await;
    let mentor = crate::support::fixtures::mentor(db, city, 1).await;
    let mentee = crate::support::fixtures::mentee(db, city, 1).await;
    let user = insert_auto!(
        db,
        users {
            email: text("mentor@example.org"),
            display_name: text("Marc"),
            role: text("mentor"),
            locale: text("nl"),
            password_hash: None,
            disabled_at: None,
            created_at: at(1, 8),
            last_sign_in_at: None,
        }
    );

    let duo = insert_auto!(
        db,
        duos {
            mentor_id: mentor,
            mentee_id: mentee,
            city_id: city,
            status: text("stopped_early"),
            reason_code: Some(text("mentee_found_work")),
            reason_note: Some(text("Hired!")),
            match_score: Some(87),
            proposed_by: Some(user.id),
            proposed_at: at(2, 10),
            introduced_at: Some(at(5, 10)),
            started_on: Some(day(6, 1)),
            planned_end_on: Some(day(12, 1)),
            ended_on: Some(day(11, 15)),
            status_changed_at: at(15, 10),
            created_at: at(2, 10),
        }
    );
    insert_auto!(
        db,
        duo_status_changes {
            duo_id: duo.id,
            from_status: Some(text("active")),
            to_status: text("stopped_early"),
            reason: Some(text("mentee_found_work")),
            note: None,
            changed_by: Some(user.id),
            changed_at: at(15, 10),
        }
    );
    insert_auto!(
        db,
        duo_agreements {
            duo_id: duo.id,
            version: text("2026-1"),
            mentor_signed_at: Some(at(6, 9)),
            mentee_signed_at: Some(at(6, 10)),
            created_at: at(5, 11),
        }
    );
    insert_keyed!(
        db,
        duo_introductions {
            duo_id: duo.id,
            scheduled_at: at(5, 10),
            place: text("Office"),
            scheduled_by: Some(user.id),
            mentor_answer: Some(text("accepted")),
            mentee_answer: Some(text("accepted")),
            answered_at: Some(at(5, 11)),
            created_at: at(4, 9),
        }
    );
    let meeting = insert_auto!(
        db,
        meetings {
            duo_id: duo.id,
            held_on: day(7, 3),
            duration_minutes: 120,
            note: Some(text("CV")),
            next_steps: Some(text("Send 3 applications")),
            logged_by: Some(user.id),
            idempotency_key: Some(text("0b8d-…")),
            created_at: at(7, 18),
            updated_at: at(7, 19),
        }
    );
    insert_keyed!(
        db,
        meeting_topics {
            meeting_id: meeting.id,
            topic: text("admin_social_help")
        }
    );
    let goal = insert_auto!(
        db,
        goals {
            duo_id: duo.id,
            title: text("Find a job in care"),
            target_on: Some(day(11, 30)),
            done_at: Some(at(15, 10)),
            position: 1,
            created_at: at(6, 10),
        }
    );
    insert_auto!(
        db,
        goal_steps {
            goal_id: goal.id,
            title: text("Update CV"),
            target_on: None,
            done_at: None,
            position: 0,
        }
    );
    insert_auto!(
        db,
        coordinator_contacts {
            duo_id: duo.id,
            coordinator_id: user.id,
            contacted_on: day(7, 10),
            kind: text("video"),
            person: text("mentee"),
            note: Some(text("All fine")),
            created_at: at(10, 12),
        }
    );
    let peer = insert_auto!(
        db,
        peer_sessions {
            city_id: city,
            held_on: day(9, 12),
            topic: text("Listening"),
            location: Some(text("Hub")),
        }
    );
    insert_keyed!(
        db,
        peer_attendance {
            peer_session_id: peer.id,
            mentor_id: mentor
        }
    );
    insert_auto!(
        db,
        evaluations {
            duo_id: duo.id,
            kind: text("end"),
            respondent: text("mentor"),
            self_confidence: 1,
            career_plan: 2,
            job_search_tools: 3,
            language: 4,
            network: 5,
            satisfaction: Some(5),
            comment: Some(text("Great duo")),
            completed_at: at(15, 11),
        }
    );
    insert_keyed!(
        db,
        closures {
            duo_id: duo.id,
            outcome: text("job"),
            contract_type: Some(text("fixed_term")),
            lasts_three_months: Some(true),
            self_reported: true,
            closed_by: Some(user.id),
            closed_on: day(11, 15),
            note: Some(text("Contract signed")),
        }
    );
    insert_auto!(
        db,
        follow_ups {
            duo_id: duo.id,
            month: 12,
            due_on: day(12, 15),
            done_on: Some(day(12, 20)),
            outcome: Some(text("unknown")),
            contract_type: None,
            lasts_three_months: None,
            self_reported: false,
        }
    );
    insert_auto!(
        db,
        mentor_returns {
            mentor_id: mentor,
            duo_id: duo.id,
            invite_on: day(12, 6),
            invited_at: Some(at(6, 12)),
            answer: Some(text("accepted")),
            answered_at: Some(at(8, 12)),
            created_at: at(15, 11),
        }
    );
    insert_keyed!(
        db,
        programme_settings {
            id: 1,
            return_pause_weeks: 4,
            retention_months: 36,
            updated_at: at(1, 7),
            updated_by: Some(user.id),
        }
    );
    insert_keyed!(
        db,
        matching_weights {
            city_id: city,
            sector: 30,
            availability: 20,
            distance: 10,
            language: 15,
            waiting: 10,
            experience: 5,
            intake: 100,
            updated_at: at(1, 7),
            updated_by: Some(user.id),
        }
    );

    insert_auto!(
        db,
        outbox {
            kind: text("magic_link"),
            to_address: text("mentor@example.org"),
            to_name: Some(text("Marc")),
            locale: text("nl"),
            subject: text("Aanmelden"),
            body_text: text("Klik…"),
            status: text("failed"),
            attempts: 5,
            next_attempt_at: at(2, 9),
            last_error: Some(text("550")),
            sent_at: None,
            created_at: at(2, 8),
            dedupe_key: Some(text("magic_link:1")),
            calendar: Some(text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")),
        }
    );
    insert_auto!(
        db,
        consents {
            mentor_id: None,
            mentee_id: Some(mentee),
            user_id: None,
            purpose: text("special_category"),
            text_version: text("v3"),
            text_hash: text("9f86d0"),
            channel: text("paper"),
            recorded_by: Some(user.id),
            given_at: at(1, 9),
            withdrawn_at: Some(at(20, 9)),
        }
    );
    insert_auto!(
        db,
        audit_log {
            actor_user_id: Some(user.id),
            action: text("read"),
            subject_kind: text("mentee"),
            subject_id: Some(mentee),
            detail: Some(text("profile")),
            at: at(3, 9),
            from_address: Some(text("192.0.2.7")),
        }
    );
    insert_keyed!(
        db,
        rate_limits {
            bucket: text("magic_link:ab"),
            window_started_at: at(2, 8),
            hits: 3
        }
    );
    insert_keyed!(
        db,
        job_leases {
            name: text("outbox"),
            holder: Some(text("host-1")),
            leased_until: Some(at(2, 8)),
            last_run_at: None,
        }
    );
}
