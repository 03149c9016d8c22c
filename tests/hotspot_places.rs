//! The places of a hotspot picture are big enough to tap: each region is a
//! group (`<g id=…>`) holding an invisible hit area of at least 44 CSS px
//! on a 390 px phone, and no two hit areas overlap (a tap chooses one
//! place). The e2e quiz spec measures the same in the browser.

use firstaid::content::{Curriculum, QuestionType};

/// The picture's width on a 390 px phone: 390 less main's padding (2×16),
/// the fieldset's padding (2×16) and its borders (2×1).
const PICTURE_PX: f64 = 324.0;

/// The smallest tap target, in CSS px.
const TAP_PX: f64 = 44.0;

/// The value of attribute `name` in the start tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    tag[from..].find('"').map(|len| &tag[from..from + len])
}

fn num(tag: &str, name: &str) -> f64 {
    attr(tag, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} in {tag}"))
}

/// The hit rectangle (x, y, width, height) of region `id` in `svg`.
fn hit_area(svg: &str, id: &str) -> Option<[f64; 4]> {
    let at = svg.find(&format!("<g id=\"{id}\""))?;
    let group = &svg[at..at + svg[at..].find("</g>")?];
    let tag_at = group.find("<rect class=\"hit\"")?;
    let tag = &group[tag_at..tag_at + group[tag_at..].find('>')?];
    Some([
        num(tag, "x"),
        num(tag, "y"),
        num(tag, "width"),
        num(tag, "height"),
    ])
}

#[test]
fn every_hotspot_place_has_a_hit_area_of_44_px_on_a_phone_and_none_overlap() {
    let c = Curriculum::embedded().unwrap_or_else(|p| panic!("{}", p.join("\n")));
    let mut checked = 0;
    for q in c
        .questions
        .iter()
        .filter(|q| q.kind == QuestionType::Hotspot)
    {
        let name = q.image.as_deref().expect("a hotspot has a picture");
        let svg = &c.illustrations[name];
        let view_box: Vec<f64> = attr(svg, "viewBox")
            .expect("a viewBox")
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        let px_per_unit = PICTURE_PX / view_box[2];
        let mut areas: Vec<(String, [f64; 4])> = Vec::new();
        for r in &q.regions {
            let [x, y, w, h] = hit_area(svg, &r.id).unwrap_or_else(|| {
                panic!("{}: place {} has no hit area in {name}.svg", q.id, r.id)
            });
            assert!(
                w * px_per_unit >= TAP_PX && h * px_per_unit >= TAP_PX,
                "{}: place {} is {:.0}×{:.0} px on a 390 px phone",
                q.id,
                r.id,
                w * px_per_unit,
                h * px_per_unit
            );
            for (other, [ox, oy, ow, oh]) in &areas {
                let apart = x + w <= *ox || *ox + ow <= x || y + h <= *oy || *oy + oh <= y;
                assert!(
                    apart,
                    "{}: the hit areas of {} and {other} overlap",
                    q.id, r.id
                );
            }
            areas.push((r.id.clone(), [x, y, w, h]));
            checked += 1;
        }
    }
    assert!(checked >= 12, "only {checked} places checked");
}
