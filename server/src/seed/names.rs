//! Names: mentors mostly from the generation born 1950–1975 in Flanders,
//! Wallonia and Brussels (including the Italian, Moroccan and Turkish families
//! who came in the 1960s); mentees from Belgium's younger migrant communities,
//! each with the languages usually spoken at home.

pub struct NamePool {
    pub male: &'static [&'static str],
    pub female: &'static [&'static str],
    pub last: &'static [&'static str],
}

#[rustfmt::skip]
pub const FLEMISH: NamePool = NamePool {
    male: &[
        "Jan", "Luc", "Marc", "Dirk", "Peter", "Geert", "Johan", "Patrick", "Koen", "Wim", "Eddy",
        "Guy", "Rudi", "Filip", "Erik", "Paul", "Hugo", "Frank", "Bart", "Herman", "Jos", "Ivo",
        "Stefaan", "Walter", "Ludo", "Chris", "Danny", "Roland",
    ],
    female: &[
        "Annemie", "Hilde", "Linda", "Rita", "Greet", "Ingrid", "Kristien", "Veerle", "Mieke",
        "Marleen", "Christine", "Lieve", "Els", "Katrien", "Ann", "Martine", "Nadine", "Carine",
        "Bea", "Sonja", "Godelieve", "Leen", "Marijke", "Rosette",
    ],
    last: &[
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
        "Wouters", "De Smet", "Vermeulen", "Van den Broeck", "Hermans", "Aerts", "Pauwels",
        "De Backer", "Van Damme", "Verstraete", "Declercq", "Vandenberghe", "Lambrechts",
        "Van de Velde", "De Vos", "Smets", "Verhoeven", "Michiels", "Wuyts", "Coppens",
        "Bogaerts", "Van Acker", "Martens", "Cools", "Segers", "Baert", "Verbeke", "Claeys",
        "De Wilde", "Van Hoof", "Geerts", "Stevens", "Heylen", "Vervoort", "Schepers", "Dierckx",
    ],
};

#[rustfmt::skip]
pub const WALLOON: NamePool = NamePool {
    male: &[
        "Jean-Pierre", "Philippe", "Michel", "Alain", "Didier", "Thierry", "Bernard", "Daniel",
        "Pierre", "Jacques", "André", "Claude", "Serge", "Christian", "Yves", "Pascal", "Benoît",
        "Olivier", "Francis", "Jean-Marc", "Guy", "Luc", "Fabrice", "Vincent",
    ],
    female: &[
        "Chantal", "Martine", "Monique", "Françoise", "Isabelle", "Anne", "Christine", "Nathalie",
        "Brigitte", "Véronique", "Catherine", "Marie-Claire", "Dominique", "Myriam", "Sylvie",
        "Béatrice", "Josiane", "Anne-Marie", "Pascale", "Claudine", "Fabienne", "Muriel",
    ],
    last: &[
        "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leclercq", "Renard",
        "Lejeune", "Collard", "Mathieu", "Denis", "Gilson", "François", "Lemaire", "Henrard",
        "Gérard", "Thiry", "Lecomte", "Dumont", "Hubert", "Lambotte", "Delvaux", "Masson",
        "Marchal", "Noël", "Dethier", "Jacquet", "Legrand", "Piron", "Closset", "Bodart",
        "Charlier", "Deprez", "Fontaine", "Leroy", "Mahieu", "Moreau", "Gillet", "Wathelet",
    ],
};

