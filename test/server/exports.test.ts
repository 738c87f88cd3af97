// The record of a show, exported: results, round scores, score record, the full buzz log with
// times and all-at-once answers, as an Excel workbook (read back with a real reader) and as CSV.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { translate } from '../../shared/i18n/index.js';
import { runArchive } from '../../server/cli/archive.js';
import { runExport } from '../../server/cli/export.js';
import { runImportBank } from '../../server/cli/import-bank.js';
import { formatTime } from '../../server/http/exports.js';
import { fileDate, fileTitle } from '../../server/http/file-names.js';
import { openStore } from '../../server/storage/store.js';
import { allAtOnceRound, buzzRound, choice, definition } from '../support/definitions.js';
import { startServer, type Harness } from '../support/harness.js';
import { answersOf } from '../support/question-of.js';
import { closedAfterEach } from '../support/closed-after-each.js';

const { harnesses, tempDir } = closedAfterEach();

/** Two questions of buzz-in (a false start, a win, a late press) and one all-at-once question. */
async function playShow(store = openStore(':memory:')): Promise<Harness> {
  const h = await startServer({ store, definition: definition({ seats: 3, rounds: [buzzRound(2), allAtOnceRound([choice(1, 'B')])] }) });
  harnesses.push(h);
  const host = await h.host();
  const [p1, p2, p3] = [await h.contestant('s1'), await h.contestant('s2'), await h.contestant('s3')];
  const run = async (...types: ('question:next' | 'buzzers:open' | 'answers:open')[]) => {
    for (const type of types) await host.request('host:command', { type });
  };
  await run('question:next', 'question:next');
  await p3.request('buzz:press', {}); // false start
  await run('buzzers:open');
  h.clock.advance(300);
  await p1.request('buzz:press', {});
  await p2.request('buzz:press', {});
  h.clock.advance(DEFAULT_GRACE_CAP_MS);
  await host.until((v) => v.question?.phase === 'answering');
  await host.request('host:command', { type: 'answer:rule', verdict: 'right' });
  await host.request('host:command', { type: 'score:adjust', seatId: 's2', delta: -5, reason: '提示他人' });
  await run('question:next', 'question:next', 'question:next', 'answers:open');
  await p1.request('answer:submit', { choice: [1] });
  await p2.request('answer:submit', { choice: [0] });
  h.clock.advance(20_000);
  await p3.request('answer:submit', { choice: [1] }); // late
  await host.until((v) => answersOf(v)?.late.length === 1);
  return h;
}

const cells = (sheet: ExcelJS.Worksheet) =>
  sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1).map((c) => (c ?? '') as string | number) : []));

