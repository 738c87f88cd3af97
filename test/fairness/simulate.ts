// Buzz races through the modelled network, judged by three arbiters on the same presses:
// ours (press time within each phone's measured link, adaptive grace), plain arrival order,
// and a fixed one (5 clock samples at page load, press times trusted within 300 ms, a fixed
// 250 ms wait), like the best open buzzer we know.
import { DEFAULT_FAIRNESS, decisionTime, isFalseStart, judgePress, pickWinner, type Candidate, type Fairness } from '../../shared/contest/arbiter.js';
import { ClockSync } from '../../shared/fairness/clock-sync.js';
import { LinkMeter } from '../../shared/fairness/link-meter.js';
import { localTime, phoneClock, uniform, type Link, type PhoneClock, type Profile, type Rng } from './model.js';

export type ArbiterName = 'qiangda' | 'arrival' | 'fixed-window';
export const ARBITERS: ArbiterName[] = ['qiangda', 'arrival', 'fixed-window'];

export const FIXED_SAMPLES = 5;
export const FIXED_TRUST_MS = 300;
export const FIXED_WAIT_MS = 250;

/** When the buzzers open, in model time: after half a minute of the page being open. */
export const OPEN_AT = 30_000;
const PROBE_EVERY_MS = 1000;

interface Phone {
  link: Link;
  clock: PhoneClock;
  sync: ClockSync;
  meter: LinkMeter;
  /** Offset the fixed arbiter's phone computed once at page load. */
  fixedOffset: number;
}

export interface RaceResult {
  correct: boolean;
  /** From the first buzz arriving to the winner being announced. */
  announceDelayMs: number;
  /** A buzz pressed before the winner's arrived after the decision: the result could have flipped. */
  lateEarlierPress: boolean;
}

export interface Race {
  results: Record<ArbiterName, RaceResult>;
  /** Our arbiter: how much earlier a phone lying about its press time is judged than if honest. */
  forgeryGainMs: number;
  /** Our arbiter: honest presses made after opening, wrongly judged false starts. */
  falseStartsOnHonest: number;
  /** Our arbiter: presses made 50 ms or more before opening that were not judged false starts. */
  missedFalseStarts: number;
}

function setUpPhone(rng: Rng, profile: Profile): Phone {
  const link = profile.link(rng);
  const clock = phoneClock(rng);
  const sync = new ClockSync();
  const meter = new LinkMeter();
  // The fixed arbiter's phone: five probes as the page loads, averaged, never again.
  let sum = 0;
  for (let k = 0; k < FIXED_SAMPLES; k++) {
    const t = k * 200;
    const up = link.up(rng);
    const down = link.down(rng);
    const sent = localTime(clock, t);
    const back = localTime(clock, t + up + down);
    sum += t + up - (sent + (back - sent) / 2);
  }
  // Our phone re-syncs every second while the page is open; the server times its own pings.
  for (let t = 0; t < OPEN_AT; t += PROBE_EVERY_MS) {
    const up = link.up(rng);
    const down = link.down(rng);
    sync.add({ sentLocal: localTime(clock, t), receivedLocal: localTime(clock, t + up + down), serverAt: t + up });
    meter.add(link.down(rng) + link.up(rng));
  }
  return { link, clock, sync, meter, fixedOffset: sum / FIXED_SAMPLES };
}

interface Press {
  phone: number;
  trueAt: number;
  arrivalAt: number;
  /** Claimed press time in server time, as each kind of phone converts it. */
  claimedOurs: number;
  claimedFixed: number;
}

function press(rng: Rng, phones: Phone[], i: number, trueAt: number): Press {
  const p = phones[i];
  const local = localTime(p.clock, trueAt);
  return {
    phone: i,
    trueAt,
    arrivalAt: trueAt + p.link.up(rng),
    claimedOurs: p.sync.toServer(local) ?? trueAt,
    claimedFixed: local + p.fixedOffset,
  };
}

function evidence(phones: Phone[], i: number) {
  const bound = phones[i].meter.bound();
  return bound ? { oneWayMs: bound.oneWayMs, errorMs: bound.errorMs, syncErrorMs: bound.syncErrorMs } : null;
}

function judgeOurs(phones: Phone[], presses: Press[], fairness: Fairness): { winner: number; decideAt: number; firstArrival: number } {
  const byArrival = [...presses].sort((a, b) => a.arrivalAt - b.arrivalAt);
  const first = byArrival[0];
  const judged = (p: Press) => judgePress({ arrivalAt: p.arrivalAt, claimedAt: p.claimedOurs, link: evidence(phones, p.phone) }, fairness);
  const decideAt = decisionTime(first.arrivalAt, judged(first).at, phones.map((_, i) => evidence(phones, i)), fairness);
  const candidates: Candidate[] = byArrival.filter((p) => p.arrivalAt <= decideAt).map((p) => ({ seatId: String(p.phone), arrivalAt: p.arrivalAt, judged: judged(p) }));
  return { winner: Number(pickWinner(candidates, fairness)?.winner.seatId), decideAt, firstArrival: first.arrivalAt };
}

