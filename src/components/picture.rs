//! A picture in every size the server made of it: the browser downloads the one that fits
//! the screen (WebP where it can, JPEG otherwise), in the space the width and height keep.

use gazette_api_types::{Image, ImageFormat};
use leptos::prelude::*;

/// `<picture>` with a WebP `srcset` and a JPEG `<img>`; `lead` is the page's largest
/// picture (fetched first, never lazily), the others load as they come near the screen.
#[component]
pub fn Picture(
    image: Image,
    /// The `<img>`'s class.
    class: &'static str,
    /// The `sizes` of the place it is shown in (one of the contract's `*_SIZES`).
    sizes: &'static str,
    /// The page's lead picture.
    #[prop(optional)]
    lead: bool,
) -> impl IntoView {
    let webp = image.srcset(ImageFormat::Webp);
    let jpeg = image.srcset(ImageFormat::Jpeg);
    let source = (!webp.is_empty())
        .then(|| view! { <source type=ImageFormat::Webp.mime() srcset=webp sizes=sizes /> });
    view! {
        <picture>
            {source}
            <img
                class=class
                src=image.url
                srcset=(!jpeg.is_empty()).then_some(jpeg)
                sizes=sizes
                width=image.width
                height=image.height
                alt=image.alt
                loading=if lead { "eager" } else { "lazy" }
                fetchpriority=if lead { "high" } else { "auto" }
                decoding="async"
            />
        </picture>
    }
}

/// A picture's caption and credit ("Photo: …"), when it has either.
#[component]
pub fn FigureCaption(caption: Option<String>, credit: Option<String>) -> impl IntoView {
    (caption.is_some() || credit.is_some()).then(|| {
        view! {
            <figcaption>
                {caption}
                {credit.map(|credit| view! { <span class="figure__credit">{credit}</span> })}
            </figcaption>
        }
    })
}
