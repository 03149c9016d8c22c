// Tap to content (issue 16), run by `cargo xtask bench`: a phone opens `/`
// on Lighthouse's mobile profile (slow 4G, 4× CPU, applied through the
// DevTools protocol), taps a tab whose page is in a wasm chunk not loaded
// yet, and we time the tap until that page's own heading is on screen (not
// the "Loading this page…" placeholder of `src/app/lazy.rs`). No service
// worker, so the chunk comes over the throttled network. Not a test: it
// prints figures (JSON on stdout) and fails only when it cannot measure.
//
// usage: node route-change.mjs ORIGIN [RUNS]
import { CPU_SLOWDOWN, appRunning, launch, phoneContext } from './phone.mjs';

const origin = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
if (!origin || !(runs > 0)) {
  console.error('usage: node route-change.mjs ORIGIN [RUNS]');
  process.exit(2);
}

// Lighthouse's mobile slow 4G as DevTools throttling applies it
// (Lighthouse 12: `@paulirish/trace_engine/.../lantern/simulation/
// Constants.js`, `throttling.mobileSlow4G`: 150 ms
// RTT, 1.6 Mbit/s down, 750 kbit/s up, adjusted for per-request latency),
// and its 4× CPU slowdown.
const NETWORK = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadThroughput: (750 * 0.9 * 1024) / 8,
};

// The tabs to tap: each route's page is in a chunk the home page does not load.
const ROUTES = ['/learn', '/quiz', '/train'];

const browser = await launch();

/** A wasm module, or the pack of small shared chunks (xtask/src/pack.rs). */
const isWasm = (path) => path.endsWith('.wasm') || /\/chunk_pack-[0-9a-f]{10}\.bin$/.test(path);

/** One run: a fresh context, `/`, then a tap on the tab to `route`. */
async function measure(route) {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    // Bytes over the wire per request, and when each was asked for (wall
    // clock, ms): what counts is what was asked for between the tap and the
    // content (the quiz page, once shown, fetches the chunk of practice at
    // idle, which is not its cost).
    const urls = new Map();
    const fetched = [];
    const pending = new Set();
    cdp.on('Network.requestWillBeSent', (e) => {
      urls.set(e.requestId, { url: e.request.url, at: e.wallTime * 1000 });
      pending.add(e.requestId);
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = urls.get(e.requestId);
      const h = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
      if (r) r.encoding = h ? h[1] : 'identity';
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = urls.get(e.requestId);
      if (r) fetched.push({ ...r, bytes: e.encodedDataLength });
      pending.delete(e.requestId);
    });
    cdp.on('Network.loadingFailed', (e) => pending.delete(e.requestId));

    await page.goto(`${origin}/`);
    // The home page with the app running (the first visit's page is in the
    // HTML before that, and does not answer a tap until the app has started:
    // the app says so on <html>), then a task and two frames.
    await appRunning(page);
    const tab = page.locator(`nav.tab-bar a[href="${route}"]`);
    await tab.waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('header a[href="/settings"]').waitFor({ state: 'visible', timeout: 60_000 });
    await page.evaluate(
      () => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 0)),
    );

    // In the page: the time of the tap (first touch/pointer event) and of
    // the first frame that shows the new page's own level-1 heading.
    await page.evaluate((route) => {
      const w = window;
      w.__bench = { tap: null, tapWall: null, content: null, contentWall: null, heading: null };
      const home = document.querySelector('h1');
      const onTap = () => {
        if (w.__bench.tap !== null) return;
        w.__bench.tap = performance.now();
        w.__bench.tapWall = performance.timeOrigin + w.__bench.tap;
        const check = () => {
          const h1 = [...document.querySelectorAll('h1')].find(
            (h) => h !== home && !h.closest('[data-testid="lazy-loading"]') && h.checkVisibility() && h.textContent.trim() !== '',
          );
          if (location.pathname === route && h1) {
            w.__bench.content = performance.now();
            w.__bench.contentWall = performance.timeOrigin + w.__bench.content;
            w.__bench.heading = h1.textContent.trim();
          }
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      };
      for (const type of ['pointerdown', 'touchstart', 'click']) document.addEventListener(type, onTap, { capture: true });
    }, route);
    // A tap the app does not handle loads a new document: no figure then.
    const reloaded = new Promise((_, reject) =>
      page.once('domcontentloaded', () => reject(new Error(`the tap on ${route} loaded a new document: the app was not running`))),
    );
    reloaded.catch(() => {});
    await tab.tap();
    const done = page.waitForFunction(() => (window.__bench && window.__bench.content !== null ? window.__bench : null), undefined, {
      timeout: 60_000,
      polling: 100,
    });
    const { tap, tapWall, content, contentWall, heading } = await (await Promise.race([done, reloaded])).jsonValue();
    // What the page asked for between the tap and the content, each
    // counted once it has finished loading.
    const asked = (r) => r.at >= tapWall && r.at <= contentWall;
    for (let waited = 0; [...pending].some((id) => asked(urls.get(id))); waited += 50) {
      if (waited > 60_000) throw new Error(`${route}: a request asked for before the content never finished`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const after = fetched.filter(asked);
    return {
      ms: content - tap,
      heading,
      // The wasm modules, and the pack of small ones (xtask/src/pack.rs).
      chunk_bytes: after.filter((f) => isWasm(new URL(f.url).pathname)).reduce((s, f) => s + f.bytes, 0),
      bytes_after_tap: after.reduce((s, f) => s + f.bytes, 0),
      chunks: [...new Set(after.map((f) => new URL(f.url).pathname).filter(isWasm))],
      // What the server sent (brotli when Chromium accepts it).
      encodings: [...new Set(after.map((f) => f.encoding))],
    };
  } finally {
    await context.close();
  }
}

const out = { network: NETWORK, cpu_slowdown: CPU_SLOWDOWN, routes: [] };
try {
  for (const route of ROUTES) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await measure(route));
    out.routes.push({ route, runs: results });
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
