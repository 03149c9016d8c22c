// The compression trainer (taps, metronome, results, stored sessions, CSV
// export, the scoring page), with axe-core on each screen. The emergency
// coach has its own spec (emergency.spec.ts).
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, axe, waitForApp } from './fixtures';

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

  test('stopping without saving asks first and keeps nothing', async ({ page }) => {
    await page.goto('/train');
    await waitForApp(page);
    await page.getByTestId('start-training').click();
    await tapAlong(page, 4, 545);
    await page.getByTestId('cancel-training').click();
    await expect(page.getByTestId('tap-pad')).toBeVisible();
    await page.getByTestId('confirm-cancel').click();
    await expect(page.getByTestId('session-ended')).toHaveText('Stopped without saving.');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByTestId('no-sessions')).toBeVisible();
  });

  test('the scoring page shows the formula with the targets', async ({ page }) => {
    await page.goto('/train/scoring');
    await waitForApp(page);
    const formula = page.getByTestId('formula');
    await expect(formula).toContainText('Between 100 and 120 per minute');
    await expect(formula).toContainText('at 80 or 140 per minute');
    await expect(formula).toContainText('between 5 and 6 cm');
    await expect(page.getByTestId('example')).toContainText('so the score is 100');
    await expect(page.getByTestId('example')).toContainText('so the score is 83');
    await axe(page, 'scoring page');
  });
});

test.describe('motion trainer (en)', () => {
  test.use({ locale: 'en-US' });

  test('sensor readings of 5.5 cm compressions give live depth, a depth chart and the raw trace', async ({ page }) => {
    await page.goto('/train');
    await waitForApp(page);
    await page.getByLabel('Hold the phone between your hands (motion sensor)').check();
    await expect(page.getByText('A phone only feels movement.').first()).toBeVisible();
    await page.getByLabel('Compressions only, without breaks').check();
    await page.getByTestId('start-training').click();
    await expect(page.getByTestId('live-depth')).toHaveText('—');
    // Twelve seconds of a phone tilted by 0.2 rad on a chest going 55 mm
    // down and up at 110/min, 60 events a second, values computed at each
    // event's real time (the app reads the event's time stamp).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const hz = 60, depth = 0.055, w = (2 * Math.PI * 110) / 60, g = 9.80665, tilt = 0.2;
          const start = performance.now();
          let k = 0;
          const next = () => {
            const t = (performance.now() - start) / 1000;
            const up = g - (depth / 2) * w * w * Math.cos(w * t);
            window.dispatchEvent(
              new DeviceMotionEvent('devicemotion', {
                accelerationIncludingGravity: { x: 0.05, y: Math.sin(tilt) * up, z: Math.cos(tilt) * up },
                interval: 1000 / hz,
              }),
            );
            k += 1;
            if (t >= 12) return resolve();
            setTimeout(next, Math.max(0, start + (k * 1000) / hz - performance.now()));
          };
          next();
        }),
    );
    const live = Number(await page.getByTestId('live-depth').textContent());
    expect(live).toBeGreaterThan(5.0);
    expect(live).toBeLessThan(6.0);
    await page.getByTestId('finish-training').click();

    await expect(page).toHaveURL(/\/train\/results\/\d+$/);
    const n = Number(await page.getByTestId('f-compressions').textContent());
    expect(n).toBeGreaterThanOrEqual(20);
    expect(n).toBeLessThanOrEqual(23);
    const mean = Number(await page.getByTestId('f-depth').textContent());
    expect(mean).toBeGreaterThanOrEqual(5.3);
    expect(mean).toBeLessThanOrEqual(5.7);
    await expect(page.locator('svg.chart')).toHaveCount(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^firstaid-motion-.*\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('t_ms,ax,ay,az');
    expect(lines.length).toBeGreaterThan(600);
    // The raw trace lives only in memory: after a reload the page says so.
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('f-compressions')).toHaveText(String(n));
    await expect(page.getByTestId('export-csv')).toHaveCount(0);
  });
});
