// A contest in each of the states its pages show, and every page that could be looking at it:
// the input of the recorded per-role views (test/fixtures/role-views.json). No test-runner
// imports, so the recording script can run it with tsx.
import { DEFAULT_FAIRNESS, type LinkEvidence } from '../../shared/contest/arbiter.js';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { JudgeId } from '../../shared/contest/judging-types.js';
import type { ContestDefinition, ContestState, SeatId } from '../../shared/contest/types.js';
import type { Role, RoomFacts } from '../../shared/contest/views.js';
import { allAtOnceRound, buzzRound, choice, inTurnRound, judgedRound, judges, seats, T0, trueFalse } from './definitions.js';

/** One page looking at one contest state. */
export interface RoleViewCase {
  name: string;
  role: Role;
  me: SeatId | null;
  /** The judge whose page it is (role judge). */
  judgeId: JudgeId | null;
  state: ContestState;
  facts: RoomFacts;
}

const SEAT_IDS = ['s1', 's2', 's3', 's4'];
const near: LinkEvidence = { oneWayMs: 5, errorMs: 1, syncErrorMs: 3 };
const far: LinkEvidence = { oneWayMs: 80, errorMs: 1, syncErrorMs: 40 };
const armed = { s1: near, s2: far, s3: near, s4: near };

function contest(): ContestDefinition {
  const hall = seats(4).map((seat) => (seat.id === 's4' ? { ...seat, kind: 'team' as const, name: '第四代表队', phones: 3 } : seat));
  return {
    title: '测试竞赛',
    seed: 'roles',
    seats: hall,
    stages: [
      { id: 'knowledge', name: '比知识', weight: 0.6, rounds: [inTurnRound(['s2', 's1'], 1, { wrongPoints: -5 })] },
      {
        id: 'final',
        name: '决赛',
        weight: 0.4,
        rounds: [
          { ...allAtOnceRound([choice(1, 'B'), trueFalse(2, true)]), partialCredit: true },
          buzzRound(2, { fairness: { ...DEFAULT_FAIRNESS } }),
        ],
      },
    ],
  };
}

/** The judged stages (悟思想 with preparation, 述行动 on the seats' own titles), on a panel of five. */
function judgedContest(): ContestDefinition {
  const hall = seats(4).map((seat) => ({ ...seat, topic: `${seat.name}的支部工作` }));
  return {
    title: '测试决赛',
    seed: 'roles-judged',
    seats: hall,
    judges: [...judges(4), { id: 'j5', name: '评委5', title: '党校教授', unit: '市委党校' }],
    stages: [
      { id: 'think', name: '悟思想', weight: 0.15, rounds: [judgedRound(['s3', 's1'], { prompt: 'question', prepareMs: 30_000 })] },
      { id: 'act', name: '述行动', weight: 0.7, rounds: [judgedRound(['s2', 's4'], { overtime: { perMs: 30_000, points: 1 } })] },
    ],
  };
}

/** Everything the room may know, so that every fact a view could pass on is there to be passed on. */
const facts: RoomFacts = {
  connected: new Map([['s1', 1], ['s4', 2]]),
  claimed: new Map([['s1', 1], ['s2', 1], ['s4', 2]]),
  joinUrl: 'http://hall/contestant/?c=roles',
  joinCodes: { s1: '1111111111', s2: '2222222222', s3: '3333333333', s4: '4444444444' },
  started: true,
  storage: { kind: 'disk-full', since: T0 - 100 },
  closed: false,
  logoUrl: '/logo/roles.png',
  privateCodes: new Set(['s3']),
  joinRequests: [{ id: 'req-1', seatId: 's4', at: T0 - 50 }],
  phones: { s1: [{ id: 'p1', joinedAt: T0 - 9000, connected: true }], s4: [{ id: 'p4a', joinedAt: null, connected: true }, { id: 'p4b', joinedAt: T0 - 8000, connected: true }] },
  answerGaps: { s3: { ms: 1500, since: T0 + 500 } },
  claimAlarm: { failures: 12, windowMs: 60_000, throttledUntil: T0 + 30_000 },
};

const at = (ms: number) => T0 + ms;

function play(state: ContestState, commands: Command[]): ContestState {
  for (const command of commands) {
    const result = apply(state, command);
    if (!result.ok) throw new Error(`${command.type} at ${command.at} refused: ${result.error}`);
    state = result.state;
  }
  return state;
}

const next = (ms: number): Command => ({ type: 'question:next', at: at(ms) });
const press = (seatId: SeatId, arrival: number, claimed: number): Command => ({ type: 'buzz:press', seatId, at: at(arrival), claimedAt: at(claimed), link: armed[seatId as keyof typeof armed], armed });

