//! The SQL behind every figure. Each statement is one text for SQLite and PostgreSQL: only
//! standard SQL, `$n` parameters (which both drivers accept), dates compared as dates, counts
//! and sums read as 64-bit integers. Each groups its rows by a key: nothing (one total), the
//! city, or the start quarter (a `CASE` over the quarters' first days).

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbErr, FromQueryResult, Statement, Value};

use crate::domain::evaluation::Dimension;
use crate::domain::impact::{
    DimensionChange, EarlyStop, Figures, JOB_WITHIN_MONTHS, Period, Quarter, RETURN_AFTER_MONTHS,
    Ratio, median, weeks_with_meeting,
};

/// Which duos count: started ones, in these cities, of this cohort.
#[derive(Debug, Clone)]
pub struct Scope {
    /// `None`: every city.
    pub cities: Option<Vec<i32>>,
    pub cohort: Option<Quarter>,
    pub period: Period,
    pub today: NaiveDate,
}

impl Scope {
    /// Whether a started duo of this city and start day is in the scope: the conditions of
    /// `statement`, for rows read once and grouped in Rust.
    fn contains(&self, city_id: i32, started_on: NaiveDate) -> bool {
        let in_cities = self
            .cities
            .as_ref()
            .is_none_or(|ids| ids.contains(&city_id));
        let in_cohort = self.cohort.is_none_or(|q| Quarter::of(started_on) == q);
        in_cities && in_cohort
    }

    /// The narrowest scope holding every one of `scopes`, which share their period and day.
    fn union<'a>(scopes: impl IntoIterator<Item = &'a Scope>) -> Option<Scope> {
        scopes.into_iter().cloned().reduce(|a, b| Scope {
            cities: a.cities.zip(b.cities).map(|(mut a, b)| {
                a.extend(b);
                a.sort_unstable();
                a.dedup();
                a
            }),
            cohort: a.cohort.filter(|q| b.cohort == Some(*q)),
            ..a
        })
    }
}

/// How the figures are split.
#[derive(Debug, Clone)]
pub enum Grouping {
    Total,
    City,
    /// Keys are the positions in this list.
    Cohort(Vec<Quarter>),
}

impl Grouping {
    /// The key of a duo's group, as `statement` computes it in SQL.
    fn key(&self, city_id: i32, started_on: NaiveDate) -> i64 {
        match self {
            Grouping::Total => 0,
            Grouping::City => i64::from(city_id),
            Grouping::Cohort(quarters) => {
                let quarter = Quarter::of(started_on);
                quarters
                    .iter()
                    .position(|&q| q == quarter)
                    .map_or(-1, |i| i as i64)
            }
        }
    }
}

/// A statement being written: its text and its parameters, numbered as they are bound.
struct Sql {
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        format!("${}", self.values.len())
    }

    fn statement(self, conn: &impl ConnectionTrait) -> Statement {
        Statement::from_sql_and_values(conn.get_database_backend(), self.text, self.values)
    }
}

