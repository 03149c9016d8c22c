// axe-core on every route, in both languages and both colour schemes.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, waitForApp } from './fixtures';

const routes = ['/', '/settings', '/about', '/train', '/train/scoring', '/emergency', '/record', '/instructor', '/instructor/0000-0000', '/assignment'];

for (const locale of ['zh-CN', 'en-US']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ locale, colorScheme });
      test('no axe violations on any route', async ({ page }) => {
        for (const route of routes) {
          await page.goto(route);
          await waitForApp(page);
          const results = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
            .analyze();
          const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          expect(summary, `${route} (${locale}, ${colorScheme})`).toEqual([]);
        }
      });
    });
  }
}
