//! Reusable components; they take props (and the app-wide contexts through `state`) and never
//! call the API themselves (the saved-article and offline views use the browser's storage
//! through `pwa`). `ResourceView` is the one view of a fetched resource's states.

mod ad_slot;
mod after_start;
mod app_prompts;
mod article_body;
mod article_card;
mod article_cards;
mod error_view;
mod external_links;
mod font_controls;
mod footer;
mod header;
mod install_button;
mod loading;
mod most_read;
mod news_feed;
mod not_found_view;
mod offline_view;
mod picture;
mod resource_view;
mod save_button;
mod share_bar;
mod toast;

pub use ad_slot::{AdSlot, AdSpace};
pub use after_start::AfterStart;
pub use app_prompts::AppPrompts;
pub use article_body::ArticleBody;
pub use article_card::{ArticleCard, CardSize};
pub use article_cards::ArticleCards;
pub use error_view::ErrorView;
pub use external_links::{app_links, social_links, ExternalLink, ExternalLinks};
pub use font_controls::FontControls;
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use install_button::InstallButton;
pub use loading::{CardsSkeleton, Loading};
pub use most_read::MostRead;
pub use news_feed::{NewsFeed, PageLoader};
pub use not_found_view::NotFoundView;
pub use offline_view::OfflineView;
pub use picture::{FigureCaption, Picture};
pub use resource_view::{Loaded, ResourceView};
pub use save_button::SaveButton;
pub use share_bar::{share_links, ShareBar, ShareLink};
pub use toast::Toast;
