//! The script that loads the WebAssembly and hydrates the server-rendered page.
//!
//! Leptos's `HydrationScripts` also preloads the WebAssembly from the page's head. On a phone
//! that download (about 470 KB) then shares the line with the page's own first paint, and
//! Lighthouse's model counted it in the largest paint: 3.4 s on the sign-up, the mentor home
//! and the meeting log, against about 1 s without it. Here the download starts once the page
//! has loaded and the browser is idle; the page is readable before.

use leptos::prelude::*;

/// Imports the module and runs its `hydrate` once the page has loaded and the browser is idle
/// (at most two seconds later, so a busy page still gets there).
///
/// A phone's connection may drop a download: the module and the WebAssembly are each tried
/// three times, a second then four seconds apart. The same module is initialised again, never
/// a second copy: the lazy routes' chunk loader imports this one. Until then the
/// server-rendered page stays usable; if all three tries fail, `__duoHydrationFailed` says
/// why, for the browser tests' report.
const LOADER: &str = "(function (js, wasm) {
  const pause = (ms) => new Promise((resolve) => window.setTimeout(resolve, ms));
  const tried = (step, attempt = 0) => step().catch((error) => {
    if (attempt >= 2) throw error;
    return pause(1000 * (attempt + 1) ** 2).then(() => tried(step, attempt + 1));
  });
  const start = () => tried(() => import(js))
    .then((module) => tried(() => module.default({ module_or_path: wasm })).then(() => module))
    .then((module) => module.hydrate(), (error) => {
      window.__duoHydrationFailed = String(error);
      console.warn('the page stays without its WebAssembly:', error);
    });
  const whenIdle = () => {
    if ('requestIdleCallback' in window) {
      window.requestIdleCallback(start, { timeout: 2000 });
    } else {
      window.setTimeout(start, 0);
    }
  };
  if (document.readyState === 'complete') {
    whenIdle();
  } else {
    window.addEventListener('load', whenIdle, { once: true });
  }
})";

/// The script, in the page's head, that hydrates the page (see the module's documentation).
#[component]
pub fn HydrationLoader(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_split_manifest(&options);
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    // cargo-leptos names the module after the site; a plain wasm-bindgen build adds `_bg`.
    let wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
        format!("{pkg}.wasm")
    } else {
        format!("{pkg}_bg.wasm")
    };
    let script = format!("{LOADER}({:?}, {wasm:?});", format!("{pkg}.js"));
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}

/// The lazy routes' table of WebAssembly chunks (`make build-release` splits the module), read
/// once. With it in context, a staff page preloads the chunks its route needs, as
/// `HydrationScripts` would have it do, instead of finding them only while hydrating.
#[cfg(feature = "ssr")]
fn provide_split_manifest(options: &LeptosOptions) {
    use std::collections::HashMap;
    use std::sync::OnceLock;

    use leptos::WasmSplitManifest;
    use leptos::reactive::owner::ArcStoredValue;

    static MANIFEST: OnceLock<Option<WasmSplitManifest>> = OnceLock::new();
    let manifest = MANIFEST.get_or_init(|| {
        let pkg = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
        let text = std::fs::read_to_string(pkg.join("__wasm_split_manifest.json")).ok()?;
        let chunks: HashMap<String, Vec<String>> = serde_json::from_str(&text).ok()?;
        Some(WasmSplitManifest(ArcStoredValue::new((
            format!("/{}", options.site_pkg_dir),
            chunks,
            "__wasm_split.______________________.js".to_owned(),
        ))))
    });
    if let Some(manifest) = manifest {
        provide_context(manifest.clone());
    }
}
