//! The public URL scheme of the site and the paths of the JSON API, written once.
//!
//! Page addresses: English pages have no prefix, other languages add theirs
//! (`/ru/article/x`). The front end's router, its links, the server's per-page HTML, feeds
//! and sitemap all read and build addresses through [`parse`] and [`Route::href`]; the front
//! end's API client and the server's preloads build API requests through [`api`].

use crate::Lang;

/// A page of the site, without its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    /// The front page.
    Home,
    /// A section's page: `/category/{slug}`.
    Category(&'a str),
    /// An article: `/article/{slug}`.
    Article(&'a str),
    /// The articles with one tag: `/tag/{slug}`.
    Tag(&'a str),
    /// Search results: `/search?q=`.
    Search,
    /// The reader's saved articles: `/saved`.
    Saved,
    /// Any other path: the not-found page.
    NotFound,
}

impl Route<'_> {
    /// The address of this page in `lang`, e.g. `/ru/article/x`.
    pub fn href(&self, lang: Lang) -> String {
        let prefix = lang_prefix(lang);
        match self {
            Route::Home if prefix.is_empty() => "/".to_owned(),
            Route::Home => prefix.to_owned(),
            Route::Category(slug) => format!("{prefix}/category/{}", encode(slug)),
            Route::Article(slug) => format!("{prefix}/article/{}", encode(slug)),
            Route::Tag(slug) => format!("{prefix}/tag/{}", encode(slug)),
            Route::Search => format!("{prefix}/search"),
            Route::Saved => format!("{prefix}/saved"),
            Route::NotFound => format!("{prefix}/not-found"),
        }
    }
}

/// Every [`Route::split_name`]: the split points a page can land on, for which the release
/// build writes a landing bundle (all of a split point's chunks in one file, crates/splitter).
pub const LANDING_SPLITS: [&str; 5] = [
    "home_page",
    "category_page",
    "article_page",
    "search_page",
    "saved_page",
];

impl Route<'_> {
    /// The name of the WebAssembly chunk that renders this page in the split release build
    /// (the front end's `lazy_pages`), which the server preloads with the page; `None` for
    /// the not-found page, which the main module renders.
    pub fn split_name(&self) -> Option<&'static str> {
        match self {
            Route::Home => Some("home_page"),
            Route::Article(_) => Some("article_page"),
            Route::Category(_) | Route::Tag(_) => Some("category_page"),
            Route::Search => Some("search_page"),
            Route::Saved => Some("saved_page"),
            Route::NotFound => None,
        }
    }
}

/// The URL path prefix of a language: empty for English, `/ru` and `/hy` otherwise.
pub fn lang_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Ru => "/ru",
        Lang::Hy => "/hy",
    }
}

/// Splits a URL path into its language and its page. `/ru/article/x` is
/// `(Lang::Ru, Route::Article("x"))`; `/en/...` is not an address of the site.
pub fn parse(path: &str) -> (Lang, Route<'_>) {
    let trimmed = path.trim_matches('/');
    let trimmed = trimmed.strip_suffix("index.html").unwrap_or(trimmed);
    let mut segments = trimmed.split('/').filter(|segment| !segment.is_empty());
    let mut first = segments.next();
    let mut lang = Lang::En;
    if let Some(found) = first
        .and_then(Lang::from_code)
        .filter(|found| *found != Lang::En)
    {
        lang = found;
        first = segments.next();
    }
    let second = segments.next();
    let route = match (first, second, segments.next()) {
        (None, _, _) => Route::Home,
        (Some("category"), Some(slug), None) => Route::Category(slug),
        (Some("article"), Some(slug), None) => Route::Article(slug),
        (Some("tag"), Some(slug), None) => Route::Tag(slug),
        (Some("search"), None, _) => Route::Search,
        (Some("saved"), None, _) => Route::Saved,
        _ => Route::NotFound,
    };
    (lang, route)
}

/// The language of a URL path (the language of its prefix, English without one).
pub fn lang_of_path(path: &str) -> Lang {
    parse(path).0
}

/// `path` without its language prefix: `/ru/search` is `/search`, `/ru` is `/`.
pub fn unlocalized(path: &str) -> &str {
    for lang in Lang::ALL {
        let prefix = lang_prefix(lang);
        if prefix.is_empty() {
            continue;
        }
        if let Some(rest) = path.strip_prefix(prefix) {
            if rest.is_empty() {
                return "/";
            }
            if rest.starts_with('/') {
                return rest;
            }
        }
    }
    path
}

