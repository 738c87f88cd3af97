// The host console before the show, in a real browser: the contest settings editor (load the
// contest file, edit it as a form, see the server's objections beside it, save and redraw) and
// the question bank panel (summary, check a file, import its valid rows).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, hasChromium, requireBrowser, SHOTS, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('the lobby in a browser');

const contestFile = {
  format: 'qiangda-contest',
  version: 1,
  title: '区直机关党史知识竞赛',
  seats: [
    { name: '甲队', kind: 'team', phones: 2 },
    { name: '乙队', kind: 'team', phones: 2 },
    { name: '丙', kind: 'individual' },
  ],
  stages: [
    {
      name: '比知识',
      weight: 1,
      rounds: [
        { kind: 'in-turn', draw: { types: ['open'] } },
        { kind: 'all-at-once', questions: 3, partialCredit: true },
        { kind: 'buzz-in', questions: 5, draw: { categories: ['founding', 'reform'] } },
      ],
    },
  ],
  seed: 'fixed',
};

/** A bank file with two good rows, a repeat of the first, and two rows with a problem each. */
const BANK_CSV = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,解析,分类,难度',
  '单选,“五四运动”爆发于哪一年？,1917年,1919年,1921年,1949年,B,1919年5月4日，五四运动爆发。,建党时期,1',
  '单选,中国共产党第一次全国代表大会最后一天的会议在哪里举行？,北京,上海,嘉兴南湖,武汉,E,,建党时期,1',
  '判断,遵义会议是党的历史上一个生死攸关的转折点。,,,,,对,,新民主主义革命时期,2',
  '单选,“五四运动”爆发于哪一年？,1917年,1919年,1921年,1949年,B,1919年5月4日，五四运动爆发。,建党时期,1',
  '多选,下列属于“四个自信”的有？,道路自信,理论自信,制度自信,文化自信,ABCD,,新时代,9',
].join('\r\n');

