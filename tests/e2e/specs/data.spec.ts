// A person's data is never overwritten without their word: restoring a
// backup onto a phone that holds someone shows both sides and keeps a
// recovery copy; a full phone says so and offers the backup file; a tab of
// an older version never writes over a newer one. Both languages.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, axe, waitForApp } from './fixtures';
import { anotherPhone } from './classroom';

const words = {
  'en-US': {
    save: 'Save a backup file', choice: 'Replace what is on this phone?', other: 'another person', same: 'same person',
    kept: 'Nothing was changed.', restored: 'Backup restored. What was on this phone is kept', a: 'Li Hua', b: 'Zhang Wei',
    full: 'could not be saved', newer: 'A newer version of the app is open in another tab', dark: 'Dark',
  },
  'zh-CN': {
    save: '保存备份文件', choice: '要替换这台手机上的数据吗？', other: '另一个人', same: '同一个人',
    kept: '没有做任何更改。', restored: '备份已恢复。手机上原来的数据已另存', a: '王小明', b: '张伟',
    full: '没能保存', newer: '另一个标签页里开着更新版本的应用', dark: '深色',
  },
} as const;

/** Saves a learner's name (which also makes their key); returns the key's fingerprint. */
async function becomeLearner(page: Page, name: string): Promise<string> {
  await page.goto('/record');
  await waitForApp(page);
  await page.getByTestId('learner-name').fill(name);
  await page.getByTestId('save-profile').click();
  return (await page.getByTestId('device-fingerprint').textContent())!;
}

/** Downloads the backup file from the settings page and parses it. */
async function downloadBackup(page: Page, label: string, path: string) {
  await page.goto('/settings');
  await waitForApp(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  await download.saveAs(path);
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  const w = words[locale];
  test.describe(`never overwrite a person (${locale})`, () => {
    test.use({ locale });

    test('a restore onto a phone that holds someone shows both sides, and keeps a recovery copy', async ({ page, browser, baseURL }, info) => {
      test.skip(info.project.name !== 'phone', 'one viewport is enough');
      const problems: string[] = [];
      const fpA = await becomeLearner(page, w.a);
      const fileA = await downloadBackup(page, w.save, info.outputPath('a.json'));

      const b = await anotherPhone(browser, locale, baseURL!, problems);
      const fpB = await becomeLearner(b.page, w.b);
      expect(fpB).not.toBe(fpA);
      await b.page.goto('/settings');
      await waitForApp(b.page);
      const input = b.page.getByTestId('import');

      // Both sides, how they relate; keeping changes nothing.
      await input.setInputFiles(fileA.path);
      const choice = b.page.getByTestId('restore-choice');
      await expect(choice).toContainText(w.choice);
      await expect(choice.getByTestId('restore-phone').getByTestId('restore-name')).toHaveText(w.b);
      await expect(choice.getByTestId('restore-file').getByTestId('restore-name')).toHaveText(w.a);
      await expect(choice.getByTestId('restore-phone')).toContainText(fpB);
      await expect(choice.getByTestId('restore-file')).toContainText(fpA);
      await expect(choice.getByTestId('restore-relation')).toContainText(w.other);
      await axe(b.page, 'restore decision');
      await choice.getByTestId('restore-cancel').click();
      await expect(b.page.getByTestId('data-status')).toHaveText(w.kept);
      await expect(choice).toHaveCount(0);
      await b.page.goto('/record');
      await waitForApp(b.page);
      await expect(b.page.getByTestId('learner-name')).toHaveValue(w.b);

      // Replacing: the file's person is on the phone, B is kept as a copy.
      await b.page.goto('/settings');
      await waitForApp(b.page);
      await input.setInputFiles(fileA.path);
      await b.page.getByTestId('restore-replace').click();
      await expect(b.page.getByTestId('data-status')).toContainText(w.restored);
      await b.page.goto('/record');
      await waitForApp(b.page);
      await expect(b.page.getByTestId('learner-name')).toHaveValue(w.a);
      await expect(b.page.getByTestId('device-fingerprint')).toHaveText(fpA);
      const next = await downloadBackup(b.page, w.save, info.outputPath('b-next.json'));
      expect(next.json.recovered).toHaveLength(1);
      const copy = JSON.parse(next.json.recovered[0].text);
      expect(copy.data.records.learner.profile.name).toBe(w.b);

      // The same file again: the same person now.
      await input.setInputFiles(fileA.path);
      await expect(b.page.getByTestId('restore-relation')).toContainText(w.same);
      await b.page.getByTestId('restore-cancel').click();

      await b.ctx.close();
      expect(problems).toEqual([]);
    });

    test('a full phone says so, keeps working, offers the backup file, and loses nothing stored', async ({ page }, info) => {
      test.skip(info.project.name !== 'phone', 'one viewport is enough');
      await page.goto('/settings');
      await waitForApp(page);
      const before = await page.evaluate(() => localStorage.getItem('firstaid/store'));
      // The browser refuses every write from now on, as when the quota is spent.
      await page.evaluate(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.getByRole('radio', { name: w.dark, exact: true }).check();
      const notice = page.getByTestId('notice');
      await expect(notice).toContainText(w.full);
      // It keeps working in memory…
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await axe(page, 'the could-not-save notice');
      // …and the backup file holds the change.
      const [download] = await Promise.all([page.waitForEvent('download'), notice.getByTestId('notice-backup').click()]);
      const path = info.outputPath('full.json');
      await download.saveAs(path);
      expect(JSON.parse(readFileSync(path, 'utf8')).store.data.settings.theme).toBe('dark');
      // What was stored before is still there.
      expect(await page.evaluate(() => localStorage.getItem('firstaid/store'))).toBe(before);
      await page.reload();
      await waitForApp(page);
      expect(await page.evaluate(() => localStorage.getItem('firstaid/store'))).toBe(before);
    });

    test('a tab of an older version never writes over a newer one, and asks to reload', async ({ page }, info) => {
      test.skip(info.project.name !== 'phone', 'one viewport is enough');
      await page.goto('/settings');
      await waitForApp(page);
      // A newer version, in another tab, saved its data.
      const newer = JSON.stringify({ schema: 999, data: { from: 'the future' } });
      await page.evaluate((t) => localStorage.setItem('firstaid/store', t), newer);
      await page.getByRole('radio', { name: w.dark, exact: true }).check();
      await expect(page.getByTestId('notice')).toContainText(w.newer);
      await expect(page.getByTestId('notice-reload')).toBeVisible();
      expect(await page.evaluate(() => localStorage.getItem('firstaid/store'))).toBe(newer);
    });
  });
}
