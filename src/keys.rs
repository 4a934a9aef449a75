//! Spelling keys: strings that coincide when two spellings of a name differ only
//! in ways that do not make them different names. Clustering groups entities by
//! shared keys (hash lookups, never all-pairs comparison).
//!
//! | key | joins | e.g. |
//! | --- | --- | --- |
//! | [`spelling_key`] | case, diacritics, hyphens, spaces, full stops | Lee Jae-myung / Lee Jaemyung; Nausėda / Nauseda; U.S. / US |
//! | [`order_key`] | the above plus word order | Cho Hyun / Hyun Cho |
//! | [`korean_keys`] | romanization systems and name order of Korean names | Wi Sung-lac / Seongrak Wi; Park / Pak |
//! | [`skeleton_key`] | doubled letters, final -y/-iy (cheap transliteration) | Zelensky / Zelenskyy |
//! | [`deletion_keys`] | one edit (for typos) | Stoltenberg / Stoltenburg |

use crate::fold::{fold, squash};
use crate::romanize::{self, korean_surname_classes};

/// Case, diacritics, hyphens, spaces and full stops removed.
pub fn spelling_key(form: &str) -> String {
    squash(form)
}

/// The folded words in sorted order (hyphenated parts kept together).
pub fn order_key(form: &str) -> String {
    let f = fold(form);
    let mut words: Vec<String> =
        f.split(' ').map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>()).filter(|w| !w.is_empty()).collect();
    words.sort();
    words.join(" ")
}

