// How the pages put a contest view into words and numbers. Plain functions over the view, so
// the screen, the host console and the phone agree, and the tests can check them without a DOM.
// They return message keys with parameters; the page translates them.
import { letters } from '../../shared/contest/question.js';
import type { Standing } from '../../shared/contest/standings.js';
import type { BuzzDecision, ScoreEntry, SeatId, SeatResult } from '../../shared/contest/types.js';
import type { AskedQuestionView, ContestView, QuestionOutcome, QuestionView, RoundView, SeatView } from '../../shared/contest/views.js';
import { isMessageKey, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import { secondsLeft } from './server-clock.js';
import { riskRuleSummary } from './risk-display.js';

export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Words for a page: a message to translate, or text that comes as it is (a bank's own words). */
export type Label = Message | { text: string };

/** A seat's display name; the id if the seat is unknown (never blank). */
export function seatName(view: Pick<ContestView, 'seats'>, seatId: SeatId | null | undefined): string {
  if (!seatId) return '';
  return view.seats.find((s) => s.id === seatId)?.name ?? seatId;
}

/** The short label for where a question is (请听题, 抢答开始!, 作答中, 答错, 揭晓). */
export function phaseLabel(question: AskedQuestionView): MessageKey {
  return `phase.${question.phase}`;
}

/** How a revealed question ended, for the line under 揭晓: the buzz winner or the seat whose turn it was. */
export function outcomeMessage(view: ContestView): Message | null {
  const q = view.question;
  if (!q || q.phase !== 'revealed' || (q.kind !== 'buzz-in' && q.kind !== 'in-turn' && q.kind !== 'risk') || !q.outcome) return null;
  if (q.outcome === 'dead' || q.outcome === 'ended') return { key: `outcome.${q.outcome}` };
  return { key: `outcome.${q.outcome}`, params: { name: seatName(view, q.kind === 'buzz-in' ? q.winner : q.turnSeat) } };
}

/** The seat answering now: the buzz winner while it answers, or the seat whose turn it is. */
export function answeringSeat(q: QuestionView | null): SeatId | null {
  if (q?.kind === 'buzz-in') return q.phase === 'answering' ? q.winner : null;
  return q?.kind === 'in-turn' || q?.kind === 'risk' ? q.turnSeat : null;
}

/** How an in-turn or risk turn ended, for the seat itself: 回答正确, 回答错误, 超时未答, 放弃, 本题跳过. */
export function turnResult(outcome: QuestionOutcome | null): MessageKey {
  return outcome === 'right' || outcome === 'wrong' || outcome === 'timeout' || outcome === 'passed' ? `turn.result.${outcome}` : 'turn.result.skipped';
}

export interface Countdown {
  kind: 'buzz' | 'answer';
  seconds: number;
}

/** The countdown running now, if any: the buzz window while open, the answer time while answering. */
export function activeCountdown(question: QuestionView | null, serverNow: number): Countdown | null {
  if (!question) return null;
  if (question.kind === 'judged') return null;
  if (question.kind === 'buzz-in' && question.phase === 'open' && question.buzzDeadline !== null) {
    return { kind: 'buzz', seconds: secondsLeft(question.buzzDeadline, serverNow) };
  }
  if (question.phase === 'answering' && question.answerDeadline !== null) {
    return { kind: 'answer', seconds: secondsLeft(question.answerDeadline, serverNow) };
  }
  return null;
}

export interface RankedSeat {
  seat: SeatView;
  standing: Standing;
  /** Competition ranking by weighted total (R1): equal totals share a rank (1, 1, 3). */
  rank: number;
}

/** Seats in ranking order from the view's standings; equal ranks keep seat order. */
export function rankedSeats(view: Pick<ContestView, 'seats' | 'standings'>): RankedSeat[] {
  const byId = new Map(view.standings.map((s) => [s.seatId, s]));
  return view.seats
    .map((seat, order) => {
      const standing = byId.get(seat.id) ?? { seatId: seat.id, total: seat.score, stages: [{ raw: seat.score, normalised: seat.score, weighted: seat.score }], weighted: seat.score, rank: view.seats.length, decidedBy: null, tied: false };
      return { seat, standing, rank: standing.rank, order };
    })
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ seat, standing, rank }) => ({ seat, standing, rank }));
}

