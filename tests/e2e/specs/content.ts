// The curriculum exactly as the app receives it (the content file of build
// "a"), for tests that need to know the right answers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { DIST_A } from './fixtures';

export type Text = { zh: string; en: string };
export type Question = {
  id: string; lesson: string; profiles: string[]; check?: boolean; type: string; prompt: Text;
  review?: Text; exam_hold?: boolean;
  options?: { id: string; correct?: boolean; text: Text }[]; answer?: boolean; regions?: { id: string; correct: boolean }[];
};
export type SourceRef = { ref: string; profiles?: string[] };
export type Variant = {
  profiles: string[]; text: Text; sources?: SourceRef[]; review?: Text; illustration?: string; shows?: string;
};
export type Step = {
  id: string; text: Text; variants?: Variant[]; sources?: SourceRef[]; differs?: Text; review?: Text;
  technique?: boolean; illustration?: string; shows?: string;
};
export type Lesson = { id: string; order: number; title: Text; subtitle?: Text; steps: Step[] };

/** A text of the lessons as the app shows it: `{call}` is the number the
 * call buttons dial where the phone is (content::call). */
export function said(text: string, number: string): string {
  return text.split('{call}').join(number);
}

/** The number the test phones dial: zh-CN ones are in China, en-US ones in
 * the United States (the region the app guesses from the language). */
export function numberFor(lang: 'zh' | 'en'): string {
  return lang === 'zh' ? '120' : '911';
}

/** A step as a profile sees it (the app's `Step::for_profile`). */
export function resolve(step: Step, profile: string) {
  const v = step.variants?.find((x) => x.profiles.includes(profile));
  const sources = (v ? v.sources ?? [] : step.sources ?? []).filter((s) => !s.profiles || s.profiles.includes(profile));
  return {
    text: (v ? v.text : step.text),
    sources: sources.map((s) => s.ref),
    review: v ? v.review ?? step.review : step.review,
    shows: v?.shows ?? step.shows,
  };
}

const bundleName = readdirSync(DIST_A).find((f) => /^content-[0-9a-f]{10}\.json$/.test(f))!;
const bundle = JSON.parse(readFileSync(join(DIST_A, bundleName), 'utf8'));
export const lessons: Lesson[] = (Object.values(bundle.lessons) as Lesson[]).sort((a, b) => a.order - b.order);
export const questions: Question[] = (Object.values(bundle.questions) as { questions: Question[] }[]).flatMap((f) => f.questions);
export const byId = new Map(questions.map((q) => [q.id, q]));

/** The points an ordering earns (the app's rule, recomputed here as an
 * independent oracle): 1000 × pairs in the right relative order / all
 * pairs, rounded down. */
export function orderPoints(q: Question, given: string[]): number {
  const rank = given.map((id) => q.options!.findIndex((o) => o.id === id));
  let good = 0;
  let pairs = 0;
  for (let i = 0; i < rank.length; i++) {
    for (let j = i + 1; j < rank.length; j++) {
      pairs++;
      if (rank[i] < rank[j]) good++;
    }
  }
  return pairs === 0 ? 1000 : Math.floor((1000 * good) / pairs);
}

async function shownOrder(card: Locator): Promise<string[]> {
  return card.locator('li[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')!));
}

/** Answers the question in `card` rightly or wrongly with the mouse and
 * returns the points the answer earns (a wrong ordering is left as shown,
 * which earns partial credit). */
export async function answer(card: Locator, q: Question, right: boolean): Promise<number> {
  if (q.type === 'single' || q.type === 'multiple') {
    const wrong = q.options!.filter((o) => !o.correct);
    const pick = right || wrong.length === 0 ? q.options!.filter((o) => o.correct) : [wrong[0]];
    for (const o of pick) await card.locator(`input[value="${o.id}"]`).check();
    return right || wrong.length === 0 ? 1000 : 0;
  }
  if (q.type === 'true_false') {
    await card.locator(`input[value="${right ? q.answer : !q.answer}"]`).check();
    return right ? 1000 : 0;
  }
  if (q.type === 'hotspot') {
    const places = q.regions!.filter((r) => r.correct);
    if (places.length > 1) {
      // Several right places are checkboxes: all of them, or one wrong one.
      const pick = right ? places : [q.regions!.find((r) => !r.correct)!];
      for (const r of pick) await card.locator(`[role="checkbox"][id="${r.id}"]`).click();
      return right ? 1000 : 0;
    }
    const region = q.regions!.find((r) => r.correct === right)!;
    await card.locator(`[role="radio"][id="${region.id}"]`).click();
    return right ? 1000 : 0;
  }
  if (!right) {
    // Move one step (an untouched ordering counts as unanswered), keeping
    // the order wrong.
    const want = q.options!.map((o) => o.id).join();
    for (let i = 0; ; i++) {
      const first = (await shownOrder(card))[0];
      await card.locator(`li[data-option="${first}"] button.down`).click();
      await expect.poll(async () => (await shownOrder(card))[0]).not.toBe(first);
      if ((await shownOrder(card)).join() !== want || i > 3) break;
    }
    return orderPoints(q, await shownOrder(card));
  }
  const want = q.options!.map((o) => o.id);
  for (let target = 0; target < want.length; target++) {
    let at = (await shownOrder(card)).indexOf(want[target]);
    while (at > target) {
      await card.locator(`li[data-option="${want[target]}"] button.up`).click();
      at = (await shownOrder(card)).indexOf(want[target]);
    }
  }
  return 1000;
}
