// `cargo xtask screenshots` runs this configuration: the review pictures in
// screens.spec.ts (not part of the test suite). Same browser set-up as the
// suite's playwright.config.ts; the viewport is set per test.
import { defineConfig } from '@playwright/test';
import suite from '../playwright.config';

export default defineConfig({
  ...suite,
  testDir: '.',
  timeout: 600_000,
  projects: [{ name: 'screens', use: { browserName: 'chromium', launchOptions: suite.use?.launchOptions } }],
});
