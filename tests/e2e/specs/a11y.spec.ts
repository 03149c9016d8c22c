// axe-core on every route, in both languages, both colour schemes and at
// 100 % and 200 % text: the whole matrix on the phone; on the desktop, one
// pair per language (light at 100 %, dark at 200 %) — the pages share one
// layout code path across widths, and each run takes about 23 s.
import { test, expect, axe, waitForApp } from './fixtures';

const routes = ['/', '/learn', '/quiz', '/settings', '/about', '/train', '/train/scoring', '/emergency', '/emergency/cpr', '/emergency/choking', '/emergency/recovery', '/record', '/instructor', '/instructor/0000-0000', '/assignment', '/certificate'];

for (const locale of ['zh-CN', 'en-US']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const size of ['100', '200']) {
      test.describe(`${locale}, ${colorScheme}, ${size} % text`, () => {
        test.use({ locale, colorScheme });
        test('no axe violations on any route', async ({ page }, testInfo) => {
          test.skip(
            testInfo.project.name === 'desktop' && (colorScheme === 'light') !== (size === '100'),
            'desktop: light at 100 % and dark at 200 % only',
          );
          test.setTimeout(120_000);
          if (size !== '100') {
            await page.goto('/settings');
            await waitForApp(page);
            await page.getByRole('radio', { name: `${size} %` }).check();
            await expect(page.locator('html')).toHaveAttribute('data-text-size', size);
          }
          for (const route of routes) {
            await page.goto(route);
            await waitForApp(page);
            await axe(page, `${route} (${locale}, ${colorScheme}, ${size} %)`);
          }
        });
      });
    }
  }
}
