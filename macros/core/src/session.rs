//! Builds of one content folder, each doing again only what changed since the one before:
//! what `site dev` runs on every save. A page is parsed and rendered again when its text
//! changed, or what its rendering read of the site (other pages' front matter, data files,
//! the icon file); its links are checked again when it rendered again or when the pages and
//! ids links may reach changed; its document is made again when it rendered again or when
//! what every document holds changed (the navigation, the announcement, the news feed's
//! link, the stylesheet's URL); the stylesheet is made again when the documents' class values
//! changed. Each build gives what [`build`](crate::build()) gives for the folder as it is.

use std::path::Path;

use crate::build::{Kept, run};
use crate::{Build, Error, Options};

/// Successive builds of one content folder with one set of options.
#[derive(Debug)]
pub struct Session {
    options: Options,
    kept: Kept,
}

impl Session {
    /// A session building with `options`, nothing built yet.
    pub fn new(options: Options) -> Session {
        Session {
            options,
            kept: Kept::for_session(),
        }
    }

    /// Builds the content folder at `root`, taking over what is current of the last build.
    /// `Err` only when a file cannot be read, as for [`build`](crate::build()).
    pub fn build(&mut self, root: &Path) -> Result<&Build, Error> {
        let build = run(root, &self.options, &mut self.kept)?;
        Ok(self.kept.build.insert(build))
    }

    /// The pages the last build parsed and rendered, by path in the content folder, sorted.
    pub fn rendered(&self) -> &[String] {
        &self.kept.rendered
    }

    /// Whether the last build read the LwM2M registry ([`crate::registry`]): the first with
    /// its data, then only when a file under it changed.
    pub fn read_registry(&self) -> bool {
        self.kept.registry_read
    }
}
