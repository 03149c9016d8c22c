//! The home page, the list of lessons and each lesson as the app itself
//! draws them, for the first paint.
//!
//! `cargo xtask dist` runs the freshly assembled app in headless Chromium
//! (`xtask/npm/prerender.mjs`, Playwright) once per page of [`paths`] and
//! variant a first visit can start with — English with each guideline
//! profile, Chinese with the Red Cross Society of China's — and keeps each
//! page's `#app` content. The page's HTML carries them, hidden (index.html
//! for `/`, `learn.html` for `/learn`, `learn/<id>.html` for a lesson); its
//! inline script (`public/first-paint.js`) shows the visitor's before the
//! first paint and removes the rest, so the largest paint happens before
//! any wasm runs, and the app then draws the same page in its place. Nothing
//! is copied by hand: a change to a component or a lesson changes the next
//! build's first paint.
//!
//! What depends on where the phone is stays right: the call buttons are
//! marked (`data-static-call`, and `data-drawn-number` naming the number
//! in their text) for the inline script to set the visitor's number, and text that names the place (`data-place` in
//! the app) is left blank, its box kept, until the app draws it.

use std::collections::BTreeMap;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::sh;

/// One first visit: its key (`lang/profile`, as first-paint.js names it),
/// the browser's language tag (which picks the language and the profile)
/// and a time zone whose region is that tag's (so the page drawn is the one
/// the most common visitor of that kind sees).
pub struct Variant {
    pub key: &'static str,
    pub locale: &'static str,
    pub zone: &'static str,
}

/// The languages and profiles a first visit starts with
/// (`Settings::first_visit`): a Chinese first tag always starts with the
/// RCSC profile. (A visitor whose first tag is neither Chinese nor
/// English, with Chinese after it, in Europe or North America, starts in
/// Chinese with ERC or AHA: rare enough to get the loading shell, not a
/// page of its own.)
pub const VARIANTS: [Variant; 4] = [
    Variant {
        key: "zh-CN/rcsc",
        locale: "zh-CN",
        zone: "Asia/Shanghai",
    },
    Variant {
        key: "en/aha",
        locale: "en-US",
        zone: "America/New_York",
    },
    Variant {
        key: "en/erc",
        locale: "en-GB",
        zone: "Europe/London",
    },
    Variant {
        key: "en/rcsc",
        locale: "en",
        zone: "Asia/Singapore",
    },
];

/// A page as the app drew it: `#app`'s content and the document's title
/// (the lesson's name, "Practice"…), which the copy carries so the tab,
/// the history and a screen reader name the page before the app runs.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Drawn {
    pub html: String,
    pub title: String,
}

/// The drawn pages: `path → variant key → page`.
pub type Pages = BTreeMap<String, BTreeMap<String, Drawn>>;

/// The pages a first visit is drawn for: the home page, the list of
/// lessons, each lesson (its first step: where a first visit starts), the
/// quiz and the about page. (Not the trainer, whose page depends on the phone's sensors,
/// nor the settings, which show the place: a first visit's page must not
/// depend on more than the language tags.)
pub fn paths() -> Vec<String> {
    let curriculum = firstaid::content::Curriculum::embedded()
        .expect("the embedded curriculum parses (the native tests check it)");
    ["/", "/learn", "/quiz", "/about"]
        .into_iter()
        .map(str::to_owned)
        .chain(
            curriculum
                .lessons
                .iter()
                .map(|l| format!("/learn/{}", l.id)),
        )
        .collect()
}

/// The file of the page at `path`, as static hosts serve it for that path
/// (`/` → `index.html`, `/learn/x` → `learn/x.html`).
pub fn file_for(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".to_owned(),
        p => format!("{p}.html"),
    }
}

