//! The first screen of a page as static HTML in the shell, so a reader on a slow phone can read,
//! scroll and follow links as soon as the HTML and CSS arrive, seconds before the WebAssembly
//! has downloaded and started.
//!
//! It is the top of the app's own page, written with the app's elements and classes: the
//! header (name, search form, saved articles, languages, social and app links, sections; on a
//! phone the search icon leads to the search page and Menu opens the sections by a `:target`
//! rule), the top ad slot with its house content, and the page's heading, lead and picture;
//! on an article the whole text (body blocks, in-article ad slot, byline, source), so the
//! story can be read to its end before the app arrives.
//! Every link is a real `<a href>` (settings' links through the contract's allowlist); the
//! Menu, the night theme switch and the article's Save and A-/A+ work before the app runs (the
//! first-screen script in the head of `index.html`: a tap answers on a slow phone seconds before the
//! WebAssembly has arrived). The layout is the same before and after the app starts, so
//! nothing moves when it does. It lies over the app (`position: absolute`) until the app
//! has rendered the same content underneath and removes it (`browser::reveal_page`). An inline
//! script in `index.html` removes it at once when it was made for another address (the service
//! worker's offline fallback shell).

use gazette_api_types::links::safe_href;
use gazette_api_types::routes::{api, localized, unlocalized, Route};
use gazette_api_types::texts::{shell_texts, ShellTexts, TEXT_SIZES};
use gazette_api_types::{
    Article, ArticleSummary, Block, Category, Image, ImageFormat, Inline, Lang, SiteInfo,
    Translation, ARTICLE_PICTURE_SIZES, CARD_SIZES, LEAD_CARD_SIZES,
};

use super::html::escape;

/// What every first screen shows around its content: the page's address and language, the
/// site's settings and sections, and (on an article) its translations for the language links.
pub struct Frame<'a> {
    pub path: &'a str,
    pub lang: Lang,
    pub site: &'a SiteInfo,
    pub categories: &'a [Category],
    pub translations: Option<&'a [Translation]>,
    /// The reader's search text, in the header's search field (on the search page).
    pub search_text: &'a str,
}

