//! The English texts of the interface. A translator edits only this file: every message is
//! one complete phrase, and `{name}` placeholders (`{count}`, `{author}`) stand where the
//! value goes, so the word order is the language's own.

use gazette_api_types::texts::EN as SHELL;

use super::{ListenStrings, LiveStrings, QuoteStrings, ReadingStrings, Strings};

/// Every text of the interface in English.
pub(super) const EN: Strings = Strings {
    skip_to_content: "Skip to content",
    home: SHELL.home,
    menu: SHELL.menu,
    close_menu: SHELL.close_menu,
    sections: SHELL.sections,
    search_placeholder: SHELL.search_placeholder,
    search_label: SHELL.search_label,
    search_button: SHELL.search_button,
    search_title: SHELL.search_title,
    search_results_for: SHELL.search_results_for,
    search_empty: "Nothing found. Try other words.",
    search_prompt: "Type a few words to search the news.",
    language: SHELL.language,
    latest_news: SHELL.latest_news,
    most_read: "Most read in the last 7 days",
    related_news: "Related news",
    loading: "Loading…",
    load_more: "Load more",
    no_more: "That is all for now.",
    empty_list: "No news here yet.",
    error_network: "No connection to the newsroom. Check your network and try again.",
    error_server: "The newsroom could not answer just now.",
    error_malformed: "The newsroom sent something this page cannot read.",
    retry: "Retry",
    not_found_title: "Page not found",
    not_found_text: "This page does not exist or was removed.",
    go_home: "Go to the front page",
    by: SHELL.by,
    source: SHELL.source,
    views: SHELL.views,
    reading_time: SHELL.reading_time,
    tags: "Tags",
    not_found_search: "Search for the missing page",
    also_in: SHELL.also_in,
    house_apps: SHELL.house_apps,
    tagged: SHELL.tagged,
    share_heading: "Liked the story? Share it on social media!",
    share_on: "Share on {network}",
    share_by_email: "Share by email",
    email: "Email",
    share_native: "Share…",
    print: "Print",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Could not copy the link",
    advertisement: SHELL.advertisement,
    text_size: SHELL.text_size,
    increase_text: SHELL.increase_text,
    decrease_text: SHELL.decrease_text,
    text_size_now: SHELL.text_size_now,
    follow_us: SHELL.follow_us,
    get_the_app: SHELL.get_the_app,
    minutes_ago: "{count} min ago",
    hours_ago: "{count} h ago",
    just_now: "just now",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    rss: "RSS",
    switch_to_dark: SHELL.switch_to_dark,
    switch_to_light: SHELL.switch_to_light,
    untranslated: "This article is not available in English, so here is the English front page.",
    offline: "You are offline. Pages you have read stay available.",
    saved_articles: SHELL.saved_articles,
    save: SHELL.save,
    saved: SHELL.saved,
    save_done: SHELL.save_done,
    save_failed: SHELL.save_failed,
    remove: "Remove",
    remove_saved: "Remove — {title}",
    saved_empty: "Nothing saved yet. Press Save on an article to read it later, even offline.",
    offline_title: "You are offline",
    offline_page: "This page was not kept for reading offline. These articles are available:",
    offline_nothing: "No articles are available offline yet.",
    update_available: "New version available",
    refresh: "Refresh",
    install_app: "Install app",
    not_now: "Not now",
    available_offline: "Available offline",
};

/// The reading tools' texts in English.
pub(super) const READING: ReadingStrings = ReadingStrings {
    progress: "Reading progress",
    progress_now: "{percent}% read",
    back_to_top: "Back to top",
    continue_reading: "Continue reading",
    hide_suggestion: "Hide this suggestion",
};

/// The quote tools' texts in English.
pub(super) const QUOTES: QuoteStrings = QuoteStrings {
    tools: "Quote",
    copy_quote_link: "Copy link to this quote",
    share_quote: "Share quote",
    quote_copied: "Link to the quote copied: «{quote}»",
};

/// Listen's texts in English.
pub(super) const LISTEN: ListenStrings = ListenStrings {
    player: "Listen to the article",
    listen: "Listen",
    pause: "Pause",
    resume: "Resume",
    stop: "Stop",
    speed: "Speed",
    part_of: "Part {current} of {total}",
};

/// Live updates' texts in English.
pub(super) const LIVE: LiveStrings = LiveStrings {
    new_stories_one: "{count} new story",
    new_stories_few: "{count} new stories",
    new_stories_many: "{count} new stories",
    new_stories_added: "The new stories are at the top of the list.",
    updated: "Updated {time}",
    show_new_version: "Show the new version",
    breaking: "Breaking",
    breaking_news: "Breaking news",
    hide_breaking: "Hide this breaking news",
};
