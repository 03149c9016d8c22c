// The classroom set-up several specs share: more phones (browser contexts
// with the fixture's guards), an instructor who makes an assignment, a
// learner who saves their name and accepts it, and the learner's work
// (a lesson played to its end, an exam answered). One definition, so a
// change to these screens is fixed in one place.
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { axe, waitForApp, waitForOfflineReady } from './fixtures';
import { answer, byId, lessons, questions } from './content';

/** A phone: its own browser context (own storage, own signing key). */
export interface Phone {
  ctx: BrowserContext;
  page: Page;
}

/** Another phone with the same guards as the fixture's page: a console
 * error, a page error or a request leaving the app's origin is pushed to
 * `problems`, which the test asserts empty at its end. */
export async function anotherPhone(browser: Browser, locale: string, baseURL: string, problems: string[]): Promise<Phone> {
  const ctx = await browser.newContext({ locale, baseURL, viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`second phone console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`second phone page error: ${e.message}`));
  ctx.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(baseURL + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request left the origin: ${u}`);
  });
  return { ctx, page };
}

/** Goes offline once the service worker controls the page. */
export async function offline(ctx: BrowserContext, page: Page): Promise<void> {
  await waitForOfflineReady(page);
  await ctx.setOffline(true);
}

/** What the instructor asks for. */
export interface AssignmentPlan {
  /** The class's name, shown to the learner. */
  className: string;
  /** The exam's blueprint id (`course-aha`…), or null for no exam. */
  exam: string | null;
  /** The pass mark in percent, when there is an exam. */
  pass?: number;
  /** Run axe on the instructor area and on the new class page. */
  axe?: boolean;
}

/** What the instructor's phone holds once the assignment is made. */
export interface Assignment {
  /** The instructor's key fingerprint, as the instructor area shows it. */
  instructorFp: string;
  /** The assignment link (payload in the fragment). */
  link: string;
  /** The class page's address. */
  classUrl: string;
}

/** The instructor (on `page`) goes offline, names themselves and makes an
 * assignment of the first lesson only, with the plan's exam. */
