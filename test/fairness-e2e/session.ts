// One session of the end-to-end benchmark: a real server on the fake clock, a contest with a
// buzz-in round of many questions, phones joining through the latency proxy. After a lobby of
// ~20 s (clock sync, the server's pings) the host's link check is read, then the races run:
// next question, open the buzzers, phones press at true times the driver draws, wait for the
// decision, rule, next. Each race's truth and the server's press log are recorded together.
import { uniform, rngFrom, type Rng } from '../fairness/model.js';
import type { DecidedBy, Fairness } from '../../shared/contest/arbiter.js';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { BuzzRecord } from '../../shared/contest/types.js';
import type { BuzzInQuestionView, QuestionView } from '../../shared/contest/views.js';
import type { SeatLink } from '../../shared/protocol.js';
import { definition } from '../support/definitions.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type TestClient } from '../support/harness.js';
import { LatencyProxy, pumpFor, pumpUntil } from '../support/latency-proxy.js';
import { sessionLinks, type PhoneLink, type ProfileName } from './links.js';
import { BenchPhone, drawPhoneClock, type Cheat } from './phone.js';

export const LOBBY_MS = 20_000;
export const GAPS_MS = [10, 20, 50, 100];
/** When the first press comes after the buzzers open: a contestant's reaction. */
export const FIRST_PRESS_MS: [number, number] = [300, 1300];
/** Longer than any decision can take: a race not decided by then is recorded as stuck. */
export const STUCK_AFTER_MS = 5_000;

export interface SessionPlan {
  profile: ProfileName;
  phones: number;
  fairness: Fairness;
  /** `honest`, or the kind of the one cheating phone (drawn among the seats). */
  cheat: Cheat;
  races: number;
  /** The gaps the races cycle through; all of GAPS_MS if not given. */
  gaps?: number[];
  /** How long after the buzzers open the first press comes: 300-1300 ms if not given. */
  firstPressMs?: [number, number];
  seed: string;
}

/** What the link check said of a seat before the first question, and what the driver knows. */
export interface SeatCheck {
  seatId: string;
  impaired: boolean;
  warning: string | null;
}

export interface PressRecord {
  seatId: string;
  cheat: Cheat;
  plannedAt: number;
  trueAt: number;
  /** What the phone sent, in server time. */
  sentClaim: number | null;
  reacted: boolean;
  /** When the proxy handed the press to the server; the server's log should say the same. */
  deliveredAt: number | null;
  /** The server's log entry for it, if it made one. */
  logged: BuzzRecord | null;
}

export interface RaceRecord {
  /** The smaller gap the first two presses were drawn at: `gap..2*gap` apart. */
  gapMs: number;
  openedAt: number;
  presses: PressRecord[];
  trueFirst: string;
  /** True press time of the second press minus the first's. */
  trueLeadMs: number;
  winner: string | null;
  /** The winner by plain arrival order on the same race: the earliest `at` in the server's log. */
  arrivalWinner: string | null;
  /** From the first arrival to the decision (`wonAt`); null if never decided. */
  announceMs: number | null;
  stuck: boolean;
  /** Why the server gave the buzz where it did, and the lead it showed with its error. */
  decidedBy: DecidedBy | null;
  leadMs: number | null;
  leadErrorMs: number | null;
}

export interface SessionRecord {
  plan: SessionPlan;
  checks: SeatCheck[];
  races: RaceRecord[];
}

/** Runs one session from lobby to last race; everything is drawn from the plan's seed. */
export async function runSession(plan: SessionPlan): Promise<SessionRecord> {
  const linkRng = rngFrom(`${plan.seed}/links`);
  const raceRng = rngFrom(`${plan.seed}/races`);
  const clock = new FakeClock();
  const h = await startServer({ clock, definition: definition({ seats: plan.phones, questions: plan.races, rules: { fairness: plan.fairness } }) });
  const proxy = new LatencyProxy(clock, Number(new URL(h.url).port));
  const phones: { phone: BenchPhone; link: PhoneLink; seatId: string }[] = [];
  try {
    const proxyUrl = await proxy.listen();
    const host = await pumpUntil(clock, h.host());
    let links: Record<string, SeatLink> = {};
    host.socket.on('seat:links', (l) => (links = l));

    const drawn = sessionLinks(plan.profile, linkRng, plan.phones);
    const phoneLinks = Array.from({ length: plan.phones }, (_, i) => drawn.linkFor(i));
    // The cheater is on a sound link where there is one: an uneven uplink would hide its lie.
    const sound = phoneLinks.flatMap((l, i) => (l.impaired ? [] : [i]));
    const candidates = sound.length ? sound : phoneLinks.map((_, i) => i);
    const cheater = plan.cheat === 'honest' ? -1 : candidates[Math.floor(raceRng() * candidates.length)];
    for (let i = 0; i < plan.phones; i++) {
      const link = phoneLinks[i];
      proxy.next = link.model;
      const phone = new BenchPhone(proxyUrl, h.contestId, clock, drawPhoneClock(linkRng), i === cheater ? plan.cheat : 'honest');
      await pumpUntil(clock, new Promise((resolve) => phone.socket.once('connect', () => resolve(null))));
      const seatId = await pumpUntil(clock, phone.claim(h.joinCodes[`s${i + 1}`]));
      phones.push({ phone, link, seatId });
    }
    // The lobby: the pages sync their clocks and the server times its pings.
    await pumpFor(clock, LOBBY_MS);
    const checks = phones.map(({ seatId, link }) => ({ seatId, impaired: link.impaired, warning: links[seatId]?.warning ?? null }));

    await command(clock, host, { type: 'question:next' });
    const races: RaceRecord[] = [];
    const gaps = plan.gaps ?? GAPS_MS;
    for (let r = 0; r < plan.races; r++) races.push(await runRace(clock, host, phones, gaps[r % gaps.length], raceRng, plan.firstPressMs ?? FIRST_PRESS_MS));
    return { plan, checks, races };
  } finally {
    for (const { phone } of phones) phone.close();
    await proxy.close();
    await h.close();
  }
}

