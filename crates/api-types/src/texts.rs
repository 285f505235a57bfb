//! The interface texts that both the front end and the server's first screen show (header,
//! section titles, ad labels), written once so the first screen says exactly what the app
//! will say in the same place. The front end's `i18n` takes these fields from here.

use crate::Lang;

/// The shared interface texts of one language.
#[derive(Debug)]
pub struct ShellTexts {
    /// The line under a tag page's name; `{name}` is the tag.
    pub tagged: &'static str,
    pub save: &'static str,
    /// The Save button's text while the article is saved.
    pub saved: &'static str,
    /// Said (a toast) once Save has kept the article.
    pub save_done: &'static str,
    /// Said when Save could not keep the article.
    pub save_failed: &'static str,
    pub also_in: &'static str,
    pub home: &'static str,
    pub menu: &'static str,
    pub close_menu: &'static str,
    pub sections: &'static str,
    pub search_placeholder: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub language: &'static str,
    pub latest_news: &'static str,
    pub advertisement: &'static str,
    pub follow_us: &'static str,
    pub get_the_app: &'static str,
    pub house_apps: &'static str,
    pub switch_to_dark: &'static str,
    pub switch_to_light: &'static str,
    /// The name of the article's A-/A+ group.
    pub text_size: &'static str,
    pub increase_text: &'static str,
    pub decrease_text: &'static str,
    /// Said after A-/A+; `{percent}` is one of [`TEXT_SIZES`].
    pub text_size_now: &'static str,
    pub saved_articles: &'static str,
    /// The search page's heading without a search text.
    pub search_title: &'static str,
    /// The search page's heading; `{query}` is the reader's text.
    pub search_results_for: &'static str,
    /// An article's author line; `{author}`.
    pub by: &'static str,
    /// Where an article comes from; `{source}`.
    pub source: &'static str,
    /// An article's view count; `{count}`.
    pub views: &'static str,
    /// An article's reading time; `{minutes}`.
    pub reading_time: &'static str,
}

/// Article text sizes, in per cent of the base size (87.5 % is said as 88 %): the steps of
/// A-/A+ (the style sheet sizes each `data-text-size` step), the same in the app and on the
/// first screen. Whole numbers: no float formatting code in the app for one announcement.
pub const TEXT_SIZES: [u16; 5] = [88, 100, 113, 125, 150];

/// The texts in `lang`.
pub fn shell_texts(lang: Lang) -> &'static ShellTexts {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Hy => &HY,
    }
}

/// The shared texts in English.
pub const EN: ShellTexts = ShellTexts {
    tagged: "News tagged “{name}”",
    save: "Save",
    saved: "Saved",
    save_done: "Saved for reading offline",
    save_failed: "Could not save this article",
    also_in: "Also in",
    home: "Home",
    menu: "Menu",
    close_menu: "Close menu",
    sections: "Sections",
    search_placeholder: "WHAT ARE YOU LOOKING FOR ?",
    search_label: "Search the news",
    search_button: "Search",
    language: "Language",
    latest_news: "Latest news",
    advertisement: "Advertisement",
    follow_us: "Follow us",
    get_the_app: "Get the app",
    house_apps: "Read the news in our app",
    switch_to_dark: "Switch to night theme",
    switch_to_light: "Switch to day theme",
    text_size: "Text size",
    increase_text: "Increase text size",
    decrease_text: "Decrease text size",
    text_size_now: "Text size: {percent}%",
    saved_articles: "Saved articles",
    search_title: "Search",
    search_results_for: "Results for «{query}»",
    by: "By {author}",
    source: "Source: {source}",
    views: "Views: {count}",
    reading_time: "Reading time: {minutes} min",
};

/// The shared texts in Russian.
pub const RU: ShellTexts = ShellTexts {
    tagged: "Новости с тегом «{name}»",
    save: "Сохранить",
    saved: "Сохранено",
    save_done: "Сохранено для чтения без сети",
    save_failed: "Не удалось сохранить статью",
    also_in: "Также на языках:",
    home: "Главная",
    menu: "Меню",
    close_menu: "Закрыть меню",
    sections: "Разделы",
    search_placeholder: "ЧТО ВЫ ИЩЕТЕ ?",
    search_label: "Поиск по новостям",
    search_button: "Найти",
    language: "Язык",
    latest_news: "Последние новости",
    advertisement: "Реклама",
    follow_us: "Мы в соцсетях",
    get_the_app: "Наше приложение",
    house_apps: "Читайте новости в нашем приложении",
    switch_to_dark: "Включить ночную тему",
    switch_to_light: "Включить дневную тему",
    text_size: "Размер текста",
    increase_text: "Увеличить текст",
    decrease_text: "Уменьшить текст",
    text_size_now: "Размер текста: {percent}%",
    saved_articles: "Сохранённые статьи",
    search_title: "Поиск",
    search_results_for: "Результаты по запросу «{query}»",
    by: "Автор: {author}",
    source: "Источник: {source}",
    views: "Просмотры: {count}",
    reading_time: "Время чтения: {minutes} мин",
};

/// The shared texts in Armenian.
pub const HY: ShellTexts = ShellTexts {
    tagged: "«{name}» պիտակով լուրեր",
    save: "Պահել",
    saved: "Պահված է",
    save_done: "Պահված է անցանց ընթերցման համար",
    save_failed: "Չհաջողվեց պահել հոդվածը",
    also_in: "Նաև՝",
    home: "Գլխավոր",
    menu: "Ընտրացանկ",
    close_menu: "Փակել ընտրացանկը",
    sections: "Բաժիններ",
    search_placeholder: "Ի՞ՆՉ ԵՔ ՓՆՏՐՈՒՄ",
    search_label: "Որոնել լուրերում",
    search_button: "Որոնել",
    language: "Լեզու",
    latest_news: "Վերջին լուրեր",
    advertisement: "Գովազդ",
    follow_us: "Հետևեք մեզ",
    get_the_app: "Մեր հավելվածը",
    house_apps: "Կարդացեք լուրերը մեր հավելվածում",
    switch_to_dark: "Միացնել գիշերային ռեժիմը",
    switch_to_light: "Միացնել ցերեկային ռեժիմը",
    text_size: "Տեքստի չափը",
    increase_text: "Մեծացնել տեքստը",
    decrease_text: "Փոքրացնել տեքստը",
    text_size_now: "Տեքստի չափը: {percent}%",
    saved_articles: "Պահված հոդվածներ",
    search_title: "Որոնում",
    search_results_for: "Արդյունքներ՝ «{query}»",
    by: "Հեղինակ՝ {author}",
    source: "Աղբյուր: {source}",
    views: "Դիտումներ: {count}",
    reading_time: "Ընթերցման ժամանակ: {minutes} րոպե",
};