impl Frame<'_> {
    fn texts(&self) -> &'static ShellTexts {
        shell_texts(self.lang)
    }

    /// The covering element: the header, then `content` in the page's column.
    fn screen(&self, content: &str) -> String {
        format!(
            "<div id=\"first-screen\" class=\"first-screen\" data-path=\"{}\">{}\
             <div class=\"page\">{content}</div></div>",
            escape(self.path),
            self.header()
        )
    }

    /// Where the language switch leads: the same page, or on an article its translation
    /// (the language's front page when there is none), as the app's switch does.
    fn language_href(&self, target: Lang) -> String {
        if target == self.lang {
            return self.path.to_owned();
        }
        match self.translations {
            Some(translations) => translations
                .iter()
                .find(|translation| translation.lang == target)
                .map(|translation| Route::Article(&translation.slug).href(target))
                .unwrap_or_else(|| format!("{}?untranslated=1", Route::Home.href(target))),
            None => localized(target, unlocalized(self.path)),
        }
    }

    fn header(&self) -> String {
        let texts = self.texts();
        let lang = self.lang;
        let home = Route::Home.href(lang);
        let search = Route::Search.href(lang);
        let languages: String = self
            .site
            .languages
            .iter()
            .map(|language| {
                let current = language.code == lang;
                format!(
                    "<li><a class=\"languages__link{}\" href=\"{}\" hreflang=\"{code}\" \
                     lang=\"{code}\"{}>{}</a></li>",
                    if current {
                        " languages__link--current"
                    } else {
                        ""
                    },
                    escape(&self.language_href(language.code)),
                    if current {
                        " aria-current=\"true\""
                    } else {
                        ""
                    },
                    escape(&language.label),
                    code = language.code.code(),
                )
            })
            .collect();
        let social = outside_links(
            "social",
            texts.follow_us,
            self.site.social.iter().map(|link| (&link.name, &link.url)),
        );
        let apps = outside_links(
            "apps",
            texts.get_the_app,
            self.site.apps.iter().map(|link| (&link.name, &link.url)),
        );
        let sections: String = self
            .categories
            .iter()
            .map(|category| {
                format!(
                    "<li><a class=\"nav__link\" href=\"{}\">{}</a></li>",
                    escape(&Route::Category(&category.slug).href(lang)),
                    escape(&category.name)
                )
            })
            .collect();
        format!(
            "<div class=\"site-header\"><div class=\"site-header__top\">\
             <a class=\"site-header__logo\" href=\"{home}\">{name}</a>\
             <a class=\"button search-toggle\" href=\"{search}\" aria-label=\"{search_label}\" \
             title=\"{search_label}\">{SEARCH_ICON}</a>\
             <a class=\"button nav__toggle\" href=\"#first-screen-nav\" role=\"button\" \
             aria-controls=\"first-screen-nav\" aria-expanded=\"false\" data-menu=\"{menu}\" \
             data-close=\"{close_menu}\">{menu}</a>\
             <a class=\"button saved-link\" href=\"{saved}\" aria-label=\"{saved_label}\" \
             title=\"{saved_label}\"><span aria-hidden=\"true\">★</span>\
             <span class=\"header-label\" aria-hidden=\"true\">{saved_label}</span></a>\
             <button type=\"button\" class=\"button theme-toggle\" aria-pressed=\"false\" \
             aria-label=\"{theme}\" title=\"{theme}\" data-to-dark=\"{theme}\" \
             data-to-light=\"{theme_light}\"><span aria-hidden=\"true\">☾</span>\
             <span class=\"header-label\" aria-hidden=\"true\">{theme}</span></button>\
             <nav class=\"languages\" aria-label=\"{language}\">\
             <ul class=\"languages__list\">{languages}</ul></nav>\
             <form class=\"search-form\" role=\"search\" action=\"{search}\" method=\"get\">\
             <label class=\"visually-hidden\" for=\"first-screen-search\">{search_label}</label>\
             <input id=\"first-screen-search\" class=\"search-form__input\" type=\"search\" \
             name=\"q\" placeholder=\"{placeholder}\" enterkeyhint=\"search\" maxlength=\"200\"{value}>\
             <button class=\"button search-form__button\" type=\"submit\">{search_button}</button>\
             </form></div>\
             <div class=\"site-header__links\">{social}{apps}</div>\
             <nav class=\"nav\" aria-label=\"{sections_label}\">\
             <ul id=\"first-screen-nav\" class=\"nav__list\">\
             <li><a class=\"nav__link\" href=\"{home}\">{home_label}</a></li>{sections}</ul></nav>\
             </div>",
            name = escape(&self.site.name),
            search_label = escape(texts.search_label),
            menu = escape(texts.menu),
            close_menu = escape(texts.close_menu),
            placeholder = escape(texts.search_placeholder),
            search_button = escape(texts.search_button),
            saved = Route::Saved.href(lang),
            saved_label = escape(texts.saved_articles),
            theme = escape(texts.switch_to_dark),
            theme_light = escape(texts.switch_to_light),
            language = escape(texts.language),
            sections_label = escape(texts.sections),
            home_label = escape(texts.home),
            value = if self.search_text.is_empty() {
                String::new()
            } else {
                format!(" value=\"{}\"", escape(self.search_text))
            },
        )
    }

    /// An ad slot as the app's `AdSlot` shows it unfilled: its label and, when the site has
    /// that placement, the site's app links (on the sidebar, its social links). The space
    /// keeps the placement's size from the style sheet.
    fn ad_slot(&self, placement: &str) -> String {
        let texts = self.texts();
        let (title, links): (_, Vec<(&str, &str)>) = if placement == "sidebar" {
            let social = self.site.social.iter();
            (
                texts.follow_us,
                social.map(|link| (&*link.name, &*link.url)).collect(),
            )
        } else {
            let apps = self.site.apps.iter();
            (
                texts.house_apps,
                apps.map(|link| (&*link.name, &*link.url)).collect(),
            )
        };
        let links: String = links
            .into_iter()
            .filter_map(|(name, url)| {
                Some(format!(
                    "<li><a href=\"{}\" rel=\"noopener\" target=\"_blank\">{}</a></li>",
                    escape(&safe_href(url)?),
                    escape(name)
                ))
            })
            .collect();
        let has_placement = self
            .site
            .ad_slots
            .iter()
            .any(|slot| slot.placement == placement);
        let house = if has_placement && !links.is_empty() {
            format!(
                "<p class=\"ad-slot__house-title\">{}</p>\
                 <ul class=\"ad-slot__house-links\">{links}</ul>",
                escape(title)
            )
        } else {
            String::new()
        };
        format!(
            "<div class=\"ad-slot ad-slot--{placement}\"><span class=\"ad-slot__label\">{}</span>\
             <div class=\"ad-slot__space\">{house}</div></div>",
            escape(texts.advertisement)
        )
    }

    fn top_ad(&self) -> String {
        self.ad_slot("top")
    }
}