/// Starts a statement over `duos d` in `scope`: `head` receives the key expression and the
/// scope's conditions as `{key}` and `{scope}`, and `more` the remaining parameters.
fn statement(
    scope: &Scope,
    grouping: &Grouping,
    head: &str,
    more: impl FnOnce(&mut Sql) -> Vec<(&'static str, String)>,
) -> Sql {
    let mut sql = Sql {
        text: String::new(),
        values: Vec::new(),
    };
    let key = match grouping {
        Grouping::Total => "CAST(0 AS BIGINT)".to_owned(),
        Grouping::City => "CAST(d.city_id AS BIGINT)".to_owned(),
        Grouping::Cohort(quarters) => {
            let mut case = String::from("CASE");
            for (i, q) in quarters.iter().enumerate() {
                let (from, to) = (sql.bind(q.first_day()), sql.bind(q.next().first_day()));
                case.push_str(&format!(
                    " WHEN d.started_on >= {from} AND d.started_on < {to} THEN {i}"
                ));
            }
            case.push_str(" ELSE -1 END");
            format!("CAST({case} AS BIGINT)")
        }
    };
    let mut conditions = vec!["d.started_on IS NOT NULL".to_owned()];
    match &scope.cities {
        Some(ids) if ids.is_empty() => conditions.push("1 = 0".to_owned()),
        Some(ids) => {
            let list: Vec<String> = ids.iter().map(|id| sql.bind(*id)).collect();
            conditions.push(format!("d.city_id IN ({})", list.join(", ")));
        }
        None => {}
    }
    if let Some(q) = scope.cohort {
        let (from, to) = (sql.bind(q.first_day()), sql.bind(q.next().first_day()));
        conditions.push(format!("d.started_on >= {from} AND d.started_on < {to}"));
    }
    let mut text = head
        .replace("{key}", &key)
        .replace("{scope}", &conditions.join(" AND "));
    for (name, placeholder) in more(&mut sql) {
        text = text.replace(&format!("{{{name}}}"), &placeholder);
    }
    sql.text = text;
    sql
}

fn period_binds(sql: &mut Sql, period: Period) -> Vec<(&'static str, String)> {
    vec![("from", sql.bind(period.from)), ("to", sql.bind(period.to))]
}

fn count(n: Option<i64>) -> u32 {
    u32::try_from(n.unwrap_or(0)).unwrap_or(u32::MAX)
}

#[derive(FromQueryResult)]
struct KeyCount {
    k: i64,
    n: Option<i64>,
}

#[derive(FromQueryResult)]
struct KeyRatio {
    k: i64,
    part: Option<i64>,
    whole: Option<i64>,
}

async fn counts(conn: &impl ConnectionTrait, sql: Sql) -> Result<HashMap<i64, u32>, DbErr> {
    let rows = KeyCount::find_by_statement(sql.statement(conn))
        .all(conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.k, count(r.n))).collect())
}

async fn ratios(conn: &impl ConnectionTrait, sql: Sql) -> Result<HashMap<i64, Ratio>, DbErr> {
    let rows = KeyRatio::find_by_statement(sql.statement(conn))
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let ratio = Ratio {
                part: count(r.part),
                whole: count(r.whole),
            };
            (r.k, ratio)
        })
        .collect())
}

/// Every figure for each group of `grouping` that has duos; groups without any are left out.
pub async fn figures(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    grouping: &Grouping,
) -> Result<HashMap<i64, Figures>, DbErr> {
    let duo_by_duo = DuoByDuo::read(conn, [scope]).await?;
    figures_with(conn, scope, grouping, &duo_by_duo).await
}

/// The readings taken duo by duo (waits and meeting weeks), read once for several scopes that
/// share a period and a day, and grouped in Rust for each.
pub struct DuoByDuo {
    waits: Vec<Wait>,
    weeks: Vec<DuoWeeks>,
}

impl DuoByDuo {
    pub async fn read<'a>(
        conn: &impl ConnectionTrait,
        scopes: impl IntoIterator<Item = &'a Scope>,
    ) -> Result<Self, DbErr> {
        let Some(widest) = Scope::union(scopes) else {
            return Ok(DuoByDuo {
                waits: Vec::new(),
                weeks: Vec::new(),
            });
        };
        Ok(DuoByDuo {
            waits: waits(conn, &widest).await?,
            weeks: regularity(conn, &widest).await?,
        })
    }
}

