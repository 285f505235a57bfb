//! The Armenian texts of the interface. A translator edits only this file: every message is
//! one complete phrase, and `{name}` placeholders (`{count}`, `{author}`) stand where the
//! value goes, so the word order is the language's own.

use gazette_api_types::texts::HY as SHELL;

use super::{ListenStrings, LiveStrings, QuoteStrings, ReadingStrings, Strings};

/// Every text of the interface in Armenian.
pub(super) const HY: Strings = Strings {
    skip_to_content: "Անցնել բովանդակությանը",
    home: SHELL.home,
    menu: SHELL.menu,
    close_menu: SHELL.close_menu,
    sections: SHELL.sections,
    search_placeholder: SHELL.search_placeholder,
    search_label: SHELL.search_label,
    search_button: SHELL.search_button,
    search_title: SHELL.search_title,
    search_results_for: SHELL.search_results_for,
    search_empty: "Ոչինչ չի գտնվել։ Փորձեք այլ բառեր։",
    search_prompt: "Մուտքագրեք մի քանի բառ որոնելու համար։",
    language: SHELL.language,
    latest_news: SHELL.latest_news,
    most_read: "Ամենաընթերցվածը վերջին 7 օրում",
    related_news: "Առնչվող լուրեր",
    loading: "Բեռնվում է…",
    load_more: "Ցույց տալ ավելին",
    no_more: "Առայժմ այսքանը։",
    empty_list: "Այստեղ դեռ լուրեր չկան։",
    error_network: "Խմբագրության հետ կապ չկա։ Ստուգեք ցանցը և կրկին փորձեք։",
    error_server: "Խմբագրությունը այս պահին չկարողացավ պատասխանել։",
    error_malformed: "Խմբագրությունն ուղարկել է տվյալներ, որոնք էջը չի կարող կարդալ։",
    retry: "Կրկնել",
    not_found_title: "Էջը չի գտնվել",
    not_found_text: "Այս էջը գոյություն չունի կամ հեռացվել է։",
    go_home: "Գլխավոր էջ",
    by: SHELL.by,
    source: SHELL.source,
    views: SHELL.views,
    reading_time: SHELL.reading_time,
    tags: "Պիտակներ",
    not_found_search: "Փնտրել բացակայող էջը",
    also_in: SHELL.also_in,
    house_apps: SHELL.house_apps,
    tagged: SHELL.tagged,
    share_heading: "Հավանեցի՞ք նյութը։ Կիսվեք սոցիալական ցանցերում։",
    share_on: "Կիսվել՝ {network}",
    share_by_email: "Ուղարկել էլ. փոստով",
    email: "Էլ. փոստ",
    share_native: "Կիսվել…",
    print: "Տպել",
    copy_link: "Պատճենել հղումը",
    link_copied: "Հղումը պատճենվեց",
    copy_failed: "Չհաջողվեց պատճենել հղումը",
    advertisement: SHELL.advertisement,
    text_size: SHELL.text_size,
    increase_text: SHELL.increase_text,
    decrease_text: SHELL.decrease_text,
    text_size_now: SHELL.text_size_now,
    follow_us: SHELL.follow_us,
    get_the_app: SHELL.get_the_app,
    minutes_ago: "{count} րոպե առաջ",
    hours_ago: "{count} ժամ առաջ",
    just_now: "հենց նոր",
    months: [
        "հունվարի",
        "փետրվարի",
        "մարտի",
        "ապրիլի",
        "մայիսի",
        "հունիսի",
        "հուլիսի",
        "օգոստոսի",
        "սեպտեմբերի",
        "հոկտեմբերի",
        "նոյեմբերի",
        "դեկտեմբերի",
    ],
    rss: "RSS",
    switch_to_dark: SHELL.switch_to_dark,
    switch_to_light: SHELL.switch_to_light,
    untranslated: "Այս հոդվածը հայերենով հասանելի չէ, ուստի բացվել է գլխավոր էջը։",
    offline: "Դուք անցանց եք։ Ձեր կարդացած էջերը հասանելի են մնում։",
    saved_articles: SHELL.saved_articles,
    save: SHELL.save,
    saved: SHELL.saved,
    save_done: SHELL.save_done,
    save_failed: SHELL.save_failed,
    remove: "Հեռացնել",
    remove_saved: "Հեռացնել — {title}",
    saved_empty: "Դեռ ոչինչ պահված չէ։ Սեղմեք «Պահել» հոդվածում՝ այն ավելի ուշ կարդալու համար, նույնիսկ անցանց։",
    offline_title: "Դուք անցանց եք",
    offline_page: "Այս էջը պահված չէ անցանց ընթերցման համար։ Հասանելի են այս հոդվածները՝",
    offline_nothing: "Անցանց հասանելի հոդվածներ դեռ չկան։",
    update_available: "Հասանելի է նոր տարբերակ",
    refresh: "Թարմացնել",
    install_app: "Տեղադրել հավելվածը",
    not_now: "Ոչ հիմա",
    available_offline: "Հասանելի է անցանց",
};

/// The reading tools' texts in Armenian.
pub(super) const READING: ReadingStrings = ReadingStrings {
    progress: "Ընթերցման առաջընթաց",
    progress_now: "Կարդացված է {percent}%",
    back_to_top: "Դեպի վեր",
    continue_reading: "Շարունակել ընթերցումը",
    hide_suggestion: "Թաքցնել այս առաջարկը",
};

/// The quote tools' texts in Armenian.
pub(super) const QUOTES: QuoteStrings = QuoteStrings {
    tools: "Մեջբերում",
    copy_quote_link: "Պատճենել մեջբերման հղումը",
    share_quote: "Կիսվել մեջբերումով",
    quote_copied: "Մեջբերման հղումը պատճենվեց՝ «{quote}»",
};

/// Listen's texts in Armenian.
pub(super) const LISTEN: ListenStrings = ListenStrings {
    player: "Լսել հոդվածը",
    listen: "Լսել",
    pause: "Դադար",
    resume: "Շարունակել",
    stop: "Կանգնեցնել",
    speed: "Արագություն",
    part_of: "Հատված {current}՝ {total}-ից",
};

/// Live updates' texts in Armenian.
pub(super) const LIVE: LiveStrings = LiveStrings {
    new_stories_one: "{count} նոր լուր",
    new_stories_few: "{count} նոր լուր",
    new_stories_many: "{count} նոր լուր",
    new_stories_added: "Նոր լուրերը ցանկի սկզբում են։",
    updated: "Թարմացվել է {time}",
    show_new_version: "Ցույց տալ նոր տարբերակը",
    breaking: "Հրատապ",
    breaking_news: "Հրատապ լուրեր",
    hide_breaking: "Թաքցնել այս հրատապ լուրը",
};
