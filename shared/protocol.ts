// The one contract between server and pages: handshake, events both ways, acknowledgements,
// and one schema per inbound payload. Server and web both import this file.
import { z } from 'zod';
import { CommandError, type BuzzOutcome, type ContestEvent, type HostCommand, type SubmissionOutcome } from './contest/commands.js';
import type { ContestView } from './contest/views.js';
import { MAX_OPTIONS } from './contest/question.js';
import { MAX_CRITERIA } from './contest/judging.js';
import type { LinkQuality, LinkWarning } from './fairness/link-meter.js';
import type { SeatId } from './contest/types.js';
import { JOIN_CODE_PATTERN, typedJoinCode } from './join-code.js';

/** Bumped on any breaking change; a page on another version is told to reload. 2: the question
 * view is a union per round kind (a page from 1 reads fields a kind no longer sends). 3: a stage
 * update may carry only the fields that changed (a page from 2 would read a missing view). 4: a
 * list field may carry only its entries that changed (a page from 3 would keep the old list). 5:
 * a list's changes may drop entries from its front (a page from 4 would keep them). */
export const PROTOCOL_VERSION = 5;

/** Every error a page can be told. Pages translate the code; they never show it raw. */
export const ErrorCode = {
  ...CommandError,
  BadPayload: 'bad-payload',
  BadHandshake: 'bad-handshake',
  VersionMismatch: 'version-mismatch',
  UnknownContest: 'unknown-contest',
  NotAuthorised: 'not-authorised',
  NoSeat: 'no-seat',
  /** A wrong code and a full seat's code answer alike, so a guesser learns nothing. */
  BadJoinCode: 'bad-join-code',
  /** Too many failed claims (per phone, address or contest): try again after `retryAfterMs`. */
  ClaimsThrottled: 'claims-throttled',
  AlreadySeated: 'already-seated',
  /** S2: the host locked the seats; a new phone joins only a seat the host admits. */
  SeatsLocked: 'seats-locked',
  /** S6: joining needs the host now; the request waits on the host console. */
  AwaitingApproval: 'awaiting-approval',
  /** S6: the host refused this phone's request to join. */
  JoinRefused: 'join-refused',
  /** S5, S6: no such phone of the seat, or no such pending request (already decided). */
  UnknownPhone: 'unknown-phone',
  UnknownRequest: 'unknown-request',
  StorageFailed: 'storage-failed',
  Internal: 'internal-error',
  /** The edge: this socket sent events faster than any page does (see server/edge/event-rate.ts). */
  RateLimited: 'rate-limited',
  /** The edge: this address holds as many phone and screen connections as it may. */
  TooManyConnections: 'too-many-connections',
  /** The edge: the page was not opened from this server's address (another site, DNS rebinding). */
  OriginNotAllowed: 'origin-not-allowed',
  HostNotAllowed: 'host-not-allowed',
  /** HTTP: a malformed request (a broken URL escape, an unreadable body). */
  BadRequest: 'bad-request',
  NotFound: 'not-found',
  TooLarge: 'too-large',
  BadDefinition: 'bad-definition',
  ContestStarted: 'contest-started',
  NoReplacement: 'no-replacement',
  /** The organiser closed this contest: it is read-only, every change is refused. */
  ContestClosed: 'contest-closed',
  /** A judge's link whose key no judge of the contest holds (mistyped, or the judge was removed). */
  BadJudgeKey: 'bad-judge-key',
  /** A typed judge code that is no judge's; throttled like join codes. */
  BadJudgeCode: 'bad-judge-code',
  /** A judge page that has not signed in (link or code) asked to score. */
  NoJudge: 'no-judge',
  /** This device is signed in as a judge already. */
  AlreadyJudge: 'already-judge',
  /** The host has not switched comments (弹幕) on, or has paused them all. */
  CommentsOff: 'comments-off',
  /** Slow mode or the flood limit: wait `retryAfterMs` before the next comment. */
  CommentTooFast: 'comment-too-fast',
  /** The comment holds a word on the host's list. */
  CommentBlocked: 'comment-blocked',
  /** Client-side: no acknowledgement arrived in time. */
  Timeout: 'timeout',
  /** Client-side: not connected, so nothing was sent. */
  Offline: 'offline',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem in a contest definition, already in both languages, naming its field. */
export interface DefinitionIssue {
  path: string;
  zh: string;
  en: string;
}

/** Acknowledgement of every client request: either an error code (with the definition's
 * problems, for bad-definition; with when to try again, for claims-throttled) or the data. */
export type Ack<T> = { error: ErrorCode; issues?: DefinitionIssue[]; retryAfterMs?: number } | { data: T };

/** A contest's (or another record's) id as the wire carries it. */
export const idSchema = z.string().min(1).max(64);
const id = idSchema;

/** Sent as socket.io `auth` when connecting. */
export const handshakeSchema = z.discriminatedUnion('role', [
  z.object({ v: z.number().int(), role: z.literal('host'), contestId: id, hostKey: z.string().min(1).max(128) }),
  z.object({ v: z.number().int(), role: z.literal('screen'), contestId: id }),
  z.object({ v: z.number().int(), role: z.literal('contestant'), contestId: id, deviceToken: z.string().max(128).optional() }),
  // A judge comes with its link's key, or with the token of a device signed in by code, or with
  // neither (the page then asks for the code: judge:claim).
  z.object({ v: z.number().int(), role: z.literal('judge'), contestId: id, key: z.string().min(1).max(128).optional(), deviceToken: z.string().max(128).optional() }),
  // The audience needs no login; `viewerToken` (made and kept by the page) lets limits follow a viewer across reloads.
  z.object({ v: z.number().int(), role: z.literal('audience'), contestId: id, viewerToken: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/).optional() }),
  z.object({ v: z.number().int(), role: z.literal('overlay'), contestId: id }),
]);
export type Handshake = z.infer<typeof handshakeSchema>;

