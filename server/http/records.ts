// The record of a show, for the organisers and for disputes (申诉): rebuilt by replaying the
// contest's log, so every press of every question is there, not only the current question's.
import { replay, type RefusedCommand } from '../../shared/contest/replay.js';
import { letters } from '../../shared/contest/question.js';
import { flatRounds } from '../../shared/contest/rounds.js';
import { ranking, type Standing } from '../../shared/contest/standings.js';
import type { TieRecord } from '../../shared/contest/ranking-types.js';
import type { BuzzRecord, ContestState, ScoreEntry, SeatResult } from '../../shared/contest/types.js';
import type { StoredContest } from '../storage/store.js';
import type { DecidedBy } from '../../shared/contest/arbiter.js';
import { judgedRows, type JudgedRow } from './judged-record.js';

export interface PressRow extends BuzzRecord {
  /** On the winning press: why the buzz went to it (P5). */
  decidedBy: DecidedBy | null;
  round: number;
  questionNumber: number;
  questionId: string;
  /** The question's text, beside its id: a dispute is about the question asked. */
  questionText: string;
}

export interface AnswerRow {
  round: number;
  questionNumber: number;
  questionId: string;
  questionText: string;
  seatId: string;
  /** Letters chosen, or '' for no answer. */
  choice: string;
  answeredAt: number | null;
  result: SeatResult['grade'] | 'late';
  points: number;
}

export interface ShowRecord {
  state: ContestState;
  standings: Standing[];
  /** R7: every group of seats level on the total, with each tie-break step's figures. */
  ties: TieRecord[];
  ledger: ScoreEntry[];
  presses: PressRow[];
  answers: AnswerRow[];
  /** Judged rounds: every judge's score for every seat's turn, as each turn ended. */
  judged: JudgedRow[];
  /** Logged commands that no longer replay: the record says so instead of hiding them. */
  refused: RefusedCommand[];
}

/** Replays the log and keeps each question's presses and answers as they ended. */
export function recordOf(stored: Pick<StoredContest, 'definition' | 'commands'>): ShowRecord {
  const byQuestion = new Map<string, { presses: PressRow[]; answers: AnswerRow[] }>();
  const byTurn = new Map<string, JudgedRow[]>();
  // The record is still made from what replays; `refused` tells its reader what did not.
  const { state, refused } = replay(stored.definition, stored.commands, ({ result: { state: played } }) => {
    const q = played.question;
    if (!q) return;
    // A judged turn: an action round has no drawn question, so it is kept before asking for one.
    if (q.kind === 'judged') return void byTurn.set(`${played.roundIndex}:${q.index}`, judgedRows(q, played.roundIndex, played.definition.judges ?? []));
    const round = flatRounds(played.definition)[played.roundIndex]?.round;
    const question = round?.questions[q.index];
    if (!round || !question) return;
    const where = { round: played.roundIndex, questionNumber: q.index + 1, questionId: question.id, questionText: question.stem };
    const key = `${played.roundIndex}:${q.index}`;
    if (q.kind === 'buzz-in') {
      byQuestion.set(key, { presses: q.buzzes.map((b) => ({ ...b, decidedBy: b.decision === 'won' ? q.decidedBy : null, ...where })), answers: [] });
    } else if (q.kind === 'all-at-once' && q.results) {
      const answers = Object.entries(q.results).map(([seatId, r]) => ({
        ...where,
        seatId,
        choice: letters(r.choice ?? []),
        answeredAt: q.answers[seatId]?.at ?? null,
        result: r.grade,
        points: r.points,
      }));
      const late = q.late.map((l) => ({ ...where, seatId: l.seatId, choice: '', answeredAt: l.at, result: 'late' as const, points: 0 }));
      byQuestion.set(key, { presses: [], answers: [...answers, ...late] });
    }
  });
  const questions = [...byQuestion.values()];
  const { standings, ties } = ranking(state);
  return {
    state,
    standings,
    ties,
    ledger: state.ledger,
    presses: questions.flatMap((q) => q.presses),
    answers: questions.flatMap((q) => q.answers),
    judged: [...byTurn.values()].flat(),
    refused,
  };
}
