// No progress lost to a crash: at random points in a lesson, a practice,
// an exam, a trainer session and accepting an assignment, the page is
// closed without warning (no unload handlers run) and opened again.
// Everything the app had acknowledged on screen — a step reached, an
// answer checked, an exam answer counted, a trainer session's results, an
// assignment accepted — must still be there, and the app must open without
// an error. A few cuts come right after a tap, before the app could
// acknowledge it: then the old or the new state is fine, a broken one is
// not. The seed and the counts are printed. The suite cuts 30 times per
// language (about 1.5 minutes each); FIRSTAID_CHAOS_POINTS=300 and another
// FIRSTAID_CHAOS_SEED make a longer run.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, waitForApp } from './fixtures';
import { answer, byId, lessons } from './content';
import { makeAssignment } from './classroom';
import { startSession, tapAlong } from './tapping';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** A fresh tab of the same phone (same storage), with the error guards. */
async function openTab(ctx: BrowserContext, problems: string[]): Promise<Page> {
  const p = await ctx.newPage();
  p.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A wasm chunk that does not arrive shows "could not be loaded": note
  // why, for the report (requests cut by closing a tab fail too, and are
  // not a problem, so this is not one of the test's checks).
  p.on('requestfailed', (q) => {
    if (/\.(wasm|bin)$/.test(q.url())) failedRequests.push(`${q.url()}: ${q.failure()?.errorText}${p.isClosed() ? ' (tab closed)' : ''}`);
  });
  return p;
}

/** Wasm requests that failed, for the report of a failure. */
const failedRequests: string[] = [];

/** Closes the tab without warning: no beforeunload, no pagehide work. */
const crash = (p: Page) => p.close({ runBeforeUnload: false });

const number = async (p: Page, testid: string, at = 0) =>
  Number(((await p.getByTestId(testid).textContent()) ?? '').match(/\d+/g)![at]);

const NO_EXAM = /There is no exam in progress|目前没有进行中的考试/;
const NO_PRACTICE = /There is no practice in progress|目前没有进行中的练习/;

interface Tally { points: number; losses: string[]; kinds: Record<string, number> }

/** Lesson: k more steps, then the crash; the lesson resumes at the last step shown. */
async function lessonPoint(ctx: BrowserContext, problems: string[], r: (n: number) => number, t: Tally) {
  const lesson = lessons[r(lessons.length)];
  let p = await openTab(ctx, problems);
  await p.goto(`/learn/${lesson.id}`);
  await waitForApp(p);
  const step = p.getByTestId('step');
  // The player shows a step, or (a finished lesson) its knowledge check.
  await expect(step.or(p.locator('[data-question], [data-testid="lesson-complete"]')).first()).toBeVisible();
  if (!(await step.isVisible())) { await crash(p); return; }
  // "Step n of N": step through k more, reading each step the app shows.
  const n0 = await number(p, 'step-count', 0);
  const total = await number(p, 'step-count', 1);
  const k = r(total - n0 + 1);
  for (let i = 1; i <= k; i++) {
    await p.locator('.step-nav button.primary').click();
    await expect(p.getByTestId('step-count')).toHaveText(new RegExp(`^\\D*${n0 + i}\\D`));
  }
  const want = await step.getAttribute('data-step');
  await crash(p);
  p = await openTab(ctx, problems);
  await p.goto(`/learn/${lesson.id}`);
  await waitForApp(p);
  const got = await p.getByTestId('step').getAttribute('data-step', { timeout: 5000 }).catch(() => null);
  t.points++;
  if (got !== want) t.losses.push(`lesson ${lesson.id}: step ${want} shown, ${got} after reopening`);
  await crash(p);
}

/** Practice: j answers checked and moved past, then the crash; it resumes at the next question. */
async function practicePoint(ctx: BrowserContext, problems: string[], r: (n: number) => number, t: Tally) {
  let p = await openTab(ctx, problems);
  await p.goto('/quiz/practice');
  await waitForApp(p);
  await expect(p.getByTestId('practice-position').or(p.getByText(NO_PRACTICE))).toBeVisible();
  if (!(await p.getByTestId('practice-position').isVisible())) {
    await p.goto('/quiz');
    await waitForApp(p);
    await p.getByTestId('start-practice').click();
  }
  const card = p.getByTestId('question');
  // The queue's index (the heading's "n of N" keeps N when wrong answers
  // come back, and those say "once more").
  const index = async (q: Page) => (await q.getByTestId('practice-position').getAttribute('data-index'))!;
  const queue = async (q: Page) => Number(await q.getByTestId('practice-position').getAttribute('data-queue'));
  let at = await index(p);
  // Never past the last question (a finished session is not resumed).
  const j = Math.min(r(4), (await queue(p)) - 1 - Number(at));
  for (let i = 0; i < j; i++) {
    await answer(card, byId.get((await card.getAttribute('data-question'))!)!, r(2) === 0);
    await p.getByTestId('check-answer').click();
    await expect(p.getByTestId('verdict')).toBeVisible();
    await p.getByTestId('next-question').click();
    if (await p.getByTestId('practice-done').isVisible()) { await crash(p); return; }
    at = await index(p);
  }
  const want = at;
  await crash(p);
  p = await openTab(ctx, problems);
  await p.goto('/quiz/practice');
  await waitForApp(p);
  const got = await index(p);
  t.points++;
  if (got !== want) t.losses.push(`practice: at question ${want}, ${got} after reopening`);
  await crash(p);
}

