//! Publication lines near the top of an article: "Published 12 March 2025",
//! "Updated: Oct 23, 2025 10:31 PM GMT", "First published on Tue 12 Mar 2025
//! 08.00 GMT", "Posted 2025-03-12T08:00:00Z", and lines that are only a date or
//! a timestamp ("October 23, 2025 10:31 PM GMT+1 Updated 6 hours ago",
//! "2025-03-12T08:00:00Z").
//!
//! The publication date wins over the update's: an article's claims are as of
//! when it was written, and an update often touches one line. An update's date
//! is taken only when the article gives no other.
//!
//! A label counts only capitalised ("Published", "UPDATED", not "was published
//! on") and only when nothing but time words stands between it and its date
//! ("Updated figures released on March 3, 2025" is prose). A date with no label
//! before it counts only on a line of nothing but dates, times, zones, weekdays
//! and labels. Lines longer than [`MAX_LINE`] bytes are prose and are skipped, so
//! the work is bounded whatever the text.

use std::sync::OnceLock;

use regex::Regex;

use super::{MONTH_RE, month_number};
use crate::model::Date;

/// Longer lines are paragraphs, not metadata.
pub const MAX_LINE: usize = 200;

/// Words a metadata line may hold besides its labels and dates: weekdays, time
/// and zone words, "6 hours ago". Letters and digits are split apart first
/// ("T08:00:00Z" is `t`, `08`, `00`, `00`, `z`).
const FILLER: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "t",
    "z",
    "utc",
    "gmt",
    "kst",
    "jst",
    "hkt",
    "sgt",
    "ict",
    "wib",
    "ist",
    "pkt",
    "cst",
    "cdt",
    "est",
    "edt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "akst",
    "hst",
    "bst",
    "cet",
    "cest",
    "eet",
    "eest",
    "wet",
    "west",
    "msk",
    "aest",
    "aedt",
    "acst",
    "nzst",
    "nzdt",
    "sast",
    "wat",
    "eat",
    "brt",
    "art",
    "on",
    "at",
    "ago",
    "hour",
    "hours",
    "hr",
    "hrs",
    "min",
    "mins",
    "minute",
    "minutes",
    "day",
    "days",
    "just",
    "now",
    "local",
    "time",
    "and",
    // the labels' words
    "first",
    "last",
    "published",
    "posted",
    "updated",
    "modified",
    "date",
    "pub",
    "publication",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    Published,
    Updated,
}

fn label_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"\b(?:(?:First|FIRST)\s+(?:published|Published|PUBLISHED)|Published|PUBLISHED|Posted|POSTED|(?:(?:Last|LAST)\s+)?(?:updated|Updated|UPDATED|modified|Modified|MODIFIED)|(?:Pub(?:lication)?\s+)?(?:Date|DATE)\s*:)",
        )
        .expect("valid regex")
    })
}

/// A date on a metadata line: "March 12, 2025", "12 March 2025", "Oct 23 2025",
/// "2025-03-12" (also before "T08:00"), "2025/03/12".
fn line_date_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(
            r"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_RE},?\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)(?:\b|T\d)"
        ))
        .expect("valid regex")
    })
}

fn date_of(c: &regex::Captures<'_>) -> Option<Date> {
    if let Some(m) = c.get(1) {
        Date::new(c[3].parse().ok()?, month_number(m.as_str())?, c[2].parse().ok()?)
    } else if let Some(d) = c.get(4) {
        Date::new(c[6].parse().ok()?, month_number(&c[5])?, d.as_str().parse().ok()?)
    } else {
        Date::new(c[7].parse().ok()?, c[8].parse().ok()?, c[9].parse().ok()?)
    }
}

/// Whether a stretch of a line holds only filler words and numbers.
fn filler(s: &str) -> bool {
    let mut word = String::new();
    let mut ok = true;
    let mut flush = |w: &mut String| {
        if !w.is_empty() && !FILLER.contains(&w.as_str()) {
            ok = false;
        }
        w.clear();
    };
    for ch in s.chars() {
        if ch.is_alphabetic() {
            word.extend(ch.to_lowercase());
        } else {
            flush(&mut word);
            if ch.is_alphanumeric() && !ch.is_ascii_digit() {
                return false;
            }
        }
    }
    flush(&mut word);
    ok
}