describe('exports', () => {
  it('the workbook has every table with Chinese headers, the whole buzz log and the answers', async () => {
    const h = await playShow();
    const response = await fetch(`${h.url}/api/contests/${h.contestId}/export.xlsx?key=${h.hostKey}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['成绩', '同分决胜', '各轮得分', '计分记录', '抢答记录', '同步作答']);

    const results = cells(workbook.getWorksheet('成绩') as ExcelJS.Worksheet);
    // [R1] Each stage's raw, normalised and weighted score, the total and the rank.
    expect(results[0]).toEqual(['名次', '席位', '比知识 原始分', '比知识 折算分', '比知识 加权分', '加权总分', '原始总分', '并列', '同分决胜依据']);
    expect(results.slice(1, 4)).toEqual([
      [1, '1号席', 20, 20, 20, 20, 20, '', ''],
      [2, '3号席', 0, 0, 0, 0, 0, '', ''],
      [3, '2号席', -5, -5, -5, -5, -5, '', ''],
    ]);
    // [D3][D4] Under the ranking, after a blank row: the rules it was played under, and that the log replayed whole.
    expect(results.slice(5)).toEqual([
      ['规则版本', 1],
      ['操作记录全部重放，无遗漏'],
    ]);

    const ledger = cells(workbook.getWorksheet('计分记录') as ExcelJS.Worksheet);
    expect(ledger.slice(1).map((r) => [r[2], r[3], r[4], r[7]])).toEqual([
      ['1号席', 10, '答对', ''],
      ['2号席', -5, '', '提示他人'],
      ['1号席', 10, '答对', ''],
    ]);

    const presses = cells(workbook.getWorksheet('抢答记录') as ExcelJS.Worksheet);
    expect(presses[0]).toEqual(['轮次', '题号', '题目编号', '题目', '席位', '到达时间', '手机报告的按下时间', '判定的按下时间', '可信范围（毫秒）', '晚于信用上限到达（毫秒）', '结果', '判定依据', '时间戳（毫秒）']);
    // Each press names its question by id and by text, so a dispute needs no other file; the
    // winning press says why it won (P5).
    expect(presses.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[10], r[11]])).toEqual([
      [1, 'q1', '第1题题干', '3号席', '提前抢答', ''],
      // Both pressed in the same millisecond, without stamps: a true tie, given to the first to arrive.
      [1, 'q1', '第1题题干', '1号席', '抢到', '平局，按到达先后'],
      [1, 'q1', '第1题题干', '2号席', '慢了一步（按下时刻较晚）', ''],
    ]);
    // Arrival times to the millisecond, with the raw timestamp beside them for disputes.
    expect(presses[2][5]).toBe(formatTime(Number(presses[2][12])));

    const answers = cells(workbook.getWorksheet('同步作答') as ExcelJS.Worksheet);
    expect(answers[1].slice(2, 4)).toEqual(['c1', '第1道选择题']);
    expect(answers.slice(1).map((r) => [r[4], r[5], r[7], r[8]])).toEqual([
      ['1号席', 'B', '正确', 10],
      ['2号席', 'A', '错误', 0],
      ['3号席', '', '未作答', 0],
      ['3号席', '', '超时未计入', 0],
    ]);
  });

  it('one table as CSV with a BOM for Excel; English on request; the host key is required', async () => {
    const h = await playShow();
    const bytes = Buffer.from(await (await fetch(`${h.url}/api/contests/${h.contestId}/export/presses.csv?key=${h.hostKey}`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF轮次,题号,题目编号,题目,席位,到达时间,手机报告的按下时间,判定的按下时间,可信范围（毫秒）,晚于信用上限到达（毫秒）,结果,判定依据,时间戳（毫秒）');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    const en = await (await fetch(`${h.url}/api/contests/${h.contestId}/export/results.csv?key=${h.hostKey}&lang=en`)).text();
    expect(en.split('\r\n')[0]).toBe('Rank,Seat,比知识 raw,比知识 normalised,比知识 weighted,Weighted total,Raw total,Tied,Decided by');
    expect((await fetch(`${h.url}/api/contests/${h.contestId}/export.xlsx?key=guess`)).status).toBe(401);
    expect((await fetch(`${h.url}/api/contests/${h.contestId}/export/secrets.csv?key=${h.hostKey}`)).status).toBe(404);
  });

  it('downloads are named after the contest and the day of the show, in UTF-8 with an ASCII fallback', async () => {
    const h = await playShow();
    const date = fileDate(h.clock.now());
    const disposition = async (path: string) => (await fetch(`${h.url}/api/contests/${h.contestId}/${path}`)).headers.get('content-disposition') ?? '';
    const xlsx = await disposition(`export.xlsx?key=${h.hostKey}`);
    expect(xlsx).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const utf8Name = (header: string) => decodeURIComponent(header.split("filename*=UTF-8''")[1] ?? '');
    expect(utf8Name(xlsx)).toBe(`测试竞赛-${date}-成绩.xlsx`);
    expect(utf8Name(await disposition(`export/presses.csv?key=${h.hostKey}`))).toBe(`测试竞赛-${date}-抢答记录.csv`);
    expect(utf8Name(await disposition(`export/ledger.csv?key=${h.hostKey}&lang=en`))).toBe(`测试竞赛-${date}-Score record.csv`);
  });

  it('a title with characters no file system takes still gives a safe name', () => {
    expect(fileTitle('决赛/初赛: "A|B"')).toBe('决赛_初赛_ _A_B_');
    expect(fileTitle('..')).toBe('qiangda');
  });

  it('from the command line, from the data folder', async () => {
    const dir = tempDir('qiangda-export-');
    const h = await playShow(openStore(join(dir, 'qiangda.db')));
    const lines: string[] = [];
    const out = join(dir, 'record.xlsx');
    expect(await runExport(['--data', dir, '--out', out], {}, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([`已导出：${out}`]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(cells(workbook.getWorksheet('成绩') as ExcelJS.Worksheet)[1]).toEqual([1, '1号席', 20, 20, 20, 20, 20, '', '']);
    expect(await runExport(['--data', dir, '--csv', join(dir, 'csv')], {}, (l) => lines.push(l))).toBe(0);
    expect(readFileSync(join(dir, 'csv', `qiangda-${h.contestId}-ledger.csv`), 'utf8')).toContain('提示他人');
    expect(await runExport(['--data', dir, '--contest', 'nope'], {}, (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toBe('找不到竞赛 nope');
    h.store.close();
  });

  it('the command-line tools refuse a damaged data file with the start-up message, and leave it as it was', async () => {
    const dir = tempDir('qiangda-export-');
    const file = join(dir, 'qiangda.db');
    const damaged = Buffer.from('这不是数据库。'.repeat(2000));
    writeFileSync(file, damaged);
    const lines: string[] = [];
    expect(await runExport(['--data', dir, '--out', join(dir, 'record.xlsx')], {}, (l) => lines.push(l))).toBe(1);
    writeFileSync(join(dir, 'bank.csv'), '题型,题干,答案\n判断,遵义会议在1935年召开,对\n');
    expect(await runImportBank([join(dir, 'bank.csv'), '--data', dir], {}, (l) => lines.push(l))).toBe(1);
    expect(runArchive(['--data', dir, '--out', join(dir, 'a.qiangda')], {}, (l) => lines.push(l))).toBe(1);
    // Each says what the server's start would: the file is damaged, it was not changed, what to do.
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.split('\n')[0]).toBe(translate('zh', 'terminal.open.corrupt', { file: resolve(file) }));
      expect(line).toContain(translate('zh', 'terminal.open.unchanged'));
    }
    expect(readFileSync(file)).toEqual(damaged);
    expect(readdirSync(dir).sort()).toEqual(['bank.csv', 'qiangda.db']);
  });
});
