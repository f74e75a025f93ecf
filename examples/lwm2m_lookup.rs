//! An LwM2M object of the registry the OMA site compiles, looked up by ID with no XML at run
//! time: object 3 (Device) and its resources, as a service speaking LwM2M would describe them.
//!
//! ```sh
//! cargo run -p site_tests --example lwm2m_lookup [OBJECT_ID]
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let id = match std::env::args().nth(1).map(|arg| arg.parse::<u32>()) {
        None => 3,
        Some(Ok(id)) => id,
        Some(Err(error)) => {
            eprintln!("error: an object ID is a number: {error}");
            return ExitCode::from(2);
        }
    };
    let Some(object) = site::SITE.lwm2m_object(id) else {
        eprintln!("error: the registry has no object {id}");
        return ExitCode::FAILURE;
    };
    println!(
        "/{} {} {} (owner {}, {}, page {})",
        object.id, object.name, object.version, object.owner, object.urn, object.url
    );
    if !object.defined {
        println!("its definition is not in the registry's data");
    }
    println!(
        "{:>4}  {:<32} {:<3} {:<9} {:<8} {:<17} {:<12} units",
        "id", "name", "op", "instances", "required", "type", "range"
    );
    for resource in object.resources {
        println!(
            "{:>4}  {:<32} {:<3} {:<9} {:<8} {:<17} {:<12} {}",
            resource.id,
            resource.name,
            resource.operations,
            if resource.multiple {
                "multiple"
            } else {
                "single"
            },
            if resource.mandatory { "yes" } else { "no" },
            resource.kind,
            resource.range,
            resource.units
        );
    }
    ExitCode::SUCCESS
}
