//! `server` serves the platform; `server migrate` only runs the migrations;
//! `server seed [--if-empty | --reference | --scale N]` loads reference and demo data (N
//! times over with `--scale`, for load tests);
//! `server create-user …` makes an account (see `create_user`); `server backup PATH` copies
//! the SQLite database while it runs (see `backup`); `server solve-assignment
//! [FILE]` runs the matching solver on a score matrix (see `solve_assignment`); `server
//! hello-world` serves the bare ceiling `make bench-web` compares with (see `hello_world`);
//! `server precompress DIR` writes brotli and gzip copies of the built site (see `precompress`).

use server::config::Config;
use server::{
    backup, create_user, hello_world, precompress, seed, solve_assignment, startup, telemetry,
};

/// A command that needs neither configuration nor database: its arguments, then an error to print.
type OfflineCommand = fn(&[String]) -> Result<(), String>;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Pure computations: no configuration, no database, nothing but the result.
    let offline: Option<OfflineCommand> = match args.first().map(String::as_str) {
        Some("solve-assignment") => Some(solve_assignment::run),
        Some("precompress") => Some(precompress::run),
        _ => None,
    };
    if let Some(run) = offline {
        return match run(&args[1..]) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    telemetry::init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("configuration error: {message}");
            return std::process::ExitCode::from(2);
        }
    };
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] | ["serve"] => startup::serve(config).await,
        ["migrate"] => startup::open_database(&config).await.map(|_| ()),
        ["seed"] => seed::run(&config, seed::Mode::Full, 1).await,
        ["seed", "--scale", n] => match n.parse::<usize>() {
            Ok(scale @ 1..=100) => seed::run(&config, seed::Mode::Full, scale).await,
            _ => Err(format!("--scale takes a whole number from 1 to 100, not {n:?}").into()),
        },
        ["seed", "--if-empty"] => seed::run(&config, seed::Mode::IfEmpty, 1).await,
        ["seed", "--reference"] => seed::run(&config, seed::Mode::ReferenceOnly, 1).await,
        ["create-user", ..] => create_user::run(&config, &args[1..]).await,
        ["backup", path] => backup::run(&config, path).await,
        ["hello-world"] => hello_world::run(&config).await,
        _ => Err(format!(
            "usage: server [serve | migrate | seed [--if-empty | --reference | --scale N] | create-user … | backup PATH | solve-assignment … | hello-world | precompress DIR]\n  {}\n  {}\n  {}\n  {}\n  {}",
            create_user::USAGE,
            backup::USAGE,
            solve_assignment::USAGE,
            hello_world::USAGE,
            precompress::USAGE
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
