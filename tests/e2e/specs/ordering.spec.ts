// Ordering questions: one kept as shown in an exam counts as an answer;
// their steps stay on one row at 200 % text on a 320 px screen (with the
// rest of the quiz pages, which must not overflow).
import type { Page } from '@playwright/test';
import { test, expect, axe, waitForApp } from './fixtures';
import { practiseUntil } from './practise';

test.describe('exam', () => {
  test.use({ locale: 'en-US' });

  test('an ordering left as shown can be kept as the answer', async ({ page }) => {
    const card = page.getByTestId('question');
    const count = page.getByTestId('answered-count');
    // An exam is drawn at random: about one in twenty has no ordering. Such
    // an exam is given up (unanswered) and another drawn.
    let found = false;
    for (let exam = 0; exam < 6 && !found; exam++) {
      await page.goto('/quiz');
      await waitForApp(page);
      if (exam > 0) {
        await page.getByTestId('abandon-exam').click();
        await page.getByTestId('confirm-abandon').click();
        await page.goto('/quiz');
        await waitForApp(page);
      }
      await page.getByTestId('start-exam').click();
      for (let i = 0; i < 20; i++) {
        await expect(page.getByTestId('exam-position')).toHaveText(`Question ${i + 1} of 20`);
        if ((await card.getAttribute('data-type')) === 'order') {
          found = true;
          break;
        }
        // Only orderings ask (the other types are answered by choosing).
        await expect(page.getByTestId('keep-order')).toHaveCount(0);
        if (i < 19) await page.getByTestId('exam-next').click();
      }
    }
    expect(found, 'an exam with an ordering in six draws').toBe(true);
    const shown = await card.locator('li[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
    await expect(count).toHaveText('Answered: 0 of 20');
    await expect(page.getByTestId('keep-order')).toContainText('Is this order already right?');
    await axe(page, 'ordering not yet answered');
    await page.getByTestId('keep-order-button').click();
    // Saved as shown; the learner hears so, and can still move a step.
    await expect(count).toHaveText('Answered: 1 of 20');
    await expect(page.getByTestId('order-kept')).toBeFocused();
    await expect(page.getByTestId('keep-order-button')).toHaveCount(0);
    expect(await card.locator('li[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')))).toEqual(shown);
    // Kept after a reload, as every answer is.
    await page.reload();
    await waitForApp(page);
    await expect(count).toHaveText('Answered: 1 of 20');
    await expect(page.getByTestId('order-kept')).toBeVisible();
    // The results list the ordering given and the right one as numbered
    // lists, step by step (one line of "1. … 2. …" read as a sentence).
    const id = (await card.getAttribute('data-question'))!;
    const texts = await card.locator('li[data-option] .order-text').allTextContents();
    // "Finish" is on the last question.
    for (let n = 0; n < 20 && !(await page.getByTestId('exam-finish').isVisible()); n++) {
      await page.getByTestId('exam-next').click();
    }
    await page.getByTestId('exam-finish').click();
    await page.getByTestId('finish-anyway').click();
    const review = page.locator(`.review-item[data-question="${id}"]`);
    const lists = review.locator('ol.answer-order');
    await expect(lists).toHaveCount(2);
    await expect(lists.first().locator('li')).toHaveText(texts);
    await expect(lists.last().locator('li')).toHaveCount(texts.length);
  });
});

/** Each step of the ordering shown on one row: handle, text, arrows side
 *  by side, no taller than its text or the two arrows and the row's
 *  padding (12 px above and below at 200 %) — they stacked into a column
 *  300 px tall per step. */
async function orderingFits(page: Page, where: string): Promise<void> {
  const rows = await page.locator('.order-item').evaluateAll((items) =>
    items.map((li) => {
      const [h, t, b] = ['.drag-handle', '.order-text', '.order-buttons'].map((s) => li.querySelector(s)!.getBoundingClientRect());
      return { oneRow: h.right <= t.left && t.right <= b.left, tall: li.getBoundingClientRect().height, text: t.height, arrows: b.height };
    }),
  );
  expect(rows.length, where).toBeGreaterThan(1);
  for (const r of rows) {
    expect(r.oneRow, `${where}: a step on one row`).toBe(true);
    expect(r.tall, `${where}: a step's height`).toBeLessThanOrEqual(Math.max(r.text, r.arrows) + 28);
  }
}

test.describe('quiz at 200% text on a 320 px screen', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 320, height: 640 } });
  test('hub, practice and exam fit without horizontal overflow', async ({ page }) => {
    await page.goto('/settings');
    await waitForApp(page);
    await page.getByRole('radio', { name: '200 %' }).check();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto('/quiz');
    await waitForApp(page);
    await expect(page.getByTestId('start-exam')).toBeVisible();
    expect(await overflow(), '/quiz').toBeLessThanOrEqual(0);
    await page.getByTestId('start-exam').click();
    for (let i = 0; i < 20; i++) {
      await expect(page.getByTestId('question')).toBeVisible();
      expect(await overflow(), `exam question ${i + 1}`).toBeLessThanOrEqual(0);
      if ((await page.getByTestId('question').getAttribute('data-type')) === 'order') await orderingFits(page, `exam question ${i + 1}`);
      if ((await page.getByTestId('exam-next').count()) === 0) break;
      await page.getByTestId('exam-next').click();
    }
    await page.getByTestId('exam-finish').click();
    await page.getByTestId('finish-anyway').click();
    await expect(page.getByTestId('exam-result')).toBeVisible();
    expect(await overflow(), 'result').toBeLessThanOrEqual(0);
    // An ordering for sure (an exam may have none): in practice.
    await practiseUntil(page, 'adult-cpr', async (c) => (await c.getAttribute('data-type')) === 'order');
    await expect(page.getByTestId('question')).toHaveAttribute('data-type', 'order');
    await orderingFits(page, 'practice');
  });
});

