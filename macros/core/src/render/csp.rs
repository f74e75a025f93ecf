//! The Content-Security-Policy of each page: the strict one, widened on the pages that embed
//! third-party content (a YouTube video, a social post, a HubSpot form) by exactly the hosts
//! those embeds load from.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The policy of every page without third-party content: nothing but the site's own images,
/// styles and scripts, no other origin contacted, no framing. `'unsafe-inline'` styles are
/// needed by the `style="…"` attributes the components write.
pub const STRICT_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
     style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; \
     form-action 'self'; frame-ancestors 'none'";

/// What an embed loads from another origin, named by the CSP directive that allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Directive {
    /// `script-src`: scripts.
    Script,
    /// `frame-src`: iframes.
    Frame,
    /// `connect-src`: requests made by scripts.
    Connect,
    /// `img-src`: images.
    Img,
    /// `media-src`: audio and video.
    Media,
    /// `form-action`: where forms submit.
    FormAction,
}

impl Directive {
    fn name(self) -> &'static str {
        match self {
            Directive::Script => "script-src",
            Directive::Frame => "frame-src",
            Directive::Connect => "connect-src",
            Directive::Img => "img-src",
            Directive::Media => "media-src",
            Directive::FormAction => "form-action",
        }
    }
}

/// One third-party source a page needs: a directive and an origin (`https://www.youtube.com`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ThirdParty {
    /// What is loaded.
    pub directive: Directive,
    /// From where: a scheme and host, as CSP writes a source.
    pub origin: String,
}

impl ThirdParty {
    /// `directive` from `origin`.
    pub fn new(directive: Directive, origin: impl Into<String>) -> ThirdParty {
        ThirdParty {
            directive,
            origin: origin.into(),
        }
    }
}

/// What untrusted content ([`super::untrusted`]) may embed: YouTube's players and Facebook's
/// and LinkedIn's posts, each a frame. Nothing else: no third-party script (HubSpot's forms), no
/// images, videos or requests to other hosts.
pub const UNTRUSTED_EMBEDS: &[(Directive, &str)] = &[
    (Directive::Frame, "https://www.youtube.com"),
    (Directive::Frame, "https://www.youtube-nocookie.com"),
    (Directive::Frame, "https://www.facebook.com"),
    (Directive::Frame, "https://www.linkedin.com"),
];

/// Whether untrusted content may embed what `need` names ([`UNTRUSTED_EMBEDS`]).
pub fn untrusted_may_embed(need: &ThirdParty) -> bool {
    UNTRUSTED_EMBEDS
        .iter()
        .any(|&(directive, origin)| need.directive == directive && need.origin == origin)
}

/// The hosts of a YouTube embed (the player is a frame; what it loads is its own business).
pub fn youtube() -> Vec<ThirdParty> {
    vec![ThirdParty::new(Directive::Frame, "https://www.youtube.com")]
}

/// The HubSpot form embed script (`js.hsforms.net/forms/embed/v2.js`) and the hosts the form
/// it draws reads from and submits to.
pub const HUBSPOT_SCRIPT: &str = "https://js.hsforms.net/forms/embed/v2.js";

/// The hosts a HubSpot form embed needs.
pub fn hubspot() -> Vec<ThirdParty> {
    let forms = ["https://forms.hsforms.com", "https://forms-na1.hsforms.com"];
    let mut needs = vec![
        ThirdParty::new(Directive::Script, "https://js.hsforms.net"),
        ThirdParty::new(Directive::Connect, "https://api.hsforms.com"),
        ThirdParty::new(Directive::Img, "https://track.hubspot.com"),
    ];
    for host in forms {
        for directive in [
            Directive::Connect,
            Directive::Frame,
            Directive::Img,
            Directive::FormAction,
        ] {
            needs.push(ThirdParty::new(directive, host));
        }
    }
    needs
}

