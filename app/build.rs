//! Compiles `locales/{en,fr,nl}.json` into the typed `i18n` module, so a
//! misspelt key is a compile error rather than a blank on the page.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = std::env::var_os("OUT_DIR").ok_or("cargo did not set OUT_DIR")?;
    let module_dir = PathBuf::from(out_dir).join("i18n");

    // `interpolate_display` lets e-mails be built as plain strings with
    // `td_string!` from the same files as the pages.
    let config = Config::new("en")?
        .add_locale("fr")?
        .add_locale("nl")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(module_dir)?;
    Ok(())
}
