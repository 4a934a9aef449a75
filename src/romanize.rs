//! Romanized East Asian names: the shape of Korean names (family name + given name
//! of romanized syllables, hyphenated, spaced or run together), their family-name
//! equivalence classes (Lee/Yi/Rhee, Park/Pak, Choi/Choe ...), and a romanization
//! *key* that is the same for the spellings Revised Romanization, McCune-Reischauer
//! and common passport spellings give one syllable (Sung/Seong, lac/rak, Joon/Jun).
//! Also a Mandarin pinyin syllable check, so "Xi Jinping" has the shape of a name.
//!
//! Recognition asks "does this look like a Korean/Chinese name?"; spelling
//! consistency asks "do these two spellings romanize the same name?".

use crate::lexicon::with_lower;

/// Korean family names, one equivalence class per line (hangul, then spellings; the
/// first spelling is the most common passport form).
const KOREAN_SURNAMES: &[(&str, &[&str])] = &[
    ("김", &["kim", "gim"]),
    ("이", &["lee", "yi", "rhee", "i", "ri", "rhie", "lie", "rhi"]),
    ("박", &["park", "pak", "bak", "bahk", "pahk"]),
    ("최", &["choi", "choe", "chey", "choy", "chwe"]),
    ("정", &["jung", "jeong", "chung", "cheong", "chong", "joung"]),
    ("강", &["kang", "gang"]),
    ("조", &["cho", "jo", "joe", "chough"]),
    ("윤", &["yoon", "yun", "youn"]),
    ("장", &["jang", "chang"]),
    ("임", &["lim", "im", "yim", "rim"]),
    ("한", &["han"]),
    ("오", &["oh", "o"]),
    ("서", &["seo", "suh", "so", "seoh"]),
    ("신", &["shin", "sin", "shinn"]),
    ("권", &["kwon", "gwon", "kweon"]),
    ("황", &["hwang"]),
    ("안", &["ahn", "an"]),
    ("송", &["song"]),
    ("전", &["jeon", "jun", "chun", "chon", "cheon"]),
    ("홍", &["hong"]),
    ("유", &["yoo", "yu", "you"]),
    ("류", &["ryu", "yoo", "yu", "rhyu", "ryoo"]),
    ("고", &["ko", "go", "koh"]),
    ("문", &["moon", "mun"]),
    ("양", &["yang", "ryang"]),
    ("손", &["son", "sohn"]),
    ("배", &["bae", "pae"]),
    ("백", &["baek", "paik", "paek", "baik", "back"]),
    ("허", &["heo", "hur", "huh", "her"]),
    ("남", &["nam"]),
    ("심", &["shim", "sim"]),
    ("노", &["roh", "noh", "no", "ro"]),
    ("하", &["ha"]),
    ("곽", &["kwak", "gwak"]),
    ("성", &["sung", "seong"]),
    ("차", &["cha"]),
    ("주", &["joo", "ju", "chu"]),
    ("우", &["woo", "u"]),
    ("구", &["koo", "gu", "ku"]),
    ("민", &["min"]),
    ("나", &["na", "ra"]),
    ("진", &["jin", "chin"]),
    ("지", &["ji", "chi"]),
    ("엄", &["um", "eom"]),
    ("채", &["chae", "chai"]),
    ("원", &["won"]),
    ("천", &["chun", "cheon"]),
    ("방", &["bang", "pang"]),
    ("공", &["kong", "gong"]),
    ("현", &["hyun", "hyeon"]),
    ("함", &["ham"]),
    ("변", &["byun", "byeon", "pyun", "pyon"]),
    ("염", &["yeom", "yum"]),
    ("여", &["yeo", "yuh"]),
    ("추", &["choo", "chu"]),
    ("도", &["do", "doh"]),
    ("석", &["seok", "suk"]),
    ("선", &["sun", "seon"]),
    ("설", &["seol", "sul"]),
    ("마", &["ma"]),
    ("길", &["gil", "kil"]),
    ("연", &["yeon", "youn"]),
    ("위", &["wi", "wee", "wie"]),
    ("표", &["pyo"]),
    ("명", &["myung", "myeong"]),
    ("기", &["ki", "gi"]),
    ("반", &["ban", "pan"]),
    ("왕", &["wang"]),
    ("금", &["keum", "geum"]),
    ("옥", &["ok"]),
    ("육", &["yook", "yuk"]),
    ("인", &["in"]),
    ("맹", &["maeng"]),
    ("제", &["je", "jeh"]),
    ("탁", &["tak"]),
    ("국", &["kook", "guk"]),
    ("은", &["eun"]),
    ("편", &["pyun", "pyeon"]),
    ("용", &["yong"]),
    ("봉", &["bong"]),
    ("경", &["kyung", "gyeong"]),
    ("황보", &["hwangbo"]),
    ("남궁", &["namgung", "namkoong"]),
    ("선우", &["sunwoo", "seonu"]),
    ("제갈", &["jegal"]),
    ("독고", &["dokgo"]),
];

