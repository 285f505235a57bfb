//! Gazette's front end: the `App` component with its app-wide state and route table.

pub mod api;
pub mod components;
pub mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::{HomePage, NotFoundPage};

/// The whole application: router and pages.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <main id="main" class="page">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                </Routes>
            </main>
        </Router>
    }
}
