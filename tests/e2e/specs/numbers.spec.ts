// The number a lesson says to call is the number where the learner is —
// the one every call button dials — not the number of the guideline's
// country (content::call): a learner who follows AHA in Shanghai is taught
// to dial 120, not 911; one who set their own number hears it in the
// lessons too, and read aloud.
import type { Page } from '@playwright/test';
import { test, expect, waitForApp, recordSpeech, spoken } from './fixtures';
import { lessons, resolve, said } from './content';

const lesson = lessons.find((l) => l.id === 'recognise-and-call')!;
const index = lesson.steps.findIndex((s) => s.id === 'when-to-call');

/** Opens the lesson and goes to its step that says to call (from the
 * first step, or from where the lesson resumes). */
async function toTheCall(page: Page) {
  await page.goto(`/learn/${lesson.id}`);
  await waitForApp(page);
  const step = page.getByTestId('step');
  await expect(step).toHaveAttribute('data-step', /.+/);
  for (let i = 0; i < lesson.steps.length; i++) {
    const id = await step.getAttribute('data-step');
    const now = lesson.steps.findIndex((s) => s.id === id);
    if (now === index) return;
    await page.locator(now < index ? '.step-nav button.primary' : '.step-nav button:not(.primary)').click();
    await expect(step).toHaveAttribute('data-step', lesson.steps[now < index ? now + 1 : now - 1].id);
  }
  throw new Error(`never reached ${lesson.steps[index].id}`);
}

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the number does not depend on the viewport');
});

test.describe('an AHA learner in Shanghai', () => {
  test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  test('is taught to call 120, the number the call button dials', async ({ page }) => {
    await recordSpeech(page);
    await page.goto('/');
    await waitForApp(page);
    await expect(page.getByRole('link', { name: 'Call 120' }).first()).toHaveAttribute('href', 'tel:120');
    await toTheCall(page);
    await expect(page.getByTestId('profile-badge')).toContainText(/American Heart/);
    const text = resolve(lesson.steps[index], 'aha').text.en;
    expect(text).toContain('{call}');
    const shown = page.locator('.step-text');
    await expect(shown).toHaveText(said(text, '120'));
    await expect(shown).not.toContainText('911');
    await page.getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe(said(text, '120'));
  });
});

test.describe('a learner with their own number', () => {
  test.use({ locale: 'zh-CN' });
  test('reads it in the lessons, and the region\'s again once it is cleared', async ({ page }) => {
    await page.goto('/settings');
    await waitForApp(page);
    await page.getByLabel('你的急救电话').fill('999');
    await page.getByRole('button', { name: '保存号码' }).click();
    await expect(page.getByTestId('number-status')).toHaveText('已保存。');
    await toTheCall(page);
    const text = resolve(lesson.steps[index], 'rcsc').text.zh;
    await expect(page.locator('.step-text')).toHaveText(said(text, '999'));
    await page.goto('/settings');
    await waitForApp(page);
    await page.getByRole('button', { name: '使用所在地的号码' }).click();
    await toTheCall(page);
    await expect(page.locator('.step-text')).toHaveText(said(text, '120'));
  });
});
