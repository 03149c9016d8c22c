// Every top-level route, with the pages split into wasm chunks (issue 16):
// reached by navigation inside the app and by loading its address, online
// and — after one visit of the home page — offline, each shows its page
// (its heading), in both languages, without a console error. While a
// chunk loads, the placeholder passes axe.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, axe, waitForApp, waitForOfflineReady, asReturningVisitor } from './fixtures';

// Phone only: the routes and chunks are the same on a desktop.
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the phone project covers the routes');
});

type Locale = 'en-US' | 'zh-CN';

/** Each top-level route and its heading (level 1) in each language. */
const ROUTES: { path: string; 'en-US': string; 'zh-CN': string }[] = [
  { path: '/', 'en-US': 'Welcome', 'zh-CN': '欢迎' },
  { path: '/learn', 'en-US': 'Learn', 'zh-CN': '学习' },
  { path: '/print', 'en-US': 'First Aid Hero: lesson handout', 'zh-CN': '急救英雄：课程讲义' },
  { path: '/quiz', 'en-US': 'Practice', 'zh-CN': '练习' },
  { path: '/train', 'en-US': 'CPR trainer', 'zh-CN': '按压训练' },
  { path: '/emergency', 'en-US': 'What is happening?', 'zh-CN': '发生了什么？' },
  { path: '/record', 'en-US': 'My record', 'zh-CN': '我的记录' },
  { path: '/assignment', 'en-US': 'Class assignment', 'zh-CN': '班级作业' },
  { path: '/certificate', 'en-US': 'Certificate', 'zh-CN': '证书' },
  { path: '/instructor', 'en-US': 'Instructor area', 'zh-CN': '导师区' },
  { path: '/settings', 'en-US': 'Settings', 'zh-CN': '设置' },
  { path: '/about', 'en-US': 'About First Aid Hero', 'zh-CN': '关于急救英雄' },
];

/** A context of its own in `locale`, and the console errors and page
 * errors of its pages (the fixtures' guards watch the default page only). */
async function open(
  browser: Browser,
  locale: Locale,
  origin: string,
  serviceWorkers: 'allow' | 'block',
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    locale,
    baseURL: origin,
    serviceWorkers,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

/** Goes to `path` the way a link in the app does (the router, no page
 * load): a link is added to the page and clicked. */
async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((path) => {
    const link = document.createElement('a');
    link.href = path;
    link.textContent = path;
    document.body.append(link);
    link.click();
    link.remove();
  }, path);
}

/** Every route by navigation (one page load, then the router), then every
 * route by its address; each shows its heading. */
async function everyRoute(page: Page, locale: Locale, how: string): Promise<void> {
  await page.goto('/');
  await waitForApp(page);
  // Set once, on this document: gone if a navigation loaded a new page.
  await page.evaluate(() => ((window as unknown as { e2eSameDocument: boolean }).e2eSameDocument = true));
  for (const route of ROUTES) {
    await navigate(page, route.path);
    await expect(page).toHaveURL(route.path);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading, `${route.path} by navigation, ${how}`).toHaveText(route[locale]);
    await expect(page.getByTestId('lazy-failed')).toHaveCount(0);
  }
  expect(
    await page.evaluate(() => (window as unknown as { e2eSameDocument?: boolean }).e2eSameDocument),
    'the router navigated, nothing reloaded the page',
  ).toBe(true);
  for (const route of ROUTES) {
    await page.goto(route.path);
    await waitForApp(page);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading, `${route.path} loaded directly, ${how}`).toHaveText(route[locale]);
  }
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  test(`every route online, and the loading placeholder passes axe (${locale})`, async ({ browser, server }) => {
    // No service worker: every chunk comes from the server.
    const { context, page, problems } = await open(browser, locale, server.origin, 'block');
    const chunks = new Set<string>();
    page.on('request', (req) => {
      if (/\/(split|chunk)_[a-z0-9]+-[0-9a-f]{10}\.wasm$/.test(req.url())) chunks.add(req.url());
    });
    await everyRoute(page, locale, 'online');
    expect(chunks.size, 'the pages came in chunks').toBeGreaterThan(6);

    // A chunk held back: the placeholder, in the page's layout, passes axe.
    await page.goto('/');
    await waitForApp(page);
    const held: (() => Promise<void>)[] = [];
    await context.route(/\/split_quiz-[0-9a-f]{10}\.wasm$/, (route) => {
      held.push(() => route.continue());
    });
    await navigate(page, '/quiz');
    const placeholder = page.getByTestId('lazy-loading');
    await expect(placeholder).toBeVisible();
    await expect(placeholder).toHaveAttribute('role', 'status');
    await expect(placeholder).toHaveText(locale === 'en-US' ? 'Loading this page…' : '正在加载本页…');
    await axe(page, `the loading placeholder (${locale})`);
    // It fills the screen: the footer is not shown under it, to jump away
    // when the page comes (a layout shift: 0.074 on a lesson before).
    await expect(page.locator('.app-footer')).not.toBeInViewport();
    expect(held).toHaveLength(1);
    await held[0]();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en-US' ? 'Practice' : '练习');
    await expect(placeholder).toHaveCount(0);

    expect(problems).toEqual([]);
    await context.close();
  });

  test(`every route offline after one visit (${locale})`, async ({ browser, server }) => {
    const { context, page, problems } = await open(browser, locale, server.origin, 'allow');
    // One visit: the home page, until the service worker has the app.
    await page.goto('/');
    await waitForApp(page);
    await waitForOfflineReady(page);

    await server.stop();
    await context.setOffline(true);
    await everyRoute(page, locale, 'offline');

    expect(problems).toEqual([]);
    await context.close();
  });
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  test(`pages that show the lessons do not move when the lessons arrive (${locale})`, async ({ browser, server }) => {
    const { context, page, problems } = await open(browser, locale, server.origin, 'block');
    // A returning visitor: a first visit's lesson pages are in the HTML,
    // lessons and all (lesson-paint.spec.ts).
    await asReturningVisitor(context);
    // Every layout shift of each page load (none comes from input here).
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) {
          (window as unknown as { shifts: number }).shifts += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const path of ['/learn', '/learn/recognise-and-call', '/record', '/instructor']) {
      // The lessons held back until the page shows that it reads them.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await context.route(/\/content-[0-9a-f]{10}\.json$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(path);
      await waitForApp(page);
      const loading = page.locator('main p.loading');
      await expect(loading, path).toBeVisible();
      release();
      await expect(loading, path).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), `${path}: layout shift`).toBe(0);
      await context.unrouteAll();
    }
    expect(problems).toEqual([]);
    await context.close();
  });
}
