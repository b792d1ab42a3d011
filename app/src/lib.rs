//! The shared application: domain types, server functions, pages and
//! components. Compiled natively for the server (`ssr`) and to WebAssembly for
//! the browser (`hydrate`).

#![recursion_limit = "256"]

pub mod components;
pub mod domain;
pub mod error;
pub mod features;
pub mod hydration;
pub mod language;
pub mod pages;
pub mod shell;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod platform;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use shell::{App, shell};
