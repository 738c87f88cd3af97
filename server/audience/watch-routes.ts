// The audience page's address and its QR code, for the screen's lobby and the host console.
import { Router } from 'express';
import QRCode from 'qrcode';
import type { Contests } from '../rooms/contests.js';

/** The audience page (/watch/) of a contest, on the public address. */
export function watchUrl(publicUrl: string, contestId: string): string {
  return `${publicUrl}/watch/?c=${encodeURIComponent(contestId)}`;
}

/** GET /api/contests/:id/watch-qr.svg: the QR code of the audience page. */
export function watchRoutes(contests: Contests, publicUrl: string): Router {
  const router = Router();
  router.get('/api/contests/:id/watch-qr.svg', async (req, res) => {
    const room = contests.get(req.params.id);
    if (!room) return void res.status(404).json({ error: 'unknown-contest' });
    const svg = await QRCode.toString(watchUrl(publicUrl, room.id), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').send(svg);
  });
  return router;
}
