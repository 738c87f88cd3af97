// 弹幕: each contest's comments, the host's settings and word list, held in memory (README), and
// the limits that keep a flood of them off the stage. Pages hear of changes in batches, at most one
// update per contest every UPDATE_EVERY_MS, so a flood never holds up a buzz.
import {
  ErrorCode,
  type Ack,
  type CommentSettings,
  type CommentView,
  type CommentsModeration,
  type CommentsUpdate,
} from '../../shared/protocol.js';
import type { Clock } from '../clock.js';

/** The comments each contest keeps: the newest, the rest are dropped. */
export const KEPT_COMMENTS = 100;
/** At most one update per contest this often; the first change after a quiet spell goes at once. */
export const UPDATE_EVERY_MS = 250;
/** Comments a socket, and an address, may send inside the window. An address is looser: a hall's
 * Wi-Fi (or a mobile carrier) puts many viewers behind one. */
export const FLOOD_LIMITS = {
  socket: { count: 5, windowMs: 30_000 },
  address: { count: 20, windowMs: 30_000 },
} as const;

/** Past this many remembered senders of a kind, the stale ones are swept. */
const SWEEP_AT = 5000;
/** Slow mode's longest wait (the schema's cap): a viewer's last comment older than this never matters. */
const SLOWEST_MS = 600_000;

export const COMMENTS_OFF: CommentSettings = { on: false, paused: false, slowSeconds: 0, projected: false };

/** Who sends a comment: the socket, the viewer it is (its viewerToken, else the socket) and its
 * address as the edge sees it (client-address.ts). */
export interface Commenter {
  contestId: string;
  socketId: string;
  viewer: string;
  address: string;
}

/** Which pages an update is for: the host sees every comment (hidden ones marked) and the words. */
export type CommentReader = 'host' | 'screen' | 'public';

interface Board {
  settings: CommentSettings;
  comments: Required<CommentView>[];
  words: string[];
  next: number;
  /** Per viewer: when its last comment was accepted, for slow mode. */
  lastByViewer: Map<string, number>;
  lastPublished: number | null;
  cancelPublish: (() => void) | null;
}

export class CommentBoards {
  private readonly boards = new Map<string, Board>();
  /** Send times inside the flood window, per socket and per contest and address. */
  private readonly sent = { socket: new Map<string, number[]>(), address: new Map<string, number[]>() };

  /** `publish` sends a contest's comments to its pages (comment-handlers.ts), batched here. */
  constructor(
    private readonly clock: Clock,
    private readonly publish: (contestId: string) => void,
  ) {}

  /** An audience member's comment: accepted, or refused with the reason and nothing kept. */
  send(who: Commenter, raw: string): Ack<null> {
    const board = this.board(who.contestId);
    if (!board.settings.on || board.settings.paused) return { error: ErrorCode.CommentsOff };
    const now = this.clock.now();
    const wait = Math.max(this.floodWait(who, now), this.slowWait(board, who.viewer, now));
    if (wait > 0) return { error: ErrorCode.CommentTooFast, retryAfterMs: wait };
    const text = plainText(raw);
    if (!text) return { error: ErrorCode.BadPayload };
    this.count(who, now);
    if (holdsBlockedWord(text, board.words)) return { error: ErrorCode.CommentBlocked };
    board.lastByViewer.set(who.viewer, now);
    if (board.lastByViewer.size > SWEEP_AT) for (const [viewer, at] of board.lastByViewer) if (at <= now - SLOWEST_MS) board.lastByViewer.delete(viewer);
    board.comments.push({ id: `c${board.next++}`, text, at: now, hidden: false });
    if (board.comments.length > KEPT_COMMENTS) board.comments.splice(0, board.comments.length - KEPT_COMMENTS);
    this.changed(who.contestId, board);
    return { data: null };
  }