/** `rid`, optional on every request that changes the contest: the sender's own id for the
 * request. A page that lost the acknowledgement (the server restarted) sends the request again
 * with the same id, and it is applied once (D2). */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export interface WithRequestId {
  rid?: string;
}

export const MAX_ADJUST_POINTS = 1000;
/** The most prize tiers a contest file may give (一等奖, 二等奖...). */
export const MAX_PRIZE_TIERS = 10;
export const MAX_REASON_LENGTH = 200;
/** The most time one request can add to a countdown (K5, K8): ten minutes. */
export const MAX_EXTEND_MS = 600_000;
const extendMs = z.number().int().min(1000).max(MAX_EXTEND_MS);
/** J5: a paper score the host types; the round's scale and step are checked by the engine (J2). */
const paperScore = z.number().finite().min(0).max(1000);
const paperParts = z.array(paperScore).min(1).max(MAX_CRITERIA).optional();
/** RK2: the most points one risk question may be staked for; the engine checks the round's stakes. */
export const MAX_STAKE = 1000;
const stake = z.number().int().min(1).max(MAX_STAKE);

export const hostCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('question:next') }),
  z.object({ type: z.literal('buzzers:open') }),
  z.object({ type: z.literal('buzzers:reopen') }),
  z.object({ type: z.literal('buzz:award'), seatId: id }),
  z.object({ type: z.literal('turn:start') }),
  z.object({ type: z.literal('turn:skip') }),
  z.object({ type: z.literal('turn:repeat') }),
  z.object({ type: z.literal('answers:open') }),
  z.object({ type: z.literal('stake:choose'), stake: stake.nullable() }),
  z.object({ type: z.literal('answer:rule'), verdict: z.enum(['right', 'wrong']) }),
  z.object({ type: z.literal('answer:reveal') }),
  z.object({ type: z.literal('ruling:undo') }),
  z.object({ type: z.literal('standings:show'), show: z.boolean() }),
  z.object({
    type: z.literal('score:adjust'),
    seatId: id,
    delta: z
      .number()
      .int()
      .refine((n) => n !== 0 && Math.abs(n) <= MAX_ADJUST_POINTS),
    reason: z.string().trim().min(1).max(MAX_REASON_LENGTH),
  }),
  z.object({ type: z.literal('show:pause') }),
  z.object({ type: z.literal('show:resume') }),
  z.object({ type: z.literal('countdown:extend'), ms: extendMs }),
  z.object({ type: z.literal('answers:extend-seat'), seatId: id, ms: extendMs }),
  z.object({ type: z.literal('seats:lock'), locked: z.boolean() }),
  z.object({ type: z.literal('seat:admit'), seatId: id.nullable() }),
  z.object({ type: z.literal('speech:start') }),
  z.object({ type: z.literal('speech:stop') }),
  z.object({ type: z.literal('judging:close') }),
  z.object({ type: z.literal('judge:exclude'), judgeId: id, reason: z.string().trim().min(1).max(MAX_REASON_LENGTH) }),
  z.object({ type: z.literal('judge:include'), judgeId: id }),
  z.object({ type: z.literal('judge:enter'), judgeId: id, seatId: id, value: paperScore, parts: paperParts }),
  // AW4, AW6: tiers and steps are small indices; the engine checks them against the contest's tiers.
  z.object({ type: z.literal('awards:decide'), seatId: id, tier: z.number().int().min(0).max(MAX_PRIZE_TIERS - 1).nullable() }),
  z.object({ type: z.literal('awards:step'), step: z.number().int().min(-1).max(MAX_PRIZE_TIERS + 1) }),
]) satisfies z.ZodType<HostCommand>;

