// Pages loaded on demand (issue 16): the lessons, quiz, trainer, records,
// instructor, certificate, print and settings pages come in wasm chunks fetched the
// first time they are shown. A chunk that cannot load shows a message with
// a retry in the learner's language, never a crash; once it can load,
// "Try again" brings the page.
import type { Page } from '@playwright/test';
import { test, expect, waitForApp, asReturningVisitor } from './fixtures';
import { accept, makeAssignment } from './classroom';
import { watchPlaceholder, placeholderSeen, watchFor, seen } from './paint';
import { lessons } from './content';

// What is blocked: every chunk (the app's main module and the QR decoder's
// pass), or only the packs of small shared chunks (xtask/src/pack.rs), whose
// failed fetch is not kept either: "Try again" fetches them again.
const everyChunk = (url: URL) => /\.wasm$/.test(url.pathname) && !/\/(firstaid_bg|scan_bg)-/.test(url.pathname);
const thePack = (url: URL) => /\/chunk_pack-[0-9a-f]{10}\.bin$/.test(url.pathname);

for (const [what, block, locale, nav, failed, retry, heading] of [
  ['chunk', everyChunk, 'en-US', 'Learn', 'This page could not be loaded. Check your connection and try again.', 'Try again', 'Learn'],
  ['chunk', everyChunk, 'zh-CN', '学习', '无法加载本页。请检查网络后再试。', '重试', '学习'],
  ['pack of small chunks', thePack, 'en-US', 'Practice', 'This page could not be loaded. Check your connection and try again.', 'Try again', 'Practice'],
  ['chunk', everyChunk, 'en-GB', 'Settings', 'This page could not be loaded. Check your connection and try again.', 'Try again', 'Settings'],
] as const) {
  test(`a blocked ${what} offers a retry and recovers (${locale})`, async ({ browser, server }, info) => {
    test.skip(info.project.name !== 'phone', 'the test makes its own context');
    // A context of its own (no service worker, so every request reaches the
    // route below); the page errors it raises are collected here, because a
    // blocked request is expected to be logged.
    const context = await browser.newContext({ locale, baseURL: server.origin, serviceWorkers: 'block' });
    let blocked = true;
    const requests: string[] = [];
    await context.route(block, (route) => {
      requests.push(route.request().url());
      return blocked ? route.abort() : route.continue();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto('/');
    await waitForApp(page);
    expect(requests, 'the home page needs no chunk').toEqual([]);

    // The settings link is in the top bar, the others in the main navigation.
    const bar = nav === 'Settings' ? page.getByRole('banner') : page.getByRole('navigation');
    await bar.getByRole('link', { name: nav }).first().click();
    const alert = page.getByTestId('lazy-failed');
    await expect(alert).toContainText(failed, { timeout: 20_000 });
    await expect(alert).toHaveAttribute('role', 'alert');
    const failedRequests = requests.length;
    expect(failedRequests).toBeGreaterThan(0);
    // The shell still works: the app did not crash.
    await expect(page.locator('header a[href="/settings"]')).toBeVisible();

    blocked = false;
    await alert.getByRole('button', { name: retry }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByTestId('lazy-failed')).toHaveCount(0);
    expect(requests.length, 'the retry fetched again').toBeGreaterThan(failedRequests);
    expect(errors).toEqual([]);
    await context.close();
  });
}

// A part of a page in a chunk of its own (the home page's card of class
// assignments, in the records chunk): while it loads, a line of text in the
// page; when it cannot load, the page stays and the part says so, in its
// own words, with a retry.
for (const [locale, failed, retry, heading] of [
  ['en-US', 'This part could not be loaded. Check your connection and try again.', 'Try again', 'Welcome'],
  ['zh-CN', '无法加载这一部分。请检查网络后再试。', '重试', '欢迎'],
] as const) {
  test(`a part of a page whose chunk is blocked offers a retry and recovers (${locale})`, async ({ page, browser, server }, info) => {
    test.skip(info.project.name !== 'phone', 'one viewport is enough');
    test.setTimeout(90_000);
    const { link } = await makeAssignment(page, { className: 'Class 1', exam: null });
    // The learner's phone: no service worker, so every request reaches the
    // route below; the assignment is accepted while nothing is blocked.
    const context = await browser.newContext({ locale, baseURL: server.origin, serviceWorkers: 'block' });
    let blocked = false;
    await context.route(/\.(wasm|bin)$/, (route) => {
      const url = route.request().url();
      if (/\/firstaid_bg-/.test(url) || /\/scan_bg-/.test(url) || !blocked) return route.continue();
      return route.abort();
    });
    const lp = await context.newPage();
    const errors: string[] = [];
    lp.on('pageerror', (e) => errors.push(e.message));
    await accept(lp, link);

    blocked = true;
    await lp.goto('/');
    await waitForApp(lp);
    // The page is there (it is in the main module); only its card failed.
    await expect(lp.getByRole('heading', { level: 1 })).toHaveText(heading);
    const alert = lp.getByTestId('lazy-failed');
    await expect(alert).toHaveText(new RegExp(`^${failed}`), { timeout: 20_000 });
    await expect(lp.getByTestId('assignment-item')).toHaveCount(0);
    blocked = false;
    await alert.getByRole('button', { name: retry }).click();
    await expect(lp.getByTestId('assignment-item')).toContainText('Class 1');
    await expect(lp.getByTestId('lazy-failed')).toHaveCount(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('a page whose chunk is already there is drawn at once, without the placeholder', async ({ page }) => {
  await watchPlaceholder(page);
  await page.goto('/');
  await waitForApp(page);
  // The lessons' chunk is fetched once, for the list of lessons…
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await expect(page.locator('.lesson-list').first()).toBeVisible();
  await placeholderSeen(page, true);
  // …then a lesson (another page of the same chunk) and the list again
  // show no loading placeholder, not even for a task.
  await page.locator('.lesson-list a').first().click();
  await expect(page.getByTestId('step')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await expect(page.locator('.lesson-list').first()).toBeVisible();
  expect(await placeholderSeen(page)).toBe(false);
});

// What comes after a page is fetched while the page is read, so it is
// there at once, the network gone: a lesson's knowledge check (a part of
// its own, the `check` chunk, so the lessons' chunk holds no question) at
// the lesson's end, and practice (the `quiz_play` chunk, apart from the
// quiz page's) when Start is tapped. The check is asked for only once the
// learner moves on from the first step, so its compiling does not hold
// up the lesson's start.
const lessonNext = (page: Page) => page.locator('[data-tap-again="lesson-next"]');
for (const [what, chunk, address, begin, reach, shown] of [
  ['a lesson\'s knowledge check', 'check', `/learn/${lessons[0].id}`, async (page: Page) => {
    await lessonNext(page).click();
    await expect(page.getByTestId('step')).toHaveAttribute('data-step', lessons[0].steps[1].id);
  }, async (page: Page) => {
    for (let i = 2; i < lessons[0].steps.length; i++) {
      await lessonNext(page).click();
      await expect(page.getByTestId('step')).toHaveAttribute('data-step', lessons[0].steps[i].id);
    }
    await expect(lessonNext(page)).toHaveText('Knowledge check');
    await lessonNext(page).click();
  }, 'check'],
  ['practice', 'quiz_play', '/quiz', null, async (page: Page) => {
    await page.getByTestId('start-practice').click();
  }, 'question'],
] as const) {
  test(`${what} is fetched while the page before is read, and is there offline`, async ({ browser, server }, info) => {
    test.skip(info.project.name !== 'phone', 'the test makes its own context');
    const context = await browser.newContext({ locale: 'en-US', baseURL: server.origin, serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await watchPlaceholder(page);
    const chunkUrl = new RegExp(`/split_${chunk}-[0-9a-f]{10}\\.wasm$`);
    let asked = false;
    page.on('request', (r) => { if (chunkUrl.test(r.url())) asked = true; });
    const fetched = page.waitForResponse((r) => chunkUrl.test(r.url()) && r.ok());
    await page.goto(address);
    await waitForApp(page);
    if (begin) {
      await page.waitForLoadState('networkidle');
      expect(asked, 'not asked for while the lesson starts').toBe(false);
      await begin(page);
    }
    await fetched;
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await placeholderSeen(page, true);
    await reach(page);
    await expect(page.getByTestId(shown).first()).toBeVisible();
    await expect(page.getByTestId('lazy-failed')).toHaveCount(0);
    expect(await placeholderSeen(page), 'no loading line before it').toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('a page loaded on demand, opened by its address at a place on it, is scrolled there', async ({ page }) => {
  await page.goto('/settings#where');
  await waitForApp(page);
  await expect(page.locator('#where')).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // Without a place, the page opens at its top.
  await page.goto('/settings');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

// A network that drops a request (a train, a lift) does not cost the page:
// a chunk whose fetch failed is fetched again by the app itself, and the
// page comes without the error ever showing. The first two fetches of each
// chunk fail: on a lesson's first visit the first is the page's preload
// (first-paint.js), so the app's own fetch must fail too for the test to
// need the app's tries.
test('a chunk whose first fetches fail is fetched again, and the page comes without the error', async ({ browser, server }, info) => {
  test.skip(info.project.name !== 'phone', 'the test makes its own context');
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: server.origin, serviceWorkers: 'block' });
  const tries = new Map<string, number>();
  await context.route(everyChunk, (route) => {
    const name = new URL(route.request().url()).pathname;
    tries.set(name, (tries.get(name) ?? 0) + 1);
    return tries.get(name)! <= 2 ? route.abort() : route.continue();
  });
  const failed = '[data-testid="lazy-failed"]';
  await watchFor(context, failed);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A first visit of a lesson: the lesson in the HTML stays until the app's
  // lesson is whole, and it is the lesson that takes its place.
  await page.goto(`/learn/${lessons[0].id}`);
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'zh-CN/rcsc');
  await waitForApp(page);
  await expect(page.getByTestId('step')).toBeVisible();
  // A page reached in the app.
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '训练' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('按压训练');
  const fetched = [...tries].filter(([name]) => /\/split_(lessons|trainer)-/.test(name));
  expect(fetched.map(([, n]) => n), 'each page\'s chunk fetched three times').toEqual([3, 3]);
  expect(await seen(page, failed), 'the error was shown').toBe(false);
  expect(errors).toEqual([]);
  await context.close();
});

test('a returning visitor opening a page loaded on demand sees the loading shell, then the page: no chain of loading screens', async ({ browser, server }, info) => {
  test.skip(info.project.name !== 'phone', 'the test names its own viewport');
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: server.origin, viewport: { width: 390, height: 844 } });
  await asReturningVisitor(context);
  // The app's loading marks (not the loading shell's own "Loading…").
  const loading = '#app .loading:not([data-static-loading]), #app .lazy-loading';
  await watchFor(context, loading);
  const page = await context.newPage();
  for (const path of ['/learn', `/learn/${lessons[1].id}`, '/train']) {
    await page.goto(path);
    await expect(page.locator('html')).not.toHaveAttribute('data-first-paint', /.*/);
    await waitForApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[data-static-shell]')).toHaveCount(0);
    expect(await seen(page, loading), `${path}: a loading mark of the app's was shown`).toBe(false);
  }
  await context.close();
});

// A page left while its chunk is on its way is let go: when the chunk
// comes (held back), or while it waits to try again (its fetches fail),
// nothing is drawn for the page left — no error, no crash screen, no
// fetch tried again for it — and the page opens when it is visited again.
for (const [locale, way, learn, practice] of [
  ['en-US', 'held back', 'Learn', 'Practice'],
  ['zh-CN', 'failing', '学习', '练习'],
] as const) {
  test(`a page left while its chunk is ${way} is let go, and opens when visited again (${locale})`, async ({ browser, server }, info) => {
    test.skip(info.project.name !== 'phone', 'the test names its own viewport');
    const context = await browser.newContext({ locale, baseURL: server.origin, viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    await asReturningVisitor(context);
    let release = () => {};
    const gate = new Promise<void>((r) => { release = r; });
    let fetches = 0;
    let failing = way === 'failing';
    await context.route(/\/split_quiz-[0-9a-f]+\.wasm$/, async (route) => {
      fetches += 1;
      if (failing) return route.abort();
      await gate;
      return route.continue();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await waitForApp(page);
    const tabs = page.locator('nav.tab-bar');
    await tabs.locator('a[href="/quiz"]').click();
    await expect(page.getByTestId('lazy-loading')).toBeVisible();
    await tabs.locator('a[href="/learn"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(learn);
    const left = fetches;
    release();
    // Longer than the page's own tries wait (0.5 s, then 2 s).
    await page.waitForTimeout(3000);
    expect(fetches, 'no fetch tried again for the page left').toBe(left);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(learn);
    await expect(page.locator('.crash')).toHaveCount(0);
    failing = false;
    await tabs.locator('a[href="/quiz"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(practice);
    expect(errors).toEqual([]);
    await context.close();
  });
}
