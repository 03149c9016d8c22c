import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let i = 0; i < 3; i++) {
  const c = await b.newContext({ locale: 'en-US', timezoneId: 'America/New_York', serviceWorkers: 'block' });
  const p = await c.newPage();
  const cdp = await c.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await p.addInitScript(() => {
    const t = [];
    let s = performance.now();
    const lap = (n) => { const e = performance.now(); t.push(n + ':' + Math.round(e - s)); s = e; };
    localStorage.getItem('firstaid/store'); lap('ls');
    navigator.languages; lap('langs');
    Intl.DateTimeFormat().resolvedOptions().timeZone; lap('intl');
    new URL('/x', location.href); lap('url');
    window.__t = t;
  });
  await p.goto('http://127.0.0.1:18901/about');
  console.log(await p.evaluate(() => window.__t.join(' ')));
  await c.close();
}
await b.close();
