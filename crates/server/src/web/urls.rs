//! Absolute URLs of the site's pages, for canonical and hreflang links, feeds and the
//! sitemap, built from the contract's URL scheme ([`gazette_api_types::routes`]).

use gazette_api_types::routes::{self, Route};
use gazette_api_types::Lang;

/// The absolute URL of a page. The front page's URL keeps its trailing slash
/// (`https://x/ru/`), as canonical links and the sitemap have always written it.
pub fn page_url(base: &str, lang: Lang, route: Route<'_>) -> String {
    match route {
        Route::Home => format!("{base}{}/", routes::lang_prefix(lang)),
        _ => format!("{base}{}", route.href(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_urls_follow_the_url_scheme() {
        let base = "https://x.test";
        assert_eq!(page_url(base, Lang::En, Route::Home), "https://x.test/");
        assert_eq!(page_url(base, Lang::Ru, Route::Home), "https://x.test/ru/");
        assert_eq!(
            page_url(base, Lang::Hy, Route::Category("politics")),
            "https://x.test/hy/category/politics"
        );
        assert_eq!(
            page_url(base, Lang::En, Route::Article("a-1")),
            "https://x.test/article/a-1"
        );
    }
}
