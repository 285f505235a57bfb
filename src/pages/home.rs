//! The home page.

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::api;
use crate::components::ErrorView;

/// The front page: the site's name and tagline from the API.
#[component]
pub fn HomePage() -> impl IntoView {
    let site = LocalResource::new(|| api::site(Lang::En));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || {
                site.get()
                    .map(|result| match result {
                        Ok(info) => {
                            view! {
                                <header class="masthead">
                                    <h1 class="masthead__name">{info.name}</h1>
                                    <p class="masthead__tagline">{info.tagline}</p>
                                </header>
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! { <ErrorView error=error on_retry=move || site.refetch() /> }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}
