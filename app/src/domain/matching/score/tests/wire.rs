//! Parsing weights, locations and intake averages, and the JSON the browser receives.

use super::*;
use crate::domain::error::ErrorCode;
use crate::domain::string_enum::assert_string_enum;

#[test]
fn weights_refuse_values_outside_0_to_100() {
    let out_of_range = ErrorCode::OutOfRange { min: 0, max: 100 };
    let refused = |criterion| {
        Err(WeightError {
            criterion,
            code: out_of_range.clone(),
        })
    };
    assert_eq!(
        Weights::parse([0, 0, 101, 0, 0, 0, 0]),
        refused(Criterion::Distance)
    );
    assert_eq!(
        Weights::parse([-1, 0, 0, 0, 0, 0, 500]),
        refused(Criterion::Sector)
    );
    let all = Weights::parse([100; 7]).unwrap();
    assert_eq!(all.sum(), 700);
    assert_eq!(Weights::DEFAULT.sum(), 100);
    assert_eq!(Weights::default(), Weights::DEFAULT);
    assert_eq!(Weights::DEFAULT.get(Criterion::Sector), 30);
}

#[test]
fn criterion_strings() {
    let expected = [
        "sector",
        "availability",
        "distance",
        "language",
        "waiting",
        "experience",
        "intake",
    ];
    assert_string_enum(
        Criterion::ALL,
        Criterion::as_str,
        Criterion::parse,
        &expected,
    );
}

#[test]
fn wire_formats() {
    let json = |value: &dyn erased::Json| value.json();
    assert_eq!(json(&Must::SameSector), r#""same_sector""#);
    assert_eq!(json(&Must::WithinKm(5)), r#"{"within_km":5}"#);
    assert_eq!(
        json(&Reason::Must(Must::SharedSlot)),
        r#"{"must":"shared_slot"}"#
    );
    assert_eq!(json(&Reason::Banned), r#""banned""#);
    let detail = Detail::SameSector {
        sector_id: 30,
        years: 5,
    };
    assert_eq!(
        json(&detail),
        r#"{"kind":"same_sector","sector_id":30,"years":5}"#
    );
    assert_eq!(
        json(&Weights::DEFAULT),
        concat!(
            r#"{"sector":30,"availability":20,"distance":15,"language":10,"#,
            r#""waiting":15,"experience":5,"intake":5}"#
        )
    );
    assert_eq!(
        json(&Location::from_micro_degrees(50_846_700, 4_352_500).unwrap()),
        "[50846700,4352500]"
    );

    let score = score(&context(), &(mentor(1), mentee(100)));
    let text = serde_json::to_string(&score).unwrap();
    assert_eq!(serde_json::from_str::<Score>(&text).unwrap(), score);
    let ctx = context().with_bans([(1, 2)]);
    let text = serde_json::to_string(&ctx).unwrap();
    assert_eq!(serde_json::from_str::<Context>(&text).unwrap(), ctx);

    for refused in [
        concat!(
            r#"{"sector":101,"availability":0,"distance":0,"language":0,"#,
            r#""waiting":0,"experience":0,"intake":0}"#
        ),
        "[90000001,0]",
        "51",
    ] {
        let weights = serde_json::from_str::<Weights>(refused);
        let location = serde_json::from_str::<Location>(refused);
        let intake = serde_json::from_str::<IntakeAverage>(refused);
        assert!(
            weights.is_err() && location.is_err() && intake.is_err(),
            "{refused}"
        );
    }
}

/// Lets one closure serialise values of different types.
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

#[test]
fn locations_and_intake_averages_parse() {
    let brussels = Location::from_degrees(50.846_7, 4.352_5).unwrap();
    assert_eq!(
        (brussels.lat_micro(), brussels.lon_micro()),
        (50_846_700, 4_352_500)
    );
    assert!(Location::from_degrees(90.0, -180.0).is_some());
    assert_eq!(Location::from_degrees(90.000_001, 0.0), None);
    assert_eq!(Location::from_degrees(0.0, f64::NAN), None);
    assert_eq!(Location::from_micro_degrees(0, 180_000_001), None);

    assert_eq!(
        IntakeAverage::mean([3, 4]).map(IntakeAverage::tenths),
        Some(35)
    );
    assert_eq!(
        IntakeAverage::mean([4, 4, 5]).map(IntakeAverage::tenths),
        Some(43)
    );
    assert_eq!(
        IntakeAverage::mean([1, 2, 2, 2]).map(IntakeAverage::tenths),
        Some(18)
    );
    assert_eq!(IntakeAverage::mean([]), None);
    assert_eq!(IntakeAverage::mean([3, 6]), None);
    assert_eq!(IntakeAverage::from_tenths(9), None);
    assert_eq!(IntakeAverage::from_tenths(51), None);
}

#[test]
fn musts_from_a_coordinators_form() {
    use crate::domain::error::ErrorCode;
    use crate::domain::matching::score::{MAX_MUST_KM, Must};
    assert_eq!(Must::from_form(false, false, " "), Ok(vec![]));
    assert_eq!(
        Must::from_form(true, true, "12"),
        Ok(vec![Must::SameSector, Must::SharedSlot, Must::WithinKm(12)])
    );
    assert_eq!(
        Must::from_form(false, false, "1"),
        Ok(vec![Must::WithinKm(1)])
    );
    assert_eq!(
        Must::from_form(false, false, &MAX_MUST_KM.to_string()),
        Ok(vec![Must::WithinKm(MAX_MUST_KM)])
    );
    let out = Err(ErrorCode::OutOfRange {
        min: 1,
        max: MAX_MUST_KM.into(),
    });
    for bad in ["0", "201", "-3", "ten", "1.5"] {
        assert_eq!(Must::from_form(true, false, bad), out, "{bad}");
    }
}
