//! The first screen of a page as static HTML in the shell, so a reader on a slow phone sees the
//! headline, lead and picture as soon as the HTML and CSS arrive instead of after the
//! WebAssembly has downloaded and started.
//!
//! It covers the window (fixed, `aria-hidden`, no links: a picture of the page, not a second
//! page) until the app has rendered the same content underneath and removes it
//! (`browser::reveal_page`). An inline script in `index.html` removes it at once when it was
//! made for another address (the service worker's offline fallback shell).

use gazette_api_types::{Article, ArticleSummary, Image};

use super::html::escape;

/// The covering element around `content`, with the site's name where the header will be.
fn screen(path: &str, site_name: &str, content: &str) -> String {
    format!(
        "<div id=\"first-screen\" class=\"first-screen\" data-path=\"{}\" aria-hidden=\"true\">\
         <div class=\"site-header\"><div class=\"site-header__top\">\
         <span class=\"site-header__logo\">{}</span></div></div>\
         <div class=\"page\">{content}</div></div>",
        escape(path),
        escape(site_name)
    )
}

/// A page's lead picture, fetched at high priority; decorative here (the app's has the alt).
fn picture(image: &Image, class: &str) -> String {
    format!(
        "<img class=\"{class}\" src=\"{}\" width=\"{}\" height=\"{}\" alt=\"\" fetchpriority=\"high\">",
        escape(&image.url),
        image.width,
        image.height
    )
}

/// A story as the first card of a feed shows it (`lead`: the front page's lead story).
fn card(article: &ArticleSummary, lead: bool) -> String {
    let (class, lead_text) = if lead {
        (
            "card card--lead",
            format!("<p class=\"card__lead\">{}</p>", escape(&article.lead)),
        )
    } else {
        ("card", String::new())
    };
    format!(
        "<div class=\"feed__cards\"><div class=\"{class}\">{}<div class=\"card__text\">\
         <p class=\"card__category\">{}</p><p class=\"card__title\">{}</p>\
         {lead_text}</div></div></div>",
        article
            .image
            .as_ref()
            .map(|image| picture(image, "card__image"))
            .unwrap_or_default(),
        escape(&article.category.name),
        escape(&article.title)
    )
}

/// The front page: its lead story.
pub fn home(path: &str, site_name: &str, lead: &ArticleSummary) -> String {
    screen(path, site_name, &card(lead, true))
}

/// A category's or a tag's page: its name, description and newest story.
pub fn listing(
    path: &str,
    site_name: &str,
    name: &str,
    description: &str,
    newest: Option<&ArticleSummary>,
) -> String {
    let content = format!(
        "<div class=\"category-header\"><p class=\"category-header__name\">{}</p>\
         <p class=\"category-header__description\">{}</p></div>{}",
        escape(name),
        escape(description),
        newest.map(|newest| card(newest, false)).unwrap_or_default()
    );
    screen(path, site_name, &content)
}

/// An article: category, title, lead and picture.
pub fn article(path: &str, site_name: &str, article: &Article) -> String {
    let article = &article.summary;
    let content = format!(
        "<div class=\"article\"><p class=\"article__category\">{}</p>\
         <p class=\"article__title\">{}</p><p class=\"article__lead\">{}</p>{}</div>",
        escape(&article.category.name),
        escape(&article.title),
        escape(&article.lead),
        article
            .image
            .as_ref()
            .map(|image| format!(
                "<div class=\"article__figure\">{}</div>",
                picture(image, "article__image")
            ))
            .unwrap_or_default()
    );
    screen(path, site_name, &content)
}
