//! The home page as the app itself draws it, for the first paint.
//!
//! `cargo xtask dist` runs the freshly assembled app in headless Chromium
//! (`xtask/npm/prerender.mjs`, Playwright) once per variant a first visit
//! of `/` can start with — English with each guideline profile, Chinese
//! with the Red Cross Society of China's — and keeps each home page's
//! `#app` content. index.html carries them, hidden; its inline script
//! (`public/first-paint.js`) shows the visitor's before the first paint and
//! removes the rest, so the largest paint happens before any wasm runs, and
//! the app then draws the same page in its place. Nothing is copied by hand:
//! a change to a component changes the next build's first paint.
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

/// Every language and profile a first visit can start with
/// (`Settings::first_visit`): Chinese always starts with the RCSC profile.
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

/// Serves `dir` and draws the home page of every [`VARIANTS`] in headless
/// Chromium: `key → #app content`.
pub fn capture(dir: &Path) -> Result<BTreeMap<String, String>> {
    let start = Instant::now();
    let port = free_port()?;
    let mut server = Command::new(std::env::current_exe()?)
        .args(["serve", "--no-build", "--port", &port.to_string(), "--dir"])
        .arg(dir)
        .stdout(Stdio::null())
        .spawn()
        .context("cannot start the server for the prerender")?;
    let result = wait_for(port).and_then(|()| draw(port));
    let _ = server.kill();
    let _ = server.wait();
    let pages = result?;
    println!(
        "xtask: prerendered the home page ({} variants, {:.1} s)",
        pages.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(pages)
}

/// index.html's hidden copies, one per variant (empty without any).
pub fn copies(pages: &BTreeMap<String, String>) -> String {
    pages
        .iter()
        .map(|(key, html)| {
            let lang = key.split('/').next().unwrap_or("en");
            format!("<div data-first-paint=\"{key}\" lang=\"{lang}\" hidden>{html}</div>\n")
        })
        .collect()
}

fn draw(port: u16) -> Result<BTreeMap<String, String>> {
    let variants: Vec<serde_json::Value> = VARIANTS
        .iter()
        .map(|v| serde_json::json!({ "key": v.key, "locale": v.locale, "zone": v.zone }))
        .collect();
    let output = Command::new("node")
        .current_dir(sh::root())
        .arg("xtask/npm/prerender.mjs")
        .arg(format!("http://127.0.0.1:{port}"))
        .arg(serde_json::to_string(&variants)?)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run node xtask/npm/prerender.mjs")?;
    if !output.status.success() {
        bail!("the prerender failed ({})", output.status);
    }
    let pages: BTreeMap<String, String> =
        serde_json::from_slice(&output.stdout).context("the prerender's output")?;
    check(&pages)?;
    Ok(pages)
}

/// Every variant drawn, and nothing the page's policy or first-paint.js
/// cannot take: no script, no inline style (the CSP refuses it), and the
/// call button marked.
fn check(pages: &BTreeMap<String, String>) -> Result<()> {
    for v in &VARIANTS {
        let Some(html) = pages.get(v.key) else {
            bail!("the prerender drew no page for {}", v.key);
        };
        for bad in [
            "<script",
            " style=\"",
            "data-first-paint",
            "data-static-shell",
        ] {
            if html.contains(bad) {
                bail!("the prerendered page {} contains {bad:?}", v.key);
            }
        }
        if !html.contains("data-drawn-number") {
            bail!("the prerendered page {} has no marked call number", v.key);
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

    #[test]
    fn copies_are_hidden_and_carry_their_language() {
        let pages = BTreeMap::from([("zh-CN/rcsc".to_owned(), page(""))]);
        let html = copies(&pages);
        assert!(
            html.starts_with("<div data-first-paint=\"zh-CN/rcsc\" lang=\"zh-CN\" hidden><header>")
        );
        assert_eq!(copies(&BTreeMap::new()), "");
    }

    #[test]
    fn a_page_the_policy_would_refuse_or_a_missing_variant_fails_the_build() {
        let all = |extra: &str| -> BTreeMap<String, String> {
            VARIANTS
                .iter()
                .map(|v| (v.key.to_owned(), page(extra)))
                .collect()
        };
        assert!(check(&all("")).is_ok());
        assert!(check(&all("<p style=\"width: 3px\">")).is_err());
        assert!(check(&all("<script>x</script>")).is_err());
        let mut missing = all("");
        missing.remove("en/erc");
        assert!(check(&missing).is_err());
        let unmarked: BTreeMap<String, String> = VARIANTS
            .iter()
            .map(|v| (v.key.to_owned(), "<main>Call 112</main>".to_owned()))
            .collect();
        assert!(check(&unmarked).is_err());
    }
}