/// The words of a name, hyphen-joined parts as separate parts of one word.
fn words(form: &str) -> Vec<Vec<String>> {
    form.split_whitespace()
        .map(|w| w.split(['-', '\u{2010}', '\u{2011}']).filter(|p| !p.is_empty()).map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Romanization keys of a Korean name in either order: family-name class plus the
/// given name's syllable keys ("K7|SONGl.LAk"). Empty if the form is not a
/// Korean name. Names with a one-syllable given name get keys too ("Cho Hyun").
pub fn korean_keys(form: &str) -> Vec<String> {
    let ws = words(form);
    let mut out = Vec::new();
    let flat = |ws: &[Vec<String>]| -> Vec<String> { ws.iter().flatten().cloned().collect() };
    let mut try_order = |sur: &[String], given: &[String]| {
        if sur.len() != 1 {
            return;
        }
        let classes = korean_surname_classes(&sur[0]);
        if classes.is_empty() || given.is_empty() || given.len() > 3 {
            return;
        }
        let parts: Vec<&str> = given.iter().map(String::as_str).collect();
        let keys = romanize::given_name_keys(&parts);
        // At most three syllables in a given name.
        for k in keys.iter().filter(|k| k.split('.').count() <= 3) {
            for c in &classes {
                out.push(format!("K{c}|{k}"));
            }
        }
    };
    match ws.len() {
        2 | 3 => {
            // Family name first: "Lee Jae-myung", "Lee Jae Myung", "Kim Jong Un".
            try_order(&ws[0], &flat(&ws[1..]));
            // Family name last: "Seongrak Wi", "Jae-myung Lee".
            try_order(&ws[ws.len() - 1], &flat(&ws[..ws.len() - 1]));
        }
        _ => {}
    }
    out.sort();
    out.dedup();
    out
}

/// A cheap transliteration key: the spelling key with doubled letters collapsed
/// and -iy/-yy/-y endings as -i (Zelensky / Zelenskyy / Zelenskiy).
pub fn skeleton_key(form: &str) -> String {
    let s = spelling_key(form);
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    let out = out.replace("iy", "i").replace("ij", "i").replace("kh", "h");
    match out.strip_suffix('y') {
        Some(stem) => format!("{stem}i"),
        None => out,
    }
}

/// The word-wise one-deletion neighbourhood of a spelling key: two keys at edit
/// distance one (substitution, insertion, deletion) share an entry; a transposition
/// shares one too.
pub fn deletion_keys(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut out = Vec::with_capacity(chars.len() + 1);
    out.push(key.to_string());
    for i in 0..chars.len() {
        let mut s = String::with_capacity(key.len());
        for (j, c) in chars.iter().enumerate() {
            if j != i {
                s.push(*c);
            }
        }
        out.push(s);
    }
    out.sort();
    out.dedup();
    out
}

/// Damerau-Levenshtein distance (optimal string alignment), capped: returns
/// `cap + 1` as soon as the distance exceeds `cap`.
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(cap + 1)
}

/// Whether a form reads as a Korean name (a family name with a romanized given name).
pub fn is_korean_name(form: &str) -> bool {
    !korean_keys(form).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(a: &[String], b: &[String]) -> bool {
        a.iter().any(|x| b.contains(x))
    }

    #[test]
    fn spelling_key_joins_case_diacritic_and_spacing_variants() {
        assert_eq!(spelling_key("Lee Jae-myung"), spelling_key("LEE JAEMYUNG"));
        assert_eq!(spelling_key("Gitanas Nausėda"), spelling_key("Gitanas Nauseda"));
        assert_eq!(spelling_key("Recep Tayyip Erdoğan"), spelling_key("Recep Tayyip Erdogan"));
        assert_eq!(spelling_key("U.S."), spelling_key("US"));
        assert_ne!(spelling_key("Kim Min-seok"), spelling_key("Kim Min-soo"));
    }

    #[test]
    fn order_key_ignores_word_order_only() {
        assert_eq!(order_key("Cho Hyun"), order_key("Hyun Cho"));
        assert_eq!(order_key("Shigeru Ishiba"), order_key("ISHIBA Shigeru"));
        assert_ne!(order_key("Cho Hyun"), order_key("Cho Tae-yul"));
    }

    #[test]
    fn korean_keys_join_romanizations_and_orders() {
        let pairs = [
            ("Wi Sung-lac", "Seongrak Wi"),
            ("Wi Sung-lac", "Wi Seong-rak"),
            ("Lee Jae-myung", "Lee Jaemyung"),
            ("Lee Jae-myung", "Yi Jae-myeong"),
            ("Yoon Suk Yeol", "Yun Sok Yol"),
            ("Ahn Gyu-back", "Ahn Kyu-back"),
            ("Choe Son-hui", "Choi Son Hui"),
            ("Park Jong-chon", "Pak Jong Chon"),
            ("Park Ji-won", "Park Jie-won"),
            ("Kim Jong-un", "Kim Jong Un"),
        ];
        for (a, b) in pairs {
            assert!(share(&korean_keys(a), &korean_keys(b)), "{a} / {b}: {:?} {:?}", korean_keys(a), korean_keys(b));
        }
    }

    #[test]
    fn korean_keys_keep_near_misses_apart() {
        let pairs = [
            ("Kim Min-seok", "Kim Min-soo"),
            ("Cho Tae-yul", "Cho Tae-yong"),
            ("Park Jin", "Park Ji-won"),
            ("Kim Yong-hyun", "Kim Yong-beom"),
            ("Lee Jong-sup", "Lee Jong-seok"),
            ("Kim Moon-soo", "Kim Myung-soo"),
            ("Lee Jae-myung", "Lee Jae-yong"),
            ("Han Duck-soo", "Han Dong-hoon"),
            ("Choi Sang-mok", "Choi Sung-mok"),
            ("Kim Tae-hyo", "Kim Min-seok"),
            ("Lee Jae-myung", "Kim Jae-myung"),
        ];
        for (a, b) in pairs {
            assert!(!share(&korean_keys(a), &korean_keys(b)), "{a} / {b}");
        }
    }

    #[test]
    fn non_korean_names_have_no_korean_key() {
        assert!(korean_keys("Jens Stoltenberg").is_empty());
        assert!(korean_keys("Mark Rutte").is_empty());
        assert!(korean_keys("Lee").is_empty());
    }

    #[test]
    fn skeleton_joins_transliterations() {
        assert_eq!(skeleton_key("Volodymyr Zelenskyy"), skeleton_key("Volodymyr Zelensky"));
        assert_eq!(skeleton_key("Zelenskiy"), skeleton_key("Zelensky"));
        assert_ne!(skeleton_key("Stoltenberg"), skeleton_key("Stoltenburg"));
    }

    #[test]
    fn deletion_keys_find_one_edit_pairs() {
        let near = |a: &str, b: &str| share(&deletion_keys(a), &deletion_keys(b));
        assert!(near("stoltenberg", "stoltenburg"));
        assert!(near("alliance", "allaince"));
        assert!(near("goverment", "government"));
        assert!(!near("stoltenberg", "steinberg"));
        assert_eq!(edit_distance("allaince", "alliance", 2), 1);
        assert_eq!(edit_distance("stoltenberg", "stoltenburg", 2), 1);
        assert_eq!(edit_distance("kim", "lee", 1), 2);
    }
}