/// The dates one line states, with their labels.
fn line_dates(line: &str) -> Vec<(Label, Date)> {
    if line.len() > MAX_LINE || !line.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let dates: Vec<(std::ops::Range<usize>, Option<Date>)> =
        line_date_re().captures_iter(line).map(|c| (c.get(0).map_or(0..0, |m| m.range()), date_of(&c))).collect();
    if dates.is_empty() {
        return Vec::new();
    }
    let labels: Vec<(std::ops::Range<usize>, Label)> = label_re()
        .find_iter(line)
        .map(|m| {
            let l = m.as_str().to_ascii_lowercase();
            (m.range(), if l.contains("updated") || l.contains("modified") { Label::Updated } else { Label::Published })
        })
        .collect();
    // A line of nothing but dates, times and labels.
    let mut outside = String::new();
    let mut at = 0;
    for (r, _) in &dates {
        outside.push_str(&line[at..r.start]);
        outside.push(' ');
        at = r.end;
    }
    outside.push_str(&line[at..]);
    let bare = filler(&outside);
    let mut out = Vec::new();
    for (r, date) in &dates {
        let Some(date) = *date else { continue };
        match labels.iter().rev().find(|(l, _)| l.end <= r.start) {
            Some((l, label)) if filler(&line[l.end..r.start]) => out.push((*label, date)),
            Some(_) => {}
            None if bare => out.push((Label::Published, date)),
            None => {}
        }
    }
    out
}

/// The publication date stated near the top (the first `lines`), else the
/// update's.
pub fn metadata_date<'a>(lines: impl Iterator<Item = &'a str>) -> Option<Date> {
    let mut updated = None;
    for line in lines {
        for (label, date) in line_dates(line) {
            match label {
                Label::Published => return Some(date),
                Label::Updated => updated = updated.or(Some(date)),
            }
        }
    }
    updated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<String> {
        metadata_date(text.lines()).map(|d| d.to_string())
    }

    #[test]
    fn published_and_updated_lines() {
        for (t, want) in [
            ("Published 12 March 2025", "2025-03-12"),
            ("Updated: Oct 23, 2025 10:31 PM GMT", "2025-10-23"),
            ("October 23, 2025 10:31 PM GMT+1 Updated 6 hours ago", "2025-10-23"),
            ("First published on Tue 12 Mar 2025 08.00 GMT", "2025-03-12"),
            ("Posted 2025-03-12T08:00:00Z", "2025-03-12"),
            ("2025-03-12T08:00:00Z", "2025-03-12"),
            ("Wednesday, 04 December 2024 06:40 KST", "2024-12-04"),
            ("By Jane Doe | Published March 3, 2025", "2025-03-03"),
            ("Published 12 March 2025 by Jane Doe, Reuters", "2025-03-12"),
            ("PUBLISHED: 2025/03/12", "2025-03-12"),
            ("Date: 3rd June 2024", "2024-06-03"),
            ("Last Updated on June 5, 2024 at 9:00 a.m. EDT", "2024-06-05"),
        ] {
            assert_eq!(at(t).as_deref(), Some(want), "{t}");
        }
    }

    #[test]
    fn publication_wins_over_update() {
        assert_eq!(at("Updated 14 March 2025\nPublished 12 March 2025").as_deref(), Some("2025-03-12"));
        assert_eq!(at("Published 12 March 2025 Updated 14 March 2025").as_deref(), Some("2025-03-12"));
        assert_eq!(at("Oct 23, 2025 | Updated: Oct 24, 2025").as_deref(), Some("2025-10-23"));
        assert_eq!(at("Updated 14 March 2025").as_deref(), Some("2025-03-14"));
    }

    #[test]
    fn prose_is_no_metadata() {
        for t in [
            "Updated figures released on March 3, 2025 show growth.",
            "The report was published on March 3, 2025.",
            "Ministers met on June 3, 2023 in Singapore.",
            "SEOUL, June 3, 2024 (Yonhap) -- Text.",
            "Published reports",
            "Posted 2024-13-45",
            "Updated 2025-02-30",
            "Ref 20250312T08",
            &format!("Published {} March 3, 2025", "x".repeat(300)),
        ] {
            assert_eq!(at(t), None, "{t}");
        }
    }
}
