//! A labelled list of links to the newsroom's accounts elsewhere (social networks, app stores).

use gazette_api_types::links::safe_href;
use leptos::prelude::*;

/// One outside link: a key for styling (`telegram`, `app-store`), its name and address.
#[derive(Clone, Debug, PartialEq)]
pub struct ExternalLink {
    /// Styling key: the network or store (`telegram`, `app-store`).
    pub key: String,
    /// The name shown.
    pub name: String,
    /// Where it leads.
    pub url: String,
}

/// The links as `<ul class="{block}">` with `{block}__link {block}__link--{key}` items, opened in
/// a new tab without giving the other site a handle on this one.
#[component]
pub fn ExternalLinks(
    /// BEM block name: `social` or `apps`.
    block: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] links: Signal<Vec<ExternalLink>>,
) -> impl IntoView {
    let items = move || {
        links
            .get()
            .into_iter()
            .map(|link| {
                let class = format!("{block}__link {block}__link--{}", link.key);
                view! {
                    <li>
                        <a class=class href=link.url rel="noopener noreferrer" target="_blank">
                            {link.name}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ul class=block aria-label=label>
            {items}
        </ul>
    }
}

/// The site's social network links (those the link allowlist lets through).
pub fn social_links(site: Option<gazette_api_types::SiteInfo>) -> Vec<ExternalLink> {
    site.map(|info| {
        info.social
            .into_iter()
            .filter_map(|link| {
                Some(ExternalLink {
                    url: safe_href(&link.url)?,
                    key: link.network,
                    name: link.name,
                })
            })
            .collect()
    })
    .unwrap_or_default()
}

/// The site's app store links.
pub fn app_links(site: Option<gazette_api_types::SiteInfo>) -> Vec<ExternalLink> {
    site.map(|info| {
        info.apps
            .into_iter()
            .filter_map(|app| {
                Some(ExternalLink {
                    url: safe_href(&app.url)?,
                    key: app.store,
                    name: app.name,
                })
            })
            .collect()
    })
    .unwrap_or_default()
}
