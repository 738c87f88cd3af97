// The workbook's 获奖名单 sheet (AW1-AW4): each prize from the first, its seats with their place and
// total, whether the host decided the prize; a seat still waiting for the host is listed too.
// Contests without prizes have no such sheet.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomCommand } from '../../server/rooms/room.js';
import type { AwardRules } from '../../shared/contest/ranking-types.js';
import { buzzRound, definition } from '../support/definitions.js';
import { startServer, type Harness } from '../support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const AWARDS: AwardRules = { by: 'count', boundaryTie: 'host', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 1 }] };

/** Four seats finished on 30, 20, 20 and 5 points: s2 and s3 level across the 二等奖 boundary. */
async function finished(awards: AwardRules | null = AWARDS): Promise<Harness> {
  const h = await startServer({ definition: { ...definition({ seats: 4, rounds: [buzzRound(0)] }), ...(awards && { awards }) } });
  harnesses.push(h);
  const points = [30, 20, 20, 5];
  const commands: RoomCommand[] = [...points.map((delta, i): RoomCommand => ({ type: 'score:adjust', seatId: `s${i + 1}`, delta, reason: '成绩' })), { type: 'question:next' }, { type: 'question:next' }];
  for (const command of commands) {
    const result = h.room.submit(command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error}`);
  }
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

describe('[AW1][AW4] the prizes sheet', () => {
  it('[AW4] lists a tie waiting for the host, then the host\'s decisions', async () => {
    const h = await finished();
    let rows = cells((await workbook(h)).getWorksheet('获奖名单') as ExcelJS.Worksheet);
    expect(rows).toEqual([
      ['奖项', '席位', '名次', '加权总分', '主持人确定'],
      ['一等奖', '1号席', 1, 30, '否'],
      ['待主持人确定', '2号席', 2, 20, '否'],
      ['待主持人确定', '3号席', 2, 20, '否'],
    ]);
    for (const command of [{ type: 'awards:decide', seatId: 's3', tier: 1 }, { type: 'awards:decide', seatId: 's2', tier: null }] as RoomCommand[]) expect(h.room.submit(command).ok).toBe(true);
    rows = cells((await workbook(h)).getWorksheet('获奖名单') as ExcelJS.Worksheet);
    expect(rows.slice(1)).toEqual([
      ['一等奖', '1号席', 1, 30, '否'],
      ['二等奖', '3号席', 2, 20, '是'],
    ]);
  });

  it('[AW1] in English, as a CSV of its own; no sheet without prizes', async () => {
    const h = await finished();
    const english = cells((await workbook(h, '&lang=en')).getWorksheet('Prizes') as ExcelJS.Worksheet);
    expect(english[0]).toEqual(['Prize', 'Seat', 'Rank', expect.any(String), 'Decided by host']);
    const csv = await (await fetch(`${h.url}/api/contests/${h.contestId}/export/prizes.csv?key=${h.hostKey}`)).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    const plain = await finished(null);
    expect((await workbook(plain)).worksheets.map((s) => s.name)).not.toContain('获奖名单');
  });
});
