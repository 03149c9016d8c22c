import { chromium } from '@playwright/test';
import fs from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const path of ['/learn/recognise-and-call', '/']) {
  const c = await b.newContext({ locale: 'en-US', timezoneId: 'America/New_York', serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  const p = await c.newPage();
  const cdp = await c.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await b.startTracing(p, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] });
  await p.goto('http://127.0.0.1:18901' + path);
  await p.waitForFunction(() => document.documentElement.getAttribute('data-app') === 'running');
  await p.waitForTimeout(1000);
  const trace = JSON.parse((await b.stopTracing()).toString());
  const ev = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur > 5000);
  const tasks = ev.filter((e) => e.name === 'RunTask' && e.dur > 30000);
  console.log(path);
  for (const t of tasks) {
    const inner = ev.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.name !== 'RunTask')
      .map((e) => `${e.name}${e.args?.data?.url ? '(' + e.args.data.url.slice(-30) + ')' : ''}${e.args?.data?.functionName ? '[' + e.args.data.functionName + ']' : ''}:${Math.round(e.dur / 1000)}`);
    console.log(' task', Math.round(t.dur / 1000), 'ms:', inner.slice(0, 12).join(', '));
  }
  await c.close();
}
await b.close();
