// Emergency help: the number where you are (guessed, confirmed, kept),
// help before and without the app (the static page with the wasm blocked),
// the three doors one tap from every route, the choking coach into CPR,
// the recovery position, the CPR coach opened directly, spoken prompts,
// and offline; the call number never broken at 200 % text.
import type { Browser, Locator } from '@playwright/test';
import { test, expect, axe, waitForApp, waitForOfflineReady, recordSpeech, spoken, asReturningVisitor } from './fixtures';

test.describe('the number where you are', () => {
  for (const [locale, timezoneId, number, where, call] of [
    ['en-AU', 'Australia/Sydney', '000', 'You are in: Australia', 'Call 000'],
    ['zh-HK', 'Asia/Hong_Kong', '999', '你在：香港', '拨打 999'],
    ['zh-TW', 'UTC', '119', '你在：台湾', '拨打 119'],
  ]) {
    test(`a first visit in ${locale} calls ${number} and asks to confirm`, async ({ browser, server }) => {
      const context = await browser.newContext({ locale, timezoneId, baseURL: server.origin });
      const page = await context.newPage();
      await page.goto('/');
      await waitForApp(page);
      await expect(page.getByTestId('home-call')).toHaveAttribute('href', `tel:${number}`);
      await expect(page.getByTestId('home-call')).toHaveText(call);
      await expect(page.getByTestId('where-line')).toContainText(where);
      await expect(page.getByTestId('call-change')).toBeVisible();
      await page.getByTestId('region-confirm').click();
      await expect(page.getByTestId('region-confirm')).toHaveCount(0);
      await expect(page.getByTestId('call-change')).toHaveCount(0);
      await page.reload();
      await waitForApp(page);
      await expect(page.getByTestId('region-confirm')).toHaveCount(0);
      await expect(page.getByTestId('home-call')).toHaveAttribute('href', `tel:${number}`);
      await context.close();
    });
  }

  test('"Change number" on the emergency screen picks the place there, and the beat goes on', async ({ browser, server }) => {
    const context = await browser.newContext({ locale: 'en-AU', timezoneId: 'Australia/Sydney', baseURL: server.origin, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/emergency/cpr');
    await waitForApp(page);
    await expect(page.getByTestId('emergency-call')).toHaveAttribute('href', 'tel:000');
    const beat = page.getByTestId('emergency-beat');
    await expect(beat).toHaveClass(/odd/);
    await page.getByTestId('call-change').click();
    const pick = page.locator('#emergency-region');
    await expect(pick).toBeInViewport();
    await pick.selectOption('gb');
    // The new number at once, on the same page; the place is confirmed.
    await expect(page.getByTestId('emergency-call')).toHaveAttribute('href', 'tel:999');
    await expect(page).toHaveURL(/\/emergency\/cpr$/);
    await expect(page.getByTestId('call-change')).toHaveCount(0);
    await expect(beat).not.toHaveClass(/odd/);
    await expect(beat).toHaveClass(/odd/);
    await context.close();
  });

  test.describe('a bare language tag', () => {
    test.use({ locale: 'en', timezoneId: 'UTC' });
    test('falls back to 112, says to check, and can be changed', async ({ page }) => {
      await page.goto('/');
      await waitForApp(page);
      await expect(page.getByTestId('home-call')).toHaveAttribute('href', 'tel:112');
      await expect(page.getByTestId('check-local')).toBeVisible();
      await page.getByTestId('region-change').click();
      await page.getByTestId('region-select').selectOption('nz');
      await expect(page.getByTestId('home-call')).toHaveAttribute('href', 'tel:111');
      await expect(page.getByTestId('check-local')).toHaveCount(0);
      // Every call button uses it, the coach's too.
      await page.getByTestId('emergency-button').click();
      await expect(page.getByTestId('emergency-call')).toHaveAttribute('href', 'tel:111');
      await expect(page.getByTestId('call-change')).toHaveCount(0);
    });
  });
});

/** A page whose wasm never arrives, and the uncaught errors it raised. */
async function withoutWasm(browser: Browser, origin: string, locale: string, timezoneId: string) {
  const context = await browser.newContext({ locale, timezoneId, baseURL: origin });
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

test.describe('help before the app has loaded', () => {
  // A returning visitor's home differs from a first visit's (the home page
  // rendered at build time: first-paint.spec.ts), so they get the shell.
  test('with the wasm blocked, a returning visitor\'s home page calls and offers a retry (en-AU)', async ({ browser, server }) => {
    const { context, page, errors } = await withoutWasm(browser, server.origin, 'en-AU', 'Australia/Sydney');
    await asReturningVisitor(context);
    await page.goto('/');
    const call = page.locator('.static-call');
    await expect(call).toHaveAttribute('href', 'tel:000');
    await expect(call).toBeVisible();
    await expect(call).toContainText('Call 000');
    await expect(page.getByText('The app could not load. You can still call for help.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Emergency help now' })).toHaveAttribute('href', '/emergency');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('with the wasm blocked, /emergency shows the steps and a beat at 110 a minute (zh-HK)', async ({ browser, server }) => {
    const { context, page, errors } = await withoutWasm(browser, server.origin, 'zh-HK', 'Asia/Hong_Kong');
    await page.goto('/emergency');
    await expect(page.locator('.static-call')).toHaveAttribute('href', 'tel:999');
    await expect(page.locator('.static-call')).toContainText('拨打 999');
    await expect(page.getByText('手臂伸直，用力快速下压 5–6 厘米。')).toBeVisible();
    await expect(page.getByText('Arms straight. Push hard and fast, 5–6 cm deep.')).toBeHidden();
    const beat = page.locator('.static-beat');
    await expect(beat).toBeVisible();
    const animation = await beat.evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.animationName, s.animationDuration, s.animationIterationCount];
    });
    expect(animation).toEqual(['static-beat', '0.5454s', 'infinite']);
    await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the static page gives way to the app', async ({ page }) => {
    await page.goto('/emergency');
    await expect(page.getByTestId('need-cpr')).toBeVisible();
    await expect(page.locator('.static-call')).toHaveCount(0);
  });
});

test.describe('the coach', () => {
  const routes = ['/', '/learn', '/quiz', '/train', '/settings', '/about', '/no-such-page'];

  for (const [locale, number] of [
    ['zh-CN', '120'],
    ['en-US', '911'],
    ['en-GB', '999'],
  ]) {
    test(`one tap from every route opens the three doors and calls ${number} (${locale})`, async ({ browser, server }) => {
      const context = await browser.newContext({ locale, baseURL: server.origin });
      const page = await context.newPage();
      for (const route of routes) {
        await page.goto(route);
        await waitForApp(page);
        await page.getByTestId('emergency-button').click();
        await expect(page).toHaveURL(/\/emergency$/);
        await expect(page.getByTestId('emergency-call')).toHaveAttribute('href', `tel:${number}`);
        await expect(page.getByTestId('need-cpr')).toBeVisible();
        await expect(page.getByTestId('need-choking')).toBeVisible();
        await expect(page.getByTestId('need-recovery')).toBeVisible();
      }
      // The page underneath cannot take focus.
      await expect(page.locator('header.app-header')).toHaveAttribute('inert', '');
      await context.close();
    });
  }

  test.describe('choking (en, AHA)', () => {
    test.use({ locale: 'en-US' });
    test('moves from blows to thrusts in one tap, cycles, and leads into CPR', async ({ page }) => {
      await recordSpeech(page);
      await page.goto('/');
      await waitForApp(page);
      // One tap from home.
      await page.getByTestId('home-need-choking').click();
      await expect(page).toHaveURL(/\/emergency\/choking$/);
      await expect(page.getByTestId('choking-action')).toHaveText('Five back blows.');
      await expect(page.locator('[data-line="back_blows_stance"]')).toBeVisible();
      // The lessons' picture of people doing it, with its description.
      const picture = page.locator('[data-picture="choking-back-blows"]');
      await expect(picture).toBeVisible();
      await expect(picture).toHaveAttribute('aria-label', /.+/);
      // One tap per half, not per blow: the helper's hands are on the
      // person. The button names what comes next.
      const next = page.getByTestId('choking-next');
      await expect(next).toHaveText('Still choking? Next:Five abdominal thrusts.');
      await expect(next).toHaveAccessibleName('Still choking? Next: Five abdominal thrusts.');
      // The button stays under the finger when the blows give way to the
      // thrusts (whose pictures differ).
      const before = (await next.boundingBox())!;
      // A double tap (or a bounce) moves one half, never skips the thrusts.
      await next.dblclick();
      await expect(page.getByTestId('choking-action')).toHaveText('Five abdominal thrusts.');
      await expect(page.getByTestId('choking-next-action')).toHaveText('Five back blows.');
      expect((await spoken(page)).at(-1)!.text).toBe('Five abdominal thrusts.');
      const after = (await next.boundingBox())!;
      expect(Math.abs(after.y - before.y), `${JSON.stringify(before)} → ${JSON.stringify(after)}`).toBeLessThanOrEqual(1);
      await expect(page.locator('[data-line="abdominal_fist"]')).toBeVisible();
      await expect(page.getByText('Round 1')).toBeVisible();
      // Five thrusts later (a tap a second or more after the last one).
      await page.waitForTimeout(1100);
      await next.click();
      await expect(page.getByTestId('choking-action')).toHaveText('Five back blows.');
      await expect(page.getByText('Round 2')).toBeVisible();
      // The call line of round 2 comes below the button, which stays put.
      await expect(page.getByTestId('choking-call-again')).toBeVisible();
      const round2 = (await next.boundingBox())!;
      expect(Math.abs(round2.y - before.y), 'the button in round 2').toBeLessThanOrEqual(1);
      // A round has not worked: the call, seen and said (the first call
      // line has scrolled away by now).
      await expect(page.getByTestId('choking-call-again')).toHaveText('Still choking? Call 911 now, or have someone call.');
      expect((await spoken(page)).at(-1)!.text).toBe('Still choking? Call for help now. Then five back blows.');
      // It came out: the cycle steps aside (no "Still choking? Next" beside
      // "Well done"); a second tap brings it back.
      const cameOut = page.getByTestId('came-out');
      await cameOut.click();
      await expect(page.getByTestId('choking-now')).toBeHidden();
      await expect(cameOut).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByText('Well done. Stay with them. They must see a doctor.')).toBeVisible();
      await cameOut.click();
      await expect(page.getByTestId('choking-now')).toBeVisible();
      await expect(cameOut).toHaveAttribute('aria-pressed', 'false');
      // "Adult or child" who stops responding: a door for each, so a child's
      // rescuer gets a child's CPR (one hand or two, its depth, its breaths).
      await expect(page.getByTestId('choking-to-cpr-adult')).toHaveAttribute('href', '/emergency/cpr?who=adult');
      await expect(page.getByTestId('choking-to-cpr-adult')).toContainText('Adult');
      await expect(page.getByTestId('choking-to-cpr-child')).toHaveAttribute('href', '/emergency/cpr?who=child');
      await expect(page.getByTestId('choking-to-cpr-child')).toContainText('Child');
      // A baby: chest thrusts with the heel of one hand (AHA), never abdominal.
      await page.getByTestId('who-baby').click();
      await expect(page.getByText('Round 1')).toBeVisible();
      await expect(page.getByTestId('choking-call-again')).toHaveCount(0);
      // A baby is not asked: what it can show (a cough, a cry, a sound).
      await expect(page.locator('[data-line="baby_signs"]')).toBeVisible();
      await expect(page.locator('[data-line="baby_call"]')).toContainText('No sound');
      await expect(page.locator('[data-line="ask_choking"]')).toHaveCount(0);
      await expect(page.locator('[data-line="call_choking"]')).toHaveCount(0);
      await expect(page.getByTestId('choking-next-action')).toHaveText('Five chest thrusts.');
      await page.waitForTimeout(1100);
      await next.click();
      await expect(page.getByTestId('choking-action')).toHaveText('Five chest thrusts.');
      await expect(page.locator('[data-line="baby_chest_heel"]')).toBeVisible();
      await expect(page.locator('[data-picture="choking-infant-chest-thrusts-heel"]')).toBeVisible();
      const said = (await spoken(page)).map((s) => s.text);
      expect(said).toContain('Five back blows.');
      expect(said).toContain('Five abdominal thrusts.');
      expect(said).toContain('Five chest thrusts.');
      expect(new Set((await spoken(page)).map((s) => s.lang))).toEqual(new Set(['en']));
      // Stops responding: straight into the CPR coach for a baby (one door).
      await expect(page.getByTestId('choking-to-cpr-child')).toHaveCount(0);
      await page.getByTestId('choking-to-cpr-baby').click();
      await expect(page).toHaveURL(/\/emergency\/cpr\?who=baby$/);
      await expect(page.getByTestId('who-baby')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('[data-line="baby_hands_heel_or_thumbs"]')).toBeVisible();
      await expect(page.getByTestId('emergency-beat')).toHaveClass(/odd/);
      await axe(page, 'CPR for a baby (en)');
    });
  });

  test.describe('recovery position (zh)', () => {
    test.use({ locale: 'zh-CN' });
    test('shows how to turn, a baby held, and the way into CPR', async ({ page }) => {
      await recordSpeech(page);
      await page.goto('/emergency');
      await waitForApp(page);
      await page.getByTestId('need-recovery').click();
      await expect(page.locator('[data-line="recovery_roll"]')).toHaveText('拉这个膝盖，把他朝你翻过来，侧躺。');
      // Anyone who does not respond gets a call, with the number where the phone is.
      await expect(page.locator('[data-line="recovery_call"]')).toHaveText('拨打 120，打开免提。');
      // Not for someone who may be seriously injured (RCSC follows ERC).
      await expect(page.locator('[data-line="recovery_injured"]')).toHaveText('可能受了严重外伤？不要翻动他。');
      // Stops breathing normally: a child's CPR is a door of its own.
      await expect(page.getByTestId('recovery-to-cpr-child')).toHaveAttribute('href', '/emergency/cpr?who=child');
      await expect(page.getByTestId('recovery-to-cpr-adult')).toHaveAttribute('href', '/emergency/cpr?who=adult');
      await page.getByTestId('recovery-baby').click();
      await expect(page.locator('[data-line="recovery_baby"]')).toBeVisible();
      await expect(page.locator('[data-line="recovery_roll"]')).toHaveCount(0);
      expect((await spoken(page))[0]).toEqual({ text: '继续观察呼吸。', lang: 'zh-CN' });
      await page.getByTestId('recovery-to-cpr-baby').click();
      await expect(page).toHaveURL(/\/emergency\/cpr\?who=baby$/);
      // RCSC follows the two-thumb technique (flagged in the sources layer).
      await expect(page.locator('[data-line="baby_hands_thumbs"]')).toBeVisible();
      await expect(page.locator('[data-picture="cpr-infant-two-thumbs"]')).toBeVisible();
      await expect(page.locator('[data-picture="cpr-infant-heel"]')).toHaveCount(0);
      await expect(page.getByTestId('coach-sources')).not.toHaveAttribute('open', '');
    });
  });

  test.describe('CPR opened directly (en, ERC)', () => {
    test.use({ locale: 'en-GB' });
    test('the beat runs at once; ERC calls first; spoken prompts follow the page', async ({ page }) => {
      await recordSpeech(page);
      await page.goto('/settings');
      await waitForApp(page);
      await page.getByRole('radio', { name: /European Resuscitation Council/ }).check();
      await page.goto('/emergency/cpr');
      const beat = page.getByTestId('emergency-beat');
      await expect(beat).toHaveText('Push');
      await expect(beat).toHaveClass(/odd/);
      await expect(beat).not.toHaveClass(/odd/);
      // ERC: the call comes before the breathing check.
      const order = await page.locator('[data-line]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
      expect(order.indexOf('call_speaker')).toBeLessThan(order.indexOf('check_breathing'));
      // An adult's rhythm starts on compressions only.
      const thirtyTwo = page.getByRole('button', { name: '30:2 with breaths' });
      await expect(thirtyTwo).toHaveAttribute('aria-pressed', 'false');
      // A child: five breaths first (ERC), with no "if you are trained",
      // and the rhythm starts on 30:2 (breaths at every age).
      await page.getByTestId('who-child').click();
      await expect(page.locator('.emergency-steps [data-line]').nth(5)).toHaveAttribute('data-line', 'five_breaths_first');
      await expect(page.locator('[data-line="five_breaths_first"]')).toHaveText('Child or baby: give 5 breaths first.');
      // Said under the beat too, and spoken; the beat waits for them, the
      // line and its button right under it.
      await expect(page.getByTestId('breaths-first')).toHaveText('Child or baby: give 5 breaths first.');
      await expect(page.getByTestId('breaths-first')).toBeInViewport();
      await expect(beat).toHaveText('5 breaths');
      await expect(beat).toHaveClass(/breath/);
      expect(await wordsInside(beat), 'the words inside the circle').toBe(true);
      const fiveBreaths = 'Give five breaths. Then tap “Breaths given”, and push.';
      await expect.poll(async () => (await spoken(page)).map((s) => s.text)).toContain(fiveBreaths);
      // A running beat changes within 0.6 s: this one stays.
      await page.waitForTimeout(1000);
      await expect(beat).toHaveText('5 breaths');
      await expect(beat).not.toHaveClass(/odd/);
      const done = page.getByTestId('breaths-done');
      await expect(done).toHaveText('Breaths given: start pushing');
      await expect(done).toBeInViewport();
      await done.click();
      await expect(done).toHaveCount(0);
      await expect(page.getByTestId('breaths-first')).toHaveCount(0);
      await expect(beat).toHaveText(/^(1|2|3|4|5|6)$/);
      // Focus goes on to the rhythm, not to the page.
      await expect(thirtyTwo).toBeFocused();
      // The same person tapped again does not stop the beat, and the
      // breaths were asked for once.
      await page.getByTestId('who-child').click();
      await expect(beat).toHaveText(/^\d{1,2}$/);
      await expect(done).toHaveCount(0);
      expect((await spoken(page)).filter((s) => s.text === fiveBreaths)).toHaveLength(1);
      await expect(thirtyTwo).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('[data-line="thirty_two_young"]')).toBeVisible();
      await expect(page.locator('[data-line="breath_child"]')).toContainText('only a little');
      // ERC gives no centimetres for a child's depth.
      await expect(page.locator('[data-line="push_young"]')).toHaveText('Push down at least a third of the chest. 100–120 a minute.');
      await expect.poll(async () => (await spoken(page)).map((s) => s.text)).toContain('Push hard and fast.');
      // Spoken help can be turned off.
      await page.getByTestId('voice-toggle').click();
      await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'false');
      // 30:2 counts.
      await expect(beat).toHaveText(/^\d{1,2}$/);
      // A rhythm the rescuer chose stays when they change the person (the
      // adult's default is compressions only).
      await thirtyTwo.click();
      await page.getByTestId('who-adult').click();
      await expect(page.locator('[data-line="five_breaths_first"]')).toHaveCount(0);
      await expect(page.getByTestId('breaths-first')).toHaveCount(0);
      await expect(thirtyTwo).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('breaths-done')).toHaveCount(0);
      // A baby waits for their breaths again; "Pushes only" starts at once.
      await page.getByTestId('who-baby').click();
      await expect(beat).toHaveText('5 breaths');
      await page.getByRole('button', { name: 'Pushes only' }).click();
      await expect(page.getByTestId('breaths-done')).toHaveCount(0);
      await expect(beat).toHaveText('Push');
      await expect(beat).toHaveClass(/odd/);
      // Choking (ERC): the call comes once the first round has not worked.
      await page.goto('/emergency/choking');
      await expect(page.locator('[data-line="call_choking_after"]')).toContainText('after 5 back blows and 5 thrusts');
      await expect(page.locator('[data-line="call_choking"]')).toHaveCount(0);
    });
  });

  test('works offline after one visit (zh)', async ({ browser, server }) => {
    const context = await browser.newContext({ locale: 'zh-CN', baseURL: server.origin });
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    await waitForOfflineReady(page);
    await context.setOffline(true);
    await page.goto('/emergency/choking');
    await expect(page.getByTestId('emergency-call')).toHaveAttribute('href', 'tel:120');
    await expect(page.getByTestId('choking-action')).toHaveText('拍背五次。');
    await page.goto('/emergency/cpr');
    // RCSC: breathing, then call for help and 120, before any pushing.
    await expect(page.locator('[data-line="check_breathing_call"]')).toHaveText('没有正常呼吸？濒死喘息不算正常呼吸。马上呼救。');
    const order = await page.locator('[data-line]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(order.slice(0, 5)).toEqual(['safe', 'check_response', 'check_breathing_call', 'call_speaker', 'follow_call_taker']);
    await page.getByRole('button', { name: '按压加人工呼吸（30:2）' }).click();
    await expect(page.getByTestId('emergency-beat')).toHaveText(/^(1|2|3|4)$/);
    await context.close();
  });
});

