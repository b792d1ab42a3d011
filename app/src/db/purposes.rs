//! Why every column is stored: the one place that documents the purpose of each piece of data
//! the platform keeps (GDPR Art. 5(1)(b)–(c): purpose limitation and data minimisation).
//!
//! Each table says why its rows exist and whether a row is about an identifiable person; each
//! column either serves the table's purpose (`SAME`) or says its own. The integration test
//! `privacy::every_column_has_a_documented_purpose` reads the live schema and fails when a
//! column is missing here, or listed here but gone from the schema.

/// A column that serves its table's purpose, with nothing more to say.
pub const SAME: &str = "";

#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    /// Whether a row is about an identifiable person (directly or through a person's id).
    pub personal: bool,
    pub purpose: &'static str,
    /// Every column, with its purpose where it goes beyond the table's.
    pub columns: &'static [(&'static str, &'static str)],
}

impl Table {
    /// The purpose of `column`: its own, or its table's.
    pub fn purpose_of(&self, column: &str) -> Option<&'static str> {
        self.columns
            .iter()
            .find(|(name, _)| *name == column)
            .map(|(_, purpose)| {
                if purpose.is_empty() {
                    self.purpose
                } else {
                    purpose
                }
            })
    }
}

const PROGRAMME: &str = "Running the mentoring programme the person signed up for (contract / \
                         consent 'programme').";
const REFERENCE: &str = "Reference data of the programme; no personal data.";

