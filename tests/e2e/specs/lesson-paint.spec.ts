// A lesson opened from a link (a class's chat, a poster's QR code) is the
// first visit of many learners: its first paint is the lesson itself,
// rendered at build time by the app (xtask prerender) in the visitor's
// language and guideline profile, before any wasm has run; the app then
// draws the same step out of sight and puts it in the copy's place once
// the lesson's module has come (app/takeover.rs), so its loading
// placeholder never covers the page. The quiz, also loaded
// on demand, is prerendered the same way, and so is the about page.
import { test, expect, axe, waitForApp, asReturningVisitor } from './fixtures';
import { lessons, resolve } from './content';
import { withoutWasm, watchPaint, type Watched, downloadsBeforePaint, watchPlaceholder, placeholderSeen, lessonsHeldBack } from './paint';

// Phone only: every test here makes its own browser context with the
// viewport it names, so the desktop project would run them again unchanged.
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'each test names its own viewport');
});

const visitors = [
  { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', lang: 'zh' as const, profile: 'rcsc', key: 'zh-CN/rcsc', next: '下一步' },
  { locale: 'en-US', timezoneId: 'America/Chicago', lang: 'en' as const, profile: 'aha', key: 'en/aha', next: 'Next' },
  { locale: 'en-GB', timezoneId: 'Europe/London', lang: 'en' as const, profile: 'erc', key: 'en/erc', next: 'Next' },
];

test.describe('a lesson\'s first paint', () => {
  for (const [i, v] of visitors.entries()) {
    // A different lesson for each visitor: every lesson has its page.
    const lesson = lessons[(i * 3) % lessons.length];
    test(`with the wasm blocked, a first visit in ${v.locale} sees ${lesson.id} (${v.profile})`, async ({ browser, server }) => {
      const { context, page, errors } = await withoutWasm(browser, server.origin, v.locale, v.timezoneId);
      await page.goto(`/learn/${lesson.id}`);
      await expect(page.locator('html')).toHaveAttribute('data-first-paint', v.key);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title[v.lang]);
      // The tab and the history name the lesson, as the app's page does.
      await expect(page).toHaveTitle(`${lesson.title[v.lang]} · ${v.lang === 'zh' ? '急救英雄' : 'First Aid Hero'}`);
      // The first step, as this visitor's guideline teaches it, with its picture.
      const step = page.getByTestId('step');
      await expect(step).toHaveAttribute('data-step', lesson.steps[0].id);
      await expect(step.locator('.step-text')).toHaveText(resolve(lesson.steps[0], v.profile).text[v.lang]);
      if (lesson.steps[0].illustration) await expect(step.locator('.illustration svg')).toBeVisible();
      await expect(page.getByRole('button', { name: v.next, exact: true })).toBeVisible();
      // One page: the other copies and the loading shell are gone.
      await expect(page.locator('#app [data-first-paint]')).toHaveCount(1);
      await expect(page.locator('[data-static-shell]')).toHaveCount(0);
      // The app did not load: said at the top, with a retry.
      await expect(page.locator('main [data-static-failed]')).toBeVisible();
      await axe(page, `lesson first paint ${v.locale}`);
      // The skip link works without the app.
      await page.locator('.skip-link').focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main')).toBeFocused();
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('the lessons\' list has its page too, and a returning visitor gets the app\'s', async ({ browser, server }) => {
    const { context, page, errors } = await withoutWasm(browser, server.origin, 'zh-CN', 'Asia/Shanghai');
    await page.goto('/learn');
    await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'zh-CN/rcsc');
    for (const lesson of lessons) {
      await expect(page.locator(`#app a[href="/learn/${lesson.id}"]`).first()).toBeVisible();
    }
    // Something stored: the page may differ from a first visit's (progress,
    // another language or profile), so the app draws it.
    await asReturningVisitor(context);
    await page.goto(`/learn/${lessons[1].id}`);
    await expect(page.locator('html')).not.toHaveAttribute('data-first-paint', /.*/);
    await expect(page.locator('#app [data-first-paint]')).toHaveCount(0);
    await expect(page.locator('.static-call')).toBeVisible();
    expect(errors).toEqual([]);
    await context.close();
  });
});

const titles = { '/quiz': { zh: '练习', en: 'Practice' }, '/about': { zh: '关于急救英雄', en: 'About First Aid Hero' } };

test('with the wasm blocked, a first visit of the quiz or the about page sees that page', async ({ browser, server }) => {
  for (const v of visitors.slice(0, 2)) {
    for (const [path, title] of Object.entries(titles)) {
      const { context, page, errors } = await withoutWasm(browser, server.origin, v.locale, v.timezoneId);
      await page.goto(path);
      await expect(page.locator('html'), path).toHaveAttribute('data-first-paint', v.key);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title[v.lang]);
      await expect(page.locator('#app [data-first-paint]')).toHaveCount(1);
      expect(errors).toEqual([]);
      await context.close();
    }
  }
});

test.describe('the app takes over a page loaded on demand', () => {
  for (const [v, path] of [[visitors[0], `/learn/${lessons[0].id}`], [visitors[1], `/learn/${lessons[0].id}`], [visitors[1], '/quiz']] as const) {
    test(`without a placeholder or a layout shift, the largest paint from the page in the HTML (${path}, ${v.locale})`, async ({ browser, server }) => {
      const context = await browser.newContext({ locale: v.locale, timezoneId: v.timezoneId, baseURL: server.origin, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await watchPaint(page);
      await watchPlaceholder(page);
      const lesson = lessons[0];
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-first-paint', v.key);
      await waitForApp(page);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      const { shift, lcp, app } = await page.evaluate(() => {
        const w = window as unknown as Watched;
        const app = performance.getEntriesByName('firstaid:app')[0]?.startTime ?? null;
        return { shift: w.e2eShift, lcp: w.e2eLcp, app };
      });
      const placeholder = await placeholderSeen(page);
      expect(placeholder, 'the loading placeholder was drawn over the lesson').toBe(false);
      expect(shift, 'cumulative layout shift').toBe(0);
      expect(app, 'when the app took the page').not.toBeNull();
      expect(lcp.length).toBeGreaterThan(0);
      for (const time of lcp) expect(time, `largest paint ${lcp} before the app at ${app}`).toBeLessThan(app as number);
      // Nothing of the app was fetched before the page was painted.
      const { fcp, early } = await downloadsBeforePaint(page);
      expect(fcp, 'the first contentful paint').not.toBeNull();
      expect(early, `downloads started before the first paint at ${fcp} ms`).toEqual([]);
      // The app answers: Next shows the second step; the quiz starts.
      if (path === '/quiz') {
        await page.getByRole('button', { name: 'Start practice', exact: true }).click();
        await expect(page).toHaveURL(/\/quiz\/practice/);
      } else {
        await page.getByRole('button', { name: v.next, exact: true }).click();
        await expect(page.getByTestId('step')).toHaveAttribute('data-step', lesson.steps[1].id);
      }
      await context.close();
    });
  }
});

test('a tap on the lesson before its module arrives is kept, and a module that never comes does not hold the page', async ({ browser, server }) => {
  const { context, page, problems, release } = await lessonsHeldBack(browser, server.origin);
  await page.goto(`/learn/${lessons[1].id}`);
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
  await page.evaluate(() => { (window as unknown as { e2eSamePage: boolean }).e2eSamePage = true; });
  // The app has drawn its page out of sight; the copy is still the page.
  await page.waitForFunction(() => performance.getEntriesByName('firstaid:drawing').length === 1);
  expect(await page.evaluate(() => performance.getEntriesByName('firstaid:app').length)).toBe(0);
  await expect(page.locator('#app [data-first-paint]')).toBeVisible();
  await page.locator('#app a[href="/learn"]').first().click();
  await expect(page).toHaveURL(/\/learn$/);
  // At most 8 s later the app takes the page, with the page it was asked
  // for loading: not the lesson, and not the copy.
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running', { timeout: 15_000 });
  await expect(page.getByTestId('lazy-loading')).toBeVisible();
  await expect(page.locator('#app [data-first-paint]')).toHaveCount(0);
  // Focus was on the tapped link, in the copy: it is on the app's page.
  await expect(page.locator('main#main')).toBeFocused();
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn');
  expect(await page.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});

test('Next tapped on the lesson before the app runs is tapped again once the app has taken the page', async ({ browser, server }) => {
  // The lessons' module is held back until the tap has been made.
  const { context, page, problems, release } = await lessonsHeldBack(browser, server.origin);
  const lesson = lessons[0];
  await page.goto(`/learn/${lesson.id}`);
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
  const next = page.locator('#app [data-first-paint]').getByRole('button', { name: 'Next', exact: true });
  await next.click();
  // The copy shows the tap; nothing else happens yet.
  await expect(next).toHaveAttribute('data-tapped', '');
  await expect(next).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('step')).toHaveAttribute('data-step', lesson.steps[0].id);
  release();
  await waitForApp(page);
  // The app's page, one step on, and the tap not kept for later.
  await expect(page.locator('#app [data-first-paint]')).toHaveCount(0);
  await expect(page.getByTestId('step')).toHaveAttribute('data-step', lesson.steps[1].id);
  await expect(page.locator('html')).not.toHaveAttribute('data-tapped-button', /.*/);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveAttribute('data-step', lesson.steps[0].id);
  expect(problems).toEqual([]);
  await context.close();
});
