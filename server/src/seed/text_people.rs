//! Short texts written about people: a mentee's goal (built from a job title
//! in the goal sector), a mentor's motivation, how they found the programme,
//! intake notes. Each text exists in French, Dutch and English.

use app::domain::locale::Locale;

/// One text in the three interface languages: French, Dutch, English.
pub type Tr = [&'static str; 3];

pub fn tr(text: &Tr, locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => text[0],
        Locale::Nl => text[1],
        Locale::En => text[2],
    }
}

/// Two entry-level jobs per sector, in the order of `reference_data::SECTORS`
/// (in English with the article, which the goal sentences need).
#[rustfmt::skip]
pub const JOBS: [[Tr; 2]; 14] = [
    [["ouvrier polyvalent du bâtiment", "polyvalent bouwvakker", "a general construction worker"], ["aide-électricien", "hulp-elektricien", "an electrician's assistant"]],
    [["commis de cuisine", "keukenhulp", "a kitchen assistant"], ["réceptionniste d'hôtel", "hotelreceptionist", "a hotel receptionist"]],
    [["vendeur en magasin", "winkelbediende", "a shop assistant"], ["caissier", "kassamedewerker", "a cashier"]],
    [["magasinier", "magazijnier", "a warehouse operative"], ["chauffeur-livreur", "chauffeur-koerier", "a delivery driver"]],
    [["aide-soignant", "zorgkundige", "a care assistant"], ["assistant en pharmacie", "farmaceutisch-technisch assistent", "a pharmacy assistant"]],
    [["technicien helpdesk", "helpdeskmedewerker", "an IT helpdesk technician"], ["développeur web junior", "junior webontwikkelaar", "a junior web developer"]],
    [["employé administratif", "administratief bediende", "an administrative assistant"], ["aide-comptable", "boekhoudkundig medewerker", "an accounting assistant"]],
    [["puériculteur", "kinderbegeleider", "a childcare worker"], ["éducateur", "opvoeder", "a youth educator"]],
    [["opérateur de production", "productieoperator", "a production operator"], ["soudeur", "lasser", "a welder"]],
    [["agent d'entretien", "schoonmaker", "a cleaning operative"], ["technicien de maintenance", "onderhoudstechnicus", "a maintenance technician"]],
    [["agent d'accueil", "onthaalmedewerker", "a reception officer"], ["employé communal", "gemeentelijk medewerker", "a municipal clerk"]],
    [["technicien son et lumière", "licht- en geluidstechnicus", "a sound and lighting technician"], ["graphiste", "grafisch vormgever", "a graphic designer"]],
    [["dessinateur technique", "technisch tekenaar", "a technical draughtsman"], ["technicien HVAC", "HVAC-technicus", "an HVAC technician"]],
    [["assistant social", "maatschappelijk werker", "a social worker"], ["animateur de quartier", "buurtwerker", "a community worker"]],
];

/// Goal sentences; `{}` is a job title from `JOBS`.
#[rustfmt::skip]
pub const GOALS: &[Tr] = &[
    ["Trouver un emploi comme {}", "Werk vinden als {}", "Find a job as {}"],
    ["Trouver un emploi comme {}", "Werk vinden als {}", "Find a job as {}"],
    ["Décrocher un stage puis un contrat comme {}", "Een stage en daarna een contract als {}", "Land an internship, then a contract as {}"],
    ["Suivre une formation pour devenir {}", "Een opleiding volgen om {} te worden", "Take a training course to become {}"],
    ["Faire reconnaître son diplôme et travailler comme {}", "Diploma laten erkennen en werken als {}", "Get a diploma recognised and work as {}"],
];

#[rustfmt::skip]
pub const MOTIVATIONS: &[Tr] = &[
    ["Après toute une carrière, j'ai envie de transmettre mon expérience.", "Na een hele loopbaan wil ik mijn ervaring doorgeven.", "After a whole career, I want to pass on my experience."],
    ["J'ai moi-même été aidé à mes débuts ; c'est mon tour.", "Ik ben zelf geholpen toen ik begon; nu is het mijn beurt.", "Someone helped me when I started out; now it's my turn."],
    ["Mon réseau professionnel peut ouvrir des portes à un jeune.", "Mijn netwerk kan deuren openen voor een jongere.", "My professional network can open doors for a young person."],
    ["Je veux rester utile et rencontrer d'autres générations.", "Ik wil nuttig blijven en andere generaties ontmoeten.", "I want to stay useful and meet other generations."],
    ["J'ai recruté pendant des années : je sais ce que cherchent les employeurs.", "Ik heb jaren aangeworven: ik weet wat werkgevers zoeken.", "I recruited people for years, so I know what employers look for."],
    ["La diversité est une richesse ; je veux aider concrètement.", "Diversiteit is een rijkdom; ik wil concreet helpen.", "Diversity is a strength, and I want to help in a practical way."],
];

