// The compression trainer (taps, metronome, results, stored sessions, CSV
// export, the scoring page) and the emergency coach (one tap from every
// route, the profile's number, offline), with axe-core on each screen.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, waitForApp, waitForOfflineReady } from './fixtures';

async function axe(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, what).toEqual([]);
}

/** Taps the pad `n` times, `gapMs` apart, with pointer events dispatched
 *  in the page on a fixed schedule (each tap aims at start + k·gap, so one
 *  late timer does not shift the rest). */
async function tapAlong(page: Page, n: number, gapMs: number): Promise<void> {
  await page.getByTestId('tap-pad').evaluate(
    (pad, [n, gap]) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        let k = 0;
        const next = () => {
          pad.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true, pointerType: 'touch', isPrimary: true }));
          k += 1;
          if (k >= n) return resolve();
          setTimeout(next, Math.max(0, start + k * gap - performance.now()));
        };
        next();
      }),
    [n, gapMs] as const,
  );
}

test.describe('trainer (en)', () => {
  test.use({ locale: 'en-US' });

  test('tap trainer: metronome, live rate, summary, stored session and CSV', async ({ page }) => {
    await page.goto('/train');
    await waitForApp(page);
    await expect(page.getByTestId('no-sessions')).toBeVisible();
    await axe(page, 'trainer setup');
    await page.getByLabel('Compressions only, without breaks').check();
    await page.getByTestId('start-training').click();
    // The metronome runs: the visual beat follows what is heard.
    await expect(page.getByTestId('beat')).toHaveText(/^\d+$/);
    await expect(page.getByTestId('time-left')).toHaveText(/^[12]:\d\d$/);
    await axe(page, 'running session');
    // Twelve taps at 110/min (545 ms apart).
    await tapAlong(page, 12, 545);
    const rate = Number(await page.getByTestId('live-rate').textContent());
    expect(rate).toBeGreaterThanOrEqual(100);
    expect(rate).toBeLessThanOrEqual(120);
    await expect(page.getByTestId('prompt')).toHaveText('Good');
    await page.getByTestId('finish-training').click();

    await expect(page).toHaveURL(/\/train\/results\/\d+$/);
    await expect(page.getByTestId('f-compressions')).toHaveText('12');
    const mean = Number(await page.getByTestId('f-rate').textContent());
    expect(mean).toBeGreaterThanOrEqual(100);
    expect(mean).toBeLessThanOrEqual(120);
    await expect(page.getByTestId('session-score').locator('strong')).toHaveText(/^\d+$/);
    await expect(page.locator('svg.chart polyline')).toHaveCount(1);
    await axe(page, 'session results');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^firstaid-taps-.*\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('t_ms');
    expect(lines).toHaveLength(13);

    // Stored: the trainer page lists it, also after a reload.
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('f-compressions')).toHaveText('12');
    await page.goto('/train');
    await expect(page.getByTestId('latest-session')).toContainText('12 compressions');
    await expect(page.getByTestId('best-session')).toBeVisible();
  });

  test('keyboard taps count, slow ones prompt "Faster", too few get no score', async ({ page }) => {
    await page.goto('/train');
    await waitForApp(page);
    await page.getByLabel('Play the metronome').uncheck();
    await page.getByTestId('start-training').click();
    await expect(page.getByTestId('tap-pad')).toBeFocused();
    // 67/min: a late key press would need to be 0.6 s late to look like
    // a missed one.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Space');
      if (i < 4) await page.waitForTimeout(900);
    }
    await expect(page.getByTestId('prompt')).toHaveText('Faster');
    await page.getByTestId('finish-training').click();
    await expect(page.getByTestId('f-compressions')).toHaveText('5');
    await expect(page.getByTestId('session-score')).toContainText('fewer than 10');
  });

  test('the scoring page shows the formula with the targets', async ({ page }) => {
    await page.goto('/train/scoring');
    await waitForApp(page);
    const formula = page.getByTestId('formula');
    await expect(formula).toContainText('Between 100 and 120 per minute');
    await expect(formula).toContainText('at 80 or 140 per minute');
    await expect(formula).toContainText('between 5 and 6 cm');
    await axe(page, 'scoring page');
  });
});

test.describe('emergency', () => {
  const routes = ['/', '/learn', '/quiz', '/train', '/train/scoring', '/settings', '/about', '/no-such-page'];

  for (const [locale, number, push] of [
    ['zh-CN', '120', '按压'],
    ['en-US', '911', 'Push'],
    ['en-GB', '112', 'Push'],
  ]) {
    test(`one tap from every route shows the coach and calls ${number} (${locale})`, async ({ browser, server }) => {
      const context = await browser.newContext({ locale, baseURL: server.origin });
      const page = await context.newPage();
      for (const route of routes) {
        await page.goto(route);
        await waitForApp(page);
        await page.getByTestId('emergency-button').click();
        await expect(page).toHaveURL(/\/emergency$/);
        await expect(page.getByTestId('emergency-call')).toHaveAttribute('href', `tel:${number}`);
      }
      // It helps before asking anything: the beat is already running.
      await expect(page.getByTestId('emergency-beat')).toHaveText(push);
      await expect(page.getByTestId('emergency-beat')).toHaveClass(/odd/);
      await axe(page, `emergency (${locale})`);
      await context.close();
    });
  }

  test('works offline and counts 30:2 for trained rescuers', async ({ browser, server }) => {
    const context = await browser.newContext({ locale: 'zh-CN', baseURL: server.origin });
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    await waitForOfflineReady(page);
    await context.setOffline(true);
    await page.goto('/emergency');
    await expect(page.getByTestId('emergency-call')).toHaveAttribute('href', 'tel:120');
    await page.getByRole('button', { name: '30:2 加人工呼吸' }).click();
    await expect(page.getByRole('button', { name: '30:2 加人工呼吸' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('emergency-beat')).toHaveText(/^(1|2|3|4)$/);
    await context.close();
  });
});