function judgeFixed(presses: Press[]): { winner: number; decideAt: number; firstArrival: number } {
  const firstArrival = Math.min(...presses.map((p) => p.arrivalAt));
  const decideAt = firstArrival + FIXED_WAIT_MS;
  const inTime = presses.filter((p) => p.arrivalAt <= decideAt);
  const at = (p: Press) => Math.min(p.arrivalAt, Math.max(p.arrivalAt - FIXED_TRUST_MS, p.claimedFixed));
  const winner = inTime.reduce((best, p) => (at(p) < at(best) ? p : best));
  return { winner: winner.phone, decideAt, firstArrival };
}

function result(presses: Press[], trueFirst: Press, decision: { winner: number; decideAt: number; firstArrival: number }): RaceResult {
  const winnerPress = presses.find((p) => p.phone === decision.winner) as Press;
  return {
    correct: decision.winner === trueFirst.phone,
    announceDelayMs: decision.decideAt - decision.firstArrival,
    lateEarlierPress: presses.some((p) => p.trueAt < winnerPress.trueAt && p.arrivalAt > decision.decideAt),
  };
}

/** One race: `phoneCount` phones, the two earliest presses at least `minGapMs` apart. */
export function runRace(rng: Rng, profile: Profile, minGapMs: number, phoneCount = 6, fairness: Fairness = DEFAULT_FAIRNESS): Race {
  const phones = Array.from({ length: phoneCount }, () => setUpPhone(rng, profile));
  // Everyone has seen the buzzers open and reacted; the first two are minGap..2*minGap apart.
  const order = phones.map((_, i) => i).sort(() => rng() - 0.5);
  const firstAt = OPEN_AT + uniform(rng, 400, 700);
  const secondAt = firstAt + uniform(rng, minGapMs, 2 * minGapMs);
  const times = order.map((_, k) => (k === 0 ? firstAt : k === 1 ? secondAt : secondAt + uniform(rng, 0, 400)));
  const presses = order.map((phone, k) => press(rng, phones, phone, times[k]));
  const trueFirst = presses[0];

  const results: Record<ArbiterName, RaceResult> = {
    qiangda: result(presses, trueFirst, judgeOurs(phones, presses, fairness)),
    arrival: result(presses, trueFirst, { ...judgeFixed(presses), winner: [...presses].sort((a, b) => a.arrivalAt - b.arrivalAt)[0].phone, decideAt: Math.min(...presses.map((p) => p.arrivalAt)) }),
    'fixed-window': result(presses, trueFirst, judgeFixed(presses)),
  };

  // A lying phone: the runner-up claims it pressed a whole second earlier than it did.
  const liar = presses[1];
  const link = evidence(phones, liar.phone);
  const honest = judgePress({ arrivalAt: liar.arrivalAt, claimedAt: liar.claimedOurs, link }, fairness);
  const forged = judgePress({ arrivalAt: liar.arrivalAt, claimedAt: liar.trueAt - 1000, link }, fairness);

  // False starts, judged on press time: one press just after opening, one well before.
  const justAfter = press(rng, phones, order[2], OPEN_AT + uniform(rng, 0, 30));
  const wellBefore = press(rng, phones, order[3], OPEN_AT - uniform(rng, 50, 300));
  const falseStart = (p: Press) =>
    p.arrivalAt < OPEN_AT || isFalseStart(judgePress({ arrivalAt: p.arrivalAt, claimedAt: p.claimedOurs, link: evidence(phones, p.phone) }, fairness), OPEN_AT, fairness);

  return {
    results,
    forgeryGainMs: honest.at - forged.at,
    falseStartsOnHonest: falseStart(justAfter) ? 1 : 0,
    missedFalseStarts: falseStart(wellBefore) ? 0 : 1,
  };
}

export interface Summary {
  races: number;
  accuracy: Record<ArbiterName, number>;
  announceDelays: Record<ArbiterName, number[]>;
  lateEarlierPresses: Record<ArbiterName, number>;
  maxForgeryGainMs: number;
  falseStartsOnHonest: number;
  missedFalseStarts: number;
}

export function runRaces(rng: Rng, profile: Profile, minGapMs: number, races: number, fairness: Fairness = DEFAULT_FAIRNESS): Summary {
  const correct = { qiangda: 0, arrival: 0, 'fixed-window': 0 };
  const late = { qiangda: 0, arrival: 0, 'fixed-window': 0 };
  const delays: Record<ArbiterName, number[]> = { qiangda: [], arrival: [], 'fixed-window': [] };
  let maxGain = -Infinity;
  let falseOnHonest = 0;
  let missed = 0;
  for (let r = 0; r < races; r++) {
    const race = runRace(rng, profile, minGapMs, 6, fairness);
    for (const a of ARBITERS) {
      if (race.results[a].correct) correct[a]++;
      if (race.results[a].lateEarlierPress) late[a]++;
      delays[a].push(race.results[a].announceDelayMs);
    }
    maxGain = Math.max(maxGain, race.forgeryGainMs);
    falseOnHonest += race.falseStartsOnHonest;
    missed += race.missedFalseStarts;
  }
  const accuracy = Object.fromEntries(ARBITERS.map((a) => [a, correct[a] / races])) as Record<ArbiterName, number>;
  return { races, accuracy, announceDelays: delays, lateEarlierPresses: late, maxForgeryGainMs: maxGain, falseStartsOnHonest: falseOnHonest, missedFalseStarts: missed };
}
