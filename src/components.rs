//! Reusable components; they take props only and never call the API themselves (the saved-
//! article and offline views use the browser's storage through `pwa`).

mod ad_slot;
mod app_prompts;
mod article_body;
mod article_card;
mod article_list;
mod error_view;
mod external_links;
mod font_controls;
mod footer;
mod header;
mod install_button;
mod loading;
mod news_feed;
mod offline_view;
mod save_button;
mod share_bar;
mod toast;

pub use ad_slot::AdSlot;
pub use app_prompts::AppPrompts;
pub use article_body::{safe_href, ArticleBody};
pub use article_card::{ArticleCard, CardSize};
pub use article_list::ArticleList;
pub use error_view::ErrorView;
pub use external_links::{app_links, social_links, ExternalLink, ExternalLinks};
pub use font_controls::FontControls;
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use install_button::InstallButton;
pub use loading::{CardsSkeleton, Loading};
pub use news_feed::{NewsFeed, PageLoader};
pub use offline_view::OfflineView;
pub use save_button::SaveButton;
pub use share_bar::{share_links, ShareBar, ShareLink};
pub use toast::{Toast, Toaster};