pub const REGISTER: &[Table] = &[
    Table {
        name: "mentors",
        personal: true,
        purpose: PROGRAMME,
        columns: &[
            ("id", SAME),
            ("user_id", "Lets the mentor sign in with a link."),
            (
                "first_name",
                "Addressing the mentor; shown to their mentee and coordinator.",
            ),
            ("last_name", "Telling mentors apart for coordinators."),
            ("email", "Sign-in links and programme e-mails."),
            ("phone", "Coordinators reach the mentor about their duo."),
            (
                "birth_year",
                "Eligibility (mentors are 50 or over); no full birth date is kept.",
            ),
            (
                "postcode",
                "Distance to a mentee for matching; no street address is kept.",
            ),
            (
                "city_id",
                "Which city's coordinators look after the mentor.",
            ),
            ("locale", "The language of the pages and e-mails."),
            ("status", SAME),
            ("status_reason", SAME),
            ("status_changed_at", SAME),
            ("motivation", "Screening: why the person wants to mentor."),
            ("heard_from", "Recruitment statistics (anonymous counts)."),
            (
                "completed_duos",
                "Matching prefers experienced mentors for hard cases.",
            ),
            ("created_at", SAME),
            ("updated_at", SAME),
            ("anonymised_at", SAME),
            (
                "email_confirmed_at",
                "Proof the applicant owns the address; unconfirmed sign-ups are removed after 30 \
                 days.",
            ),
            (
                "confirm_token_hash",
                "A hash of the sign-up's confirmation link, never the link.",
            ),
        ],
    },
    Table {
        name: "mentees",
        personal: true,
        purpose: PROGRAMME,
        columns: &[
            ("id", SAME),
            (
                "first_name",
                "Addressing the mentee; shown to their mentor.",
            ),
            (
                "last_name",
                "Telling mentees apart for coordinators; never shown to mentors.",
            ),
            (
                "email",
                "Programme e-mails, when the mentee gives an address.",
            ),
            ("phone", "Coordinators reach the mentee."),
            (
                "birth_year",
                "Eligibility (18 to 33); no full birth date is kept.",
            ),
            (
                "postcode",
                "Distance to a mentor for matching; no street address is kept.",
            ),
            (
                "city_id",
                "Which city's coordinators look after the mentee.",
            ),
            ("locale", "The language of e-mails."),
            ("status", SAME),
            ("status_reason", SAME),
            ("status_changed_at", SAME),
            (
                "waiting_since",
                "Matching gives priority to those who waited longest.",
            ),
            ("education_level", "Matching and programme statistics."),
            ("goal", "The job goal the mentor helps with."),
            (
                "referred_by",
                "Which partner organisation referred the mentee.",
            ),
            (
                "migrant_background",
                "Special category (ethnic origin), only the eligibility yes or no: the programme \
                 is for young people with a migrant background. Legal basis: explicit consent \
                 (Art. 9(2)(a)), recorded as its own consent row. Visible only to coordinators \
                 of the mentee's city; never sent to mentors.",
            ),
            ("created_by", SAME),
            ("created_at", SAME),
            ("updated_at", SAME),
            ("anonymised_at", SAME),
        ],
    },
    Table {
        name: "users",
        personal: true,
        purpose: "Accounts of staff and mentors, to sign in and to know who did what.",
        columns: &[
            ("id", SAME),
            ("email", "Signing in."),
            (
                "display_name",
                "Shown to colleagues and in the audit log's readers.",
            ),
            ("role", SAME),
            ("locale", "The language of the pages."),
            (
                "password_hash",
                "Staff sign-in (argon2id; the password itself is never kept).",
            ),
            ("disabled_at", SAME),
            ("created_at", SAME),
            (
                "last_sign_in_at",
                "Security: spotting unused or misused accounts.",
            ),
        ],
    },
    Table {
        name: "user_cities",
        personal: true,
        purpose: "Which cities a coordinator works in: their access scope.",
        columns: &[("user_id", SAME), ("city_id", SAME)],
    },
    Table {
        name: "sessions",
        personal: true,
        purpose: "Keeping a user signed in; ended at sign-out, idle or absolute expiry.",
        columns: &[
            ("id", "A hash of the session token, never the token."),
            ("user_id", SAME),
            ("created_at", SAME),
            ("expires_at", SAME),
            ("last_seen_at", SAME),
            (
                "user_agent",
                "Shown to the user to recognise their own sessions.",
            ),
        ],
    },
    Table {
        name: "magic_links",
        personal: true,
        purpose: "Mentors' one-time sign-in links (15 minutes, single use).",
        columns: &[
            ("token_hash", SAME),
            ("user_id", SAME),
            ("created_at", SAME),
            ("expires_at", SAME),
            ("used_at", SAME),
        ],
    },
    Table {
        name: "consents",
        personal: true,
        purpose: "Proof of what each person agreed to, when, how, and when they withdrew \
                  (Art. 7(1)).",
        columns: &[
            ("id", SAME),
            ("mentor_id", SAME),
            ("mentee_id", SAME),
            ("user_id", SAME),
            ("purpose", SAME),
            ("text_version", SAME),
            ("text_hash", SAME),
            ("channel", SAME),
            ("recorded_by", SAME),
            ("given_at", SAME),
            ("withdrawn_at", SAME),
        ],
    },
    Table {
        name: "audit_log",
        personal: true,
        purpose: "Accountability (Art. 5(2)): who read or changed whose data, when and from where.",
        columns: &[
            ("id", SAME),
            ("actor_user_id", SAME),
            ("action", SAME),
            ("subject_kind", SAME),
            ("subject_id", SAME),
            (
                "detail",
                "What changed, without the personal values themselves.",
            ),
            ("at", SAME),
            (
                "from_address",
                "The client address, to trace misuse of an account.",
            ),
        ],
    },
    Table {
        name: "application_drafts",
        personal: true,
        purpose: "A refused application sent without JavaScript, kept a short while so the \
                  applicant does not type it again.",
        columns: &[
            ("token_hash", SAME),
            ("answers", SAME),
            ("outcome", SAME),
            ("created_at", SAME),
            ("expires_at", SAME),
        ],
    },
    Table {
        name: "availability_slots",
        personal: true,
        purpose: "Weekly availability, to match people who can meet.",
        columns: &[
            ("id", SAME),
            ("mentor_id", SAME),
            ("mentee_id", SAME),
            ("weekday", SAME),
            ("day_part", SAME),
        ],
    },
    Table {
        name: "mentor_languages",
        personal: true,
        purpose: "Languages spoken, to match on a shared working language.",
        columns: &[("mentor_id", SAME), ("language_id", SAME), ("level", SAME)],
    },
    Table {
        name: "mentee_languages",
        personal: true,
        purpose: "Languages spoken, to match on a shared working language.",
        columns: &[("mentee_id", SAME), ("language_id", SAME), ("level", SAME)],
    },
    Table {
        name: "mentor_sectors",
        personal: true,
        purpose: "The mentor's sectors and experience, to match on the mentee's goal.",
        columns: &[
            ("mentor_id", SAME),
            ("sector_id", SAME),
            ("years_experience", SAME),
        ],
    },
    Table {
        name: "mentee_sectors",
        personal: true,
        purpose: "The sectors the mentee aims for, to match.",
        columns: &[("mentee_id", SAME), ("sector_id", SAME)],
    },
    Table {
        name: "mentee_musts",
        personal: true,
        purpose: "Conditions a coordinator set for a mentee's match.",
        columns: &[
            ("mentee_id", SAME),
            ("same_sector", SAME),
            ("shared_slot", SAME),
            ("within_km", SAME),
            ("updated_by", SAME),
            ("updated_at", SAME),
        ],
    },
    Table {
        name: "mentee_referrals",
        personal: true,
        purpose: "Which partner's link registered a mentee.",
        columns: &[("mentee_id", SAME), ("referral_link_id", SAME)],
    },
    Table {
        name: "mentor_status_changes",
        personal: true,
        purpose: "The mentor's history in the programme, for coordinators and statistics.",
        columns: &[
            ("id", SAME),
            ("mentor_id", SAME),
            ("from_status", SAME),
            ("to_status", SAME),
            ("reason", SAME),
            ("note", SAME),
            ("changed_by", SAME),
            ("changed_at", SAME),
        ],
    },
    Table {
        name: "mentee_status_changes",
        personal: true,
        purpose: "The mentee's history in the programme, for coordinators and statistics \
                  (waiting time).",
        columns: &[
            ("id", SAME),
            ("mentee_id", SAME),
            ("from_status", SAME),
            ("to_status", SAME),
            ("reason", SAME),
            ("note", SAME),
            ("changed_by", SAME),
            ("changed_at", SAME),
        ],
    },
    Table {
        name: "intake_interviews",
        personal: true,
        purpose: "Screening: the intake interview and its assessment.",
        columns: &[
            ("id", SAME),
            ("mentor_id", SAME),
            ("mentee_id", SAME),
            ("interviewer_id", SAME),
            ("scheduled_at", SAME),
            ("done_at", SAME),
            ("place", SAME),
            ("motivation_score", SAME),
            ("communication_score", SAME),
            ("availability_score", SAME),
            ("sector_knowledge_score", SAME),
            ("recommendation", SAME),
            ("notes", SAME),
        ],
    },
    Table {
        name: "training_attendance",
        personal: true,
        purpose: "Screening: mentors follow a training before their first duo.",
        columns: &[
            ("training_session_id", SAME),
            ("mentor_id", SAME),
            ("attended", SAME),
        ],
    },
    Table {
        name: "peer_attendance",
        personal: true,
        purpose: "Support: who came to a peer-exchange session (two per duo expected).",
        columns: &[("peer_session_id", SAME), ("mentor_id", SAME)],
    },
    Table {
        name: "duos",
        personal: true,
        purpose: "The mentoring relationship itself, and the programme's statistics once \
                  anonymised.",
        columns: &[
            ("id", SAME),
            ("mentor_id", SAME),
            ("mentee_id", SAME),
            ("city_id", SAME),
            ("status", SAME),
            ("reason_code", SAME),
            ("reason_note", SAME),
            ("match_score", SAME),
            ("proposed_by", SAME),
            ("proposed_at", SAME),
            ("introduced_at", SAME),
            ("started_on", SAME),
            ("planned_end_on", SAME),
            ("ended_on", SAME),
            ("status_changed_at", SAME),
            ("created_at", SAME),
        ],
    },
    Table {
        name: "duo_status_changes",
        personal: true,
        purpose: "The duo's history, for coordinators.",
        columns: &[
            ("id", SAME),
            ("duo_id", SAME),
            ("from_status", SAME),
            ("to_status", SAME),
            ("reason", SAME),
            ("note", SAME),
            ("changed_by", SAME),
            ("changed_at", SAME),
        ],
    },
    Table {
        name: "duo_introductions",
        personal: true,
        purpose: "The introduction meeting and both answers.",
        columns: &[
            ("duo_id", SAME),
            ("scheduled_at", SAME),
            ("place", SAME),
            ("scheduled_by", SAME),
            ("mentor_answer", SAME),
            ("mentee_answer", SAME),
            ("answered_at", SAME),
            ("created_at", SAME),
        ],
    },
    Table {
        name: "duo_agreements",
        personal: true,
        purpose: "Proof that both signed the duo agreement, and its version.",
        columns: &[
            ("id", SAME),
            ("duo_id", SAME),
            ("version", SAME),
            ("mentor_signed_at", SAME),
            ("mentee_signed_at", SAME),
            ("created_at", SAME),
        ],
    },
    Table {
        name: "meetings",
        personal: true,
        purpose: "Monitoring: the duo's meetings, for its mentor and coordinator, and meeting \
                  regularity.",
        columns: &[
            ("id", SAME),
            ("duo_id", SAME),
            ("held_on", SAME),
            ("duration_minutes", SAME),
            ("note", SAME),
            ("next_steps", SAME),
            ("logged_by", SAME),
            (
                "idempotency_key",
                "Stores a log sent twice from a phone only once.",
            ),
            ("created_at", SAME),
            ("updated_at", SAME),
        ],
    },
    Table {
        name: "meeting_topics",
        personal: true,
        purpose: "What a meeting worked on.",
        columns: &[("meeting_id", SAME), ("topic", SAME)],
    },
    Table {
        name: "coordinator_contacts",
        personal: true,
        purpose: "Monitoring: the coordinator's check-ins with a duo.",
        columns: &[
            ("id", SAME),
            ("duo_id", SAME),
            ("coordinator_id", SAME),
            ("contacted_on", SAME),
            ("kind", SAME),
            ("person", SAME),
            ("note", SAME),
            ("created_at", SAME),
        ],
    },
    Table {
        name: "goals",
        personal: true,
        purpose: "The duo's action plan.",
        columns: &[
            ("id", SAME),
            ("duo_id", SAME),
            ("title", SAME),
            ("target_on", SAME),
            ("done_at", SAME),
            ("position", SAME),
            ("created_at", SAME),
        ],
    },
    Table {
        name: "goal_steps",
        personal: true,
        purpose: "The duo's action plan.",
        columns: &[
            ("id", SAME),
            ("goal_id", SAME),
            ("title", SAME),
            ("target_on", SAME),
            ("done_at", SAME),
            ("position", SAME),
        ],
    },
    Table {
        name: "evaluations",
        personal: true,
        purpose: "Self-assessments and the mentor's evaluation: the duo's progress, and the \
                  programme's impact once anonymised.",
        columns: &[
            ("id", SAME),
            ("duo_id", SAME),
            ("kind", SAME),
            ("respondent", SAME),
            ("self_confidence", SAME),
            ("career_plan", SAME),
            ("job_search_tools", SAME),
            ("language", SAME),
            ("network", SAME),
            ("satisfaction", SAME),
            ("comment", SAME),
            ("completed_at", SAME),
        ],
    },
    Table {
        name: "closures",
        personal: true,
        purpose: "The outcome the mentee reported at the end: the programme's impact once \
                  anonymised.",
        columns: &[
            ("duo_id", SAME),
            ("outcome", SAME),
            ("contract_type", SAME),
            ("lasts_three_months", SAME),
            ("self_reported", SAME),
            ("closed_by", SAME),
            ("closed_on", SAME),
            ("note", SAME),
        ],
    },
    Table {
        name: "follow_ups",
        personal: true,
        purpose: "The outcome at 3, 6 and 12 months: the programme's impact once anonymised.",
        columns: &[
            ("id", SAME),
            ("duo_id", SAME),
            ("month", SAME),
            ("due_on", SAME),
            ("done_on", SAME),
            ("outcome", SAME),
            ("contract_type", SAME),
            ("lasts_three_months", SAME),
            ("self_reported", SAME),
        ],
    },
    Table {
        name: "mentor_returns",
        personal: true,
        purpose: "Inviting a mentor to another duo after a rest, and their answer.",
        columns: &[
            ("id", SAME),
            ("mentor_id", SAME),
            ("duo_id", SAME),
            ("invite_on", SAME),
            ("invited_at", SAME),
            ("answer", SAME),
            ("answered_at", SAME),
            ("created_at", SAME),
        ],
    },
    Table {
        name: "match_bans",
        personal: true,
        purpose: "Pairs a coordinator ruled out, so matching never proposes them.",
        columns: &[
            ("mentor_id", SAME),
            ("mentee_id", SAME),
            ("banned_by", SAME),
            ("note", SAME),
            ("created_at", SAME),
        ],
    },
    Table {
        name: "match_locks",
        personal: true,
        purpose: "Pairs a coordinator kept while the solver proposes the rest.",
        columns: &[
            ("mentor_id", SAME),
            ("mentee_id", SAME),
            ("city_id", SAME),
            ("locked_by", SAME),
            ("created_at", SAME),
        ],
    },
    Table {
        name: "match_events",
        personal: true,
        purpose: "The matching board's history: who proposed, accepted or refused which pair.",
        columns: &[
            ("id", SAME),
            ("city_id", SAME),
            ("action", SAME),
            ("mentor_id", SAME),
            ("mentee_id", SAME),
            ("score", SAME),
            ("pairs", SAME),
            ("duo_id", SAME),
            ("done_by", SAME),
            ("done_at", SAME),
        ],
    },
    Table {
        name: "outbox",
        personal: true,
        purpose: "E-mails waiting to be sent or sent, so none is lost or sent twice.",
        columns: &[
            ("id", SAME),
            ("kind", SAME),
            ("to_address", SAME),
            ("to_name", SAME),
            ("locale", SAME),
            ("subject", SAME),
            ("body_text", SAME),
            ("calendar", SAME),
            ("status", SAME),
            ("attempts", SAME),
            ("next_attempt_at", SAME),
            ("last_error", SAME),
            ("sent_at", SAME),
            ("created_at", SAME),
            ("dedupe_key", SAME),
        ],
    },
    Table {
        name: "referral_links",
        personal: false,
        purpose: "Links partner organisations use to register young people.",
        columns: &[
            ("id", SAME),
            ("city_id", SAME),
            ("partner_name", "The organisation, not a person."),
            ("token_hash", SAME),
            ("created_by", SAME),
            ("created_at", SAME),
            ("expires_at", SAME),
            ("revoked_at", SAME),
        ],
    },
    Table {
        name: "rate_limits",
        personal: true,
        purpose: "Slowing down abuse; keys are hashed addresses, kept for one window.",
        columns: &[
            ("bucket", SAME),
            ("window_started_at", SAME),
            ("hits", SAME),
        ],
    },
    Table {
        name: "training_sessions",
        personal: false,
        purpose: "Training sessions the programme plans.",
        columns: &[
            ("id", SAME),
            ("city_id", SAME),
            ("title", SAME),
            ("starts_at", SAME),
            ("location", SAME),
            ("capacity", SAME),
        ],
    },
    Table {
        name: "peer_sessions",
        personal: false,
        purpose: "Peer-exchange sessions the programme plans.",
        columns: &[
            ("id", SAME),
            ("city_id", SAME),
            ("held_on", SAME),
            ("topic", SAME),
            ("location", SAME),
        ],
    },
    Table {
        name: "matching_weights",
        personal: false,
        purpose: "Each city's matching weights.",
        columns: &[
            ("city_id", SAME),
            ("sector", SAME),
            ("availability", SAME),
            ("distance", SAME),
            ("language", SAME),
            ("waiting", SAME),
            ("experience", SAME),
            ("intake", SAME),
            ("updated_at", SAME),
            ("updated_by", SAME),
        ],
    },
    Table {
        name: "programme_settings",
        personal: false,
        purpose: "Settings of the programme an admin changes.",
        columns: &[
            ("id", SAME),
            ("return_pause_weeks", SAME),
            ("retention_months", SAME),
            ("updated_at", SAME),
            ("updated_by", SAME),
        ],
    },
    Table {
        name: "job_leases",
        personal: false,
        purpose: "Which server instance runs a background job; no personal data.",
        columns: &[
            ("name", SAME),
            ("holder", SAME),
            ("leased_until", SAME),
            ("last_run_at", SAME),
        ],
    },
    Table {
        name: "cities",
        personal: false,
        purpose: REFERENCE,
        columns: &[
            ("id", SAME),
            ("slug", SAME),
            ("name_fr", SAME),
            ("name_nl", SAME),
            ("name_en", SAME),
        ],
    },
    Table {
        name: "sectors",
        personal: false,
        purpose: REFERENCE,
        columns: &[
            ("id", SAME),
            ("slug", SAME),
            ("name_fr", SAME),
            ("name_nl", SAME),
            ("name_en", SAME),
        ],
    },
    Table {
        name: "sector_relations",
        personal: false,
        purpose: REFERENCE,
        columns: &[("sector_id", SAME), ("related_sector_id", SAME)],
    },
    Table {
        name: "languages",
        personal: false,
        purpose: REFERENCE,
        columns: &[
            ("id", SAME),
            ("code", SAME),
            ("name_fr", SAME),
            ("name_nl", SAME),
            ("name_en", SAME),
        ],
    },
    Table {
        name: "postcodes",
        personal: false,
        purpose: REFERENCE,
        columns: &[
            ("code", SAME),
            ("city_id", SAME),
            ("name", SAME),
            ("latitude", SAME),
            ("longitude", SAME),
        ],
    },
    Table {
        name: "seaql_migrations",
        personal: false,
        purpose: "Which schema migrations ran; no personal data.",
        columns: &[("version", SAME), ("applied_at", SAME)],
    },
];

/// The register's entry for `table`.
pub fn table(name: &str) -> Option<&'static Table> {
    REGISTER.iter().find(|t| t.name == name)
}
