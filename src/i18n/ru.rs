//! The Russian texts of the interface. A translator edits only this file: every message is
//! one complete phrase, and `{name}` placeholders (`{count}`, `{author}`) stand where the
//! value goes, so the word order is the language's own.

use gazette_api_types::texts::RU as SHELL;

use super::{ListenStrings, LiveStrings, QuoteStrings, ReadingStrings, Strings};

/// Every text of the interface in Russian.
pub(super) const RU: Strings = Strings {
    skip_to_content: "Перейти к содержанию",
    home: SHELL.home,
    menu: SHELL.menu,
    close_menu: SHELL.close_menu,
    sections: SHELL.sections,
    search_placeholder: SHELL.search_placeholder,
    search_label: SHELL.search_label,
    search_button: SHELL.search_button,
    search_title: SHELL.search_title,
    search_results_for: SHELL.search_results_for,
    search_empty: "Ничего не найдено. Попробуйте другие слова.",
    search_prompt: "Введите несколько слов для поиска.",
    language: SHELL.language,
    latest_news: SHELL.latest_news,
    most_read: "Самое читаемое за 7 дней",
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
    by: SHELL.by,
    source: SHELL.source,
    views: SHELL.views,
    reading_time: SHELL.reading_time,
    tags: "Теги",
    not_found_search: "Найти пропавшую страницу",
    also_in: SHELL.also_in,
    house_apps: SHELL.house_apps,
    tagged: SHELL.tagged,
    share_heading: "Понравилась статья? Поделитесь ею в соцсетях!",
    share_on: "Поделиться в {network}",
    share_by_email: "Эл. почта: отправить ссылку",
    email: "Эл. почта",
    share_native: "Поделиться…",
    print: "Печать",
    copy_link: "Копировать ссылку",
    link_copied: "Ссылка скопирована",
    copy_failed: "Не удалось скопировать ссылку",
    advertisement: SHELL.advertisement,
    text_size: SHELL.text_size,
    increase_text: SHELL.increase_text,
    decrease_text: SHELL.decrease_text,
    text_size_now: SHELL.text_size_now,
    follow_us: SHELL.follow_us,
    get_the_app: SHELL.get_the_app,
    minutes_ago: "{count} мин назад",
    hours_ago: "{count} ч назад",
    just_now: "только что",
    months: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    rss: "RSS",
    switch_to_dark: SHELL.switch_to_dark,
    switch_to_light: SHELL.switch_to_light,
    untranslated: "Этой статьи нет на русском языке, поэтому открыта главная страница.",
    offline: "Нет подключения к сети. Прочитанные страницы остаются доступны.",
    saved_articles: SHELL.saved_articles,
    save: SHELL.save,
    saved: SHELL.saved,
    save_done: SHELL.save_done,
    save_failed: SHELL.save_failed,
    remove: "Удалить",
    remove_saved: "Удалить — {title}",
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

/// The reading tools' texts in Russian.
pub(super) const READING: ReadingStrings = ReadingStrings {
    progress: "Прогресс чтения",
    progress_now: "Прочитано {percent}%",
    back_to_top: "Наверх",
    continue_reading: "Продолжить чтение",
    hide_suggestion: "Скрыть это предложение",
};

/// The quote tools' texts in Russian.
pub(super) const QUOTES: QuoteStrings = QuoteStrings {
    tools: "Цитата",
    copy_quote_link: "Скопировать ссылку на цитату",
    share_quote: "Поделиться цитатой",
    quote_copied: "Ссылка на цитату скопирована: «{quote}»",
};

/// Listen's texts in Russian.
pub(super) const LISTEN: ListenStrings = ListenStrings {
    player: "Прослушать статью",
    listen: "Слушать",
    pause: "Пауза",
    resume: "Продолжить",
    stop: "Стоп",
    speed: "Скорость",
    part_of: "Фрагмент {current} из {total}",
};

/// Live updates' texts in Russian.
pub(super) const LIVE: LiveStrings = LiveStrings {
    new_stories_one: "{count} свежая новость",
    new_stories_few: "{count} свежие новости",
    new_stories_many: "{count} свежих новостей",
    new_stories_added: "Свежие новости — в начале списка.",
    updated: "Обновлено в {time}",
    show_new_version: "Показать новую версию",
    breaking: "Срочно",
    breaking_news: "Срочные новости",
    hide_breaking: "Скрыть эту срочную новость",
};
