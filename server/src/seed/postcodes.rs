//! Postcodes of the five programme cities and their nearest communes, with the
//! locality name and an approximate centroid (WGS 84, about 0.01° ≈ 1 km).
//! Provenance: typed in by hand from general knowledge of Belgian geography;
//! the codes follow bpost's public postcode list, but the coordinates were NOT
//! taken from a dataset and have not been checked against one. Replace them
//! with centroids from a published source (e.g. OpenStreetMap, ODbL) before
//! distance scoring is relied on (matching issue #4).

/// `(code, city slug, locality, latitude, longitude)`.
pub type Postcode = (i32, &'static str, &'static str, f64, f64);

#[rustfmt::skip]
pub const POSTCODES: &[Postcode] = &[
    // Brussels-Capital Region: the 19 communes (bilingual names).
    (1000, "brussels", "Bruxelles / Brussel", 50.8467, 4.3525),
    (1020, "brussels", "Laeken / Laken", 50.8800, 4.3480),
    (1030, "brussels", "Schaerbeek / Schaarbeek", 50.8676, 4.3737),
    (1040, "brussels", "Etterbeek", 50.8360, 4.3890),
    (1050, "brussels", "Ixelles / Elsene", 50.8270, 4.3720),
    (1060, "brussels", "Saint-Gilles / Sint-Gillis", 50.8270, 4.3450),
    (1070, "brussels", "Anderlecht", 50.8370, 4.3080),
    (1080, "brussels", "Molenbeek-Saint-Jean / Sint-Jans-Molenbeek", 50.8550, 4.3230),
    (1081, "brussels", "Koekelberg", 50.8620, 4.3260),
    (1082, "brussels", "Berchem-Sainte-Agathe / Sint-Agatha-Berchem", 50.8640, 4.2950),
    (1083, "brussels", "Ganshoren", 50.8710, 4.3100),
    (1090, "brussels", "Jette", 50.8770, 4.3270),
    (1120, "brussels", "Neder-Over-Heembeek", 50.8960, 4.3880),
    (1130, "brussels", "Haren", 50.8890, 4.4190),
    (1140, "brussels", "Evere", 50.8710, 4.4030),
    (1150, "brussels", "Woluwe-Saint-Pierre / Sint-Pieters-Woluwe", 50.8320, 4.4320),
    (1160, "brussels", "Auderghem / Oudergem", 50.8160, 4.4270),
    (1170, "brussels", "Watermael-Boitsfort / Watermaal-Bosvoorde", 50.7990, 4.4150),
    (1180, "brussels", "Uccle / Ukkel", 50.8030, 4.3370),
    (1190, "brussels", "Forest / Vorst", 50.8100, 4.3190),
    (1200, "brussels", "Woluwe-Saint-Lambert / Sint-Lambrechts-Woluwe", 50.8460, 4.4290),
    (1210, "brussels", "Saint-Josse-ten-Noode / Sint-Joost-ten-Node", 50.8540, 4.3730),
    // Liège and the communes around it.
    (4000, "liege", "Liège", 50.6330, 5.5700),
    (4020, "liege", "Liège (Bressoux, Jupille, Wandre)", 50.6450, 5.6050),
    (4030, "liege", "Grivegnée", 50.6210, 5.6060),
    (4031, "liege", "Angleur", 50.6120, 5.5960),
    (4032, "liege", "Chênée", 50.6110, 5.6170),
    (4040, "liege", "Herstal", 50.6640, 5.6270),
    (4100, "liege", "Seraing", 50.5960, 5.5080),
    (4101, "liege", "Jemeppe-sur-Meuse", 50.6180, 5.4990),
    (4102, "liege", "Ougrée", 50.6010, 5.5410),
    (4420, "liege", "Saint-Nicolas", 50.6300, 5.5350),
    (4430, "liege", "Ans", 50.6610, 5.5200),
    // Antwerp: the city districts and the neighbouring communes.
    (2000, "antwerp", "Antwerpen", 51.2194, 4.4025),
    (2018, "antwerp", "Antwerpen", 51.2050, 4.4170),
    (2020, "antwerp", "Antwerpen (Kiel)", 51.1890, 4.3920),
    (2030, "antwerp", "Antwerpen (Luchtbal)", 51.2450, 4.4230),
    (2050, "antwerp", "Antwerpen (Linkeroever)", 51.2230, 4.3770),
    (2060, "antwerp", "Antwerpen", 51.2290, 4.4250),
    (2100, "antwerp", "Deurne", 51.2200, 4.4650),
    (2140, "antwerp", "Borgerhout", 51.2120, 4.4400),
    (2150, "antwerp", "Borsbeek", 51.1920, 4.4870),
    (2170, "antwerp", "Merksem", 51.2450, 4.4480),
    (2180, "antwerp", "Ekeren", 51.2800, 4.4200),
    (2600, "antwerp", "Berchem", 51.1920, 4.4300),
    (2610, "antwerp", "Wilrijk", 51.1690, 4.3950),
    (2640, "antwerp", "Mortsel", 51.1700, 4.4560),
    (2650, "antwerp", "Edegem", 51.1560, 4.4450),
    (2660, "antwerp", "Hoboken", 51.1750, 4.3480),
    // Ghent and its sub-municipalities.
    (9000, "ghent", "Gent", 51.0543, 3.7174),
    (9030, "ghent", "Mariakerke", 51.0730, 3.6770),
    (9031, "ghent", "Drongen", 51.0500, 3.6560),
    (9032, "ghent", "Wondelgem", 51.0880, 3.7200),
    (9040, "ghent", "Sint-Amandsberg", 51.0600, 3.7500),
    (9041, "ghent", "Oostakker", 51.0900, 3.7650),
    (9042, "ghent", "Desteldonk, Mendonk, Sint-Kruis-Winkel", 51.1200, 3.7800),
    (9050, "ghent", "Gentbrugge, Ledeberg", 51.0380, 3.7530),
    (9051, "ghent", "Sint-Denijs-Westrem, Afsnee", 51.0230, 3.6770),
    (9052, "ghent", "Zwijnaarde", 51.0040, 3.7110),
    // Mechelen and its sub-municipalities.
    (2800, "mechelen", "Mechelen", 51.0257, 4.4776),
    (2801, "mechelen", "Heffen", 51.0530, 4.4150),
    (2811, "mechelen", "Hombeek, Leest", 51.0200, 4.4150),
    (2812, "mechelen", "Muizen", 51.0100, 4.5100),
];
