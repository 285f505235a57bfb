//! An article body from typed blocks. Every text is a text node: nothing from the article is
//! ever parsed as HTML, so hostile content stays visible text, and links pass the contract's
//! allowlist (`gazette_api_types::links::safe_href`) whatever the backend sent.

use gazette_api_types::links::safe_href;
use gazette_api_types::{Block, Inline, ARTICLE_PICTURE_SIZES};
use leptos::prelude::*;

use super::{FigureCaption, Picture};

/// The body blocks; `after_block` is shown after the block at that index (the in-article ad).
#[component]
pub fn ArticleBody(
    blocks: Vec<Block>,
    /// Index after which `interlude` is placed (past the end: not shown).
    #[prop(optional)]
    after_block: Option<usize>,
    /// Content placed between blocks, e.g. an ad slot.
    #[prop(optional)]
    interlude: Option<AnyView>,
) -> impl IntoView {
    let mut interlude = interlude;
    let mut views = Vec::with_capacity(blocks.len() + 1);
    for (index, block) in blocks.into_iter().enumerate() {
        views.push(render_block(block));
        if Some(index) == after_block {
            if let Some(extra) = interlude.take() {
                views.push(extra);
            }
        }
    }
    view! { <div class="article__body">{views}</div> }
}

fn render_block(block: Block) -> AnyView {
    match block {
        Block::Paragraph { inlines } => view! { <p>{render_inlines(inlines)}</p> }.into_any(),
        Block::Heading { level, text } => {
            if level <= 2 {
                view! { <h2>{text}</h2> }.into_any()
            } else {
                view! { <h3>{text}</h3> }.into_any()
            }
        }
        Block::Quote { inlines, cite } => view! {
            <blockquote>
                <p>{render_inlines(inlines)}</p>
                {cite.map(|cite| view! { <footer>{cite}</footer> })}
            </blockquote>
        }
        .into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{render_inlines(item)}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Image { image } => {
            let (caption, credit) = (image.caption.clone(), image.credit.clone());
            view! {
                <figure class="article__figure">
                    <Picture image=image class="article__image" sizes=ARTICLE_PICTURE_SIZES />
                    <FigureCaption caption=caption credit=credit />
                </figure>
            }
            .into_any()
        }
        Block::Embed { url, title } => {
            let href = safe_href(&url).unwrap_or_default();
            view! {
                <p class="article__embed">
                    <a href=href rel="noopener noreferrer" target="_blank">
                        {title}
                    </a>
                </p>
            }
            .into_any()
        }
    }
}

fn render_inlines(inlines: Vec<Inline>) -> Vec<AnyView> {
    inlines
        .into_iter()
        .map(|inline| {
            let text = inline.text;
            let mut node = match (inline.bold, inline.italic) {
                (true, true) => view! { <strong><em>{text}</em></strong> }.into_any(),
                (true, false) => view! { <strong>{text}</strong> }.into_any(),
                (false, true) => view! { <em>{text}</em> }.into_any(),
                (false, false) => text.into_any(),
            };
            if let Some(href) = inline.href.as_deref().and_then(safe_href) {
                let external = !href.starts_with('/');
                node = view! {
                    <a href=href rel=external.then_some("noopener noreferrer")>
                        {node}
                    </a>
                }
                .into_any();
            }
            node
        })
        .collect()
}
