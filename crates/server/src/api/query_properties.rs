//! Property tests of what the API reads from its callers besides article HTML (that one is
//! in `content/sanitize/properties.rs`) and JSON bodies (serde): the list cursor, search
//! words and the full-text queries made of them. `PROPTEST_CASES` sets how many inputs each tries (256 by default in
//! `make test`; `make fuzz` tries far more).

use proptest::prelude::*;

use super::extract::{decode_cursor, encode_cursor};
use super::search::{search_words, MAX_WORDS};
use crate::db::articles::ListPosition;
use crate::db::{postgres, sqlite};

proptest! {
    #[test]
    fn every_cursor_the_server_makes_reads_back_as_its_position(
        published_at in any::<i64>(),
        id in any::<i64>(),
    ) {
        let position = ListPosition { published_at, id };
        let cursor = encode_cursor(position);
        prop_assert!(cursor.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_'));
        prop_assert!(cursor.len() <= 200, "the documented pattern allows 200");
        prop_assert_eq!(decode_cursor(&cursor).ok(), Some(position));
    }

    #[test]
    fn any_other_text_is_a_400_cursor_never_a_panic(text in "\\PC{0,120}") {
        // Either it happens to be a position, or it is refused; both without a panic.
        if let Ok(position) = decode_cursor(&text) {
            prop_assert_eq!(decode_cursor(&encode_cursor(position)).ok(), Some(position));
        }
    }

    #[test]
    fn search_words_are_letters_and_digits_only_and_quote_safely(text in "\\PC{0,300}") {
        let words = search_words(&text);
        prop_assert!(words.len() <= MAX_WORDS);
        for word in &words {
            prop_assert!(!word.is_empty());
            prop_assert!(word.chars().all(char::is_alphanumeric), "{word:?}");
        }
        // FTS5: each word is one quoted, prefix-matched term; nothing else is syntax.
        let fts = sqlite::fts_query(&words);
        let terms: Vec<&str> = if fts.is_empty() { Vec::new() } else { fts.split(' ').collect() };
        prop_assert_eq!(terms.len(), words.len());
        for (term, word) in terms.iter().zip(&words) {
            prop_assert_eq!(*term, format!("\"{word}\"*"));
        }
        // tsquery: words joined by & with a prefix match; no operator a reader typed.
        let ts = postgres::ts_query(&words);
        for term in ts.split(" & ").filter(|term| !term.is_empty()) {
            let word = term.strip_suffix(":*").unwrap_or_default();
            prop_assert!(!word.is_empty() && word.chars().all(char::is_alphanumeric), "{term:?}");
        }
    }
}
