// Hostile payloads for the fuzz test, from a seeded generator so a failure replays: the shapes a
// script in the hall would send (wrong types, missing and extra fields, huge strings, deep
// nesting, NaN and infinities, prototype keys, arrays for objects, out-of-order commands).
import type { PRNG } from 'seedrandom';

/** Every event a page may send (shared/protocol.ts), and names no handler knows. */
export const INBOUND_EVENTS = [
  'host:command',
  'seat:release',
  'seat:remove-phone',
  'seat:decide',
  'seat:claim',
  'buzz:press',
  'clock:probe',
  'answer:submit',
  'stake:choose',
  'question:swap',
  'contest:define',
  'contest:source',
  'judge:claim',
  'judge:score',
  'judges:access',
] as const;
export const UNKNOWN_EVENTS = ['contest:delete', 'host:commands', 'seat:steal', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'HOST:COMMAND', ' seat:claim', '', '\u0000'];

/** Well-formed host commands, most of them out of order in the lobby. */
const HOST_COMMANDS: Record<string, unknown>[] = [
  { type: 'question:next' },
  { type: 'buzzers:open' },
  { type: 'buzzers:reopen' },
  { type: 'turn:start' },
  { type: 'turn:skip' },
  { type: 'turn:repeat' },
  { type: 'answers:open' },
  { type: 'stake:choose', stake: 30 },
  { type: 'stake:choose', stake: null },
  { type: 'answer:rule', verdict: 'right' },
  { type: 'answer:rule', verdict: 'wrong' },
  { type: 'answer:reveal' },
  { type: 'ruling:undo' },
  { type: 'score:adjust', seatId: 's1', delta: 10, reason: '加分' },
  { type: 'show:pause' },
  { type: 'show:resume' },
  { type: 'countdown:extend', ms: 10_000 },
  { type: 'answers:extend-seat', seatId: 's1', ms: 10_000 },
  { type: 'seats:lock', locked: true },
  { type: 'seat:admit', seatId: 's1' },
  { type: 'seat:admit', seatId: null },
  { type: 'speech:start' },
  { type: 'speech:stop' },
  { type: 'judging:close' },
  { type: 'judge:exclude', judgeId: 'j1', reason: '回避' },
  { type: 'judge:include', judgeId: 'j1' },
  { type: 'judge:enter', judgeId: 'j2', seatId: 's1', value: 85 },
];

/** A well-formed payload of each event, the starting point of most mutations. */
function template(event: string, r: Random, codes: readonly string[]): Record<string, unknown> {
  switch (event) {
    case 'host:command':
      return { ...r.pick(HOST_COMMANDS) };
    case 'seat:release':
      return { seatId: r.pick(['s1', 's2', 's9', 'seat-1']) };
    case 'seat:remove-phone':
      return { seatId: r.pick(['s1', 's2', 's9', 'seat-1']), phoneId: r.token() };
    case 'seat:decide':
      return { requestId: r.token(), approve: r.chance(0.5) };
    case 'seat:claim':
      return r.chance(0.5) ? { joinCode: r.pick(codes) } : { joinCode: r.digits(), deviceToken: r.token() };
    case 'buzz:press':
      return r.chance(0.5) ? {} : { pressedAt: 1_700_000_000_000 + r.int(-5000, 5000) };
    case 'answer:submit':
      return { choice: [r.int(0, 3)] };
    case 'stake:choose':
      return { stake: r.pick([10, 20, 30, null, 25]) };
    case 'contest:define':
      return { file: { title: '假', seats: [] } };
    case 'judge:claim':
      return { code: r.chance(0.5) ? r.pick(codes) : r.digits(), deviceToken: r.token() };
    case 'judge:score':
      return { seatId: r.pick(['s1', 's2', 's9']), value: r.pick([0, 50, 85.5, 100, 101]), ...(r.chance(0.3) && { parts: [40, 30, 15.5] }) };
    default:
      return {};
  }
}

const WEIRD_NUMBERS = [NaN, Infinity, -Infinity, -0, 0.5, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 1e-300];
const WEIRD_STRINGS = ['', ' ', '\u0000', '💥'.repeat(40), '<script>alert(1)</script>', "'; DROP TABLE commands; --", '__proto__', 'constructor', '１２３４５６', '12 34 56', '-123456', '1e6', '0x1F'];

/** Any JSON-ish value at all, sometimes hostile. */
function junk(r: Random, depth = 0): unknown {
  switch (r.int(0, 11)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick(WEIRD_NUMBERS);
    case 3:
      return r.pick(WEIRD_STRINGS);
    case 4:
      return r.huge();
    case 5:
      return depth > 2 ? [] : Array.from({ length: r.int(0, 4) }, () => junk(r, depth + 1));
    case 6:
      return depth > 2 ? {} : Object.fromEntries(Array.from({ length: r.int(0, 4) }, () => [r.pick(['type', 'seatId', 'rid', 'x', 'file', 'choice']), junk(r, depth + 1)]));
    case 7:
      return r.nested();
    case 8:
      return r.polluted();
    case 9:
      return undefined;
    case 10:
      return r.int(-1e6, 1e6);
    default:
      return r.digits();
  }
}

