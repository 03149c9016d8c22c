// Pages loaded on demand (issue 16): the lessons, quiz, trainer, records,
// instructor, certificate and print pages come in wasm chunks fetched the
// first time they are shown. A chunk that cannot load shows a message with
// a retry in the learner's language, never a crash; once it can load,
// "Try again" brings the page.
import { test, expect, waitForApp } from './fixtures';

for (const [locale, nav, failed, retry, heading] of [
  ['en-US', 'Learn', 'This page could not be loaded. Check your connection and try again.', 'Try again', 'Learn'],
  ['zh-CN', '学习', '无法加载本页。请检查网络后再试。', '重试', '学习'],
] as const) {
  test(`a blocked chunk offers a retry and recovers (${locale})`, async ({ browser, server }) => {
    // A context of its own (no service worker, so every request reaches the
    // route below); the page errors it raises are collected here, because a
    // blocked request is expected to be logged.
    const context = await browser.newContext({ locale, baseURL: server.origin, serviceWorkers: 'block' });
    let blocked = true;
    const chunks: string[] = [];
    await context.route(/\.wasm$/, (route) => {
      const url = route.request().url();
      if (/\/firstaid_bg-/.test(url) || /\/scan_bg-/.test(url)) return route.continue();
      chunks.push(url);
      return blocked ? route.abort() : route.continue();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto('/');
    await waitForApp(page);
    expect(chunks, 'the home page needs no chunk').toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: nav }).first().click();
    const alert = page.getByTestId('lazy-failed');
    await expect(alert).toContainText(failed, { timeout: 20_000 });
    await expect(alert).toHaveAttribute('role', 'alert');
    expect(chunks.length).toBeGreaterThan(0);
    // The shell still works: the app did not crash.
    await expect(page.locator('header a[href="/settings"]')).toBeVisible();

    blocked = false;
    await alert.getByRole('button', { name: retry }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByTestId('lazy-failed')).toHaveCount(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}

// A part of a page in a chunk of its own (the settings page's data
// section): while it loads, a line of text in the page; when it cannot
// load, the page stays and the part says so, in its own words, with a retry.
for (const [locale, failed, retry, heading] of [
  ['en-US', 'This part could not be loaded. Check your connection and try again.', 'Try again', 'Settings'],
  ['zh-CN', '无法加载这一部分。请检查网络后再试。', '重试', '设置'],
] as const) {
  test(`a part of a page whose chunk is blocked offers a retry and recovers (${locale})`, async ({ browser, server }) => {
    const context = await browser.newContext({ locale, baseURL: server.origin, serviceWorkers: 'block' });
    let blocked = true;
    await context.route(/\.wasm$/, (route) => {
      const url = route.request().url();
      if (/\/firstaid_bg-/.test(url) || /\/scan_bg-/.test(url) || !blocked) return route.continue();
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/settings');
    await waitForApp(page);
    // The page is there (it is in the main module); only its data part failed.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    const alert = page.getByTestId('lazy-failed');
    await expect(alert).toHaveText(new RegExp(`^${failed}`), { timeout: 20_000 });
    await expect(page.getByTestId('import')).toHaveCount(0);
    blocked = false;
    await alert.getByRole('button', { name: retry }).click();
    await expect(page.getByTestId('import')).toBeAttached();
    await expect(page.getByTestId('lazy-failed')).toHaveCount(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}

// The small shared chunks come in one file, the pack (xtask/src/pack.rs):
// when it cannot load, the page says so like for any chunk, and "Try again"
// fetches the pack again (a failed fetch is not kept).
test('a blocked pack of small chunks offers a retry and recovers', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'en-US', baseURL: server.origin, serviceWorkers: 'block' });
  let blocked = true;
  const packs: string[] = [];
  await context.route(/\/chunk_pack-[0-9a-f]{10}\.bin$/, (route) => {
    packs.push(route.request().url());
    return blocked ? route.abort() : route.continue();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await waitForApp(page);
  expect(packs, 'the home page needs no chunk').toEqual([]);

  await page.getByRole('navigation').getByRole('link', { name: 'Practice' }).first().click();
  const alert = page.getByTestId('lazy-failed');
  await expect(alert).toContainText('This page could not be loaded.', { timeout: 20_000 });
  expect(packs).toHaveLength(1);

  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice');
  expect(packs, 'the retry fetched the pack again').toHaveLength(2);
  expect(errors).toEqual([]);
  await context.close();
});