  /** The host's change to a contest's comments. Hiding a comment no longer kept succeeds: no page shows it. */
  moderate(contestId: string, change: CommentsModeration): Ack<null> {
    const board = this.board(contestId);
    const settings = board.settings;
    if (change.type === 'enable') settings.on = change.on;
    else if (change.type === 'pause') settings.paused = change.paused;
    else if (change.type === 'slow') settings.slowSeconds = change.seconds;
    else if (change.type === 'project') settings.projected = change.on;
    else if (change.type === 'words') board.words = [...new Set(change.words)];
    else {
      const comment = board.comments.find((c) => c.id === change.commentId);
      if (comment) comment.hidden = true;
    }
    this.changed(contestId, board);
    return { data: null };
  }

  /** What one kind of page may see now: only visible comments, except for the host; the screen
   * sees none unless the host projects them. */
  updateFor(contestId: string, reader: CommentReader): CommentsUpdate {
    const board = this.board(contestId);
    const settings = { ...board.settings };
    if (reader === 'host') return { settings, comments: board.comments.map((c) => ({ ...c })), blockedWords: [...board.words] };
    if (reader === 'screen' && !settings.projected) return { settings, comments: [] };
    return { settings, comments: board.comments.filter((c) => !c.hidden).map(({ id, text, at }) => ({ id, text, at })) };
  }

  /** A socket went away: its own flood count goes with it. */
  forgetSocket(socketId: string): void {
    this.sent.socket.delete(socketId);
  }

  close(): void {
    for (const board of this.boards.values()) board.cancelPublish?.();
  }

  private board(contestId: string): Board {
    let board = this.boards.get(contestId);
    if (!board) {
      board = { settings: { ...COMMENTS_OFF }, comments: [], words: [], next: 1, lastByViewer: new Map(), lastPublished: null, cancelPublish: null };
      this.boards.set(contestId, board);
    }
    return board;
  }

  private changed(contestId: string, board: Board): void {
    if (board.cancelPublish) return;
    const now = this.clock.now();
    const due = board.lastPublished === null ? now : board.lastPublished + UPDATE_EVERY_MS;
    const run = () => {
      board.cancelPublish = null;
      board.lastPublished = this.clock.now();
      this.publish(contestId);
    };
    if (due <= now) run();
    else board.cancelPublish = this.clock.schedule(due, run);
  }

  private floodKeys(who: Commenter): ['socket' | 'address', string][] {
    return [
      ['socket', who.socketId],
      ['address', `${who.contestId}|${who.address}`],
    ];
  }

  private floodWait(who: Commenter, now: number): number {
    let wait = 0;
    for (const [kind, key] of this.floodKeys(who)) {
      const { count, windowMs } = FLOOD_LIMITS[kind];
      const times = this.recent(kind, key, now);
      if (times.length >= count) wait = Math.max(wait, times[times.length - count] + windowMs - now);
    }
    return wait;
  }

  private count(who: Commenter, now: number): void {
    for (const [kind, key] of this.floodKeys(who)) {
      this.sent[kind].set(key, [...this.recent(kind, key, now), now]);
      if (this.sent[kind].size > SWEEP_AT) for (const stale of [...this.sent[kind].keys()]) this.recent(kind, stale, now);
    }
  }

  private recent(kind: 'socket' | 'address', key: string, now: number): number[] {
    const times = (this.sent[kind].get(key) ?? []).filter((at) => at > now - FLOOD_LIMITS[kind].windowMs);
    if (times.length) this.sent[kind].set(key, times);
    else this.sent[kind].delete(key);
    return times;
  }

  private slowWait(board: Board, viewer: string, now: number): number {
    const last = board.lastByViewer.get(viewer);
    if (last === undefined || board.settings.slowSeconds === 0) return 0;
    return Math.max(0, last + board.settings.slowSeconds * 1000 - now);
  }
}

/** One line of plain text: no control characters, no direction overrides, runs of space as one. */
export function plainText(text: string): string {
  return text
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Text as the word list compares it: full-width and compatibility forms folded (NFKC), case and spaces ignored. */
export function foldForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u200b-\u200d\ufeff]/gu, '');
}

/** Whether a comment holds any of the host's blocked words. */
export function holdsBlockedWord(text: string, words: readonly string[]): boolean {
  const folded = foldForMatch(text);
  return words.some((word) => {
    const w = foldForMatch(word);
    return w.length > 0 && folded.includes(w);
  });
}
