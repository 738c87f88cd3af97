import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import { runSession } from './session.js';
const t = Date.now();
const rec = await runSession({ profile: (process.argv[2] ?? 'good-wifi') as never, phones: 2, fairness: DEFAULT_FAIRNESS, cheat: (process.argv[3] ?? 'honest') as never, races: Number(process.argv[4] ?? 20), seed: 'try' });
console.log('ms', Date.now() - t);
console.log(JSON.stringify(rec.checks));
for (const r of rec.races) console.log(r.gapMs, r.trueFirst, r.winner, r.arrivalWinner, r.announceMs?.toFixed(1), r.stuck, r.presses.map(p => `${p.seatId}/${p.cheat} true=${(p.trueAt - r.openedAt).toFixed(1)} claimErr=${p.sentClaim === null ? 'x' : (p.sentClaim - p.trueAt).toFixed(1)} deliv=${p.deliveredAt === null ? 'x' : (p.deliveredAt - p.trueAt).toFixed(1)} at=${p.logged ? (p.logged.at - p.trueAt).toFixed(1) : 'x'} judged=${p.logged ? (p.logged.judgedAt - p.trueAt).toFixed(1) : 'x'} ${p.logged?.decision}`).join(' | '));
process.exit(0);
