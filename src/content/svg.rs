//! Illustrations inlined into a page: the ids an SVG defines (a figure's
//! masks and clips, a hotspot's regions) are global in the HTML document,
//! so a page that shows several pictures — or the same one twice, as the
//! printed handout does — gives each copy its own.

/// `svg` with every id it defines, and every reference to one
/// (`url(#…)`, `href="#…"`), prefixed with `scope` and a hyphen. Ids the
/// picture does not define are left alone.
pub fn scoped_ids(svg: &str, scope: &str) -> String {
    let mut out = svg.to_owned();
    let mut defined = ids(svg);
    defined.sort_unstable();
    defined.dedup();
    // Each pattern ends with the character after the id, so one id that
    // begins another is never rewritten inside it.
    for id in defined {
        for (old, new) in [
            (format!(" id=\"{id}\""), format!(" id=\"{scope}-{id}\"")),
            (format!("url(#{id})"), format!("url(#{scope}-{id})")),
            (format!("href=\"#{id}\""), format!("href=\"#{scope}-{id}\"")),
        ] {
            out = out.replace(&old, &new);
        }
    }
    out
}

/// The ids an SVG (or a page's worth of them) defines, in order.
pub fn ids(svg: &str) -> Vec<&str> {
    svg.match_indices(" id=\"")
        .filter_map(|(at, m)| {
            let from = at + m.len();
            svg[from..].find('"').map(|len| &svg[from..from + len])
        })
        .collect()
}
