// axe-core on every route, in both languages and both colour schemes.
import { test, axe, waitForApp } from './fixtures';

const routes = ['/', '/settings', '/about', '/train', '/train/scoring', '/emergency', '/emergency/cpr', '/emergency/choking', '/emergency/recovery', '/record', '/instructor', '/instructor/0000-0000', '/assignment', '/certificate'];

for (const locale of ['zh-CN', 'en-US']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ locale, colorScheme });
      test('no axe violations on any route', async ({ page }) => {
        for (const route of routes) {
          await page.goto(route);
          await waitForApp(page);
          await axe(page, `${route} (${locale}, ${colorScheme})`);
        }
      });
    });
  }
}
