// What a first visitor does on the page in the HTML (xtask prerender)
// before the app runs is not lost: every button they can tap is shown as
// tapped and tapped again by the app (first-paint.js, app/takeover.rs), and
// what they opened (a lesson's "Why?") is still open in the app's page.
import { test, expect, waitForApp, recordSpeech, spoken } from './fixtures';
import { lessons, questions } from './content';
import { withoutWasm, lessonsHeldBack, chunkHeldBack } from './paint';

// Phone only: every test here makes its own browser context with the
// viewport it names, so the desktop project would run them again unchanged.
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'each test names its own viewport');
});

const visitors = [
  { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
  { locale: 'en-US', timezoneId: 'America/Chicago' },
];

test('every button a first visitor can tap on a page in the HTML is tapped again by the app', async ({ browser, server }) => {
  const paths = ['/', '/learn', '/quiz', '/about', ...lessons.map((l) => `/learn/${l.id}`)];
  for (const v of visitors) {
    const { context, page, errors } = await withoutWasm(browser, server.origin, v.locale, v.timezoneId);
    let seen = 0;
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator('html'), path).toHaveAttribute('data-first-paint', /.+/);
      // Buttons the page keeps hidden until the app runs (the place's
      // Yes and Change) cannot be tapped; the notice that the app did not
      // load has its own retry, which reloads the page.
      for (const button of await page.locator('#app [data-first-paint] button:not([data-static-retry])').all()) {
        if (!(await button.isVisible())) continue;
        seen += 1;
        const name = (await button.getAttribute('data-tap-again')) ?? '';
        expect(name, `${path} (${v.locale}): "${await button.innerText()}" is lost if tapped before the app runs`).toMatch(/^[a-z0-9-]+$/);
      }
    }
    // A lesson's Back, Next and Read aloud, the quiz's two starts at least.
    expect(seen).toBeGreaterThanOrEqual(lessons.length * 2 + 2);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('Read aloud tapped on the lesson before the app runs reads the step once the app has taken the page', async ({ browser, server }) => {
  const { context, page, problems, release } = await lessonsHeldBack(browser, server.origin);
  await recordSpeech(page);
  const lesson = lessons[0];
  await page.goto(`/learn/${lesson.id}`);
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
  const supported = await page.evaluate(() => 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window);
  test.skip(!supported, 'this browser cannot read aloud, so the lesson has no Read aloud');
  const copy = page.locator('#app [data-first-paint]');
  const read = copy.getByRole('button', { name: 'Read aloud', exact: true });
  await read.click();
  await expect(read).toHaveAttribute('data-tapped', '');
  expect(await spoken(page)).toEqual([]);
  const text = (await copy.locator('.step-text').innerText()).trim();
  release();
  await waitForApp(page);
  await expect(copy).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Stop reading' })).toHaveAttribute('aria-pressed', 'true');
  const said = await spoken(page);
  expect(said).toHaveLength(1);
  expect(said[0].text).toContain(text);
  await expect(page.locator('html')).not.toHaveAttribute('data-tapped-button', /.*/);
  expect(problems).toEqual([]);
  await context.close();
});

test('"Why?" opened on the lesson before the app runs is still open in the app\'s page', async ({ browser, server }) => {
  const { context, page, problems, release } = await lessonsHeldBack(browser, server.origin);
  const lesson = lessons[0];
  await page.goto(`/learn/${lesson.id}`);
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
  const copy = page.locator('#app [data-first-paint]');
  await copy.getByTestId('why').locator('summary').click();
  await expect(copy.getByTestId('why').locator('li').first()).toBeVisible();
  release();
  await waitForApp(page);
  await expect(copy).toHaveCount(0);
  const why = page.getByTestId('why');
  await expect(why).toHaveAttribute('open', '');
  await expect(why.locator('li').first()).toBeVisible();
  // The app's own state follows: closing it and going on leaves the next
  // step's closed.
  await why.locator('summary').click();
  await expect(why.locator('li').first()).toBeHidden();
  await why.locator('summary').click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveAttribute('data-step', lesson.steps[1].id);
  await expect(page.getByTestId('why').locator('li').first()).toBeHidden();
  expect(problems).toEqual([]);
  await context.close();
});

test('a practice topic chosen before the app runs is the one Start practice, tapped again, starts with', async ({ browser, server }) => {
  const { context, page, problems, release } = await chunkHeldBack(browser, server.origin, 'quiz');
  // The lesson with the fewest questions for this visitor (AHA): its
  // session is shorter than the ten of all lessons.
  const count = (id: string) => questions.filter((q) => q.lesson === id && q.profiles.includes('aha')).length;
  const lesson = [...lessons].sort((a, b) => count(a.id) - count(b.id))[0];
  const total = Math.min(10, count(lesson.id));
  expect(total).toBeLessThan(10);
  await page.goto('/quiz');
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
  const copy = page.locator('#app [data-first-paint]');
  await copy.getByTestId('practice-scope').selectOption(lesson.id);
  await copy.getByRole('button', { name: 'Start practice', exact: true }).click();
  await expect(copy.getByTestId('start-practice')).toHaveAttribute('data-tapped', '');
  release();
  await waitForApp(page);
  await expect(page).toHaveURL(/\/quiz\/practice/);
  await expect(page.getByTestId('practice-position')).toHaveText(`Question 1 of ${total}`);
  const id = await page.getByTestId('question').getAttribute('data-question');
  expect(questions.find((q) => q.id === id)?.lesson).toBe(lesson.id);
  expect(problems).toEqual([]);
  await context.close();
});

test('a lesson scrolled before the app runs stays where it was when the app takes the page', async ({ browser, server }) => {
  const { context, page, problems, release } = await lessonsHeldBack(browser, server.origin);
  await page.goto(`/learn/${lessons[0].id}`);
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
  const copy = page.locator('#app [data-first-paint]');
  await copy.getByTestId('why').locator('summary').click();
  const bottom = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  expect(bottom, 'the lesson is longer than the screen').toBeGreaterThan(200);
  await page.evaluate((y) => scrollTo(0, y), bottom);
  const y = await page.evaluate(() => scrollY);
  release();
  await waitForApp(page);
  await expect(copy).toHaveCount(0);
  expect(await page.evaluate(() => scrollY)).toBe(y);
  expect(problems).toEqual([]);
  await context.close();
});

test('the app takes the page once its pictures have come: the logo does not blink', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: server.origin, viewport: { width: 390, height: 844 } });
  // The logo is slow to come (a revalidation on a slow network).
  await context.route(/\/icons\/icon\.svg$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await context.addInitScript(() => {
    const w = window as unknown as { e2eIncomplete: string[] | null };
    w.e2eIncomplete = null;
    new MutationObserver(() => {
      if (w.e2eIncomplete !== null || !document.documentElement.hasAttribute('data-app')) return;
      w.e2eIncomplete = [...document.querySelectorAll('#app img')]
        .filter((i) => !(i as HTMLImageElement).complete)
        .map((i) => (i as HTMLImageElement).src);
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'zh-CN/rcsc');
  await waitForApp(page);
  expect(await page.evaluate(() => (window as unknown as { e2eIncomplete: string[] | null }).e2eIncomplete)).toEqual([]);
  await expect(page.locator('header img')).toBeVisible();
  await context.close();
});

test('a tab tapped before the app runs is the current tab at once, and a bar runs until the app opens its page', async ({ browser, server }) => {
  for (const v of visitors) {
    const { context, page, errors } = await withoutWasm(browser, server.origin, v.locale, v.timezoneId);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-first-paint', /.+/);
    const tabs = page.locator('#app [data-first-paint] .tab-bar');
    await expect(tabs.locator('a[aria-current="page"]')).toHaveAttribute('href', '/');
    const bar = () => page.evaluate(() => getComputedStyle(document.getElementById('app')!, '::before').content);
    expect(await bar()).toBe('none');
    await tabs.locator('a[href="/quiz"]').click();
    await expect(page).toHaveURL(/\/quiz$/);
    await expect(tabs.locator('a[aria-current="page"]')).toHaveCount(1);
    await expect(tabs.locator('a[aria-current="page"]')).toHaveAttribute('href', '/quiz');
    expect(await bar()).toBe('""');
    // A link that is not a tab (Start learning) makes its page's tab current.
    await page.goto('/');
    await page.getByTestId('start-learning').click();
    await expect(page).toHaveURL(/\/learn\//);
    await expect(tabs.locator('a[aria-current="page"]')).toHaveCount(1);
    await expect(tabs.locator('a[aria-current="page"]')).toHaveAttribute('href', '/learn');
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('a page opened by a link tapped before the app runs does not get the first page\'s scroll', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago', baseURL: server.origin, viewport: { width: 390, height: 844 } });
  // The main module is held back until the tap has been made.
  let release = () => {};
  const gate = new Promise<void>((r) => { release = r; });
  await context.route(/\/firstaid_bg-[0-9a-f]+\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto('/learn');
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'en/aha');
  const last = page.locator('#app [data-first-paint] .lesson-list a').last();
  await last.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300);
  const href = await last.getAttribute('href');
  await last.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  release();
  await waitForApp(page);
  await expect(page.getByTestId('step')).toBeVisible();
  // The lesson opens at its top, its heading on the screen.
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await context.close();
});
