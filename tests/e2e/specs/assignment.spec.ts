// An exam taken before joining a class does not count for it (a class's
// exam is drawn for that class): the assignment says so in plain words and
// offers the class's exam. Both languages.
import { test, expect, axe, waitForApp } from './fixtures';
import { accept, learnerPhone, makeAssignment, takeExam } from './classroom';

const words = {
  'en-US': { profile: 'aha', elsewhere: 'not for this class' },
  'zh-CN': { profile: 'rcsc', elsewhere: '不是为这个班考的' },
} as const;

for (const locale of ['en-US', 'zh-CN'] as const) {
  const w = words[locale];
  test.describe(`an exam taken before joining a class (${locale})`, () => {
    test.use({ locale });
    test('is explained on the assignment, beside the class exam', async ({ page, browser, baseURL }, info) => {
      test.skip(info.project.name !== 'phone', 'one viewport is enough');
      test.setTimeout(120_000);
      const problems: string[] = [];
      const { link } = await makeAssignment(page, { className: 'Class 1', exam: `course-${w.profile}` });
      const learner = await learnerPhone(browser, locale, baseURL!, problems, { name: 'Li Hua', number: '7' });
      const lp = learner.page;
      // The learner passes the exam on their own first…
      await lp.goto('/quiz');
      await waitForApp(lp);
      await lp.getByTestId('start-exam').click();
      await takeExam(lp, 0);
      // …then joins the class.
      await accept(lp, link);
      await lp.goto('/record');
      await waitForApp(lp);
      await expect(lp.getByTestId('exam-taken-elsewhere')).toContainText(w.elsewhere);
      await expect(lp.getByTestId('assignment-exam')).toBeVisible();
      await axe(lp, 'an assignment with an exam taken elsewhere');
      await learner.ctx.close();
      expect(problems).toEqual([]);
    });
  });
}
