//! Integration tests: the schema, the services and the server functions over
//! HTTP, each scenario on a fresh SQLite file and a fresh PostgreSQL database.
//! One binary, so the app is linked once.

mod support;

mod access;
mod applications;
mod auth;
mod board;
mod checks;
mod duo_closing;
mod duo_invariant;
mod duo_life;
mod erasure;
mod hostile;
mod impact;
mod import;
mod matching;
mod operations;
mod outbox;
mod pages;
mod peer;
mod people;
mod person_data;
mod pipeline;
mod privacy;
mod registration;
mod retention;
mod round_trip;
mod schema;
mod security;
mod seed;
mod solve_cli;
mod training;
