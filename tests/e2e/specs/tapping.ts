// Driving the compression trainer from a spec: taps on a fixed schedule and
// a session started through its countdown. Used by the trainer and chaos specs.
import { expect, type Page } from '@playwright/test';

/** Taps the pad `n` times, `gapMs` apart, with pointer events dispatched
 *  in the page on a fixed schedule (each tap aims at start + k·gap, so one
 *  late timer does not shift the rest). */
export async function tapAlong(page: Page, n: number, gapMs: number): Promise<void> {
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

/** Starts a session from the setup page: the countdown shows (3, 2, 1 in
 *  the beat circle, `getReady` in the prompt, which screen readers hear),
 *  then the session runs. */
export async function startSession(page: Page, getReady: RegExp): Promise<void> {
  await page.getByTestId('start-training').click();
  const run = page.getByTestId('run');
  await expect(run).toHaveAttribute('data-state', 'countdown');
  await expect(page.getByTestId('beat')).toHaveText(/^[123]$/);
  await expect(page.getByTestId('prompt')).toHaveText(getReady);
  await expect(run).toHaveAttribute('data-state', 'running', { timeout: 5_000 });
}
