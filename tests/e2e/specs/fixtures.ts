// Shared fixtures: a real server (the same `xtask serve` users run) per test
// on its own port, and guards that fail a test on any console error, page
// error or request that leaves the app's origin.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const XTASK = process.env.FIRSTAID_XTASK ?? '';
export const DIST_A = process.env.FIRSTAID_DIST_A ?? '';
export const DIST_B = process.env.FIRSTAID_DIST_B ?? '';

if (!XTASK || !DIST_A || !DIST_B) {
  throw new Error('run the e2e tests with `cargo xtask test` (FIRSTAID_XTASK, FIRSTAID_DIST_A/B unset)');
}

/** The `firstaid` CLI (a debug build): FIRSTAID_CLI, which `cargo xtask
 * test` sets from `cargo metadata`'s target directory; otherwise the debug
 * build in CARGO_TARGET_DIR, or in the checkout's own `target/`. */
export const CLI =
  process.env.FIRSTAID_CLI ??
  (process.env.CARGO_TARGET_DIR
    ? join(process.env.CARGO_TARGET_DIR, 'debug', 'firstaid')
    : new URL('../../../target/debug/firstaid', import.meta.url).pathname);

/** A running `xtask serve --no-build` of one build folder. */
export class Server {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(dir: string): Promise<void> {
    await this.stop();
    const child = spawn(XTASK, ['serve', '--no-build', '--dir', dir, '--port', String(this.port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 15_000);
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}: ${err}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

type Fixtures = { server: Server; guards: void };

export const test = base.extend<Fixtures>({
  server: async ({}, use, testInfo) => {
    // FIRSTAID_E2E_PORT moves the ports, so two checkouts can run specs at once.
    const base = Number(process.env.FIRSTAID_E2E_PORT ?? 18_100);
    const server = new Server(base + testInfo.parallelIndex);
    await server.start(DIST_A);
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => {
    await use(server.origin);
  },
  guards: [
    async ({ page, server }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.context().on('request', (req) => {
        const url = req.url();
        if (!url.startsWith(server.origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
          problems.push(`request left the origin: ${url}`);
        }
      });
      await use();
      expect(problems, 'no console errors, page errors or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Replaces speech synthesis with a recorder (`spoken` reads it back). */
export async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: { text: string; lang: string }[] = [];
    (window as unknown as { __spoken: typeof said }).__spoken = said;
    const proto = (window as unknown as { SpeechSynthesis?: { prototype: Record<string, unknown> } }).SpeechSynthesis?.prototype;
    if (!proto) return;
    proto.speak = function (u: SpeechSynthesisUtterance) {
      said.push({ text: u.text, lang: u.lang });
    };
    proto.cancel = function () {};
    proto.getVoices = function () {
      return [];
    };
  });
}

/** What the page has said aloud since `recordSpeech`. */
export async function spoken(page: Page): Promise<{ text: string; lang: string }[]> {
  return page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
}

/** Waits until a service worker controls the page (the app is offline-ready). */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 20_000 });
}

/** Makes every page of `context` a returning visitor's: something is
 * stored (an empty document), so no page prerendered for a first visit is
 * shown and the app draws each page itself. */
export async function asReturningVisitor(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (localStorage.getItem('firstaid/store') === null) localStorage.setItem('firstaid/store', '{"schema":1,"data":{}}');
  });
}

/** Waits until the wasm app has replaced the static page (the loading
 * shell, or the home page rendered at build time, which looks the same but
 * does not answer a tap yet). */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  await expect(page.locator('header a[href="/settings"]')).toBeVisible();
}

/** axe-core on the page as it is now: WCAG 2.2 A/AA and best practices,
 * no violations (`what` names the screen in the failure).
 *
 * axe sees the whole page at once: the viewport is made as tall as the page
 * (same width, so the same layout) while it runs, then put back. Otherwise
 * its target-size rule counts a field that the current scroll position puts
 * under the fixed tab bar or the sticky top bar as too small, which says
 * where the test last clicked, not how the page is laid out. (Focus never
 * lands under the bars: the page's scroll-padding keeps a focused field
 * clear of them; body padding keeps the page's end above the tab bar.) */
export async function axe(page: Page, what: string): Promise<void> {
  const size = page.viewportSize();
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  if (size !== null && tall > size.height) {
    await page.setViewportSize({ width: size.width, height: Math.min(tall, 12_000) });
  }
  try {
    await analyze(page, what);
  } finally {
    if (size !== null) await page.setViewportSize(size);
  }
}

async function analyze(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, what).toEqual([]);
}
