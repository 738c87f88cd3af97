// Plain HTTP routes beside the sockets: the join QR code and the contests on, for the landing page.
import { Router } from 'express';
import QRCode from 'qrcode';
import type { Contests } from '../rooms/contests.js';

export function httpRoutes(contests: Contests): Router {
  const router = Router();

  // Browsers ask every address for one; the pages declare none, so: nothing, without an error.
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });

  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  /** The contests phones can join now (neither closed nor finished), newest first: the landing
   * page offers them all when the folder has more than one on, rather than guessing which is in
   * this hall, with the day each was made and whether it has begun, to tell equal titles apart. */
  router.get('/api/contests/open', (_req, res) => {
    const open = contests.listOpen().flatMap((c) => {
      const stage = contests.get(c.id)?.state.stage;
      if (!stage || stage === 'finished') return [];
      return [{ id: c.id, title: c.title, createdAt: c.createdAt, status: stage === 'lobby' ? 'not-started' : 'running', joinUrl: contests.joinUrl(c.id) }];
    });
    res.json({ contests: open });
  });

  /** The QR code the screen projects: the join page of this contest, on the hall's address. */
  router.get('/api/contests/:id/join-qr.svg', async (req, res) => {
    const room = contests.get(req.params.id);
    if (!room) return void res.status(404).json({ error: 'unknown-contest' });
    const svg = await QRCode.toString(contests.joinUrl(room.id), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').send(svg);
  });

  return router;
}
