//! `server seed`: the reference data every installation needs (cities,
//! sectors, languages, postcodes, default matching weights) and a believable,
//! deterministic demo of the programme: staff, about 300 mentors and 400
//! mentees, 250 duos over two years with their meetings, evaluations and
//! outcomes, all dated relative to the day of seeding.

mod city_profile;
mod demo;
mod insert;
mod mentee_plan;
mod mentee_pool;
mod mentee_profile;
mod mentor_chain;
mod mentor_history;
mod mentor_plan;
mod mentor_profile;
mod mentor_screening;
mod names;
mod outcomes;
mod people;
mod postcodes;
mod reference;
mod reference_data;
mod refs;
mod rng;
mod rows_duos;
mod rows_meetings;
mod rows_people;
mod rows_person;
mod rows_programme;
mod rows_support;
mod scores;
mod text_duo;
mod text_people;
mod world;

use std::time::Instant;

use chrono::Utc;
use sea_orm::{EntityTrait, PaginatorTrait};

use app::db::entities::mentors;

use crate::config::Config;
use crate::startup::{BoxError, open_database};

pub use demo::{load_demo, load_demo_scaled};
pub use reference::load_reference;

/// What `server seed` loads besides the reference data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `server seed`: the demo data, always.
    Full,
    /// `server seed --if-empty`: the demo data unless there are mentors already.
    IfEmpty,
    /// `server seed --reference`: no demo data, for a real installation.
    ReferenceOnly,
}

/// How much demo data `load_demo` wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub mentors: usize,
    pub mentees: usize,
    pub duos: usize,
    pub meetings: usize,
}

/// `server seed`, `server seed --if-empty`, `server seed --reference`; `scale` repeats the
/// demo programme that many times (`seed --scale 20`, for load tests).
pub async fn run(config: &Config, mode: Mode, scale: usize) -> Result<(), BoxError> {
    let db = open_database(config).await?;
    load_reference(&db).await?;
    let load = match mode {
        Mode::Full => true,
        Mode::IfEmpty => mentors::Entity::find().count(&db).await? == 0,
        Mode::ReferenceOnly => false,
    };
    if !load {
        let why = match mode {
            Mode::IfEmpty => "mentors exist, demo data left as it is",
            _ => "no demo data requested",
        };
        println!("seed: reference data up to date; {why}");
        return Ok(());
    }
    let started = Instant::now();
    let today = Utc::now().date_naive();
    let s = load_demo_scaled(&db, today, scale).await?;
    println!(
        "seed: reference data up to date; demo data as of {today}: {} mentors, {} mentees, {} duos, {} meetings in {:.1} s",
        s.mentors,
        s.mentees,
        s.duos,
        s.meetings,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