/** How many stages the standings count: more than one means per-stage columns and a weighted total. */
export function stageCount(view: Pick<ContestView, 'standings'>): number {
  return view.standings[0]?.stages.length ?? 1;
}

/** The ranking's column headings, one per stage: the stage's own name (第N环节 if it has none). */
export function stageHeadings(view: Pick<ContestView, 'stages' | 'standings'>, locale: Locale): Label[] {
  return Array.from({ length: stageCount(view) }, (_, i) => {
    const name = view.stages[i]?.name.trim();
    return name ? { text: name } : { key: 'round.stageShort', params: { n: stageNumber(locale, i + 1) } };
  });
}

/** A score change as the room reads it: "+10", "−5" (a true minus sign, wide enough to see). */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `\u2212${Math.abs(delta)}`;
  return '0';
}

/** A score, with a true minus sign when negative. */
export function formatScore(score: number): string {
  return score < 0 ? `\u2212${Math.abs(score)}` : String(score);
}

/** What each seat's score did on the current question (rulings, undos and adjustments). */
export function questionDeltas(view: Pick<ContestView, 'ledger' | 'question' | 'round'>): Map<SeatId, number> {
  const deltas = new Map<SeatId, number>();
  const number = view.question?.number;
  if (number === undefined || !view.round) return deltas;
  for (const entry of view.ledger) {
    if (entry.round !== view.round.index || entry.questionNumber !== number) continue;
    deltas.set(entry.seatId, (deltas.get(entry.seatId) ?? 0) + entry.delta);
  }
  return deltas;
}

/** Why a score changed, for the ledger lines: a reason key, or the host's own words. */
export function ledgerReason(entry: ScoreEntry): Message {
  switch (entry.reason) {
    case 'adjust':
      return { key: 'ledger.adjust', params: { note: entry.note ?? '' } };
    case 'undo':
      return { key: 'ledger.undo', params: { n: entry.questionNumber ?? '?' } };
    default:
      return { key: `ledger.${entry.reason}` };
  }
}

/** Where a score change belongs, "抢答题 第 3 题", or null outside any question (an adjustment in the lobby). */
export function ledgerPlace(view: Pick<ContestView, 'roundNames'>, entry: Pick<ScoreEntry, 'round' | 'questionNumber'>): Message | null {
  if (entry.questionNumber === null) return entry.round === null ? null : { key: 'ledger.round', params: { round: view.roundNames[entry.round] ?? '' } };
  return { key: 'ledger.place', params: { round: entry.round === null ? '' : (view.roundNames[entry.round] ?? ''), n: entry.questionNumber } };
}

/** The last few hand corrections (undos and adjustments), newest first, for the screen. */
export function recentCorrections(ledger: readonly ScoreEntry[], count: number): ScoreEntry[] {
  return ledger
    .filter((e) => e.reason === 'adjust' || e.reason === 'undo')
    .slice(-count)
    .reverse();
}

export function decisionLabel(decision: BuzzDecision): MessageKey {
  return `decision.${decision}`;
}

/** A press time as the log shows it: local HH:MM:SS.mmm. */
export function formatPressTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A buzz winner's lead over the runner-up in seconds, three decimals: "0.034". A near-tie
 * decided by arrival can leave the runner-up's judged press a hair earlier: that shows as 0. */
export function formatLead(leadMs: number): string {
  return (Math.max(0, leadMs) / 1000).toFixed(3);
}

/** The era label of a bank category when we know it, else the bank's own word. */
export function categoryLabel(category: string): { key: MessageKey } | { text: string } {
  const key = `category.${category}`;
  return isMessageKey(key) ? { key } : { text: category };
}