/// Belgians of the first post-war immigration, now of mentoring age, with the
/// language of their parents.
#[rustfmt::skip]
pub const SETTLED: &[(NamePool, &str)] = &[
    (NamePool { male: &["Giuseppe", "Salvatore", "Antonio", "Franco"], female: &["Maria", "Rosa", "Carmela", "Lucia"], last: &["Rossi", "Russo", "Lombardi", "Di Stefano", "Esposito", "Greco"] }, "it"),
    (NamePool { male: &["Mohamed", "Ahmed", "Abdelkader"], female: &["Fatima", "Rachida", "Malika"], last: &["El Amrani", "Bouzidi", "Benhaddou", "Ouazzani"] }, "ar"),
    (NamePool { male: &["Mustafa", "Hasan", "Ismail"], female: &["Ayşe", "Fatma", "Hatice"], last: &["Yıldırım", "Öztürk", "Karaca"] }, "tr"),
    (NamePool { male: &["José", "Manuel", "Antonio"], female: &["Carmen", "Pilar", "Dolores"], last: &["García", "Fernández", "Martínez", "López"] }, "es"),
    (NamePool { male: &["Jean-Claude", "Kalala", "Pierre"], female: &["Mireille", "Béatrice", "Odette"], last: &["Mbuyi", "Kabasele", "Tshilumba"] }, "ln"),
];

/// A community mentees come from: names, and home languages with weights.
pub struct Community {
    pub names: NamePool,
    pub home: &'static [(&'static str, u32)],
    /// Whether French is often a first language too (Congo, Guinea).
    pub francophone: bool,
}

pub const MOROCCAN: usize = 0;
pub const TURKISH: usize = 1;
pub const CONGOLESE: usize = 2;
pub const SYRIAN: usize = 3;
pub const AFGHAN: usize = 4;
pub const ERITREAN: usize = 5;
pub const GUINEAN: usize = 6;
pub const ROMANIAN: usize = 7;
pub const UKRAINIAN: usize = 8;