/** `deviceToken`: made by the phone and saved before it claims, so a claim whose answer was
 * lost can be repeated (or the page reloaded) without the seat counting the phone twice. */
export const seatClaimSchema = z.object({
  joinCode: z.string().max(32).transform(typedJoinCode).pipe(z.string().regex(JOIN_CODE_PATTERN)),
  deviceToken: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/).optional(),
});
export const seatReleaseSchema = z.object({ seatId: id });
/** S5: the host removes one phone of a seat, by its id (never its token). */
export const phoneRemoveSchema = z.object({ seatId: id, phoneId: id }).strict();
/** S6: the host approves or refuses a phone's request to join. */
export const joinDecideSchema = z.object({ requestId: id, approve: z.boolean() }).strict();
/** A judge types its code (with or without spaces); `deviceToken` as in seatClaimSchema. */
export const judgeClaimSchema = z.object({
  code: z.string().max(32).transform(typedJoinCode).pipe(z.string().regex(JOIN_CODE_PATTERN)),
  deviceToken: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
}).strict();
const scoreValue = z.number().finite().min(-10_000).max(10_000);
/** A judge's score for the seat it sees called; the judge is the one its link signed in, never a
 * field: the server adds it. The engine checks the scale, the step and the seat (J2). */
export const judgeScoreSchema = z.object({ seatId: id, value: scoreValue, parts: z.array(scoreValue).min(1).max(MAX_CRITERIA).optional() }).strict();
export type JudgeScorePayload = z.infer<typeof judgeScoreSchema>;
/** RK2: a phone's stake for its seat's turn, or null to pass (放弃); the seat is the phone's own. */
export const stakeChooseSchema = z.object({ stake: stake.nullable() }).strict();
export type StakeChoosePayload = z.infer<typeof stakeChooseSchema>;
/** Likes (点赞) are sent in batches: a page counts taps and sends the count now and then. */
export const MAX_LIKES_PER_SEND = 50;
export const likeAddSchema = z.object({ count: z.number().int().min(1).max(MAX_LIKES_PER_SEND) }).strict();
export type LikeAddPayload = z.infer<typeof likeAddSchema>;
/** A comment (弹幕) is short: it crosses a projector in a few seconds. */
export const MAX_COMMENT_LENGTH = 40;
export const commentSendSchema = z.object({ text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH) }).strict();
export type CommentSendPayload = z.infer<typeof commentSendSchema>;
export const MAX_BLOCKED_WORDS = 200;
/** The host's moderation of comments, one change at a time. */
export const commentsModerateSchema = z.discriminatedUnion('type', [
  /** Comments open to the audience, or closed. */
  z.object({ type: z.literal('enable'), on: z.boolean() }),
  /** Every comment stops (a sensitive moment), and starts again. */
  z.object({ type: z.literal('pause'), paused: z.boolean() }),
  /** One comment hidden from every page; it stays in the host's list, marked hidden. */
  z.object({ type: z.literal('hide'), commentId: id }),
  z.object({ type: z.literal('words'), words: z.array(z.string().trim().min(1).max(20)).max(MAX_BLOCKED_WORDS) }),
  /** Slow mode: one comment per viewer per this many seconds (0: off). */
  z.object({ type: z.literal('slow'), seconds: z.number().int().min(0).max(600) }),
  /** Comments shown on the big screen, or only on the audience's pages. */
  z.object({ type: z.literal('project'), on: z.boolean() }),
]);
export type CommentsModeration = z.infer<typeof commentsModerateSchema>;