/// The files of the page at `path` among all the pages drawn: its
/// [`file_for`], and `<path>/index.html` as well when other pages are
/// under it (`/learn` beside `/learn/<id>`: a host that looks for a folder
/// first, as nginx's `try_files $uri $uri/` or Apache do, finds the page
/// in it instead of a folder without an index).
pub fn files_for<'a>(path: &str, all: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut files = vec![file_for(path)];
    let folder = format!("{}/", path.trim_end_matches('/'));
    if path != "/" && all.into_iter().any(|p| p.starts_with(&folder)) {
        files.push(format!("{}index.html", folder.trim_start_matches('/')));
    }
    files
}

/// Serves `dir` and draws every page of [`paths`] in every [`VARIANTS`] in
/// headless Chromium.
pub fn capture(dir: &Path) -> Result<Pages> {
    let start = Instant::now();
    let port = free_port()?;
    let mut server = Command::new(std::env::current_exe()?)
        .args(["serve", "--no-build", "--port", &port.to_string(), "--dir"])
        .arg(dir)
        .stdout(Stdio::null())
        .spawn()
        .context("cannot start the server for the prerender")?;
    let paths = paths();
    let result = wait_for(port).and_then(|()| draw(port, &paths));
    let _ = server.kill();
    let _ = server.wait();
    let pages = result?;
    println!(
        "xtask: prerendered {} pages ({} variants each, {:.1} s)",
        pages.len(),
        VARIANTS.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(pages)
}

/// The hidden copies of the page at `path`, one per variant (empty without
/// any), each naming the path it was drawn for: index.html is also served
/// for pages without a file of their own, which must not show the home page.
pub fn copies(path: &str, pages: &BTreeMap<String, Drawn>) -> String {
    pages
        .iter()
        .map(|(key, Drawn { html, title })| {
            let lang = key.split('/').next().unwrap_or("en");
            let title = attribute(title);
            format!(
                "<div data-first-paint=\"{key}\" data-first-paint-path=\"{path}\" data-first-paint-title=\"{title}\" lang=\"{lang}\" hidden>{html}</div>\n"
            )
        })
        .collect()
}

/// `text` as a double-quoted attribute's value.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

fn draw(port: u16, paths: &[String]) -> Result<Pages> {
    let variants: Vec<serde_json::Value> = VARIANTS
        .iter()
        .map(|v| serde_json::json!({ "key": v.key, "locale": v.locale, "zone": v.zone }))
        .collect();
    let output = Command::new("node")
        .current_dir(sh::root())
        .arg("xtask/npm/prerender.mjs")
        .arg(format!("http://127.0.0.1:{port}"))
        .arg(serde_json::to_string(&variants)?)
        .arg(serde_json::to_string(paths)?)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run node xtask/npm/prerender.mjs")?;
    if !output.status.success() {
        bail!("the prerender failed ({})", output.status);
    }
    let pages: Pages = serde_json::from_slice(&output.stdout).context("the prerender's output")?;
    check(&pages, paths)?;
    Ok(pages)
}

/// Every page drawn in every variant, and nothing the page's policy or
/// first-paint.js cannot take: no script, no inline style (the CSP refuses
/// it), and the call button marked.
fn check(pages: &Pages, paths: &[String]) -> Result<()> {
    for (path, v) in paths
        .iter()
        .flat_map(|p| VARIANTS.iter().map(move |v| (p, v)))
    {
        let Some(Drawn { html, title }) = pages.get(path).and_then(|p| p.get(v.key)) else {
            bail!("the prerender drew no page {path} for {}", v.key);
        };
        if title.trim().is_empty() {
            bail!("the prerendered page {path} {} has no title", v.key);
        }
        for bad in [
            "<script",
            " style=\"",
            "data-first-paint",
            "data-static-shell",
        ] {
            if html.contains(bad) {
                bail!("the prerendered page {path} {} contains {bad:?}", v.key);
            }
        }
        if path == "/" && !html.contains("data-drawn-number") {
            bail!(
                "the prerendered page {path} {} has no marked call number",
                v.key
            );
        }
    }
    Ok(())
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn wait_for(port: u16) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            bail!("the server for the prerender did not start");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(extra: &str) -> String {
        format!("<header>x</header><main><a data-static-call data-drawn-number=\"1\" href=\"tel:1\">Call 1</a>{extra}</main>")
    }

    fn drawn(html: String, title: &str) -> Drawn {
        Drawn {
            html,
            title: title.to_owned(),
        }
    }

    #[test]
    fn copies_are_hidden_and_carry_their_language_path_and_title() {
        let pages = BTreeMap::from([(
            "zh-CN/rcsc".to_owned(),
            drawn(page(""), "识别与呼救 · 急救英雄"),
        )]);
        let html = copies("/learn/x", &pages);
        assert!(html.starts_with(
            "<div data-first-paint=\"zh-CN/rcsc\" data-first-paint-path=\"/learn/x\" data-first-paint-title=\"识别与呼救 · 急救英雄\" lang=\"zh-CN\" hidden><header>"
        ));
        assert_eq!(copies("/", &BTreeMap::new()), "");
        // A title is an attribute's value: quotes and markup stay text.
        let odd = BTreeMap::from([("en/aha".to_owned(), drawn(page(""), "\"A\" & <b>"))]);
        assert!(copies("/", &odd).contains("data-first-paint-title=\"&quot;A&quot; &amp; &lt;b>\""));
    }

    #[test]
    fn every_lesson_has_a_page_and_a_file_hosts_serve_for_its_address() {
        let paths = paths();
        assert_eq!(paths[..4], ["/", "/learn", "/quiz", "/about"]);
        let lessons = firstaid::content::Curriculum::embedded().unwrap().lessons;
        assert_eq!(paths.len(), 4 + lessons.len());
        assert!(paths.contains(&format!("/learn/{}", lessons[0].id)));
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/learn"), "learn.html");
        assert_eq!(file_for("/learn/adult-cpr"), "learn/adult-cpr.html");
        assert_eq!(files_for("/", &paths), ["index.html"]);
        assert_eq!(
            files_for("/learn", &paths),
            ["learn.html", "learn/index.html"]
        );
        assert_eq!(files_for("/quiz", &paths), ["quiz.html"]);
        assert_eq!(
            files_for("/learn/adult-cpr", &paths),
            ["learn/adult-cpr.html"]
        );
    }

    #[test]
    fn a_page_the_policy_would_refuse_or_a_missing_page_fails_the_build() {
        let paths = ["/".to_owned(), "/learn/x".to_owned()];
        let all = |extra: &str, lesson: &str| -> Pages {
            let variants = |html: String| -> BTreeMap<String, Drawn> {
                VARIANTS
                    .iter()
                    .map(|v| (v.key.to_owned(), drawn(html.clone(), "Page")))
                    .collect()
            };
            BTreeMap::from([
                ("/".to_owned(), variants(page(extra))),
                ("/learn/x".to_owned(), variants(lesson.to_owned())),
            ])
        };
        // A lesson has no call button: only the home page needs one marked.
        assert!(check(&all("", "<main><h1>Lesson</h1></main>"), &paths).is_ok());
        assert!(check(&all("<p style=\"width: 3px\">", "<h1>L</h1>"), &paths).is_err());
        assert!(check(&all("", "<h1>L</h1><script>x</script>"), &paths).is_err());
        let mut missing = all("", "<h1>L</h1>");
        missing.get_mut("/learn/x").unwrap().remove("en/erc");
        assert!(check(&missing, &paths).is_err());
        let mut no_page = all("", "<h1>L</h1>");
        no_page.remove("/learn/x");
        assert!(check(&no_page, &paths).is_err());
        let mut unmarked = all("", "<h1>L</h1>");
        for d in unmarked.get_mut("/").unwrap().values_mut() {
            d.html = "<main>Call 112</main>".to_owned();
        }
        assert!(check(&unmarked, &paths).is_err());
        let mut untitled = all("", "<h1>L</h1>");
        untitled
            .get_mut("/learn/x")
            .unwrap()
            .get_mut("en/aha")
            .unwrap()
            .title = " ".to_owned();
        assert!(check(&untitled, &paths).is_err());
    }
}
