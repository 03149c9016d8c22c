// Completion records between two phones (two browser contexts), offline:
// an instructor creates an assignment; a learner opens its link, sees who
// issued it, accepts it, completes a lesson and the exam, and makes a
// record; the instructor reads it from a photo of its QR code and by
// pasting its text, sees it verified in the roster and exports the CSV; a
// tampered record is rejected with its reason; the CLI verifies the same
// file. In both languages, with axe-core on every new page.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { test, expect, axe, waitForApp, CLI } from './fixtures';
import { lessons } from './content';
import { accept, anotherPhone, completeLesson, learnerPhone, makeAssignment, offline, passPractical, takeExam } from './classroom';

const words = {
  'en-US': { timezoneId: 'UTC', offset: 'Z', colon: ': ', lang: 'en', profile: 'aha', ok: 'Verified', failed: 'Not verified', signature: 'The signature does not match', class: 'Year 8 — 3', name: 'Li Hua',
    isTranscript: 'This is an exam\'s answer file, not a record. Ask the learner for their record: on their phone, Me → “Make my record for this class”.',
    empty: 'Paste a learner\'s record first, or scan its code.' },
  'zh-CN': { timezoneId: 'Asia/Shanghai', offset: '+08:00', colon: '：', lang: 'zh', profile: 'rcsc', ok: '核对通过', failed: '未通过核对', signature: '签名不符', class: '初二(3)班', name: '王小明',
    isTranscript: '这是考试的答题文件，不是记录。请学员在手机上打开“我的”→“生成这个班的记录”，把记录交给你。',
    empty: '请先粘贴学员的记录，或扫描记录的二维码。' },
} as const;

