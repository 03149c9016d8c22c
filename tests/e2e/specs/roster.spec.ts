// The instructor's roster (issue #19): on a phone (390 × 844) each learner
// is a card — name, status, exam, trainer, practical mark and the
// certificate action as a full-width button — that fits at 320 px; on a
// wide screen the same markup is a table. Issuing a certificate from a
// card says so in a polite live region and moves focus to the new "Open
// the certificate" link. Every control on the roster is at least 44 px
// tall and every field on the instructor's screens at least 16 px. In both
// languages, with axe-core.
import { type Page } from '@playwright/test';
import { test, expect, axe, waitForApp } from './fixtures';
import { lessons } from './content';
import { accept, completeLesson, learnerPhone, makeAssignment, passPractical, type Phone } from './classroom';

const words = {
  'en-US': {
    profile: 'aha', class: 'Year 8 — 3', name: 'Li Hua', other: 'Zhang Wei', ok: 'Verified', failed: 'Not verified',
    issued: '✓ Certificate issued to Li Hua (2026-0142).', issuedShort: '✓ Certificate issued', open: 'Open the certificate',
    exam: 'Exam', practical: 'Practical exam', link: 'Certificate link',
  },
  'zh-CN': {
    profile: 'rcsc', class: '初二(3)班', name: '王小明', other: '张伟', ok: '核对通过', failed: '未通过核对',
    issued: '✓ 已为王小明 (2026-0142)颁发证书。', issuedShort: '✓ 证书已颁发', open: '打开证书',
    exam: '考试', practical: '实操考核', link: '证书链接',
  },
} as const;

/** The learner on `phone` accepts the assignment, completes its lesson when
 * `complete`, and makes a record: its text. */
async function recordOf(phone: Phone, link: string, profile: string, complete: boolean): Promise<string> {
  const lp = phone.page;
  await accept(lp, link);
  if (complete) await completeLesson(lp, lessons[0].id, profile);
  await lp.goto('/record');
  await waitForApp(lp);
  await lp.getByTestId('make-record').click();
  return lp.getByTestId('made-record').getByTestId('record-text').inputValue();
}

/** What on the page is under 44 px tall or (fields) under 16 px text:
 * buttons, button links, checkbox labels and fields inside `scope`. */
async function smallControls(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluateAll((roots) => {
    const out: string[] = [];
    for (const root of roots) {
      const controls = root.querySelectorAll<HTMLElement>('button, a.button, label.choice, label.button, input, select, textarea');
      for (const el of controls) {
        const r = el.getBoundingClientRect();
        const what = `${el.tagName.toLowerCase()}[${el.dataset.testid ?? el.textContent?.trim().slice(0, 20)}]`;
        if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio' || el.type === 'file')) continue;
        if (r.width === 0 && r.height === 0) continue; // not shown
        if (r.height < 44) out.push(`${what}: ${r.height.toFixed(1)} px tall`);
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && size < 16) out.push(`${what}: ${size} px text`);
      }
    }
    return out;
  });
}

/** The roster's figures ("2026-0142", "100%", "85") that break across
 * lines: each text box of a figure must sit on the same line. */