/// Like `figures`, with the duo-by-duo readings already taken for a scope at least as wide.
pub async fn figures_with(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    grouping: &Grouping,
    duo_by_duo: &DuoByDuo,
) -> Result<HashMap<i64, Figures>, DbErr> {
    let mut all = aggregates(conn, scope, grouping).await?;
    let mut days: HashMap<i64, Vec<i64>> = HashMap::new();
    for wait in duo_by_duo.waits.iter() {
        if scope.contains(wait.city_id, wait.started_on) {
            let k = grouping.key(wait.city_id, wait.started_on);
            days.entry(k).or_default().push(wait.days);
        }
    }
    for (k, mut days) in days {
        let figures = all.entry(k).or_insert_with(Figures::empty);
        figures.waits = count(Some(days.len() as i64));
        figures.median_wait_days = median(&mut days);
    }
    for duo in duo_by_duo.weeks.iter() {
        if scope.contains(duo.city_id, duo.started_on) {
            let k = grouping.key(duo.city_id, duo.started_on);
            all.entry(k)
                .or_insert_with(Figures::empty)
                .meeting_regularity += duo.weeks;
        }
    }
    Ok(all)
}

/// The figures that SQL counts and sums for each group.
async fn aggregates(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    grouping: &Grouping,
) -> Result<HashMap<i64, Figures>, DbErr> {
    let mut all: HashMap<i64, Figures> = HashMap::new();

    let created = statement(
        scope,
        grouping,
        "SELECT {key} AS k, COUNT(*) AS n FROM duos d \
         WHERE {scope} AND d.started_on BETWEEN {from} AND {to} GROUP BY 1",
        |sql| period_binds(sql, scope.period),
    );
    for (k, n) in counts(conn, created).await? {
        all.entry(k).or_insert_with(Figures::empty).duos_created = n;
    }

    let active = statement(
        scope,
        grouping,
        "SELECT {key} AS k, COUNT(*) AS n FROM duos d \
         WHERE {scope} AND d.status IN ('active', 'closing') GROUP BY 1",
        |_| Vec::new(),
    );
    for (k, n) in counts(conn, active).await? {
        all.entry(k).or_insert_with(Figures::empty).duos_active = n;
    }

    let mentors = statement(
        scope,
        grouping,
        "SELECT {key} AS k, COUNT(DISTINCT d.mentor_id) AS n FROM duos d \
         WHERE {scope} AND d.started_on <= {to} AND (d.ended_on IS NULL OR d.ended_on >= {from}) \
         GROUP BY 1",
        |sql| period_binds(sql, scope.period),
    );
    for (k, n) in counts(conn, mentors).await? {
        all.entry(k).or_insert_with(Figures::empty).active_mentors = n;
    }

    let positive = statement(
        scope,
        grouping,
        "SELECT {key} AS k, \
           SUM(CASE WHEN c.outcome IN ('job', 'internship', 'training') THEN 1 ELSE 0 END) AS part, \
           COUNT(*) AS whole \
         FROM duos d JOIN closures c ON c.duo_id = d.id \
         WHERE {scope} AND c.outcome <> 'unknown' AND c.closed_on BETWEEN {from} AND {to} \
         GROUP BY 1",
        |sql| period_binds(sql, scope.period),
    );
    for (k, r) in ratios(conn, positive).await? {
        all.entry(k)
            .or_insert_with(Figures::empty)
            .positive_outcomes = r;
    }

    let due = scope
        .today
        .checked_sub_months(Months::new(JOB_WITHIN_MONTHS))
        .unwrap_or(NaiveDate::MIN);
    let in_job = statement(
        scope,
        grouping,
        "SELECT {key} AS k, \
           SUM(CASE WHEN EXISTS (SELECT 1 FROM follow_ups f WHERE f.duo_id = d.id \
             AND f.month <= {months} AND f.outcome = 'job') THEN 1 ELSE 0 END) AS part, \
           COUNT(*) AS whole \
         FROM duos d \
         WHERE {scope} AND d.status = 'closed' AND d.ended_on <= {due} \
           AND d.ended_on BETWEEN {from} AND {to} \
         GROUP BY 1",
        |sql| {
            let mut binds = period_binds(sql, scope.period);
            binds.push(("months", sql.bind(JOB_WITHIN_MONTHS as i32)));
            binds.push(("due", sql.bind(due)));
            binds
        },
    );
    for (k, r) in ratios(conn, in_job).await? {
        all.entry(k)
            .or_insert_with(Figures::empty)
            .job_within_12_months = r;
    }

    // A mentor's first closed duo: no closed duo of theirs ended before it (the lower id
    // breaks a tie).
    let settled = scope
        .today
        .checked_sub_months(Months::new(RETURN_AFTER_MONTHS))
        .unwrap_or(NaiveDate::MIN);
    let returned = statement(
        scope,
        grouping,
        "SELECT {key} AS k, \
           SUM(CASE WHEN EXISTS (SELECT 1 FROM duos l WHERE l.mentor_id = d.mentor_id \
             AND l.id <> d.id AND l.started_on >= d.ended_on) THEN 1 ELSE 0 END) AS part, \
           COUNT(*) AS whole \
         FROM duos d \
         WHERE {scope} AND d.status = 'closed' AND d.ended_on <= {settled} \
           AND d.ended_on BETWEEN {from} AND {to} \
           AND NOT EXISTS (SELECT 1 FROM duos e WHERE e.mentor_id = d.mentor_id \
             AND e.status = 'closed' AND e.id <> d.id \
             AND (e.ended_on < d.ended_on OR (e.ended_on = d.ended_on AND e.id < d.id))) \
         GROUP BY 1",
        |sql| {
            let mut binds = period_binds(sql, scope.period);
            binds.push(("settled", sql.bind(settled)));
            binds
        },
    );
    for (k, r) in ratios(conn, returned).await? {
        all.entry(k).or_insert_with(Figures::empty).mentor_return = r;
    }

    for (k, dimensions) in dimensions(conn, scope, grouping).await? {
        all.entry(k).or_insert_with(Figures::empty).dimensions = dimensions;
    }
    for (k, stops) in early_stops(conn, scope, grouping).await? {
        all.entry(k).or_insert_with(Figures::empty).early_stops = stops;
    }
    Ok(all)
}

