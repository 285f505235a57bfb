//! "Page not found": for addresses the app does not know, and for articles or categories that
//! the newsroom does not have.

use leptos::prelude::*;

use crate::browser::set_document_meta;
use crate::i18n::t;
use crate::state::use_page_lang;
use crate::urls::home_href;

/// "Page not found" with a way home, in the reader's language.
#[component]
pub fn NotFoundView() -> impl IntoView {
    let lang = use_page_lang();
    let strings = t(lang);
    set_document_meta(
        &format!("404 — {}", strings.not_found_title),
        strings.not_found_text,
    );
    view! {
        <section class="not-found">
            <h1>{strings.not_found_title}</h1>
            <p>{strings.not_found_text}</p>
            <p>
                <a class="button" href=home_href(lang)>
                    {strings.go_home}
                </a>
            </p>
        </section>
    }
}
