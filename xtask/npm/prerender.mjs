// Draws pages of a first visit with the app itself, in headless Chromium,
// once per page and variant, for the first paint (see xtask/src/prerender.rs).
// Usage: node prerender.mjs ORIGIN '[{"key","locale","zone"}, …]' '["/", …]'
// Prints {path: {key: the #app element's content}} as JSON on stdout.
import { chromium } from 'playwright-core';

const [origin, list, pathList] = process.argv.slice(2);
const variants = JSON.parse(list);
const paths = JSON.parse(pathList);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pages = Object.fromEntries(paths.map((p) => [p, {}]));

/** Draws `path` as a first visit of `v` sees it. */
async function draw(v, path) {
  // A first visit: a new profile, the service worker kept out (so no
  // "ready offline" notice or update banner is drawn).
  const context = await browser.newContext({
    locale: v.locale,
    timezoneId: v.zone,
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    await page.goto(`${origin}${path}`);
    // The app has replaced the static page, and the page is drawn: its
    // heading is there, and nothing is loading (its module, the lessons).
    await page.waitForFunction(
      () =>
        document.documentElement.getAttribute('data-app') === 'running' &&
        document.querySelector('#app main h1') !== null &&
        document.querySelector('#app .loading, #app .lazy-loading, #app [data-testid="lazy-failed"]') === null,
      null,
      { timeout: 60_000 },
    );
    // Two frames, so every effect of the first render has run.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const html = await page.evaluate(() => {
      const app = document.getElementById('app').cloneNode(true);
      // The number depends on where the phone is: first-paint.js sets it
      // (in the text as drawn: an element around the number would split the
      // button's flex line).
      for (const a of app.querySelectorAll('a[href^="tel:"]')) {
        a.setAttribute('data-static-call', '');
        a.setAttribute('data-drawn-number', a.getAttribute('href').slice(4));
      }
      // Leptos leaves an empty script element at the end (the app's own, drawn
      // again when it starts); inline, the policy would refuse it.
      for (const s of app.querySelectorAll('script')) s.remove();
      // Text that names the place: blank until the app draws it.
      for (const e of app.querySelectorAll('[data-place]')) e.classList.add('first-paint-blank');
      return app.innerHTML;
    });
    if (problems.length) throw new Error(`${path} ${v.key}: ${problems.join('; ')}`);
    // The page's title as the app set it (a lesson's name): the copy
    // carries it, and first-paint.js makes it the document's.
    pages[path][v.key] = { html, title: await page.title() };
  } finally {
    await context.close();
  }
}

try {
  // Two pages at a time (the build machine has two cores).
  const jobs = paths.flatMap((path) => variants.map((v) => [v, path]));
  const next = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await draw(...job);
  };
  await Promise.all([next(), next()]);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(pages));