/** Whether the words in the beat's circle stay inside it. */
async function wordsInside(beat: Locator): Promise<boolean> {
  return beat.evaluate((el) => {
    const circle = el.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    return text.left >= circle.left && text.right <= circle.right && text.top >= circle.top && text.bottom <= circle.bottom;
  });
}

/** How many lines the call number takes inside a call button. */
async function numberLines(page: import('@playwright/test').Page, testid: string): Promise<number> {
  return page.getByTestId(testid).first().evaluate((a) => {
    const digits = a.textContent!.match(/\d+/)![0];
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(digits);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + digits.length);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }
    return 0;
  });
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  test.describe(`the call button at 200% text (${locale})`, () => {
    test.use({ locale });
    test('the number is never broken across lines', async ({ page }) => {
      await page.goto('/settings');
      await waitForApp(page);
      await page.getByRole('radio', { name: '200 %' }).check();
      await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
      await page.goto('/');
      await waitForApp(page);
      expect(await numberLines(page, 'home-call'), 'home').toBe(1);
      for (const path of ['/emergency', '/emergency/cpr', '/emergency/choking', '/emergency/recovery']) {
        await page.goto(path);
        await waitForApp(page);
        await expect(page.getByTestId('emergency-call')).toBeVisible();
        expect(await numberLines(page, 'emergency-call'), path).toBe(1);
      }
    });
  });
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  test.describe(`compact chrome at 200% text on a 390×844 phone (${locale})`, () => {
    test.use({ locale, viewport: { width: 390, height: 844 } });
    test.beforeEach(async ({}, info) => test.skip(info.project.name !== 'phone', 'names its own viewport: the phone project runs it'));
    test('the first CPR instruction is on the first screen; from CPR to choking the heading is below the call bar', async ({ page }) => {
      await page.goto('/settings');
      await waitForApp(page);
      await page.getByRole('radio', { name: '200 %' }).check();
      await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
      await page.goto('/emergency/cpr');
      await waitForApp(page);
      const first = page.locator('.emergency-steps > li').first();
      await expect(first).toBeVisible();
      const box = (await first.boundingBox())!;
      expect(box.y + 40, 'the first instruction starts on the first screen').toBeLessThan(844);
      // The call button stays as tall as at 100 % (72 px): compact chrome,
      // not a smaller call.
      expect((await page.getByTestId('emergency-call').boundingBox())!.height).toBeGreaterThanOrEqual(71.5);
      // CPR, then the other kinds of help, then choking.
      await page.getByTestId('emergency-back').click();
      await page.getByTestId('need-choking').click();
      await expect(page).toHaveURL(/\/emergency\/choking$/);
      const bar = (await page.locator('.emergency-callbar').boundingBox())!;
      const heading = page.locator('#emergency-title');
      await expect(heading).toBeVisible();
      await expect.poll(async () => (await heading.boundingBox())!.y, 'the heading is below the call bar').toBeGreaterThanOrEqual(bar.y + bar.height - 1);
      expect((await heading.boundingBox())!.y).toBeLessThan(844);
    });

    test('ERC, a child: "5 breaths" stays inside the beat, and "Breaths given" is on the first screen', async ({ page }) => {
      await page.goto('/settings');
      await waitForApp(page);
      await page.getByRole('radio', { name: '200 %' }).check();
      await page.getByRole('radio', { name: /European Resuscitation Council|欧洲复苏委员会/ }).check();
      await page.goto('/emergency/cpr?who=child');
      await waitForApp(page);
      const beat = page.getByTestId('emergency-beat');
      await expect(beat).toHaveClass(/breath/);
      expect(await wordsInside(beat), 'the words inside the circle').toBe(true);
      await expect(page.getByTestId('breaths-done')).toBeInViewport({ ratio: 1 });
    });
  });
}
