use super::*;

#[test]
fn the_committed_budget_file_parses() {
    let text = std::fs::read_to_string(crate::sh::root().join(BUDGET_FILE)).unwrap();
    let budget = parse_budget(&text).unwrap();
    assert!(budget > 10_000, "{budget}");
}

#[test]
fn budgets_are_positive_whole_bytes_and_nothing_else() {
    assert_eq!(
        parse_budget("# measured\nfirst_load_brotli = 734_000\n").unwrap(),
        734_000
    );
    for bad in [
        "",
        "first_load_brotli = 0",
        "first_load_brotli = -5",
        "first_load_brotli = 1.5",
        "first_load_brotli = \"700000\"",
        "first_load_brotli = 700000\nslack = 3",
        "first_load = 700000",
        "first_load_brotli = ",
    ] {
        assert!(parse_budget(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn the_check_fails_only_over_budget() {
    assert!(verdict(1000, 1000).unwrap().contains("0 to spare"));
    assert!(verdict(999, 1000).unwrap().contains("1 to spare"));
    let err = verdict(1001, 1000).unwrap_err().to_string();
    assert!(err.contains("1 over the budget of 1000"), "{err}");
}

const INDEX: &str = r#"<!doctype html>
<html><head>
  <meta name="firstaid-scan-worker" content="/scan-worker-0123456789.js">
  <link rel="manifest" href="/manifest.webmanifest">
  <link rel="icon" href="/icons/icon.svg" type="image/svg+xml">
  <link rel="apple-touch-icon" href="/icons/icon-192.png">
  <link rel="stylesheet" href="/app-0123456789.css">
  <link rel="modulepreload" href="/firstaid-0123456789.js">
  <link rel="preload" href="/firstaid_bg-0123456789.wasm" as="fetch" type="application/wasm" crossorigin>
  <script type="module" src="/boot-0123456789.js"></script>
</head><body>
  <img src="/icons/icon.svg" alt="">
  <script nomodule src="/legacy.js"></script>
</body></html>"#;

const BOOT: &str = "const x = document.querySelector('[data-static-retry]');
try {
  const app = await import('/firstaid-0123456789.js');
  const curriculum = fetch('/content-0123456789.json');
  await app.default({ module_or_path: '/firstaid_bg-0123456789.wasm' });
} catch (e) { console.log('/not-a-path'); }";

fn scripts(name: &str) -> Option<String> {
    match name {
        "boot-0123456789.js" => Some(BOOT.into()),
        // The glue of a split build: a static import of the split loader,
        // which fetches the chunks only when a route needs them.
        "firstaid-0123456789.js" => Some(
            "import { a, b } from \"./__wasm_split.js\";\nimport './side.js';\n\
             export { c } from './re.js';\nconst late = () => import('./lazy.js');\n\
             let s = 'import x from \"./not-a-statement.js\"';"
                .into(),
        ),
        "__wasm_split.js" => {
            // It imports the glue back: a cycle, visited once.
            Some(
                "import { initSync } from \"./firstaid-0123456789.js\";\n\
                 const chunks = [new URL('./split_1-0123456789.wasm', import.meta.url)];"
                    .into(),
            )
        }
        _ => Some(String::new()),
    }
}

#[test]
fn the_first_load_is_what_starts_the_app() {
    let got = first_load(INDEX, &scripts);
    assert_eq!(
        got,
        [
            "index.html",
            "app-0123456789.css",
            "firstaid-0123456789.js",
            "firstaid_bg-0123456789.wasm",
            "boot-0123456789.js",
            "__wasm_split.js",
            "side.js",
            "re.js",
        ],
        "not the worker, icons, manifest, nomodule script, dynamic imports or chunks"
    );
}

#[test]
fn the_data_the_app_starts_with_is_named_apart() {
    assert_eq!(start_data(INDEX, &scripts), ["content-0123456789.json"]);
    assert!(!first_load(INDEX, &scripts)
        .iter()
        .any(|n| n.ends_with(".json")));
    // A page without a module script starts with no data.
    assert!(start_data(
        "<html><script src=\"/legacy.js\"></script></html>",
        &scripts
    )
    .is_empty());
}

#[test]
fn static_imports_are_statements_only() {
    let js = "import{a}from\"./x.js\";\nimport \"./y.js\";\nconst z = import('./z.js');\n\
              export * from '../up.js';\nexport const k = 1;";
    assert_eq!(
        static_imports(js),
        ["./x.js", "./y.js", "../up.js"].map(String::from)
    );
    assert_eq!(resolve("a/b.js", "./c.js").as_deref(), Some("a/c.js"));
    assert_eq!(resolve("a/b.js", "../c.js").as_deref(), Some("c.js"));
    assert_eq!(resolve("b.js", "../c.js"), None);
    assert_eq!(resolve("b.js", "/c.js").as_deref(), Some("c.js"));
    assert_eq!(resolve("b.js", "leptos"), None);
    assert_eq!(resolve("b.js", "https://x.example/c.js"), None);
}

#[test]
fn app_wasm_is_every_module_but_the_decoder() {
    assert!(is_app_wasm("firstaid_bg-0123456789.wasm"));
    assert!(is_app_wasm("split_1-0123456789.wasm"));
    assert!(!is_app_wasm("scan_bg-0123456789.wasm"));
    assert!(!is_app_wasm("firstaid-0123456789.js"));
}