for (const locale of ['en-US', 'zh-CN'] as const) {
  const w = words[locale];
  test.describe(`records between two phones (${locale})`, () => {
    // The instructor's phone in Shanghai writes its roster's times in
    // Shanghai's time.
    test.use({ locale, timezoneId: w.timezoneId });

    test('assignment → learning → record → verification → roster, offline', async ({ page, browser, baseURL }, info) => {
      test.skip(info.project.name !== 'phone', 'the loop runs on the phone viewport');
      test.setTimeout(180_000);
      const problems: string[] = [];
      const lesson = lessons[0].id;

      // The instructor (the fixture's page) goes offline and makes an
      // assignment: the first lesson, the profile's exam, pass at 80%.
      const { instructorFp, link } = await makeAssignment(page, { className: w.class, exam: `course-${w.profile}`, pass: 80, axe: true });
      expect(link).toMatch(new RegExp(`^${baseURL}/assignment#FAA1:`));
      await expect(page.getByTestId('assignment-qr').locator('svg')).toBeVisible();
      await expect(page.getByTestId('roster-count')).toContainText('0');

      // The learner, on another phone, offline too.
      const learner = await learnerPhone(browser, locale, baseURL!, problems, { name: w.name, number: '2026-0142' }, true);
      const lp = learner.page;
      const learnerFp = learner.fp;
      expect(learnerFp).not.toBe(instructorFp);

      // Opens the link (the payload is in the fragment), sees who issued it.
      await lp.goto(link);
      await waitForApp(lp);
      await expect(lp.getByTestId('assignment-from')).toContainText('Ms Chen 陈老师');
      await expect(lp.getByTestId('instructor-fingerprint')).toHaveText(instructorFp);
      await axe(lp, 'assignment page');
      await lp.getByTestId('accept-assignment').click();
      await expect(lp.getByTestId('assignment-accepted')).toBeVisible();

      // Progress shows on the home screen.
      await lp.goto('/');
      await waitForApp(lp);
      await expect(lp.getByTestId('assignment-progress')).toContainText(/0 \/ 1|0 of 1/);
      // The card leads to the class's exam and record.
      await expect(lp.getByTestId('assignment-open')).toHaveAttribute('href', '/record');

      await completeLesson(lp, lesson, w.profile);
      // A failed attempt, then a passing one: both are in the record.
      for (const wrong of [10, 0]) {
        await lp.goto('/record');
        await waitForApp(lp);
        await lp.getByTestId('assignment-exam').click();
        await takeExam(lp, wrong);
      }
      await lp.goto('/');
      await waitForApp(lp);
      await expect(lp.getByTestId('assignment-complete')).toBeVisible();

      // The record shows exactly what it holds before it leaves.
      await lp.goto('/record');
      await waitForApp(lp);
      await expect(lp.getByTestId('assignment-exam')).toHaveCount(0);
      await lp.getByTestId('make-record').click();
      const made = lp.getByTestId('made-record');
      await expect(made.getByTestId('record-name')).toHaveText(w.name);
      await expect(made.getByTestId('record-exams').locator('li')).toHaveCount(2);
      await expect(made.getByTestId('record-qr').locator('svg')).toBeVisible();
      const version = Number(await made.getByTestId('record-qr').getAttribute('data-qr-version'));
      expect(version).toBeLessThanOrEqual(25);
      await axe(lp, 'made record');
      const qrText = await made.getByTestId('record-text').inputValue();
      expect(qrText.startsWith('FAR2:')).toBe(true);
      const [download] = await Promise.all([lp.waitForEvent('download'), made.getByTestId('download-record').click()]);
      const file = info.outputPath('record.json');
      await download.saveAs(file);
      const photo = info.outputPath('qr.png');
      await made.getByTestId('record-qr').screenshot({ path: photo });

      // The instructor reads it from a photo of the QR code…
      await page.getByTestId('verify-file').setInputFiles(photo);
      await expect(page.getByTestId('verify-result')).toContainText(`${w.name}${w.colon}${w.ok}`);
      await expect(page.getByTestId('roster-row')).toHaveCount(1);
      // …and again from its text: the same row, updated, never a second one.
      await page.getByTestId('verify-paste').fill(qrText);
      await page.getByTestId('verify-check').click();
      await expect(page.getByTestId('verify-result')).toContainText(w.ok);
      // The box is emptied for the next learner's record.
      await expect(page.getByTestId('verify-paste')).toHaveValue('');
      await expect(page.getByTestId('roster-row')).toHaveCount(1);
      await expect(page.getByTestId('roster-row')).toContainText(w.ok);
      await axe(page, 'verifier with a verified learner');

      // A tampered file (the name changed) is rejected with its reason and
      // never replaces the learner's row.
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.learner.name = 'Someone Else';
      const tampered = info.outputPath('tampered.json');
      writeFileSync(tampered, JSON.stringify(json, null, 2));
      await page.getByTestId('verify-file').setInputFiles(tampered);
      await expect(page.getByTestId('verify-result')).toContainText(w.failed);
      await expect(page.getByTestId('verify-reasons')).toContainText(w.signature);
      await expect(page.getByTestId('roster-row')).toHaveCount(1);
      await expect(page.getByTestId('roster-row')).toContainText(w.name);
      // Text that is not a record says so.
      await page.getByTestId('verify-paste').fill('hello');
      await page.getByTestId('verify-check').click();
      await expect(page.getByTestId('verify-error')).toBeVisible();
      await axe(page, 'verifier with a rejection');

      // In the practical exam the instructor marks the learner against
      // every checklist (the button's label names the learner).
      const rosterRow = page.getByTestId('roster-row');
      await expect(rosterRow.getByTestId('assess')).toHaveAccessibleName(new RegExp(w.name));
      await expect(rosterRow.getByTestId('practical-status')).toContainText(/0/);
      await passPractical(page, rosterRow);

      // The roster persists (reload, offline) and exports as CSV with a BOM.
      await page.reload();
      await waitForApp(page);
      await expect(page.getByTestId('roster-row')).toHaveCount(1);
      await expect(page.getByTestId('roster-row').getByTestId('practical-status')).toHaveClass(/status-ok/);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-roster').click()]);
      const csvPath = info.outputPath('roster.csv');
      await csv.saveAs(csvPath);
      const bytes = readFileSync(csvPath);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(w.name);
      expect(lines[1]).toContain(learnerFp);
      expect(lines[1]).toContain(w.ok);
      // The practical exam's column holds when it was passed, in the
      // phone's local time with its offset (06:30 UTC reads 14:30+08:00 in
      // Shanghai); the next each checklist's outcome; then when the record
      // was verified, the same way.
      const local = `\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d${w.offset.replace('+', '\\+')}`;
      expect(lines[1]).toMatch(new RegExp(`,${local},[^,]+; [^,]+; [^,]+,${local},`));

      // The CLI verifies the same file against the same assignment.
      const out = execFileSync(CLI, ['verify', file, '--assignment', link]).toString();
      expect(out).toContain(w.name);
      let status = 0;
      try {
        execFileSync(CLI, ['verify', tampered, '--assignment', link], { stdio: 'pipe' });
      } catch (e) {
        status = (e as { status: number }).status;
      }
      expect(status).toBe(1);

      await learner.ctx.close();
      expect(problems).toEqual([]);
    });
  });
}

