//! `server solve-assignment [FILE]`: the matching engine's exact solver on a score matrix in
//! plain text, so anyone can check it against other tools on the same input.
//!
//! Input (FILE, or standard input when FILE is absent or `-`): `rows cols` on the first line,
//! then `rows` lines of `cols` whitespace-separated integer scores; `-1` forbids a pair.
//! Output: the maximum total score, then one `row col` line per matched pair (0-based).

use std::io::{Read, Write};

use app::domain::matching::assignment::{parse_matrix_text, solve, write_assignment_text};

pub const USAGE: &str = "solve-assignment [FILE]   (reads standard input without FILE or with -)";

pub fn run(args: &[String]) -> Result<(), String> {
    let text = match args {
        [] => read_stdin()?,
        [path] if path == "-" => read_stdin()?,
        [path] => std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?,
        _ => return Err(format!("usage: server {USAGE}")),
    };
    let graph = parse_matrix_text(&text).map_err(|e| format!("invalid matrix: {e}"))?;
    drop(text);
    let assignment = solve(&graph);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    write_assignment_text(&assignment, &mut out)
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write the result: {e}"))
}

fn read_stdin() -> Result<String, String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(text)
}
