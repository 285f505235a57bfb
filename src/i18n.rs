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

pub use dates::{format_date_time, format_relative, format_update_time, NewsroomZone};

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

/// The texts of live updates and breaking news (`reading::live`), read only by their chunk.
/// `new_stories_*`: `{count}`; `updated`: `{time}`.
#[derive(Debug)]
pub struct LiveStrings {
    /// "1 new story": the plural form for one (and in Russian 21, 31, …).
    pub new_stories_one: &'static str,
    /// The plural form for a few (Russian 2–4, 22–24, …); the other form where a language
    /// has none.
    pub new_stories_few: &'static str,
    /// The plural form for the rest ("5 new stories").
    pub new_stories_many: &'static str,
    /// Said to screen readers once the new stories are in the list.
    pub new_stories_added: &'static str,
    /// "Updated 14:05", on an open article the newsroom changed.
    pub updated: &'static str,
    pub show_new_version: &'static str,
    /// The banner's label before the headline.
    pub breaking: &'static str,
    /// The name of the banner's region.
    pub breaking_news: &'static str,
    /// The name of the button that hides the banner's story.
    pub hide_breaking: &'static str,
}

/// The live updates' texts in `lang`.
pub fn live_texts(lang: Lang) -> &'static LiveStrings {
    match lang {
        Lang::En => &en::LIVE,
        Lang::Ru => &ru::LIVE,
        Lang::Hy => &hy::LIVE,
    }
}

/// "3 new stories" in `lang`, in the plural form the number takes (CLDR's rules: Russian
/// one / few / many, English and Armenian one / other).
pub fn new_stories(lang: Lang, count: usize) -> String {
    let texts = live_texts(lang);
    let form = match lang {
        Lang::Ru => match (count % 10, count % 100) {
            (1, 11) => texts.new_stories_many,
            (1, _) => texts.new_stories_one,
            (2..=4, 12..=14) => texts.new_stories_many,
            (2..=4, _) => texts.new_stories_few,
            _ => texts.new_stories_many,
        },
        // Armenian's "one" is 0 and 1 (CLDR: i = 0,1).
        Lang::Hy if count <= 1 => texts.new_stories_one,
        Lang::En if count == 1 => texts.new_stories_one,
        _ => texts.new_stories_many,
    };
    fill(form, "count", &count.to_string())
}