async function command(clock: FakeClock, host: TestClient, cmd: HostCommand): Promise<void> {
  const ack = await pumpUntil(clock, host.request('host:command', cmd));
  if (!('data' in ack)) throw new Error(`${cmd.type} refused: ${ack.error}`);
}

/** True press times: the first two `gap..2*gap` apart, the rest later; seats in a drawn order. */
function drawPresses(rng: Rng, openedAt: number, count: number, gapMs: number, firstPressMs: [number, number]): number[] {
  const first = openedAt + uniform(rng, ...firstPressMs);
  const times = [first, first + uniform(rng, gapMs, 2 * gapMs)];
  while (times.length < count) times.push(times[times.length - 1] + uniform(rng, gapMs, 300));
  for (let i = times.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [times[i], times[j]] = [times[j], times[i]];
  }
  return times.slice(0, count);
}

async function runRace(
  clock: FakeClock,
  host: TestClient,
  phones: { phone: BenchPhone; link: PhoneLink; seatId: string }[],
  gapMs: number,
  rng: Rng,
  firstPressMs: [number, number],
): Promise<RaceRecord> {
  await command(clock, host, { type: 'question:next' });
  const number = host.view?.question?.number ?? -1;
  // The host reads the question out before opening the buzzers.
  await pumpFor(clock, uniform(rng, 500, 2500));
  await command(clock, host, { type: 'buzzers:open' });
  const openedAt = clock.now();
  const times = drawPresses(rng, openedAt, phones.length, gapMs, firstPressMs);
  phones.forEach(({ phone }, i) => phone.arm(times[i]));

  const isThis = (q: QuestionView | null | undefined): q is BuzzInQuestionView => !!q && q.kind === 'buzz-in' && q.number === number;
  let stuck = false;
  let question: BuzzInQuestionView | null = null;
  try {
    const view = await pumpUntil(
      clock,
      host.until((v) => isThis(v.question) && v.question.phase === 'answering' && v.question.buzzes.length >= phones.length),
      STUCK_AFTER_MS + 3_000,
    );
    question = view.question as BuzzInQuestionView;
  } catch {
    stuck = true;
    const q = host.view?.question;
    question = isThis(q) ? q : null;
  }
  for (const { phone } of phones) phone.disarm();

  const log = question?.buzzes ?? [];
  const presses: PressRecord[] = phones.map(({ phone, link, seatId }) => {
    const press = phone.press;
    const delivery = press ? link.deliveries.find((d) => d.direction === 'up' && d.sentAt === press.trueAt) : undefined;
    return {
      seatId,
      cheat: phone.cheat,
      plannedAt: press?.plannedAt ?? NaN,
      trueAt: press?.trueAt ?? NaN,
      sentClaim: press?.claimedAt ?? null,
      reacted: press?.reacted ?? false,
      deliveredAt: delivery?.dueAt ?? null,
      logged: log.find((b) => b.seatId === seatId) ?? null,
    };
  });
  for (const { link } of phones) link.deliveries.length = 0;
  const byTruth = [...presses].sort((a, b) => a.trueAt - b.trueAt);
  const firstArrival = log.length ? log.reduce((a, b) => (b.at < a.at ? b : a)) : null;
  const winner = question?.winner ?? null;
  const record: RaceRecord = {
    gapMs,
    openedAt,
    presses,
    trueFirst: byTruth[0].seatId,
    trueLeadMs: byTruth[1].trueAt - byTruth[0].trueAt,
    winner,
    arrivalWinner: firstArrival?.seatId ?? null,
    announceMs: firstArrival && question?.wonAt != null ? question.wonAt - firstArrival.at : null,
    stuck: stuck || winner === null,
    decidedBy: question?.decidedBy ?? null,
    leadMs: question?.leadMs ?? null,
    leadErrorMs: question?.leadErrorMs ?? null,
  };
  if (question?.phase === 'answering') await command(clock, host, { type: 'answer:rule', verdict: 'right' });
  else if (question) await command(clock, host, { type: 'answer:reveal' });
  return record;
}