const certWords = {
  'en-US': {
    genuine: 'Signature checked', signature: 'The signature does not match', expired: 'This certificate expired on', kept: 'Kept in My certificates', valid: 'Valid', awarded: 'Awarded to', course: 'CPR',
    assessed: 'What was assessed', exam: 'Theory exam', percent: /^(8\d|9\d|100)% \(80% needed to pass\)$/, passed: 'Passed', practical: 'Practical: ',
  },
  'zh-CN': {
    genuine: '签名核验通过', signature: '签名不符', expired: '此证书已于', kept: '已保存到“我的证书”', valid: '有效', awarded: '授予', course: '心肺复苏',
    assessed: '考核结果', exam: '理论考试', percent: /^(8\d|9\d|100)%（及格线 80%）$/, passed: '通过', practical: '实操：',
  },
} as const;

for (const locale of ['en-US', 'zh-CN'] as const) {
  const w = words[locale];
  const cw = certWords[locale];
  test.describe(`certificates between three phones (${locale})`, () => {
    test.use({ locale });
    test('issued after the practical exam, kept, printed, and checked from its QR code by a third phone', async ({ page, browser, baseURL }, info) => {
      test.skip(info.project.name !== 'phone', 'the loop runs on the phone viewport');
      test.setTimeout(180_000);
      const problems: string[] = [];
      const lesson = lessons[0].id;

      // The instructor: an assignment of one lesson and the profile's exam,
      // pass at 80%.
      const { instructorFp, link, classUrl } = await makeAssignment(page, { className: w.class, exam: `course-${w.profile}`, pass: 80 });

      // The learner completes it and hands over the record.
      const learner = await learnerPhone(browser, locale, baseURL!, problems, { name: w.name, number: '2026-0142' });
      const lp = learner.page;
      await accept(lp, link);
      await completeLesson(lp, lesson, w.profile);
      // The exam, two answers of twenty wrong: about 90% (questions weigh
      // differently), above the pass mark.
      await lp.goto('/record');
      await waitForApp(lp);
      await lp.getByTestId('assignment-exam').click();
      await takeExam(lp, 2);
      // The result of a class's exam says the next step is the record.
      await expect(lp.getByTestId('exam-for-class')).toContainText(w.class);
      const [answers] = await Promise.all([lp.waitForEvent('download'), lp.getByTestId('download-transcript').click()]);
      const transcript = readFileSync(await answers.path(), 'utf8');
      await lp.getByTestId('go-record').click();
      await expect(lp).toHaveURL(/\/record$/);
      await waitForApp(lp);
      await expect(lp.getByTestId('my-certificates')).toBeVisible();
      await lp.getByTestId('make-record').click();
      const qrText = await lp.getByTestId('made-record').getByTestId('record-text').inputValue();

      // Given the exam's answers file, or nothing, the verifier says what
      // it has and what to ask for.
      await page.getByTestId('verify-paste').fill(transcript);
      await page.getByTestId('verify-check').click();
      await expect(page.getByTestId('verify-error')).toHaveText(w.isTranscript);
      await page.getByTestId('verify-paste').fill('');
      await page.getByTestId('verify-check').click();
      await expect(page.getByTestId('verify-error')).toHaveText(w.empty);
      // The instructor verifies it; no certificate before the practical exam.
      await page.getByTestId('verify-paste').fill(qrText);
      await page.getByTestId('verify-check').click();
      await expect(page.getByTestId('verify-result')).toContainText(`${w.name}${w.colon}${w.ok}`);
      const row = page.getByTestId('roster-row');
      await expect(row.getByTestId('issue-certificate')).toHaveCount(0);
      await passPractical(page, row);
      await row.getByTestId('issue-certificate').click();
      await expect(row.getByTestId('open-certificate')).toBeVisible();
      await expect(row.getByTestId('open-certificate')).toBeFocused();
      await axe(page, 'roster with a certificate');
      // The issued certificate stays with the row.
      await page.reload();
      await waitForApp(page);
      await row.getByTestId('open-certificate').click();
      await expect(page).toHaveURL(/\/certificate#FAC3:/);
      await expect(page.getByTestId('certificate-status')).toContainText(cw.genuine);
      await expect(page.getByTestId('certificate-name')).toHaveText(w.name);
      // What was assessed, in plain words: the exam's percent and pass
      // mark, then each skills checklist passed.
      const results = page.getByTestId('certificate-results');
      await expect(results.getByRole('heading')).toHaveText(cw.assessed);
      const lines = results.getByTestId('certificate-result');
      await expect(lines).toHaveCount(4);
      await expect(lines.nth(0)).toHaveText(cw.percent);
      await expect(results.locator('dt').nth(0)).toHaveText(cw.exam);
      for (let i = 1; i < 4; i++) {
        await expect(lines.nth(i)).toHaveText(cw.passed);
        await expect(results.locator('dt').nth(i)).toContainText(cw.practical);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('certificate').screenshot({ path: info.outputPath(`certificate-390-${locale}.png`) });
      await expect(page.getByTestId('certificate-issuer')).toContainText('Ms Chen 陈老师');
      await expect(page.getByTestId('certificate-issuer')).toContainText(instructorFp);
      await expect(page.getByTestId('certificate-title')).toContainText(cw.course);
      const certLink = await page.getByTestId('certificate-link').inputValue();
      expect(certLink).toMatch(new RegExp(`^${baseURL}/certificate#FAC3:`));
      // The link's address in byte mode, its certificate in alphanumeric
      // mode: version 35 with the results (version 2's was 31).
      const version = Number(await page.getByTestId('certificate-qr').getAttribute('data-qr-version'));
      expect(version).toBeLessThanOrEqual(36);
      await axe(page, 'certificate page');
      // Its file, to hand over or check elsewhere.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-certificate').click()]);
      const file = info.outputPath('certificate.json');
      await download.saveAs(file);
      const credential = JSON.parse(readFileSync(file, 'utf8'));
      expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      // Version 3: the results, each naming its description on the
      // achievement; the proof in an array, the schema named (1EdTech's
      // JSON Schema wants both).
      const subject = credential.credentialSubject;
      expect(subject.result).toHaveLength(4);
      expect(Number(subject.result[0].value)).toBeGreaterThanOrEqual(80);
      expect(subject.result.slice(1).map((r: { status: string }) => r.status)).toEqual(['Completed', 'Completed', 'Completed']);
      const described = subject.achievement.resultDescription.map((d: { id: string }) => d.id);
      for (const r of subject.result) expect(described).toContain(r.resultDescription);
      expect(subject.achievement.criteria.narrative).toContain('pass mark 80%');
      expect(credential.proof).toHaveLength(1);
      expect(credential.proof[0].cryptosuite).toBe('eddsa-jcs-2022');
      expect(credential.credentialSchema).toEqual([{
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      }]);
      expect(credential.issuer.id).toMatch(/^did:key:z6Mk/);

      // The learner opens the link (a phone's camera opens the QR code's
      // link the same way), keeps it, and prints it.
      await lp.goto(certLink);
      await waitForApp(lp);
      await expect(lp.getByTestId('certificate-status')).toContainText(cw.genuine);
      await lp.getByTestId('keep-certificate').click();
      await expect(lp.getByTestId('certificate-kept')).toContainText(cw.kept);
      await lp.goto('/record');
      await waitForApp(lp);
      await expect(lp.getByTestId('my-certificate')).toHaveCount(1);
      await expect(lp.getByTestId('my-certificate')).toContainText(cw.valid);
      await axe(lp, 'my certificates');
      await lp.getByTestId('my-certificate').getByRole('link').click();
      await expect(lp.getByTestId('certificate-name')).toHaveText(w.name);
      // Printed: the certificate alone, with its QR code; no app chrome,
      // no buttons.
      await lp.emulateMedia({ media: 'print' });
      await expect(lp.getByTestId('certificate')).toBeVisible();
      await expect(lp.getByTestId('certificate-qr').locator('svg')).toBeVisible();
      await expect(lp.getByTestId('print-certificate')).toBeHidden();
      await expect(lp.getByTestId('certificate-paste')).toBeHidden();
      await expect(lp.locator('.app-header')).toBeHidden();
      // On A4 it is one page.
      const pdf = await lp.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      await lp.emulateMedia({ media: 'screen' });
      const photo = info.outputPath('certificate-qr.png');
      await lp.getByTestId('certificate-qr').screenshot({ path: photo });

      // A third phone, offline, checks it from a photo of the printed QR
      // code; a tampered file is refused; three years on it has expired.
      const third = await anotherPhone(browser, locale, baseURL!, problems);
      const tp = third.page;
      await tp.goto('/certificate');
      await waitForApp(tp);
      await offline(third.ctx, tp);
      await axe(tp, 'certificate page, empty');
      await tp.getByTestId('certificate-file').setInputFiles(photo);
      await expect(tp.getByTestId('certificate-status')).toContainText(cw.genuine);
      await expect(tp.getByTestId('certificate-name')).toHaveText(w.name);
      await expect(tp.getByTestId('certificate-result').first()).toHaveText(cw.percent);
      credential.credentialSubject.identifier[0].identityHash = 'Someone Else';
      const tampered = info.outputPath('tampered-certificate.json');
      writeFileSync(tampered, JSON.stringify(credential, null, 2));
      await tp.getByTestId('certificate-file').setInputFiles(tampered);
      await expect(tp.getByTestId('certificate-error')).toContainText(cw.signature);
      await axe(tp, 'certificate refused');
      await third.ctx.close();

      const later = await anotherPhone(browser, locale, baseURL!, problems);
      await later.page.clock.install({ time: new Date(Date.now() + 3 * 366 * 86_400_000) });
      await later.page.goto(certLink);
      await waitForApp(later.page);
      await expect(later.page.getByTestId('certificate-error')).toContainText(cw.expired);
      await later.ctx.close();

      // The CLI checks the same file.
      const out = execFileSync(CLI, ['verify', file]).toString();
      expect(out).toContain(w.name);
      expect(out).toContain('schema: OK');
      expect(out).toMatch(/results: Theory exam \d+% \(pass mark 80%\); Practical: Adult CPR with an AED Completed/);

      // xAPI: the class's verified results, accounts named by learner number
      // on the school's system; the learner's own learning.
      await page.goto(classUrl);
      await waitForApp(page);
      await page.getByTestId('xapi-home-page').fill('https://lrs.school.example');
      await expect(page.getByTestId('xapi-names')).not.toBeChecked();
      await page.getByTestId('xapi-by-number').check();
      await page.getByTestId('xapi-names').check();
      const [classFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xapi-class-export').click()]);
      const classPath = info.outputPath('class-xapi.json');
      await classFile.saveAs(classPath);
      const classStatements = JSON.parse(readFileSync(classPath, 'utf8'));
      expect(classStatements.length).toBeGreaterThan(0);
      for (const st of classStatements) {
        expect(st.actor.account).toEqual({ homePage: 'https://lrs.school.example', name: '2026-0142' });
        expect(st.actor.name).toBe(w.name);
        expect(st.verb.id).toMatch(/^http:\/\/adlnet\.gov\/expapi\/verbs\/(completed|passed|failed)$/);
        expect(st.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(st.timestamp).toMatch(/Z$/);
      }
      // cmi5 9.5.4.1: "completed" carries the time spent in the lesson,
      // measured by the learner's app and carried by their signed record.
      const completedIn = (sts: { verb: { id: string }; result: { duration?: string } }[]) =>
        sts.filter((st) => st.verb.id.endsWith('/completed'));
      expect(completedIn(classStatements).length).toBeGreaterThan(0);
      for (const st of completedIn(classStatements)) expect(st.result.duration).toMatch(/^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/);
      // The practical exam: a "passed" statement per checklist.
      const checklists = classStatements.filter((st: { object: { id: string } }) => st.object.id.includes('/activities/checklist/'));
      expect(checklists.map((st: { verb: { id: string } }) => st.verb.id.split('/').pop())).toEqual(['passed', 'passed', 'passed']);
      await expect(page.getByTestId('xapi-status')).toContainText('1');
      await axe(page, 'class page with the xAPI export');
      // The setting is kept.
      await page.reload();
      await waitForApp(page);
      await expect(page.getByTestId('xapi-home-page')).toHaveValue('https://lrs.school.example');
      await expect(page.getByTestId('xapi-by-number')).toBeChecked();

      await lp.goto('/record');
      await waitForApp(lp);
      // The export is in the closed "For instructors and schools" part.
      await expect(lp.getByTestId('xapi-learner-export')).toBeHidden();
      await lp.getByTestId('for-instructors').locator('summary').click();
      const [mine] = await Promise.all([lp.waitForEvent('download'), lp.getByTestId('xapi-learner-export').click()]);
      const minePath = info.outputPath('my-xapi.json');
      await mine.saveAs(minePath);
      const myStatements = JSON.parse(readFileSync(minePath, 'utf8'));
      expect(myStatements.map((st: { verb: { id: string } }) => st.verb.id)).toContain('http://adlnet.gov/expapi/verbs/completed');
      for (const st of completedIn(myStatements)) expect(st.result.duration).toMatch(/^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/);
      expect(myStatements[0].actor.name).toBe(w.name);

      await learner.ctx.close();
      expect(problems).toEqual([]);
    });
  });
}

/** A Y4M video (one still frame, 4:2:0) of greyscale pixels, which
 * Chromium's fake camera plays in a loop. */
function y4m(side: number, luma: number[]): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  return Buffer.concat([header, Buffer.from(luma), chroma]);
}

test.describe('the camera', () => {
  test.use({ locale: 'en-US' });
  test('reads a learner\'s QR code held up to it and puts them on the roster', async ({ page, baseURL }, info) => {
    test.skip(info.project.name !== 'phone', 'one viewport is enough for the camera');
    // The instructor's phone, whose camera will see the video written below
    // (Chromium opens the file when the camera starts).
    const video = info.outputPath('camera.y4m');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const problems: string[] = [];
    const ctx = await browser.newContext({ baseURL, locale: 'en-US', permissions: ['camera'], viewport: { width: 412, height: 915 } });
    const ip = await ctx.newPage();
    ip.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    ip.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await ip.goto('/instructor');
    await waitForApp(ip);
    // A name typed and not saved is kept once the field is left: "Create"
    // does not ask for it again.
    await ip.getByTestId('instructor-name').fill('Ms Chen');
    await ip.getByTestId('assignment-class').fill('Camera class');
    await ip.getByTestId('create-assignment').click();
    await expect(ip.getByTestId('class-title')).toContainText('Camera class');
    const link = await ip.getByTestId('assignment-link').inputValue();

    // The learner accepts it and makes a record for it (nothing done yet).
    await page.goto('/record');
    await waitForApp(page);
    await page.getByTestId('learner-name').fill('Zhang Wei');
    await page.getByTestId('save-profile').click();
    await page.goto(link);
    await page.getByTestId('accept-assignment').click();
    await expect(page.getByTestId('go-record')).toBeFocused();
    await page.getByTestId('go-record').click();
    await page.getByTestId('make-record').click();
    await expect(page.getByTestId('record-qr').locator('svg')).toBeVisible();
    // Its QR code as the camera would see it: drawn into 480 × 480 pixels.
    const side = 480;
    const luma: number[] = await page.evaluate(async (side) => {
      const svg = document.querySelector('[data-testid="record-qr"] svg')!.outerHTML;
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = side;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, side, side);
      ctx.drawImage(img, 40, 40, side - 80, side - 80);
      URL.revokeObjectURL(url);
      const d = ctx.getImageData(0, 0, side, side).data;
      const out: number[] = [];
      for (let i = 0; i < d.length; i += 4) out.push((77 * d[i] + 150 * d[i + 1] + 29 * d[i + 2]) >> 8);
      return out;
    }, side);
    writeFileSync(video, y4m(side, luma));

    await ip.getByTestId('start-camera').click();
    await expect(ip.locator('video.camera')).toBeVisible();
    // Read from the video: the lessons are not done, so not verified, with
    // the reason; the learner is on the roster once.
    await expect(ip.getByTestId('verify-result')).toContainText('Zhang Wei: Not verified', { timeout: 20_000 });
    await expect(ip.getByTestId('verify-reasons')).toContainText('Lessons not completed');
    await expect(ip.getByTestId('roster-row')).toHaveCount(1);
    // The same code seen in the next frames is not read again and again.
    await ip.waitForTimeout(1000);
    await expect(ip.getByTestId('roster-row')).toHaveCount(1);
    // Stopping releases the camera: every track of the stream ends.
    await ip.evaluate(() => {
      (window as unknown as { cameraStream: MediaStream }).cameraStream =
        (document.querySelector('video.camera') as HTMLVideoElement).srcObject as MediaStream;
    });
    await ip.getByTestId('stop-camera').click();
    await expect(ip.getByTestId('start-camera')).toBeVisible();
    expect(await ip.evaluate(() => {
      const s = (window as unknown as { cameraStream: MediaStream }).cameraStream;
      return s.getTracks().map((t) => t.readyState);
    })).toEqual(['ended']);
    await browser.close();
    expect(problems).toEqual([]);
  });
});

test.describe('the QR decoder', () => {
  test.use({ locale: 'en-US' });
  test('a picture it stops on is "no code", and the next photo is read by a fresh decoder', async ({ page }, info) => {
    test.skip(info.project.name !== 'phone', 'one viewport is enough for the decoder');
    // Headless Chromium on Linux has no BarcodeDetector: photos go to the
    // decoder's worker (scan/, rqrr).
    expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
    const warnings: string[] = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto('/instructor');
    await waitForApp(page);
    await page.getByTestId('instructor-name').fill('Ms Chen');
    await page.getByTestId('save-instructor').click();
    await page.getByTestId('assignment-class').fill('Decoder class');
    await page.getByTestId('create-assignment').click();
    await expect(page.getByTestId('class-title')).toContainText('Decoder class');
    const qr = info.outputPath('assignment-qr.png');
    await page.getByTestId('assignment-qr').screenshot({ path: qr });

    // A picture on which rqrr 0.11 panics (WanzenBug/rqrr#54; found by the
    // `scan` fuzz target): the worker traps, the page says no code was read
    // and goes on.
    await page.getByTestId('verify-file').setInputFiles(new URL('../fixtures/degenerate-code.png', import.meta.url).pathname);
    await expect(page.getByTestId('verify-error')).toContainText('No QR code was found');
    await expect.poll(() => warnings.some((w) => w.includes('the QR decoder stopped on a picture'))).toBe(true);
    // The next photo is read: the class's own code, which is not a record
    // and is named for what it is.
    await page.getByTestId('verify-file').setInputFiles(qr);
    await expect(page.getByTestId('verify-error')).toHaveText('This is the class assignment, not a learner\'s record. Ask the learner for their record.');
    await expect(page.getByTestId('roster-row')).toHaveCount(0);
  });
});

test.describe('opening a damaged assignment link', () => {
  test.use({ locale: 'en-US' });
  test('says why, in plain words', async ({ page }) => {
    await page.goto('/assignment#FAA1:NOTBASE45%%%');
    await waitForApp(page);
    await expect(page.getByTestId('assignment-error')).toContainText('damaged');
    await page.goto('/assignment#FAR1:ABC');
    await expect(page.getByTestId('assignment-error')).toContainText('not a First Aid Hero class assignment');
    await axe(page, 'assignment error');
  });
});

test.describe('a record without a name', () => {
  test.use({ locale: 'en-US' });
  test('asks for the name at its field, brought into view', async ({ page }) => {
    await page.goto('/record');
    await waitForApp(page);
    const name = page.getByTestId('learner-name');
    await expect(name).not.toHaveAttribute('aria-invalid', /.*/);
    await page.getByTestId('make-free-record').click();
    // Said by the button (an alert) and beside the field, linked to it.
    await expect(page.getByRole('alert').filter({ hasText: 'Enter your name first: a record needs it.' })).toBeVisible();
    await expect(name).toBeFocused();
    await expect(name).toBeInViewport();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('Enter your name first: a record needs it.');
    await expect(page.getByTestId('name-error')).toBeInViewport();
    await axe(page, 'record without a name');
    // Typing the name clears the field's error; the name is kept without
    // "Save" (when the field loses focus), so the record is made at once.
    await name.fill('Li Na');
    await expect(name).not.toHaveAttribute('aria-invalid', /.*/);
    await expect(page.getByTestId('name-error')).toHaveCount(0);
    await page.getByTestId('make-free-record').click();
    await expect(page.getByTestId('made-record')).toBeVisible();
    await expect(page.getByTestId('name-error')).toHaveCount(0);
    await expect(page.getByRole('alert').filter({ hasText: 'Enter your name first' })).toHaveCount(0);
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('learner-name')).toHaveValue('Li Na');
  });
});
