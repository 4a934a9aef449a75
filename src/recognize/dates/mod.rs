//! The article's date, in order of trust (the order of [`DateSource`]):
//!
//! 1. a ` date YYYY-MM-DD` first line ([`DateSource::Header`]);
//! 2. a "Published"/"Updated" line, or a line that is only a date or timestamp,
//!    near the top ([`metadata`]; the publication before the update);
//! 3. a dateline ("SEOUL, June 3 (Yonhap) --") with a year: its own, or the
//!    header's ` date YYYY-MM` ([`DateSource::Dateline`]);
//! 4. a full date in the file's path ([`path`]: `2024-07-11-slug.txt`,
//!    `2024/07/11/slug.txt`) — before a dateline without a year, which is a
//!    month and a day, not a date (a file named after the day of publication
//!    is usually the dateline's day or the day after);
//! 5. a dateline without a year, its year from a year and month in the path
//!    (`2024-07-slug.txt`), the nearest one;
//! 6. a full date written in the text ("on June 3, 2023"), the first near the
//!    top, else the first anywhere;
//! 7. a dateline without a year, its year from the file's modification time;
//! 8. the file's modification time.
//!
//! The last two are "file dates" ([`DateSource::is_file_time`]): a checkout
//! gives every file the same time, so they never outrank a stated date when the
//! corpus picks a person's current role, and hovers mark them.
//!
//! [`detect`] is a pure function of the text and the [`FileDates`] the corpus
//! reads off the file (the date in its path, relative to the corpus root, and
//! its modification time). The work is linear in the text: only the first
//! [`HEAD_LINES`] lines are searched for headers, metadata and datelines (long
//! lines are pre-filtered before the dateline pattern, metadata lines are
//! short), and the first full date is found by a linear search.

pub mod metadata;
pub mod path;

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Date, DateSource};
pub use path::{PathDate, from_path};

/// How many lines at the top are searched for a header, metadata and a dateline.
pub const HEAD_LINES: usize = 12;

/// What an article's file says about its date: a date in its path and its
/// modification time. `Option<Date>` converts to the modification time alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FileDates {
    /// The date in the file's path ([`from_path`]).
    pub name: Option<PathDate>,
    /// The file's modification date.
    pub modified: Option<Date>,
}

impl FileDates {
    /// The dates of a file at `path` (relative to the corpus root) last modified on `modified`.
    pub fn of(path: &std::path::Path, modified: Option<Date>) -> FileDates {
        FileDates { name: from_path(path), modified }
    }
}

impl From<Option<Date>> for FileDates {
    fn from(modified: Option<Date>) -> FileDates {
        FileDates { name: None, modified }
    }
}

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

/// A dateline's month and day, and its year if it states one (or the header does).
struct Dateline {
    month: u8,
    day: u8,
    year: Option<u16>,
}

/// The first dateline in the head whose month and day exist.
fn first_dateline(head: &[&str], header_year: Option<u16>, header_month: Option<u8>) -> Option<Dateline> {
    for line in head.iter().filter(|l| !l.trim().is_empty()).take(8) {
        if !dateline_hint_re().is_match(line) {
            continue;
        }
        let Some(c) = dateline_re().captures(line) else { continue };
        let Some(month) = month_number(&c[1]) else { continue };
        let Ok(day) = c[2].parse::<u8>() else { continue };
        let year = c.get(3).and_then(|y| y.as_str().parse().ok()).or(header_year.filter(|_| header_month.is_none_or(|hm| hm == month)));
        // Feb 29 exists in a leap year.
        if Date::new(year.unwrap_or(2000), month, day).is_some() {
            return Some(Dateline { month, day, year });
        }
    }
    None
}