#[derive(FromQueryResult)]
struct WaitRow {
    city_id: i32,
    started_on: NaiveDate,
    matched_at: DateTime<Utc>,
    waiting_at: Option<DateTime<Utc>>,
}

/// One duo's days from entering the waiting pool to the proposal.
struct Wait {
    city_id: i32,
    started_on: NaiveDate,
    days: i64,
}

/// The waits behind the duos of `scope` that started in its period; a duo whose mentee never
/// waited (before the history was kept) has none.
async fn waits(conn: &impl ConnectionTrait, scope: &Scope) -> Result<Vec<Wait>, DbErr> {
    let sql = statement(
        scope,
        &Grouping::Total,
        "SELECT d.city_id AS city_id, d.started_on AS started_on, d.proposed_at AS matched_at, \
           (SELECT MAX(w.changed_at) FROM mentee_status_changes w \
             WHERE w.mentee_id = d.mentee_id AND w.to_status = 'waiting' \
               AND w.changed_at <= d.proposed_at) AS waiting_at \
         FROM duos d WHERE {scope} AND d.started_on BETWEEN {from} AND {to}",
        |sql| period_binds(sql, scope.period),
    );
    let rows = WaitRow::find_by_statement(sql.statement(conn))
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let waiting_at = row.waiting_at?;
            Some(Wait {
                city_id: row.city_id,
                started_on: row.started_on,
                days: (row.matched_at.date_naive() - waiting_at.date_naive()).num_days(),
            })
        })
        .collect())
}

#[derive(FromQueryResult)]
struct Running {
    id: i32,
    city_id: i32,
    started_on: NaiveDate,
    ended_on: Option<NaiveDate>,
}

#[derive(FromQueryResult)]
struct MeetingDay {
    duo_id: i32,
    held_on: NaiveDate,
}

/// One running duo's whole weeks in the period, and those with a meeting.
struct DuoWeeks {
    city_id: i32,
    started_on: NaiveDate,
    weeks: Ratio,
}

