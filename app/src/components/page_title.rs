//! The page's `<title>`, in the reader's language.
//!
//! leptos_meta reads the title when it writes the page's `<head>`, and on an
//! async route that happens after the whole body has been rendered. Under load
//! the reactive owners behind a `move ||` title could be gone by then: reading
//! the language signal panicked ("Tried to access a reactive value that has
//! already been disposed") and the connection was dropped. On the server the
//! text is therefore read once, while the page is built. In the browser it stays
//! reactive, so switching the language renames the tab.

use leptos::text_prop::TextProp;
use leptos_meta::Formatter;

/// A title text for `<Title text=…/>`, computed by `text` in the current language.
pub fn page_title(text: impl Fn() -> String + Send + Sync + 'static) -> TextProp {
    #[cfg(feature = "ssr")]
    {
        TextProp::from(text())
    }
    #[cfg(not(feature = "ssr"))]
    {
        TextProp::from(text)
    }
}

/// The formatter of the root `<Title>`: "page · site", or the site's name alone
/// when a page sets no title. `site` gives the site's name in the current language.
pub fn site_title(site: impl Fn() -> String + Send + Sync + 'static) -> Formatter {
    #[cfg(feature = "ssr")]
    let site = {
        let name = site();
        move || name.clone()
    };
    Formatter::from(move |page: String| {
        let site = site();
        if page.is_empty() {
            site
        } else {
            format!("{page} · {site}")
        }
    })
}