describe.skipIf(!hasChromium)('the lobby in a browser', () => {
  let stage: BrowserStage;
  let host: Page;

  beforeAll(async () => {
    stage = await startStage();
    // The contest as an organiser's file defines it: the editor edits that file.
    const client = await stage.h.host();
    expect(await client.request('contest:define', { file: contestFile })).toEqual({ data: null });
  });

  afterAll(async () => {
    await stage?.close();
  });

  const codes = () => Object.fromEntries(stage.h.store.loadContest(stage.h.contestId)?.seats.map((s) => [s.seatId, s.joinCode]) ?? []);

  it('edits the contest file as a form, shows the server\'s objection beside it, then saves and redraws', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const before = codes();
    const phone = await stage.open('phone', `/contestant/?c=${h.contestId}&code=${before['seat-1']}`);
    await byTestId(phone, 'seat-name').filter({ hasText: '甲队' }).waitFor();
    const screen = await stage.screen();
    // A team with room for another phone keeps its code on the screen.
    await byTestId(screen, 'lobby-seat', '[data-seat="seat-1"]').locator('[data-testid="lobby-code"]').waitFor();
    expect(await byTestId(screen, 'lobby-seat', '[data-seat="seat-1"]').locator('[data-testid="lobby-phones"]').textContent()).toBe('1/2');

    host = await stage.host();
    const editor = byTestId(host, 'editor', '[data-status="ready"]');
    await editor.waitFor();
    expect(await byTestId(host, 'editor-title').inputValue()).toBe(contestFile.title);
    expect(await byTestId(host, 'editor-seat').count()).toBe(3);
    expect(await byTestId(host, 'editor-round').evaluateAll((rounds) => rounds.map((r) => r.getAttribute('data-kind')))).toEqual(['in-turn', 'all-at-once', 'buzz-in']);

    // Two seats with one name: the server refuses the file and says which field and why.
    await byTestId(host, 'editor-seat-name').nth(1).fill('甲队');
    await byTestId(host, 'editor-dirty').waitFor();
    await byTestId(host, 'editor-save').click();
    const issue = byTestId(host, 'editor-issue');
    await issue.first().waitFor();
    expect(await issue.count()).toBe(1);
    expect(await issue.getAttribute('data-path')).toBe('seats');
    expect(await issue.textContent()).toContain(zh('definition.error.duplicate-seat'));
    expect(h.room.source).toEqual(contestFile);
    await host.evaluate(() => window.scrollTo(0, 0));
    await shot(host, 'host-editor.png', true);

    // Put right, with a fourth seat and a bigger all-at-once round: saved, drawn again.
    await byTestId(host, 'editor-seat-name').nth(1).fill('乙队');
    await byTestId(host, 'editor-add-seat').click();
    await byTestId(host, 'editor-questions').first().fill('4');
    // [S6] From the start of the show on, new phones need the host's approval.
    const approvalAfter = byTestId(host, 'editor-approval-after');
    expect(await approvalAfter.inputValue()).toBe('lock');
    await approvalAfter.selectOption('start');
    await approvalAfter.locator('xpath=ancestor::fieldset[1]').screenshot({ path: `${SHOTS}/host-editor-joining.png`, animations: 'disabled' });
    await byTestId(host, 'editor-save').click();
    await byTestId(host, 'banner').filter({ hasText: zh('editor.saved') }).waitFor();
    expect(await byTestId(host, 'editor-issue').count()).toBe(0);
    await expect.poll(() => h.room.state.definition.seats.map((s) => s.name)).toEqual(['甲队', '乙队', '丙', zh('editor.newSeat', { n: 4 })]);
    const rounds = h.room.state.definition.stages[0].rounds;
    expect(rounds.map((r) => r.questions.length)).toEqual([4, 4, 5]);
    // Kept seats keep their codes, and the phone its seat.
    const after = codes();
    expect(after['seat-1']).toBe(before['seat-1']);
    await byTestId(screen, 'lobby-seat').nth(3).waitFor();
    expect(await byTestId(phone, 'seat-name').textContent()).toBe('甲队');
    await byTestId(host, 'editor-dirty').waitFor({ state: 'detached' });
    expect(h.room.state.definition.joining).toEqual({ approvalAfter: 'start' });
    expect(await approvalAfter.inputValue()).toBe('start');
    await shot(screen, 'screen-lobby-teams.png');

    expect(stage.pageErrors).toEqual([]);
  });

  it('[J1] adds a judged round, a judge and a seat title in the form; the server\'s definition has them', { timeout: 90_000 }, async () => {
    const { h } = stage;
    await byTestId(host, 'editor-add-kind').selectOption('judged');
    await byTestId(host, 'editor-add-round').click();
    const round = byTestId(host, 'editor-round', '[data-kind="judged"]');
    await round.waitFor();
    await round.locator('[data-testid="editor-order-by"]').selectOption('lot');
    await round.locator('[data-testid="editor-speak-min"]').fill('4');
    await round.locator('[data-testid="editor-warn"]').fill('0.5');
    await round.locator('[data-testid="editor-overtime"]').selectOption('deduct');
    await round.locator('[data-testid="editor-overtime-per"]').fill('15');
    await round.locator('[data-testid="editor-aggregate"]').selectOption('trimmed-mean');
    for (const [name, max] of [['内容', '60'], ['表达', '30']]) {
      await round.locator('[data-testid="editor-add-criterion"]').click();
      await round.locator('[data-testid="editor-criterion-name"]').last().fill(name);
      await round.locator('[data-testid="editor-criterion-max"]').last().fill(max);
    }
    // 60 + 30 is not the highest score, 100: the form says so in the host's language.
    await round.locator('[data-testid="editor-criteria-mismatch"]').filter({ hasText: zh('editor.criteria.mismatch', { sum: 90, max: 100 }) }).waitFor();
    await round.locator('[data-testid="editor-criterion-max"]').last().fill('40');
    await round.locator('[data-testid="editor-criteria-mismatch"]').waitFor({ state: 'detached' });
    await byTestId(host, 'editor-judges-none').waitFor();
    await byTestId(host, 'editor-add-judge').click();
    await byTestId(host, 'editor-judge-name').last().fill('王教授');
    await byTestId(host, 'editor-judge-title').last().fill('教授');
    await byTestId(host, 'editor-judge-unit').last().fill('省委党校');
    await byTestId(host, 'editor-seat-topic').first().fill('把支部建在项目上');
    await round.scrollIntoViewIfNeeded();
    await round.screenshot({ path: `${SHOTS}/host-editor-judged.png`, animations: 'disabled' });
    await byTestId(host, 'editor-judges').screenshot({ path: `${SHOTS}/host-editor-judges.png`, animations: 'disabled' });

    await byTestId(host, 'editor-save').click();
    await byTestId(host, 'editor-dirty').waitFor({ state: 'detached' });
    expect(await byTestId(host, 'editor-issue').count()).toBe(0);
    await expect.poll(() => h.room.state.definition.stages[0].rounds.length).toBe(4);
    const judged = h.room.state.definition.stages[0].rounds[3];
    expect(judged.kind).toBe('judged');
    if (judged.kind !== 'judged') return;
    expect(judged.judging).toMatchObject({ prompt: 'title', orderBy: 'lot', speakMs: 240_000, warnAtMs: 30_000, overtime: { perMs: 15_000, points: 1 }, aggregate: 'trimmed-mean' });
    expect(judged.judging.criteria).toEqual([{ name: '内容', max: 60 }, { name: '表达', max: 40 }]);
    expect(h.room.state.definition.judges).toEqual([{ id: 'j1', name: '王教授', title: '教授', unit: '省委党校' }]);
    expect(h.room.state.definition.seats[0].topic).toBe('把支部建在项目上');
    // Reloaded from the saved file, the form shows what was saved.
    await byTestId(host, 'editor-round', '[data-kind="judged"]').waitFor();
    expect(await byTestId(host, 'editor-judge-name').inputValue()).toBe('王教授');
    expect(stage.pageErrors).toEqual([]);
  });

  it('checks a bank file, lists each problem by row and column, and imports the valid rows', async (ctx) => {
    const { h } = stage;
    const routes = await fetch(`${h.url}/api/bank/template.csv`);
    if (!routes.ok) {
      console.log('bank panel test skipped: the bank routes are not served yet');
      ctx.skip();
    }
    const panel = byTestId(host, 'bank-panel');
    await panel.locator('[data-testid="bank-count"]').waitFor();
    const countBefore = Number((await byTestId(host, 'bank-count').textContent())?.match(/\d+/)?.[0] ?? 0);

    await byTestId(host, 'bank-file').setInputFiles({ name: '题库.csv', mimeType: 'text/csv', buffer: Buffer.from(BANK_CSV, 'utf8') });
    await byTestId(host, 'bank-report').waitFor();
    const rows = await byTestId(host, 'bank-error').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(rows.map((r) => r[0])).toEqual(['3', '6']);
    expect(rows[0][1]).toBe(zh('bank.column.answer'));
    expect(rows[1][1]).toBe(zh('bank.column.difficulty'));
    expect(rows.every((r) => r[2] && !r[2].includes('第 3 行'))).toBe(true);
    await byTestId(host, 'bank-duplicates').waitFor();
    expect(await byTestId(host, 'bank-import-all').isDisabled()).toBe(true);
    expect(await byTestId(host, 'bank-import-valid').isEnabled()).toBe(true);
    // The same quality report as npm run bank:check, by row.
    const row = (n: number) => zh('bankCheck.at.row', { row: n });
    const outside = byTestId(host, 'bank-quality-outside');
    await outside.waitFor();
    expect(await outside.getAttribute('data-ok')).toBe('false');
    expect(await outside.textContent()).toContain(zh('bankCheck.outside.line', { at: row(3), letter: 'E', last: 'D' }));
    expect(await byTestId(host, 'bank-quality-duplicates').textContent()).toContain(zh('bankCheck.duplicates.exact', { a: row(2), b: row(5) }));
    expect(await byTestId(host, 'bank-quality-giveaways').getAttribute('data-ok')).toBe('true');
    await byTestId(host, 'bank-panel').scrollIntoViewIfNeeded();
    await shot(host, 'host-bank.png', true);

    await byTestId(host, 'bank-import-valid').click();
    await byTestId(host, 'bank-imported').filter({ hasText: zh('bankPanel.imported', { n: 2 }) }).waitFor();
    await byTestId(host, 'bank-count').filter({ hasText: zh('bankPanel.count', { n: countBefore + 2 }) }).waitFor();
    expect(stage.pageErrors).toEqual([]);
  });

  it('[F1] once the show starts the settings are gone', async () => {
    await host.locator('h1').click();
    await host.keyboard.press('n');
    await byTestId(host, 'host-round-title').waitFor();
    expect(await byTestId(host, 'editor').count()).toBe(0);
    expect(await byTestId(host, 'bank-panel').count()).toBe(0);
    expect(stage.pageErrors).toEqual([]);
  });
});
