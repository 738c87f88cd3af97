// The show's record as tables: results, per-round scores, every score change, the full buzz log
// and all-at-once answers; written as CSV (one table) or as one Excel workbook (a sheet each).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { flatRounds } from '../../shared/contest/rounds.js';
import { translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import type { ShowRecord } from './records.js';
import { resultsRows, tieRows } from './ranking-tables.js';

import { prizesTable } from './prizes-table.js';

export const TABLES = ['results', 'rounds', 'ledger', 'presses', 'answers', 'ties', 'judges', 'prizes'] as const;
export type TableName = (typeof TABLES)[number];

export interface Table {
  name: TableName;
  title: string;
  header: string[];
  rows: (string | number)[][];
  /** Lines under the table in the workbook, after a blank row; a CSV stays the bare table. */
  notes?: (string | number)[][];
}

export interface ExportOptions {
  locale: Locale;
  /** IANA time zone the times are written in; the hall's, by default the server's. */
  timeZone?: string;
}

/** A time as the organisers read it, to the millisecond, in the hall's time zone. */
export function formatTime(ms: number | null, timeZone?: string): string {
  if (ms === null) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}.${get('fractionalSecond')}`;
}

export function tables(record: ShowRecord, options: ExportOptions): Table[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(options.locale, key, params);
  const time = (ms: number | null) => formatTime(ms, options.timeZone);
  const { definition } = record.state;
  const seatName = (id: string) => definition.seats.find((s) => s.id === id)?.name ?? id;
  const rounds = flatRounds(definition);
  const roundName = (index: number | null) => {
    const place = index === null ? null : rounds[index];
    return place ? t('export.round', { stage: place.stage.name, n: place.roundInStage + 1, name: place.round.name }) : '';
  };
  // An adjustment's reason is its note; an undo names the question whose ruling it reversed.
  const reason = (e: ShowRecord['ledger'][number]) => (e.reason === 'adjust' ? '' : t(`ledger.${e.reason}` as MessageKey, { n: e.questionNumber ?? '' }));

  const results: Table = { name: 'results', title: t('export.sheet.results'), ...resultsRows(record, t) };
  const ties: Table = { name: 'ties', title: t('export.sheet.ties'), ...tieRows(record, t) };

  const perRound = new Map<string, number[]>(definition.seats.map((s) => [s.id, rounds.map(() => 0)]));
  for (const e of record.ledger) if (e.round !== null) (perRound.get(e.seatId) ?? [])[e.round] += e.delta;
  const roundsTable: Table = {
    name: 'rounds',
    title: t('export.sheet.rounds'),
    header: [t('export.col.seat'), ...rounds.map((_, i) => roundName(i))],
    rows: definition.seats.map((s) => [s.name, ...(perRound.get(s.id) ?? [])]),
  };

  // RK7: a contest with risk questions shows each ruling's stake in a column of its own.
  const staked = record.ledger.some((e) => e.stake !== undefined);
  const ledger: Table = {
    name: 'ledger',
    title: t('export.sheet.ledger'),
    header: [t('export.col.seq'), t('export.col.time'), t('export.col.seat'), t('export.col.delta'), t('export.col.reason'), t('export.col.round'), t('export.col.question'), t('export.col.note'), t('export.col.undone'), ...(staked ? [t('export.col.stake')] : [])],
    rows: record.ledger.map((e) => [e.seq, time(e.at), seatName(e.seatId), e.delta, reason(e), roundName(e.round), e.questionNumber ?? '', e.note ?? '', e.undone ? t('export.yes') : '', ...(staked ? [e.stake ?? ''] : [])]),
  };

  const presses: Table = {
    name: 'presses',
    title: t('export.sheet.presses'),
    header: [t('export.col.round'), t('export.col.question'), t('export.col.questionId'), t('export.question'), t('export.col.seat'), t('export.col.arrival'), t('export.col.claimed'), t('export.col.judged'), t('export.col.bound'), t('export.col.held'), t('export.col.decision'), t('export.col.decidedBy'), t('export.col.timestamp')],
    rows: record.presses.map((p) => [
      roundName(p.round),
      p.questionNumber,
      p.questionId,
      p.questionText,
      seatName(p.seatId),
      time(p.at),
      time(p.claimedAt),
      time(p.judgedAt),
      p.boundMs === null ? '' : Math.round(p.boundMs * 10) / 10,
      p.heldMs === undefined ? '' : Math.round(p.heldMs * 10) / 10,
      t(`decision.${p.decision}` as MessageKey),
      p.decidedBy === null ? '' : t(`export.decidedBy.${p.decidedBy}`),
      p.at,
    ]),
  };

  const answers: Table = {
    name: 'answers',
    title: t('export.sheet.answers'),
    header: [t('export.col.round'), t('export.col.question'), t('export.col.questionId'), t('export.question'), t('export.col.seat'), t('export.col.choice'), t('export.col.answeredAt'), t('export.col.grade'), t('export.col.points')],
    rows: record.answers.map((a) => [
      roundName(a.round),
      a.questionNumber,
      a.questionId,
      a.questionText,
      seatName(a.seatId),
      a.choice,
      time(a.answeredAt),
      a.result === 'late' ? t('export.late') : t(`grade.${a.result}` as MessageKey),
      a.points,
    ]),
  };
  // The judges' sheet only where there is a panel: other contests' workbooks stay as they were.
  const panel = definition.judges ?? [];
  // The prizes' sheet likewise only where the file gives prizes.
  const prizes = prizesTable(record, options.locale);
  const withPrizes = (list: Table[]) => (prizes ? [...list, prizes] : list);
  if (!panel.length) return withPrizes([results, ties, roundsTable, ledger, presses, answers]);
  const judgeName = (id: string) => panel.find((j) => j.id === id)?.name ?? id;
  const judgesTable: Table = {
    name: 'judges',
    title: t('export.sheet.judges'),
    header: [
      t('export.col.round'),
      t('export.col.turn'),
      t('export.col.seat'),
      t('export.col.judge'),
      t('export.col.score'),
      t('export.col.parts'),
      t('export.col.scoredAt'),
      t('export.col.changes'),
      t('export.col.byHost'),
      t('export.col.excluded'),
      t('export.col.dropped'),
      t('export.col.aggregate'),
      t('export.col.overtime'),
      t('export.col.deduction'),
      t('export.col.result'),
    ],
    rows: record.judged.map((r) => [
      roundName(r.round),
      r.turn,
      seatName(r.seatId),
      judgeName(r.judgeId),
      r.score?.value ?? (r.excluded === null ? t('export.notScored') : ''),
      r.score?.parts?.join(' / ') ?? '',
      time(r.score?.at ?? null),
      r.score ? r.score.changes : '',
      r.score?.byHost ? t('export.yes') : '',
      r.excluded ?? '',
      r.dropped ? t('export.dropped') : '',
      r.result?.aggregate ?? '',
      r.result ? Math.round(r.result.overtimeMs / 100) / 10 : '',
      r.result?.deduction ?? '',
      r.result?.points ?? '',
    ]),
  };
  return withPrizes([results, ties, roundsTable, ledger, presses, answers, judgesTable]);
}

/** A text cell a spreadsheet would run as a formula (`=HYPERLINK(…)` in a reason or a seat's
 * name), made plain text with a leading apostrophe as OWASP recommends; numbers, negative ones
 * too, stay numbers. */
export function neutraliseFormula<T extends string | number>(cell: T): T | string {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const safeRows = (table: Table) => [table.header, ...table.rows].map((row) => row.map(neutraliseFormula));

/** One table as CSV, with a BOM so Excel on Chinese Windows opens it as UTF-8. */
export function toCsv(table: Table): string {
  return `\uFEFF${Papa.unparse(safeRows(table))}\r\n`;
}

/** Every table as a sheet of one workbook. */
export async function toXlsx(all: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const table of all) {
    const sheet = workbook.addWorksheet(table.title);
    const [header, ...rows] = safeRows(table);
    sheet.addRow(header).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    if (table.notes?.length) sheet.addRows([[], ...table.notes.map((row) => row.map(neutraliseFormula))]);
    sheet.columns.forEach((column) => (column.width = 16));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
