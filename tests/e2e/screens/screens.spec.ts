// `cargo xtask screenshots`: every route and state a person should look at,
// photographed on a 390 × 844 phone in each language × colour scheme ×
// text size, plus the main routes at one desktop width. A review tool, not
// a test CI runs: it asserts only what it needs to reach each state, and
// writes PNGs under FIRSTAID_SCREENS_OUT/<language>/<scheme>-<size>/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, waitForApp } from '../specs/fixtures';
import { answer, byId, lessons } from '../specs/content';
import { accept, completeLesson, learnerPhone, makeAssignment, takeExam } from '../specs/classroom';
import { startSession, tapAlong } from '../specs/tapping';

const OUT = process.env.FIRSTAID_SCREENS_OUT ?? 'screens-out';

/** Names the next picture of one combination, in the order taken. */
function camera(page: Page, dir: string) {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (name: string) => {
    n += 1;
    // Let transitions and fonts settle, so the picture is what a person sees.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(250);
    await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`), animations: 'disabled' });
  };
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await waitForApp(page);
}

/** Steps through a lesson until the step with `id` is shown. */
async function toStep(page: Page, lessonId: string, id: string) {
  await open(page, `/learn/${lessonId}`);
  for (let i = 0; i < 40; i++) {
    if ((await page.getByTestId('step').getAttribute('data-step')) === id) return;
    await page.locator('.step-nav button.primary').click();
  }
}

/** One practice question answered right or wrong, with its feedback shown. */
async function practiseOnce(page: Page, right: boolean) {
  const card = page.getByTestId('question');
  await answer(card, byId.get((await card.getAttribute('data-question'))!)!, right);
  await page.getByTestId('check-answer').click();
  await expect(page.getByTestId('verdict')).toBeVisible();
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of ['100', '200'] as const) {
      test.describe(`${lang} ${scheme} ${size}%`, () => {
        test.use({ locale, colorScheme: scheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
        test('every route and state on a phone', async ({ page, browser, baseURL }) => {
          test.setTimeout(600_000);
          const shot = camera(page, join(OUT, lang, `${scheme}-${size}`));
          await open(page, '/');
          await shot('home-first-visit');
          await open(page, '/settings');
          if (size === '200') {
            await page.getByRole('radio', { name: '200 %' }).check();
            await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
          }
          await shot('settings');
          await open(page, '/learn');
          await shot('learn');
          const lesson = lessons[0];
          await open(page, `/learn/${lesson.id}`);
          await shot('lesson-first-step');
          const technique = lessons.flatMap((l) => l.steps.filter((s) => s.technique).map((s) => [l.id, s.id] as const));
          for (const [l, s] of [technique[0], technique[Math.floor(technique.length / 2)]]) {
            await toStep(page, l, s);
            await shot(`lesson-${s}`);
          }
          await open(page, '/quiz');
          await shot('quiz');
          await page.getByTestId('start-practice').click();
          await shot('practice-question');
          await practiseOnce(page, true);
          await shot('practice-right');
          await page.getByTestId('next-question').click();
          await practiseOnce(page, false);
          await shot('practice-wrong');
          await open(page, '/quiz');
          await page.getByTestId('start-exam').click();
          await shot('exam-question');
          await takeExam(page, 3);
          await shot('exam-result');
          await open(page, '/train');
          await shot('trainer-setup');
          await startSession(page, /\S/);
          await tapAlong(page, 8, 545);
          await shot('trainer-live');
          await page.getByTestId('finish-training').click();
          await shot('trainer-finish-confirm');
          await page.getByTestId('confirm-finish').click();
          await expect(page).toHaveURL(/\/train\/results\//);
          await shot('trainer-results');
          await open(page, '/emergency');
          await shot('emergency');
          await open(page, '/emergency/cpr');
          await shot('emergency-cpr');
          await open(page, '/emergency/choking');
          await shot('emergency-choking');
          await open(page, '/record');
          await shot('record');
          await open(page, '/');
          await shot('home-returning');

          // The instructor's side: a class, one learner's record verified,
          // the practical exam marked and a certificate issued.
          const { link } = await makeAssignment(page, { className: lang === 'zh' ? '三年二班' : 'Class 3B', exam: null });
          await shot('instructor-class');
          const learner = await learnerPhone(browser, locale, baseURL!, [], { name: lang === 'zh' ? '李华' : 'Li Hua', number: '2026-0142' });
          await accept(learner.page, link);
          await completeLesson(learner.page, lessons[0].id, lang === 'zh' ? 'rcsc' : 'aha');
          await open(learner.page, '/record');
          await learner.page.getByTestId('make-record').click();
          const text = await learner.page.getByTestId('made-record').getByTestId('record-text').inputValue();
          await learner.ctx.close();
          await page.getByTestId('verify-paste').fill(text);
          await page.getByTestId('verify-check').click();
          const row = page.getByTestId('roster-row');
          await expect(row).toHaveCount(1);
          await shot('roster');
          if (await row.getByTestId('practical').count()) await row.getByTestId('practical').check();
          if (await row.getByTestId('issue-certificate').count()) {
            await row.getByTestId('issue-certificate').click();
            await expect(row.getByTestId('open-certificate')).toBeVisible();
          }
          await row.scrollIntoViewIfNeeded();
          await shot('roster-certificate');
        });
      });
    }
  }
  test.describe(`${lang} desktop`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });
    test('the main routes at a desktop width', async ({ page }) => {
      const shot = camera(page, join(OUT, lang, 'desktop'));
      for (const [name, path] of [['home', '/'], ['learn', '/learn'], ['lesson', `/learn/${lessons[0].id}`], ['quiz', '/quiz'], ['train', '/train'], ['emergency', '/emergency'], ['record', '/record'], ['instructor', '/instructor']]) {
        await open(page, path);
        await shot(name);
      }
    });
  });
}
