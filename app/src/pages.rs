//! One `XxxPage` component per file, grouped by who uses them.

/// Declares `$route`, the route of `$module::$page`, whose code the browser loads only when
/// the page is first visited: it is split into a WebAssembly chunk of its own
/// (`cargo leptos build --split`), so a mentor's phone never downloads the staff pages nor
/// most public ones. The mentor pages stay in the main module: they must open offline, and a
/// chunk the phone never fetched online would not be in the service worker's cache. The page
/// loads its own data, as it did as a plain route.
macro_rules! lazy_page {
    ($route:ident, $module:ident :: $page:ident) => {
        pub struct $route;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_route: Self) -> leptos::prelude::AnyView {
                use leptos::prelude::IntoAny;
                use $module::$page;
                leptos::view! { <$page /> }.into_any()
            }
        }
    };
}

pub mod admin;
pub mod coordinator;
pub mod mentor;
pub mod public;