/// Detects the date of an article (see the module's documentation for the order).
pub fn detect(text: &str, file: FileDates) -> Option<(Date, DateSource)> {
    let head_lines: Vec<&str> = text.lines().take(HEAD_LINES).collect();
    let head = head_lines.join("\n");
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
    if let Some(d) = metadata::metadata_date(head_lines.iter().copied()) {
        return Some((d, DateSource::Metadata));
    }
    let dateline = first_dateline(&head_lines, header_year, header_month);
    if let Some(dl) = &dateline
        && let Some(y) = dl.year
        && let Some(d) = Date::new(y, dl.month, dl.day)
    {
        return Some((d, DateSource::Dateline));
    }
    match file.name {
        Some(PathDate::Day(d)) => return Some((d, DateSource::FileName)),
        Some(PathDate::Month { year, month }) => {
            if let Some(dl) = &dateline
                && let Some(d) = Date::new(year_near(year, month, dl.month), dl.month, dl.day)
            {
                return Some((d, DateSource::DatelineFileName));
            }
        }
        None => {}
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
    let modified = file.modified?;
    if let Some(dl) = &dateline
        && let Some(d) = Date::new(year_before(modified, dl.month, dl.day), dl.month, dl.day)
    {
        return Some((d, DateSource::DatelineFileYear));
    }
    Some((modified, DateSource::FileTime))
}

/// The year that puts month/day on or before the file's date.
fn year_before(file: Date, month: u8, day: u8) -> u16 {
    if (month, day) <= (file.month, file.day) { file.year } else { file.year - 1 }
}

/// The year that puts a dateline's month nearest the path's year and month
/// (a `2024-12` file with a "Jan 2" dateline is of 2025; ties go to the earlier).
fn year_near(year: u16, month: u8, dateline_month: u8) -> u16 {
    let at = |y: u16| (i32::from(y) * 12 + i32::from(dateline_month) - (i32::from(year) * 12 + i32::from(month))).abs();
    [year.saturating_sub(1), year, year.saturating_add(1)].into_iter().min_by_key(|&y| at(y)).unwrap_or(year)
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
            detect(" date 2025-06-26 Tuesday, 02 January 2024\nTOKYO, June 20 (KUNA) --", FileDates::default()),
            Some((d("2025-06-26"), DateSource::Header))
        );
    }

    #[test]
    fn partial_header_completes_a_dateline() {
        let t = " date 2023-06 (ATTN: UPDATES)\n\nBy Someone\n\nSINGAPORE, June 3 (Yonhap) -- Text.";
        assert_eq!(detect(t, FileDates::default()), Some((d("2023-06-03"), DateSource::Dateline)));
    }

    #[test]
    fn dateline_year_from_file_date() {
        let t = "Gyeongju (South Korea), Oct 30 (IANS) South Korean ...";
        assert_eq!(detect(t, Some(d("2025-11-02")).into()), Some((d("2025-10-30"), DateSource::DatelineFileYear)));
        assert_eq!(detect(t, Some(d("2026-03-01")).into()), Some((d("2025-10-30"), DateSource::DatelineFileYear)));
    }

    #[test]
    fn full_dates_in_text_then_file_time() {
        assert_eq!(detect("Ministers met on June 3, 2023 in Singapore.", FileDates::default()), Some((d("2023-06-03"), DateSource::Text)));
        let late = format!("{}Photo taken on July 10, 2024.", "Paragraph.\n".repeat(20));
        assert_eq!(detect(&late, Some(d("2026-01-01")).into()), Some((d("2024-07-10"), DateSource::Text)));
        assert_eq!(detect("No date here.", Some(d("2024-01-05")).into()), Some((d("2024-01-05"), DateSource::FileTime)));
        assert_eq!(detect("", FileDates::default()), None);
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
            assert_eq!(detect(t, FileDates::default()).map(|(d, _)| d.to_string()).as_deref(), want, "{t}");
            let slow = full_date_re().captures(t).map(|c| c.get(0).map(|m| m.range()));
            let fast = first_full_date(t).map(|c| c.get(0).map(|m| m.range()));
            assert_eq!(slow, fast, "{t}");
        }
    }

    #[test]
    fn bad_dates_are_ignored() {
        assert_eq!(detect(" date 2023-02-31\nx", FileDates::default()), None);
        assert_eq!(detect("SEOUL, Feb. 30 (Yonhap) -- x", FileDates::default()), None);
    }

    fn named(name: &str, modified: Option<&str>) -> FileDates {
        FileDates::of(std::path::Path::new(name), modified.map(d))
    }

    /// After a checkout every file has the day of the checkout.
    const CHECKOUT: Option<&str> = Some("2026-12-07");

    #[test]
    fn file_name_date_beats_a_dateline_without_year() {
        let t = "U.S., Japan, South Korea Agree\n\nCAMP DAVID, Maryland, Aug 18 (Reuters) - U.S. President Joe Biden ...";
        let f = named("2023-08-19-camp-david-trilateral-summit.txt", CHECKOUT);
        assert_eq!(detect(t, f), Some((d("2023-08-19"), DateSource::FileName)));
        // Without the name, the checkout's year completes the dateline.
        assert_eq!(detect(t, named("camp-david.txt", CHECKOUT)), Some((d("2026-08-18"), DateSource::DatelineFileYear)));
    }

    #[test]
    fn file_name_date_beats_text_dates_and_file_time() {
        let t = "SEOUL, South Korea (AP) — North Korea test-fired ... since June 25, 1950.";
        let f = named("2024-10-31-north-korea-icbm-troops-russia.txt", CHECKOUT);
        assert_eq!(detect(t, f), Some((d("2024-10-31"), DateSource::FileName)));
        assert_eq!(detect("No date.", named("2024/10/31/slug.txt", CHECKOUT)), Some((d("2024-10-31"), DateSource::FileName)));
        // Not a date: the file time stays last.
        assert_eq!(detect("No date.", named("top-10-2024-list.txt", CHECKOUT)), Some((d("2026-12-07"), DateSource::FileTime)));
        assert_eq!(detect("No date.", named("2024-13-45-slug.txt", None)), None);
    }

    #[test]
    fn stated_dates_beat_the_file_name() {
        let f = named("2020-01-01-slug.txt", CHECKOUT);
        assert_eq!(detect(" date 2023-06-03\nx", f), Some((d("2023-06-03"), DateSource::Header)));
        assert_eq!(detect("Headline\nPublished 12 March 2025\nText.", f), Some((d("2025-03-12"), DateSource::Metadata)));
        assert_eq!(detect("SEOUL, June 3, 2024 (Yonhap) -- x", f), Some((d("2024-06-03"), DateSource::Dateline)));
        assert_eq!(detect(" date 2023-06\nSEOUL, June 3 (Yonhap) -- x", f), Some((d("2023-06-03"), DateSource::Dateline)));
    }

    #[test]
    fn metadata_lines_beat_datelines() {
        let t = "Headline\nUpdated: Oct 24, 2025 10:31 PM GMT\nPosted 2025-10-23T08:00:00Z\nSEOUL, Oct. 22 (Yonhap) -- x";
        assert_eq!(detect(t, FileDates::default()), Some((d("2025-10-23"), DateSource::Metadata)));
        // The header still wins.
        assert_eq!(detect(&format!(" date 2025-10-20\n{t}"), FileDates::default()), Some((d("2025-10-20"), DateSource::Header)));
        // Prose with "published" is not metadata: the dateline decides.
        let prose = "The report was published on March 3, 2025.\nSEOUL, June 3, 2025 (Yonhap) -- x";
        assert_eq!(detect(prose, FileDates::default()), Some((d("2025-06-03"), DateSource::Dateline)));
    }

    #[test]
    fn dateline_year_from_file_name_month() {
        let t = "SEOUL, June 3 (Yonhap) -- Text.";
        assert_eq!(detect(t, named("2024-06-slug.txt", CHECKOUT)), Some((d("2024-06-03"), DateSource::DatelineFileName)));
        assert_eq!(detect(t, named("2024/07/slug.txt", None)), Some((d("2024-06-03"), DateSource::DatelineFileName)));
        let jan = "SEOUL, Jan. 2 (Yonhap) -- Text.";
        assert_eq!(detect(jan, named("2024-12-slug.txt", None)), Some((d("2025-01-02"), DateSource::DatelineFileName)));
        let dec = "SEOUL, Dec. 30 (Yonhap) -- Text.";
        assert_eq!(detect(dec, named("2025-01-slug.txt", None)), Some((d("2024-12-30"), DateSource::DatelineFileName)));
        // A month alone is no date: a full date in the text, then the file time.
        assert_eq!(detect("They met on June 3, 2024.", named("2024-06-slug.txt", CHECKOUT)), Some((d("2024-06-03"), DateSource::Text)));
        assert_eq!(detect("No date.", named("2024-06-slug.txt", CHECKOUT)), Some((d("2026-12-07"), DateSource::FileTime)));
    }

    #[test]
    fn text_dates_beat_file_time_years() {
        let t = "SEOUL, June 3 (Yonhap) -- Ministers met on June 3, 2023.";
        assert_eq!(detect(t, named("slug.txt", CHECKOUT)), Some((d("2023-06-03"), DateSource::Text)));
    }

    #[test]
    fn file_time_sources_are_marked() {
        for s in [DateSource::FileTime, DateSource::DatelineFileYear] {
            assert!(s.is_file_time(), "{s:?}");
        }
        for s in [
            DateSource::Header,
            DateSource::Metadata,
            DateSource::Dateline,
            DateSource::FileName,
            DateSource::DatelineFileName,
            DateSource::Text,
        ] {
            assert!(!s.is_file_time(), "{s:?}");
        }
    }

    #[test]
    fn a_megabyte_on_one_line_is_bounded() {
        let line = "SEOUL, June 3 (Yonhap) Published 2025-03-12T08 ".repeat(25_000);
        let t0 = std::time::Instant::now();
        let got = detect(&line, named("2024-06-slug.txt", CHECKOUT));
        assert_eq!(got, Some((d("2024-06-03"), DateSource::DatelineFileName)));
        assert!(t0.elapsed() < std::time::Duration::from_secs(2), "{:?}", t0.elapsed());
    }
}
