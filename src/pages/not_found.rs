//! The page for addresses the app does not know (the route table's fallback).

use leptos::prelude::*;

use crate::components::NotFoundView;

/// The 404 page of the route table.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFoundView /> }
}
