//! The addresses the front end links to and navigates to, as thin functions over the
//! contract's URL scheme (`gazette_api_types::routes`), so the app, the server's per-page HTML,
//! the feeds and the sitemap agree on every address. Nothing else in the front end builds an
//! address by hand.

use gazette_api_types::routes::{encode, unlocalized, Route};
use gazette_api_types::{Lang, Translation};

/// The front page in `lang` (`/`, `/ru`, `/hy`).
pub fn home_href(lang: Lang) -> String {
    Route::Home.href(lang)
}

/// The address of a category page in `lang`.
pub fn category_href(lang: Lang, slug: &str) -> String {
    Route::Category(slug).href(lang)
}

/// The address of a tag's page in `lang`.
pub fn tag_href(lang: Lang, slug: &str) -> String {
    Route::Tag(slug).href(lang)
}

/// The address of an article in `lang`.
pub fn article_href(lang: Lang, slug: &str) -> String {
    Route::Article(slug).href(lang)
}

/// The reader's saved articles in `lang`.
pub fn saved_href(lang: Lang) -> String {
    Route::Saved.href(lang)
}

/// The search page in `lang` without a query (the search form's `action`).
pub fn search_page_href(lang: Lang) -> String {
    Route::Search.href(lang)
}

/// The results for `query` in `lang`, starting after `cursor` when given.
pub fn search_href(lang: Lang, query: &str, cursor: Option<&str>) -> String {
    let mut href = format!("{}?q={}", search_page_href(lang), encode(query));
    if let Some(cursor) = cursor {
        href.push_str("&after=");
        href.push_str(&encode(cursor));
    }
    href
}

/// `page` (a list's address) continued after `cursor`: the "Load more" link of a feed.
pub fn after_href(page: &str, cursor: &str) -> String {
    format!("{page}?after={}", encode(cursor))
}

/// The RSS feed of the newest articles in `lang`.
pub fn feed_href(lang: Lang) -> String {
    format!("/feeds/{}.xml", lang.code())
}

/// Where the language switch leads from `path`: the same page in `target`; on an article,
/// its translation, or the language's front page (saying so) when there is none.
pub fn switch_href(
    path: &str,
    current: Lang,
    target: Lang,
    article: Option<&(Lang, Vec<Translation>)>,
) -> String {
    if target == current {
        return path.to_owned();
    }
    let bare = unlocalized(path);
    if bare.starts_with("/article/") {
        return article
            .filter(|(lang, _)| *lang == current)
            .and_then(|(_, translations)| {
                translations
                    .iter()
                    .find(|translation| translation.lang == target)
            })
            .map(|translation| article_href(target, &translation.slug))
            .unwrap_or_else(|| format!("{}?untranslated=1", home_href(target)));
    }
    gazette_api_types::routes::localized(target, bare)
}

/// `(hreflang, absolute URL)` of a page that exists in every language: each language's address
/// (from `href`) and `x-default` (English), on the site's public origin `base`.
pub fn in_every_language(base: &str, href: impl Fn(Lang) -> String) -> Vec<(String, String)> {
    Lang::ALL
        .iter()
        .map(|&lang| (lang.code().to_owned(), format!("{base}{}", href(lang))))
        .chain(std::iter::once((
            "x-default".to_owned(),
            format!("{base}{}", href(Lang::En)),
        )))
        .collect()
}