/// The weeks of every duo of `scope` that ran during its period.
async fn regularity(conn: &impl ConnectionTrait, scope: &Scope) -> Result<Vec<DuoWeeks>, DbErr> {
    let period = scope.period;
    let running = statement(
        scope,
        &Grouping::Total,
        "SELECT d.id AS id, d.city_id AS city_id, d.started_on AS started_on, \
           d.ended_on AS ended_on \
         FROM duos d \
         WHERE {scope} AND d.started_on <= {to} AND (d.ended_on IS NULL OR d.ended_on >= {from})",
        |sql| period_binds(sql, period),
    );
    let duos = Running::find_by_statement(running.statement(conn))
        .all(conn)
        .await?;
    let meetings = statement(
        scope,
        &Grouping::Total,
        "SELECT DISTINCT m.duo_id AS duo_id, m.held_on AS held_on \
         FROM meetings m JOIN duos d ON d.id = m.duo_id \
         WHERE {scope} AND m.held_on BETWEEN {from} AND {to}",
        |sql| period_binds(sql, period),
    );
    let mut days: HashMap<i32, Vec<NaiveDate>> = HashMap::new();
    for m in MeetingDay::find_by_statement(meetings.statement(conn))
        .all(conn)
        .await?
    {
        days.entry(m.duo_id).or_default().push(m.held_on);
    }
    Ok(duos
        .into_iter()
        .map(|duo| {
            let last_day = duo.ended_on.unwrap_or(scope.today).min(scope.today);
            let met = days.get(&duo.id).map(Vec::as_slice).unwrap_or_default();
            DuoWeeks {
                city_id: duo.city_id,
                started_on: duo.started_on,
                weeks: weeks_with_meeting(duo.started_on, last_day, met, period),
            }
        })
        .collect())
}

#[derive(FromQueryResult)]
struct Scores {
    k: i64,
    n: i64,
    b1: Option<i64>,
    b2: Option<i64>,
    b3: Option<i64>,
    b4: Option<i64>,
    b5: Option<i64>,
    a1: Option<i64>,
    a2: Option<i64>,
    a3: Option<i64>,
    a4: Option<i64>,
    a5: Option<i64>,
}

/// The mentees' start and end self-assessments of duos that ended in the period.
async fn dimensions(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    grouping: &Grouping,
) -> Result<HashMap<i64, Vec<DimensionChange>>, DbErr> {
    let sql = statement(
        scope,
        grouping,
        "SELECT {key} AS k, COUNT(*) AS n, \
           SUM(s.self_confidence) AS b1, SUM(s.career_plan) AS b2, SUM(s.job_search_tools) AS b3, \
           SUM(s.language) AS b4, SUM(s.network) AS b5, \
           SUM(e.self_confidence) AS a1, SUM(e.career_plan) AS a2, SUM(e.job_search_tools) AS a3, \
           SUM(e.language) AS a4, SUM(e.network) AS a5 \
         FROM duos d \
         JOIN evaluations s ON s.duo_id = d.id AND s.kind = 'start' AND s.respondent = 'mentee' \
         JOIN evaluations e ON e.duo_id = d.id AND e.kind = 'end' AND e.respondent = 'mentee' \
         WHERE {scope} AND d.ended_on BETWEEN {from} AND {to} \
         GROUP BY 1",
        |sql| period_binds(sql, scope.period),
    );
    let rows = Scores::find_by_statement(sql.statement(conn))
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let before = [r.b1, r.b2, r.b3, r.b4, r.b5];
            let after = [r.a1, r.a2, r.a3, r.a4, r.a5];
            let changes = Dimension::ALL
                .iter()
                .zip(before.into_iter().zip(after))
                .map(|(&dimension, (b, a))| DimensionChange {
                    dimension,
                    duos: count(Some(r.n)),
                    before_sum: count(b),
                    after_sum: count(a),
                })
                .collect();
            (r.k, changes)
        })
        .collect())
}

#[derive(FromQueryResult)]
struct Stop {
    k: i64,
    reason: String,
    n: i64,
}

