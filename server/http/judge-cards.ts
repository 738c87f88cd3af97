// 评委卡: a printable A4 page, one card per judge with the judge's name, its own QR code (the
// judge's link, which signs that judge in) and the judge code to type instead. Both are the
// judge's password: the page needs the contest's host key or the folder's organiser key.
import { Router } from 'express';
import QRCode from 'qrcode';
import { translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import type { Judge } from '../../shared/contest/judging-types.js';
import { formatJoinCode } from '../../shared/join-code.js';
import type { Contests } from '../rooms/contests.js';
import { authorised, cardsPage, escape, refusalPage } from './seat-cards.js';

export interface JudgeCard {
  judge: Judge;
  code: string;
  /** The judge's own link: opening it signs the judge in. */
  link: string;
  /** The QR code of `link`, as inline SVG. */
  qrSvg: string;
}

/** Serves /judge-cards/?c=…&key=… (and ?lang=en), linked from the host console. */
export function judgeCardRoutes(contests: Contests): Router {
  const router = Router();
  router.get('/judge-cards/', async (req, res) => {
    const locale: Locale = req.query.lang === 'en' ? 'en' : 'zh';
    const room = contests.get(String(req.query.c ?? ''));
    if (!room || !authorised(req, room.hostKey, contests)) {
      return void res.status(401).type('html').send(refusalPage(locale));
    }
    const panel = new Map((room.state.definition.judges ?? []).map((j) => [j.id, j]));
    const cards = await Promise.all(
      room.judgeSecrets().flatMap(({ secret }) => {
        const judge = panel.get(secret.judgeId);
        if (!judge) return [];
        const link = contests.judgeLink(room.id, secret.key);
        return [QRCode.toString(link, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }).then((qrSvg): JudgeCard => ({ judge, code: secret.code, link, qrSvg }))];
      }),
    );
    // Secrets: never kept by a proxy or the browser's cache, never sent on as a referrer.
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    res.type('html').send(judgeCardsPage(room.state.definition.title, cards, locale));
  });
  return router;
}

/** The whole page: a screen toolbar with a print button, then the cards, two by three per A4. */
export function judgeCardsPage(title: string, cards: JudgeCard[], locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => escape(translate(locale, key, params));
  const items = cards
    .map((c) => {
      const about = [c.judge.title, c.judge.unit].filter(Boolean).map((line) => escape(line as string)).join(' · ');
      return `<article class="card" data-testid="judge-card" data-judge="${escape(c.judge.id)}">
  <p class="contest">${escape(title)} · ${t('judgeCards.pageTitle')}</p>
  <h2 data-testid="judge-card-name">${escape(c.judge.name)}</h2>
  ${about ? `<p class="team">${about}</p>` : ''}
  <div class="qr" data-testid="judge-card-qr">${c.qrSvg}</div>
  <p class="scan">${t('judgeCards.scan')}</p>
  <p class="code"><span>${t('judgeCards.code')}</span><b data-testid="judge-card-code">${escape(formatJoinCode(c.code))}</b></p>
</article>`;
    })
    .join('\n');
  const none = `<p data-testid="judge-cards-none">${t('judgeCards.none')}</p>`;
  return cardsPage(locale, { pageTitle: t('judgeCards.pageTitle'), hint: t('judgeCards.hint'), title, items: items || none });
}