#[rustfmt::skip]
pub const HEARD_FROM: &[Tr] = &[
    ["Par un ami", "Via een vriend", "From a friend"],
    ["Article de presse", "Krantenartikel", "Newspaper article"],
    ["LinkedIn", "LinkedIn", "LinkedIn"],
    ["Un ancien collègue", "Een oud-collega", "A former colleague"],
    ["Association de seniors", "Seniorenvereniging", "Retirees' association"],
    ["Facebook", "Facebook", "Facebook"],
    ["Un mentor du programme", "Een mentor van het programma", "A mentor in the programme"],
];

/// Who referred mentees, per city (order of `reference_data::CITIES`), with weights.
#[rustfmt::skip]
pub const REFERRERS: [&[(&str, u32)]; 5] = [
    &[("CPAS", 5), ("Actiris", 5), ("Mission locale", 4), ("OCMW", 2), ("BON (inburgering)", 2), ("Bouche-à-oreille", 3)],
    &[("CPAS", 5), ("Forem", 5), ("Mission locale", 3), ("CRIPEL", 2), ("Bouche-à-oreille", 3)],
    &[("OCMW", 5), ("VDAB", 6), ("Atlas integratie en inburgering", 3), ("Via vrienden of familie", 3)],
    &[("OCMW", 5), ("VDAB", 6), ("In-Gent", 3), ("Via vrienden of familie", 3)],
    &[("OCMW", 5), ("VDAB", 6), ("Agentschap Integratie en Inburgering", 3), ("Via vrienden of familie", 3)],
];

#[rustfmt::skip]
pub const MENTOR_INTAKE_NOTES: &[Tr] = &[
    ["Motivé, disponible le matin en semaine.", "Gemotiveerd, beschikbaar op weekdagen 's ochtends.", "Motivated, available on weekday mornings."],
    ["Grande expérience du secteur, réseau solide.", "Veel sectorervaring, sterk netwerk.", "Extensive sector experience, strong network."],
    ["Bonne écoute ; à suivre pour la disponibilité.", "Luistert goed; beschikbaarheid opvolgen.", "Good listener; keep an eye on availability."],
    ["A déjà accompagné des stagiaires.", "Heeft al stagiairs begeleid.", "Has supervised interns before."],
];

#[rustfmt::skip]
pub const MENTEE_INTAKE_NOTES: &[Tr] = &[
    ["Objectif clair, CV à retravailler.", "Duidelijk doel, cv moet herwerkt worden.", "Clear goal, CV needs work."],
    ["Diplôme étranger en cours d'équivalence.", "Buitenlands diploma in gelijkwaardigheidsprocedure.", "Foreign diploma going through recognition."],
    ["Très motivé, peu de réseau en Belgique.", "Zeer gemotiveerd, weinig netwerk in België.", "Highly motivated, little network in Belgium."],
    ["Niveau de langue suffisant pour un duo.", "Taalniveau voldoende voor een duo.", "Language level sufficient for a duo."],
    ["Cherche surtout de la confiance pour les entretiens.", "Zoekt vooral zelfvertrouwen voor gesprekken.", "Mainly needs confidence for interviews."],
];

/// The consent texts whose SHA-256 the consent rows keep, per purpose.
#[rustfmt::skip]
pub const CONSENT_TEXTS: [(&str, Tr); 3] = [
    ("programme", [
        "J'accepte que DUO traite mes données pour organiser mon accompagnement (version 2026-01).",
        "Ik ga akkoord dat DUO mijn gegevens verwerkt om mijn begeleiding te organiseren (versie 2026-01).",
        "I agree that DUO processes my data to organise my mentoring (version 2026-01).",
    ]),
    ("special_category", [
        "J'accepte que DUO enregistre mon origine migratoire, uniquement pour vérifier mon éligibilité (version 2026-01).",
        "Ik ga akkoord dat DUO mijn migratieachtergrond registreert, enkel om mijn deelname te controleren (versie 2026-01).",
        "I agree that DUO records my migrant background, only to check my eligibility (version 2026-01).",
    ]),
    ("communication", [
        "J'accepte de recevoir des nouvelles du programme par e-mail (version 2026-01).",
        "Ik wil nieuws over het programma per e-mail ontvangen (versie 2026-01).",
        "I would like to receive programme news by e-mail (version 2026-01).",
    ]),
];