/** The host's comment settings, as the audience, the overlay and the screen learn them. */
export interface CommentSettings {
  on: boolean;
  paused: boolean;
  slowSeconds: number;
  projected: boolean;
}

/** One comment as a page shows it: plain text, never markup. */
export interface CommentView {
  id: string;
  text: string;
  at: number;
  /** Host only: hidden comments stay in the host's list, marked. */
  hidden?: boolean;
}

/** The comments a page may see now: the audience, the overlay and (when projected) the screen get
 * only visible ones; the host gets all, with the blocked words. */
export interface CommentsUpdate {
  settings: CommentSettings;
  comments: CommentView[];
  blockedWords?: string[];
}

/** Requests that carry nothing. */
export const emptySchema = z.object({}).strict();
/** `pressedAt`: the touch's own time in server time, by the phone's clock sync (P1). */
export const buzzPressSchema = z.object({ pressedAt: z.number().finite().optional() }).strict();
export type BuzzPressPayload = z.infer<typeof buzzPressSchema>;
export const answerSubmitSchema = z.object({ choice: z.array(z.number().int().min(0).max(MAX_OPTIONS - 1)).min(1).max(MAX_OPTIONS) }).strict();
/** The definition itself is checked by server/setup/contest-file.ts, which names each bad field. */
export const contestDefineSchema = z.object({ file: z.unknown() }).strict();

export interface SeatClaimed {
  seatId: SeatId;
  deviceToken: string;
}

/** One push of fresh state to a page, with what just happened and the server's clock: the whole
 * view, or only what changed in it since the last update on the page's channel: top-level fields,
 * and the entries of lists (see shared/view-changes.ts; a page applies them with applyUpdate). */
export type ContestUpdate = WholeUpdate | ChangedUpdate;

/** The whole view: a page's first update, and any after a page joined its channel. */
export interface WholeUpdate {
  view: ContestView;
  events: ContestEvent[];
  serverNow: number;
}

/** The view's top-level fields that differ from the channel's last update, and for list fields
 * of which few entries changed, those entries; the rest stand. */
export interface ChangedUpdate {
  changes: Partial<ContestView>;
  entries?: ListChanges;
  events: ContestEvent[];
  serverNow: number;
}

/** A list's entries that changed, by index, and its length now (entries past it are gone). With
 * `drop`, its first `drop` entries are gone and the rest moved that many places to the front
 * before the changes apply: a log of the last few entries (the ledger) that took one more. */
export interface EntryChanges {
  length: number;
  at: Record<number, unknown>;
  drop?: number;
}

/** Per list field of the view, its entries that changed. */
export type ListChanges = Partial<Record<keyof ContestView, EntryChanges>>;

/** A seat's link as the host console shows it (P2); the slowest of a team's phones, with the
 * worst warning of any of them (P8: the lobby's link check). */
export interface SeatLink {
  rttMs: number | null;
  oneWayMs: number | null;
  quality: LinkQuality;
  warning: LinkWarning | null;
}

export interface JudgeClaimed {
  judgeId: string;
  deviceToken: string;
}

/** One judge as the host console lists it: the link and code to hand over (secrets, host only),
 * how many devices signed in by code, how many are connected now. */
export interface JudgeAccess {
  judgeId: string;
  name: string;
  title?: string;
  unit?: string;
  link: string;
  code: string;
  devices: number;
  connected: number;
}

/** The host console's panel of judges: each judge's access, the judge page, and the cards to print. */
export interface JudgesAccess {
  judges: JudgeAccess[];
  /** The judge page without a key: it asks for the judge code. */
  judgeUrl: string;
  /** The printable judge cards (评委卡), with the host key. */
  cardsUrl: string;
}

export interface AnswerRecorded {
  status: SubmissionOutcome;
}

