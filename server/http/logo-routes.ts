// A contest's logo over HTTP: uploaded or removed from the host console (host key) or the
// organiser page (organiser key), both checked before any body is read; served to every page
// without a key, at an address that changes with the image, as an image only.
import express, { Router, type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { LOGO_MAX_BYTES, LogoError, logoUrl } from '../../shared/branding.js';
import { ORGANISER_KEY_HEADER } from '../../shared/organiser.js';
import { HOST_KEY_HEADER } from '../bank/routes.js';
import type { Contests } from '../rooms/contests.js';
import { toWire, type ChangeOutcome, type RunChange } from './contest-changes.js';
import { logoOf } from './logo.js';
import type { ContestRoom } from '../rooms/room.js';
import { sameSecret } from '../setup/secrets.js';
import type { Store } from '../storage/store.js';

const STATUS: Record<LogoError, number> = {
  'not-authorised': 401,
  'unknown-contest': 404,
  'contest-closed': 409,
  'storage-failed': 500,
  'internal-error': 503,
  'no-logo': 400,
  'logo-too-big': 413,
  'logo-not-image': 415,
};

const refuse = (res: Response, error: LogoError, status = STATUS[error]) => void res.status(status).json({ error, maxBytes: LOGO_MAX_BYTES });

/** A year: the address carries the logo's version, so a new logo is a new address. */
const FOREVER = 'public, max-age=31536000, immutable';

/** What a change that did not set the logo is refused with. */
const LOGO_REFUSAL: Record<Exclude<ChangeOutcome, 'logo-set'>, LogoError> = {
  moved: LogoError.Internal,
  'contest-closed': LogoError.ContestClosed,
  'already-closed': LogoError.ContestClosed,
  closed: LogoError.ContestClosed,
  unknown: LogoError.UnknownContest,
  'storage-failed': LogoError.StorageFailed,
};

/** GET, PUT and DELETE /api/contests/:id/logo. A new logo is set by the process that runs the
 * contest (`change`, contest-changes.ts), so every page's view carries its address. */
export function logoRoutes(contests: Contests, store: Store, change: RunChange): Router {
  const router = Router();

  /** The contest's host or the folder's organiser, on a contest still open. */
  const mayChange: RequestHandler = (req, res, next) => {
    const room = contests.get(String(req.params.id));
    if (!room) return refuse(res, LogoError.UnknownContest);
    const hostKey = req.get(HOST_KEY_HEADER) ?? '';
    const organiserKey = req.get(ORGANISER_KEY_HEADER) ?? '';
    const allowed = (hostKey && sameSecret(hostKey, room.hostKey)) || (organiserKey && sameSecret(organiserKey, contests.organiserKey()));
    if (!allowed) return refuse(res, LogoError.NotAuthorised);
    if (room.closedAt !== null) return refuse(res, LogoError.ContestClosed);
    res.locals.room = room;
    next();
  };

  router.get('/api/contests/:id/logo', (req, res) => {
    const logo = store.loadLogo(String(req.params.id));
    if (!logo) return refuse(res, LogoError.NoLogo, 404);
    // Only ever an image: never sniffed into something else, never a document that runs script.
    res.set({
      'Content-Type': logo.type,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': req.query.v === logo.version ? FOREVER : 'no-cache',
      ETag: `"${logo.version}"`,
    });
    if (req.fresh) return void res.status(304).end();
    res.end(logo.bytes);
  });

  router.put('/api/contests/:id/logo', mayChange, express.raw({ type: () => true, limit: LOGO_MAX_BYTES }), async (req, res) => {
    const body: unknown = req.body;
    const checked = logoOf(Buffer.isBuffer(body) ? body : Buffer.alloc(0));
    if (!checked.ok) return refuse(res, checked.error);
    const room = res.locals.room as ContestRoom;
    const outcome = await change(room.id, { type: 'logo', logo: toWire(checked.logo) });
    if (outcome !== 'logo-set') return refuse(res, outcome === null ? LogoError.Internal : LOGO_REFUSAL[outcome]);
    res.json({ logoUrl: logoUrl(room.id, checked.logo.version) });
  });

  router.delete('/api/contests/:id/logo', mayChange, async (_req, res) => {
    const room = res.locals.room as ContestRoom;
    const outcome = await change(room.id, { type: 'logo', logo: null });
    if (outcome !== 'logo-set') return refuse(res, outcome === null ? LogoError.Internal : LOGO_REFUSAL[outcome]);
    res.json({ logoUrl: null });
  });

  const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type === 'entity.too.large') return refuse(res, LogoError.TooBig);
    next(error);
  };
  router.use(bodyErrors);

  return router;
}