/** The contest states the pages show, by name, in the order a show reaches them. */
export function contestStates(): [string, ContestState][] {
  const lobby = initialState(contest());
  const lockedLobby = play(lobby, [
    { type: 'seats:lock', locked: true, at: at(-900) },
    { type: 'seat:admit', seatId: 's2', at: at(-800) },
  ]);
  const turnReading = play(lobby, [next(0), next(1000)]);
  const turnAnswering = play(turnReading, [{ type: 'turn:start', at: at(2000) }]);
  const turnRuled = play(turnAnswering, [{ type: 'answer:rule', verdict: 'wrong', at: at(3000) }]);
  const allReading = play(turnRuled, [next(4000), { type: 'turn:skip', at: at(4500) }, next(5000), next(6000)]);
  const allAnswering = play(allReading, [
    { type: 'answers:open', at: at(10_000) },
    { type: 'answer:submit', seatId: 's1', choice: [1], at: at(11_000) },
    { type: 'answer:submit', seatId: 's4', choice: [0], at: at(12_000), phone: 'p4a' },
    { type: 'answers:extend-seat', seatId: 's2', ms: 10_000, at: at(13_000) },
    { type: 'answer:submit', seatId: 's3', choice: [2], at: at(30_500) },
  ]);
  const allRevealed = play(allAnswering, [
    { type: 'answer:submit', seatId: 's2', choice: [1], at: at(35_000) },
    { type: 'clock:tick', at: at(40_000) },
  ]);
  const buzzOpen = play(allRevealed, [
    next(41_000),
    { type: 'answers:open', at: at(41_500) },
    { type: 'clock:tick', at: at(42_000 + 20_000) },
    next(62_500),
    next(63_000),
    { type: 'buzzers:open', at: at(65_000) },
  ]);
  const buzzPending = play(buzzOpen, [press('s3', 66_005, 66_000)]);
  const buzzAnswering = play(buzzPending, [{ type: 'clock:tick', at: at(66_000 + DEFAULT_FAIRNESS.maxCreditMs) }]);
  const paused = play(buzzAnswering, [{ type: 'show:pause', at: at(67_000) }]);
  const buzzRevealed = play(paused, [
    { type: 'show:resume', at: at(68_000) },
    { type: 'answer:rule', verdict: 'right', at: at(69_000) },
    { type: 'standings:show', show: true, at: at(70_000) },
  ]);
  const finished = play(buzzRevealed, [next(71_000), next(72_000)]);
  return [
    ['lobby', lobby],
    ['lobby, seats locked, one admitted', lockedLobby],
    ['in turn, reading', turnReading],
    ['in turn, answering', turnAnswering],
    ['in turn, ruled wrong', turnRuled],
    ['all at once, reading', allReading],
    ['all at once, answering with a late answer and a seat deadline', allAnswering],
    ['all at once, revealed', allRevealed],
    ['buzz-in, open', buzzOpen],
    ['buzz-in, a press pending', buzzPending],
    ['buzz-in, answering', buzzAnswering],
    ['buzz-in, paused', paused],
    ['buzz-in, ruled right, leaderboard up', buzzRevealed],
    ['finished', finished],
    ['finished, prizes: the lowest tier revealed', awardsShown(finished)],
    ...judgedStates(),
  ];
}

/** AW7: the finished contest with two prize tiers, the lower one on the big screen. */
function awardsShown(finished: ContestState): ContestState {
  const withPrizes = { ...finished, definition: { ...finished.definition, awards: { by: 'count' as const, boundaryTie: 'higher' as const, tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 2 }] } } };
  return play(withPrizes, [
    { type: 'awards:step', step: 0, at: at(80_000) },
    { type: 'awards:step', step: 1, at: at(81_000) },
  ]);
}

/** A judged turn while judges score (one excluded, one on paper), and once revealed. */
function judgedStates(): [string, ContestState][] {
  const score = (judgeId: JudgeId, value: number, ms: number): Command => ({ type: 'judge:score', judgeId, seatId: 's3', value, at: at(ms) });
  const preparing = play(initialState(judgedContest()), [next(0), next(1000), { type: 'speech:start', at: at(2000) }]);
  const scoring = play(preparing, [
    { type: 'judge:exclude', judgeId: 'j4', reason: '回避', at: at(3000) },
    { type: 'clock:tick', at: at(32_000) },
    score('j1', 88, 40_000),
    { type: 'speech:stop', at: at(300_000) },
    score('j2', 92.5, 301_000),
    { type: 'judge:enter', judgeId: 'j3', seatId: 's3', value: 79, at: at(302_000) },
  ]);
  const revealed = play(scoring, [score('j5', 85, 303_000), { type: 'judging:close', at: at(304_000) }, { type: 'answer:reveal', at: at(305_000) }]);
  return [
    ['judged, preparing', preparing],
    ['judged, scoring: one excluded, one on paper', scoring],
    ['judged, revealed', revealed],
  ];
}

/** Every page of every state: the host, the screen, an unseated phone and each seat's phone. */
export function roleViewCases(): RoleViewCase[] {
  const viewers: { role: Role; me: SeatId | null; judgeId?: JudgeId }[] = [
    { role: 'host', me: null },
    { role: 'screen', me: null },
    { role: 'contestant', me: null },
    ...SEAT_IDS.map((me) => ({ role: 'contestant' as const, me })),
    { role: 'judge', me: null, judgeId: 'j1' },
  ];
  return contestStates().flatMap(([name, state]) =>
    viewers.map(({ role, me, judgeId = null }) => ({ name: `${name} / ${role}${me ? ` ${me}` : ''}${judgeId ? ` ${judgeId}` : ''}`, role, me, judgeId, state, facts })),
  );
}
