// The app shell: first visit in each language, settings that survive a
// reload, text scaling, tap targets, backup and erase.
import { test, expect, waitForApp } from './fixtures';

test.describe('first visit follows the browser language', () => {
  test.describe('Chinese', () => {
    test.use({ locale: 'zh-CN' });
    test('shows Chinese, RCSC and 120', async ({ page }) => {
      await page.goto('/');
      await waitForApp(page);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('欢迎');
      await expect(page.getByTestId('profile-name')).toHaveText('中国红十字会');
      await expect(page.getByRole('link', { name: '拨打 120' })).toHaveAttribute('href', 'tel:120');
    });
  });

  test.describe('English (US)', () => {
    test.use({ locale: 'en-US' });
    test('shows English, AHA and 911', async ({ page }) => {
      await page.goto('/');
      await waitForApp(page);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
      await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
    });
  });
});

test.describe('settings', () => {
  test.use({ locale: 'zh-CN' });

  test('language, theme, text size and guideline survive a reload', async ({ page }) => {
    await page.goto('/settings');
    await waitForApp(page);
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('radio', { name: '200 %' }).check();
    await page.getByRole('radio', { name: /European Resuscitation Council/ }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');

    await page.reload();
    await waitForApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
    await expect(page.getByRole('radio', { name: /European Resuscitation Council/ })).toBeChecked();
    // The guideline never changes the number: where you are does.
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('link', { name: 'Call 120' })).toBeVisible();
  });

  test('the learner can set the emergency number where they are', async ({ page }) => {
    await page.goto('/settings');
    await waitForApp(page);
    const field = page.getByLabel('你的急救电话');
    await field.fill('99a');
    await page.getByRole('button', { name: '保存号码' }).click();
    await expect(page.getByTestId('number-status')).toHaveText('请输入 2 到 8 位数字，例如 120。');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.fill('999');
    await field.press('Enter');
    await expect(page.getByTestId('number-status')).toHaveText('已保存。');
    await page.reload();
    await waitForApp(page);
    await expect(page.getByLabel('你的急救电话')).toHaveValue('999');
    await page.getByRole('link', { name: '首页' }).click();
    await expect(page.getByRole('link', { name: '拨打 999' })).toHaveAttribute('href', 'tel:999');
    await expect(page.getByTestId('own-number')).toContainText('120');
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('button', { name: '使用所在地的号码' }).click();
    await page.getByRole('link', { name: '首页' }).click();
    await expect(page.getByRole('link', { name: '拨打 120' })).toBeVisible();
    await expect(page.getByTestId('own-number')).toHaveCount(0);
  });

  test('dark theme changes the colours', async ({ page }) => {
    await page.goto('/settings');
    await waitForApp(page);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.getByRole('radio', { name: '深色' }).check();
    await expect.poll(bg).not.toBe(light);
  });
});

test.describe('text size', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 320, height: 640 } });
  test.beforeEach(async ({}, info) => test.skip(info.project.name !== 'phone', 'names its own viewport: the phone project runs it'));

  for (const size of ['100', '125', '150', '200']) {
    test(`${size}% scales the UI without horizontal overflow at 320 px`, async ({ page }) => {
      await page.goto('/settings');
      await waitForApp(page);
      await page.getByRole('radio', { name: `${size} %` }).check();
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(fontSize).toBeCloseTo((16 * Number(size)) / 100, 1);
      for (const path of ['/', '/settings', '/about']) {
        await page.goto(path);
        await waitForApp(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${size}%`).toBeLessThanOrEqual(0);
      }
    });
  }
});

test.describe('tap targets', () => {
  test.use({ locale: 'en-US' });
  test('every control is at least 44 × 44 px', async ({ page }) => {
    for (const path of ['/', '/settings', '/about']) {
      await page.goto(path);
      await waitForApp(page);
      const small = await page.evaluate(() => {
        const controls = document.querySelectorAll('nav a, header a, button, .button, label.choice');
        return [...controls]
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
          .map(({ el, r }) => `${el.textContent?.trim()} ${r.width}×${r.height}`);
      });
      expect(small, path).toEqual([]);
    }
  });
});

test.describe('keyboard', () => {
  test.use({ locale: 'en-US' });
  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('navigating moves focus to the new page and updates the title', async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await expect(page).toHaveTitle('Welcome · First Aid Hero');
    await page.getByRole('link', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.locator('main')).toBeFocused();
    await expect(page).toHaveTitle('Settings · First Aid Hero');
  });
});

test.describe('your data', () => {
  test.use({ locale: 'en-US' });

  test('backup file: save, reject a bad file, restore a good one', async ({ page }) => {
    await page.goto('/settings');
    await waitForApp(page);
    await page.getByRole('radio', { name: '150 %' }).check();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save a backup file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^firstaid-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
    expect(backup.format).toBe('firstaid-backup');
    expect(backup.store.data.settings.text_size).toBe(150);
    await expect(page.getByTestId('data-status')).toHaveText('Backup file saved.');

    await page.getByRole('radio', { name: '100 %' }).check();
    const input = page.getByTestId('import');
    await input.setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
    await expect(page.getByTestId('data-status')).toHaveText(/is not a First Aid Hero backup.*Nothing was changed/);
    await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expect(page.getByTestId('data-status')).toHaveText('This file is not a First Aid Hero backup. Nothing was changed.');
    // A backup cut short (a download that stopped) is a damaged backup.
    const text = JSON.stringify(backup);
    await input.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, text.length * 0.6)) });
    await expect(page.getByTestId('data-status')).toHaveText('This backup file is damaged. Nothing was changed.');
    await expect(page.getByRole('radio', { name: '100 %' })).toBeChecked();

    await input.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await expect(page.getByTestId('data-status')).toHaveText('Backup restored.');
    await expect(page.getByRole('radio', { name: '150 %' })).toBeChecked();
    await page.reload();
    await waitForApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '150');
  });

  test('erase everything asks first, then resets but keeps the language', async ({ page }) => {
    await page.goto('/settings');
    await waitForApp(page);
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('radio', { name: 'Off: still pictures' }).check();
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await page.getByRole('button', { name: 'No, keep my data' }).click();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await expect(page.getByTestId('data-status')).toHaveText('Everything was erased.');
    const sameAsDevice = (group: string) =>
      page.getByRole('group', { name: group }).getByRole('radio', { name: 'Same as this device' });
    await expect(sameAsDevice('Colors')).toBeChecked();
    await expect(sameAsDevice('Moving pictures')).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'system');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('corrupt storage: the app starts with a notice and keeps the old data', async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await page.evaluate(() => localStorage.setItem('firstaid/store', '{"schema":1,"data":{"settings":'));
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('notice')).toContainText('could not be read');
    expect(await page.evaluate(() => localStorage.getItem('firstaid/recovered/1'))).toBe('{"schema":1,"data":{"settings":');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('notice')).toHaveCount(0);

    // The kept copy travels in the backup file.
    await page.getByRole('link', { name: 'Settings' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save a backup file' }).click(),
    ]);
    const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString();
    expect(JSON.parse(text).recovered).toEqual([{ key: 'firstaid/recovered/1', text: '{"schema":1,"data":{"settings":' }]);
  });
});

test.describe('routes', () => {
  test.use({ locale: 'en-US' });
  test('app routes load directly, unknown ones say so', async ({ page }) => {
    await page.goto('/about');
    await waitForApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About First Aid Hero');
    await expect(page.getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle('About First Aid Hero · First Aid Hero');
    await page.goto('/no-such-page');
    await waitForApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});
