//! The dry run against the database: the file checked by the domain, then what the database
//! says about each good row: new, already there (the same e-mail, or the same mentor, mentee and
//! start of a duo), or refused (an unknown mentor, an e-mail another account uses).

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use super::known::{new_duos, new_mentees, new_mentors};
use super::types::{ImportReport, MAX_SHOWN};
use super::words::header_names;
use crate::db::entities::{cities, languages, sectors};
use crate::domain::import::{
    Checked, DuoRecord, ImportKind, MenteeRecord, MentorRecord, Problem, Reference, check_duos,
    check_mentees, check_mentors, sort_problems,
};
use crate::error::AppError;
use crate::platform::errors::db_internal;

/// A past duo with its people found in the database.
#[derive(Debug, Clone)]
pub struct PlannedDuo {
    pub record: DuoRecord,
    pub mentor_id: i32,
    pub mentee_id: i32,
    /// The mentee's city: a duo belongs to the city where the young person is followed.
    pub city_id: i32,
}

/// The rows an import would create.
#[derive(Debug, Clone)]
pub enum Plan {
    Mentors(Vec<MentorRecord>),
    Mentees(Vec<MenteeRecord>),
    Duos(Vec<PlannedDuo>),
}

impl Plan {
    pub fn len(&self) -> usize {
        match self {
            Plan::Mentors(list) => list.len(),
            Plan::Mentees(list) => list.len(),
            Plan::Duos(list) => list.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A checked file: the report the admin sees, and what importing it would write.
pub struct DryRun {
    pub report: ImportReport,
    pub plan: Plan,
}

/// The programme's cities, sectors and languages by slug or code and by name.
async fn reference(conn: &impl ConnectionTrait) -> Result<Reference, DbErr> {
    let named = |id, key: String, fr, nl, en| (id, vec![key, fr, nl, en]);
    let cities: Vec<_> = cities::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|c| named(c.id, c.slug, c.name_fr, c.name_nl, c.name_en))
        .collect();
    let sectors: Vec<_> = sectors::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|s| named(s.id, s.slug, s.name_fr, s.name_nl, s.name_en))
        .collect();
    let languages: Vec<_> = languages::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|l| named(l.id, l.code, l.name_fr, l.name_nl, l.name_en))
        .collect();
    Ok(Reference::new(&cities, &sectors, &languages))
}

/// Checks `text` as a file of `kind` against the database as `conn` sees it. Nothing is written.
pub async fn dry_run(
    conn: &impl ConnectionTrait,
    kind: ImportKind,
    text: &str,
    today: NaiveDate,
) -> Result<DryRun, AppError> {
    let names = header_names();
    let reference = reference(conn)
        .await
        .map_err(db_internal("import reference"))?;
    let (checked, plan, already) = match kind {
        ImportKind::Mentors => {
            let mut checked = check_mentors(text, &names, &reference, today);
            let (new, already) = new_mentors(conn, &mut checked).await?;
            (summary(&checked), Plan::Mentors(new), already)
        }
        ImportKind::Mentees => {
            let mut checked = check_mentees(text, &names, &reference, today);
            let (new, already) = new_mentees(conn, &mut checked).await?;
            (summary(&checked), Plan::Mentees(new), already)
        }
        ImportKind::Duos => {
            let mut checked = check_duos(text, &names, today);
            let (new, already) = new_duos(conn, &mut checked).await?;
            (summary(&checked), Plan::Duos(new), already)
        }
    };
    let (rows, mut problems) = checked;
    sort_problems(kind, &mut problems);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let problem_count = count(problems.len());
    problems.truncate(MAX_SHOWN);
    let report = ImportReport {
        kind,
        rows: count(rows),
        new: count(plan.len()),
        already_there: count(already),
        problems,
        problem_count,
    };
    Ok(DryRun { report, plan })
}

fn summary<T>(checked: &Checked<T>) -> (usize, Vec<Problem>) {
    (checked.rows, checked.problems.clone())
}
