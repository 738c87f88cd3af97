// A contest in each of the states its pages show, and every page that could be looking at it:
// the input of the recorded per-role views (test/fixtures/role-views.json). No test-runner
// imports, so the recording script can run it with tsx.
import { DEFAULT_FAIRNESS, type LinkEvidence } from '../../shared/contest/arbiter.js';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { ContestDefinition, ContestState, SeatId } from '../../shared/contest/types.js';
import type { Role, RoomFacts } from '../../shared/contest/views.js';
import { allAtOnceRound, buzzRound, choice, inTurnRound, seats, T0, trueFalse } from './definitions.js';

/** One page looking at one contest state. */
export interface RoleViewCase {
  name: string;
  role: Role;
  me: SeatId | null;
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
  ];
}

/** Every page of every state: the host, the screen, an unseated phone and each seat's phone. */
export function roleViewCases(): RoleViewCase[] {
  const viewers: { role: Role; me: SeatId | null }[] = [
    { role: 'host', me: null },
    { role: 'screen', me: null },
    { role: 'contestant', me: null },
    ...SEAT_IDS.map((me) => ({ role: 'contestant' as const, me })),
  ];
  return contestStates().flatMap(([name, state]) =>
    viewers.map(({ role, me }) => ({ name: `${name} / ${role}${me ? ` ${me}` : ''}`, role, me, state, facts })),
  );
}
