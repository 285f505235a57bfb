//! Every string the reader sees, in English, Russian and Armenian ([`en`], [`ru`], [`hy`]: one
//! file per language, so a translator edits one file), and locale formatting of dates
//! ([`dates`], with the zone offsets the site information lists; no date crate and no `Intl`).
//!
//! One [`Strings`] table per language; components take `t(lang).field` and never hold text of
//! their own. Messages with a value in them are whole phrases with a `{name}` placeholder,
//! filled by [`fill`], so each language keeps its own word order. A compile-time table costs a
//! few kilobytes and no run-time loading.

mod dates;
mod en;
mod hy;
mod ru;

pub use dates::{format_date_time, format_relative, NewsroomZone};

use gazette_api_types::Lang;

/// The UI texts of one language. Each field is one message; a `{name}` in it is filled with
/// [`fill`] (`views`: `{count}`, `by`: `{author}`, `source`: `{source}`, `reading_time`:
/// `{minutes}`, `search_results_for`: `{query}`, `share_on`: `{network}`, `text_size_now`:
/// `{percent}`, `minutes_ago`/`hours_ago`: `{count}`, `remove_saved`: `{title}`).
#[derive(Debug)]
pub struct Strings {
    pub skip_to_content: &'static str,
    pub home: &'static str,
    pub menu: &'static str,
    pub close_menu: &'static str,
    pub sections: &'static str,
    pub search_placeholder: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub search_title: &'static str,
    pub search_results_for: &'static str,
    pub search_empty: &'static str,
    pub search_prompt: &'static str,
    pub language: &'static str,
    pub latest_news: &'static str,
    pub most_read: &'static str,
    pub related_news: &'static str,
    pub loading: &'static str,
    pub load_more: &'static str,
    pub no_more: &'static str,
    pub empty_list: &'static str,
    pub error_network: &'static str,
    pub error_server: &'static str,
    pub error_malformed: &'static str,
    pub retry: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub go_home: &'static str,
    pub by: &'static str,
    pub source: &'static str,
    pub views: &'static str,
    pub reading_time: &'static str,
    pub tags: &'static str,
    /// The name of the not-found page's search (the header has the site's search).
    pub not_found_search: &'static str,
    /// Before the links to an article's other languages.
    pub also_in: &'static str,
    /// The heading of the house content in an unfilled ad slot: the site's apps.
    pub house_apps: &'static str,
    /// The line under a tag page's name; `{name}` is the tag.
    pub tagged: &'static str,
    pub share_heading: &'static str,
    pub share_on: &'static str,
    pub share_by_email: &'static str,
    /// The e-mail share link's own text (the networks keep their names).
    pub email: &'static str,
    pub share_native: &'static str,
    pub print: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub advertisement: &'static str,
    pub text_size: &'static str,
    pub increase_text: &'static str,
    pub decrease_text: &'static str,
    pub text_size_now: &'static str,
    pub follow_us: &'static str,
    pub get_the_app: &'static str,
    pub minutes_ago: &'static str,
    pub hours_ago: &'static str,
    pub just_now: &'static str,
    /// The months as a date names them ("14 January", "14 января", "14 հունվարի"): shipped
    /// here because browsers do not all carry every language's calendar data.
    pub months: [&'static str; 12],
    pub rss: &'static str,
    pub switch_to_dark: &'static str,
    pub switch_to_light: &'static str,
    pub untranslated: &'static str,
    pub offline: &'static str,
    pub saved_articles: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub save_done: &'static str,
    pub save_failed: &'static str,
    pub remove: &'static str,
    pub remove_saved: &'static str,
    pub saved_empty: &'static str,
    pub offline_title: &'static str,
    pub offline_page: &'static str,
    pub offline_nothing: &'static str,
    pub update_available: &'static str,
    pub refresh: &'static str,
    pub install_app: &'static str,
    pub not_now: &'static str,
    pub available_offline: &'static str,
}

/// The UI texts in `lang`.
pub fn t(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &en::EN,
        Lang::Ru => &ru::RU,
        Lang::Hy => &hy::HY,
    }
}

/// `message` with its `{name}` placeholder replaced by `value`:
/// `fill(t(lang).views, "count", "389")` is "Views: 389".
pub fn fill(message: &str, name: &str, value: &str) -> String {
    message.replace(&format!("{{{name}}}"), value)
}

/// The texts of the reading tools: the progress bar, "Back to top" and "Continue reading"
/// (`reading`). Only the chunk that shows them reads this table, so the split build ships it
/// with that chunk, not in the main module. `progress_now`: `{percent}`.
#[derive(Debug)]
pub struct ReadingStrings {
    /// The progress bar's name.
    pub progress: &'static str,
    /// How much is read ("45% read"), on the bar and on "Continue reading".
    pub progress_now: &'static str,
    pub back_to_top: &'static str,
    /// The heading of the front page's offer to go back to a half-read article.
    pub continue_reading: &'static str,
    /// The name of the button that removes that offer.
    pub hide_suggestion: &'static str,
}

/// The reading tools' texts in `lang`.
pub fn reading_texts(lang: Lang) -> &'static ReadingStrings {
    match lang {
        Lang::En => &en::READING,
        Lang::Ru => &ru::READING,
        Lang::Hy => &hy::READING,
    }
}

/// The texts of the quote tools (`reading::quotes`), read only by their chunk.
/// `quote_copied`: `{quote}`.
#[derive(Debug)]
pub struct QuoteStrings {
    /// The name of the tools shown by a selection.
    pub tools: &'static str,
    pub copy_quote_link: &'static str,
    pub share_quote: &'static str,
    /// The toast after copying; `{quote}` is the quote's start.
    pub quote_copied: &'static str,
}

/// The quote tools' texts in `lang`.
pub fn quote_texts(lang: Lang) -> &'static QuoteStrings {
    match lang {
        Lang::En => &en::QUOTES,
        Lang::Ru => &ru::QUOTES,
        Lang::Hy => &hy::QUOTES,
    }
}

/// The texts of Listen (`reading::listen`), read only by its chunk. `part_of`: `{current}`
/// and `{total}`.
#[derive(Debug)]
pub struct ListenStrings {
    /// The name of the player's group of controls.
    pub player: &'static str,
    pub listen: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
    pub speed: &'static str,
    /// Which part (title, lead, paragraph…) is being read, of how many.
    pub part_of: &'static str,
}

/// Listen's texts in `lang`.
pub fn listen_texts(lang: Lang) -> &'static ListenStrings {
    match lang {
        Lang::En => &en::LISTEN,
        Lang::Ru => &ru::LISTEN,
        Lang::Hy => &hy::LISTEN,
    }
}
