// Downloads of the show's record for the host console: the workbook, or one table as CSV.
// The host key may come as a query parameter, because a download link cannot set headers.
import { Router, type Request } from 'express';
import { translate, type Locale } from '../../shared/i18n/index.js';
import type { Contests } from '../rooms/contests.js';
import { TABLES, tables, toCsv, toXlsx, type TableName } from './exports.js';
import { recordOf } from './records.js';
import { sameSecret } from '../setup/secrets.js';
import type { Store, StoredContest } from '../storage/store.js';
import { fileTitle, showDate } from './file-names.js';

export function exportRoutes(contests: Contests, store: Store): Router {
  const router = Router();

  const authorised = (req: Request): string | null => {
    const id = String(req.params.id);
    const key = String(req.get('x-qiangda-key') ?? req.query.key ?? '');
    const room = contests.get(id);
    return room && key && sameSecret(key, room.hostKey) ? id : null;
  };
  const locale = (req: Request): Locale => (req.query.lang === 'en' ? 'en' : 'zh');
  // 党史知识竞赛决赛-2026-11-29-成绩.xlsx; express writes it both as an ASCII fallback and as
  // filename*=UTF-8''…, which every current browser reads.
  const fileName = (stored: StoredContest, part: string, ext: string) => `${fileTitle(stored.definition.title)}-${showDate(stored)}-${fileTitle(part)}.${ext}`;

  router.get('/api/contests/:id/export.xlsx', async (req, res) => {
    const id = authorised(req);
    const stored = id ? store.loadContest(id) : null;
    if (!stored) return void res.status(401).json({ error: 'not-authorised' });
    const workbook = await toXlsx(tables(recordOf(stored), { locale: locale(req) }));
    res.attachment(fileName(stored, translate(locale(req), 'export.fileResults'), 'xlsx')).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(workbook);
  });

  router.get('/api/contests/:id/export/:table.csv', (req, res) => {
    const id = authorised(req);
    const stored = id ? store.loadContest(id) : null;
    if (!stored) return void res.status(401).json({ error: 'not-authorised' });
    const name = String(req.params.table) as TableName;
    if (!TABLES.includes(name)) return void res.status(404).json({ error: 'unknown-table' });
    const table = tables(recordOf(stored), { locale: locale(req) }).find((t) => t.name === name);
    res.attachment(fileName(stored, translate(locale(req), `export.sheet.${name}`), 'csv')).type('text/csv; charset=utf-8').send(table ? toCsv(table) : '');
  });

  return router;
}