/// The magnifier of the phone's search button (the app's own icon).
const SEARCH_ICON: &str = "<svg class=\"search-toggle__icon\" viewBox=\"0 0 24 24\" width=\"22\" \
    height=\"22\" aria-hidden=\"true\"><circle cx=\"10.5\" cy=\"10.5\" r=\"6.5\" fill=\"none\" \
    stroke=\"currentColor\" stroke-width=\"2.4\"></circle><line x1=\"15.5\" y1=\"15.5\" x2=\"21\" \
    y2=\"21\" stroke=\"currentColor\" stroke-width=\"2.6\" stroke-linecap=\"round\"></line></svg>";

/// A labelled list of outside links (`social`, `apps`) as the app's `ExternalLinks` makes it
/// (without its per-network classes, which style nothing).
fn outside_links<'a>(
    block: &str,
    label: &str,
    links: impl Iterator<Item = (&'a String, &'a String)>,
) -> String {
    let items: String = links
        .filter_map(|(name, url)| {
            Some(format!(
                "<li><a class=\"{block}__link\" href=\"{}\" \
                 rel=\"noopener noreferrer\" target=\"_blank\">{}</a></li>",
                escape(&safe_href(url)?),
                escape(name)
            ))
        })
        .collect();
    format!(
        "<ul class=\"{block}\" aria-label=\"{}\">{items}</ul>",
        escape(label)
    )
}

/// A picture with the same `<picture>`, `srcset` and `sizes` the app renders, so the browser
/// picks the same file for both; a page's `lead` picture is fetched at once and first, the
/// others when the reader comes near them.
fn picture(image: &Image, class: &str, sizes: &str, lead: bool) -> String {
    let webp = image.srcset(ImageFormat::Webp);
    let jpeg = image.srcset(ImageFormat::Jpeg);
    let source = if webp.is_empty() {
        String::new()
    } else {
        format!(
            "<source type=\"{}\" srcset=\"{}\" sizes=\"{}\">",
            ImageFormat::Webp.mime(),
            escape(&webp),
            escape(sizes)
        )
    };
    let srcset = if jpeg.is_empty() {
        String::new()
    } else {
        format!(" srcset=\"{}\"", escape(&jpeg))
    };
    format!(
        "<picture>{source}<img class=\"{class}\" src=\"{}\"{srcset} sizes=\"{}\" width=\"{}\" \
         height=\"{}\" alt=\"{}\" loading=\"{}\" fetchpriority=\"{}\" decoding=\"async\"></picture>",
        escape(&image.url),
        escape(sizes),
        image.width,
        image.height,
        escape(&image.alt),
        if lead { "eager" } else { "lazy" },
        if lead { "high" } else { "auto" },
    )
}

