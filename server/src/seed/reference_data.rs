//! The reference lists themselves: programme cities, sectors and which ones
//! are close enough to count as "related" in matching, languages, and the
//! default weights of the matching score.

/// A row keyed by slug or code, named in the three interface languages.
pub struct Named {
    pub key: &'static str,
    pub fr: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
}

const fn named(key: &'static str, fr: &'static str, nl: &'static str, en: &'static str) -> Named {
    Named { key, fr, nl, en }
}

#[rustfmt::skip]
pub const CITIES: &[Named] = &[
    named("brussels", "Bruxelles", "Brussel", "Brussels"),
    named("liege", "Liège", "Luik", "Liège"),
    named("antwerp", "Anvers", "Antwerpen", "Antwerp"),
    named("ghent", "Gand", "Gent", "Ghent"),
    named("mechelen", "Malines", "Mechelen", "Mechelen"),
];

#[rustfmt::skip]
pub const SECTORS: &[Named] = &[
    named("construction", "Construction", "Bouw", "Construction"),
    named("hospitality", "Horeca et tourisme", "Horeca en toerisme", "Hospitality and tourism"),
    named("retail", "Commerce et vente", "Handel en verkoop", "Retail and sales"),
    named("logistics", "Logistique et transport", "Logistiek en transport", "Logistics and transport"),
    named("healthcare", "Soins de santé", "Gezondheidszorg", "Healthcare"),
    named("it", "Informatique et numérique", "ICT en digitaal", "IT and digital"),
    named("finance", "Finance et administration", "Financiën en administratie", "Finance and administration"),
    named("education", "Enseignement", "Onderwijs", "Education"),
    named("industry", "Industrie et production", "Industrie en productie", "Industry and manufacturing"),
    named("cleaning", "Nettoyage et facility", "Schoonmaak en facility", "Cleaning and facility services"),
    named("public-sector", "Secteur public", "Overheid", "Public sector"),
    named("culture-media", "Culture et médias", "Cultuur en media", "Culture and media"),
    named("engineering", "Ingénierie et technique", "Engineering en techniek", "Engineering and technical trades"),
    named("social-work", "Travail social", "Sociaal werk", "Social work"),
];

/// Sectors whose skills and networks overlap; stored in both directions.
pub const RELATED_SECTORS: &[(&str, &str)] = &[
    ("construction", "engineering"),
    ("construction", "industry"),
    ("construction", "cleaning"),
    ("hospitality", "retail"),
    ("hospitality", "cleaning"),
    ("retail", "logistics"),
    ("logistics", "industry"),
    ("healthcare", "social-work"),
    ("healthcare", "cleaning"),
    ("it", "engineering"),
    ("it", "finance"),
    ("it", "culture-media"),
    ("finance", "public-sector"),
    ("education", "social-work"),
    ("education", "culture-media"),
    ("industry", "engineering"),
    ("public-sector", "social-work"),
];

#[rustfmt::skip]
pub const LANGUAGES: &[Named] = &[
    named("fr", "Français", "Frans", "French"),
    named("nl", "Néerlandais", "Nederlands", "Dutch"),
    named("en", "Anglais", "Engels", "English"),
    named("de", "Allemand", "Duits", "German"),
    named("ar", "Arabe", "Arabisch", "Arabic"),
    named("ber", "Tamazight (berbère)", "Tamazight (Berbers)", "Tamazight (Berber)"),
    named("tr", "Turc", "Turks", "Turkish"),
    named("es", "Espagnol", "Spaans", "Spanish"),
    named("it", "Italien", "Italiaans", "Italian"),
    named("pt", "Portugais", "Portugees", "Portuguese"),
    named("ru", "Russe", "Russisch", "Russian"),
    named("uk", "Ukrainien", "Oekraïens", "Ukrainian"),
    named("ro", "Roumain", "Roemeens", "Romanian"),
    named("ti", "Tigrigna", "Tigrinya", "Tigrinya"),
    named("fa", "Persan (dari)", "Perzisch (Dari)", "Persian (Dari)"),
    named("ps", "Pachto", "Pasjtoe", "Pashto"),
    named("so", "Somali", "Somalisch", "Somali"),
    named("ln", "Lingala", "Lingala", "Lingala"),
    named("ff", "Peul", "Fula", "Fula"),
];

/// The default weight (0–100) of each matching criterion, the same for every
/// city until an admin changes it. Sector and availability come first because
/// a duo that cannot meet weekly, or talks about another trade, rarely lasts.
pub struct Weights {
    pub sector: i32,
    pub availability: i32,
    pub distance: i32,
    pub language: i32,
    pub waiting: i32,
    pub experience: i32,
    pub intake: i32,
}

pub const DEFAULT_WEIGHTS: Weights = Weights {
    sector: 30,
    availability: 20,
    distance: 10,
    language: 15,
    waiting: 15,
    experience: 5,
    intake: 5,
};
