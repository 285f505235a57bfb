//! Every string the reader sees, in English, Russian and Armenian, and locale formatting of
//! dates with the browser's `Intl` (no date crate in the WebAssembly).
//!
//! One `Strings` table per language; components take `t(lang).field` and never hold text of
//! their own. A compile-time table costs a few kilobytes and no run-time loading.

use gazette_api_types::Lang;

/// The UI texts of one language.
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
    pub more_in: &'static str,
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
    pub minutes_short: &'static str,
    pub tags: &'static str,
    pub share_heading: &'static str,
    pub share_on: &'static str,
    pub share_by_email: &'static str,
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
    pub updated: &'static str,
    pub minutes_ago: &'static str,
    pub hours_ago: &'static str,
    pub just_now: &'static str,
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

const EN: Strings = Strings {
    skip_to_content: "Skip to content",
    home: "Home",
    menu: "Menu",
    close_menu: "Close menu",
    sections: "Sections",
    search_placeholder: "WHAT ARE YOU LOOKING FOR ?",
    search_label: "Search the news",
    search_button: "Search",
    search_title: "Search",
    search_results_for: "Results for",
    search_empty: "Nothing found. Try other words.",
    search_prompt: "Type a few words to search the news.",
    language: "Language",
    latest_news: "Latest news",
    most_read: "Most read",
    more_in: "More in",
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
    by: "By",
    source: "Source",
    views: "Views",
    reading_time: "Reading time",
    minutes_short: "min",
    tags: "Tags",
    share_heading: "Liked the story? Share it on social media!",
    share_on: "Share on",
    share_by_email: "Share by email",
    share_native: "Share…",
    print: "Print",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Could not copy the link",
    advertisement: "Advertisement",
    text_size: "Text size",
    increase_text: "Increase text size",
    decrease_text: "Decrease text size",
    text_size_now: "Text size",
    follow_us: "Follow us",
    get_the_app: "Get the app",
    updated: "Updated",
    minutes_ago: "min ago",
    hours_ago: "h ago",
    just_now: "just now",
    rss: "RSS",
    switch_to_dark: "Switch to night theme",
    switch_to_light: "Switch to day theme",
    untranslated: "This article is not available in English, so here is the English front page.",
    offline: "You are offline. Pages you have read stay available.",
    saved_articles: "Saved articles",
    save: "Save",
    saved: "Saved",
    save_done: "Saved for reading offline",
    save_failed: "Could not save this article",
    remove: "Remove",
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

const RU: Strings = Strings {
    skip_to_content: "Перейти к содержанию",
    home: "Главная",
    menu: "Меню",
    close_menu: "Закрыть меню",
    sections: "Разделы",
    search_placeholder: "ЧТО ВЫ ИЩЕТЕ ?",
    search_label: "Поиск по новостям",
    search_button: "Найти",
    search_title: "Поиск",
    search_results_for: "Результаты по запросу",
    search_empty: "Ничего не найдено. Попробуйте другие слова.",
    search_prompt: "Введите несколько слов для поиска.",
    language: "Язык",
    latest_news: "Последние новости",
    most_read: "Самое читаемое",
    more_in: "Ещё в разделе",
    related_news: "Похожие новости",
    loading: "Загрузка…",
    load_more: "Показать ещё",
    no_more: "Пока это всё.",
    empty_list: "Здесь пока нет новостей.",
    error_network: "Нет связи с редакцией. Проверьте сеть и попробуйте снова.",
    error_server: "Редакция сейчас не смогла ответить.",
    error_malformed: "Редакция прислала данные, которые страница не может прочитать.",
    retry: "Повторить",
    not_found_title: "Страница не найдена",
    not_found_text: "Такой страницы нет или она была удалена.",
    go_home: "На главную",
    by: "Автор:",
    source: "Источник",
    views: "Просмотры",
    reading_time: "Время чтения",
    minutes_short: "мин",
    tags: "Теги",
    share_heading: "Понравилась статья? Поделитесь ею в соцсетях!",
    share_on: "Поделиться в",
    share_by_email: "Отправить по почте",
    share_native: "Поделиться…",
    print: "Печать",
    copy_link: "Копировать ссылку",
    link_copied: "Ссылка скопирована",
    copy_failed: "Не удалось скопировать ссылку",
    advertisement: "Реклама",
    text_size: "Размер текста",
    increase_text: "Увеличить текст",
    decrease_text: "Уменьшить текст",
    text_size_now: "Размер текста",
    follow_us: "Мы в соцсетях",
    get_the_app: "Наше приложение",
    updated: "Обновлено",
    minutes_ago: "мин назад",
    hours_ago: "ч назад",
    just_now: "только что",
    rss: "RSS",
    switch_to_dark: "Включить ночную тему",
    switch_to_light: "Включить дневную тему",
    untranslated: "Этой статьи нет на русском языке, поэтому открыта главная страница.",
    offline: "Нет подключения к сети. Прочитанные страницы остаются доступны.",
    saved_articles: "Сохранённые статьи",
    save: "Сохранить",
    saved: "Сохранено",
    save_done: "Сохранено для чтения без сети",
    save_failed: "Не удалось сохранить статью",
    remove: "Удалить",
    saved_empty:
        "Здесь пока пусто. Нажмите «Сохранить» в статье, чтобы прочитать её позже, даже без сети.",
    offline_title: "Нет подключения к сети",
    offline_page: "Эта страница не сохранена для чтения без сети. Доступны эти статьи:",
    offline_nothing: "Пока нет статей, доступных без сети.",
    update_available: "Доступна новая версия",
    refresh: "Обновить",
    install_app: "Установить приложение",
    not_now: "Не сейчас",
    available_offline: "Доступно без сети",
};

const HY: Strings = Strings {
    skip_to_content: "Անցնել բովանդակությանը",
    home: "Գլխավոր",
    menu: "Ընտրացանկ",
    close_menu: "Փակել ընտրացանկը",
    sections: "Բաժիններ",
    search_placeholder: "Ի՞ՆՉ ԵՔ ՓՆՏՐՈՒՄ",
    search_label: "Որոնել լուրերում",
    search_button: "Որոնել",
    search_title: "Որոնում",
    search_results_for: "Արդյունքներ՝",
    search_empty: "Ոչինչ չի գտնվել։ Փորձեք այլ բառեր։",
    search_prompt: "Մուտքագրեք մի քանի բառ որոնելու համար։",
    language: "Լեզու",
    latest_news: "Վերջին լուրեր",
    most_read: "Ամենաընթերցվածը",
    more_in: "Այլ նյութեր՝",
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
    by: "Հեղինակ՝",
    source: "Աղբյուր",
    views: "Դիտումներ",
    reading_time: "Ընթերցման ժամանակ",
    minutes_short: "րոպե",
    tags: "Պիտակներ",
    share_heading: "Հավանեցի՞ք նյութը։ Կիսվեք սոցիալական ցանցերում։",
    share_on: "Կիսվել՝",
    share_by_email: "Ուղարկել էլ. փոստով",
    share_native: "Կիսվել…",
    print: "Տպել",
    copy_link: "Պատճենել հղումը",
    link_copied: "Հղումը պատճենվեց",
    copy_failed: "Չհաջողվեց պատճենել հղումը",
    advertisement: "Գովազդ",
    text_size: "Տեքստի չափը",
    increase_text: "Մեծացնել տեքստը",
    decrease_text: "Փոքրացնել տեքստը",
    text_size_now: "Տեքստի չափը",
    follow_us: "Հետևեք մեզ",
    get_the_app: "Մեր հավելվածը",
    updated: "Թարմացվել է",
    minutes_ago: "րոպե առաջ",
    hours_ago: "ժամ առաջ",
    just_now: "հենց նոր",
    rss: "RSS",
    switch_to_dark: "Միացնել գիշերային ռեժիմը",
    switch_to_light: "Միացնել ցերեկային ռեժիմը",
    untranslated: "Այս հոդվածը հայերենով հասանելի չէ, ուստի բացվել է գլխավոր էջը։",
    offline: "Դուք անցանց եք։ Ձեր կարդացած էջերը հասանելի են մնում։",
    saved_articles: "Պահված հոդվածներ",
    save: "Պահել",
    saved: "Պահված է",
    save_done: "Պահված է անցանց ընթերցման համար",
    save_failed: "Չհաջողվեց պահել հոդվածը",
    remove: "Հեռացնել",
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

/// The UI texts in `lang`.
pub fn t(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Hy => &HY,
    }
}

/// The BCP 47 tag `Intl` formats with.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Ru => "ru-RU",
        Lang::Hy => "hy-AM",
    }
}