/// Where the first screen's Save says it has kept the article (or could not): the app's
/// toast region (`Toast`), at the bottom of the screen, announced by screen readers.
const TOAST_REGION: &str = "<div class=\"bottom-stack\"><div class=\"toast-region\" \
     role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"></div></div>";

/// The article's Save as the app's `SaveButton` makes it, with what the first-screen script in
/// `index.html` needs to keep the article before the app has started: its API address (the
/// app's key for the saved copy), its picture's files, and what to say when it has kept it or
/// could not (in the [`TOAST_REGION`], as the app's toast).
fn save_button(texts: &ShellTexts, article: &Article) -> String {
    let summary = &article.summary;
    format!(
        "<button type=\"button\" class=\"button save-button\" aria-pressed=\"false\" \
         data-article=\"{article}\" data-files=\"{files}\" data-save=\"{save}\" \
         data-saved=\"{saved}\" data-done=\"{done}\" data-failed=\"{failed}\">\
         <span aria-hidden=\"true\">☆ </span>{save}</button>",
        article = escape(&api::article(summary.lang, &summary.slug)),
        files = escape(
            &summary
                .image
                .as_ref()
                .map(Image::offline_files)
                .unwrap_or_default()
        ),
        save = escape(texts.save),
        saved = escape(texts.saved),
        done = escape(texts.save_done),
        failed = escape(texts.save_failed),
    )
}

/// The article's A-/A+ as the app's `FontControls` makes them; the first-screen script in
/// `index.html` makes them work before the app has started (it reads the sizes and the
/// announcement from the data attributes).
fn font_controls(texts: &ShellTexts) -> String {
    let sizes: Vec<String> = TEXT_SIZES.iter().map(u16::to_string).collect();
    format!(
        "<div class=\"font-controls\" role=\"group\" aria-label=\"{group}\" \
         data-sizes=\"{sizes}\" data-announce=\"{announce}\">\
         <button type=\"button\" class=\"button font-controls__button font-controls__decrease\" \
         title=\"{decrease}\"><span aria-hidden=\"true\">A-</span>\
         <span class=\"visually-hidden\">{decrease}</span></button>\
         <button type=\"button\" class=\"button font-controls__button font-controls__increase\" \
         title=\"{increase}\"><span aria-hidden=\"true\">A+</span>\
         <span class=\"visually-hidden\">{increase}</span></button>\
         <span class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></span></div>",
        group = escape(texts.text_size),
        sizes = sizes.join(" "),
        announce = escape(texts.text_size_now),
        decrease = escape(texts.decrease_text),
        increase = escape(texts.increase_text),
    )
}

/// A picture's caption and credit as the app's `FigureCaption` shows them (nothing when it
/// has neither).
fn figure_caption(image: &Image) -> String {
    if image.caption.is_none() && image.credit.is_none() {
        return String::new();
    }
    let credit = image
        .credit
        .as_deref()
        .map(|credit| format!("<span class=\"figure__credit\">{}</span>", escape(credit)))
        .unwrap_or_default();
    format!(
        "<figcaption>{}{credit}</figcaption>",
        escape(image.caption.as_deref().unwrap_or_default())
    )
}

/// The first cards of a feed as the app's `NewsFeed` shows them (`lead`: the first is the
/// front page's lead story); only the first picture is fetched at once. Times are left for
/// the app, which shows them in the reader's words ("5 min ago").
fn feed(stories: &[ArticleSummary], lead: bool) -> String {
    let cards: String = stories
        .iter()
        .enumerate()
        .map(|(index, story)| card(story, lead && index == 0, index == 0))
        .collect();
    format!("<div class=\"feed\"><div class=\"feed__cards\">{cards}</div></div>")
}

