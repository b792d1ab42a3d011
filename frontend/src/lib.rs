//! The WebAssembly entry point: it only hydrates the server-rendered page.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Browser tests wait for this flag before clicking, so that they test
    // the hydrated page rather than racing the WebAssembly download.
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"__duoHydrated".into(), &true.into());
    }
}