/// A path of this site (starting with `/`, without a language prefix) in `lang`.
pub fn localized(lang: Lang, path: &str) -> String {
    match (lang_prefix(lang), path) {
        ("", _) => path.to_owned(),
        (prefix, "/") => prefix.to_owned(),
        (prefix, _) => format!("{prefix}{path}"),
    }
}

/// Percent-encodes one path segment or query value (everything but `A-Z a-z 0-9 - _ . ~`).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    out
}

/// The paths of the JSON API (with [`API_PREFIX`](crate::API_PREFIX)), as the front end
/// requests them and the server preloads them: the same string, so a preloaded answer is used.
pub mod api {
    use super::encode;
    use crate::{Lang, API_PREFIX};

    /// The prefix of every article's path; the service worker keeps these network-first.
    pub const ARTICLES: &str = "/api/v1/articles/";

    /// `GET` the site information in `lang`.
    pub fn site(lang: Lang) -> String {
        format!("{API_PREFIX}/site?lang={}", lang.code())
    }

    /// `GET` the categories in `lang`.
    pub fn categories(lang: Lang) -> String {
        format!("{API_PREFIX}/categories?lang={}", lang.code())
    }

    /// `GET` one category in `lang`.
    pub fn category(lang: Lang, slug: &str) -> String {
        format!(
            "{API_PREFIX}/categories/{}?lang={}",
            encode(slug),
            lang.code()
        )
    }

