//! The LwM2M object registry as typed data: what a site compiled from a content folder with
//! the registry's data (`data/lwm2m-registry/`) knows of each object and resource, for a
//! service that describes a resource by its ID with no XML at run time.
//!
//! ```no_run
//! let device = site::SITE.lwm2m_object(3).expect("object 3");
//! for resource in device.resources {
//!     println!("/3/0/{} {} ({})", resource.id, resource.name, resource.kind);
//! }
//! ```

/// An object of the registry: its latest version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    /// Its ID (`3`).
    pub id: u32,
    /// Its name (`Device`).
    pub name: &'static str,
    /// Who registered it.
    pub owner: &'static str,
    /// Its latest version (`1.2`).
    pub version: &'static str,
    /// Its URN (`urn:oma:lwm2m:oma:3:1.2`).
    pub urn: &'static str,
    /// The LwM2M version it was defined for; empty when its file gives none.
    pub lwm2m_version: &'static str,
    /// Whether a client may have several instances of it.
    pub multiple: bool,
    /// Whether a client must implement it.
    pub mandatory: bool,
    /// Its description, line breaks kept; empty when its definition is not in the data.
    pub description: &'static str,
    /// The URL of its page on the site (base path included).
    pub url: &'static str,
    /// Whether the data holds its definition: a few registered objects carry no licence, and
    /// only their registry entry is known.
    pub defined: bool,
    /// Its resources, in the order of its definition.
    pub resources: &'static [Resource],
}

/// A resource of an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// Its ID (`13`).
    pub id: u32,
    /// Its name (`Current Time`).
    pub name: &'static str,
    /// `R`, `W`, `RW`, `E`, or empty.
    pub operations: &'static str,
    /// Whether it has several instances.
    pub multiple: bool,
    /// Whether every instance of the object has it.
    pub mandatory: bool,
    /// Its data type (`String`, `Integer`, `Time`…); empty for an executable resource.
    pub kind: &'static str,
    /// Its range or enumeration as the definition writes it (`0..100`), or empty.
    pub range: &'static str,
    /// Its units (`%`), or empty.
    pub units: &'static str,
    /// Its description, line breaks kept.
    pub description: &'static str,
}

impl Object {
    /// The resource with ID `id`.
    pub fn resource(&self, id: u32) -> Option<&'static Resource> {
        self.resources.iter().find(|resource| resource.id == id)
    }
}
