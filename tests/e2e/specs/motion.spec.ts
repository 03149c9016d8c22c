// Moving pictures (#14): a technique picture in a lesson plays its loop;
// with reduced motion asked for by the phone, or the app's own setting
// off, it shows its still frame with no animation at all; the setting
// "on" overrides the phone; print shows the still.
import type { Page } from '@playwright/test';
import { test, expect, waitForApp } from './fixtures';
import { lessons } from './content';

/** Opens lesson `lessonId` (where it was left) and moves with the arrow
 * keys to step `stepId`. */
async function openStep(page: Page, lessonId: string, stepId: string) {
  const lesson = lessons.find((l) => l.id === lessonId)!;
  const index = lesson.steps.findIndex((s) => s.id === stepId);
  expect(index).toBeGreaterThanOrEqual(0);
  await page.goto(`/learn/${lessonId}`);
  await waitForApp(page);
  const step = page.getByTestId('step');
  await expect(step).toBeVisible();
  const shown = await step.getAttribute('data-step');
  let at = lesson.steps.findIndex((s) => s.id === shown);
  while (at !== index) {
    const forward = at < index;
    await page.keyboard.press(forward ? 'ArrowRight' : 'ArrowLeft');
    at += forward ? 1 : -1;
    await expect(step).toHaveAttribute('data-step', lesson.steps[at].id);
  }
  await expect(page.locator('[data-testid="step"] .illustration svg')).toBeVisible();
}

type Seen = { running: number; others: number; moved: number; groups: number };

/** The step picture's animations (running and not), and how many of its
 * moving groups stand anywhere but where the picture draws them, a fifth
 * or half of the way through their loop, whichever moves more (a loop may
 * hold its still frame a while first); or now, when nothing runs. */
async function picture(page: Page): Promise<Seen> {
  // The picture is looked up inside the page at the moment it is read (not
  // through a handle found earlier), so a copy the player has just swapped
  // out is never the one measured.
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="step"] .illustration svg');
    if (svg === null) return { running: 0, others: 0, moved: 0, groups: 0 };
    const anims = svg.getAnimations({ subtree: true });
    const running = anims.filter((a) => a.playState === 'running').length;
    const groups = [...svg.querySelectorAll('g.fm')];
    let moved = 0;
    for (const at of [0.2, 0.5]) {
      for (const a of anims) {
        a.pause();
        a.currentTime = at * Number(a.effect!.getComputedTiming().duration);
      }
      const now = groups.filter((g) => {
        const t = getComputedStyle(g).transform;
        return t !== 'none' && new DOMMatrix(t).isIdentity === false;
      }).length;
      moved = Math.max(moved, now);
    }
    for (const a of anims) a.play();
    return { running, others: anims.length - running, moved, groups: groups.length };
  });
}

/** The step picture once it plays: the lesson player may still swap the
 * step's picture for its own copy just after the step changes, and CSS
 * animations start on the next style pass, so this reads `picture` again
 * (for up to 5 s) until every moving group of the picture in the page
 * runs. A picture that never plays fails with what was last seen. */
async function playing(page: Page): Promise<Seen> {
  let seen: Seen | undefined;
  await expect
    .poll(async () => {
      seen = await picture(page);
      return seen.groups > 0 && seen.running === seen.groups;
    }, { timeout: 5_000, message: 'the picture plays' })
    .toBe(true)
    .catch((e) => {
      throw new Error(`${e}\nlast seen: ${JSON.stringify(seen)}`);
    });
  return seen!;
}

const steps = [
  ['adult-cpr', 'hand-position'],
  ['choking-adult-child', 'back-blows'],
  ['adult-cpr', 'open-airway'],
  ['adult-cpr', 'give-a-breath'],
] as const;

for (const locale of ['zh-CN', 'en-US']) {
  test.describe(`moving pictures (${locale})`, () => {
    test.use({ locale });
    // Whether a picture moves does not depend on the width: the phone runs
    // these, the desktop only the print one (paper is printed from there).
    test.beforeEach(async ({}, info) => {
      test.skip(info.project.name !== 'phone' && !info.title.startsWith('print'), 'one viewport is enough');
    });

    test('a technique picture plays its loop', async ({ page }) => {
      for (const [lesson, step] of steps) {
        await openStep(page, lesson, step);
        const seen = await playing(page);
        expect(seen.groups, `${lesson}/${step}: moving parts`).toBeGreaterThan(0);
        expect(seen.running, `${lesson}/${step}: one animation per moving part`).toBe(seen.groups);
        expect(seen.moved, `${lesson}/${step}: parts away from the still frame`).toBeGreaterThan(0);
      }
      await expect(page.locator('html')).toHaveAttribute('data-motion', 'system');
    });

    test('reduced motion on the phone shows the still frame', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      for (const [lesson, step] of steps) {
        await openStep(page, lesson, step);
        expect(await picture(page), `${lesson}/${step}`).toMatchObject({ running: 0, others: 0, moved: 0 });
      }
      // The learner's "on" overrides the phone.
      await page.goto('/settings');
      await waitForApp(page);
      await page.getByRole('radio', { name: locale === 'zh-CN' ? '开' : 'On', exact: true }).check();
      await expect(page.locator('html')).toHaveAttribute('data-motion', 'on');
      await openStep(page, ...steps[0]);
      const seen = await playing(page);
      expect(seen.running).toBe(seen.groups);
      expect(seen.moved).toBeGreaterThan(0);
    });

    test("the app's own setting off shows the still frame, and it is kept", async ({ page }) => {
      await page.goto('/settings');
      await waitForApp(page);
      const off = page.getByRole('radio', { name: locale === 'zh-CN' ? '关：图片不动' : 'Off: still pictures' });
      await off.check();
      await expect(page.locator('html')).toHaveAttribute('data-motion', 'off');
      for (const [lesson, step] of steps) {
        await openStep(page, lesson, step);
        expect(await picture(page), `${lesson}/${step}`).toMatchObject({ running: 0, others: 0, moved: 0 });
      }
      // After a reload the setting still holds.
      await page.reload();
      await waitForApp(page);
      await expect(page.locator('html')).toHaveAttribute('data-motion', 'off');
      expect(await picture(page)).toMatchObject({ running: 0, others: 0, moved: 0 });
      // The trainer's beat stops pulsing as it does under reduced motion.
      const pulse = await page.evaluate(() => {
        const b = document.createElement('div');
        b.className = 'beat odd';
        document.body.append(b);
        const t = getComputedStyle(b).transform;
        b.remove();
        return t;
      });
      expect(pulse).toBe('none');
    });

    test('the coach and the handout show still pictures', async ({ page }) => {
      // The coach's beat is the rhythm to follow; a handout is for paper.
      for (const route of ['/emergency/cpr', '/emergency/choking', '/print/adult-cpr']) {
        await page.goto(route);
        await waitForApp(page);
        const pictures = page.locator('.coach-picture svg, .illustration svg');
        await expect(pictures.first()).toBeVisible();
        const seen = await pictures.evaluateAll((svgs) =>
          svgs.map((s) => [s.querySelectorAll('g.fm').length, s.getAnimations({ subtree: true }).length]),
        );
        expect(seen.some(([groups]) => groups > 0), `${route}: a moving picture is shown`).toBe(true);
        expect(seen.every(([, anims]) => anims === 0), `${route}: ${JSON.stringify(seen)}`).toBe(true);
      }
    });

    test('print shows the still frame', async ({ page }) => {
      await openStep(page, ...steps[0]);
      expect((await picture(page)).running).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      expect(await picture(page)).toMatchObject({ running: 0, others: 0, moved: 0 });
    });
  });
}
