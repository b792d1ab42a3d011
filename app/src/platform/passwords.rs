//! Password hashing with argon2id (the `Argon2::default()` parameters:
//! m=19456 KiB, t=2, p=1), always off the async runtime because it is
//! deliberately slow.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::RngCore;

use crate::domain::error::ErrorCode;
use crate::domain::password::Password;
use crate::error::AppError;
use crate::platform::errors::internal;

/// The 10,000 most common passwords (`common_passwords.README.md` says where they come from).
static COMMON: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| include_str!("common_passwords.txt").lines().collect());

/// Refuses a password among the most common ones, in any letter case: the first guesses of
/// anyone trying to sign in as someone else.
pub fn refuse_common(password: &Password) -> Result<(), ErrorCode> {
    if COMMON.contains(password.expose().to_lowercase().as_str()) {
        Err(ErrorCode::CommonPassword)
    } else {
        Ok(())
    }
}

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

#[cfg(test)]
mod common_tests {
    use super::*;

    #[test]
    fn the_most_common_passwords_are_refused_in_any_case() {
        assert_eq!(COMMON.len(), 10_000);
        for common in ["password", "12345678", "Password1", "ILOVEYOU", "sunshine"] {
            let password = Password::parse(common).expect("long enough");
            assert_eq!(
                refuse_common(&password),
                Err(ErrorCode::CommonPassword),
                "{common}"
            );
        }
        let rare = Password::parse("Quartz-Lantern-Oboe-2026").expect("valid");
        assert_eq!(refuse_common(&rare), Ok(()));
    }
}
