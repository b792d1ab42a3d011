//! Password hashing with argon2id (the `Argon2::default()` parameters:
//! m=19456 KiB, t=2, p=1), always off the async runtime because it is
//! deliberately slow.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::RngCore;

use crate::error::AppError;
use crate::platform::errors::internal;

pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let mut bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut bytes);
        let salt = SaltString::encode_b64(&bytes)?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|e| internal("hash password task", &e))?
    .map_err(|e| internal("hash password", &e))
}

pub async fn verify_password(hash: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash of a random password, verified when the e-mail is unknown so that
/// the answer takes as long as for a known one.
pub const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$fLqTl/4OtHy8nYWDvJaCsw$mITYjcWq9Cuz/A4sDLn9ziL4Ng85Wiy19i9uByEvrIs";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password("correct horse battery".into())
            .await
            .expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(hash.clone(), "correct horse battery".into()).await);
        assert!(!verify_password(hash, "correct horse battery!".into()).await);
    }

    #[test]
    fn the_decoy_is_a_real_argon2id_hash_so_it_costs_the_same_time() {
        let parsed = PasswordHash::new(DECOY_HASH).expect("parses");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
    }
}
