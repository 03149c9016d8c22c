//! The local server: the deployable folder over HTTP on 127.0.0.1, with the
//! headers production needs (CSP and friends, cache control), precompressed
//! brotli/gzip, correct MIME types and an SPA fallback to index.html for app
//! routes. Built on axum and tower-http.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::dist;

/// Serves `dir` on 127.0.0.1:`port` until interrupted (port 0: any free port).
/// Prints `listening on http://127.0.0.1:PORT` once it accepts connections.
pub fn serve(dir: &Path, port: u16) -> Result<()> {
    let dir = dir.to_path_buf();
    anyhow::ensure!(
        dir.join("index.html").exists(),
        "{} has no index.html: build first",
        dir.display()
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port)))
            .await
            .with_context(|| {
                format!("cannot listen on 127.0.0.1:{port} (is another server running?)")
            })?;
        let addr = listener.local_addr()?;
        println!(
            "xtask: serving {} — listening on http://{addr}",
            dir.display()
        );
        axum::serve(listener, app(dir))
            .with_graceful_shutdown(shutdown())
            .await?;
        Ok(())
    })
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
}

/// The router: static files with precompression, SPA fallback, headers.
pub fn app(dir: PathBuf) -> Router {
    let index = dir.join("index.html");
    let spa = move |req: Request| {
        let index = index.clone();
        async move { spa_fallback(index, req).await }
    };
    // A folder of prerendered pages (`learn/`) beside one (`learn.html`) is
    // not a page: the fallback serves `/learn`, with no redirect to `/learn/`.
    let files = ServeDir::new(&dir)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(tower::service_fn(move |req: Request| {
            let fut = spa(req);
            async move { Ok::<_, std::convert::Infallible>(fut.await) }
        }));
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(headers))
}

