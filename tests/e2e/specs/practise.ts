// Practising until a wanted question shows (shared by the quiz specs).
import type { Locator, Page } from '@playwright/test';
import { expect, waitForApp } from './fixtures';
import { answer, byId } from './content';

/** Practises one lesson's questions, answering each right, until the card
 * on screen is one `wanted` accepts (at most 40 questions); returns the card. */
export async function practiseUntil(page: Page, lesson: string, wanted: (card: Locator) => Promise<boolean>): Promise<Locator> {
  await page.goto('/quiz');
  await waitForApp(page);
  await page.getByTestId('practice-scope').selectOption(lesson);
  await page.getByTestId('start-practice').click();
  const card = page.getByTestId('question');
  for (let n = 0; n < 40; n++) {
    await expect(page.getByTestId('practice-position')).toBeVisible();
    if (await wanted(card)) break;
    await answer(card, byId.get((await card.getAttribute('data-question'))!)!, true);
    await page.getByTestId('check-answer').click();
    await page.getByTestId('next-question').click();
    if (await page.getByTestId('practice-done').isVisible()) await page.locator('[data-testid="practice-done"] button.primary').click();
  }
  return card;
}
