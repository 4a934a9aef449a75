//! Every class of spelling variant issue 11 names, found across articles from
//! different outlets, and the near misses that must stay apart — on small
//! articles written for this test (real names, invented sentences).

use std::collections::BTreeSet;

use byline::corpus::Corpus;
use byline::corpus::findings::all_findings;

/// The corpus of these articles (one file each) and its (found, preferred)
/// pairs of `code`.
fn pairs(articles: &[&str], code: &str) -> BTreeSet<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    for (i, a) in articles.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i:02}.txt")), a).unwrap();
    }
    let c = Corpus::open(dir.path());
    all_findings(&c).into_iter().filter(|f| f.code.as_str() == code).map(|f| (f.data.found, f.data.preferred)).collect()
}

fn flagged(articles: &[&str], found: &str, preferred: &str) -> bool {
    pairs(articles, "inconsistent-spelling").contains(&(found.to_string(), preferred.to_string()))
}

#[test]
fn transliterations_with_an_agreeing_given_name_or_role() {
    let a = "Ayman al-Zawahiri, the al-Qaeda leader, was killed in Kabul, US officials said.\n\nAyman al-Zawahiri had led the group since 2011.";
    let b = "Ayman al-Zawahri was killed by a drone, the White House said.";
    assert!(flagged(&[a, b], "Ayman al-Zawahri", "Ayman al-Zawahiri"));
    let a = "Tom Fletcher of the UN said aid convoys were blocked.\n\nTom Fletcher of the UN spoke again.";
    let b = "Tom Flecher of the UN warned of famine.";
    assert!(flagged(&[a, b], "Tom Flecher", "Tom Fletcher"));
    let a = "The Wagner chief Yevgeny Prigozhin, founder of the Wagner Group, flew to Minsk.\n\nYevgeny Prigozhin said so.";
    let b = "Evgeny Prigozhin, founder of the Wagner Group, said his men would stop.";
    assert!(flagged(&[a, b], "Evgeny Prigozhin", "Yevgeny Prigozhin"));
}

#[test]
fn the_arabic_article_and_case_inside_names_and_acronyms() {
    let a = "Syrian President Bashar al-Assad met envoys. Bashar al-Assad said little.";
    let b = "Bashar Assad fled to Moscow, officials said.";
    assert!(flagged(&[a, b], "Bashar Assad", "Bashar al-Assad"));
    let a = "NATO allies met in Brussels. NATO said it would help, and NATO ministers agreed.";
    let b = "Nato said on Friday that it would respond.";
    assert!(flagged(&[a, b], "Nato", "NATO"));
    // A dateline in capitals and a sentence-initial article are not variants.
    let a = "KHARKIV, Ukraine (AP) — Missiles struck Kharkiv overnight.";
    let b = "Officials in Kharkiv said al-Burhan's envoy arrived. Al-Burhan said nothing.";
    let all = pairs(&[a, b], "inconsistent-spelling");
    assert!(all.iter().all(|(f, _)| f != "KHARKIV" && f != "Al-Burhan"), "{all:?}");
}

#[test]
fn places_organisations_and_acronym_typos() {
    let a = "Russian drones hit Kharkiv on Tuesday. Kharkiv has been shelled since 2022, and Kharkiv officials said so.";
    let b = "Drones struck Kharkov, Ukrainian officials said.";
    assert!(flagged(&[a, b], "Kharkov", "Kharkiv"));
    let a = "NATO leaders met. NATO said it would respond and NATO ministers agreed.";
    let b = "NAOT officials declined to comment.";
    assert!(flagged(&[a, b], "NAOT", "NATO"));
    let a = "Tensions rose in the Middle East. The Middle East is on edge, and the Middle East crisis deepened.";
    let b = "Leaders from the Middle-East gathered in Doha.";
    assert!(flagged(&[a, b], "Middle-East", "Middle East"));
}

#[test]
fn mixed_scripts_and_invisible_characters() {
    let a = "Talks resumed in \u{421}airo on Monday.";
    assert!(flagged(&[a], "\u{421}airo", "Cairo"));
    let a = "Prime Minister Benjamin Net\u{ad}anyahu said the talks would go on.";
    assert!(flagged(&[a], "Benjamin Net\u{ad}anyahu", "Benjamin Netanyahu"));
}

#[test]
fn near_misses_stay_apart() {
    let a = "Hafez al-Assad ruled Syria until 2000. Bashar al-Assad succeeded him.";
    let b = "Bashar al-Assad, the son of Hafez al-Assad, fled in 2024.";
    let c = "Crown Prince Mohammed bin Salman met Mohammed bin Zayed, the UAE president.";
    let d = "Giovanni Sáenz and his sister Giovanna Sáenz ran the firm.";
    let all = pairs(&[a, b, c, d], "inconsistent-spelling");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn a_company_legal_suffix_is_no_other_spelling() {
    let a = "Boeing Co said on Monday that orders rose. Boeing shares fell 2%.";
    let b = "Boeing said it would hire 500 engineers, and Boeing shares rose.";
    let all = pairs(&[a, b], "inconsistent-spelling");
    assert!(all.iter().all(|(f, _)| f != "Boeing Co"), "{all:?}");
    // A real misspelling beside the suffixed name is still one.
    let c = "Boieng said deliveries would slow, and Boieng shares fell.";
    let d = "Boeing Co said deliveries would slow. Boeing said so again, and Boeing agreed.";
    let all = pairs(&[c, d], "inconsistent-spelling");
    assert!(!all.iter().any(|(f, _)| f == "Boeing Co"), "{all:?}");
}