#[rustfmt::skip]
pub const COMMUNITIES: &[Community] = &[
    Community {
        names: NamePool {
            male: &["Mohamed", "Youssef", "Ayoub", "Hamza", "Bilal", "Mehdi", "Anas", "Soufiane", "Ilias", "Karim", "Zakaria", "Amine", "Adil", "Nordin"],
            female: &["Fatima", "Salma", "Imane", "Khadija", "Nour", "Sara", "Yasmina", "Hajar", "Meryem", "Ikram", "Loubna", "Houda", "Siham", "Nisrine"],
            last: &["El Amrani", "Benali", "El Idrissi", "Bouzid", "Azzouzi", "El Khattabi", "Ouali", "Chaouki", "Bakkali", "El Mansouri", "Tahiri", "Boukhari", "Ait Ouali", "Lahlou", "Aouragh", "El Hamdaoui", "Ben Haddou", "Zerouali"],
        },
        home: &[("ar", 6), ("ber", 4)],
        francophone: false,
    },
    Community {
        names: NamePool {
            male: &["Emre", "Burak", "Mehmet", "Mustafa", "Yusuf", "Kerem", "Enes", "Ömer", "Furkan", "Serkan"],
            female: &["Elif", "Zeynep", "Büşra", "Merve", "Esra", "Ayşe", "Kübra", "Tuğba", "Sümeyye", "Derya"],
            last: &["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan", "Kılıç", "Aslan", "Koç", "Polat"],
        },
        home: &[("tr", 1)],
        francophone: false,
    },
    Community {
        names: NamePool {
            male: &["Jonathan", "Cédric", "Christian", "Junior", "Exaucé", "Dieumerci", "Glody", "Plamedi", "Béni", "Jordan", "Trésor"],
            female: &["Merveille", "Grâce", "Ornella", "Divine", "Nadège", "Christelle", "Rachel", "Sarah", "Prisca", "Joëlle"],
            last: &["Mbuyi", "Kabongo", "Tshibanda", "Ilunga", "Mukendi", "Kalonji", "Lukusa", "Nsimba", "Kasongo", "Mbala", "Lutete", "Makiese", "Nzuzi", "Kabeya"],
        },
        home: &[("ln", 1)],
        francophone: true,
    },
    Community {
        names: NamePool {
            male: &["Omar", "Ahmad", "Khaled", "Mahmoud", "Ali", "Hussam", "Rami", "Tarek", "Yazan", "Majd"],
            female: &["Rania", "Lina", "Hala", "Aya", "Rasha", "Dima", "Nour", "Reem", "Joud", "Bayan"],
            last: &["Al-Hassan", "Haddad", "Khalil", "Al-Ahmad", "Darwish", "Hamdan", "Suleiman", "Al-Khatib", "Nasser", "Kassem", "Sabbagh", "Al-Ali"],
        },
        home: &[("ar", 1)],
        francophone: false,
    },
    Community {
        names: NamePool {
            male: &["Ahmad", "Mohammad", "Sayed", "Mustafa", "Hamid", "Farid", "Wahid", "Jawad", "Rahmat", "Naweed"],
            female: &["Mariam", "Zahra", "Parisa", "Nargis", "Shabnam", "Hosna", "Madina", "Fereshta"],
            last: &["Ahmadi", "Rahimi", "Hakimi", "Noori", "Karimi", "Sultani", "Popal", "Stanikzai", "Wardak", "Hashimi", "Amiri", "Sadat"],
        },
        home: &[("fa", 3), ("ps", 2)],
        francophone: false,
    },
    Community {
        names: NamePool {
            male: &["Yonas", "Dawit", "Filmon", "Robel", "Samuel", "Tesfay", "Yohannes", "Biniam", "Mussie", "Aron"],
            female: &["Helen", "Selam", "Senait", "Luwam", "Semhar", "Saba", "Rahel", "Feven", "Hiwet"],
            last: &["Tesfaye", "Ghebremedhin", "Haile", "Berhane", "Kidane", "Tekle", "Weldemariam", "Gebre", "Abraha", "Mehari", "Habte"],
        },
        home: &[("ti", 1)],
        francophone: false,
    },
    Community {
        names: NamePool {
            male: &["Mamadou", "Alpha", "Ibrahima", "Thierno", "Ousmane", "Abdoulaye", "Boubacar", "Sékou", "Amadou", "Mohamed Lamine"],
            female: &["Fatoumata", "Mariama", "Aïssatou", "Kadiatou", "Hawa", "Aminata", "Oumou", "Djénabou", "Hadja"],
            last: &["Diallo", "Bah", "Barry", "Sow", "Camara", "Baldé", "Sylla", "Condé", "Keïta", "Touré", "Soumah", "Kouyaté"],
        },
        home: &[("ff", 1)],
        francophone: true,
    },
    Community {
        names: NamePool {
            male: &["Andrei", "Alexandru", "Ionuț", "Mihai", "Florin", "Gabriel", "Cristian", "Bogdan", "Marius"],
            female: &["Elena", "Ioana", "Andreea", "Maria", "Alina", "Roxana", "Bianca", "Denisa", "Larisa"],
            last: &["Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe", "Rusu", "Munteanu", "Matei", "Constantin", "Radu"],
        },
        home: &[("ro", 1)],
        francophone: false,
    },
    Community {
        names: NamePool {
            male: &["Oleksandr", "Dmytro", "Andrii", "Maksym", "Bohdan", "Artem", "Vladyslav"],
            female: &["Olena", "Iryna", "Anastasiia", "Yuliia", "Kateryna", "Sofiia", "Daria"],
            last: &["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Boiko", "Oliinyk", "Savchenko"],
        },
        home: &[("uk", 3), ("ru", 1)],
        francophone: false,
    },
];

/// `Jean-Pierre`, `Van den Broeck` → `jean-pierre`, `vandenbroeck`: lowercase ASCII for e-mail addresses.
pub fn ascii_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ş' | 'ș' => 's',
            'ğ' => 'g',
            'ț' => 't',
            c if c.is_ascii_alphanumeric() || c == '-' => c,
            _ => continue,
        };
        out.push(folded);
    }
    out
}
