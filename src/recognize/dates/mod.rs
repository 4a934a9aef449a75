//! The article's date, in order of trust: a ` date YYYY-MM-DD` first line; a
//! dateline ("SEOUL, June 3 (Yonhap) --"), its year from the header's
//! ` date YYYY-MM`, a year in the dateline, or the file's date; a full date written
//! near the top ("on June 3, 2023"); the file's modification date.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Date, DateSource};

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month_number(name: &str) -> Option<u8> {
    let l = name.to_ascii_lowercase();
    let l = l.trim_end_matches('.');
    if l.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| l.starts_with(m)).map(|i| i as u8 + 1)
}

const MONTH_RE: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

fn header_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"^\u{feff}?\s*date\s+(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\b").expect("valid regex"))
}

fn dateline_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(r"^[^\n]{{0,120}}?(?:,|\))\s+{MONTH_RE}\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\s*(?:\(|--|-|—|/|:)"))
            .expect("valid regex")
    })
}

/// What every dateline contains: a comma or parenthesis, a month and a digit.
/// Lines without it are skipped before [`dateline_re`], whose bounded
/// repetition makes the lazy DFA build many states on long lines.
fn dateline_hint_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(&format!(r"(?:,|\))\s+{MONTH_RE}\s+\d")).expect("valid regex"))
}

/// A full date: "June 3, 2023", "3 June 2023" or "2023-06-03", as whole words.
fn full_date_pattern(boundary: &str) -> String {
    let b = boundary;
    format!(
        r"{b}{MONTH_RE}\s+(\d{{1,2}}),\s+((?:19|20)\d\d){b}|{b}(\d{{1,2}})\s+{MONTH_RE}\s+((?:19|20)\d\d){b}|{b}((?:19|20)\d\d)-(\d\d)-(\d\d){b}"
    )
}

fn full_date_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(&full_date_pattern(r"\b")).expect("valid regex"))
}

/// [`full_date_re`] without its word boundaries: it matches wherever the real
/// one does (and more), and runs on the fast engine (Unicode word boundaries
/// send the regex crate to a slower one on non-ASCII text).
fn full_date_candidates_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(&full_date_pattern("")).expect("valid regex"))
}

/// The first full date in `text`: the real pattern is run from the first place
/// its looser twin matches (no match of the real one can start before).
fn first_full_date(text: &str) -> Option<regex::Captures<'_>> {
    let from = full_date_candidates_re().find(text)?.start();
    full_date_re().captures_at(text, from)
}

/// Detects the date of an article.
pub fn detect(text: &str, file_date: Option<Date>) -> Option<(Date, DateSource)> {
    let head: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
    let mut header_year = None;
    let mut header_month = None;
    if let Some(c) = header_re().captures(&head) {
        let y: u16 = c[1].parse().ok()?;
        let m: Option<u8> = c.get(2).and_then(|m| m.as_str().parse().ok());
        let d: Option<u8> = c.get(3).and_then(|d| d.as_str().parse().ok());
        if let (Some(m), Some(d)) = (m, d)
            && let Some(date) = Date::new(y, m, d)
        {
            return Some((date, DateSource::Header));
        }
        header_year = Some(y);
        header_month = m;
    }
    for line in head.lines().filter(|l| !l.trim().is_empty()).take(8) {
        if !dateline_hint_re().is_match(line) {
            continue;
        }
        if let Some(c) = dateline_re().captures(line) {
            let Some(month) = month_number(&c[1]) else { continue };
            let Ok(day) = c[2].parse::<u8>() else { continue };
            let stated =
                c.get(3).and_then(|y| y.as_str().parse().ok()).or(header_year.filter(|_| header_month.is_none_or(|hm| hm == month)));
            let (year, source) = match stated {
                Some(y) => (Some(y), DateSource::Dateline),
                None => (file_date.map(|f| year_before(f, month, day)), DateSource::DatelineFileYear),
            };
            if let Some(y) = year
                && let Some(d) = Date::new(y, month, day)
            {
                return Some((d, source));
            }
        }
    }
    // A full date anywhere (a caption's "on July 10, 2024"), the first one.
    if let Some(c) = first_full_date(&head).or_else(|| first_full_date(text)) {
        let date = if let Some(m) = c.get(1) {
            Date::new(c[3].parse().ok()?, month_number(m.as_str())?, c[2].parse().ok()?)
        } else if let Some(d) = c.get(4) {
            Date::new(c[6].parse().ok()?, month_number(&c[5])?, d.as_str().parse().ok()?)
        } else {
            Date::new(c[7].parse().ok()?, c[8].parse().ok()?, c[9].parse().ok()?)
        };
        if let Some(d) = date {
            return Some((d, DateSource::Text));
        }
    }
    file_date.map(|d| (d, DateSource::FileTime))
}

/// The year that puts month/day on or before the file's date.
fn year_before(file: Date, month: u8, day: u8) -> u16 {
    if (month, day) <= (file.month, file.day) { file.year } else { file.year - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn header_line_wins() {
        assert_eq!(
            detect(" date 2025-06-26 Tuesday, 02 January 2024\nTOKYO, June 20 (KUNA) --", None),
            Some((d("2025-06-26"), DateSource::Header))
        );
    }

    #[test]
    fn partial_header_completes_a_dateline() {
        let t = " date 2023-06 (ATTN: UPDATES)\n\nBy Someone\n\nSINGAPORE, June 3 (Yonhap) -- Text.";
        assert_eq!(detect(t, None), Some((d("2023-06-03"), DateSource::Dateline)));
    }

    #[test]
    fn dateline_year_from_file_date() {
        let t = "Gyeongju (South Korea), Oct 30 (IANS) South Korean ...";
        assert_eq!(detect(t, Some(d("2025-11-02"))), Some((d("2025-10-30"), DateSource::DatelineFileYear)));
        assert_eq!(detect(t, Some(d("2026-03-01"))), Some((d("2025-10-30"), DateSource::DatelineFileYear)));
    }

    #[test]
    fn full_dates_in_text_then_file_time() {
        assert_eq!(detect("Ministers met on June 3, 2023 in Singapore.", None), Some((d("2023-06-03"), DateSource::Text)));
        let late = format!("{}Photo taken on July 10, 2024.", "Paragraph.\n".repeat(20));
        assert_eq!(detect(&late, Some(d("2026-01-01"))), Some((d("2024-07-10"), DateSource::Text)));
        assert_eq!(detect("No date here.", Some(d("2024-01-05"))), Some((d("2024-01-05"), DateSource::FileTime)));
        assert_eq!(detect("", None), None);
    }

    #[test]
    fn full_dates_need_whole_words() {
        for (t, want) in [
            ("On June 3, 2023.", Some("2023-06-03")),
            ("xJune 3, 2023 then 4 July 2024", Some("2024-07-04")),
            ("éJune 3, 2023 and 2024-01-02x and 2024-01-05", Some("2024-01-05")),
            ("Seoul, 12 Dec 2019", Some("2019-12-12")),
            ("ref 12 Dec 20195", None),
        ] {
            assert_eq!(detect(t, None).map(|(d, _)| d.to_string()).as_deref(), want, "{t}");
            let slow = full_date_re().captures(t).map(|c| c.get(0).map(|m| m.range()));
            let fast = first_full_date(t).map(|c| c.get(0).map(|m| m.range()));
            assert_eq!(slow, fast, "{t}");
        }
    }

    #[test]
    fn bad_dates_are_ignored() {
        assert_eq!(detect(" date 2023-02-31\nx", None), None);
        assert_eq!(detect("SEOUL, Feb. 30 (Yonhap) -- x", None), None);
    }
}
