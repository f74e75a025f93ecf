//! What changed between two versions of an object: resources added, removed, or changed in
//! type or operations.

use super::definition::{Definition, Resource};

/// One resource's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// New in the later version.
    Added {
        /// Its ID.
        id: u32,
        /// Its name.
        name: String,
    },
    /// Gone from the later version.
    Removed {
        /// Its ID.
        id: u32,
        /// Its name in the earlier version.
        name: String,
    },
    /// In both, with another type or other operations.
    Changed {
        /// Its ID.
        id: u32,
        /// Its name in the later version.
        name: String,
        /// The type before and after, when it changed.
        kind: Option<(String, String)>,
        /// The operations before and after, when they changed.
        operations: Option<(String, String)>,
    },
}

/// The changes from one version to the next, by resource ID.
pub type Changes = Vec<Change>;

/// What changed from `earlier` to `later`.
pub fn changes(earlier: &Definition, later: &Definition) -> Changes {
    let numbered = |definition: &Definition| -> Vec<(u32, Resource)> {
        let mut list: Vec<(u32, Resource)> = definition
            .resources
            .iter()
            .filter_map(|resource| Some((resource.id()?, resource.clone())))
            .collect();
        list.sort_by_key(|(id, _)| *id);
        list.dedup_by_key(|(id, _)| *id);
        list
    };
    let before = numbered(earlier);
    let after = numbered(later);
    let mut found = Vec::new();
    for (id, resource) in &after {
        match before.iter().find(|(old, _)| old == id) {
            None => found.push(Change::Added {
                id: *id,
                name: resource.name.text.clone(),
            }),
            Some((_, old)) => {
                let differs = |a: &str, b: &str| (a != b).then(|| (a.to_string(), b.to_string()));
                let kind = differs(&old.kind.text, &resource.kind.text);
                let operations = differs(&old.operations.text, &resource.operations.text);
                if kind.is_some() || operations.is_some() {
                    found.push(Change::Changed {
                        id: *id,
                        name: resource.name.text.clone(),
                        kind,
                        operations,
                    });
                }
            }
        }
    }
    for (id, resource) in &before {
        if !after.iter().any(|(new, _)| new == id) {
            found.push(Change::Removed {
                id: *id,
                name: resource.name.text.clone(),
            });
        }
    }
    found.sort_by_key(|change| match change {
        Change::Added { id, .. } | Change::Removed { id, .. } | Change::Changed { id, .. } => *id,
    });
    found
}
