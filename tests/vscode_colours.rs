//! The VS Code extension's default colours for its four token types
//! (`editors/vscode/package.json`: `semanticTokenScopes` map each type first to a
//! `byline.*` scope, which `configurationDefaults` colour in VS Code's default
//! themes through theme-scoped `editor.tokenColorCustomizations`; other themes
//! colour the fallback scopes after it). In each default theme, each colour must
//! be readable — WCAG contrast at least 4.5 against the editor background — and
//! clearly apart from body text and from the other three (CIELAB ΔE at least 30;
//! the theme's own function and number colours that people and places used to get
//! in Dark Modern, #DCDCAA and #B5CEA8, are 26 and 22 from its body text and 13
//! from each other). The e2e test (`tests/e2e/vscode/test.mjs`) checks the same
//! colours on the screen, in pixels.

use serde_json::Value;

/// VS Code's default themes (settings id, `editor.background`, `editor.foreground`),
/// from `extensions/theme-defaults/themes/*.json` of VS Code 1.100.
const THEMES: [(&str, &str, &str); 6] = [
    ("Default Dark Modern", "#1F1F1F", "#CCCCCC"),
    ("Default Dark+", "#1E1E1E", "#D4D4D4"),
    ("Visual Studio Dark", "#1E1E1E", "#D4D4D4"),
    ("Default Light Modern", "#FFFFFF", "#3B3B3B"),
    ("Default Light+", "#FFFFFF", "#000000"),
    ("Visual Studio Light", "#FFFFFF", "#000000"),
];

const TYPES: [&str; 4] = ["person", "organization", "location", "role"];

const MIN_CONTRAST: f64 = 4.5;
const MIN_DELTA_E: f64 = 30.0;

fn rgb(hex: &str) -> [f64; 3] {
    let h = hex.trim_start_matches('#');
    assert_eq!(h.len(), 6, "{hex}: #RRGGBB");
    [0, 2, 4].map(|i| f64::from(u8::from_str_radix(&h[i..i + 2], 16).unwrap()))
}

fn linear(c: f64) -> f64 {
    let c = c / 255.0;
    if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

/// WCAG 2 relative luminance.
fn luminance(hex: &str) -> f64 {
    let [r, g, b] = rgb(hex).map(linear);
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG 2 contrast ratio.
fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// CIELAB (D65) of an sRGB colour.
fn lab(hex: &str) -> [f64; 3] {
    let [r, g, b] = rgb(hex).map(linear);
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

/// CIE76 colour difference.
fn delta_e(a: &str, b: &str) -> f64 {
    let (p, q) = (lab(a), lab(b));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

fn package() -> Value {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode/package.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The colour package.json gives scope `byline.TYPE` in theme `theme`.
fn colour(pkg: &Value, theme: &str, ty: &str) -> Option<String> {
    let custom = pkg["contributes"]["configurationDefaults"]["editor.tokenColorCustomizations"].as_object()?;
    let (_, rules) = custom.iter().find(|(key, _)| key.split(['[', ']']).any(|t| t == theme))?;
    rules["textMateRules"]
        .as_array()?
        .iter()
        .find(|r| r["scope"] == format!("byline.{ty}"))
        .and_then(|r| r["settings"]["foreground"].as_str())
        .map(str::to_string)
}

/// Every default theme's four colours, checked; returns the table of ratios.
fn check(pkg: &Value) -> Result<Vec<String>, String> {
    let mut table = Vec::new();
    for (theme, background, body) in THEMES {
        let colours: Vec<(&str, String)> = TYPES
            .iter()
            .map(|ty| colour(pkg, theme, ty).map(|c| (*ty, c)).ok_or(format!("{theme}: no colour for byline.{ty}")))
            .collect::<Result<_, _>>()?;
        for (ty, c) in &colours {
            let (cb, ct, de) = (contrast(c, background), contrast(c, body), delta_e(c, body));
            if cb < MIN_CONTRAST {
                return Err(format!("{theme}: {ty} {c} has a contrast of {cb:.2} against the background {background}"));
            }
            if de < MIN_DELTA_E {
                return Err(format!("{theme}: {ty} {c} is too close to body text {body} (ΔE {de:.1})"));
            }
            table.push(format!("{theme}: {ty} {c} contrast {cb:.2} (body text {ct:.2}, ΔE {de:.0})"));
        }
        for (i, (a, ca)) in colours.iter().enumerate() {
            for (b, cb) in &colours[i + 1..] {
                let de = delta_e(ca, cb);
                if de < MIN_DELTA_E {
                    return Err(format!("{theme}: {a} {ca} and {b} {cb} are too close (ΔE {de:.1})"));
                }
            }
        }
    }
    Ok(table)
}

#[test]
fn default_colours_are_readable_and_distinct_in_the_default_themes() {
    let pkg = package();
    match check(&pkg) {
        Ok(table) => assert_eq!(table.len(), THEMES.len() * TYPES.len(), "{table:#?}"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn each_type_maps_first_to_its_byline_scope_then_to_theme_scopes() {
    let pkg = package();
    let scopes = &pkg["contributes"]["semanticTokenScopes"][0]["scopes"];
    for ty in TYPES {
        let list: Vec<&str> = scopes[ty].as_array().unwrap_or_else(|| panic!("{ty}")).iter().map(|s| s.as_str().unwrap()).collect();
        assert_eq!(list[0], format!("byline.{ty}"), "{ty}: the default colour's scope first");
        assert!(list.len() >= 2 && list[1..].iter().all(|s| !s.starts_with("byline.")), "{ty}: a theme's scope after it: {list:?}");
    }
    assert_eq!(scopes["*.variant"][0], "invalid.deprecated", "variants keep the theme's invalid colour");
}

#[test]
fn the_check_rejects_the_colours_the_themes_gave_before() {
    // Dark Modern's function and number colours for people and places: readable, but
    // close to body text and to each other.
    let mut pkg = package();
    let rules = pkg["contributes"]["configurationDefaults"]["editor.tokenColorCustomizations"]
        .as_object_mut()
        .unwrap()
        .iter_mut()
        .find(|(k, _)| k.contains("[Default Dark Modern]"))
        .unwrap()
        .1["textMateRules"]
        .as_array_mut()
        .unwrap();
    for r in rules.iter_mut() {
        match r["scope"].as_str().unwrap() {
            "byline.person" => r["settings"]["foreground"] = "#DCDCAA".into(),
            "byline.location" => r["settings"]["foreground"] = "#B5CEA8".into(),
            _ => {}
        }
    }
    let e = check(&pkg).unwrap_err();
    assert!(e.contains("Default Dark Modern") && e.contains("too close to body text"), "{e}");
    assert!(contrast("#DCDCAA", "#1F1F1F") > MIN_CONTRAST, "readable, only not distinct");
    assert!((contrast("#FFFFFF", "#000000") - 21.0).abs() < 1e-9 && (contrast("#777777", "#FFFFFF") - 4.48).abs() < 0.01);
}
