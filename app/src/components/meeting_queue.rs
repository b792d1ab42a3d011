//! Meetings a mentor logged without a connection wait on the phone, in local storage, until
//! they are sent. A log joins the queue before its first attempt, so nothing typed is lost if
//! the connection drops mid-way, and leaves it once the server answered (stored, or refused for
//! good). Each log keeps the key it was made with, so sending it again never stores it twice.

use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::api::{get_my_duo, log_meeting};
use crate::features::duos::types::{LoggedMeeting, MeetingLog, MyDuo};

#[cfg(feature = "hydrate")]
const STORAGE_KEY: &str = "duo.meeting-queue";
/// The mentor's duo as last read, so the meeting form opens without a connection.
#[cfg(feature = "hydrate")]
const DUO_KEY: &str = "duo.my-duo";

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The logs waiting on this device, oldest first. Empty on the server.
pub fn waiting() -> Vec<MeetingLog> {
    #[cfg(feature = "hydrate")]
    {
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Vec::new()
    }
}

#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
fn keep(logs: &[MeetingLog]) {
    #[cfg(feature = "hydrate")]
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(logs)) {
        let _ = storage.set_item(STORAGE_KEY, &json);
    }
}

fn push(log: &MeetingLog) {
    let mut logs = waiting();
    if !logs
        .iter()
        .any(|l| l.idempotency_key == log.idempotency_key)
    {
        logs.push(log.clone());
        keep(&logs);
    }
}

fn remove(key: &str) {
    let mut logs = waiting();
    logs.retain(|l| l.idempotency_key != key);
    keep(&logs);
}

/// The mentor's duo from the server, kept on the device; the kept copy when the server cannot
/// be reached.
pub async fn my_duo() -> Result<MyDuo, AppError> {
    let result = get_my_duo().await;
    #[cfg(feature = "hydrate")]
    match &result {
        Ok(my) => keep_duo(my),
        Err(AppError::Unreachable) => {
            if let Some(copy) = kept_duo() {
                return Ok(dated(copy, device_today()));
            }
        }
        Err(_) => {}
    }
    result
}

