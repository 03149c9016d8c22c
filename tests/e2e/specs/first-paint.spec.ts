// The first paint is the real home page: rendered at build time by the app
// itself (xtask prerender), in the visitor's language and guideline profile,
// with the number where the phone is, before any wasm has run; the app then
// draws the same page in its place without a layout shift.
import { test, expect, axe, waitForApp, asReturningVisitor } from './fixtures';
import { withoutWasm, watchPaint, type Watched, downloadsBeforePaint } from './paint';

// Phone only: every test here makes its own browser context with the
// viewport it names, so the desktop project would run them again unchanged.
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'each test names its own viewport');
});

const visitors = [
  { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', number: '120', call: '拨打 120', title: '欢迎', start: '开始学习', profile: 'zh-CN/rcsc', guideline: '中国红十字会' },
  { locale: 'en-US', timezoneId: 'America/Chicago', number: '911', call: 'Call 911', title: 'Welcome', start: 'Start learning', profile: 'en/aha', guideline: 'American Heart Association 2025' },
  { locale: 'en-AU', timezoneId: 'Australia/Sydney', number: '000', call: 'Call 000', title: 'Welcome', start: 'Start learning', profile: 'en/rcsc', guideline: 'Red Cross Society of China' },
  // A language tag without a region: where the phone is picks the guideline.
  { locale: 'en', timezoneId: 'Europe/Paris', number: '112', call: 'Call 112', title: 'Welcome', start: 'Start learning', profile: 'en/erc', guideline: 'European Resuscitation Council 2025' },
];

test.describe('the first paint', () => {
  for (const v of visitors) {
    test(`with the wasm blocked, a first visit in ${v.locale} sees the home page (${v.profile})`, async ({ browser, server }) => {
      const { context, page, errors } = await withoutWasm(browser, server.origin, v.locale, v.timezoneId);
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-first-paint', v.profile);
      await expect(page.locator('html')).toHaveAttribute('lang', v.locale.startsWith('zh') ? 'zh-CN' : 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(v.title);
      await expect(page).toHaveTitle(`${v.title} · ${v.locale.startsWith('zh') ? '急救英雄' : 'First Aid Hero'}`);
      await expect(page.getByTestId('start-learning')).toHaveText(v.start);
      // The number where the phone is, not where the build ran.
      const call = page.getByTestId('home-call');
      await expect(call).toHaveAttribute('href', `tel:${v.number}`);
      await expect(call).toHaveText(v.call);
      // Drawn as the app draws it: one line of text, the number beside the word.
      expect(await call.evaluate((e) => e.childElementCount)).toBe(0);
      // The place line keeps its box, blank until the app names the place.
      await expect(page.getByTestId('where-line')).toBeHidden();
      expect(await page.getByTestId('where-line').evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(0);
      // So are the buttons that confirm or change it: a tap on them could not
      // be kept before the app runs.
      await expect(page.getByTestId('region-confirm')).toBeHidden();
      await expect(page.getByTestId('region-change')).toBeHidden();
      // One page: the other copies and the loading shell are gone.
      await expect(page.locator('#app [data-first-paint]')).toHaveCount(1);
      await expect(page.locator('[data-static-shell]')).toHaveCount(0);
      expect(await page.locator('[id]').evaluateAll((els) => els.length - new Set(els.map((e) => e.id)).size)).toBe(0);
      // The app did not load: said at the top, with a retry; the call stays.
      const failed = page.locator('main [data-static-failed]');
      await expect(failed).toBeVisible();
      expect(await failed.evaluate((e) => e.parentElement?.firstElementChild === e)).toBe(true);
      await expect(page.getByRole('button', { name: v.locale.startsWith('zh') ? '重试' : 'Retry', exact: true })).toBeVisible();
      await expect(failed.locator(`[lang="${v.locale.startsWith('zh') ? 'en' : 'zh-CN'}"]`).first()).toBeHidden();
      await axe(page, `first paint ${v.locale}`);
      // An emergency door stays a real link: its page helps without the app.
      await page.locator('a[href^="/emergency/"]').first().click();
      await expect(page).toHaveURL(/\/emergency\//);
      await expect(page.locator('.static-call').first()).toHaveAttribute('href', `tel:${v.number}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  // The zone is Temporal's where the browser has it (Intl's first formatter
  // costs the first paint 12 to 30 ms), Intl's where it has not (Safari).
  for (const temporal of [true, false]) {
    test(`the number follows the time zone, not the language, ${temporal ? 'with' : 'without'} Temporal`, async ({ browser, server }) => {
      const { context, page, errors } = await withoutWasm(browser, server.origin, 'en-US', 'Australia/Sydney');
      if (!temporal) await page.addInitScript(() => { delete (globalThis as { Temporal?: unknown }).Temporal; });
      // Counts the Intl formatters made (the app is blocked: the page's own).
      await page.addInitScript(() => {
        const w = window as unknown as { e2eIntl: number };
        const Made = Intl.DateTimeFormat;
        w.e2eIntl = 0;
        Intl.DateTimeFormat = function (...args: ConstructorParameters<typeof Made>) {
          w.e2eIntl++;
          return new Made(...args);
        } as unknown as typeof Made;
      });
      await page.goto('/');
      expect(await page.evaluate(() => 'Temporal' in globalThis)).toBe(temporal);
      expect(await page.evaluate(() => (window as unknown as { e2eIntl: number }).e2eIntl)).toBe(temporal ? 0 : 1);
      await expect(page.locator('html')).toHaveAttribute('data-static-region', 'au');
      await expect(page.getByTestId('home-call')).toHaveAttribute('href', 'tel:000');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('a returning visitor does not get a first visit\'s page', async ({ browser, server }) => {
    const { context, page, errors } = await withoutWasm(browser, server.origin, 'en-US', 'America/Chicago');
    await asReturningVisitor(context);
    await page.goto('/');
    await expect(page.locator('html')).not.toHaveAttribute('data-first-paint', /.*/);
    await expect(page.locator('#app [data-first-paint]')).toHaveCount(0);
    await expect(page.locator('.static-call')).toHaveAttribute('href', 'tel:911');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('other routes get the loading shell, not the home page', async ({ browser, server }) => {
    const { context, page, errors } = await withoutWasm(browser, server.origin, 'en-US', 'America/Chicago');
    // The trainer has no page of its own in the build (it depends on the
    // phone's sensors): index.html, whose home page copies are for `/` only.
    await page.goto('/train');
    await expect(page.locator('#app [data-first-paint]')).toHaveCount(0);
    await expect(page.locator('.static-call')).toBeVisible();
    expect(errors).toEqual([]);
    await context.close();
  });
});

test.describe('the app takes over', () => {
  for (const v of visitors.filter((x) => x.locale !== 'en-AU')) {
    test(`without a layout shift, the largest paint from the page in the HTML (${v.locale}, ${v.timezoneId})`, async ({ browser, server }) => {
      const context = await browser.newContext({ locale: v.locale, timezoneId: v.timezoneId, baseURL: server.origin, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await watchPaint(page);
      await page.goto('/');
      await waitForApp(page);
      await expect(page.getByTestId('start-learning')).toHaveText(v.start);
      await expect(page.getByTestId('where-line')).toBeVisible();
      // The app follows the guideline the first paint was drawn for.
      await expect(page.getByTestId('profile-name')).toHaveText(v.guideline);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      const { shift, lcp, app } = await page.evaluate(() => {
        const w = window as unknown as Watched;
        // The app marks the moment it has drawn its first frame.
        const app = performance.getEntriesByName('firstaid:app')[0]?.startTime ?? null;
        return { shift: w.e2eShift, lcp: w.e2eLcp, app };
      });
      expect(shift, 'cumulative layout shift').toBe(0);
      expect(app, 'when the app took the page').not.toBeNull();
      expect(lcp.length).toBeGreaterThan(0);
      // Every largest paint came before the app ran: the page in the HTML.
      for (const time of lcp) expect(time, `largest paint ${lcp} before the app at ${app}`).toBeLessThan(app as number);
      // Nothing of the app was fetched before the page was painted.
      const { fcp, early } = await downloadsBeforePaint(page);
      expect(fcp, 'the first contentful paint').not.toBeNull();
      expect(early, `downloads started before the first paint at ${fcp} ms`).toEqual([]);
      // The app answers: the first lesson opens.
      await page.getByTestId('start-learning').click();
      await expect(page).toHaveURL(/\/learn\//);
      await context.close();
    });
  }

  test('a link tapped before the app runs keeps the downloads and opens when the app starts', async ({ browser, server }) => {
    // No service worker: the running app registers one, whose precache
    // fetches every module again (the requests counted below are the
    // page's own).
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago', baseURL: server.origin, viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    // The main module is held back until the tap has been made.
    let release = () => {};
    const gate = new Promise<void>((r) => { release = r; });
    let mainRequests = 0;
    await context.route(/\/firstaid_bg-[0-9a-f]+\.wasm$/, async (route) => {
      mainRequests++;
      await gate;
      await route.continue();
    });
    let released = false;
    const pageModules: { beforeApp: boolean }[] = [];
    context.on('request', (req) => {
      if (/\/split_lessons-[0-9a-f]{10}\.wasm$/.test(req.url())) pageModules.push({ beforeApp: !released });
    });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
    await page.evaluate(() => { (window as unknown as { e2eSamePage: boolean }).e2eSamePage = true; });
    const start = page.getByTestId('start-learning');
    const href = await start.getAttribute('href');
    expect(href).toMatch(/^\/learn\//);
    await start.click();
    // No new page load: the address changed in place, the tap is shown.
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(start).toHaveAttribute('data-tapped', '');
    await expect(start).toHaveAttribute('aria-busy', 'true');
    expect(await page.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);
    // The lesson page's modules are asked for at the tap, not when the app runs.
    await expect.poll(() => pageModules.length).toBe(1);
    released = true;
    release();
    await waitForApp(page);
    // The app opened the page tapped; the module was fetched once.
    await expect(page.getByTestId('player')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);
    expect(mainRequests).toBe(1);
    expect(pageModules, 'the lesson page\'s module was fetched beside the app\'s, once').toHaveLength(1);
    expect(pageModules[0].beforeApp, 'fetched while the main module was held back').toBe(true);
    // Back goes home, in the app, which now offers to continue the lesson.
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('link', { name: 'Continue', exact: true })).toHaveAttribute('href', href!);
    await context.close();
  });

  // The modules of the longest address that matches: /quiz/practice is in
  // a chunk apart from the quiz page's.
  for (const [address, own, others] of [
    ['/quiz', 'quiz', 'lessons|trainer|instructor|quiz_play'],
    ['/quiz/practice', 'quiz_play', 'lessons|trainer|instructor|quiz'],
  ] as const) {
    test(`a page loaded on demand, opened directly, fetches its modules beside the app's (${address})`, async ({ browser, server }) => {
      const context = await browser.newContext({ locale: 'zh-CN', baseURL: server.origin, serviceWorkers: 'block' });
      // A returning visitor: the loading shell, not the quiz prerendered for a
      // first visit (whose modules wait for its first paint: lesson-paint.spec.ts).
      await asReturningVisitor(context);
      let release = () => {};
      const gate = new Promise<void>((r) => { release = r; });
      await context.route(/\/firstaid_bg-[0-9a-f]+\.wasm$/, async (route) => {
        await gate;
        await route.continue();
      });
      const early: string[] = [];
      const all: string[] = [];
      let released = false;
      context.on('request', (req) => {
        const name = new URL(req.url()).pathname;
        if (!/\/(split_|chunk_)/.test(name)) return;
        all.push(name);
        if (!released) early.push(name);
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      await page.goto(address);
      // Before the app runs: the page's own module and what it shares.
      await expect.poll(() => early.some((n) => new RegExp(`^/split_${own}-`).test(n))).toBe(true);
      expect(early.some((n) => new RegExp(`^/split_(${others})-`).test(n)), 'only this page\'s modules').toBe(false);
      released = true;
      release();
      await waitForApp(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('练习');
      // The loader took the preloaded responses: no module was fetched twice.
      expect(all.length).toBe(new Set(all).size);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  // The downloads wait for the browser to report the first paint: a
  // browser that cannot (no 'paint' entries) or refuses to observe them
  // waits a frame instead, and one that never reports it three seconds
  // after the first frame.
  for (const [what, script] of [
    ['cannot report paints', () => Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => ['mark', 'measure'] })],
    ['refuses to observe paints', () => {
      const observe = PerformanceObserver.prototype.observe;
      PerformanceObserver.prototype.observe = function (this: PerformanceObserver, options?: PerformanceObserverInit) {
        if (options?.type === 'paint') throw new TypeError('not here');
        observe.call(this, options);
      };
    }],
    ['never reports the first paint', () => {
      const observe = PerformanceObserver.prototype.observe;
      PerformanceObserver.prototype.observe = function (this: PerformanceObserver, options?: PerformanceObserverInit) {
        if (options?.type !== 'paint') observe.call(this, options);
      };
    }],
  ] as const) {
    test(`the app still starts where the browser ${what}`, async ({ browser, server }) => {
      const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago', baseURL: server.origin, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.addInitScript(script);
      await page.goto('/');
      // The browser is as described.
      const paints = await page.evaluate(() => new Promise<number>((resolve) => {
        if (!PerformanceObserver.supportedEntryTypes.includes('paint')) return resolve(-1);
        try {
          new PerformanceObserver((l) => resolve(l.getEntries().length)).observe({ type: 'paint', buffered: true });
        } catch (e) {
          return resolve(-2);
        }
        setTimeout(() => resolve(0), 500);
      }));
      expect(paints).toBeLessThanOrEqual(0);
      await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
      await waitForApp(page);
      await page.getByTestId('start-learning').click();
      await expect(page).toHaveURL(/\/learn\//);
      await context.close();
    });
  }
});
