//! Dragging a card onto a card of the other column, with pointer events: the same code for a
//! mouse, a pen and a finger. A finger drags from the card's grip, so the columns still scroll
//! under it; a mouse drags from anywhere on the card.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;

use super::{BoardState, Picked, Side};
use crate::features::matching::types::PairIds;

/// How far, in CSS pixels, the pointer moves before a press becomes a drag (and not a click).
const THRESHOLD: i32 = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Drag {
    pub(super) from: Picked,
    start: (i32, i32),
    /// Where the pointer is, in viewport coordinates.
    pub(super) at: (i32, i32),
    pub(super) moved: bool,
    /// The card of the other column under the pointer.
    pub(super) over: Option<(Side, i32)>,
}

impl Drag {
    pub(super) fn pair(&self) -> Option<PairIds> {
        let (side, id) = self.over?;
        self.from.pair_with(side, id)
    }
}

/// A press on a card: it becomes a drag once the pointer has moved a little.
pub(super) fn start(state: BoardState, from: Picked, ev: &PointerEvent) {
    if !ev.is_primary() || ev.button() != 0 {
        return;
    }
    if ev.pointer_type() == "touch" && !on_grip(ev) {
        return;
    }
    let at = (ev.client_x(), ev.client_y());
    state.drag.set(Some(Drag {
        from,
        start: at,
        at,
        moved: false,
        over: None,
    }));
}

fn on_grip(ev: &PointerEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.class_list().contains("grip"))
}

/// Follows the pointer over the whole window while a card is dragged; a release over a card of
/// the other column asks to confirm that pair.
pub(super) fn listen(state: BoardState) {
    let moving = window_event_listener(ev::pointermove, move |ev| {
        let Some(mut drag) = state.drag.get_untracked() else {
            return;
        };
        let at = (ev.client_x(), ev.client_y());
        let distance = (at.0 - drag.start.0).abs().max((at.1 - drag.start.1).abs());
        if !drag.moved && distance < THRESHOLD {
            return;
        }
        ev.prevent_default();
        drag.moved = true;
        drag.at = at;
        drag.over = card_at(at).filter(|(side, _)| *side == drag.from.side.other());
        state.drag.set(Some(drag));
    });
    let released = window_event_listener(ev::pointerup, move |_| {
        let Some(drag) = state.drag.get_untracked() else {
            return;
        };
        state.drag.set(None);
        if let Some(pair) = drag.pair().filter(|_| drag.moved) {
            state.confirm.set(Some(pair));
        }
    });
    let cancelled = window_event_listener(ev::pointercancel, move |_| state.drag.set(None));
    on_cleanup(move || {
        moving.remove();
        released.remove();
        cancelled.remove();
    });
}

/// The board card under a point of the viewport, as its column and person id.
fn card_at((x, y): (i32, i32)) -> Option<(Side, i32)> {
    let document = web_sys::window()?.document()?;
    let element = document.element_from_point(x as f32, y as f32)?;
    let card = element.closest("[data-drop]").ok()??;
    let side = Side::parse(&card.get_attribute("data-drop")?)?;
    let id = card.get_attribute("data-id")?.parse().ok()?;
    Some((side, id))
}
