// One more learner on a roster (issue 18), run by `cargo xtask bench
// --roster --browser`: a phone (390×844) with Chromium's 4× CPU slowdown
// applied through the DevTools protocol opens the class page of a roster
// of N−1 learners seeded into localStorage (what the app's own store
// writes, made by xtask), the N-th learner's record is pasted, and we time
// the tap on "Check" until the roster shows N rows and the frame after it
// has painted: reading and verifying the record, updating the roster,
// saving and re-rendering. Also counted: the characters the app writes to
// localStorage during the scan, and what it holds after it. Not a test: it
// prints figures (JSON on stdout) and fails only when it cannot measure.
//
// usage: node roster-scan.mjs ORIGIN SEED_DIR RUNS N…
//   SEED_DIR/roster-N.json: {"storage": {key: text}, "id": assignment id, "next": record text}
import { readFileSync } from 'node:fs';
import { CPU_SLOWDOWN, appRunning, launch, phoneContext } from './phone.mjs';

const [origin, seedDir, runsArg, ...sizes] = process.argv.slice(2);
const runs = Number(runsArg);
if (!origin || !seedDir || !(runs > 0) || sizes.length === 0) {
  console.error('usage: node roster-scan.mjs ORIGIN SEED_DIR RUNS N…');
  process.exit(2);
}

const browser = await launch();

/** One run on a fresh phone seeded with `seed`: the scan's figures. */
async function measure(seed, n) {
  const context = await phoneContext(browser);
  try {
    // The seed goes in before the app starts; every write after it is
    // counted (characters of the values, as localStorage keeps them).
    await context.addInitScript((storage) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.clear();
        for (const [k, v] of Object.entries(storage)) localStorage.setItem(k, v);
        sessionStorage.setItem('seeded', '1');
      }
      window.__written = 0;
      window.__writes = 0;
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        window.__written += String(v).length;
        window.__writes += 1;
        return set.call(this, k, v);
      };
    }, seed.storage);
    const page = await context.newPage();
    const phases = [];
    page.on('console', (m) => {
      if (m.text().startsWith('roster-phase ')) phases.push(m.text().slice(13));
    });
    await page.goto(`${origin}/instructor/${seed.id}`);
    await appRunning(page);
    const rows = page.getByTestId('roster-row');
    await page.waitForFunction((want) => document.querySelectorAll('[data-testid="roster-row"]').length === want, n - 1, {
      timeout: 60_000,
    });
    await page.getByTestId('verify-paste').fill(seed.next);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // Two quiet frames before the tap.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    phases.length = 0;
    const figures = await page.evaluate(async (want) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const count = () => document.querySelectorAll('[data-testid="roster-row"]').length;
      window.__written = 0;
      window.__writes = 0;
      const t0 = performance.now();
      document.querySelector('[data-testid="verify-check"]').click();
      const click = performance.now() - t0;
      while (count() !== want) {
        await frame();
        if (performance.now() - t0 > 60_000) throw new Error(`the roster never showed ${want} rows`);
      }
      // The frame with the new row painted: a task after its rAF.
      await new Promise((r) => setTimeout(r, 0));
      const ms = performance.now() - t0;
      let stored = 0;
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k.startsWith('firstaid/')) stored += k.length + localStorage.getItem(k).length;
      }
      return { ms, click, written: window.__written, writes: window.__writes, stored };
    }, n);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if ((await rows.count()) !== n) throw new Error(`expected ${n} rows`);
    return { ...figures, phases: [...phases] };
  } finally {
    await context.close();
  }
}

const out = [];
for (const n of sizes.map(Number)) {
  const seed = JSON.parse(readFileSync(`${seedDir}/roster-${n}.json`, 'utf8'));
  const results = [];
  for (let r = 0; r < runs; r++) results.push(await measure(seed, n));
  out.push({ n, runs: results });
}
await browser.close();
console.log(JSON.stringify(out));
