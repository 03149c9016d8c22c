// Loads the app. The page is already useful without it: first-paint.js
// (inlined into the HTML) has set the language, the call buttons' number
// and, on a first visit of a page the build prerendered, the real page.
// If loading fails or takes too long, the page says so in both languages
// with a retry, and the call button stays. The build replaces the
// placeholders with the hashed file names.

function failed(error) {
  if (error) console.warn('the app did not load:', error);
  const loading = document.querySelector('[data-static-loading]');
  const notice = document.querySelector('[data-static-failed]');
  if (!notice || !notice.hidden) return;
  if (loading) loading.hidden = true;
  notice.hidden = false;
}

let started = false;
// A module that never arrives must not leave "Loading…" forever.
const slow = setTimeout(() => started || failed(null), 20000);
const retry = document.querySelector('[data-static-retry]');
if (retry) retry.addEventListener('click', () => location.reload());

// A prerendered page is painted before anything else is fetched: its
// downloads start once first-paint.js (which kept the page and set
// data-first-paint) has seen its first contentful paint, so the first
// visit's largest paint waits for nothing but the HTML and the stylesheet.
const firstPaint = document.documentElement.hasAttribute('data-first-paint');
if (firstPaint) await Promise.resolve(window.firstaidPainted).catch(() => undefined);

// The curriculum, fetched beside the wasm module rather than after it.
const curriculum = fetch('__CURRICULUM__')
  .then((r) => (r.ok ? r.text() : undefined))
  .catch(() => undefined);

try {
  const app = await import('__JS__');
  await app.default({ module_or_path: '__WASM__' });
  started = true;
  clearTimeout(slow);
  // A prerendered page shows the lessons: the app's first frame must
  // too, so it waits for them; elsewhere the app takes the fetch under way.
  // A stalled download does not hold the app back for more than 8 s.
  let handed = curriculum;
  if (firstPaint) {
    const late = new Promise((resolve) => setTimeout(() => resolve('late'), 8000));
    const first = await Promise.race([curriculum, late]);
    if (first !== 'late') handed = first;
  }
  app.start(handed);
} catch (error) {
  clearTimeout(slow);
  if (!started) failed(error);
  else throw error;
}
