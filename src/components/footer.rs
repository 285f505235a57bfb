//! The site footer: the reuse notice, copyright with the year, section and feed links, saved
//! articles, the newsroom's contact and imprint links from the site settings, and
//! "Install app" while the browser offers it.

use gazette_api_types::{Category, Lang, SiteInfo};
use leptos::prelude::*;

use super::{social_links, ExternalLinks, InstallButton};
use crate::i18n::t;
use crate::urls::{category_href, feed_href, saved_href};

/// The footer of every page.
#[component]
pub fn SiteFooter(
    lang: Signal<Lang>,
    site: Signal<Option<SiteInfo>>,
    categories: Signal<Vec<Category>>,
    /// Whether the browser offers to install the app (pressing the button uses the offer).
    install_offer: RwSignal<bool>,
) -> impl IntoView {
    let links = move || {
        let lang = lang.get();
        categories
            .get()
            .into_iter()
            .map(|category| {
                let href = category_href(lang, &category.slug);
                view! {
                    <li>
                        <a href=href>{category.name}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <footer class="site-footer">
            <ul class="site-footer__links">
                {links}
                <li>
                    <a href=move || feed_href(lang.get())>{move || t(lang.get()).rss}</a>
                </li>
                <li>
                    <a href=move || saved_href(lang.get())>{move || t(lang.get()).saved_articles}</a>
                </li>
                <li>
                    <InstallButton lang=lang offer=install_offer class="link-button" />
                </li>
            </ul>
            <ExternalLinks
                block="social"
                label=Signal::derive(move || t(lang.get()).follow_us)
                links=Signal::derive(move || social_links(site.get()))
            />
            {move || {
                let links: Vec<_> = site
                    .get()
                    .map(|info| info.footer_links)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|link| {
                        let href = gazette_api_types::links::safe_href(&link.url)?;
                        Some(view! {
                            <li>
                                <a href=href>{link.name}</a>
                            </li>
                        })
                    })
                    .collect();
                (!links.is_empty())
                    .then(|| view! { <ul class="site-footer__newsroom">{links}</ul> })
            }}
            <p class="site-footer__notice">{move || site.get().map(|info| info.footer_notice)}</p>
            <p class="site-footer__copyright">{move || site.get().map(|info| info.copyright)}</p>
        </footer>
    }
}
