// 席位卡: a printable A4 page, one card per seat with its name, its own QR code (the per-seat
// join link) and its join code, so codes need not be projected at all. Codes are secrets: the
// page needs the contest's host key or the folder's organiser key.
import { Router, type Request } from 'express';
import QRCode from 'qrcode';
import { translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import type { Seat } from '../../shared/contest/types.js';
import type { Contests } from '../rooms/contests.js';
import { sameSecret } from '../setup/secrets.js';
import { formatJoinCode } from '../../shared/join-code.js';

export interface SeatCard {
  seat: Seat;
  joinCode: string;
  /** The per-seat link: opening it takes the seat at once. */
  joinLink: string;
  /** The QR code of `joinLink`, as inline SVG. */
  qrSvg: string;
}

/** The link on a seat's card: the contest's join page with the seat's code. */
export function seatJoinLink(joinUrl: string, joinCode: string): string {
  return `${joinUrl}&code=${encodeURIComponent(joinCode)}`;
}

/** Serves /cards/?c=…&key=… (and ?lang=en) for the host console and the organiser page. */
export function seatCardRoutes(contests: Contests): Router {
  const router = Router();
  // The print button's script, as a file: the Content-Security-Policy runs no inline script.
  router.get('/cards/print.js', (_req, res) => {
    res.type('text/javascript').send(PRINT_SCRIPT);
  });
  router.get('/cards/', async (req, res) => {
    const locale: Locale = req.query.lang === 'en' ? 'en' : 'zh';
    const room = contests.get(String(req.query.c ?? ''));
    if (!room || !authorised(req, room.hostKey, contests)) {
      return void res.status(401).type('html').send(refusalPage(locale));
    }
    const codes = room.facts().joinCodes;
    const cards = await Promise.all(
      room.state.definition.seats.map(async (seat): Promise<SeatCard> => {
        const joinCode = codes[seat.id] ?? '';
        const joinLink = seatJoinLink(contests.joinUrl(room.id), joinCode);
        const qrSvg = await QRCode.toString(joinLink, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
        return { seat, joinCode, joinLink, qrSvg };
      }),
    );
    // Secrets: never kept by a proxy or the browser's cache, never sent on as a referrer.
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    res.type('html').send(seatCardsPage(room.state.definition.title, cards, locale));
  });
  return router;
}

/** Whether the request carries the contest's host key or the folder's organiser key: cards are secrets. */
export function authorised(req: Request, hostKey: string, contests: Contests): boolean {
  const key = String(req.query.key ?? '');
  return key !== '' && (sameSecret(key, hostKey) || sameSecret(key, contests.organiserKey()));
}

export const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The whole page: a screen toolbar with a print button, then the cards, two by three per A4. */
export function seatCardsPage(title: string, cards: SeatCard[], locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => escape(translate(locale, key, params));
  const items = cards
    .map(
      (c) => `<article class="card" data-testid="seat-card" data-seat="${escape(c.seat.id)}">
  <p class="contest">${escape(title)}</p>
  <h2 data-testid="seat-card-name">${escape(c.seat.name)}</h2>
  ${c.seat.kind === 'team' ? `<p class="team">${t('cards.team', { phones: c.seat.phones })}</p>` : ''}
  <div class="qr" data-testid="seat-card-qr">${c.qrSvg}</div>
  <p class="scan">${t('cards.scan')}</p>
  <p class="code"><span>${t('cards.code')}</span><b data-testid="seat-card-code">${escape(formatJoinCode(c.joinCode))}</b></p>
</article>`,
    )
    .join('\n');
  return cardsPage(locale, { pageTitle: t('cards.pageTitle'), hint: t('cards.hint'), title, items });
}

/** The printable A4 page every set of cards shares: a screen toolbar with a print button, then
 * the cards (seat cards, judge cards). `pageTitle`, `hint` and `items` come escaped or translated. */
export function cardsPage(locale: Locale, page: { pageTitle: string; hint: string; title: string; items: string }): string {
  const heading = `${page.pageTitle} · ${escape(page.title)}`;
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${heading}</title>
<style>${CARD_STYLE}</style>
</head>
<body>
<header class="toolbar">
  <h1>${heading}</h1>
  <p>${page.hint}</p>
  <button type="button" data-testid="print-cards">${escape(translate(locale, 'cards.print'))}</button>
</header>
<main class="sheet">
${page.items}
</main>
<script src="/cards/print.js"></script>
</body>
</html>`;
}

export function refusalPage(locale: Locale): string {
  return `<!doctype html><html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escape(translate(locale, 'cards.pageTitle'))}</title></head>
<body style="font-family: sans-serif; padding: 3rem; font-size: 1.2rem"><p role="alert" data-testid="cards-refused">${escape(translate(locale, 'cards.missingKey'))}</p></body></html>`;
}

const PRINT_SCRIPT = `document.querySelector('[data-testid="print-cards"]').addEventListener('click', () => window.print());\n`;

/** The cards' print style, shared with the judge cards (judge-cards.ts). */
export const CARD_STYLE = `
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1d1a17; background: #eee; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 1rem 1.5rem; background: #a01419; color: #fff3d1; }
.toolbar h1 { margin: 0; font-size: 1.3rem; color: #ffd978; }
.toolbar p { margin: 0; flex: 1; min-width: 16rem; font-size: 0.95rem; }
.toolbar button { padding: 0.5rem 1.6rem; border: none; border-radius: 6px; background: #f2c14e; color: #1d1a17; font-size: 1.1rem; font-weight: 800; cursor: pointer; }
.sheet { display: grid; grid-template-columns: repeat(2, 90mm); justify-content: center; gap: 8mm; padding: 10mm 0; }
.card { width: 90mm; height: 86mm; padding: 5mm 6mm; background: #fff; border: 0.6mm dashed #a01419; border-radius: 3mm; display: flex; flex-direction: column; align-items: center; break-inside: avoid; page-break-inside: avoid; text-align: center; }
.contest { margin: 0; font-size: 9pt; color: #7d0f12; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
h2 { margin: 1mm 0 0; font-size: 17pt; line-height: 1.2; word-break: keep-all; overflow-wrap: anywhere; }
.team { margin: 0; font-size: 8.5pt; color: #555; }
.qr { width: 40mm; height: 40mm; margin: 2mm 0 1mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.scan { margin: 0; font-size: 8.5pt; color: #555; }
.code { margin: auto 0 0; display: flex; align-items: baseline; gap: 3mm; white-space: nowrap; }
.code span { font-size: 9pt; color: #555; }
.code b { font-family: 'DejaVu Sans Mono', 'Consolas', monospace; font-size: 22pt; letter-spacing: 0.12em; }
@media print {
  body { background: #fff; }
  .toolbar { display: none; }
  .sheet { padding: 0; gap: 6mm; }
}
`;