/// Chinese family names in pinyin (and a few Wade-Giles forms common in Taiwan and
/// Hong Kong copy).
const CHINESE_SURNAMES: &[&str] = &[
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao",
    "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan",
    "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "yao", "shen", "zhong", "cui", "tan", "fan", "liao",
    "shi", "jin", "jia", "xia", "fu", "fang", "zou", "xiong", "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan", "duan", "lei",
    "long", "tao", "gu", "mao", "hao", "gong", "shao", "wan", "qian", "dai", "mo", "kong", "xiang", "chang", "kang", "yi", "qi", "xi",
    "hua", "geng", "bo", "ji", "zhai", "tsai", "lai", "chiang", "hsu", "chou", "kuo", "ko", "tseng", "hsieh", "chu", "cheung", "wong",
    "leung", "chan", "lam", "ng", "chow", "tse", "yip", "lau", "ho", "mak", "lo", "tsang", "kwok", "tung",
];

/// The equivalence classes a romanized Korean family name belongs to (several for
/// spellings shared by two names, like "Yu").
pub fn korean_surname_classes(word: &str) -> Vec<usize> {
    with_lower(word, |w| KOREAN_SURNAMES.iter().enumerate().filter(|(_, (_, forms))| forms.contains(&w)).map(|(i, _)| i).collect())
}

/// Whether a word is a romanized Korean family name.
pub fn is_korean_surname(word: &str) -> bool {
    with_lower(word, |w| KOREAN_SURNAMES.iter().any(|(_, forms)| forms.contains(&w)))
}

/// Whether a word is a common Chinese family name in pinyin or Wade-Giles.
pub fn is_chinese_surname(word: &str) -> bool {
    with_lower(word, |w| CHINESE_SURNAMES.contains(&w))
}

/// Whether two romanized Korean family names are spellings of one name
/// (Lee/Yi/Rhee, Park/Pak, Choi/Choe; case-insensitive).
pub fn same_korean_surname(a: &str, b: &str) -> bool {
    let ca = korean_surname_classes(a);
    !ca.is_empty() && korean_surname_classes(b).iter().any(|c| ca.contains(c))
}

// ---------------------------------------------------------------- Korean syllables

/// Initials; the tense consonants (kk, tt, pp, jj) are left out: they almost
/// never start a syllable of a personal name, and allowing them reads Western
/// names such as "Rutte" as Korean.
const INITIALS: &[&str] = &["ss", "ch", "sh", "wh", "k", "g", "n", "d", "t", "r", "l", "m", "b", "p", "s", "j", "h", ""];
const VOWELS: &[&str] = &[
    "yeo", "yae", "wae", "you", "eui", "eo", "ae", "ya", "ye", "wa", "we", "wo", "wi", "yo", "yu", "eu", "ui", "oe", "oo", "ee", "ou",
    "ie", "a", "e", "i", "o", "u",
];
const FINALS: &[&str] = &["ng", "ck", "k", "g", "c", "n", "t", "d", "l", "r", "m", "p", "b", ""];

/// One romanized syllable, split into its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Syllable<'a> {
    pub initial: &'a str,
    pub vowel: &'a str,
    pub fin: &'a str,
}

impl Syllable<'_> {
    /// The syllable's romanization-independent key: initials k/g, t/d, p/b, j/ch,
    /// s/sh, r/l merge; vowels eo/o/u/oo/eu merge, as do yeo/yo/yu, ae/e, i/ee,
    /// oe/we/wae; finals k/g/c/ck, t/d, p/b, l/r merge.
    pub fn key(&self) -> String {
        let (init, vowel) = match (self.initial, self.vowel) {
            ("wh", v) => ("H", if v == "a" { "WA" } else { vowel_class(v) }),
            (i, v) => (initial_class(i), vowel_class(v)),
        };
        format!("{init}{vowel}{}", final_class(self.fin))
    }
}

fn initial_class(i: &str) -> &'static str {
    match i {
        "k" | "g" | "kk" | "gg" => "K",
        "t" | "d" | "tt" | "dd" => "T",
        "p" | "b" | "pp" | "bb" => "P",
        "j" | "ch" | "jj" | "tch" => "J",
        "s" | "ss" | "sh" => "S",
        "r" | "l" => "L",
        "n" => "N",
        "m" => "M",
        "h" => "H",
        _ => "",
    }
}