/// App routes (no file extension) get index.html — the emergency pages
/// (`/emergency`, `/emergency/…`) get emergency.html, whose static part
/// already helps, and a page prerendered for a first visit gets its own
/// file (`/learn/x` → `learn/x.html`, as static hosts serve it); missing
/// files get 404.
async fn spa_fallback(index: PathBuf, req: Request) -> Response {
    let path = req.uri().path();
    let last = path.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let emergency = index.with_file_name("emergency.html");
    let own = prerendered(&index, path);
    let page = if (path == "/emergency" || path.starts_with("/emergency/")) && emergency.exists() {
        emergency
    } else if let Some(own) = own {
        own
    } else {
        index
    };
    match ServeFile::new(page)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(req)
        .await
    {
        Ok(res) => res.map(Body::new),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// The file of a page prerendered for `path`, beside `index`, if the build
/// wrote one (an address of plain words only: nothing outside the folder).
fn prerendered(index: &Path, path: &str) -> Option<PathBuf> {
    let rel = path.trim_matches('/');
    let plain = |seg: &str| {
        !seg.is_empty()
            && seg
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if rel.is_empty() || !rel.split('/').all(plain) {
        return None;
    }
    let file = index.with_file_name(format!("{rel}.html"));
    file.exists().then_some(file)
}

/// Adds the security and cache headers to every response.
async fn headers(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (k, v) in dist::security_headers() {
        if let Ok(v) = HeaderValue::from_str(&v) {
            h.insert(
                HeaderName::from_bytes(k.as_bytes()).expect("valid header name"),
                v,
            );
        }
    }
    h.insert(
        axum::http::header::CACHE_CONTROL,
        HeaderValue::from_static(dist::cache_control(&path)),
    );
    if path == "/sw.js" {
        h.insert(
            HeaderName::from_static("service-worker-allowed"),
            HeaderValue::from_static("/"),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    fn site() -> tempdir::Dir {
        let d = tempdir::Dir::new();
        std::fs::write(d.0.join("index.html"), "<!doctype html><title>t</title>").unwrap();
        std::fs::write(
            d.0.join("index.html.br"),
            dist::brotli(b"<!doctype html><title>t</title>").unwrap(),
        )
        .unwrap();
        std::fs::write(d.0.join("emergency.html"), "<title>emergency</title>").unwrap();
        std::fs::write(d.0.join("app-0123456789.wasm"), b"\0asm").unwrap();
        std::fs::write(d.0.join("manifest.webmanifest"), b"{}").unwrap();
        d
    }

    mod tempdir {
        pub struct Dir(pub std::path::PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
                let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let p =
                    std::env::temp_dir().join(format!("xtask-server-{}-{n}", std::process::id()));
                std::fs::create_dir_all(&p).unwrap();
                Dir(p)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    async fn get(dir: &Path, path: &str, accept: Option<&str>) -> Response {
        let mut req = Request::builder().uri(path);
        if let Some(a) = accept {
            req = req.header(header::ACCEPT_ENCODING, a);
        }
        app(dir.to_path_buf())
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn routes_mime_types_fallback_and_headers() {
        let d = site();
        let cases: &[(&str, StatusCode, Option<&str>, &str)] = &[
            ("/", StatusCode::OK, Some("text/html"), "no-cache"),
            ("/settings", StatusCode::OK, Some("text/html"), "no-cache"),
            ("/about/", StatusCode::OK, Some("text/html"), "no-cache"),
            (
                "/app-0123456789.wasm",
                StatusCode::OK,
                Some("application/wasm"),
                "public, max-age=31536000, immutable",
            ),
            (
                "/manifest.webmanifest",
                StatusCode::OK,
                Some("application/manifest+json"),
                "no-cache",
            ),
            ("/missing.js", StatusCode::NOT_FOUND, None, "no-cache"),
        ];
        for (path, status, mime, cache) in cases {
            let res = get(&d.0, path, None).await;
            assert_eq!(res.status(), *status, "{path}");
            if let Some(m) = mime {
                assert_eq!(res.headers()[header::CONTENT_TYPE], *m, "{path}");
            }
            assert_eq!(res.headers()[header::CACHE_CONTROL], *cache, "{path}");
            let csp = res.headers()["content-security-policy"].to_str().unwrap();
            assert!(
                csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
                "{path}"
            );
            assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        }
    }

    #[tokio::test]
    async fn a_prerendered_page_is_served_for_its_address_and_only_for_it() {
        let d = site();
        std::fs::create_dir(d.0.join("learn")).unwrap();
        std::fs::write(d.0.join("learn.html"), "list").unwrap();
        std::fs::write(d.0.join("learn/adult-cpr.html"), "lesson").unwrap();
        for (path, want) in [
            ("/learn", "list"),
            ("/learn/", "list"),
            ("/learn/adult-cpr", "lesson"),
            ("/learn/choking", "<!doctype html><title>t</title>"),
            ("/", "<!doctype html><title>t</title>"),
            ("/Learn", "<!doctype html><title>t</title>"),
            ("/learn//adult-cpr", "<!doctype html><title>t</title>"),
            ("/quiz", "<!doctype html><title>t</title>"),
        ] {
            let res = get(&d.0, path, None).await;
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            assert_eq!(res.headers()[header::CONTENT_TYPE], "text/html", "{path}");
            let body = axum::body::to_bytes(res.into_body(), 1 << 20)
                .await
                .unwrap();
            assert_eq!(&body[..], want.as_bytes(), "{path}");
        }
    }

    #[tokio::test]
    async fn emergency_routes_get_the_static_emergency_page() {
        let d = site();
        for path in [
            "/emergency",
            "/emergency/",
            "/emergency/cpr",
            "/emergency/choking",
        ] {
            let res = get(&d.0, path, None).await;
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let body = axum::body::to_bytes(res.into_body(), 1 << 20)
                .await
                .unwrap();
            assert_eq!(&body[..], b"<title>emergency</title>", "{path}");
        }
        for path in ["/", "/emergencyx", "/learn/emergency"] {
            let res = get(&d.0, path, None).await;
            let body = axum::body::to_bytes(res.into_body(), 1 << 20)
                .await
                .unwrap();
            assert_eq!(&body[..], b"<!doctype html><title>t</title>", "{path}");
        }
    }

    #[tokio::test]
    async fn brotli_is_served_when_accepted() {
        let d = site();
        let res = get(&d.0, "/", Some("br, gzip")).await;
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
        let res = get(&d.0, "/settings", Some("br")).await;
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
        let res = get(&d.0, "/", None).await;
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
    }
}
