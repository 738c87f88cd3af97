// The organiser's routes (赛事管理): every contest in the data folder, listed, created, closed,
// archived and restored. All need the folder's organiser key, checked in constant time before
// any body is read; every refusal is an error code, and a refused request changes nothing.
import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import {
  ORGANISER_KEY_HEADER,
  OrganiserError,
  createContestSchema,
  type ContestCreated,
  type ContestListing,
  type ContestRestored,
  type OrganiserRefusal,
} from '../../shared/organiser.js';
import { MAX_ARCHIVE_BYTES, archiveFileName, archiveOf, restoreArchive } from '../storage/archive.js';
import type { Clock } from '../clock.js';
import type { Contests } from '../rooms/contests.js';
import { readContestFile } from '../setup/demo.js';
import { sameSecret } from '../setup/secrets.js';
import { StorageHealth } from '../storage/storage-health.js';
import { terminalLocale } from '../setup/terminal-locale.js';
import { translate } from '../../shared/i18n/index.js';
import type { Store } from '../storage/store.js';
import type { RunChange } from './contest-changes.js';

export interface OrganiserRoutesOptions {
  contests: Contests;
  store: Store;
  clock: Clock;
  /** Runs a close where the contest's engine runs (contest-changes.ts): here, or with --redis
   * on the contest's owner. */
  change: RunChange;
  /** The contest file "from the template" creates: the bundled demo unless told otherwise. */
  template?: () => unknown;
  log?: (message: string) => void;
}

/** A contest file is small; this leaves room for a big seat list. */
const CONTEST_FILE_LIMIT = 1024 * 1024;
const STATUS: Record<OrganiserError, number> = {
  'not-authorised': 401,
  'unknown-contest': 404,
  'contest-closed': 409,
  'contest-exists': 409,
  'bad-request': 400,
  'bad-definition': 400,
  'too-big': 413,
  'storage-failed': 500,
  'internal-error': 503,
  'archive-unreadable': 400,
  'archive-format': 400,
  'archive-version': 400,
  'archive-checksum': 400,
  'archive-invalid': 400,
  'archive-replay': 400,
};

const refuse = (res: Response, error: OrganiserError, extra: Omit<OrganiserRefusal, 'error'> = {}) =>
  void res.status(STATUS[error]).json({ error, ...extra } satisfies OrganiserRefusal);

export function organiserRoutes({ contests, store, clock, change, template = () => readContestFile(), log }: OrganiserRoutesOptions): Router {
  const router = Router();
  /** Runs one of the organiser's writes; a failure is printed for the organiser, as a room's is. */
  const kept = (contestId: string, what: string, write: () => void) => new StorageHealth(contestId, clock, log).write(what, write);

  const organiserOnly: RequestHandler = (req, res, next) => {
    // The query form is for downloads: a link cannot carry a header.
    const key = req.get(ORGANISER_KEY_HEADER) ?? (typeof req.query.key === 'string' ? req.query.key : '');
    if (!key || !sameSecret(key, contests.organiserKey())) return refuse(res, OrganiserError.NotAuthorised);
    next();
  };

  const stored = (req: Request) => store.loadContest(String(req.params.id));

  router.get('/api/contests', organiserOnly, (_req, res) => {
    res.json({ contests: contests.list() satisfies ContestListing[] });
  });

  router.post('/api/contests', organiserOnly, express.json({ limit: CONTEST_FILE_LIMIT }), (req, res) => {
    const body = createContestSchema.safeParse(req.body);
    if (!body.success) return refuse(res, OrganiserError.BadRequest);
    const file = body.data;
    let created: ReturnType<Contests['createFromFile']> | undefined;
    // Written before it is answered: a full or read-only disk is a code, not a server error page.
    const write = () => void (created = contests.createFromFile('template' in file ? template() : file.file));
    if (!kept(translate(terminalLocale(), 'terminal.newContest'), 'new contest', write) || !created) return refuse(res, OrganiserError.StorageFailed);
    if (!created.ok) return refuse(res, OrganiserError.BadDefinition, { issues: created.issues });
    const title = contests.get(created.id)?.state.definition.title ?? '';
    res.status(201).json({ id: created.id, title } satisfies ContestCreated);
  });

  router.post('/api/contests/restore', organiserOnly, express.raw({ type: () => true, limit: MAX_ARCHIVE_BYTES }), (req, res) => {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.byteLength === 0) return refuse(res, OrganiserError.ArchiveUnreadable);
    const restored = restoreArchive(store, body);
    if (!restored.ok) return refuse(res, restored.error, restored.refused && { refused: restored.refused });
    res.status(201).json({ id: restored.id, title: restored.title, closed: restored.closed } satisfies ContestRestored);
  });

  // Closed by the process that runs the contest: its room then refuses every command.
  router.post('/api/contests/:id/close', organiserOnly, async (req, res) => {
    const id = String(req.params.id);
    const outcome = await change(id, { type: 'close' });
    if (outcome === null || outcome === 'moved') return refuse(res, OrganiserError.Internal);
    if (outcome === 'unknown') return refuse(res, OrganiserError.UnknownContest);
    if (outcome !== 'closed') return refuse(res, outcome === 'storage-failed' ? OrganiserError.StorageFailed : OrganiserError.ContestClosed);
    // From the file: with --redis this process's copy of the room may not be the one closed.
    res.json({ closedAt: store.listContests().find((c) => c.id === id)?.closedAt ?? null });
  });

  router.get('/api/contests/:id/archive', organiserOnly, (req, res) => {
    const contest = stored(req);
    if (!contest) return refuse(res, OrganiserError.UnknownContest);
    res.attachment(archiveFileName(contest)).type('application/gzip').send(archiveOf(contest, clock.now()));
  });

  const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.too.large') return refuse(res, OrganiserError.TooBig);
    if (error.status && error.status >= 400 && error.status < 500) return refuse(res, OrganiserError.BadRequest);
    next(error);
  };
  router.use(bodyErrors);

  return router;
}
