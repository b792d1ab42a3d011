//! The WebAssembly entry point: it only hydrates the server-rendered page.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Staff and most public pages are lazy routes: hydrating one first loads its chunk,
    // so hydration is asynchronous (what `leptos::mount::hydrate_lazy` does, plus the flag).
    wasm_bindgen_futures::spawn_local(async {
        let body = leptos::tachys::dom::body();
        leptos::mount::hydrate_from_async(body, app::App)
            .await
            .forget();
        // Browser tests wait for this flag before clicking, so that they test
        // the hydrated page rather than racing the WebAssembly download.
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &"__duoHydrated".into(), &true.into());
        }
    });
}