fn vowel_class(v: &str) -> &'static str {
    match v {
        "a" => "A",
        "ae" | "e" => "E",
        "ya" => "YA",
        "yae" | "ye" => "YE",
        "eo" | "o" | "u" | "oo" | "ou" | "eu" => "O",
        "yeo" | "yo" | "yu" | "you" => "YO",
        "i" | "ee" | "ie" => "I",
        "wa" => "WA",
        "wae" | "we" | "oe" => "WE",
        "wo" => "WO",
        "wi" => "WI",
        _ => "UI",
    }
}

fn final_class(f: &str) -> &'static str {
    match f {
        "k" | "g" | "c" | "ck" => "k",
        "t" | "d" => "t",
        "p" | "b" => "p",
        "l" | "r" => "l",
        "n" => "n",
        "m" => "m",
        "ng" => "ng",
        _ => "",
    }
}

/// Normalises a romanized word for syllable parsing: lowercase ASCII, apostrophes
/// and McCune-Reischauer breves dropped (ŏ -> o, ŭ -> u), and a silent `h` after a
/// vowel and before a consonant or the end removed (Ahn, Sohn, Bahk, Roh).
pub fn normalize_syllables(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'a'..='z' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'ŏ' | 'Ŏ' | 'ō' => out.push('o'),
            'ŭ' | 'Ŭ' | 'ū' => out.push('u'),
            'é' | 'ë' => out.push('e'),
            '\'' | '’' | '‘' => {}
            _ => return None,
        }
    }
    let b = out.as_bytes();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut cleaned = String::with_capacity(out.len());
    for (i, &c) in b.iter().enumerate() {
        let silent_h = c == b'h' && i > 0 && is_vowel(b[i - 1]) && b.get(i + 1).is_none_or(|&n| !is_vowel(n) && n != b'y' && n != b'w');
        if !silent_h {
            cleaned.push(c as char);
        }
    }
    Some(cleaned)
}

/// The ways to split a normalized word into as few romanized Korean syllables as
/// possible (at most `max`; at most 16 splits are returned).
pub fn syllable_splits(word: &str, max: usize) -> Vec<Vec<Syllable<'_>>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    split_rec(word, max, &mut cur, &mut out);
    if let Some(fewest) = out.iter().map(Vec::len).min() {
        out.retain(|s| s.len() == fewest);
    }
    out
}

fn split_rec<'a>(rest: &'a str, max: usize, cur: &mut Vec<Syllable<'a>>, out: &mut Vec<Vec<Syllable<'a>>>) {
    if out.len() >= 16 {
        return;
    }
    if rest.is_empty() {
        if !cur.is_empty() {
            out.push(cur.clone());
        }
        return;
    }
    if cur.len() == max {
        return;
    }
    for ini in INITIALS {
        let Some(r1) = rest.strip_prefix(ini) else { continue };
        for v in VOWELS {
            let Some(r2) = r1.strip_prefix(v) else { continue };
            for f in FINALS {
                let Some(r3) = r2.strip_prefix(f) else { continue };
                // A final followed directly by a vowel would re-read as the next
                // syllable's initial; keep only the split where it is an initial.
                if !f.is_empty() && r3.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    continue;
                }
                cur.push(Syllable { initial: &rest[..ini.len()], vowel: &r1[..v.len()], fin: &r2[..f.len()] });
                split_rec(r3, max, cur, out);
                cur.pop();
            }
        }
    }
}

/// Whether a word is one romanized Korean syllable ("Sung", "lac", "Hyun").
pub fn is_korean_syllable(word: &str) -> bool {
    normalize_syllables(word).is_some_and(|w| w.len() <= 6 && syllable_splits(&w, 1).iter().any(|s| s.len() == 1))
}

/// Whether a word is one or two romanized Korean syllables run together
/// ("Jaemyung", "Seongrak").
pub fn is_korean_given_word(word: &str) -> bool {
    normalize_syllables(word).is_some_and(|w| w.len() <= 12 && !syllable_splits(&w, 2).is_empty())
}

/// Romanization keys of a Korean given name written as one or more words
/// ("Jae-myung", "Jae Myung", "Jaemyung"): one key per way of splitting it into
/// syllables, each key the syllable keys joined by `.`.
pub fn given_name_keys(parts: &[&str]) -> Vec<String> {
    let mut keys = vec![String::new()];
    for part in parts {
        let Some(norm) = normalize_syllables(part) else { return Vec::new() };
        if norm.is_empty() || norm.len() > 16 {
            return Vec::new();
        }
        let part_keys: Vec<String> =
            syllable_splits(&norm, 3).iter().map(|s| s.iter().map(Syllable::key).collect::<Vec<_>>().join(".")).collect();
        if part_keys.is_empty() {
            return Vec::new();
        }
        keys = keys
            .iter()
            .flat_map(|k| part_keys.iter().map(move |p| if k.is_empty() { p.clone() } else { format!("{k}.{p}") }))
            .take(16)
            .collect();
    }
    keys.sort();
    keys.dedup();
    keys
}

