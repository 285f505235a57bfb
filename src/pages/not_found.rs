//! The page for addresses the app does not know.

use leptos::prelude::*;

/// "Page not found" with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p><a href="/">"Go to the front page"</a></p>
        </section>
    }
}
