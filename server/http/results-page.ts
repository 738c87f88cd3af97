// 获奖名单: the final results as organisers file them, one A4 page from the browser's print. The
// tiers from first to lowest, each seat's place, name, points per stage (normalised, weighted) and
// total, which tie-break set it apart or that it is still level, prizes the host decided; then the
// signature lines (计分员、监督员、each judge of the panel) and the date. It names every prize
// before the ceremony reveals it, so it needs the host key or the organiser key, as the cards do.
import { Router } from 'express';
import { contestPrizes, rankingOrder, type SeatPrize } from '../../shared/contest/awards.js';
import { tieBreakWords } from '../../shared/contest/ranking-words.js';
import { rankingRulesOf, standings, type Standing } from '../../shared/contest/standings.js';
import type { ContestState } from '../../shared/contest/types.js';
import { brandingView, type BrandingView } from '../../shared/branding.js';
import { translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import type { Contests } from '../rooms/contests.js';
import { authorised, escape, refusalPage } from './seat-cards.js';

/** Serves /results/?c=…&key=… (and ?lang=en), linked from the host console's 颁奖 panel. */
export function resultsRoutes(contests: Contests): Router {
  const router = Router();
  // The print button's script, as a file: the Content-Security-Policy runs no inline script.
  router.get('/results/print.js', (_req, res) => {
    res.type('text/javascript').send(PRINT_SCRIPT);
  });
  router.get('/results/', (req, res) => {
    const locale: Locale = req.query.lang === 'en' ? 'en' : 'zh';
    const room = contests.get(String(req.query.c ?? ''));
    if (!room || !authorised(req, room.hostKey, contests)) {
      return void res.status(401).type('html').send(refusalPage(locale));
    }
    // Not for a proxy or the browser's cache: the page changes with every correction, and
    // before the ceremony it is a secret.
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    res.type('html').send(resultsPage(room.state, brandingView(room.state.definition.branding, room.facts().logoUrl ?? null), locale));
  });
  return router;
}

/** One block of the list: a prize tier (or the seats with none) and its seats in ranking order. */
interface Block {
  name: string;
  rows: { standing: Standing; prize: SeatPrize | null }[];
}

/** The tiers from first to lowest, then the seats without a prize. */
function blocksOf(state: ContestState, rows: readonly Standing[], locale: Locale): Block[] {
  const list = contestPrizes(state, rows);
  const ordered = rankingOrder(rows);
  const prizeOf = new Map((list?.prizes ?? []).map((p) => [p.seatId, p]));
  const tiers = state.definition.awards?.tiers ?? [];
  const blocks: Block[] = tiers.map((tier, i) => ({ name: tier.name, rows: ordered.filter((s) => prizeOf.get(s.seatId)?.tier === i).map((standing) => ({ standing, prize: prizeOf.get(standing.seatId) ?? null })) }));
  const others = ordered.filter((s) => (prizeOf.get(s.seatId)?.tier ?? null) === null);
  if (others.length) blocks.push({ name: tiers.length ? translate(locale, 'awards.print.others') : '', rows: others.map((standing) => ({ standing, prize: prizeOf.get(standing.seatId) ?? null })) });
  return blocks;
}

/** The note beside a seat: set apart by a tie-break, still level, its prize decided by the host. */
function noteOf(state: ContestState, standing: Standing, prize: SeatPrize | null, shared: ReadonlySet<number>, locale: Locale): string {
  const notes: string[] = [];
  if (standing.tied || shared.has(standing.rank)) notes.push(translate(locale, 'awards.print.stillTied'));
  else if (standing.decidedBy) {
    const rule = tieBreakWords(standing.decidedBy, state.definition.stages);
    notes.push(translate(locale, 'awards.print.decidedBy', { rule: translate(locale, rule.key, rule.params) }));
  }
  if (prize?.byHost) notes.push(translate(locale, 'awards.byHost'));
  return notes.join('；');
}

const number = (n: number) => String(Math.round(n * 10_000) / 10_000);
/** Normalised, weighted and total scores with the contest's decimals (R3), as the screen shows them. */
const fixed = (n: number, decimals: number) => n.toFixed(decimals);

/** The whole page: a screen toolbar with a print button, then the A4 sheet. */
export function resultsPage(state: ContestState, branding: BrandingView, locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => escape(translate(locale, key, params));
  const { definition } = state;
  const rows = standings(state);
  const { decimals } = rankingRulesOf(definition);
  // A normalised figure only for stages that normalise; elsewhere it would repeat the points.
  const stages = definition.stages.map((stage) => ({ name: stage.name, weight: stage.weight, normalises: (stage.normalise ?? 'none') !== 'none' }));
  const figures = (s: (typeof stages)[number]) => (s.normalises ? 3 : 2);
  const stageHead = stages.map((s) => `<th colspan="${figures(s)}" class="stage">${escape(s.name)}<small>${t('awards.print.weight', { w: number(s.weight) })}</small></th>`).join('');
  const subHead = stages.map((s) => `<th>${t('awards.raw')}</th>${s.normalises ? `<th>${t('awards.normalised')}</th>` : ''}<th>${t('awards.weighted')}</th>`).join('');
  const columns = 4 + stages.reduce((sum, s) => sum + figures(s), 0);
  // Ranks two seats hold: level after every tie-break, whatever the standing's own flag says.
  const shared = new Set(rows.filter((row, i) => rows.some((other, j) => j !== i && other.rank === row.rank)).map((row) => row.rank));
  const seatName = (id: string) => definition.seats.find((seat) => seat.id === id)?.name ?? id;
  const body = blocksOf(state, rows, locale)
    .map((block) => {
      const heading = block.name ? `<tr class="tier"><th colspan="${columns}" data-testid="results-tier">${escape(block.name)}</th></tr>` : '';
      const lines = block.rows
        .map(({ standing, prize }) => {
          const cells = standing.stages
            .map((score, i) => `<td>${number(score.raw)}</td>${stages[i]?.normalises ? `<td>${fixed(score.normalised, decimals)}</td>` : ''}<td>${fixed(score.weighted, decimals)}</td>`)
            .join('');
          return `<tr data-testid="results-row" data-seat="${escape(standing.seatId)}"><td class="rank">${standing.rank}</td><td class="seat">${escape(seatName(standing.seatId))}</td>${cells}<td class="total">${fixed(standing.weighted, decimals)}</td><td class="note">${escape(noteOf(state, standing, prize, shared, locale))}</td></tr>`;
        })
        .join('\n');
      return `<tbody>${heading}\n${lines}</tbody>`;
    })
    .join('\n');
  const judges = (definition.judges ?? []).map((judge) => `<p class="sign judge" data-testid="results-judge-line"><span>${t('awards.print.judge')}</span><i></i><small>${escape(judge.name)}</small></p>`).join('\n');
  const brandLines = [branding.organiser && t('branding.organiser', { name: branding.organiser }), branding.coOrganiser && t('branding.coOrganiser', { name: branding.coOrganiser })].filter(Boolean).join('　');
  const heading = `${t('awards.print.title')} · ${escape(definition.title)}`;
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${heading}</title>
<style>${RESULTS_STYLE}</style>
</head>
<body>
<header class="toolbar">
  <h1>${heading}</h1>
  <button type="button" data-testid="print-results">${t('awards.print.button')}</button>
</header>
<main class="sheet" data-testid="results-sheet">
  <header class="letterhead">
    ${branding.logoUrl ? `<img src="${escape(branding.logoUrl)}" alt="${t('branding.logoAlt')}" data-testid="results-logo">` : ''}
    <div>
      <h2 data-testid="results-title">${escape(definition.title)}</h2>
      ${branding.subtitle ? `<p class="subtitle">${escape(branding.subtitle)}</p>` : ''}
      ${brandLines ? `<p class="brand">${brandLines}</p>` : ''}
    </div>
  </header>
  <h3>${t('awards.print.title')}</h3>
  ${state.stage === 'finished' ? '' : `<p class="warning" data-testid="results-unfinished">${t('awards.print.notFinished')}</p>`}
  <table>
    <thead>
      <tr><th rowspan="2" class="rank">${t('awards.print.rank')}</th><th rowspan="2" class="seat">${t('awards.print.seat')}</th>${stageHead}<th rowspan="2" class="total">${t('awards.print.total')}</th><th rowspan="2" class="note">${t('awards.print.note')}</th></tr>
      <tr class="figures">${subHead}</tr>
    </thead>
    ${body}
  </table>
  <section class="signatures" data-testid="results-signatures">
    <p class="sign"><span>${t('awards.print.scorer')}</span><i></i></p>
    <p class="sign"><span>${t('awards.print.supervisor')}</span><i></i></p>
    ${judges || `<p class="sign judge"><span>${t('awards.print.judge')}</span><i></i></p>`}
    <p class="sign date"><span>${t('awards.print.date')}</span><i></i></p>
  </section>
</main>
<script src="/results/print.js"></script>
</body>
</html>`;
}

const PRINT_SCRIPT = `document.querySelector('[data-testid="print-results"]').addEventListener('click', () => window.print());\n`;

const RESULTS_STYLE = `
@page { size: A4; margin: 12mm 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1d1a17; background: #eee; }
.toolbar { display: flex; align-items: center; gap: 1.5rem; padding: 1rem 1.5rem; background: #a01419; color: #fff3d1; }
.toolbar h1 { margin: 0; flex: 1; font-size: 1.3rem; color: #ffd978; }
.toolbar button { padding: 0.5rem 1.6rem; border: none; border-radius: 6px; background: #f2c14e; color: #1d1a17; font-size: 1.1rem; font-weight: 800; cursor: pointer; }
.sheet { width: 190mm; margin: 8mm auto; padding: 8mm; background: #fff; }
.letterhead { display: flex; align-items: center; justify-content: center; gap: 5mm; text-align: center; }
.letterhead img { height: 16mm; width: auto; }
h2 { margin: 0; font-size: 16pt; line-height: 1.3; }
.subtitle, .brand { margin: 1mm 0 0; font-size: 9.5pt; color: #444; }
h3 { margin: 4mm 0 3mm; text-align: center; font-size: 14pt; letter-spacing: 0.4em; }
.warning { margin: 0 0 3mm; padding: 1.5mm 3mm; border: 0.3mm solid #a01419; color: #a01419; font-size: 9pt; text-align: center; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; }
th, td { border: 0.25mm solid #555; padding: 1mm 1.2mm; text-align: center; vertical-align: middle; overflow-wrap: anywhere; }
thead th { background: #f4ede0; font-weight: 700; }
th.stage small { display: block; font-weight: 400; font-size: 7.5pt; color: #555; }
.figures th { font-weight: 400; font-size: 7.5pt; }
th.rank, td.rank { width: 9mm; }
th.seat { width: 44mm; }
td.seat { text-align: left; font-weight: 700; }
th.total, td.total { width: 14mm; }
td.total { font-weight: 800; }
th.note { width: 26mm; }
td.note { font-size: 7.5pt; text-align: left; }
tr.tier th { background: #a01419; color: #fff; text-align: left; font-size: 10pt; letter-spacing: 0.2em; }
tbody { break-inside: avoid; page-break-inside: avoid; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 7mm 10mm; margin-top: 10mm; break-inside: avoid; page-break-inside: avoid; }
.sign { margin: 0; display: flex; align-items: flex-end; gap: 2mm; font-size: 10pt; }
.sign span { white-space: nowrap; }
.sign i { flex: 1; border-bottom: 0.3mm solid #1d1a17; height: 6mm; }
.sign small { white-space: nowrap; font-size: 8pt; color: #555; }
@media print {
  body { background: #fff; }
  .toolbar { display: none; }
  .sheet { width: auto; margin: 0; padding: 0; }
}
`;
