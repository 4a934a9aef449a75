//! Dates in a file's path, for articles whose text states none: a full date in
//! the file name (`2024-07-11-slug.txt`, `20240711_slug.txt`, `2024_07_11.txt`,
//! `slug-2024.07.11.txt`), folders by year, month and day (`2024/07/11/slug.txt`),
//! or a full date in a folder's name; else a year and month at the start of the
//! file name (`2024-07-slug.txt`) or folders by year and month (`2024/07/slug.txt`).
//!
//! A date must stand apart from letters and other digits (`top-10-2024-list.txt`,
//! `id20240711x.txt` and `123456789.txt` are no dates), its year lie in
//! 1900–2099, and its month and day exist (`2024-13-45` is none). A year alone
//! (`2024/slug.txt`) is not taken: too many slugs hold one. The work is linear in
//! the path's length and looks at the file name and at most [`FOLDERS`] folders
//! above it.

use std::path::Path;

use crate::model::Date;

/// A date read from a file's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathDate {
    /// A full date.
    Day(Date),
    /// A year and month only: it completes a dateline ("SEOUL, July 3 --") but is
    /// no date by itself.
    Month { year: u16, month: u8 },
}

/// How many folders above the file are looked at.
pub const FOLDERS: usize = 3;

/// The date in a path (relative to the corpus root, so that folders above the
/// corpus say nothing).
pub fn from_path(path: &Path) -> Option<PathDate> {
    let file = path.file_name()?;
    let stem = Path::new(file).file_stem().unwrap_or(file).to_string_lossy();
    let folders: Vec<String> = path
        .parent()
        .map(|p| p.components().rev().take(FOLDERS).map(|c| c.as_os_str().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    // Nearest first: the file name, then its folders.
    let parts: Vec<&str> = std::iter::once(stem.as_ref()).chain(folders.iter().map(String::as_str)).collect();
    let full = |(date, _): (Option<Date>, Option<(u16, u8)>)| date;
    let month = |(_, month): (Option<Date>, Option<(u16, u8)>)| month;
    let stem_dates = in_name(parts[0]);
    if let Some(d) = full(stem_dates).or_else(|| folder_day(&parts)).or_else(|| parts[1..].iter().find_map(|p| full(in_name(p)))) {
        return Some(PathDate::Day(d));
    }
    month(stem_dates)
        .or_else(|| folder_month(&parts))
        .or_else(|| parts[1..].iter().find_map(|p| month(in_name(p))))
        .map(|(year, month)| PathDate::Month { year, month })
}

/// Folders `YYYY/MM/DD` (the last may be the file name: `2024/07/11.txt`).
fn folder_day(parts: &[&str]) -> Option<Date> {
    parts.windows(3).find_map(|w| {
        let (d, m, y) = (number(w[0], 1..=2)?, number(w[1], 1..=2)?, year(w[2])?);
        Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    })
}

/// Folders `YYYY/MM` (the last may be the file name: `2024/07.txt`).
fn folder_month(parts: &[&str]) -> Option<(u16, u8)> {
    parts.windows(2).find_map(|w| {
        let (m, y) = (number(w[0], 1..=2)?, year(w[1])?);
        let m = u8::try_from(m).ok().filter(|m| (1..=12).contains(m))?;
        Some((y, m))
    })
}

/// A path component that is a number of so many digits.
fn number(s: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u16> {
    (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn year(s: &str) -> Option<u16> {
    number(s, 4..=4).filter(|y| (1900..=2099).contains(y))
}

/// The first full date in a name, and a year and month at its start.
fn in_name(name: &str) -> (Option<Date>, Option<(u16, u8)>) {
    let b = name.as_bytes();
    // Maximal runs of ASCII digits.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    let apart_before = |s: usize| s == 0 || !b[s - 1].is_ascii_alphanumeric();
    // After a date: nothing, a separator, or an ISO time ("T08").
    let apart_after =
        |e: usize| e == b.len() || !b[e].is_ascii_alphanumeric() || (b[e] == b'T' && b.get(e + 1).is_some_and(u8::is_ascii_digit));
    let num = |(s, e): (usize, usize)| name[s..e].parse::<u16>().ok();
    let mut month = None;
    for (k, &(s, e)) in runs.iter().enumerate() {
        if !apart_before(s) {
            continue;
        }
        if e - s == 8 && apart_after(e) {
            let (y, m, d) = (num((s, s + 4)), num((s + 4, s + 6)), num((s + 6, e)));
            if let (Some(y), Some(m), Some(d)) = (y.filter(|y| (1900..=2099).contains(y)), m, d)
                && let Some(date) = Date::new(y, m as u8, d as u8)
            {
                return (Some(date), month);
            }
            continue;
        }
        let Some(y) = num((s, e)).filter(|y| e - s == 4 && (1900..=2099).contains(y)) else { continue };
        let sep = match b.get(e) {
            Some(&c @ (b'-' | b'_' | b'.')) => c,
            _ => continue,
        };
        let Some(&(ms, me)) = runs.get(k + 1).filter(|r| r.0 == e + 1 && (1..=2).contains(&(r.1 - r.0))) else { continue };
        let Some(m) = num((ms, me)) else { continue };
        if b.get(me) == Some(&sep)
            && let Some(&(ds, de)) = runs.get(k + 2).filter(|r| r.0 == me + 1 && (1..=2).contains(&(r.1 - r.0)))
        {
            if apart_after(de)
                && let Some(date) = num((ds, de)).and_then(|d| Date::new(y, m as u8, d as u8))
            {
                return (Some(date), month);
            }
            continue;
        }
        // "2024-07-115": some other number.
        let more = b.get(me) == Some(&sep) && b.get(me + 1).is_some_and(u8::is_ascii_digit);
        if s == 0 && !more && apart_after(me) && (1..=12).contains(&m) {
            month = Some((y, m as u8));
        }
    }
    (None, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(p: &str) -> Option<String> {
        from_path(Path::new(p)).map(|d| match d {
            PathDate::Day(d) => d.to_string(),
            PathDate::Month { year, month } => format!("{year:04}-{month:02}"),
        })
    }

    #[test]
    fn file_name_dates() {
        for (p, want) in [
            ("2024-07-11-slug.txt", "2024-07-11"),
            ("20240711_slug.txt", "2024-07-11"),
            ("2024_07_11.txt", "2024-07-11"),
            ("2024.07.11.txt", "2024-07-11"),
            ("slug-2024-7-1.txt", "2024-07-01"),
            ("reuters_20231231.txt", "2023-12-31"),
            ("2025-03-12T080000Z-slug.txt", "2025-03-12"),
            ("world/2024-02-29-leap.txt", "2024-02-29"),
            ("2023-08-19-camp-david-trilateral-summit.txt", "2023-08-19"),
            ("top-10-list-2024-05-06.txt", "2024-05-06"),
        ] {
            assert_eq!(at(p).as_deref(), Some(want), "{p}");
        }
    }

    #[test]
    fn folder_dates() {
        assert_eq!(at("2024/07/11/slug.txt").as_deref(), Some("2024-07-11"));
        assert_eq!(at("news/2024/7/1/slug.txt").as_deref(), Some("2024-07-01"));
        assert_eq!(at("2024/07/11.txt").as_deref(), Some("2024-07-11"));
        assert_eq!(at("2024-07-11/slug.txt").as_deref(), Some("2024-07-11"));
        // The file name's date before its folders'.
        assert_eq!(at("2020/01/01/2024-07-11-slug.txt").as_deref(), Some("2024-07-11"));
        // A full date in a folder before a month in the file name.
        assert_eq!(at("2024/07/11/2024-07-slug.txt").as_deref(), Some("2024-07-11"));
    }

    #[test]
    fn year_and_month_only() {
        assert_eq!(at("2024-07-slug.txt").as_deref(), Some("2024-07"));
        assert_eq!(at("2024_07.txt").as_deref(), Some("2024-07"));
        assert_eq!(at("2024/07/slug.txt").as_deref(), Some("2024-07"));
        // Not at the start of the name: a number in a slug.
        assert_eq!(at("best-of-2024-10-picks.txt"), None);
        assert_eq!(at("2024-13-slug.txt"), None);
    }

    #[test]
    fn numbers_that_are_no_dates() {
        for p in [
            "top-10-2024-list.txt",
            "2024-13-45-slug.txt",
            "2023-02-29-not-leap.txt",
            "20241345_slug.txt",
            "123456789.txt",
            "12345678.txt",
            "id20240711x.txt",
            "v2024-07-11b.txt",
            "2024-07-115-slug.txt",
            "2024/slug.txt",
            "2024/13/01/slug.txt",
            "page-3000-01-01.txt",
            "g7-summit.txt",
            "",
        ] {
            assert_eq!(at(p), None, "{p}");
        }
    }

    #[test]
    fn only_the_nearest_folders() {
        assert_eq!(at("2024/07/11/a/b/c/slug.txt"), None);
        assert_eq!(at("2024/07/11/a/b/slug.txt"), None);
        assert_eq!(at("2024-07-11/a/b/slug.txt").as_deref(), Some("2024-07-11"));
    }

    #[test]
    fn long_names_are_linear() {
        let long = format!("{}2024-07-11.txt", "1-".repeat(200_000));
        assert_eq!(at(&long).as_deref(), Some("2024-07-11"));
    }
}
