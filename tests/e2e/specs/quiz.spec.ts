// The quiz: an exam reloaded in the middle resumes in the same order and
// scores right (and the CLI re-scores its transcript identically); a
// keyboard-only practice through every question type; wrong answers come
// back and are kept for review; axe-core on every quiz page; questions held
// back from exams, whose notes the instructor area shows and a learner's
// pages never do. (Orderings and 200 % text: ordering.spec.ts.)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, axe, waitForApp, CLI } from './fixtures';
import { answer, byId, numberFor, questions, said } from './content';
import { practiseUntil } from './practise';


/** Presses Tab until the focused element matches `selector` (at most 40 times). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedMatches = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);


test.describe('exam', () => {
  test.use({ locale: 'en-US' });

  test('reloaded in the middle, it resumes in the same order, scores right, and the CLI agrees', async ({ page }, info) => {
    await page.goto('/quiz');
    await waitForApp(page);
    await expect(page.getByTestId('exam-facts')).toHaveText('20 questions · pass mark 80% · 30 minutes');
    await page.getByTestId('start-exam').click();
    const position = page.getByTestId('exam-position');
    const card = page.getByTestId('question');
    const asked: string[] = [];
    let points = 0;
    let right = 0;
    for (let i = 0; i < 20; i++) {
      await expect(position).toHaveText(`Question ${i + 1} of 20`);
      const id = (await card.getAttribute('data-question'))!;
      asked.push(id);
      // Two right, one wrong, …; the last one is left unanswered.
      if (i < 19) {
        const earned = await answer(card, byId.get(id)!, i % 3 !== 1);
        points += earned;
        if (earned === 1000) right++;
      }
      if (i === 9) {
        await page.reload();
        await waitForApp(page);
        await expect(position).toHaveText('Question 10 of 20');
        await expect(card).toHaveAttribute('data-question', id);
        await expect(page.getByTestId('answered-count')).toHaveText('Answered: 10 of 20');
        // Back one: the previous question and its answer are still there.
        await page.getByTestId('exam-previous').click();
        await expect(card).toHaveAttribute('data-question', asked[8]);
        await page.getByTestId('exam-next').click();
        await expect(card).toHaveAttribute('data-question', id);
      }
      if (i < 19) await page.getByTestId('exam-next').click();
    }
    await page.getByTestId('exam-finish').click();
    await expect(page.getByTestId('confirm-finish')).toContainText('Questions without an answer: 1.');
    // The dialog takes focus; "go back" returns it to the finish button.
    await expect(page.getByTestId('finish-anyway')).toBeFocused();
    await page.getByTestId('finish-go-back').click();
    await expect(page.getByTestId('exam-finish')).toBeFocused();
    // The dialog names the question left, and goes to it.
    await page.getByTestId('exam-finish').click();
    await expect(page.getByTestId('unanswered-go')).toHaveText(['Question 20']);
    await page.getByTestId('unanswered-go').click();
    await expect(position).toHaveText('Question 20 of 20');
    await expect(page.getByTestId('confirm-finish')).toHaveCount(0);
    await page.getByTestId('exam-finish').click();
    await page.getByTestId('finish-anyway').click();

    const percent = Math.floor((points * 100) / 20000);
    // People read a percentage beside the pass mark, then how many were
    // right, never points.
    await expect(page.getByTestId('exam-score')).toHaveText(`Your score: ${percent}%. The pass mark is 80%.`);
    await expect(page.getByTestId('exam-right')).toContainText(`Right: ${right} of 20 questions.`);
    await expect(page.getByTestId('exam-score')).not.toContainText('points');
    // A question answered right is marked "Right", not "Right answer"
    // (which read as a heading over the right answer).
    await expect(page.locator('.review-item.correct').first().locator('.review-mark strong')).toHaveText('Right');
    await expect(page.getByTestId('exam-verdict')).toHaveText(percent >= 80 ? 'Passed' : 'Not passed');
    await expect(page.getByTestId('rescored')).toBeVisible();
    // The way back to the lessons is the main action; the transcript,
    // for an instructor who asks for it, is not.
    await expect(page.locator('.quiz-results .primary')).toHaveCount(1);
    await expect(page.getByTestId('results-to-lessons')).toHaveClass(/primary/);
    await expect(page.getByTestId('results-to-lessons')).toHaveAttribute('href', '/learn');
    await expect(page.getByTestId('download-transcript')).not.toHaveClass(/primary/);
    expect(await page.locator('.review-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')))).toEqual(asked);
    await expect(page.locator('.review-item').last()).toContainText('No answer');

    // The downloaded transcript re-scores identically with the CLI…
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-transcript').click()]);
    const file = info.outputPath('transcript.json');
    await download.saveAs(file);
    const out = execFileSync(CLI, ['quiz', 'score', file]).toString();
    expect(out).toContain(`OK — ${points} of 20000 points, ${percent}%, ${percent >= 80 ? 'passed' : 'failed'}`);
    // …and a tampered copy is rejected with a reason and exit status 1.
    const t = JSON.parse(readFileSync(file, 'utf8'));
    t.items[0].points = t.items[0].points === 1000 ? 0 : 1000;
    const tampered = info.outputPath('tampered.json');
    writeFileSync(tampered, JSON.stringify(t));
    let status = 0;
    let stdout = '';
    try {
      execFileSync(CLI, ['quiz', 'score', tampered]);
    } catch (e) {
      status = (e as { status: number }).status;
      stdout = String((e as { stdout: Buffer }).stdout);
    }
    expect(status).toBe(1);
    expect(stdout).toContain('REJECTED — question 1: claims');

    // The result is listed on the quiz page and survives a reload.
    await page.goto('/quiz');
    await waitForApp(page);
    await expect(page.getByTestId('results').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('results')).toContainText(`${percent}%`);
  });
});

test.describe('practice', () => {
  test.use({ locale: 'en-US' });

  test('keyboard only, through every question type', async ({ page }) => {
    await page.goto('/quiz');
    await waitForApp(page);
    // Nothing answered yet: no "well done" for mistakes never made.
    await expect(page.getByTestId('mistake-count')).toHaveText('Questions you get wrong will wait here for another try.');
    // Adult CPR has questions of all five types.
    await page.getByTestId('practice-scope').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('practice-scope')).toHaveValue('adult-cpr');
    await tabTo(page, '[data-testid="start-practice"]');
    await page.keyboard.press('Enter');
    const card = page.getByTestId('question');
    const seen = new Set<string>();
    // A session of ten, then each session keeps three places for questions
    // never answered: by this session every question has come up. Wrong
    // answers come back at the end of their session, so the bound is
    // sessions, not questions. (en-US starts with the AHA profile.)
    const bank = questions.filter((q) => q.lesson === 'adult-cpr' && q.profiles.includes('aha')).length;
    const lastSession = 1 + Math.ceil(Math.max(0, bank - 10) / 3);
    let sessions = 1;
    while (seen.size < 5) {
      expect(sessions, `types seen in ${sessions - 1} sessions: ${[...seen]}`).toBeLessThanOrEqual(lastSession);
      await expect(page.getByTestId('practice-position')).toBeVisible();
      const type = (await card.getAttribute('data-type'))!;
      seen.add(type);
      await tabTo(page, '[data-testid="question"] input, [data-testid="question"] [role="radio"], [data-testid="question"] li button:enabled');
      if (type === 'order') {
        const before = await card.locator('li[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
        expect(await focusedMatches(page, `li[data-option="${before[0]}"] button.down`)).toBe(true);
        await page.keyboard.press('Enter');
        await expect(card.locator('li[data-option]').nth(1)).toHaveAttribute('data-option', before[0]!);
        // Focus follows the step that moved.
        await expect.poll(() => focusedMatches(page, `li[data-option="${before[0]}"] button`)).toBe(true);
      } else if (type === 'hotspot') {
        const regions = card.locator('[role="radio"]');
        await page.keyboard.press('ArrowRight');
        await expect(regions.nth(1)).toHaveAttribute('aria-checked', 'true');
        await expect.poll(() => regions.nth(1).evaluate((e) => e === document.activeElement)).toBe(true);
        await expect(page.getByTestId('hotspot-caption')).toContainText('Your choice:');
      } else {
        await page.keyboard.press('Space');
        await expect(card.locator('input:checked')).toHaveCount(1);
      }
      await tabTo(page, '[data-testid="check-answer"]');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('verdict')).toBeVisible();
      await expect.poll(() => focusedMatches(page, '[data-testid="feedback"]')).toBe(true);
      await tabTo(page, '[data-testid="next-question"]');
      await page.keyboard.press('Enter');
      if (await page.getByTestId('practice-done').isVisible()) {
        await tabTo(page, '[data-testid="practice-done"] button.primary');
        await page.keyboard.press('Enter');
        sessions++;
      }
    }
    expect([...seen].sort()).toEqual(['hotspot', 'multiple', 'order', 'single', 'true_false']);
  });

  test('two AED pads: both places are chosen, with the keyboard too', async ({ page }) => {
    const card = await practiseUntil(page, 'aed', async (c) => (await c.getAttribute('data-question')) === 'aed.adult-pads-hotspot');
    await expect(card).toHaveAttribute('data-question', 'aed.adult-pads-hotspot');
    // A group of checkboxes, not radios: choosing the second keeps the first.
    const places = card.locator('[role="checkbox"]');
    await expect(places).toHaveCount(4);
    await expect(card.locator('[role="group"]')).toHaveAccessibleName(/two places/);
    await tabTo(page, '[data-testid="question"] [role="checkbox"]');
    await page.keyboard.press('Space');
    await expect(places.nth(0)).toHaveAttribute('aria-checked', 'true');
    // Arrows move without choosing; Space chooses.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => places.nth(1).evaluate((e) => e === document.activeElement)).toBe(true);
    await expect(places.nth(1)).toHaveAttribute('aria-checked', 'false');
    await page.keyboard.press('Space');
    await expect(places.nth(0)).toHaveAttribute('aria-checked', 'true');
    await expect(places.nth(1)).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('hotspot-caption')).toContainText('Your choices: Their upper right chest');
    await expect(page.getByTestId('hotspot-caption')).toContainText('; Their left side');
    // Tapping takes one back, and again chooses it.
    await places.nth(1).click();
    await expect(places.nth(1)).toHaveAttribute('aria-checked', 'false');
    await places.nth(1).click();
    await axe(page, 'a hotspot with two places');
    await page.getByTestId('check-answer').click();
    await expect(page.getByTestId('verdict')).toHaveText('Correct!');
  });

  test('a hotspot on a 390 px phone: 44 px places, keyboard help only for keyboards, the right places marked right', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const card = await practiseUntil(page, 'aed', async (c) => (await c.getAttribute('data-question')) === 'aed.adult-pads-hotspot');
    await expect(card).toHaveAttribute('data-question', 'aed.adult-pads-hotspot');
    const places = card.locator('[role="checkbox"]');
    await expect(places).toHaveCount(4);
    for (const box of await places.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      expect(box.width, JSON.stringify(box)).toBeGreaterThanOrEqual(44);
      expect(box.height, JSON.stringify(box)).toBeGreaterThanOrEqual(44);
    }
    // A tap at a place's edge (outside its dashed mark) still chooses it.
    const hit = await card.locator('[id="left-side"] .hit').boundingBox();
    await page.mouse.click(hit!.x + 2, hit!.y + hit!.height / 2);
    await expect(card.locator('[id="left-side"]')).toHaveAttribute('aria-checked', 'true');
    // Keyboard help only where there is a fine pointer; always the picture's description.
    const fine = await page.evaluate(() => matchMedia('(hover: hover) and (pointer: fine)').matches);
    await expect(page.getByTestId('hotspot-keys')).toBeVisible({ visible: fine });
    await expect(card.locator('[role="group"]')).toHaveAccessibleDescription(/arrow keys/);
    await expect(page.getByTestId('hotspot-help')).not.toContainText('arrow keys');
    // One right place and one wrong: the missed right place is marked right too.
    await card.locator('[id="belly"]').click();
    await page.getByTestId('check-answer').click();
    await expect(page.getByTestId('verdict')).toHaveText(/Not quite|Partly right/);
    await expect(card.locator('[id="left-side"]')).toHaveClass(/\bright\b/);
    await expect(card.locator('[id="right-upper-chest"]')).toHaveClass(/\bright\b/);
    await expect(card.locator('[id="belly"]')).toHaveClass(/\bwrong\b/);
    await expect(card.locator('[id="upper-arm"]')).not.toHaveClass(/\b(right|wrong)\b/);
    await expect(card.locator('[id="right-upper-chest"] .spot-icon')).toHaveText('✓');
    await expect(card.locator('[id="belly"] .spot-icon')).toHaveText('✗');
    // The chosen right place is drawn in the "right" colour, not the chosen red.
    const colour = (sel: string) => card.locator(sel).evaluate((e) => getComputedStyle(e).stroke);
    const ok = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ok').trim());
    const okRgb = await page.evaluate((c) => { const d = document.createElement('div'); d.style.color = c; document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; }, ok);
    expect(await colour('[id="left-side"] .mark')).toBe(okRgb);
    expect(await colour('[id="right-upper-chest"] .mark')).toBe(okRgb);
    expect(await colour('[id="belly"] .mark')).not.toBe(okRgb);
    const marks = page.getByTestId('hotspot-marks').locator('li');
    await expect(marks).toHaveText([
      /Their upper right chest.* — Right answer/,
      /Their left side.* — You chose this: right/,
      /The belly — You chose this: wrong/,
    ]);
    await expect(card.locator('[id="right-upper-chest"]')).toHaveAccessibleName(/Right answer/);
    await axe(page, 'a hotspot after its answer is revealed');
  });

  test('ordering by dragging a step by its handle', async ({ page }) => {
    const card = await practiseUntil(page, 'adult-cpr', async (c) => (await c.getAttribute('data-type')) === 'order');
    await expect(card).toHaveAttribute('data-type', 'order');
    const items = card.locator('li[data-option]');
    const before = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-option')!));
    expect(before.length).toBeGreaterThanOrEqual(3);
    const from = (await card.locator('.drag-handle').first().boundingBox())!;
    const to = (await items.nth(2).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    const after = [before[1], before[2], before[0], ...before.slice(3)];
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-option')!))).toEqual(after);
  });

  test('an ordering not all right shows the right order, step by step', async ({ page }) => {
    const card = await practiseUntil(page, 'adult-cpr', async (c) => (await c.getAttribute('data-type')) === 'order');
    const q = byId.get((await card.getAttribute('data-question'))!)!;
    await answer(card, q, false);
    await page.getByTestId('check-answer').click();
    await expect(page.getByTestId('verdict')).toHaveText(/Not quite|Partly right/);
    const right = page.getByTestId('feedback').getByTestId('right-order');
    await expect(right.locator('p')).toHaveText('Right answer:');
    // The steps as authored (the right order), numbered by the list.
    await expect(right.locator('ol > li')).toHaveText(q.options!.map((o) => said(o.text.en, numberFor('en'))));
    await axe(page, 'the right order after a practice answer');
  });

  test('a wrong answer is explained, comes back at the end, and is kept for review after a reload', async ({ page }) => {
    await page.goto('/quiz');
    await waitForApp(page);
    await page.getByTestId('start-practice').click();
    await expect(page.getByTestId('practice-position')).toHaveText('Question 1 of 10');
    const card = page.getByTestId('question');
    const id = (await card.getAttribute('data-question'))!;
    const q = byId.get(id)!;
    // A check without an answer only asks for one (orderings always have one).
    if (q.type !== 'order') {
      await page.getByTestId('check-answer').click();
      await expect(page.getByTestId('feedback')).toHaveText('Choose an answer first.');
    }
    await answer(card, q, false);
    await page.getByTestId('check-answer').click();
    await expect(page.getByTestId('verdict')).toHaveText(/Not quite|Partly right/);
    await expect(page.getByTestId('feedback')).toContainText('Why:');
    // One "you will see this again", not two.
    await expect(page.getByTestId('comes-back')).toHaveText('This question will come back at the end of this practice.');
    await expect(page.getByTestId('leitner-box')).toHaveCount(0);
    await expect(page.getByTestId('feedback').locator('[data-testid="comes-back"], [data-testid="leitner-box"]')).toHaveCount(1);
    await expect(card.locator('details.source li').first()).toBeAttached();
    await page.getByTestId('next-question').click();
    // The total stays the planned ten; the wrong answer comes back at the end.
    await expect(page.getByTestId('practice-position')).toHaveText('Question 2 of 10');

    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('practice-position')).toHaveText('Question 2 of 10');
    await page.goto('/quiz');
    await waitForApp(page);
    await expect(page.getByTestId('mistake-count')).toHaveText('Questions you last got wrong: 1.');
    await expect(page.getByTestId('resume-practice')).toContainText('question 2 of 10');
    await page.getByTestId('start-mistakes').click();
    await expect(page.getByTestId('practice-position')).toHaveText('Question 1 of 1');
    await expect(card).toHaveAttribute('data-question', id);
    await answer(card, q, true);
    await page.getByTestId('check-answer').click();
    await expect(page.getByTestId('verdict')).toHaveText('Correct!');
    await expect(page.getByTestId('leitner-box')).toHaveText('To help you remember, it comes back tomorrow.');
    await page.getByTestId('next-question').click();
    await expect(page.getByTestId('practice-done')).toContainText('1 of 1 questions right the first time');
    await page.goto('/quiz');
    await waitForApp(page);
    await expect(page.getByTestId('mistake-count')).toHaveText('No mistakes to review. Well done!');
  });
});

test.describe('practice after one lesson', () => {
  test.use({ locale: 'en-US' });

  test('asks first about the lesson opened', async ({ page }, info) => {
    // Which questions come is the same at any width: ten answers once, not twice.
    test.skip(info.project.name !== 'phone', 'one viewport is enough');
    await page.goto('/learn/aed');
    await waitForApp(page);
    await expect(page.getByTestId('step')).toBeVisible();
    await page.goto('/quiz');
    await waitForApp(page);
    await expect(page.getByTestId('practice-scope')).toHaveValue('');
    await page.getByTestId('start-practice').click();
    const card = page.getByTestId('question');
    const aed = questions.filter((q) => q.lesson === 'aed' && q.profiles.includes('aha')).length;
    expect(aed).toBeGreaterThan(3);
    for (let n = 1; n <= Math.min(aed, 10); n++) {
      await expect(page.getByTestId('practice-position')).toHaveText(`Question ${n} of 10`);
      const q = byId.get((await card.getAttribute('data-question'))!)!;
      expect(q.lesson, `question ${n}: ${q.id}`).toBe('aed');
      await answer(card, q, true);
      await page.getByTestId('check-answer').click();
      await expect(page.getByTestId('verdict')).toHaveText('Correct!');
      await page.getByTestId('next-question').click();
    }
  });
});

for (const locale of ['zh-CN', 'en-US']) {
  test.describe(`axe on quiz pages (${locale})`, () => {
    test.use({ locale });
    test('quiz hub, practice with feedback, exam and result have no violations', async ({ page }) => {
      await page.goto('/quiz');
      await waitForApp(page);
      await expect(page.getByTestId('start-exam')).toBeVisible();
      await axe(page, 'quiz hub');
      await page.getByTestId('start-practice').click();
      const card = page.getByTestId('question');
      await expect(card).toBeVisible();
      await axe(page, 'practice question');
      await answer(card, byId.get((await card.getAttribute('data-question'))!)!, false);
      await page.getByTestId('check-answer').click();
      await expect(page.getByTestId('verdict')).toBeVisible();
      await card.locator('details.source summary').click();
      await axe(page, 'practice feedback');
      await page.getByTestId('end-practice').click();
      await page.getByTestId('start-exam').click();
      await expect(page.getByTestId('exam-position')).toBeVisible();
      // A few questions, to meet more than one type.
      for (let i = 0; i < 4; i++) {
        await axe(page, `exam question ${i + 1}`);
        await page.getByTestId('exam-next').click();
      }
      await page.getByTestId('exam-previous').click();
      while ((await page.getByTestId('exam-next').count()) > 0) await page.getByTestId('exam-next').click();
      await page.getByTestId('exam-finish').click();
      await axe(page, 'finish confirmation');
      await page.getByTestId('finish-anyway').click();
      await expect(page.getByTestId('exam-result')).toBeVisible();
      await axe(page, 'result and review');
    });
  });
}

test.describe('exam time limit', () => {
  test.use({ locale: 'en-US' });
  test('when time runs out the exam is handed in, and its transcript still checks out', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-29T08:00:00Z') });
    // The exam's chunk is fetched while the quiz page is read: it is there
    // before the clock stops (a chunk's first drawing waits for a task,
    // which a stopped clock would never run).
    const preloaded = page.waitForResponse((r) => /\/split_quiz_play-[0-9a-f]{10}\.wasm$/.test(r.url()));
    await page.goto('/quiz');
    await waitForApp(page);
    await preloaded;
    await page.waitForLoadState('networkidle');
    // Stop the clock, so the exam starts at a known time.
    await page.clock.pauseAt(new Date('2026-11-29T08:00:20Z'));
    await page.getByTestId('start-exam').click();
    const card = page.getByTestId('question');
    await expect(page.getByTestId('time-left')).toHaveText('Time left: 30:00');
    const points = await answer(card, byId.get((await card.getAttribute('data-question'))!)!, true);
    await page.getByTestId('exam-next').click();
    await page.clock.runFor('29:30');
    await expect(page.getByTestId('time-left')).toHaveText('Time left: 00:30');
    await expect(page.getByTestId('time-warning')).toHaveText('Time left: 1 min. The exam is handed in when time runs out.');
    await page.clock.runFor('00:45');
    await expect(page.getByTestId('timed-out')).toBeVisible();
    await expect(page.getByTestId('exam-score')).toHaveText(`Your score: ${Math.floor(points / 200)}%. The pass mark is 80%.`);
    await expect(page.getByTestId('exam-right')).toHaveText(`Right: ${points === 1000 ? 1 : 0} of 20 questions.`);
    await expect(page.getByTestId('rescored')).toBeVisible();
  });
});

test.describe('dates as the phone writes them', () => {
  test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });
  test("a British phone reads an exam's date day first, on a 24-hour clock", async ({ page }, info) => {
    test.skip(info.project.name !== 'phone', 'a date does not depend on the viewport');
    await page.goto('/quiz');
    await waitForApp(page);
    await page.getByTestId('start-exam').click();
    await expect(page.getByTestId('question')).toBeVisible();
    while ((await page.getByTestId('exam-next').count()) > 0) await page.getByTestId('exam-next').click();
    await page.getByTestId('exam-finish').click();
    await page.getByTestId('finish-anyway').click();
    await expect(page.getByTestId('exam-result')).toBeVisible();
    await page.goto('/quiz');
    await waitForApp(page);
    // "7 Dec 2026, 15:04", not "Dec 7, 2026, 03:04 PM" as the app's bare
    // "en" writes it.
    await expect(page.getByTestId('results').locator('li').first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} · /);
  });
});

test.describe('data kept across tabs and updates', () => {
  test.use({ locale: 'en-US' });

  test('practice in one tab does not wipe an exam going on in another', async ({ page, context }) => {
    const other = await context.newPage();
    await other.goto('/quiz');
    await waitForApp(other);
    await page.goto('/quiz');
    await waitForApp(page);
    await page.getByTestId('start-exam').click();
    const card = page.getByTestId('question');
    await answer(card, byId.get((await card.getAttribute('data-question'))!)!, true);
    await page.getByTestId('exam-next').click();
    await expect(page.getByTestId('answered-count')).toHaveText('Answered: 1 of 20');
    // The other tab, opened before the exam started, learns of it…
    await expect(other.getByTestId('resume-exam')).toBeVisible();
    // …and practising there keeps it.
    await other.getByTestId('start-practice').click();
    const otherCard = other.getByTestId('question');
    await answer(otherCard, byId.get((await otherCard.getAttribute('data-question'))!)!, true);
    await other.getByTestId('check-answer').click();
    await expect(other.getByTestId('verdict')).toHaveText('Correct!');
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('exam-position')).toHaveText('Question 2 of 20');
    await expect(page.getByTestId('answered-count')).toHaveText('Answered: 1 of 20');
    await page.goto('/quiz');
    await waitForApp(page);
    await expect(page.getByTestId('resume-practice')).toBeVisible();
    await other.close();
  });

  test('a practice session from older content is not continued', async ({ page }) => {
    await page.goto('/quiz');
    await waitForApp(page);
    await page.getByTestId('start-practice').click();
    await expect(page.getByTestId('question')).toBeVisible();
    await page.evaluate(() => {
      const doc = JSON.parse(localStorage.getItem('firstaid/store')!);
      doc.data.quiz.practice.content_version = 'sha256:0000000000000000';
      localStorage.setItem('firstaid/store', JSON.stringify(doc));
    });
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('practice-stale')).toBeVisible();
    await page.getByRole('button', { name: 'End practice' }).click();
    await expect(page).toHaveURL(/\/quiz$/);
  });
});

for (const [locale, lang] of [['zh-CN', 'zh'], ['en-US', 'en']] as const) {
  test.describe(`questions held back from exams (${locale})`, () => {
    test.use({ locale, viewport: { width: 390, height: 844 } });
    test('the instructor sees each with its note; practice still asks them; no learner page shows a note', async ({ page }) => {
      test.slow();
      const held = questions.filter((q) => q.exam_hold);
      expect(held.length).toBeGreaterThan(0);
      const notes = held.map((q) => q.review![lang]);
      await page.goto('/instructor');
      await waitForApp(page);
      const list = page.getByTestId('held-questions');
      await expect(list.locator('li[data-question]')).toHaveCount(held.length);
      for (const q of held) {
        const item = list.locator(`li[data-question="${q.id}"]`);
        await expect(item.locator('.held-prompt')).toHaveText(q.prompt[lang]);
        await expect(item.getByTestId('held-note')).toContainText(q.review![lang]);
      }
      await axe(page, `instructor area with the held questions (${locale})`);

      // Everything on the page, shown or not (closed layers included).
      const noNote = async (where: string) => {
        const all = (await page.locator('body').textContent()) ?? '';
        for (const n of notes) expect(all.includes(n), `${where} shows a held question's note`).toBe(false);
      };
      // Practice on a lesson with held questions asks them, without the note.
      const lesson = held[0].lesson;
      await page.goto('/quiz');
      await waitForApp(page);
      await page.getByTestId('practice-scope').selectOption(lesson);
      await page.getByTestId('start-practice').click();
      const card = page.getByTestId('question');
      const done = page.getByTestId('practice-done');
      const asked = new Set<string>();
      for (let n = 0; n < 30; n++) {
        await expect(card.or(done).first()).toBeVisible();
        if (await done.isVisible()) break;
        const id = (await card.getAttribute('data-question'))!;
        asked.add(id);
        await noNote(`practice, question ${id}`);
        await answer(card, byId.get(id)!, true);
        await page.getByTestId('check-answer').click();
        await expect(page.getByTestId('verdict')).toBeVisible();
        await noNote(`practice, question ${id} answered`);
        await page.getByTestId('next-question').click();
        // The next question, or the end of the session.
        await expect
          .poll(async () => (await done.isVisible()) || (await card.getAttribute('data-question')) !== id)
          .toBe(true);
      }
      const profile = locale === 'zh-CN' ? 'rcsc' : 'aha';
      const mine = held.filter((q) => q.lesson === lesson && q.profiles.includes(profile));
      expect(mine.length).toBeGreaterThan(0);
      for (const q of mine) expect(asked.has(q.id), `practice asks ${q.id}`).toBe(true);
      // An exam never draws them, and its pages and results never show a note.
      await page.goto('/quiz');
      await waitForApp(page);
      await page.getByTestId('start-exam').click();
      const position = page.getByTestId('exam-position');
      for (let i = 0; i < 20; i++) {
        await expect(position).toHaveText(lang === 'zh' ? new RegExp(`第 ${i + 1} 题`) : `Question ${i + 1} of 20`);
        await noNote(`exam, question ${i + 1}`);
        if (i < 19) await page.getByTestId('exam-next').click();
      }
      await page.getByTestId('exam-finish').click();
      await page.getByTestId('finish-anyway').click();
      await expect(page.getByTestId('exam-score')).toBeVisible();
      const drawn = await page.locator('.review-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));
      expect(drawn.length).toBe(20);
      expect(drawn.filter((id) => held.some((q) => q.id === id))).toEqual([]);
      await noNote('exam results');
    });
  });
}
