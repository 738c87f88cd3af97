// How the pages put a risk turn (风险题, RK) into words: its rules line, the stake badge, the
// verdict with the stake, and which stake a host key picks. Plain functions, tested without a DOM.
import type { RiskQuestionView, RoundView } from '../../shared/contest/views.js';
import type { MessageKey } from '../../shared/i18n/index.js';

/** A message to translate (as contest-display's `Message`, kept apart so neither imports the other). */
interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

type RiskRoundView = Extract<RoundView, { kind: 'risk' }>;

/** RK1-RK4 in one line: turns each, answer time, the stakes, right earns / wrong loses, pass. */
export function riskRuleSummary(round: RiskRoundView): Message[] {
  const perSeat = round.order.length > 0 ? Math.max(1, Math.round(round.questionCount / round.order.length)) : round.questionCount;
  return [
    { key: 'rule.perSeat', params: { n: perSeat } },
    { key: 'rule.answerTime', params: { s: Math.round(round.answerTimeMs / 100) / 10 } },
    { key: 'rule.stakes', params: { stakes: round.stakes.join(' / ') } },
    { key: 'rule.stakeRisk' },
    ...(round.allowPass ? [{ key: 'rule.pass' } as const] : []),
  ];
}

/** The verdict as the hall reads it: 答对 +30, 答错 −30, 超时 −30, 放弃; null before a ruling or for a skip. */
export function riskVerdict(q: Pick<RiskQuestionView, 'outcome' | 'stake'>): Message | null {
  switch (q.outcome) {
    case 'right':
      return { key: 'risk.verdictRight', params: { stake: q.stake ?? 0 } };
    case 'wrong':
      return { key: 'risk.verdictWrong', params: { stake: q.stake ?? 0 } };
    case 'timeout':
      return { key: 'risk.verdictTimeout', params: { stake: q.stake ?? 0 } };
    case 'passed':
      return { key: 'risk.passed' };
    default:
      return null;
  }
}

/** What a ruled turn did to the score: +stake, −stake; null for a pass, a skip or before a ruling (RK5). */
export function riskDelta(q: Pick<RiskQuestionView, 'outcome' | 'stake'>): number | null {
  if (q.stake === null) return null;
  if (q.outcome === 'right') return q.stake;
  return q.outcome === 'wrong' || q.outcome === 'timeout' ? 0 - q.stake : null;
}

/** The host's digit keys: 1 picks the first stake, 2 the second...; 0 passes (RK2, RK4). */
export const STAKE_KEYS = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6'] as const;
export const PASS_KEYS = ['Digit0', 'Numpad0'] as const;

/** The stake a key picks in a round with these stakes: a number, null for a pass, undefined for no stake key. */
export function stakeForKey(code: string, stakes: readonly number[], allowPass: boolean): number | null | undefined {
  if ((PASS_KEYS as readonly string[]).includes(code)) return allowPass ? null : undefined;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  if (!digit) return undefined;
  return stakes[Number(digit[1]) - 1];
}