fn card(article: &ArticleSummary, lead: bool, first: bool) -> String {
    let lang = article.lang;
    let (class, lead_text) = if lead {
        (
            "card card--lead",
            format!("<p class=\"card__lead\">{}</p>", escape(&article.lead)),
        )
    } else {
        ("card", String::new())
    };
    format!(
        "<article class=\"{class}\">{}\
         <div class=\"card__text\"><a class=\"card__category\" href=\"{}\">{}</a>\
         <h3 class=\"card__title\"><a href=\"{}\">{}</a></h3>{lead_text}\
         <time class=\"card__time\" datetime=\"{}\">&nbsp;</time></div></article>",
        article
            .image
            .as_ref()
            .map(|image| picture(
                image,
                "card__image",
                if lead { LEAD_CARD_SIZES } else { CARD_SIZES },
                first
            ))
            .unwrap_or_default(),
        escape(&Route::Category(&article.category.slug).href(lang)),
        escape(&article.category.name),
        escape(&Route::Article(&article.slug).href(lang)),
        escape(&article.title),
        escape(&article.published_at),
    )
}

/// The front page: the top ad slot and the newest stories (the lead story first) down to the
/// feed's interlude, beside the (still empty) sidebar.
pub fn home(frame: &Frame<'_>, newest: &[ArticleSummary]) -> String {
    let content = format!(
        "<h1 class=\"visually-hidden\">{}</h1>{}<div class=\"with-sidebar\">\
         <section class=\"home__latest\"><h2 class=\"section-title\">{}</h2>{}</section>\
         <aside class=\"sidebar\"></aside></div>",
        escape(&frame.site.name),
        frame.top_ad(),
        escape(frame.texts().latest_news),
        feed(newest, true)
    );
    frame.screen(&content)
}

/// A category's or a tag's page: its name, description, the top ad slot and its newest
/// stories.
pub fn listing(
    frame: &Frame<'_>,
    name: &str,
    description: &str,
    newest: &[ArticleSummary],
) -> String {
    let content = format!(
        "<div class=\"category-header-slot\"><header class=\"category-header\">\
         <h1 class=\"category-header__name\">{}</h1>\
         <p class=\"category-header__description\">{}</p></header></div>{}{}",
        escape(name),
        escape(description),
        frame.top_ad(),
        if newest.is_empty() {
            String::new()
        } else {
            feed(newest, false)
        }
    );
    frame.screen(&content)
}

/// An article: the top ad slot, category, the reader's tools, title, its other languages,
/// reading time and views, lead, picture, and the whole body with byline and source.
pub fn article(frame: &Frame<'_>, article: &Article) -> String {
    let texts = frame.texts();
    let summary = &article.summary;
    let also_in = if article.translations.is_empty() {
        String::new()
    } else {
        let links: Vec<String> = article
            .translations
            .iter()
            .map(|translation| {
                format!(
                    "<a href=\"{}\" hreflang=\"{code}\" lang=\"{code}\">{}</a>",
                    escape(&Route::Article(&translation.slug).href(translation.lang)),
                    translation.lang.native_name(),
                    code = translation.lang.code()
                )
            })
            .collect();
        format!(
            "<p class=\"article__also\">{} {}</p>",
            escape(texts.also_in),
            links.join(" · ")
        )
    };
    let source = if article.source.is_empty() {
        String::new()
    } else {
        format!(
            "<p class=\"article__source\">{}</p>",
            escape(&texts.source.replace("{source}", &article.source))
        )
    };
    let content =
        format!(
        "{}<div class=\"with-sidebar\"><div class=\"article-column\"><article class=\"article\">\
         <div class=\"article__top\"><a class=\"article__category\" href=\"{}\">{}</a>\
         <div class=\"article__tools\">{}{}</div>\
         </div><h1 class=\"article__title\">{}</h1>{also_in}\
         <p class=\"article__meta\"><time>&nbsp;</time><span class=\"article__reading\">{}</span>\
         <span class=\"article__views\">{}</span></p><div class=\"article__text\">\
         <p class=\"article__lead\">{}</p>{}{}<p class=\"article__byline\">{}</p>{source}</div>\
         </article></div><aside class=\"sidebar\"></aside></div>{TOAST_REGION}",
        frame.top_ad(),
        escape(&Route::Category(&summary.category.slug).href(summary.lang)),
        escape(&summary.category.name),
        save_button(texts, article),
        font_controls(texts),
        escape(&summary.title),
        escape(&texts.reading_time.replace("{minutes}", &article.reading_minutes.to_string())),
        escape(&texts.views.replace("{count}", &article.views.to_string())),
        escape(&summary.lead),
        summary
            .image
            .as_ref()
            .map(|image| format!(
                "<figure class=\"article__figure\">{}{}</figure>",
                picture(image, "article__image", ARTICLE_PICTURE_SIZES, true),
                figure_caption(image)
            ))
            .unwrap_or_default(),
        article_body(&article.body, &frame.ad_slot("in-article")),
        escape(&texts.by.replace("{author}", &summary.author)),
    );
    frame.screen(&content)
}

