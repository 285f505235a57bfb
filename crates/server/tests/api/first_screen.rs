//! The first screen is the top of the app's page, so it must use the app's CSS classes: every
//! class the server's first-screen markup uses must appear in the front end's sources
//! (`src/**/*.rs`, globbed, so moved or renamed components are still found; a class a
//! component makes with `format!` by its pattern), and its own class in the stylesheets.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::{body_text, TestSite, MEXICO, SHELL};

/// The server's own covering element: styled by the stylesheet and removed by the app by
/// id, it is not a component's class.
const OWN_CLASSES: [&str; 1] = ["first-screen"];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `dir` (recursively) whose name ends in `.{ext}`.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|_| panic!("{}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(&path, ext));
        } else if path.extension().is_some_and(|found| found == ext) {
            found.push(path);
        }
    }
    found
}

fn is_class_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || ch == '-' || ch == '_'
}

/// The words of every string literal in Rust source, and the names of `class:name=` toggles:
/// the places a Leptos component can name a CSS class.
fn class_words(source: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    let chars: Vec<char> = source.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        match chars[at] {
            '/' if chars.get(at + 1) == Some(&'/') => {
                while at < chars.len() && chars[at] != '\n' {
                    at += 1;
                }
            }
            '\'' => {
                // A char literal ('x', '\'', '"') is skipped whole; a lifetime is just a quote.
                if chars.get(at + 1) == Some(&'\\') {
                    at += 3;
                    while at < chars.len() && chars[at] != '\'' {
                        at += 1;
                    }
                } else if chars.get(at + 2) == Some(&'\'') {
                    at += 2;
                }
                at += 1;
            }
            '"' => {
                let mut text = String::new();
                at += 1;
                while at < chars.len() && chars[at] != '"' {
                    if chars[at] == '\\' {
                        at += 1;
                    }
                    if let Some(&ch) = chars.get(at) {
                        text.push(ch);
                    }
                    at += 1;
                }
                words.extend(text.split_whitespace().map(str::to_owned));
                at += 1;
            }
            'c' if chars[at..].starts_with(&['c', 'l', 'a', 's', 's', ':'])
                && (at == 0 || !is_class_char(chars[at - 1])) =>
            {
                at += "class:".len();
                let name: String = chars[at..]
                    .iter()
                    .take_while(|&&ch| is_class_char(ch))
                    .collect();
                at += name.chars().count();
                words.insert(name);
            }
            _ => at += 1,
        }
    }
    words
}

/// Whether `class` is what the `format!` string `pattern` can make, each `{…}` standing for
/// one or more class characters.
fn matches_pattern(pattern: &str, class: &str) -> bool {
    let mut literals = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        literals.push(&rest[..open]);
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    literals.push(rest);
    fn from(literals: &[&str], text: &str, first: bool) -> bool {
        let Some((literal, others)) = literals.split_first() else {
            return text.is_empty();
        };
        if first {
            return text
                .strip_prefix(literal)
                .is_some_and(|rest| from(others, rest, false));
        }
        // A placeholder comes first: it takes at least one character.
        (1..=text.len()).any(|taken| {
            text.is_char_boundary(taken)
                && text[..taken].chars().all(is_class_char)
                && text[taken..]
                    .strip_prefix(literal)
                    .is_some_and(|rest| from(others, rest, false))
        })
    }
    from(&literals, class, true)
}

/// Every class of every `class="..."` attribute in `html`.
fn classes_in(html: &str) -> BTreeSet<String> {
    html.split("class=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .flat_map(|value| value.split_whitespace().map(str::to_owned))
        .collect()
}

/// Whether a stylesheet has a selector with `.class` (not followed by more of a class name).
fn styles(css: &str, class: &str) -> bool {
    let selector = format!(".{class}");
    css.match_indices(&selector).any(|(at, _)| {
        css[at + selector.len()..]
            .chars()
            .next()
            .is_none_or(|next| !is_class_char(next))
    })
}

#[test]
fn format_patterns_match_the_classes_they_make() {
    assert!(matches_pattern("ad-slot--{placement}", "ad-slot--top"));
    assert!(matches_pattern("{block}__link", "apps__link"));
    assert!(!matches_pattern("{block}__link", "__link"));
    assert!(!matches_pattern("ad-slot--{placement}", "ad-slot--"));
    assert!(!matches_pattern("{block}__link", "apps__links"));
}

#[test]
fn string_literals_and_class_toggles_are_read() {
    let words = class_words(
        "// \"comment\"\nlet c = '\"'; fn f<'a>() {} view! { <p class=\"card card--lead\" class:is-open=move || x>\"\" }",
    );
    for expected in ["card", "card--lead", "is-open"] {
        assert!(words.contains(expected), "{expected} in {words:?}");
    }
    assert!(!words.contains("comment"));
}

#[tokio::test]
async fn the_first_screen_uses_the_classes_of_the_front_end() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let mut used = BTreeSet::new();
    for page in [
        "/",
        "/category/politics",
        &format!("/article/{MEXICO}"),
        "/search?q=oil",
    ] {
        let html = body_text(site.get(page).await).await;
        let start = html
            .find("<div id=\"first-screen\"")
            .expect("a first screen");
        let end = html.find("</body>").expect("end of body");
        used.extend(classes_in(&html[start..end]));
    }
    // Every kind of first screen was seen: the lead card, a category header, an article.
    for expected in [
        "card--lead",
        "category-header",
        "article__title",
        "article__image",
        "search__title",
    ] {
        assert!(used.contains(expected), "{expected} not in {used:?}");
    }

    let sources = files(&workspace().join("src"), "rs");
    assert!(!sources.is_empty(), "no front-end sources");
    let mut front_end = BTreeSet::new();
    for file in &sources {
        front_end.extend(class_words(&std::fs::read_to_string(file).unwrap()));
    }
    let css: String = files(&workspace().join("style"), "css")
        .iter()
        .map(|file| std::fs::read_to_string(file).unwrap())
        .collect();
    let mut styled = 0;
    for class in &used {
        styled += usize::from(styles(&css, class));
        // A class a component makes with `format!` ("ad-slot--{placement}",
        // "{block}__link") is found by its pattern.
        let formatted = front_end
            .iter()
            .any(|word| word.contains('{') && matches_pattern(word, class));
        if !OWN_CLASSES.contains(&class.as_str()) {
            assert!(
                front_end.contains(class) || formatted,
                "class {class} of the first screen is used by no front-end component"
            );
        } else {
            assert!(styles(&css, class), "class {class} has no style in style/");
        }
    }
    // The app's classes bring the app's styles (a few, like `nav__list`'s parent, only
    // structure): most of them are styled.
    assert!(
        styled * 4 >= used.len() * 3,
        "{styled} of {} classes styled",
        used.len()
    );
}
