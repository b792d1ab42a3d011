//! The server's secret (`SECRET_KEY`) and what it is for: pseudonyms of client addresses, so
//! that logs and rate-limit rows can tell clients apart without holding their addresses.
//! Instances behind one load balancer share the secret, and so count the same client alike.

use std::fmt;
use std::sync::Arc;

use rand::Rng;
use sha2::{Digest, Sha256};

#[derive(Clone)]
pub struct Secret(Arc<[u8]>);

impl Secret {
    pub fn new(bytes: &[u8]) -> Self {
        Secret(bytes.into())
    }

    /// A secret for this process only, for development and tests: pseudonyms then change at
    /// each start.
    pub fn random() -> Self {
        let bytes: [u8; 32] = rand::rng().random();
        Secret::new(&bytes)
    }

    /// A stable stand-in for `value` (a client address), which cannot be turned back into
    /// it without the secret: the first 16 hex digits of HMAC-SHA256.
    pub fn pseudonym(&self, value: &str) -> String {
        let mut tag = hex::encode(hmac_sha256(&self.0, value.as_bytes()));
        tag.truncate(16);
        tag
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// HMAC (RFC 2104) over SHA-256, whose block is 64 bytes.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block_key = [0u8; BLOCK];
    if key.len() > BLOCK {
        block_key[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block_key[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block_key.map(|k| k ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 4231, test cases 2 and 6 (a key longer than the block).
    #[test]
    fn hmac_matches_the_rfc_vectors() {
        assert_eq!(
            hex::encode(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex::encode(hmac_sha256(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn a_pseudonym_is_stable_per_secret_and_hides_the_address() {
        let secret = Secret::new(b"a secret of the installation, long enough");
        let tag = secret.pseudonym("203.0.113.7");
        assert_eq!(tag, secret.pseudonym("203.0.113.7"));
        assert_eq!(tag.len(), 16);
        assert_ne!(tag, secret.pseudonym("203.0.113.8"));
        assert_ne!(tag, Secret::random().pseudonym("203.0.113.7"));
        assert!(!format!("{secret:?}").contains("installation"));
    }
}