/// The origin (`https://host[:port]`) of an absolute `http(s)` URL, if its host is plain
/// enough to be written into a policy.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    // No user info, nothing a policy could read as another source or directive.
    let plain = !authority.is_empty()
        && authority
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    plain.then(|| format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

/// Whether `url` is absolute `http` or `https`, whatever its host.
pub fn is_remote(url: &str) -> bool {
    url.trim().split_once("://").is_some_and(|(scheme, _)| {
        scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
    })
}

/// The policy of a page that needs `third_party` ([`STRICT_POLICY`] when it needs nothing).
pub fn content_security_policy(third_party: &BTreeSet<ThirdParty>) -> String {
    policy(third_party, " data:", "'self' 'unsafe-inline'")
}

/// The policy of a page of untrusted content ([`super::untrusted`]): no `data:` images (no
/// URL of that scheme is left in it), styles from the stylesheet only, and inline `style`
/// attributes (`style-src-attr`) only when `style_attributes`, for the components that write
/// them (a card's background image, a table cell's alignment, the chrome's text size).
pub fn untrusted_policy(third_party: &BTreeSet<ThirdParty>, style_attributes: bool) -> String {
    let style = match style_attributes {
        true => "'self'; style-src-attr 'unsafe-inline'",
        false => "'self'",
    };
    policy(third_party, "", style)
}

/// The policy allowing `third_party`, images from the site and `images`, styles from `styles`.
fn policy(third_party: &BTreeSet<ThirdParty>, images: &str, styles: &str) -> String {
    let sources = |directive: Directive| -> String {
        third_party
            .iter()
            .filter(|need| need.directive == directive)
            .map(|need| format!(" {}", need.origin))
            .collect()
    };
    let mut policy = format!(
        "default-src 'self'; img-src 'self'{images}{}; style-src {styles}; script-src 'self'{}",
        sources(Directive::Img),
        sources(Directive::Script)
    );
    for directive in [Directive::Frame, Directive::Connect, Directive::Media] {
        let extra = sources(directive);
        if !extra.is_empty() {
            policy.push_str(&format!("; {} 'self'{extra}", directive.name()));
        }
    }
    policy.push_str(&format!(
        "; object-src 'none'; base-uri 'self'; form-action 'self'{}; frame-ancestors 'none'",
        sources(Directive::FormAction)
    ));
    policy
}

/// The directives a policy in a `<meta http-equiv>` cannot carry (CSP Level 3, "The meta
/// element"): browsers ignore them there, with a console warning.
const HEADER_ONLY_DIRECTIVES: [&str; 3] = ["frame-ancestors", "report-uri", "sandbox"];

/// `policy` as a document's `<meta http-equiv="Content-Security-Policy">` carries it: every
/// directive but those only a header can carry (`frame-ancestors`), which the server still
/// sends. A page served with no header at all is then held to the rest of its policy.
pub fn meta_policy(policy: &str) -> String {
    policy
        .split(';')
        .map(str::trim)
        .filter(|directive| {
            let name = directive
                .split_ascii_whitespace()
                .next()
                .unwrap_or_default();
            !name.is_empty()
                && !HEADER_ONLY_DIRECTIVES
                    .iter()
                    .any(|header_only| name.eq_ignore_ascii_case(header_only))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_third_party_gives_the_strict_policy() {
        assert_eq!(content_security_policy(&BTreeSet::new()), STRICT_POLICY);
    }

    #[test]
    fn embeds_widen_exactly_their_directives() {
        let needs: BTreeSet<ThirdParty> = youtube().into_iter().collect();
        assert_eq!(
            content_security_policy(&needs),
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             script-src 'self'; frame-src 'self' https://www.youtube.com; object-src 'none'; \
             base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        );
        let needs: BTreeSet<ThirdParty> = hubspot().into_iter().collect();
        let policy = content_security_policy(&needs);
        assert!(
            policy.contains("script-src 'self' https://js.hsforms.net;"),
            "{policy}"
        );
        assert!(
            policy.contains(
                "form-action 'self' https://forms-na1.hsforms.com https://forms.hsforms.com;"
            ),
            "{policy}"
        );
        assert!(policy.ends_with("frame-ancestors 'none'"), "{policy}");
    }

    #[test]
    fn the_meta_policy_is_the_header_policy_without_frame_ancestors() {
        let strict = meta_policy(STRICT_POLICY);
        assert_eq!(
            strict,
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
        );
        let needs: BTreeSet<ThirdParty> = hubspot().into_iter().chain(youtube()).collect();
        let header = content_security_policy(&needs);
        let meta = meta_policy(&header);
        assert!(!meta.contains("frame-ancestors"), "{meta}");
        assert_eq!(format!("{meta}; frame-ancestors 'none'"), header);
        assert_eq!(
            meta_policy("sandbox; Frame-Ancestors 'self'; report-uri /r;script-src 'self';"),
            "script-src 'self'"
        );
    }

    #[test]
    fn untrusted_pages_get_no_inline_styles_unless_their_markup_has_style_attributes() {
        let needs: BTreeSet<ThirdParty> = youtube().into_iter().collect();
        assert_eq!(
            untrusted_policy(&needs, false),
            "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; \
             frame-src 'self' https://www.youtube.com; object-src 'none'; base-uri 'self'; \
             form-action 'self'; frame-ancestors 'none'"
        );
        let policy = untrusted_policy(&BTreeSet::new(), true);
        assert!(
            policy.contains("; style-src 'self'; style-src-attr 'unsafe-inline'; "),
            "{policy}"
        );
        assert!(hubspot().iter().all(|need| !untrusted_may_embed(need)));
        assert!(youtube().iter().all(untrusted_may_embed));
    }

    #[test]
    fn origins_are_plain_hosts() {
        assert_eq!(
            origin_of("https://www.facebook.com/plugins/post.php?href=x").as_deref(),
            Some("https://www.facebook.com")
        );
        assert_eq!(
            origin_of("HTTPS://Cdn.Example.com:8443/v.mp4").as_deref(),
            Some("https://cdn.example.com:8443")
        );
        assert_eq!(origin_of("/videos/a.mp4"), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("https://a.com;script-src *"), None);
        assert_eq!(origin_of("https://user@a.com/"), None);
    }
}
