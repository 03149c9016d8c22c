// The contact sheets of `cargo xtask screenshots`: one image per language
// with every picture the review run took, a row per combination (colour
// scheme × text size, and desktop), so a person reviews the app in a minute.
// Usage: node sheet.mjs OUT_DIR
import { readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const out = resolve(process.argv[2] ?? 'screens-out');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
for (const lang of ['en', 'zh']) {
  const dir = join(out, lang);
  if (!existsSync(dir)) continue;
  const rows = readdirSync(dir).sort().map((combo) => {
    const pics = readdirSync(join(dir, combo)).filter((f) => f.endsWith('.png')).sort();
    const cells = pics.map((f) => {
      const src = pathToFileURL(join(dir, combo, f)).href;
      return `<figure><img src="${src}"><figcaption>${f.replace(/\.png$/, '')}</figcaption></figure>`;
    });
    return `<h2>${lang} · ${combo}</h2><div class="row ${combo === 'desktop' ? 'wide' : ''}">${cells.join('')}</div>`;
  });
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { font: 14px system-ui, sans-serif; margin: 16px; background: #e8e8e8; }
    h2 { margin: 24px 0 8px; font-size: 18px; }
    .row { display: grid; grid-template-columns: repeat(8, 1fr); gap: 10px; }
    .row.wide { grid-template-columns: repeat(4, 1fr); }
    figure { margin: 0; } img { width: 100%; aspect-ratio: 390 / 844; object-fit: cover; object-position: top; border: 1px solid #999; display: block; }
    .wide img { aspect-ratio: 1280 / 800; }
    figcaption { font-size: 11px; overflow-wrap: anywhere; }
  </style><h1>First Aid Hero · ${lang}</h1>${rows.join('')}`;
  const file = join(out, `contact-${lang}.html`);
  writeFileSync(file, html);
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  await page.screenshot({ path: join(out, `contact-${lang}.png`), fullPage: true });
  console.log(`contact sheet: ${join(out, `contact-${lang}.png`)}`);
}
await browser.close();
