//! Table rows keyed by id that a re-order moves as little as possible.
//!
//! Leptos' `For` moves every row between an item's old and new place (a jump from tenth to first
//! moves ten rows), and Chromium lays out again every row it moves. Here only the rows outside the
//! longest run that kept its order move ([`kept_in_place`]): on a re-ranked scoreboard, usually the
//! one row whose place changed.

use crate::model::reorder::kept_in_place;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::{OwnedView, OwnedViewState};
use leptos::tachys::view::{Mountable, Render};
use std::collections::HashMap;
use uuid::Uuid;

/// Fills `tbody` (which must have no other children) with one `row(id)` per id of `keys`, in that
/// order, and keeps it in step: new ids get a row, gone ids lose theirs (its reactive owner is
/// disposed), and a re-order moves the fewest rows. Each row is built once per id, with its own
/// reactive owner, like `For`'s.
pub(crate) fn keyed_rows<V>(
    tbody: NodeRef<leptos::html::Tbody>,
    keys: Memo<Vec<Uuid>>,
    row: impl Fn(Uuid) -> V + 'static,
) where
    V: Render + 'static,
    V::State: 'static,
{
    let Some(parent) = Owner::current() else {
        return;
    };
    let rows = StoredValue::new_local(Vec::<(Uuid, OwnedViewState<V::State>)>::new());
    Effect::new(move |_| {
        let keys = keys.get();
        let Some(tbody) = tbody.get() else {
            return;
        };
        let tbody: &web_sys::Element = &tbody;
        rows.update_value(|rows| {
            let old: Vec<Uuid> = rows.iter().map(|(id, _)| *id).collect();
            let mut built: HashMap<Uuid, OwnedViewState<V::State>> = rows.drain(..).collect();
            built.retain(|id, state| {
                let stays = keys.contains(id);
                if !stays {
                    state.unmount();
                }
                stays
            });
            let kept = kept_in_place(&old, &keys);
            let mut next: Vec<(Uuid, OwnedViewState<V::State>)> = keys
                .iter()
                .map(|&id| {
                    let state = built.remove(&id).unwrap_or_else(|| {
                        let owner = parent.child();
                        // Built untracked: what a row reads belongs to its own effects, not to
                        // this one.
                        let view = owner.with(|| untrack(|| row(id)));
                        untrack(|| OwnedView::new_with_owner(view, owner).build())
                    });
                    (id, state)
                })
                .collect();
            // From the end: each row that moves (or is new) goes before its successor, which is
            // already in its final place.
            for i in (0..next.len()).rev() {
                if kept.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let (head, tail) = next.split_at_mut(i + 1);
                let Some((_, state)) = head.last_mut() else {
                    continue;
                };
                match tail.first() {
                    Some((_, successor)) => {
                        successor.insert_before_this_or_marker(tbody, state, None);
                    }
                    None => state.mount(tbody, None),
                }
            }
            *rows = next;
        });
    });
}