    /// `GET` a page of the newest articles, of one category or all, after `cursor`.
    pub fn articles(
        lang: Lang,
        category: Option<&str>,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> String {
        let mut path = format!("{API_PREFIX}/articles?lang={}", lang.code());
        if let Some(category) = category {
            path.push_str("&category=");
            path.push_str(&encode(category));
        }
        if let Some(cursor) = cursor {
            path.push_str("&cursor=");
            path.push_str(&encode(cursor));
        }
        if let Some(limit) = limit {
            path.push_str(&format!("&limit={limit}"));
        }
        path
    }

    /// `GET` one tag, named in `lang`.
    pub fn tag(lang: Lang, slug: &str) -> String {
        format!("{API_PREFIX}/tags/{}?lang={}", encode(slug), lang.code())
    }

    /// `GET` a page of the newest articles with one tag, after `cursor`.
    pub fn tagged(lang: Lang, tag: &str, cursor: Option<&str>) -> String {
        let mut path = format!(
            "{API_PREFIX}/articles?lang={}&tag={}",
            lang.code(),
            encode(tag)
        );
        if let Some(cursor) = cursor {
            path.push_str("&cursor=");
            path.push_str(&encode(cursor));
        }
        path
    }

    /// `GET` one article in `lang`.
    pub fn article(lang: Lang, slug: &str) -> String {
        format!(
            "{API_PREFIX}/articles/{}?lang={}",
            encode(slug),
            lang.code()
        )
    }

    /// `GET` articles related to one.
    pub fn related(lang: Lang, slug: &str, limit: u32) -> String {
        format!(
            "{API_PREFIX}/articles/{}/related?lang={}&limit={limit}",
            encode(slug),
            lang.code()
        )
    }

    /// `POST` a reader's visit of an article.
    pub fn views(lang: Lang, slug: &str) -> String {
        format!(
            "{API_PREFIX}/articles/{}/views?lang={}",
            encode(slug),
            lang.code()
        )
    }

    /// `GET` the articles most read in the last `days` days.
    pub fn most_read(lang: Lang, limit: u32, days: u32) -> String {
        format!(
            "{API_PREFIX}/most-read?lang={}&limit={limit}&days={days}",
            lang.code()
        )
    }

    /// `GET` the breaking news in `lang` (the banner on every page).
    pub fn breaking(lang: Lang) -> String {
        format!("{API_PREFIX}/breaking?lang={}", lang.code())
    }

    /// `GET` a page of search results for `query`, after `cursor`.
    pub fn search(lang: Lang, query: &str, cursor: Option<&str>) -> String {
        let mut path = format!(
            "{API_PREFIX}/search?lang={}&q={}",
            lang.code(),
            encode(query)
        );
        if let Some(cursor) = cursor {
            path.push_str("&cursor=");
            path.push_str(&encode(cursor));
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_landing_splits_are_exactly_the_pages_split_names() {
        let mut names: Vec<&str> = [
            Route::Home,
            Route::Category("x"),
            Route::Tag("x"),
            Route::Article("x"),
            Route::Search,
            Route::Saved,
            Route::NotFound,
        ]
        .iter()
        .filter_map(Route::split_name)
        .collect();
        names.sort_unstable();
        names.dedup();
        let mut landing = LANDING_SPLITS.to_vec();
        landing.sort_unstable();
        assert_eq!(names, landing);
    }

    #[test]
    fn paths_parse_into_language_and_page() {
        assert_eq!(parse("/"), (Lang::En, Route::Home));
        assert_eq!(parse(""), (Lang::En, Route::Home));
        assert_eq!(parse("/index.html"), (Lang::En, Route::Home));
        assert_eq!(parse("/ru"), (Lang::Ru, Route::Home));
        assert_eq!(parse("/hy/"), (Lang::Hy, Route::Home));
        assert_eq!(parse("/hy/article/abc"), (Lang::Hy, Route::Article("abc")));
        assert_eq!(
            parse("/category/politics"),
            (Lang::En, Route::Category("politics"))
        );
        assert_eq!(parse("/ru/saved"), (Lang::Ru, Route::Saved));
        assert_eq!(parse("/hy/tag/chess"), (Lang::Hy, Route::Tag("chess")));
        assert_eq!(parse("/tag"), (Lang::En, Route::NotFound));
        assert_eq!(parse("/ru/search"), (Lang::Ru, Route::Search));
        assert_eq!(parse("/en/search"), (Lang::En, Route::NotFound));
        assert_eq!(parse("/article/a/b"), (Lang::En, Route::NotFound));
        assert_eq!(parse("/article"), (Lang::En, Route::NotFound));
        assert_eq!(parse("/de"), (Lang::En, Route::NotFound));
    }

    #[test]
    fn every_page_parses_back_from_its_href() {
        for lang in Lang::ALL {
            for route in [
                Route::Home,
                Route::Category("politics"),
                Route::Article("a-b-1"),
                Route::Tag("black-sea"),
                Route::Search,
                Route::Saved,
            ] {
                assert_eq!(
                    parse(&route.href(lang)),
                    (lang, route),
                    "{route:?} in {lang:?}"
                );
            }
        }
        assert_eq!(Route::Home.href(Lang::En), "/");
        assert_eq!(Route::Home.href(Lang::Ru), "/ru");
        assert_eq!(Route::Article("x").href(Lang::Hy), "/hy/article/x");
    }

    #[test]
    fn prefixes_come_off_and_go_on() {
        assert_eq!(unlocalized("/ru/article/x"), "/article/x");
        assert_eq!(unlocalized("/ru"), "/");
        assert_eq!(unlocalized("/rus"), "/rus");
        assert_eq!(unlocalized("/search"), "/search");
        assert_eq!(localized(Lang::Ru, "/"), "/ru");
        assert_eq!(localized(Lang::En, "/search"), "/search");
        assert_eq!(localized(Lang::Hy, "/search"), "/hy/search");
        assert_eq!(lang_of_path("/hy/saved"), Lang::Hy);
    }

    #[test]
    fn api_paths_encode_their_values() {
        assert_eq!(api::site(Lang::Ru), "/api/v1/site?lang=ru");
        assert_eq!(
            api::article(Lang::En, "a b/c"),
            "/api/v1/articles/a%20b%2Fc?lang=en"
        );
        assert_eq!(
            api::articles(Lang::Hy, Some("politics"), Some("x=="), Some(20)),
            "/api/v1/articles?lang=hy&category=politics&cursor=x%3D%3D&limit=20"
        );
        assert_eq!(
            api::search(Lang::Ru, "нефть & газ", None),
            "/api/v1/search?lang=ru&q=%D0%BD%D0%B5%D1%84%D1%82%D1%8C%20%26%20%D0%B3%D0%B0%D0%B7"
        );
        assert_eq!(
            api::articles(Lang::En, None, None, None),
            "/api/v1/articles?lang=en"
        );
        assert!(api::article(Lang::En, "x").starts_with(api::ARTICLES));
        assert_eq!(
            api::tagged(Lang::Ru, "black-sea", Some("c")),
            "/api/v1/articles?lang=ru&tag=black-sea&cursor=c"
        );
        assert_eq!(api::tag(Lang::Hy, "un"), "/api/v1/tags/un?lang=hy");
    }
}