export async function makeAssignment(page: Page, plan: AssignmentPlan): Promise<Assignment> {
  await page.goto('/instructor');
  await waitForApp(page);
  await offline(page.context(), page);
  await page.getByTestId('instructor-name').fill('Ms Chen 陈老师');
  await page.getByTestId('save-instructor').click();
  const instructorFp = (await page.getByTestId('instructor-own-fingerprint').textContent())!;
  expect(instructorFp).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  if (plan.axe) await axe(page, 'instructor area');
  await page.getByTestId('assignment-class').fill(plan.className);
  const boxes = page.getByTestId('new-assignment').locator('fieldset input[type="checkbox"]');
  const n = await boxes.count();
  for (let i = 1; i < n; i++) await boxes.nth(i).uncheck();
  if (plan.exam === null) {
    await page.getByTestId('assignment-exam-select').selectOption('');
  } else {
    // The profile's own exam is the one offered first.
    await expect(page.getByTestId('assignment-exam-select')).toHaveValue(plan.exam);
    if (plan.pass !== undefined) await page.getByTestId('assignment-pass').fill(String(plan.pass));
  }
  await page.getByTestId('create-assignment').click();
  await expect(page).toHaveURL(/\/instructor\/[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId('class-title')).toContainText(plan.className);
  const link = await page.getByTestId('assignment-link').inputValue();
  if (plan.axe) await axe(page, 'class page');
  return { instructorFp, link, classUrl: page.url() };
}

/** Who the learner says they are. */
export interface Learner {
  name: string;
  number: string;
}

/** A learner's phone: offline, their name and number saved (axe on the
 * record page when `check`), before any assignment. Returns the phone and
 * its key's fingerprint. */
export async function learnerPhone(
  browser: Browser, locale: string, baseURL: string, problems: string[], who: Learner, check = false,
): Promise<Phone & { fp: string }> {
  const phone = await anotherPhone(browser, locale, baseURL, problems);
  const lp = phone.page;
  await lp.goto('/record');
  await waitForApp(lp);
  await offline(phone.ctx, lp);
  await lp.getByTestId('learner-name').fill(`  ${who.name} `);
  await lp.getByTestId('learner-number').fill(who.number);
  await lp.getByTestId('save-profile').click();
  const fp = (await lp.getByTestId('device-fingerprint').textContent())!;
  if (check) await axe(lp, 'record page');
  return { ...phone, fp };
}

/** The learner opens the assignment link and accepts it. */
export async function accept(lp: Page, link: string): Promise<void> {
  await lp.goto(link);
  await waitForApp(lp);
  await lp.getByTestId('accept-assignment').click();
  await expect(lp.getByTestId('assignment-accepted')).toBeVisible();
}

/** Plays a lesson to its end and answers its knowledge check. */
export async function completeLesson(page: Page, lessonId: string, profile: string): Promise<void> {
  const lesson = lessons.find((l) => l.id === lessonId)!;
  await page.goto(`/learn/${lessonId}`);
  await waitForApp(page);
  for (let i = 0; i < lesson.steps.length; i++) {
    await expect(page.getByTestId('step')).toHaveAttribute('data-step', lesson.steps[i].id);
    await page.locator('.step-nav button.primary').click();
  }
  for (const q of questions.filter((q) => q.lesson === lessonId && q.check && q.profiles.includes(profile))) {
    const box = page.locator(`[data-question="${q.id}"]`);
    await expect(box).toBeVisible();
    await answer(box, q, true);
    await box.getByRole('button', { name: /Check my answer|检查答案/ }).click();
    await box.getByTestId('feedback').getByRole('button').click();
  }
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
}

/** Answers the exam on the page: every question right except `wrong` of them. */
export async function takeExam(page: Page, wrong: number): Promise<void> {
  const card = page.getByTestId('question');
  const position = page.getByTestId('exam-position');
  await expect(position).toBeVisible();
  const total = Number((await position.textContent())!.match(/(\d+)\D*$/)![1]);
  for (let i = 0; i < total; i++) {
    // The first number on the line is the question's ("Question 3 of 20",
    // "第 3 题，共 20 题").
    await expect(position).toHaveText(new RegExp(`^\\D*${i + 1}\\D`));
    const id = (await card.getAttribute('data-question'))!;
    await answer(card, byId.get(id)!, i >= wrong);
    if (i < total - 1) await page.getByTestId('exam-next').click();
  }
  await page.getByTestId('exam-finish').click();
  await expect(page).toHaveURL(/\/quiz\/results\//);
}


/** The instructor's practical exam for a roster row: opens it ("Assess"),
 * marks every item of every checklist passed — each press keeps focus on
 * the button pressed and is saved at once — and closes it, focus back on
 * the row's "Assess". */
export async function passPractical(page: Page, row: Locator): Promise<void> {
  await row.getByTestId('assess').click();
  const card = page.getByTestId('practical');
  await expect(card.locator('#practical-heading')).toBeFocused();
  const tabs = card.getByTestId('checklist-tab');
  const lists = await tabs.count();
  expect(lists).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < lists; i++) {
    await tabs.nth(i).click();
    await expect(tabs.nth(i)).toHaveAttribute('aria-pressed', 'true');
    const pass = card.getByTestId('mark-passed');
    const items = await pass.count();
    for (let j = 0; j < items; j++) {
      await pass.nth(j).click();
      await expect(pass.nth(j)).toHaveAttribute('aria-pressed', 'true');
      await expect(pass.nth(j)).toBeFocused();
    }
    await expect(tabs.nth(i)).toContainText(/✓/);
  }
  await card.getByTestId('close-practical').click();
  await expect(card).toHaveCount(0);
  await expect(row.getByTestId('assess')).toBeFocused();
}