async function brokenFigures(page: Page): Promise<string[]> {
  return page.locator('.roster .num').evaluateAll((els) =>
    els.filter((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
      return new Set(tops).size > 1;
    }).map((e) => e.textContent ?? ''));
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  const w = words[locale];
  test.describe(`the roster (${locale})`, () => {
    test.use({ locale });

    test('cards on a phone, a table on a wide screen; a certificate issued is confirmed', async ({ page, browser, baseURL }, info) => {
      test.setTimeout(180_000);
      const phone = info.project.name === 'phone';
      if (phone) await page.setViewportSize({ width: 390, height: 844 });
      const problems: string[] = [];

      // An assignment of the first lesson, no exam; one learner completes
      // it, another hands in a record with nothing done.
      const { link } = await makeAssignment(page, { className: w.class, exam: null });
      const done = await learnerPhone(browser, locale, baseURL!, problems, { name: w.name, number: '2026-0142' });
      const doneText = await recordOf(done, link, w.profile, true);
      const notDone = await learnerPhone(browser, locale, baseURL!, problems, { name: w.other, number: '2026-0143' });
      const notDoneText = await recordOf(notDone, link, w.profile, false);
      for (const text of [doneText, notDoneText]) {
        await page.getByTestId('verify-paste').fill(text);
        await page.getByTestId('verify-check').click();
        await expect(page.getByTestId('verify-result')).toBeVisible();
      }
      const rows = page.getByTestId('roster-row');
      await expect(rows).toHaveCount(2);
      const row = rows.filter({ hasText: w.name });
      const other = rows.filter({ hasText: w.other });
      await expect(row).toContainText(w.ok);
      await expect(other).toContainText(w.failed);
      await expect(other.getByTestId('issue-certificate')).toHaveCount(0);

      // Phone: each learner a card, its columns named inside it; wide: a
      // table whose head names them.
      const layout = await row.evaluate((tr) => ({
        row: getComputedStyle(tr).display,
        head: getComputedStyle(tr.closest('table')!.querySelector('thead')!).display,
        label: getComputedStyle(tr.querySelector('.cell-label')!).display,
      }));
      if (phone) {
        expect(layout).toEqual({ row: 'block', head: 'none', label: 'block' });
        await expect(row.getByText(w.exam, { exact: true })).toBeVisible();
        await expect(row.getByText(w.practical, { exact: true })).toBeVisible();
      } else {
        expect(layout).toEqual({ row: 'table-row', head: 'table-header-group', label: 'none' });
        await expect(page.getByRole('columnheader', { name: w.practical })).toBeVisible();
      }
      await axe(page, 'roster');

      // The practical exam passed, the certificate is offered: on a card,
      // a button the card's full width.
      await passPractical(page, row);
      const issue = row.getByTestId('issue-certificate');
      await expect(issue).toBeVisible();
      if (phone) {
        const [b, card] = [(await issue.boundingBox())!, (await row.boundingBox())!];
        expect(b.width).toBeGreaterThan(card.width - 2 * 16);
        expect(b.height).toBeGreaterThanOrEqual(44);
      }
      expect(await smallControls(page, 'section[aria-labelledby="roster-heading"]')).toEqual([]);

      // Issued: announced in the roster's polite live region, marked on the
      // card, and focus on the new "Open the certificate" link.
      const status = page.getByTestId('roster-status');
      await expect(status).toHaveAttribute('role', 'status');
      await expect(status).toBeEmpty();
      await issue.click();
      await expect(status).toHaveText(w.issued);
      const open = row.getByTestId('open-certificate');
      await expect(open).toBeFocused();
      await expect(open).toHaveText(w.open);
      await expect(open).toHaveAccessibleName(new RegExp(w.name));
      await expect(row.getByTestId('certificate-issued')).toHaveText(w.issuedShort);
      await axe(page, 'roster with a certificate issued');
      expect(await smallControls(page, 'main')).toEqual([]);

      expect(await brokenFigures(page)).toEqual([]);
      if (phone) {
        const roster = page.locator('section[aria-labelledby="roster-heading"]');
        await roster.screenshot({ path: info.outputPath(`roster-390-${locale}.png`) });
        // At 320 px every card fits: nothing scrolls sideways.
        await page.setViewportSize({ width: 320, height: 844 });
        await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        for (const r of await rows.all()) {
          const box = (await r.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(320);
        }
        expect(await smallControls(page, 'section[aria-labelledby="roster-heading"]')).toEqual([]);
        expect(await brokenFigures(page)).toEqual([]);
        await roster.screenshot({ path: info.outputPath(`roster-320-${locale}.png`) });
        await page.setViewportSize({ width: 390, height: 844 });
        // A class longer than the screen: the cards out of view, not laid
        // out, take no width either (each counted 24rem wide, and the page
        // scrolled sideways). Twelve rows, copies of the two.
        const stored = await page.evaluate(() => localStorage.getItem('firstaid/store')!);
        await page.evaluate(() => {
          const head = JSON.parse(localStorage.getItem('firstaid/store')!);
          const { gen, counts } = head.rows;
          const i = counts.findIndex((n: number) => n > 0);
          for (let j = counts[i]; j < 12; j++) {
            const from = localStorage.getItem(`firstaid/rows/${gen}/${i}/${j % counts[i]}`)!;
            localStorage.setItem(`firstaid/rows/${gen}/${i}/${j}`, from);
          }
          counts[i] = 12;
          localStorage.setItem('firstaid/store', JSON.stringify(head));
        });
        await page.reload();
        await waitForApp(page);
        await expect(rows).toHaveCount(12);
        for (const at of ['top', 'bottom']) {
          if (at === 'bottom') await rows.last().scrollIntoViewIfNeeded();
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `at the ${at}`).toBeLessThanOrEqual(390);
          const nav = (await page.getByRole('navigation').last().boundingBox())!;
          expect(nav.x + nav.width, `the tab bar at the ${at}`).toBeLessThanOrEqual(390);
        }
        // The class of two again (the head names two rows; the copies go).
        await page.evaluate((head) => {
          localStorage.setItem('firstaid/store', head);
          const { gen, counts } = JSON.parse(head).rows;
          const i = counts.findIndex((n: number) => n > 0);
          for (let j = counts[i]; j < 12; j++) localStorage.removeItem(`firstaid/rows/${gen}/${i}/${j}`);
        }, stored);
        await page.reload();
        await waitForApp(page);
        await expect(rows).toHaveCount(2);
      } else {
        await page.locator('section[aria-labelledby="roster-heading"]').screenshot({ path: info.outputPath(`roster-wide-${locale}.png`) });
      }

      // The certificate page names its link field for what it is.
      await open.click();
      await expect(page).toHaveURL(/\/certificate#FAC3:/);
      await expect(page.getByLabel(w.link, { exact: true })).toHaveValue(/\/certificate#FAC3:/);
      // It shows what was assessed: no exam in this class, each checklist
      // passed.
      await expect(page.getByTestId('certificate-result')).toHaveCount(3);
      expect(await smallControls(page, 'main')).toEqual([]);
      // So does every field of the instructor area.
      await page.goto('/instructor');
      await waitForApp(page);
      await expect(page.getByTestId('assignment-class')).toBeVisible();
      expect(await smallControls(page, 'main')).toEqual([]);

      await done.ctx.close();
      await notDone.ctx.close();
      expect(problems).toEqual([]);
    });
  });
}
