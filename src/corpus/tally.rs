//! The one count of findings. A finding is one diagnostic at one place in one
//! document; a [`Tally`] counts them by severity, and how many of them `byline
//! fix` and the editors' "Fix all" correct ([`Finding::fixed_by_default`]).
//! `byline check`'s summary, the server's `byline/status` (the editors' status
//! bars) and its "Fix all … in the corpus" code action all report a `Tally`, so
//! they agree on one corpus. A report that shows only some severities
//! (`check --severity`) says how many it hides ([`Tally::hidden`]).

use super::findings::Finding;
use crate::config::{Config, Severity};
use crate::model::{count, plural};

/// Findings counted by severity, and the ones fixed by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Findings of each severity, most severe first ([`Severity`] order).
    pub by_severity: [usize; 4],
    /// Findings `byline fix` (without `--all`) and "Fix all" correct.
    pub fixable: usize,
}

const SEVERITIES: [Severity; 4] = [Severity::Error, Severity::Warning, Severity::Information, Severity::Hint];

impl Tally {
    /// The tally of `findings`.
    pub fn of<'f>(findings: impl IntoIterator<Item = &'f Finding>, config: &Config) -> Tally {
        let mut t = Tally::default();
        for f in findings {
            t.add(f, config);
        }
        t
    }

    /// Counts one finding.
    pub fn add(&mut self, f: &Finding, config: &Config) {
        self.by_severity[f.severity as usize] += 1;
        self.fixable += usize::from(f.fixed_by_default(config));
    }

    /// Adds another tally (of other documents).
    pub fn merge(&mut self, o: &Tally) {
        for (a, b) in self.by_severity.iter_mut().zip(o.by_severity) {
            *a += b;
        }
        self.fixable += o.fixable;
    }

    /// Every finding.
    pub fn total(&self) -> usize {
        self.by_severity.iter().sum()
    }

    /// Findings of this severity.
    pub fn of_severity(&self, s: Severity) -> usize {
        self.by_severity[s as usize]
    }

    /// The findings at or above `threshold` (the ones a report shows).
    pub fn shown(&self, threshold: Severity) -> usize {
        SEVERITIES.iter().filter(|&&s| s <= threshold).map(|&s| self.of_severity(s)).sum()
    }

    /// The findings below `threshold` (the ones a report hides).
    pub fn hidden(&self, threshold: Severity) -> usize {
        self.total() - self.shown(threshold)
    }

    /// "42 warnings, 1 information": the severities `keep` keeps that have
    /// findings, most severe first.
    fn list(&self, keep: impl Fn(Severity) -> bool) -> String {
        let parts: Vec<String> =
            SEVERITIES.iter().filter(|&&s| keep(s) && self.of_severity(s) > 0).map(|&s| count(self.of_severity(s), s.as_str())).collect();
        parts.join(", ")
    }

    /// The summary of a report that shows the findings at or above
    /// `threshold`: "49 findings: 42 warnings, 1 information; 6 hints hidden
    /// (--severity hint shows them). `byline fix` corrects 42."
    pub fn summary(&self, threshold: Severity) -> String {
        if self.total() == 0 {
            return "no findings.".to_string();
        }
        let total = count(self.total(), "finding");
        let (shown, hidden) = (self.list(|s| s <= threshold), self.list(|s| s > threshold));
        let them = if self.hidden(threshold) == 1 { "it" } else { "them" };
        let mut s = match (self.shown(threshold), self.hidden(threshold)) {
            (_, 0) => format!("{total}: {shown}."),
            (0, _) => {
                format!("{total}, none at --severity {} or above: {hidden} hidden (--severity hint shows {them}).", threshold.as_str())
            }
            _ => format!("{total}: {shown}; {hidden} hidden (--severity hint shows {them})."),
        };
        s += &match self.fixable {
            0 => " `byline fix` corrects none.".to_string(),
            n => format!(" `byline fix` corrects {n}."),
        };
        s
    }

    /// "Fix all 42 findings in the corpus", or "Fix 42 of 49 findings in the
    /// corpus" when some are not fixed by default: the title of a "Fix all"
    /// action over these findings (`place`: "in the corpus", "in this file").
    pub fn fix_all_title(&self, place: &str) -> String {
        let (fixable, total) = (self.fixable, self.total());
        if fixable == total {
            format!("Fix all {} {place}", count(total, "finding"))
        } else {
            format!("Fix {fixable} of {total} {} {place}", plural(total, "finding"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(by_severity: [usize; 4], fixable: usize) -> Tally {
        Tally { by_severity, fixable }
    }

    #[test]
    fn summaries_say_what_they_hide_and_pluralise() {
        let t = tally([0, 42, 1, 6], 42);
        assert_eq!(t.total(), 49);
        assert_eq!(t.shown(Severity::Information), 43);
        assert_eq!(t.hidden(Severity::Information), 6);
        assert_eq!(
            t.summary(Severity::Information),
            "49 findings: 42 warnings, 1 information; 6 hints hidden (--severity hint shows them). `byline fix` corrects 42."
        );
        assert_eq!(
            t.summary(Severity::Error),
            "49 findings, none at --severity error or above: 42 warnings, 1 information, 6 hints hidden (--severity hint shows them). `byline fix` corrects 42."
        );
        assert_eq!(t.summary(Severity::Hint), "49 findings: 42 warnings, 1 information, 6 hints. `byline fix` corrects 42.");
        assert_eq!(
            tally([0, 0, 0, 1], 0).summary(Severity::Information),
            "1 finding, none at --severity information or above: 1 hint hidden (--severity hint shows it). `byline fix` corrects none."
        );
        assert_eq!(tally([0, 1, 0, 0], 1).summary(Severity::Hint), "1 finding: 1 warning. `byline fix` corrects 1.");
        assert_eq!(Tally::default().summary(Severity::Hint), "no findings.");
    }

    #[test]
    fn fix_all_titles_count_what_they_fix_of_all() {
        assert_eq!(tally([0, 42, 1, 6], 42).fix_all_title("in the corpus"), "Fix 42 of 49 findings in the corpus");
        assert_eq!(tally([0, 3, 0, 0], 3).fix_all_title("in this file"), "Fix all 3 findings in this file");
    }

    #[test]
    fn tallies_add_up() {
        let mut a = tally([1, 2, 3, 4], 3);
        a.merge(&tally([0, 1, 0, 1], 1));
        assert_eq!(a, tally([1, 3, 3, 5], 4));
    }
}
