// The judges' sheet of the workbook (issue 12): every judge's score for every seat's turn, the
// dropped and excluded marks with the reason, scores the host entered from paper, and the result
// with its overtime deduction; Chinese headers by default, English on request.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomCommand } from '../../server/rooms/room.js';
import { definition, judgedRound, judges } from '../support/definitions.js';
import { startServer, type Harness } from '../support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

/** Two seats, five judges: s1 with an excluded judge, a paper score, a changed score and 10 s of
 * overtime; s2 plainly. */
async function playJudged(): Promise<Harness> {
  const round = judgedRound(['s1', 's2'], { speakMs: 60_000, overtime: { perMs: 30_000, points: 1 } });
  const h = await startServer({ definition: { ...definition({ seats: 2, rounds: [round] }), judges: judges(5) } });
  harnesses.push(h);
  const run = (...commands: RoomCommand[]) => {
    for (const command of commands) {
      h.clock.advance(1000);
      const result = h.room.submit(command);
      if (!result.ok) throw new Error(`${command.type} refused: ${result.error}`);
    }
  };
  const score = (judgeId: string, seatId: string, value: number): RoomCommand => ({ type: 'judge:score', judgeId, seatId, value });
  run({ type: 'question:next' }, { type: 'question:next' }, { type: 'judge:exclude', judgeId: 'j5', reason: '与选手同单位，回避' }, { type: 'speech:start' });
  h.clock.advance(69_000);
  run({ type: 'speech:stop' }, score('j1', 's1', 80), score('j1', 's1', 82), score('j2', 's1', 85), score('j3', 's1', 90));
  run({ type: 'judge:enter', judgeId: 'j4', seatId: 's1', value: 70 }, { type: 'answer:reveal' });
  run({ type: 'question:next' }, { type: 'speech:start' });
  h.clock.advance(49_000);
  run({ type: 'speech:stop' }, ...[80, 81, 82, 83, 84].map((value, j) => score(`j${j + 1}`, 's2', value)), { type: 'answer:reveal' });
  return h;
}

const cells = (sheet: ExcelJS.Worksheet) =>
  sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1).map((c) => (c ?? '') as string | number) : []));

async function workbook(h: Harness, lang = ''): Promise<ExcelJS.Workbook> {
  const response = await fetch(`${h.url}/api/contests/${h.contestId}/export.xlsx?key=${h.hostKey}${lang}`);
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  return book;
}

describe("the judges' sheet", () => {
  it('lists every judge for every seat: scores, parts of the record, exclusions, paper entries, dropped marks and the result', async () => {
    const h = await playJudged();
    const book = await workbook(h);
    expect(book.worksheets.map((s) => s.name)).toEqual(['成绩', '同分决胜', '各轮得分', '计分记录', '抢答记录', '同步作答', '评委评分']);
    const rows = cells(book.getWorksheet('评委评分') as ExcelJS.Worksheet);
    expect(rows[0]).toEqual(['轮次', '出场顺序', '席位', '评委', '评分', '分项', '评分时间', '修改次数', '主持人代录', '回避/缺席', '去掉', '评委合成分', '超时（秒）', '超时扣分', '最终得分']);
    // s1: j5 excluded; of 82, 85, 90 and the paper 70, drop 90 and 70: (82 + 85) / 2 = 83.5;
    // spoke 70 s of 60: one started half-minute over, 1 point off: 82.5.
    // s2: drop 84 and 80: (81 + 82 + 83) / 3 = 82; in time.
    const round = '比知识 第1轮 述行动';
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14]])).toEqual([
      [round, 1, '1号席', '评委1', 82, 1, '', '', '', 83.5, 10, 1, 82.5],
      [round, 1, '1号席', '评委2', 85, 0, '', '', '', 83.5, 10, 1, 82.5],
      [round, 1, '1号席', '评委3', 90, 0, '', '', '去掉', 83.5, 10, 1, 82.5],
      [round, 1, '1号席', '评委4', 70, 0, '是', '', '去掉', 83.5, 10, 1, 82.5],
      [round, 1, '1号席', '评委5', '', '', '', '与选手同单位，回避', '', 83.5, 10, 1, 82.5],
      [round, 2, '2号席', '评委1', 80, 0, '', '', '去掉', 82, 0, 0, 82],
      [round, 2, '2号席', '评委2', 81, 0, '', '', '', 82, 0, 0, 82],
      [round, 2, '2号席', '评委3', 82, 0, '', '', '', 82, 0, 0, 82],
      [round, 2, '2号席', '评委4', 83, 0, '', '', '', 82, 0, 0, 82],
      [round, 2, '2号席', '评委5', 84, 0, '', '', '去掉', 82, 0, 0, 82],
    ]);
    // When each score was given, to the millisecond, as on the other sheets.
    expect(String(rows[1][6])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    // The results sheet agrees: the judged results are the stage's points.
    expect(cells(book.getWorksheet('成绩') as ExcelJS.Worksheet).slice(1, 3).map((r) => [r[1], r[2]])).toEqual([
      ['1号席', 82.5],
      ['2号席', 82],
    ]);
  });

  it('has English headers on request, and is a CSV of its own; contests without judges have no such sheet', async () => {
    const h = await playJudged();
    const rows = cells((await workbook(h, '&lang=en')).getWorksheet('Judges') as ExcelJS.Worksheet);
    expect(rows[0].slice(0, 5)).toEqual(['Round', 'Order', 'Seat', 'Judge', 'Score']);
    expect(rows[5].slice(9, 11)).toEqual(['与选手同单位，回避', '']);
    const csv = await (await fetch(`${h.url}/api/contests/${h.contestId}/export/judges.csv?key=${h.hostKey}`)).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(11);

    const plain = await startServer({ definition: definition({ seats: 2 }) });
    harnesses.push(plain);
    expect((await workbook(plain)).worksheets.map((s) => s.name)).not.toContain('评委评分');
  });
});
