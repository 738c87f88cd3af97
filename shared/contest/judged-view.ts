// What a page sees of a seat's turn in a judged round (J7): before the reveal no page receives a
// judge's value, except a judge its own; the host learns who has scored, from paper or not.
import type { JudgedTurn, JudgedTurnView, JudgeView } from './judging-types.js';
import type { Viewer } from './question-views.js';
import type { ContestDefinition, JudgedRound, Seat } from './types.js';

/** Every role shows the panel by name, title and unit: nothing secret. */
export function judgesView(definition: ContestDefinition): JudgeView[] {
  return (definition.judges ?? []).map(({ id, name, title, unit }) => ({ id, name, ...(title && { title }), ...(unit && { unit }) }));
}

/** J1: what the seat is called to speak on: its drawn question (悟思想) or its own title (述行动). */
export function topicOf(seats: readonly Seat[], round: JudgedRound, q: JudgedTurn): string {
  if (round.judging.prompt === 'question') return round.questions[q.index]?.stem ?? '';
  return seats.find((s) => s.id === q.seatId)?.topic ?? '';
}

/** J7: the turn as one viewer may see it (a judge's page: its own score). */
export function judgedTurnView(round: JudgedRound, q: JudgedTurn, { sight, judgeId, seats }: Viewer): JudgedTurnView {
  const { judging } = round;
  const status = sight.judgeScores === 'status';
  const count = sight.judgeScores === 'count';
  const own = sight.judgeScores === 'own' && judgeId !== null && Object.hasOwn(q.scores, judgeId) ? q.scores[judgeId] : null;
  const counted = q.result?.counted ?? [];
  return {
    kind: 'judged',
    number: q.index + 1,
    total: judging.order.length,
    seatId: q.seatId,
    prompt: judging.prompt,
    topic: topicOf(seats, round, q),
    phase: q.phase,
    prepareDeadline: q.prepareDeadline,
    speakingFrom: q.speakingFrom,
    speakDeadline: q.speakDeadline,
    speakingUntil: q.speakingUntil,
    speakMs: judging.speakMs,
    warnAtMs: judging.warnAtMs,
    overtime: judging.overtime,
    scale: judging.scale,
    criteria: judging.criteria,
    aggregate: judging.aggregate,
    decimals: judging.decimals,
    scored: status || count ? Object.keys(q.scores).filter((id) => !Object.hasOwn(q.excluded, id)) : [],
    byHost: status ? Object.keys(q.scores).filter((id) => q.scores[id].byHost) : [],
    // The hall may know a judge does not count for this seat, never why (回避 names a conflict).
    excluded: status ? { ...q.excluded } : count ? Object.fromEntries(Object.keys(q.excluded).map((id) => [id, ''])) : {},
    myScore: own && { ...own },
    revealed: q.phase === 'revealed' && q.result ? { scores: Object.fromEntries(counted.map((id) => [id, q.scores[id].value])), result: q.result } : null,
  };
}
