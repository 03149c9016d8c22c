// The practical exam on the instructor's phone (issue #18), offline: a
// learner read from their record QR code is one tap from their practical
// exam; each checklist item has two large buttons (passed / needs
// practice) and a note; every mark is saved at once and keeps focus on the
// button pressed; "Next learner" moves on in one tap; the roster shows
// where each learner stands and the certificate needs every checklist.
// Both languages, phone viewport, axe-core on the new screen.
import { type Page } from '@playwright/test';
import { test, expect, axe, waitForApp } from './fixtures';
import { lessons } from './content';
import { accept, completeLesson, learnerPhone, makeAssignment, passPractical, type Phone } from './classroom';

const words = {
  'en-US': {
    profile: 'aha', class: 'Year 8 — 3', a: 'Li Hua', b: 'Zhang Wei', heading: 'Practical exam: ',
    none: 'Not measured by the trainer.', note: 'Hands too high', practice: 'Needs practice',
    progress: '0 of 3 checklists passed', allPassed: 'Passed: every checklist',
    othersDone: 'Everyone else in this class is assessed.', allDone: 'Everyone in this class is assessed.',
  },
  'zh-CN': {
    profile: 'rcsc', class: '初二(3)班', a: '王小明', b: '张伟', heading: '实操考核：',
    none: '按压训练没有测到这一项。', note: '手放得太高', practice: '需练习',
    progress: '已通过 0/3 张考核表', allPassed: '通过：所有考核表',
    othersDone: '其他学员都考核完了。', allDone: '全班都考核完了。',
  },
} as const;

/** The learner on `phone` accepts the assignment, completes its lesson and
 * makes a record: its text. */
async function recordOf(phone: Phone, link: string, profile: string): Promise<string> {
  const lp = phone.page;
  await accept(lp, link);
  await completeLesson(lp, lessons[0].id, profile);
  await lp.goto('/record');
  await waitForApp(lp);
  await lp.getByTestId('make-record').click();
  return lp.getByTestId('made-record').getByTestId('record-text').inputValue();
}