thread_local! {
    /// One `Intl.DateTimeFormat` per language and time zone: making one costs about as much as
    /// rendering a card, and a page shows dozens of dates.
    static DATE_FORMATS: std::cell::RefCell<Vec<(Lang, String, js_sys::Intl::DateTimeFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The formatter for dates in `lang` and `time_zone` (the browser's zone when empty).
fn date_format(lang: Lang, time_zone: &str) -> js_sys::Intl::DateTimeFormat {
    DATE_FORMATS.with_borrow_mut(|formats| {
        if let Some((_, _, format)) = formats
            .iter()
            .find(|(format_lang, zone, _)| *format_lang == lang && zone == time_zone)
        {
            return format.clone();
        }
        let options = js_sys::Object::new();
        let set = |key: &str, value: &str| {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        };
        set("day", "numeric");
        set("month", "long");
        set("year", "numeric");
        set("hour", "2-digit");
        set("minute", "2-digit");
        set("hourCycle", "h23");
        if !time_zone.is_empty() {
            set("timeZone", time_zone);
        }
        let locales = js_sys::Array::of1(&locale(lang).into());
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &options);
        formats.push((lang, time_zone.to_owned(), format.clone()));
        format
    })
}

/// "14 January 2025 17:32" (or "14 января 2025 17:32"): an RFC 3339 time shown in the
/// newsroom's time zone. Falls back to the raw text when the browser cannot parse it; empty
/// while the time zone is not known yet (the site information has not arrived), rather than a
/// time in the wrong zone.
pub fn format_date_time(rfc3339: &str, lang: Lang, time_zone: &str) -> String {
    if time_zone.is_empty() {
        return String::new();
    }
    let date = js_sys::Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let parts = date_format(lang, time_zone).format_to_parts(&date);
    let part = |wanted: &str| -> String {
        parts
            .iter()
            .find(|item| {
                js_sys::Reflect::get(item, &"type".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .as_deref()
                    == Some(wanted)
            })
            .and_then(|item| js_sys::Reflect::get(&item, &"value".into()).ok())
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    format!(
        "{} {} {} {}:{}",
        part("day"),
        part("month"),
        part("year"),
        part("hour"),
        part("minute")
    )
}

/// "5 min ago" / "3 h ago" for times in the last twelve hours, otherwise the full date.
pub fn format_relative(rfc3339: &str, lang: Lang, time_zone: &str) -> String {
    let then = js_sys::Date::new(&rfc3339.into()).get_time();
    let now = js_sys::Date::now();
    let minutes = ((now - then) / 60_000.0).floor();
    let strings = t(lang);
    if then.is_nan() || !(0.0..720.0).contains(&minutes) {
        format_date_time(rfc3339, lang, time_zone)
    } else if minutes < 1.0 {
        strings.just_now.to_owned()
    } else if minutes < 60.0 {
        format!("{minutes} {}", strings.minutes_ago)
    } else {
        format!("{} {}", (minutes / 60.0).floor(), strings.hours_ago)
    }
}