/** One hostile change to a well-formed payload. */
function mutate(payload: Record<string, unknown>, r: Random): unknown {
  const keys = Object.keys(payload);
  const key = keys.length ? r.pick(keys) : 'type';
  switch (r.int(0, 11)) {
    case 0:
      return Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key));
    case 1:
      return { ...payload, [r.pick(['extra', 'seatId', 'at', 'contestId', 'role', 'hostKey'])]: junk(r) };
    case 2:
      return { ...payload, [key]: junk(r) };
    case 3:
      return { ...payload, [key]: r.pick(WEIRD_NUMBERS) };
    case 4:
      return { ...payload, [key]: r.huge() };
    case 5:
      return [payload];
    case 6:
      return Object.assign(r.polluted(), payload);
    case 7:
      return { ...payload, rid: r.pick(['short', 'x'.repeat(65), 'bad rid!', 42, null, { $: 1 }, ['r'.repeat(10)]]) };
    case 8:
      return { ...payload, rid: r.token() };
    case 9:
      return JSON.stringify(payload);
    case 10:
      return { ...payload, [key]: r.nested() };
    default:
      return junk(r);
  }
}

/** One send: an event, its arguments, and whether it carries a function to acknowledge. */
export interface Send {
  event: string;
  args: unknown[];
  acked: boolean;
}

/** A hostile send for `event`; `codes` are join codes a guesser might know (full seats, another contest's). */
export function hostileSend(r: Random, event: string, codes: readonly string[]): Send {
  const base = template(event, r, codes);
  const payload = r.chance(0.25) ? base : mutate(base, r);
  const shape = r.int(0, 19);
  // Mostly acknowledged; sometimes a non-function where the acknowledgement goes, extra
  // arguments, or nothing at all.
  if (shape === 0) return { event, args: [payload, junk(r)], acked: false };
  if (shape === 1) return { event, args: [payload], acked: false };
  if (shape === 2) return { event, args: [], acked: false };
  if (shape === 3) return { event, args: [payload, r.pick([1, 'ack', null, {}])], acked: false };
  return { event, args: [payload], acked: true };
}

/** A handshake that must be refused: wrong keys, contests, versions and shapes. */
export function hostileHandshake(r: Random, contestId: string, otherContestId: string, otherHostKey: string, version: number): Record<string, unknown> {
  const shapes: Record<string, unknown>[] = [
    { v: version, role: 'host', contestId, hostKey: r.token() },
    { v: version, role: 'host', contestId, hostKey: otherHostKey },
    { v: version, role: 'host', contestId: otherContestId, hostKey: r.token() },
    { v: version, role: 'host', contestId },
    { v: version, role: 'judge', contestId, key: r.token() },
    { v: version, role: 'spectator', contestId },
    { v: version, role: 'audience', contestId, viewerToken: r.huge() },
    { v: version, role: 'screen', contestId: r.token() },
    { v: version, role: 'screen', contestId: r.huge() },
    { v: version - 1, role: 'screen', contestId },
    { v: r.pick(WEIRD_NUMBERS), role: 'screen', contestId },
    { v: version, role: 'contestant', contestId, deviceToken: r.huge() },
    { v: version, role: ['host'], contestId, hostKey: r.token() },
    { v: version, role: 'host', contestId, hostKey: [r.token()] },
    Object.assign(r.polluted(), { v: version, role: 'host', contestId }),
    { v: version, role: 'host', contestId, hostKey: '' },
  ];
  return { ...r.pick(shapes) };
}

/** A seeded source of hostile choices. */
export class Random {
  constructor(private readonly next: PRNG) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  digits(): string {
    return String(this.int(0, 99_999_999)).padStart(this.int(4, 8), '0');
  }

  token(): string {
    return Array.from({ length: this.int(8, 40) }, () => 'abcXYZ0189_-'[this.int(0, 11)]).join('');
  }

  /** Long enough to hurt, short enough for one socket.io message (64 KiB). */
  huge(): string {
    return this.pick(['9', '好', 'a', '\u202e']).repeat(this.pick([300, 3_000, 12_000]));
  }

  /** Arrays or objects nested hundreds deep. */
  nested(): unknown {
    let value: unknown = this.pick([1, 'x', null]);
    const depth = this.pick([50, 300, 1_000]);
    const asArray = this.chance(0.5);
    for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
    return value;
  }

  /** An object with its own `__proto__` and `constructor` keys, as JSON.parse makes them. */
  polluted(): Record<string, unknown> {
    return JSON.parse(this.pick(['{"__proto__":{"role":"host","isAdmin":true}}', '{"constructor":{"prototype":{"role":"host"}}}', '{"__proto__":{"seatId":"s1"},"constructor":1}'])) as Record<string, unknown>;
  }
}
