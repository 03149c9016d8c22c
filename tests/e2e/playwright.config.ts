// End-to-end tests of First Aid Hero, run by `cargo xtask test`, which builds
// the app twice (builds "a" and "b") and passes their folders and the server
// binary in FIRSTAID_DIST_A, FIRSTAID_DIST_B and FIRSTAID_XTASK, and the
// `firstaid` CLI (in the target directory `cargo metadata` names, which
// CARGO_TARGET_DIR may move) in FIRSTAID_CLI.
import { defineConfig, devices } from '@playwright/test';

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './specs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions,
    // UTC names no region: the app guesses where the phone is from its
    // language (zh-CN in China, en-US in the United States), on any host.
    // A test about a place names its own time zone.
    timezoneId: 'UTC',
    serviceWorkers: 'allow',
    trace: 'off',
  },
  projects: [
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], browserName: 'chromium', launchOptions },
    },
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions },
    },
  ],
});
