//! The page table of the OMA site, in navigation order: route, title, bytes, compressed bytes.
//!
//! ```sh
//! cargo run -p site_tests --example list_pages
//! ```

fn main() {
    let site = &site::SITE;
    println!(
        "{:<52} {:<36} {:>8} {:>8} {:>8}",
        "route", "title", "bytes", "br", "gzip"
    );
    let (mut total, mut total_br, mut total_gzip) = (0, 0, 0);
    for page in site.pages() {
        let size = page.html.len();
        // A body that compression would not shrink has no variant: it is sent as it is.
        let compressed = |variant: site::Encoded| {
            if variant.is_some() {
                variant.bytes.len()
            } else {
                size
            }
        };
        let (br, gzip) = (compressed(page.br), compressed(page.gzip));
        println!(
            "{:<52} {:<36} {size:>8} {br:>8} {gzip:>8}",
            page.route,
            truncate(page.title, 36)
        );
        total += size;
        total_br += br;
        total_gzip += gzip;
    }
    println!(
        "{:<52} {:<36} {total:>8} {total_br:>8} {total_gzip:>8}",
        format!("{} pages", site.pages.len()),
        ""
    );
}

/// `text` cut to `width` characters, with `…` when cut.
fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width - 1).collect();
    cut.push('…');
    cut
}
