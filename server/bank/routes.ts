// HTTP for the bank on the host console: template downloads, file import, and a summary.
// Import and summary need the contest's host key in the x-qiangda-key header.
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import { translate } from '../../shared/i18n/index.js';
import { sameSecret } from '../setup/secrets.js';
import { IMPORT_MODES, importQuestions } from './import.js';
import type { BankParser } from './parse-isolated.js';
import { MAX_FILE_BYTES } from './parse.js';
import type { BankStore } from './store.js';
import { templateCsv, templateXlsx } from './template.js';

/** What the routes need of the contests: a contest's host key, to check the header against,
 * and whether the organiser closed it (a closed contest's key no longer changes anything). */
export interface HostKeys {
  get(id: string): { hostKey: string; closedAt?: number | null } | null;
}

export interface BankRoutesOptions {
  bank: BankStore;
  contests: HostKeys;
  /** Reads uploads away from the show's thread: isolatedParser. */
  parse: BankParser;
}

export const HOST_KEY_HEADER = 'x-qiangda-key';
/** Room above the file cap for the request itself, so a file just over the cap gets our message. */
const BODY_LIMIT = MAX_FILE_BYTES + 64 * 1024;

const importQuery = z.object({
  c: z.string().min(1).max(64),
  mode: z.enum(IMPORT_MODES as ['check', 'all', 'valid-rows']).default('check'),
  name: z.string().min(1).max(255).default('upload'),
});

const TEMPLATE_NAME = encodeURIComponent('题库导入模板');

const tooBig = () => ({
  error: 'too-big',
  maxBytes: MAX_FILE_BYTES,
  zh: translate('zh', 'bank.error.too-big', { maxMb: MAX_FILE_BYTES / 1024 / 1024 }),
  en: translate('en', 'bank.error.too-big', { maxMb: MAX_FILE_BYTES / 1024 / 1024 }),
});

/** The bank's routes under /api/bank. */
export function bankRoutes({ bank, contests, parse }: BankRoutesOptions): Router {
  const router = Router();

  /** Refuses before the body is read unless the header holds contest `c`'s host key. */
  const hostOnly: RequestHandler = (req, res, next) => {
    const id = typeof req.query.c === 'string' ? req.query.c : '';
    const key = req.get(HOST_KEY_HEADER) ?? '';
    const hostKey = id ? contests.get(id)?.hostKey : undefined;
    if (!hostKey || !sameSecret(key, hostKey)) return void res.status(401).json({ error: 'not-authorised' });
    next();
  };

  router.get('/api/bank/template.xlsx', async (_req, res) => {
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', `attachment; filename="bank-template.xlsx"; filename*=UTF-8''${TEMPLATE_NAME}.xlsx`)
      .send(Buffer.from(await templateXlsx()));
  });

  router.get('/api/bank/template.csv', (_req, res) => {
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="bank-template.csv"; filename*=UTF-8''${TEMPLATE_NAME}.csv`)
      .send(Buffer.from(templateCsv()));
  });

  /** The bank is shared by every contest in the folder: an old contest's host key may read it, not change it. */
  const openContest: RequestHandler = (req, res, next) => {
    if (contests.get(String(req.query.c))?.closedAt != null) return void res.status(403).json({ error: 'contest-closed' });
    next();
  };

  router.post('/api/bank/import', hostOnly, openContest, express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
    const query = importQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'bad-request' });
    const body: unknown = req.body;
    const bytes = Buffer.isBuffer(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array();
    if (bytes.byteLength > MAX_FILE_BYTES) return void res.status(413).json(tooBig());
    const report = await importQuestions(bank, { name: query.data.name, bytes }, query.data.mode, parse);
    res.status(report.outcome === 'storage-failed' ? 500 : 200).json(report);
  });

  router.get('/api/bank/summary', hostOnly, (_req, res) => {
    res.json(bank.summary());
  });

  const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.too.large') return void res.status(413).json(tooBig());
    if (error.status && error.status >= 400 && error.status < 500) return void res.status(error.status).json({ error: 'bad-request' });
    next(error);
  };
  router.use(bodyErrors);

  return router;
}
