//! Who may hold a connection: at most [`Limits::max_connections`] at once on a listener, and
//! at most [`Limits::max_connections_per_address`] from one IP address over all listeners, so
//! that one client cannot take every slot. Near the global limit the listener is *crowded*,
//! and idle connections make room (as nginx closes idle keep-alive connections when it runs
//! out of them).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use super::Limits;

/// The connections open from each address, shared by every listener of a server.
#[derive(Debug, Default)]
pub(super) struct Addresses {
    open: Mutex<HashMap<IpAddr, usize>>,
}

impl Addresses {
    /// One more connection from `address`, unless it already has `cap`.
    fn admit(self: &Arc<Self>, address: IpAddr, cap: usize) -> Option<AddressSlot> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let count = open.entry(address).or_default();
        if *count >= cap {
            return None;
        }
        *count += 1;
        Some(AddressSlot {
            addresses: Arc::clone(self),
            address,
        })
    }
}

/// A connection counted against its address until dropped.
struct AddressSlot {
    addresses: Arc<Addresses>,
    address: IpAddr,
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut open = self
            .addresses
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

/// A listener's connection slots.
pub(super) struct Gate {
    slots: Arc<Slots>,
    addresses: Arc<Addresses>,
    per_address: usize,
}

struct Slots {
    free: Arc<Semaphore>,
    capacity: usize,
    /// `true` while fewer than an eighth of the slots are free.
    crowded: watch::Sender<bool>,
}

impl Slots {
    fn update_crowding(&self) {
        let crowded = self.free.available_permits() < self.capacity / 8;
        self.crowded
            .send_if_modified(|was| std::mem::replace(was, crowded) != crowded);
    }
}

/// A free slot, not yet given to a connection.
pub(super) struct Slot {
    permit: OwnedSemaphorePermit,
}

/// A connection's right to be served; its slots come back when it is dropped.
pub(super) struct Ticket {
    permit: Option<OwnedSemaphorePermit>,
    slots: Arc<Slots>,
    _address: AddressSlot,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        drop(self.permit.take());
        self.slots.update_crowding();
    }
}

impl Gate {
    pub(super) fn new(limits: &Limits, addresses: Arc<Addresses>) -> Gate {
        let capacity = limits
            .max_connections
            .clamp(1, Semaphore::MAX_PERMITS.min(u32::MAX as usize));
        Gate {
            slots: Arc::new(Slots {
                free: Arc::new(Semaphore::new(capacity)),
                capacity,
                crowded: watch::Sender::new(false),
            }),
            addresses,
            per_address: limits.max_connections_per_address.get(),
        }
    }

    /// Waits for a free slot; `None` once the gate is closed.
    pub(super) async fn slot(&self) -> Option<Slot> {
        let permit = Arc::clone(&self.slots.free).acquire_owned().await.ok()?;
        Some(Slot { permit })
    }

    /// Gives `slot` to a connection from `address`; `None` (and the slot back) when that
    /// address already holds its share.
    pub(super) fn admit(&self, slot: Slot, address: IpAddr) -> Option<Ticket> {
        let address = self.addresses.admit(address, self.per_address)?;
        let ticket = Ticket {
            permit: Some(slot.permit),
            slots: Arc::clone(&self.slots),
            _address: address,
        };
        self.slots.update_crowding();
        Some(ticket)
    }

    /// Follows whether the listener is crowded.
    pub(super) fn crowding(&self) -> watch::Receiver<bool> {
        self.slots.crowded.subscribe()
    }

    /// Waits until every connection has given its slot back, or `grace` has passed (`false`).
    pub(super) async fn drained(&self, grace: Duration) -> bool {
        let all = u32::try_from(self.slots.capacity).unwrap_or(u32::MAX);
        tokio::select! {
            _ = self.slots.free.acquire_many(all) => true,
            () = tokio::time::sleep(grace) => false,
        }
    }
}
