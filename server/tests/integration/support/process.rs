//! The real server binary in a child process, for what only a process shows: its logs, its
//! exit on SIGTERM, several instances on one database, its commands.

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The server binary Cargo built for these tests.
pub const SERVER: &str = env!("CARGO_BIN_EXE_server");

pub struct ServerProcess {
    pub child: Child,
    pub base: String,
    /// Everything the process printed, stdout and stderr, as it comes.
    pub output: Arc<Mutex<String>>,
}

/// A command of the server binary, run from the workspace root (where `make run` runs it)
/// with the test's `DATABASE_URL` and a log filter of its own.
pub fn command(database_url: &str) -> Command {
    let mut command = Command::new(SERVER);
    command
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "info")
        .kill_on_drop(true);
    command
}

/// Runs a one-off command (`migrate`, `backup PATH`, …) to its end: its success and output.
pub async fn run(database_url: &str, args: &[&str]) -> (bool, String) {
    let output = command(database_url)
        .args(args)
        .output()
        .await
        .expect("run the server binary");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

impl ServerProcess {
    /// Serves on a free local port with `env` added, and returns once `/health` answers.
    pub async fn start(database_url: &str, env: &[(&str, &str)]) -> ServerProcess {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut command = command(database_url);
        command
            .env("SITE_ADDR", format!("127.0.0.1:{port}"))
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("start the server binary");
        let output = Arc::new(Mutex::new(String::new()));
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        collect(stdout, output.clone());
        collect(stderr, output.clone());
        let server = ServerProcess {
            child,
            base: format!("http://127.0.0.1:{port}"),
            output,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let answer = reqwest::get(format!("{}/health", server.base)).await;
            if answer.is_ok_and(|a| a.status().is_success()) {
                return server;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not start:\n{}",
                server.output()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn output(&self) -> String {
        self.output.lock().expect("output").clone()
    }

    /// Sends SIGTERM, by PID.
    pub fn terminate(&self) {
        let pid = self.child.id().expect("still running");
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(sent.success());
    }

    /// Waits up to `limit` for the process to end by itself; whether it exited with 0.
    pub async fn wait(&mut self, limit: Duration) -> bool {
        match tokio::time::timeout(limit, self.child.wait()).await {
            Ok(status) => status.expect("wait").success(),
            Err(_) => {
                let _ = self.child.start_kill();
                panic!(
                    "the server did not stop within {limit:?}:\n{}",
                    self.output()
                );
            }
        }
    }
}

fn collect(stream: impl tokio::io::AsyncRead + Unpin + Send + 'static, into: Arc<Mutex<String>>) {
    tokio::spawn(async move {
        let mut lines = BufReader::new(stream).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            let mut text = into.lock().expect("output");
            text.push_str(&line);
            text.push('\n');
        }
    });
}
