//! Great-circle (haversine) distance, computed so that every platform gets the same bits.
//!
//! `f64::sin` and its kin call the platform's maths library, whose last bit may differ between
//! the server and the browser (WASM): a distance rounding to 12 km on one and 13 km on the
//! other would change a score. Here only `+ − × ÷` and `sqrt` are used, which IEEE 754 defines
//! exactly, in a fixed order, so the result is reproducible everywhere.

use std::f64::consts::{FRAC_PI_2, PI};

use super::profile::Location;

/// The mean Earth radius (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0088;
const RADIANS_PER_MICRO_DEGREE: f64 = PI / 180_000_000.0;

/// The distance in kilometres along the Earth's surface.
pub(super) fn haversine_km(a: Location, b: Location) -> f64 {
    let radians = |micro: i32| f64::from(micro) * RADIANS_PER_MICRO_DEGREE;
    let (lat_a, lat_b) = (radians(a.lat_micro()), radians(b.lat_micro()));
    let half_dlat = (lat_b - lat_a) / 2.0;
    let half_dlon = radians(b.lon_micro() - a.lon_micro()) / 2.0;
    let hav = square(sin(half_dlat)) + cos_lat(lat_a) * cos_lat(lat_b) * square(sin(half_dlon));
    2.0 * EARTH_RADIUS_KM * asin(hav.clamp(0.0, 1.0).sqrt())
}

/// The distance rounded to whole kilometres, as shown to coordinators.
pub(super) fn whole_km(a: Location, b: Location) -> u32 {
    // Exact: `round` and the conversion add no error of their own.
    haversine_km(a, b).round() as u32
}

/// Taylor series, accurate to about 1e-15 for |x| ≤ π (the callers' range).
fn sin(x: f64) -> f64 {
    let x2 = x * x;
    let (mut term, mut sum) = (x, x);
    for n in 1..=14 {
        let k = f64::from(2 * n);
        term = -term * x2 / (k * (k + 1.0));
        sum += term;
    }
    sum
}

/// cos φ = 1 − 2 sin²(φ/2), for a latitude φ in [−π/2, π/2].
fn cos_lat(lat: f64) -> f64 {
    1.0 - 2.0 * square(sin(lat / 2.0))
}

/// `powi` may round differently from one platform to another; a product does not.
fn square(x: f64) -> f64 {
    x * x
}

/// For x in [0, 1]: the series up to ½, and asin x = π/2 − 2 asin √((1 − x)/2) above.
fn asin(x: f64) -> f64 {
    if x > 0.5 {
        return FRAC_PI_2 - 2.0 * asin_series(((1.0 - x) / 2.0).sqrt());
    }
    asin_series(x)
}

/// Σ (2n)! / (4ⁿ (n!)² (2n + 1)) x²ⁿ⁺¹; each term is at most a quarter of the one before.
fn asin_series(x: f64) -> f64 {
    let x2 = x * x;
    let (mut power, mut coefficient, mut sum) = (x, 1.0, x);
    for n in 1..=30 {
        let k = f64::from(2 * n);
        power *= x2;
        coefficient *= (k - 1.0) / k;
        sum += coefficient * power / (k + 1.0);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn place(lat: f64, lon: f64) -> Location {
        Location::from_degrees(lat, lon).unwrap()
    }

    /// The textbook formula with the platform's maths library.
    fn reference_km(a: Location, b: Location) -> f64 {
        let rad = |m: i32| (f64::from(m) / 1e6).to_radians();
        let (la, lb) = (rad(a.lat_micro()), rad(b.lat_micro()));
        let dlat = lb - la;
        let dlon = rad(b.lon_micro()) - rad(a.lon_micro());
        let h = (dlat / 2.0).sin().powi(2) + la.cos() * lb.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }

    #[test]
    fn known_distances() {
        let brussels = place(50.846_7, 4.352_5);
        let antwerp = place(51.219_4, 4.402_5);
        let liege = place(50.632_6, 5.579_7);
        let paris = place(48.856_6, 2.352_2);
        assert_eq!(whole_km(brussels, antwerp), 42);
        assert_eq!(whole_km(brussels, liege), 90);
        assert_eq!(whole_km(brussels, paris), 264);
        assert_eq!(whole_km(brussels, brussels), 0);
        let north = place(90.0, 0.0);
        let south = place(-90.0, 0.0);
        assert!((haversine_km(north, south) - PI * EARTH_RADIUS_KM).abs() < 1e-9);
    }

    #[test]
    fn series_match_the_maths_library() {
        for i in -100..=100 {
            let x = f64::from(i) * PI / 100.0;
            assert!((sin(x) - x.sin()).abs() < 1e-14, "sin {x}");
        }
        for i in 0..=100 {
            let x = f64::from(i) / 100.0;
            assert!((asin(x) - x.asin()).abs() < 1e-14, "asin {x}");
        }
    }

    fn any_location() -> impl Strategy<Value = Location> {
        (-MAX_LAT..=MAX_LAT, -MAX_LON..=MAX_LON)
            .prop_map(|(lat, lon)| Location::from_micro_degrees(lat, lon).unwrap())
    }

    const MAX_LAT: i32 = 90_000_000;
    const MAX_LON: i32 = 180_000_000;

    proptest! {
        #[test]
        fn agrees_with_the_textbook_formula(a in any_location(), b in any_location()) {
            let km = haversine_km(a, b);
            prop_assert!((km - reference_km(a, b)).abs() < 1e-5, "{km}");
            prop_assert_eq!(km.to_bits(), haversine_km(b, a).to_bits());
            prop_assert!((0.0..=PI * EARTH_RADIUS_KM + 1e-9).contains(&km));
        }
    }
}