/** A size step for the stem on the big screen: long stems shrink so they never overflow. */
export function stemSize(stem: string): 'xl' | 'l' | 'm' | 's' {
  const length = [...stem].length;
  if (length <= 24) return 'xl';
  if (length <= 50) return 'l';
  if (length <= 90) return 'm';
  return 's';
}

/** Whether a seat is inside a timed false-start lockout now. */
export function isLockedOut(seat: SeatView, serverNow: number): boolean {
  return seat.lockedUntil !== null && seat.lockedUntil > serverNow;
}

/** A size step for a seat's name shown huge (the buzz winner), so it fits on one line up to 9 characters. */
export function nameSize(name: string): 'xl' | 'l' | 'm' | 's' {
  const length = [...name].length;
  if (length <= 5) return 'xl';
  if (length <= 7) return 'l';
  if (length <= 9) return 'm';
  return 's';
}

/** A weighted total as the ranking shows it: at most two decimals, a true minus sign. */
export function formatWeighted(total: number): string {
  return formatScore(Math.round(total * 100) / 100);
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十: stage numbers as a Chinese programme prints them. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CHINESE_DIGITS[tens] : ''}十${ones ? CHINESE_DIGITS[ones] : ''}`;
}

/** A stage's number in the reader's language: 第一环节 in Chinese, Stage 1 in English. */
export function stageNumber(locale: Locale, n: number): string {
  return locale === 'zh' ? chineseNumeral(n) : String(n);
}

/** "第一环节 比知识" and "第1轮 轮流必答": the two halves of a round's heading. */
export function roundHeading(round: RoundView, locale: Locale): { stage: Message; round: Message } {
  return {
    stage: { key: 'round.stage', params: { n: stageNumber(locale, round.stageNumber), name: round.stageName } },
    round: { key: 'round.number', params: { n: round.numberInStage, name: round.name } },
  };
}

/** The rules of a round in one line of short parts: questions, timers, points. */
export function ruleSummary(round: RoundView): Message[] {
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  // J1: a judged round has speakers, not questions, timers or points of its own.
  if (round.kind === 'judged') return [{ key: 'judging.rule.speakers', params: { n: round.questionCount } }];
  if (round.kind === 'risk') return riskRuleSummary(round);
  const parts: Message[] = [];
  if (round.kind === 'in-turn' && round.order.length > 0) {
    parts.push({ key: 'rule.perSeat', params: { n: Math.max(1, Math.round(round.questionCount / round.order.length)) } });
  } else {
    parts.push({ key: 'rule.questions', params: { n: round.questionCount } });
  }
  if (round.kind === 'buzz-in') parts.push({ key: 'rule.buzzWindow', params: { s: seconds(round.buzzWindowMs) } });
  parts.push({ key: 'rule.answerTime', params: { s: seconds(round.answerTimeMs) } });
  parts.push({ key: 'rule.right', params: { delta: formatDelta(round.rightPoints) } });
  if (round.kind === 'all-at-once' && round.partialCredit) parts.push({ key: 'rule.partial' });
  // RK9: a risk buzz-in round deducts each question's stake, not the round's wrong points.
  if (round.kind === 'buzz-in' && round.risk) parts.push({ key: 'rule.buzzRisk' });
  else parts.push(round.wrongPoints > 0 ? { key: 'rule.wrong', params: { delta: formatDelta(0 - round.wrongPoints) } } : { key: 'rule.noDeduction' });
  return parts;
}

/** The label of choice `index`: a letter (A, B...), or 对/错 for a true/false question. */
export function choiceLabel(question: Pick<AskedQuestionView, 'type'>, index: number): Label {
  if (question.type === 'true-false') return { key: index === 0 ? 'choice.true' : 'choice.false' };
  return { text: letters([index]) };
}

/** Every choice a question offers, with its label and its text (empty for true/false). */
export function choicesOf(question: Pick<AskedQuestionView, 'type' | 'options' | 'choices'>): { index: number; label: Label; text: string }[] {
  return Array.from({ length: question.choices }, (_, index) => ({ index, label: choiceLabel(question, index), text: question.options[index] ?? '' }));
}

/** A set of choices in words: "AC", or 对 / 错. */
export function choiceWords(question: Pick<AskedQuestionView, 'type'>, choice: readonly number[]): Label {
  if (question.type === 'true-false' && choice.length === 1) return choiceLabel(question, choice[0]);
  return { text: letters(choice) };
}

/** The answer as it can be shown: the open answer's text, or the right choices; null while secret. */
export function answerWords(question: AskedQuestionView): Label | null {
  if (question.answer !== null) return { text: question.answer };
  if (question.answerKey !== null && question.answerKey.length > 0) return choiceWords(question, question.answerKey);
  return null;
}

export interface GradeTally {
  right: number;
  partial: number;
  wrong: number;
  none: number;
}

/** How many seats got an all-at-once question right, partly right, wrong, or left it. */
export function gradeTally(results: Record<SeatId, SeatResult> | null): GradeTally {
  const tally: GradeTally = { right: 0, partial: 0, wrong: 0, none: 0 };
  for (const result of Object.values(results ?? {})) tally[result.grade] += 1;
  return tally;
}

export type TurnMark = 'done' | 'current' | 'next' | 'later';

export interface Turn {
  /** 1-based question number of this turn. */
  number: number;
  seatId: SeatId;
  mark: TurnMark;
  /** Points the ledger shows for this turn (done turns only), or null. */
  delta: number | null;
  /** Done without a ruling (T6): the host skipped it, so it was not answered. */
  skipped: boolean;
  /** The latest ruling of a done turn, to name a turn that scored nothing. */
  reason: 'right' | 'wrong' | 'timeout' | 'passed' | null;
}

/** T1, RK1: every turn of an in-turn or risk round in order, with where the round has got to. */
export function turnOrder(view: Pick<ContestView, 'round' | 'question' | 'ledger'>): Turn[] {
  const round = view.round;
  if (!round || (round.kind !== 'in-turn' && round.kind !== 'risk') || round.order.length === 0) return [];
  const current = view.question?.number ?? 0;
  const revealed = view.question?.phase === 'revealed';
  return Array.from({ length: round.questionCount }, (_, i) => {
    const number = i + 1;
    const mark: TurnMark =
      number < current || (number === current && revealed) ? 'done' : number === current ? 'current' : number === current + 1 ? 'next' : 'later';
    let delta: number | null = null;
    let reason: Turn['reason'] = null;
    let skipped = false;
    if (mark === 'done') {
      const entries = view.ledger.filter((e) => e.round === round.index && e.questionNumber === number);
      delta = entries.length ? entries.reduce((sum, e) => sum + e.delta, 0) : null;
      const ruling = entries.findLast((e) => !e.undone && (e.reason === 'right' || e.reason === 'wrong' || e.reason === 'timeout' || e.reason === 'passed'));
      reason = ruling ? (ruling.reason as Turn['reason']) : null;
      // Every ruling is on the ledger, even one worth 0 points: a done turn without one was skipped.
      skipped = reason === null && (number !== current || ((view.question?.kind === 'in-turn' || view.question?.kind === 'risk') && view.question.outcome === 'skipped'));
    }
    return { number, seatId: round.order[i % round.order.length], mark, delta, skipped, reason };
  });
}

/** What N does now: show the first round, start a round, next question, next round, or finish. */
export type NextStep = 'show-round' | 'first-question' | 'next-question' | 'next-round' | 'finish';

export function nextStep(view: Pick<ContestView, 'stage' | 'round' | 'question'> | null): NextStep | null {
  if (!view || view.stage === 'finished') return null;
  if (view.stage === 'lobby' || !view.round) return 'show-round';
  const q = view.question;
  if (!q) return 'first-question';
  if (q.number < q.total) return 'next-question';
  return view.round.index + 1 < view.round.count ? 'next-round' : 'finish';
}
