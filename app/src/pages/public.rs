//! Pages anyone can open.

pub mod home;
pub mod magic_link;
pub mod refer;
pub mod sign_in;
pub mod volunteer;

lazy_page!(HomeRoute, home::HomePage);
lazy_page!(SignInRoute, sign_in::SignInPage);
lazy_page!(ApplicationSentRoute, volunteer::ApplicationSentPage);
lazy_page!(ConfirmSignUpRoute, volunteer::ConfirmSignUpPage);
lazy_page!(PrivacyRoute, volunteer::PrivacyPage);
lazy_page!(ReferRoute, refer::ReferPage);
lazy_page!(MagicLinkRequestRoute, magic_link::MagicLinkRequestPage);
lazy_page!(MagicLinkLandingRoute, magic_link::MagicLinkLandingPage);