/// The body as the app's `ArticleBody` renders it, with `in_article_ad` after the third
/// block: every text escaped, every link through the contract's allowlist.
fn article_body(blocks: &[Block], in_article_ad: &str) -> String {
    const AD_AFTER_BLOCK: usize = 2;
    let mut html = String::from("<div class=\"article__body\">");
    for (index, block) in blocks.iter().enumerate() {
        html.push_str(&body_block(block));
        if index == AD_AFTER_BLOCK {
            html.push_str(in_article_ad);
        }
    }
    html.push_str("</div>");
    html
}

fn body_block(block: &Block) -> String {
    match block {
        Block::Paragraph { inlines } => format!("<p>{}</p>", inline_html(inlines)),
        Block::Heading { level, text } => {
            let tag = if *level <= 2 { "h2" } else { "h3" };
            format!("<{tag}>{}</{tag}>", escape(text))
        }
        Block::Quote { inlines, cite } => format!(
            "<blockquote><p>{}</p>{}</blockquote>",
            inline_html(inlines),
            cite.as_deref()
                .map(|cite| format!("<footer>{}</footer>", escape(cite)))
                .unwrap_or_default()
        ),
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let items: String = items
                .iter()
                .map(|item| format!("<li>{}</li>", inline_html(item)))
                .collect();
            format!("<{tag}>{items}</{tag}>")
        }
        Block::Image { image } => format!(
            "<figure class=\"article__figure\">{}{}</figure>",
            picture(image, "article__image", ARTICLE_PICTURE_SIZES, false),
            figure_caption(image)
        ),
        Block::Embed { url, title } => format!(
            "<p class=\"article__embed\"><a href=\"{}\" rel=\"noopener noreferrer\" \
             target=\"_blank\">{}</a></p>",
            escape(&safe_href(url).unwrap_or_default()),
            escape(title)
        ),
    }
}

fn inline_html(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| {
            let text = escape(&inline.text);
            let styled = match (inline.bold, inline.italic) {
                (true, true) => format!("<strong><em>{text}</em></strong>"),
                (true, false) => format!("<strong>{text}</strong>"),
                (false, true) => format!("<em>{text}</em>"),
                (false, false) => text,
            };
            match inline.href.as_deref().and_then(safe_href) {
                Some(href) => {
                    let rel = if href.starts_with('/') {
                        ""
                    } else {
                        " rel=\"noopener noreferrer\""
                    };
                    format!("<a href=\"{}\"{rel}>{styled}</a>", escape(&href))
                }
                None => styled,
            }
        })
        .collect()
}

/// The search page: its heading with the reader's text (`frame.search_text`; the results come
/// with the app, which has asked for them by then: the page preloads its request).
pub fn search(frame: &Frame<'_>) -> String {
    let texts = frame.texts();
    let title = if frame.search_text.is_empty() {
        texts.search_title.to_owned()
    } else {
        texts
            .search_results_for
            .replace("{query}", frame.search_text)
    };
    frame.screen(&format!(
        "<section class=\"search\"><h1 class=\"search__title\">{}</h1></section>",
        escape(&title)
    ))
}
