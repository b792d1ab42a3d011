//! `server` serves the platform; `server migrate` only runs the migrations;
//! `server seed [--if-empty | --reference]` loads reference and demo data;
//! `server create-user …` makes an account (see `create_user`).

use server::config::Config;
use server::{create_user, seed, startup, telemetry};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    telemetry::init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("configuration error: {message}");
            return std::process::ExitCode::from(2);
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] | ["serve"] => startup::serve(config).await,
        ["migrate"] => startup::open_database(&config).await.map(|_| ()),
        ["seed"] => seed::run(&config, seed::Mode::Full).await,
        ["seed", "--if-empty"] => seed::run(&config, seed::Mode::IfEmpty).await,
        ["seed", "--reference"] => seed::run(&config, seed::Mode::ReferenceOnly).await,
        ["create-user", ..] => create_user::run(&config, &args[1..]).await,
        _ => Err(format!(
            "usage: server [serve | migrate | seed [--if-empty | --reference] | create-user …]\n  {}",
            create_user::USAGE
        )
        .into()),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "stopped");
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
