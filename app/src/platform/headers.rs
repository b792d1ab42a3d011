//! The Content-Security-Policy of the platform's answers. A page may run only the scripts the
//! server wrote into it, marked with the request's nonce, and the site's own files; no inline
//! style, no plugin, no frame around it. Answers that are not pages get the same without any
//! inline script at all.

/// The hash of an empty script. Leptos closes a streamed page with an empty `<script>`, which
/// runs nothing; allowing exactly that keeps the browser from reporting it.
const EMPTY_SCRIPT: &str = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

const COMMON: &str = "default-src 'self'; style-src 'self'; img-src 'self' data:; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The policy of a page whose scripts carry `nonce`.
pub fn page_policy(nonce: &str) -> String {
    format!("{COMMON}; script-src 'self' 'nonce-{nonce}' {EMPTY_SCRIPT} 'wasm-unsafe-eval'")
}

/// The policy of every other answer: data, files, errors.
pub fn other_policy() -> String {
    format!("{COMMON}; script-src 'self'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_allow_their_own_inline_scripts() {
        let page = page_policy("abc123");
        assert!(page.contains("script-src 'self' 'nonce-abc123' "));
        assert!(page.contains("frame-ancestors 'none'"));
        assert!(!page.contains("unsafe-inline"));
        let other = other_policy();
        assert!(!other.contains("nonce") && !other.contains("sha256"));
        assert!(other.contains("object-src 'none'"));
    }
}