/// Duos that ended in the period before their planned end, with a stop reason: stopped early,
/// or closed early.
async fn early_stops(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    grouping: &Grouping,
) -> Result<HashMap<i64, Vec<EarlyStop>>, DbErr> {
    let sql = statement(
        scope,
        grouping,
        "SELECT {key} AS k, d.reason_code AS reason, COUNT(*) AS n FROM duos d \
         WHERE {scope} AND d.reason_code IS NOT NULL AND d.ended_on BETWEEN {from} AND {to} \
           AND (d.status = 'stopped_early' \
             OR (d.status IN ('closing', 'closed') AND d.ended_on < d.planned_end_on)) \
         GROUP BY 1, 2",
        |sql| period_binds(sql, scope.period),
    );
    let mut stops: HashMap<i64, Vec<EarlyStop>> = HashMap::new();
    for row in Stop::find_by_statement(sql.statement(conn))
        .all(conn)
        .await?
    {
        stops.entry(row.k).or_default().push(EarlyStop {
            reason: row.reason,
            duos: count(Some(row.n)),
        });
    }
    for list in stops.values_mut() {
        list.sort_by(|a, b| b.duos.cmp(&a.duos).then_with(|| a.reason.cmp(&b.reason)));
    }
    Ok(stops)
}

/// One duo as funders get it: no name, no id, no date finer than the start quarter.
#[derive(Debug, Clone, FromQueryResult)]
pub struct AnonymousDuo {
    pub city_id: i32,
    pub status: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub reason_code: Option<String>,
    pub meetings: i64,
    pub outcome: Option<String>,
    pub outcome_3: Option<String>,
    pub outcome_6: Option<String>,
    pub outcome_12: Option<String>,
    pub b1: Option<i32>,
    pub b2: Option<i32>,
    pub b3: Option<i32>,
    pub b4: Option<i32>,
    pub b5: Option<i32>,
    pub a1: Option<i32>,
    pub a2: Option<i32>,
    pub a3: Option<i32>,
    pub a4: Option<i32>,
    pub a5: Option<i32>,
}

/// The started duos of `scope` that started in its period, for the duo-level export.
pub async fn anonymous_duos(
    conn: &impl ConnectionTrait,
    scope: &Scope,
) -> Result<Vec<AnonymousDuo>, DbErr> {
    let follow_up = |month: u32| {
        format!(
            "(SELECT f.outcome FROM follow_ups f WHERE f.duo_id = d.id AND f.month = {month}) \
             AS outcome_{month}"
        )
    };
    let head = format!(
        "SELECT d.city_id AS city_id, d.status AS status, d.started_on AS started_on, \
           d.ended_on AS ended_on, d.reason_code AS reason_code, \
           (SELECT COUNT(*) FROM meetings m WHERE m.duo_id = d.id) AS meetings, \
           c.outcome AS outcome, {}, {}, {}, \
           s.self_confidence AS b1, s.career_plan AS b2, s.job_search_tools AS b3, \
           s.language AS b4, s.network AS b5, \
           e.self_confidence AS a1, e.career_plan AS a2, e.job_search_tools AS a3, \
           e.language AS a4, e.network AS a5 \
         FROM duos d \
         LEFT JOIN closures c ON c.duo_id = d.id \
         LEFT JOIN evaluations s ON s.duo_id = d.id AND s.kind = 'start' AND s.respondent = 'mentee' \
         LEFT JOIN evaluations e ON e.duo_id = d.id AND e.kind = 'end' AND e.respondent = 'mentee' \
         WHERE {{scope}} AND d.started_on BETWEEN {{from}} AND {{to}} \
         ORDER BY d.started_on, d.city_id, d.status, c.outcome",
        follow_up(3),
        follow_up(6),
        follow_up(12),
    );
    let sql = statement(scope, &Grouping::Total, &head, |sql| {
        period_binds(sql, scope.period)
    });
    AnonymousDuo::find_by_statement(sql.statement(conn))
        .all(conn)
        .await
}