#[cfg(feature = "hydrate")]
fn kept_duo() -> Option<MyDuo> {
    let json = storage()?.get_item(DUO_KEY).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// The phone's own date. Mentors are in Belgium, so the phone's local day is Brussels's day.
#[cfg(feature = "hydrate")]
fn device_today() -> Option<chrono::NaiveDate> {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        i32::try_from(now.get_full_year()).ok()?,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// The kept copy, dated by the phone's day when that is later than the day it was read: a
/// meeting logged offline days after the last visit is dated and bounded by the real day,
/// not the visit's. Never earlier than the copy's day, so a phone's wrong clock cannot hide
/// a day the server already allowed; the server checks the date again when it arrives.
#[cfg(any(feature = "hydrate", test))]
fn dated(mut my: MyDuo, device_today: Option<chrono::NaiveDate>) -> MyDuo {
    if let (Some(duo), Some(device)) = (my.duo.as_mut(), device_today) {
        duo.today = duo.today.max(device);
    }
    my
}

/// Keeps the duo a page shows as the device's copy. A page rendered on the server hands its
/// duo to the browser without calling [`my_duo`] there, so the home page keeps it as well:
/// the copy the meeting form opens offline is then as fresh as the last visit of the home
/// page, not of the form (the form dates a new meeting `today` from it).
///
/// Not while offline: the page is then the service worker's copy, possibly days old.
pub fn keep_shown_duo(my: &MyDuo) {
    #[cfg(feature = "hydrate")]
    if web_sys::window().is_some_and(|w| w.navigator().on_line()) {
        keep_duo(my);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = my;
}

/// Keeps a copy of the mentor's duo on the device, unless the one kept was read on a later
/// day (a page may hand over an older duo than the last one read).
#[cfg(feature = "hydrate")]
fn keep_duo(my: &MyDuo) {
    if replaces(kept_duo().as_ref(), my)
        && let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(my))
    {
        let _ = storage.set_item(DUO_KEY, &json);
    }
}

/// Whether `new` may replace the `kept` copy: not when it was read on an earlier day.
#[cfg(any(feature = "hydrate", test))]
fn replaces(kept: Option<&MyDuo>, new: &MyDuo) -> bool {
    let day = |my: &MyDuo| my.duo.as_ref().map(|duo| duo.today);
    match (kept.and_then(day), day(new)) {
        (Some(kept), Some(new)) => new >= kept,
        _ => true,
    }
}

/// On sign-out: the kept copies of the duo and of the mentor pages go; meetings still waiting
/// to be sent stay, so nothing typed is lost.
pub fn forget_device_copies() {
    #[cfg(feature = "hydrate")]
    {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(DUO_KEY);
        }
        let worker = web_sys::window().and_then(|w| w.navigator().service_worker().controller());
        if let Some(worker) = worker {
            let _ = worker.post_message(&wasm_bindgen::JsValue::from_str("forget"));
        }
    }
}

/// A fresh key for a new log: 32 hexadecimal digits from the browser's clock and randomness.
pub fn new_key() -> String {
    #[cfg(feature = "hydrate")]
    {
        let random = |_| {
            format!(
                "{:08x}",
                (js_sys::Math::random() * f64::from(u32::MAX)) as u32
            )
        };
        let time = format!("{:016x}", js_sys::Date::now() as u64);
        format!("{time}{}", (0..2).map(random).collect::<String>())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

/// Sends one log, keeping it on the device until the server has answered.
pub async fn send(log: MeetingLog) -> Result<LoggedMeeting, AppError> {
    push(&log);
    let key = log.idempotency_key.clone();
    let result = log_meeting(log).await;
    if !matches!(result, Err(AppError::Unreachable)) {
        remove(&key);
    }
    result
}

/// Sends what is waiting, oldest first, and stops at the first log that still cannot reach
/// the server. Returns how many were sent.
pub async fn flush() -> usize {
    let mut sent = 0;
    for log in waiting() {
        match send(log).await {
            Err(AppError::Unreachable) => break,
            Ok(_) => sent += 1,
            // Refused for good (the duo ended, a date no longer valid): it leaves the queue.
            Err(_) => {}
        }
    }
    sent
}

/// The waiting logs as a signal, read once the page runs in the browser and again after
/// every flush; flushes when the page opens and whenever the connection comes back.
/// `on_sent` runs after a flush that sent something.
pub fn use_waiting(
    on_sent: impl Fn(usize) + Clone + Send + Sync + 'static,
) -> RwSignal<Vec<MeetingLog>> {
    let logs = RwSignal::new(Vec::new());
    let run = move || {
        let on_sent = on_sent.clone();
        leptos::task::spawn_local(async move {
            logs.set(waiting());
            let sent = flush().await;
            logs.set(waiting());
            if sent > 0 {
                on_sent(sent);
            }
        });
    };
    let first = run.clone();
    Effect::new(move |_| first());
    let online = window_event_listener(leptos::ev::online, move |_| run());
    on_cleanup(move || online.remove());
    logs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::duo::DuoStatus;
    use crate::features::duos::types::DuoSummary;
    use chrono::NaiveDate;

    fn read_on(day: Option<u32>) -> MyDuo {
        MyDuo {
            mentor_first_name: "Marc".to_owned(),
            duo: day.map(|day| DuoSummary {
                id: 1,
                status: DuoStatus::Active,
                mentee_first_name: "Yara".to_owned(),
                goal: None,
                started_on: None,
                planned_end_on: None,
                weeks_done: None,
                weeks_planned: None,
                meetings: Vec::new(),
                start_assessed: false,
                end_assessed: false,
                mentor_evaluated: false,
                agreement: None,
                plan: Vec::new(),
                today: NaiveDate::from_ymd_opt(2026, 12, day).expect("a date"),
            }),
            return_invitation: None,
        }
    }

    #[test]
    fn an_older_copy_never_replaces_a_newer_one() {
        let (monday, friday) = (read_on(Some(7)), read_on(Some(11)));
        assert!(!replaces(Some(&friday), &monday));
        assert!(replaces(Some(&monday), &friday));
        assert!(replaces(Some(&friday), &friday));
    }

    #[test]
    fn a_first_copy_or_one_without_a_duo_is_kept() {
        assert!(replaces(None, &read_on(Some(7))));
        assert!(replaces(Some(&read_on(Some(11))), &read_on(None)));
        assert!(replaces(Some(&read_on(None)), &read_on(Some(7))));
    }

    fn today_of(my: &MyDuo) -> Option<NaiveDate> {
        my.duo.as_ref().map(|duo| duo.today)
    }

    #[test]
    fn an_offline_copy_is_dated_by_the_phone_when_the_phone_is_later() {
        let thursday = NaiveDate::from_ymd_opt(2026, 12, 10);
        assert_eq!(today_of(&dated(read_on(Some(7)), thursday)), thursday);
    }

    #[test]
    fn a_phone_behind_the_copy_or_without_a_date_leaves_the_copy_day() {
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7);
        let sunday = NaiveDate::from_ymd_opt(2026, 12, 6);
        assert_eq!(today_of(&dated(read_on(Some(7)), sunday)), monday);
        assert_eq!(today_of(&dated(read_on(Some(7)), None)), monday);
        assert_eq!(today_of(&dated(read_on(None), monday)), None);
    }
}
