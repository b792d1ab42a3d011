//! Reading a CSV file as spreadsheets write it: comma, semicolon (Excel in French and Dutch) or
//! tab between cells, chosen from the header line; cells in double quotes may hold the
//! separator, line breaks and doubled quotes. Each record keeps the line it starts on, so a
//! problem names the line the admin sees in a text editor.

use super::{Issue, Problem};

/// One record of the file: the line it starts on (the header is line 1) and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: u32,
    pub cells: Vec<String>,
}

/// The separators a file may use, in the order that wins a tie.
const SEPARATORS: [char; 3] = [',', ';', '\t'];

/// The separator of the header line: the one it uses most outside quotes.
fn separator(text: &str) -> char {
    let mut quoted = false;
    let mut counts = [0usize; SEPARATORS.len()];
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = SEPARATORS.iter().position(|s| *s == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..SEPARATORS.len())
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    SEPARATORS[best]
}

/// Every record of `text`, the header first; blank lines are skipped. A quote left open at the
/// end of the file is refused at the line its record starts on.
pub fn read(text: &str) -> Result<Vec<Record>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line: u32 = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut ended_line = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, '\n') => {
                    line += 1;
                    cell.push('\n');
                }
                (true, '\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    cell.push('\n');
                }
                (true, c) => cell.push(c),
                (false, '"') if cell.trim().is_empty() => {
                    cell.clear();
                    quoted = true;
                }
                (false, c) if c == sep => cells.push(std::mem::take(&mut cell)),
                (false, '\r' | '\n') => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    ended_line = true;
                    break;
                }
                (false, c) => cell.push(c),
            }
        }
        if quoted {
            return Err(Problem {
                line: start,
                column: None,
                issue: Issue::UnclosedQuote,
            });
        }
        cells.push(cell);
        let blank = cells.iter().all(|c| c.trim().is_empty());
        if !blank {
            records.push(Record { line: start, cells });
        }
        if !ended_line {
            break;
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cells(records: &[Record]) -> Vec<(u32, Vec<&str>)> {
        records
            .iter()
            .map(|r| (r.line, r.cells.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn commas_semicolons_and_tabs() {
        let comma = read("a,b\n1,2\n").unwrap();
        assert_eq!(cells(&comma), [(1, vec!["a", "b"]), (2, vec!["1", "2"])]);
        let semicolon = read("a;b;c\r\n1,5;2;\r\n").unwrap();
        assert_eq!(
            cells(&semicolon),
            [(1, vec!["a", "b", "c"]), (2, vec!["1,5", "2", ""])]
        );
        let tab = read("a\tb\n1\t2").unwrap();
        assert_eq!(cells(&tab), [(1, vec!["a", "b"]), (2, vec!["1", "2"])]);
    }

    #[test]
    fn quotes_hold_separators_breaks_and_quotes() {
        let text =
            "\u{feff}name;note\n\"Dupont; Jean\";\"He said \"\"yes\"\"\nthen left\"\nnext;x\n";
        let records = read(text).unwrap();
        assert_eq!(
            cells(&records),
            [
                (1, vec!["name", "note"]),
                (2, vec!["Dupont; Jean", "He said \"yes\"\nthen left"]),
                (4, vec!["next", "x"]),
            ]
        );
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let records = read("a,b\n\n1,2\n ,\n3,4").unwrap();
        assert_eq!(
            cells(&records),
            [
                (1, vec!["a", "b"]),
                (3, vec!["1", "2"]),
                (5, vec!["3", "4"])
            ]
        );
        assert_eq!(read("").unwrap(), []);
    }

    #[test]
    fn an_open_quote_is_refused_where_its_record_starts() {
        let refused = read("a,b\n1,2\n\"open,3\n4,5\n").unwrap_err();
        assert_eq!((refused.line, refused.issue), (3, Issue::UnclosedQuote));
    }

    proptest! {
        #[test]
        fn never_panics_and_lines_grow(text in "(\\PC|[\",;\\n\\r])*") {
            if let Ok(records) = read(&text) {
                prop_assert!(records.windows(2).all(|w| w[0].line < w[1].line));
            }
        }

        #[test]
        fn quoted_cells_round_trip(cells in proptest::collection::vec("[a-z,;\" \\n]{0,8}", 1..6)) {
            let line = cells
                .iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(",");
            let text = format!("h\n{line}\n");
            let records = read(&text).unwrap();
            if cells.iter().all(|c| c.trim().is_empty()) {
                prop_assert_eq!(records.len(), 1);
            } else {
                prop_assert_eq!(&records[1].cells, &cells);
            }
        }
    }
}