export interface ClientToServerEvents {
  'host:command': (command: HostCommand & WithRequestId, ack: (r: Ack<null>) => void) => void;
  'seat:release': (payload: { seatId: SeatId }, ack: (r: Ack<null>) => void) => void;
  /** Host: free one phone of a seat (S5). */
  'seat:remove-phone': (payload: { seatId: SeatId; phoneId: string }, ack: (r: Ack<null>) => void) => void;
  /** Host: approve or refuse a pending request to join (S6). */
  'seat:decide': (payload: { requestId: string; approve: boolean }, ack: (r: Ack<null>) => void) => void;
  'seat:claim': (payload: { joinCode: string; deviceToken?: string }, ack: (r: Ack<SeatClaimed>) => void) => void;
  'buzz:press': (payload: BuzzPressPayload & WithRequestId, ack: (r: Ack<BuzzOutcome>) => void) => void;
  /** A phone's clock probe (P1): answered with the server's time. */
  'clock:probe': (payload: Record<string, never>, ack: (r: Ack<{ serverNow: number }>) => void) => void;
  'answer:submit': (payload: { choice: number[] } & WithRequestId, ack: (r: Ack<AnswerRecorded>) => void) => void;
  /** RK2: the phone of the seat whose risk turn it is picks its stake, or passes (null). */
  'stake:choose': (payload: StakeChoosePayload & WithRequestId, ack: (r: Ack<null>) => void) => void;
  /** Host: replace the current question with an unused one from the bank (F4). */
  'question:swap': (payload: WithRequestId, ack: (r: Ack<null>) => void) => void;
  /** Host, before the first command: replace the contest's definition (a contest file). */
  'contest:define': (payload: { file: unknown }, ack: (r: Ack<null>) => void) => void;
  /** Host: the contest file as last saved, to edit. */
  'contest:source': (payload: Record<string, never>, ack: (r: Ack<unknown>) => void) => void;
  /** A judge page signs in with the judge's code; it then comes back by `deviceToken`. */
  'judge:claim': (payload: { code: string; deviceToken: string }, ack: (r: Ack<JudgeClaimed>) => void) => void;
  /** A judge scores the seat now called (J2); a changed score replaces the last. */
  'judge:score': (payload: JudgeScorePayload & WithRequestId, ack: (r: Ack<null>) => void) => void;
  /** Host: every judge's link and code, for the console and the cards. */
  'judges:access': (payload: Record<string, never>, ack: (r: Ack<JudgesAccess>) => void) => void;
  /** Audience: taps of the like button, counted on the page and sent in batches. */
  'like:add': (payload: LikeAddPayload, ack: (r: Ack<null>) => void) => void;
  /** Audience: one comment (弹幕). */
  'comment:send': (payload: CommentSendPayload, ack: (r: Ack<null>) => void) => void;
  /** Host: one change to the comments' moderation. */
  'comments:moderate': (payload: CommentsModeration, ack: (r: Ack<null>) => void) => void;
}

export interface ServerToClientEvents {
  'contest:update': (update: ContestUpdate) => void;
  /** The host freed this phone's seat (`removed`: this phone alone, S5): the page goes back to
   * the join form. */
  'seat:released': (payload?: { removed: boolean }) => void;
  /** S6: the host decided this phone's request to join. */
  'seat:decided': (decision: { approved: true; seatId: SeatId; deviceToken: string } | { approved: false }) => void;
  /** The server timing its round trip to a phone (P2): the phone answers at once. */
  'clock:ping': (ack: () => void) => void;
  /** To the host, whenever a judge signs in, connects or goes away, or the panel changes. */
  'judges:access': (access: JudgesAccess) => void;
  /** The host edited the panel and this judge is no longer on it: the page asks for a code. */
  'judge:released': () => void;
  /** To the host, every couple of seconds: each seat's link. */
  'seat:links': (links: Record<SeatId, SeatLink>) => void;
  /** The contest's like total, at most a few times a second, to the audience, the overlay, the
   * screen and the host. */
  'likes:total': (payload: { total: number }) => void;
  /** The comments a page may see, whenever they or their settings change. */
  'comments:update': (update: CommentsUpdate) => void;
}

/** The acknowledgement type of a client event. */
export type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** What a refused connection carries in `err.data`. */
export interface ConnectRefusal {
  code: ErrorCode;
}
