//! "Liked the story? Share it on social media!": network links built from the article's
//! canonical URL, the system share sheet where the browser has one, Print, and Copy link
//! with a "Link copied" toast.

use gazette_api_types::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::i18n::{fill, t};
use crate::state::use_toaster;

/// A link that shares a page on one network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareLink {
    /// Key for styling and tests: `x`, `facebook`, `telegram`, `whatsapp`, `email`.
    pub network: &'static str,
    /// The network's name, shown on the link.
    pub name: &'static str,
    /// The network's share address carrying the page's URL (and title).
    pub href: String,
}

/// The share links for a page `url` titled `title`, each carrying the URL percent-encoded.
pub fn share_links(url: &str, title: &str) -> Vec<ShareLink> {
    let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
    let (url, title) = (encode(url), encode(title));
    vec![
        ShareLink {
            network: "x",
            name: "X",
            href: format!("https://twitter.com/intent/tweet?url={url}&text={title}"),
        },
        ShareLink {
            network: "facebook",
            name: "Facebook",
            href: format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
        },
        ShareLink {
            network: "telegram",
            name: "Telegram",
            href: format!("https://t.me/share/url?url={url}&text={title}"),
        },
        ShareLink {
            network: "whatsapp",
            name: "WhatsApp",
            href: format!("https://wa.me/?text={title}%20{url}"),
        },
        ShareLink {
            network: "email",
            name: "Email",
            href: format!("mailto:?subject={title}&body={url}"),
        },
    ]
}

/// The share block of an article.
#[component]
pub fn ShareBar(
    /// The article's canonical URL.
    url: String,
    title: String,
    lang: Lang,
) -> impl IntoView {
    let strings = t(lang);
    let toaster = use_toaster();
    let links = share_links(&url, &title)
        .into_iter()
        .map(|link| {
            let (label, text) = if link.network == "email" {
                (strings.share_by_email.to_owned(), strings.email)
            } else {
                (fill(strings.share_on, "network", link.name), link.name)
            };
            let class = format!("share-bar__link share-bar__link--{}", link.network);
            view! {
                <li>
                    <a class=class href=link.href target="_blank" rel="noopener noreferrer" aria-label=label.clone() title=label>
                        {text}
                    </a>
                </li>
            }
        })
        .collect_view();
    let native = browser::can_share().then(|| {
        let (url, title) = (url.clone(), title.clone());
        view! {
            <li>
                <button
                    type="button"
                    class="button share-bar__native"
                    on:click=move |_| {
                        let (url, title) = (url.clone(), title.clone());
                        spawn_local(async move { browser::share(&title, &url).await });
                    }
                >
                    {strings.share_native}
                </button>
            </li>
        }
    });
    let copy = move |_| {
        let url = url.clone();
        spawn_local(async move {
            let copied = browser::copy_text(&url).await;
            toaster.show(
                if copied {
                    strings.link_copied
                } else {
                    strings.copy_failed
                }
                .to_owned(),
            );
        });
    };
    view! {
        <section class="share-bar" aria-labelledby="share-heading">
            <h2 id="share-heading" class="share-bar__heading">
                {strings.share_heading}
            </h2>
            <ul class="share-bar__list">
                {links}
                {native}
                <li>
                    <button type="button" class="button share-bar__print" on:click=|_| browser::print()>
                        {strings.print}
                    </button>
                </li>
                <li>
                    <button type="button" class="button share-bar__copy" on:click=copy>
                        {strings.copy_link}
                    </button>
                </li>
            </ul>
        </section>
    }
}
