// What the benchmark scripts share: Chromium as this machine runs it, a
// phone's browser context (390×844, touch, English, no service worker, so
// every file comes from the server) and Lighthouse's 4× CPU slowdown.
import { chromium } from '@playwright/test';

/** Lighthouse mobile's CPU slowdown, applied through the DevTools protocol. */
export const CPU_SLOWDOWN = 4;

/** Headless Chromium from the system (`CHROMIUM_PATH`, else Debian's). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh phone: its own storage, no service worker. */
export function phoneContext(browser) {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
    serviceWorkers: 'block',
  });
}

/** Resolves when the app runs (it says so on <html>). */
export function appRunning(page) {
  return page.waitForFunction(() => document.documentElement.getAttribute('data-app') === 'running', undefined, {
    timeout: 60_000,
    polling: 50,
  });
}