/** Exam: j more answers counted, then the crash; the count is the same after reopening. */
async function examPoint(ctx: BrowserContext, problems: string[], r: (n: number) => number, t: Tally) {
  let p = await openTab(ctx, problems);
  await p.goto('/quiz/exam');
  await waitForApp(p);
  await expect(p.getByTestId('answered-count').or(p.getByText(NO_EXAM))).toBeVisible();
  if (!(await p.getByTestId('answered-count').isVisible())) {
    await p.goto('/quiz');
    await waitForApp(p);
    await p.getByTestId('start-exam').click();
  }
  const card = p.getByTestId('question');
  const count = p.getByTestId('answered-count');
  await expect(count).toBeVisible();
  let answered = await number(p, 'answered-count', 0);
  const total = await number(p, 'answered-count', 1);
  if (answered >= total - 2) {
    // Nearly done: hand it in; the result must be kept.
    const before = await p.evaluate(() => JSON.parse(localStorage.getItem('firstaid/store')!).data.quiz.results.length);
    // The finish button is on the last question.
    for (let at = await number(p, 'exam-position', 0); at < total; at++) {
      await p.getByTestId('exam-next').click();
      await expect(p.getByTestId('exam-position')).toHaveText(new RegExp(`^\\D*${at + 1}\\D`));
    }
    await p.getByTestId('exam-finish').click();
    if (await p.getByTestId('finish-anyway').isVisible()) await p.getByTestId('finish-anyway').click();
    await expect(p).toHaveURL(/\/quiz\/results\//);
    await crash(p);
    p = await openTab(ctx, problems);
    await p.goto('/quiz');
    await waitForApp(p);
    const after = await p.evaluate(() => JSON.parse(localStorage.getItem('firstaid/store')!).data.quiz.results.length);
    t.points++;
    if (after !== before + 1) t.losses.push(`exam: handed in, ${after - before} results kept`);
    await crash(p);
    return;
  }
  const j = 1 + r(4);
  for (let i = 0; i < j && answered < total - 1; i++) {
    // Move to an unanswered question: the next one (answers are kept on the way).
    const id = (await card.getAttribute('data-question'))!;
    await answer(card, byId.get(id)!, r(3) !== 0);
    // The count on screen is the acknowledgement.
    await expect(count).not.toHaveText(new RegExp(`\\b${answered}\\D+${total}`));
    answered = await number(p, 'answered-count', 0);
    await p.getByTestId('exam-next').click();
  }
  await expect(count).toHaveText(new RegExp(`\\b${answered}\\b`));
  await crash(p);
  p = await openTab(ctx, problems);
  await p.goto('/quiz/exam');
  await waitForApp(p);
  const got = await number(p, 'answered-count', 0);
  t.points++;
  if (got !== answered) t.losses.push(`exam: ${answered} answers counted, ${got} after reopening`);
  await crash(p);
}

/** Accepting an assignment, then the crash: it is on the record page. */
async function assignmentPoint(ctx: BrowserContext, problems: string[], links: string[], r: (n: number) => number, t: Tally) {
  const i = r(links.length);
  let p = await openTab(ctx, problems);
  await p.goto(links[i]);
  await waitForApp(p);
  const accept = p.getByTestId('accept-assignment');
  // Not yet accepted (the button) or accepted before (the status).
  await expect(accept.or(p.getByTestId('assignment-accepted'))).toBeVisible();
  if (await accept.isVisible()) {
    await accept.click();
    await expect(p.getByTestId('assignment-accepted')).toBeVisible();
  }
  await crash(p);
  p = await openTab(ctx, problems);
  await p.goto('/record');
  await waitForApp(p);
  t.points++;
  const row = p.getByTestId('assignment-item').filter({ hasText: `Class ${i + 1}` });
  await expect(row).toHaveCount(1).catch(() => t.losses.push(`assignment: Class ${i + 1} accepted, missing after reopening`));
  await crash(p);
}

/** Trainer: a short session of taps, finished (its results page is the
 * acknowledgement), then the crash; the session is still there. Or the
 * crash while it runs: nothing was acknowledged, the app must open cleanly. */
async function trainerPoint(ctx: BrowserContext, problems: string[], r: (n: number) => number, t: Tally) {
  let p = await openTab(ctx, problems);
  await p.goto('/train');
  await waitForApp(p);
  await startSession(p, /\S/);
  const n = 10 + r(6);
  await tapAlong(p, n, 545);
  if (r(4) === 0) {
    await crash(p);
    p = await openTab(ctx, problems);
    await p.goto('/train');
    await waitForApp(p);
    await expect(p.getByTestId('start-training')).toBeVisible();
    t.points++;
    await crash(p);
    return;
  }
  await p.getByTestId('finish-training').click();
  await p.getByTestId('confirm-finish').click();
  await expect(p).toHaveURL(/\/train\/results\/\d+$/);
  await expect(p.getByTestId('f-compressions')).toHaveText(String(n));
  const results = new URL(p.url()).pathname;
  await crash(p);
  p = await openTab(ctx, problems);
  await p.goto(results);
  await waitForApp(p);
  t.points++;
  await expect(p.getByTestId('f-compressions'))
    .toHaveText(String(n), { timeout: 5000 })
    .catch(() => t.losses.push(`trainer: a session of ${n} taps finished, not found at ${results} after reopening`));
  await crash(p);
}

/** A tap and at once the crash, before the app could acknowledge it: the
 * app must open without an error, whatever was kept. */
async function abruptPoint(ctx: BrowserContext, problems: string[], r: (n: number) => number, t: Tally) {
  let p = await openTab(ctx, problems);
  const lesson = lessons[r(lessons.length)];
  await p.goto(`/learn/${lesson.id}`);
  await waitForApp(p);
  const next = p.locator('.step-nav button.primary');
  if (await next.isVisible()) await next.click({ noWaitAfter: true });
  await crash(p);
  p = await openTab(ctx, problems);
  await p.goto(`/learn/${lesson.id}`);
  await waitForApp(p);
  t.points++;
  await crash(p);
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  test.describe(`no progress lost to a crash (${locale})`, () => {
    test.use({ locale });
    test('at random points in lessons, practice, exams, the trainer and accepting assignments', async ({ page, browser, baseURL }, info) => {
      test.skip(info.project.name !== 'phone', 'one viewport is enough');
      test.setTimeout(600_000);
      const seed = Number(process.env.FIRSTAID_CHAOS_SEED ?? 20261203) + (locale === 'zh-CN' ? 1 : 0);
      const r = rng(seed);
      const problems: string[] = [];
      // An instructor, on another phone, makes three assignments.
      const teacher = await browser.newContext({ locale, baseURL, serviceWorkers: 'allow' });
      const tp = await teacher.newPage();
      const links: string[] = [];
      for (let i = 0; i < 3; i++) links.push((await makeAssignment(tp, { className: `Class ${i + 1}`, exam: null })).link);
      await teacher.close();
      // The learner's phone: the fixture's context; a name for the record page.
      const ctx = page.context();
      await page.goto('/record');
      await waitForApp(page);
      await page.getByTestId('learner-name').fill('Li Hua');
      await page.getByTestId('save-profile').click();
      await page.close();

      const t: Tally = { points: 0, losses: [], kinds: {} };
      const want = Number(process.env.FIRSTAID_CHAOS_POINTS ?? 30);
      try {
        while (t.points < want) {
          const kind = r(11);
          const before = t.points;
          const name = ['lesson', 'lesson', 'lesson', 'practice', 'practice', 'exam', 'exam', 'exam', 'assignment', 'trainer', 'abrupt'][kind];
          if (kind < 3) await lessonPoint(ctx, problems, r, t);
          else if (kind < 5) await practicePoint(ctx, problems, r, t);
          else if (kind < 8) await examPoint(ctx, problems, r, t);
          else if (kind < 9) await assignmentPoint(ctx, problems, links, r, t);
          else if (kind < 10) await trainerPoint(ctx, problems, r, t);
          else await abruptPoint(ctx, problems, r, t);
          t.kinds[name] = (t.kinds[name] ?? 0) + t.points - before;
          if (process.env.FIRSTAID_CHAOS_TRACE) console.log(`${t.points} points, kind ${kind}`);
        }
      } finally {
        // A step that fails stops the test before the checks below: what
        // the pages said until then (console errors, failed requests) is
        // what tells why.
        const open = failedRequests.filter((f) => !f.endsWith('(tab closed)'));
        if (problems.length || open.length) {
          console.log(`chaos (${locale}, seed ${seed}) problems so far:\n${[...problems, ...open.map((f) => `request failed: ${f}`)].join('\n')}`);
        }
      }
      console.log(`chaos (${locale}, seed ${seed}): ${t.points} points (${JSON.stringify(t.kinds)}), ${t.losses.length} losses`);
      expect(t.losses).toEqual([]);
      expect(problems).toEqual([]);
      // Every kind of cut came up (the seed is fixed: a change that leaves
      // one out shows here).
      expect(Object.keys(t.kinds).sort()).toEqual(['abrupt', 'assignment', 'exam', 'lesson', 'practice', 'trainer']);
    });
  });
}
