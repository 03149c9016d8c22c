// Offline and updates: after the first visit the app works with the server
// gone; a new build is offered with a prompt, and reloading into it keeps
// the user's data.
import { test, expect, waitForApp, waitForOfflineReady, DIST_B } from './fixtures';

test.use({ locale: 'en-US' });

test('after the first visit the app works offline', async ({ page, context, server }) => {
  await page.goto('/');
  await waitForApp(page);
  await waitForOfflineReady(page);

  await server.stop();
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
  // Debian's Chromium 148 forgets the emulated offline state in a page the
  // service worker served (`navigator.onLine` is true again, though the
  // server is gone); emulating it again fires `offline`, which the app
  // follows. Where the browser keeps it, the banner is there from the start.
  if (await page.evaluate(() => navigator.onLine)) {
    await context.setOffline(false);
    await context.setOffline(true);
  }
  await expect(page.getByTestId('offline')).toBeVisible();

  // Every route, loaded directly, comes from the cache.
  await page.goto('/settings');
  await waitForApp(page);
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.goto('/about');
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // The lessons were never opened online, yet they work offline: the
  // curriculum is precached with the app.
  await page.goto('/learn/aed');
  await waitForApp(page);
  await expect(page.getByTestId('step')).toBeVisible();
  await expect(page.getByTestId('step').locator('.step-text')).not.toBeEmpty();

  await context.setOffline(false);
  await expect(page.getByTestId('offline')).toHaveCount(0);
});

test('a new version is offered, and reloading into it keeps the data', async ({ page, server }) => {
  await page.goto('/settings');
  await waitForApp(page);
  await waitForOfflineReady(page);
  await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'a');
  await page.getByRole('radio', { name: '150 %' }).check();
  await expect(page.getByTestId('update')).toHaveCount(0);

  await server.start(DIST_B);
  await page.reload();
  await waitForApp(page);
  const prompt = page.getByTestId('update');
  await expect(prompt).toContainText('A new version of First Aid Hero is ready.');
  await prompt.getByRole('button', { name: 'Reload now' }).click();

  await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'b', { timeout: 20_000 });
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '150');
  await expect(page.getByRole('radio', { name: '150 %' })).toBeChecked();
  await expect(page.getByTestId('update')).toHaveCount(0);
  // The old version's cache is gone.
  const caches = await page.evaluate(() => caches.keys());
  expect(caches).toHaveLength(1);
});