// ---------------------------------------------------------------- pinyin

const PINYIN_INITIALS: &[&str] =
    &["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""];
const PINYIN_FINALS: &[&str] = &[
    "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei", "ao", "ou", "an", "en", "er", "ia",
    "ie", "iu", "in", "ua", "uo", "ui", "un", "ue", "a", "o", "e", "i", "u", "v",
];

/// Whether a word splits into one to three pinyin syllables ("Jinping", "Qiang").
pub fn is_pinyin_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    if !w.bytes().all(|b| b.is_ascii_lowercase()) || w.is_empty() || w.len() > 12 {
        return false;
    }
    fn rec(rest: &str, n: usize) -> bool {
        if rest.is_empty() {
            return n > 0;
        }
        if n == 3 {
            return false;
        }
        PINYIN_INITIALS.iter().any(|i| {
            rest.strip_prefix(i).is_some_and(|r1| PINYIN_FINALS.iter().any(|f| r1.strip_prefix(f).is_some_and(|r2| rec(r2, n + 1))))
        })
    }
    rec(&w, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_surname_classes_join_spellings_edit_distance_cannot() {
        assert!(same_korean_surname("Lee", "Yi"));
        assert!(same_korean_surname("Rhee", "LEE"));
        assert!(same_korean_surname("Park", "Pak"));
        assert!(same_korean_surname("Choi", "Choe"));
        assert!(same_korean_surname("Wi", "Wee"));
        assert!(!same_korean_surname("Kim", "Lee"));
        assert!(!same_korean_surname("Park", "Parker"));
        assert!(!same_korean_surname("Smith", "Smith"));
    }

    #[test]
    fn syllables_of_real_given_names() {
        for w in ["Sung", "lac", "Hyun", "Joon", "myung", "Seok", "Yeol", "hwan", "sup", "Eui", "Wha", "Ahn"] {
            assert!(is_korean_syllable(w), "{w}");
        }
        for w in ["Jaemyung", "Seongrak", "Jongsup", "Minseok"] {
            assert!(is_korean_given_word(w), "{w}");
        }
        // ("Rutte" does split as rut-te: only a family name makes a Korean name.)
        for w in ["Stoltenberg", "Carney", "Borrell", "Ocean", "Mark", "Ollongren"] {
            assert!(!is_korean_given_word(w), "{w}");
        }
    }

    #[test]
    fn given_name_keys_match_across_romanizations_and_spacing() {
        let k = |p: &[&str]| given_name_keys(p);
        let shared = |a: Vec<String>, b: Vec<String>| a.iter().any(|x| b.contains(x));
        // Wi Sung-lac / Seongrak Wi
        assert!(shared(k(&["Sung", "lac"]), k(&["Seongrak"])));
        // Lee Jae-myung / Lee Jae Myung / Lee Jaemyung
        assert!(shared(k(&["Jae", "myung"]), k(&["Jaemyung"])));
        assert!(shared(k(&["Jae", "Myung"]), k(&["Jae", "myeong"])));
        // Kim Hyun-jong / Kim Hyeon-jong; Young/Yeong; Joon/Jun
        assert!(shared(k(&["Hyun", "jong"]), k(&["Hyeon", "jong"])));
        assert!(shared(k(&["Young", "min"]), k(&["Yeong", "min"])));
        assert!(shared(k(&["Joon", "ho"]), k(&["Jun", "ho"])));
    }

    #[test]
    fn given_name_keys_keep_different_names_apart() {
        let k = |p: &[&str]| given_name_keys(p);
        let shared = |a: Vec<String>, b: Vec<String>| a.iter().any(|x| b.contains(x));
        assert!(!shared(k(&["Min", "seok"]), k(&["Min", "soo"])));
        assert!(!shared(k(&["Tae", "yong"]), k(&["Tae", "yul"])));
        assert!(!shared(k(&["Sang", "mok"]), k(&["Sung", "mok"])));
        assert!(!shared(k(&["Jin"]), k(&["Ji", "won"])));
    }

    #[test]
    fn pinyin_words() {
        assert!(is_pinyin_word("Jinping"));
        assert!(is_pinyin_word("Qiang"));
        assert!(!is_pinyin_word("Stoltenberg"));
        assert!(is_chinese_surname("Xi"));
    }
}