/** Controls inside `scope` under 44 px tall. */
async function smallControls(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluateAll((roots) => roots.flatMap((root) =>
    [...root.querySelectorAll<HTMLElement>('button, summary, textarea')]
      .filter((el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.height < 44; })
      .map((el) => `${el.dataset.testid ?? el.textContent?.trim().slice(0, 20)}: ${el.getBoundingClientRect().height.toFixed(1)} px`)));
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  const w = words[locale];
  test.describe(`the practical exam (${locale})`, () => {
    test.use({ locale });

    test('two learners marked offline, one tap apart; marks and notes kept', async ({ page, browser, baseURL }, info) => {
      test.skip(info.project.name !== 'phone', 'a screen for the instructor\'s phone; the roster spec covers the wide layout');
      test.setTimeout(240_000);
      await page.setViewportSize({ width: 390, height: 844 });
      const problems: string[] = [];
      const { link } = await makeAssignment(page, { className: w.class, exam: null });
      const a = await learnerPhone(browser, locale, baseURL!, problems, { name: w.a, number: '2026-0142' });
      const aText = await recordOf(a, link, w.profile);
      const b = await learnerPhone(browser, locale, baseURL!, problems, { name: w.b, number: '2026-0143' });
      const bText = await recordOf(b, link, w.profile);
      for (const text of [aText, bText]) {
        await page.getByTestId('verify-paste').fill(text);
        await page.getByTestId('verify-check').click();
        await expect(page.getByTestId('verify-result')).toBeVisible();
      }
      const rows = page.getByTestId('roster-row');
      await expect(rows).toHaveCount(2);
      for (const r of await rows.all()) await expect(r.getByTestId('practical-status')).toHaveText(w.progress);
      await expect(rows.filter({ hasText: w.b }).getByTestId('issue-certificate')).toHaveCount(0);

      // The learner just read is one tap from their practical exam.
      await page.getByTestId('assess-last').click();
      const card = page.getByTestId('practical');
      const heading = card.locator('#practical-heading');
      await expect(heading).toBeFocused();
      await expect(heading).toHaveText(new RegExp(`^${w.heading}${w.b}`));
      await page.screenshot({ path: info.outputPath(`practical-top-390-${locale}.png`) });
      // The trainer's figure sits beside the items it is evidence for.
      await expect(card.getByTestId('evidence').first()).toHaveText(w.none);

      // One item needs practice, with a note; the rest not yet marked.
      const first = card.getByTestId('checklist-item').first();
      await first.getByTestId('mark-practice').click();
      await expect(first.getByTestId('mark-practice')).toHaveAttribute('aria-pressed', 'true');
      await expect(first.getByTestId('mark-practice')).toBeFocused();
      await expect(first.getByTestId('mark-passed')).toHaveAttribute('aria-pressed', 'false');
      await first.locator('.item-note summary').click();
      await first.getByTestId('item-note').fill(w.note);
      await first.getByTestId('item-note').blur();
      await expect(card.getByTestId('checklist-outcome')).toContainText('1');
      // Pressing a pressed button takes the mark back; pressing again sets it.
      await first.getByTestId('mark-practice').click();
      await expect(first.getByTestId('mark-practice')).toHaveAttribute('aria-pressed', 'false');
      await first.getByTestId('mark-practice').click();
      await axe(page, 'practical exam');
      expect(await smallControls(page, '[data-testid="practical"]')).toEqual([]);
      await card.screenshot({ path: info.outputPath(`practical-390-${locale}.png`) });
      await page.screenshot({ path: info.outputPath(`practical-screen-390-${locale}.png`) });

      // Next learner in one tap (the roster's order wraps round).
      await card.getByTestId('next-learner').click();
      await expect(heading).toHaveText(new RegExp(`^${w.heading}${w.a}`));
      await expect(heading).toBeFocused();
      await card.getByTestId('close-practical').click();

      // Every checklist passed: the roster says so and offers the
      // certificate.
      const rowA = rows.filter({ hasText: w.a });
      await passPractical(page, rowA);
      await expect(rowA.getByTestId('practical-status')).toHaveText(w.allPassed);
      await expect(rowA.getByTestId('issue-certificate')).toBeVisible();

      // Saved at once: a reload (offline) keeps every mark and the note.
      await page.reload();
      await waitForApp(page);
      await expect(rows.filter({ hasText: w.a }).getByTestId('practical-status')).toHaveText(w.allPassed);
      const rowB = rows.filter({ hasText: w.b });
      await expect(rowB.getByTestId('practical-status')).toHaveText(w.progress);
      await rowB.getByTestId('assess').click();
      const again = card.getByTestId('checklist-item').first();
      await expect(again.getByTestId('mark-practice')).toHaveAttribute('aria-pressed', 'true');
      await expect(again.getByTestId('item-note')).toHaveValue(w.note);
      await expect(card.getByTestId('checklist-tab').first()).toContainText(w.practice === 'Needs practice' ? /1 of \d+ marked/ : /已评 1\/\d+ 项/);
      // The other learner is done: "Next learner" does not go round to
      // them; the card says so instead.
      await expect(card.getByTestId('next-learner')).toHaveCount(0);
      await expect(card.getByTestId('all-assessed')).toHaveText(w.othersDone);
      await card.getByTestId('close-practical').click();
      // Once both are, either one's card says the class is done.
      await passPractical(page, rowB);
      await rows.filter({ hasText: w.a }).getByTestId('assess').click();
      await expect(card.getByTestId('all-assessed')).toHaveText(w.allDone);
      await expect(card.getByTestId('next-learner')).toHaveCount(0);

      await a.ctx.close();
      await b.ctx.close();
      expect(problems).toEqual([]);
    });
  });
}
