// What the first-paint tests share: a first visit whose wasm never
// arrives, and the layout shifts and largest paints of a page load.
import type { Browser, BrowserContext, Page } from '@playwright/test';

/** A first visit (a new profile) whose wasm never arrives. */
export async function withoutWasm(browser: Browser, origin: string, locale: string, timezoneId: string) {
  const context = await browser.newContext({ locale, timezoneId, baseURL: origin, viewport: { width: 390, height: 844 } });
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A refused inline script or style would say so here.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(m.text());
  });
  return { context, page, errors };
}

/** Layout shifts and the largest paints, recorded from the start. (An
 * entry's element is null once the app has replaced it, so a paint is
 * placed by its time.) */
export async function watchPaint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.e2eShift = 0;
    w.e2eLcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) w.e2eShift += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.e2eLcp.push(e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

export type Watched = { e2eShift: number; e2eLcp: number[] };


/** The first contentful paint's time, and the app's downloads (its
 * modules, the curriculum) that started before it: none should, so the
 * first paint waits for nothing but the HTML and the stylesheet. */
export async function downloadsBeforePaint(page: Page): Promise<{ fcp: number | null; early: string[] }> {
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const app = /\.(wasm|bin)$|\/content-[0-9a-f]+\.json$|\/firstaid-[0-9a-f]+\.js$|\/__wasm_split(-[0-9a-f]+)?\.js$/;
    const early = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => app.test(new URL(r.name).pathname) && (fcp === null || r.startTime < fcp))
      .map((r) => `${new URL(r.name).pathname} at ${Math.round(r.startTime)} ms`);
    return { fcp, early };
  });
}

/** From the start of every page of `target`, whether an element matching
 * `selector` was ever in the document (read and reset with `seen`). */
export async function watchFor(target: Page | BrowserContext, selector: string): Promise<void> {
  await target.addInitScript((selector) => {
    const w = window as unknown as { e2eSeen?: Record<string, boolean> };
    const seen = (w.e2eSeen ??= {});
    seen[selector] = false;
    new MutationObserver(() => {
      if (document.querySelector(selector)) seen[selector] = true;
    }).observe(document, { childList: true, subtree: true });
  }, selector);
}

/** Whether `selector` (watched with `watchFor`) was seen since the page
 * loaded or the last reset; `reset` starts watching afresh. */
export async function seen(page: Page, selector: string, reset = false): Promise<boolean> {
  return page.evaluate(([selector, reset]) => {
    const w = window as unknown as { e2eSeen: Record<string, boolean> };
    const was = w.e2eSeen[selector];
    if (reset) w.e2eSeen[selector] = false;
    return was;
  }, [selector, reset] as const);
}

/** The loading placeholder of a page loaded on demand. */
const PLACEHOLDER = '[data-testid="lazy-loading"]';

/** From the start, whether the placeholder was ever in the document. */
export async function watchPlaceholder(page: Page): Promise<void> {
  await watchFor(page, PLACEHOLDER);
}

/** Whether the placeholder was seen since the page loaded or the last
 * reset; `reset` starts watching afresh. */
export async function placeholderSeen(page: Page, reset = false): Promise<boolean> {
  return seen(page, PLACEHOLDER, reset);
}

/** A first visit in en-US whose page module `chunk` (lessons, quiz) is
 * held back until `release`: the app runs, but the page it draws (out of
 * sight) is not whole. Page errors go to `problems`. */
export async function chunkHeldBack(browser: Browser, origin: string, chunk: string) {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago', baseURL: origin, viewport: { width: 390, height: 844 } });
  let release = () => {};
  const gate = new Promise<void>((r) => { release = r; });
  await context.route(new RegExp(`/split_${chunk}-[0-9a-f]{10}\\.wasm$`), async (route) => {
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems, release };
}

/** `chunkHeldBack` for the lessons' module. */
export async function lessonsHeldBack(browser: Browser, origin: string) {
  return chunkHeldBack(browser, origin, 'lessons');
}
