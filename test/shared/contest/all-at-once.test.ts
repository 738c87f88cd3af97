// Engine tests for the required-answer round all at once (同步作答), named by rule ID (RULES.md A1-A7).
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { MAX_ANSWERS_PER_QUESTION } from '../../../shared/contest/defaults.js';
import { apply, initialState, nextDeadline } from '../../../shared/contest/engine.js';
import type { Question } from '../../../shared/contest/question.js';
import type { AllAtOnceQuestion, AllAtOnceRound, ContestState } from '../../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../../shared/contest/views.js';
import { allAtOnceRound, choice, definition, play, T0, trueFalse } from '../../support/builders.js';
import { answersOf, askedOf } from '../../support/question-of.js';

const at = (ms: number) => T0 + ms;
const submit = (seatId: string, picks: number[], ms: number): Command => ({ type: 'answer:submit', seatId, choice: picks, at: at(ms) });
const aq = (state: ContestState): AllAtOnceQuestion => {
  if (state.question?.kind !== 'all-at-once') return expect.fail('not on an all-at-once question');
  return state.question;
};

function opened(question: Question, opts: Partial<AllAtOnceRound> = {}, seats = 3): ContestState {
  const def = definition({ seats, rounds: [allAtOnceRound([question], opts)] });
  return play(initialState(def), [
    { type: 'question:next', at: at(-2000) },
    { type: 'question:next', at: at(-1000) },
    { type: 'answers:open', at: at(0) },
  ]);
}

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: false };

describe('[A1] open', () => {
  it('[A1] answers open with a countdown; before that a phone cannot answer', () => {
    const def = definition({ rounds: [allAtOnceRound([choice(1, 'B')])] });
    const reading = play(initialState(def), [
      { type: 'question:next', at: at(-2000) },
      { type: 'question:next', at: at(-1000) },
    ]);
    expect(apply(reading, submit('s1', [1], -500))).toEqual({ ok: false, error: CommandError.AnswersClosed });
    const state = play(reading, [{ type: 'answers:open', at: at(0) }]);
    expect(aq(state)).toMatchObject({ phase: 'answering', answerDeadline: at(20_000) });
    expect(nextDeadline(state)).toBe(at(20_000));
  });
});

describe('[A2] change until the deadline', () => {
  it('[A2] the last answer in time counts', () => {
    const state = play(opened(choice(1, 'B')), [submit('s1', [0], 1000), submit('s1', [1], 19_999)]);
    expect(aq(state).answers.s1).toEqual({ choice: [1], at: at(19_999), count: 2 });
  });

  it.each([
    ['an option the question does not have', choice(1, 'B'), [4]],
    ['two options for single choice', choice(1, 'B'), [0, 1]],
    ['two options for true/false', trueFalse(1, true), [0, 1]],
    ['a third option for true/false', trueFalse(1, true), [2]],
    ['a negative index', choice(1, 'AC'), [-1]],
  ] as [string, Question, number[]][])('[A2] %s is refused', (_, question, picks) => {
    const state = opened(question);
    expect(apply(state, submit('s1', picks, 100))).toEqual({ ok: false, error: CommandError.BadChoice });
  });

  it('[A2] multiple choice takes several options, in any order, once each', () => {
    const state = play(opened(choice(1, 'AC')), [submit('s2', [2, 0, 2], 100)]);
    expect(aq(state).answers.s2.choice).toEqual([0, 2]);
  });

  it('[A2] an answer only updates that seat and the staff', () => {
    const result = apply(opened(choice(1, 'B')), submit('s2', [1], 100));
    expect(result.ok && result.audience).toEqual(['s2']);
    expect(result.ok && result.answer).toBe('recorded');
  });
});

describe('[A7] no floods', () => {
  it('[A7] past 20 answers on a question a seat is refused, in time or late; others are not held back', () => {
    const many = Array.from({ length: MAX_ANSWERS_PER_QUESTION }, (_, i) => submit('s1', [i % 2], 100 + i));
    const state = play(opened(choice(1, 'B')), many);
    expect(aq(state).answers.s1.count).toBe(MAX_ANSWERS_PER_QUESTION);
    expect(apply(state, submit('s1', [1], 5000))).toEqual({ ok: false, error: CommandError.TooManyAnswers });
    expect(apply(state, submit('s2', [1], 5000)).ok).toBe(true);
    // Late answers count too.
    const late = play(opened(choice(1, 'B')), [...many.slice(1), submit('s1', [1], 20_000)]);
    expect(aq(late).late).toHaveLength(1);
    expect(apply(late, submit('s1', [1], 20_001))).toEqual({ ok: false, error: CommandError.TooManyAnswers });
  });
});

describe('[A3][A4] deadline, lock and grade', () => {
  it('[A3] an answer at the deadline is late: kept for the record, not counted', () => {
    const result = apply(play(opened(choice(1, 'B')), [submit('s1', [1], 5000)]), submit('s2', [1], 20_000));
    expect(result.ok && result.answer).toBe('late');
    const state = result.ok ? result.state : expect.fail('refused');
    expect(aq(state).late).toEqual([{ seatId: 's2', at: at(20_000) }]);
    expect(aq(state).results?.s2).toEqual({ choice: null, grade: 'none', points: 0 });
    expect(state.scores).toEqual({ s1: 10, s2: 0, s3: 0 });
  });

  it.each([
    ['single right', choice(1, 'B'), {}, [1], 'right', 10],
    ['single wrong', choice(1, 'B'), {}, [2], 'wrong', 0],
    ['true/false right (对 = 0)', trueFalse(1, true), {}, [0], 'right', 10],
    ['true/false wrong', trueFalse(1, false), {}, [0], 'wrong', 0],
    ['multiple all right', choice(1, 'ACD'), {}, [0, 2, 3], 'right', 10],
    ['multiple missing one, all-or-nothing', choice(1, 'ACD'), {}, [0, 2], 'wrong', 0],
    ['multiple missing one, partial credit', choice(1, 'ACD'), { partialCredit: true }, [0, 2], 'partial', 5],
    ['multiple with a wrong one, partial credit', choice(1, 'ACD'), { partialCredit: true }, [0, 1], 'wrong', 0],
    ['single wrong with a deduction', choice(1, 'B'), { wrongPoints: 5 }, [0], 'wrong', -5],
    ['a question with its own points (F5)', { ...choice(1, 'B'), points: 30 }, {}, [1], 'right', 30],
  ] as [string, Question, Partial<AllAtOnceRound>, number[], string, number][])(
    '[A4] %s',
    (_, question, opts, picks, grade, points) => {
      const state = play(opened(question, opts), [submit('s1', picks, 1000), { type: 'clock:tick', at: at(20_000) }]);
      expect(aq(state).phase).toBe('revealed');
      expect(aq(state).results?.s1).toEqual({ choice: picks, grade, points });
      expect(state.scores.s1).toBe(points);
    },
  );

  it('[A4] no answer deducts like a wrong one', () => {
    const state = play(opened(choice(1, 'B'), { wrongPoints: 5 }), [{ type: 'clock:tick', at: at(20_000) }]);
    expect(aq(state).results?.s3).toEqual({ choice: null, grade: 'none', points: -5 });
    expect(state.scores.s3).toBe(-5);
  });

  it('[A4] the host may lock early', () => {
    const result = apply(play(opened(choice(1, 'B')), [submit('s1', [1], 1000)]), { type: 'answer:reveal', at: at(3000) });
    expect(result.ok && aq(result.state).phase).toBe('revealed');
    expect(result.ok && result.events).toEqual([{ type: 'answers-locked' }]);
  });
});

describe('[A5][A6] who sees what', () => {
  const answered = play(opened(choice(1, 'B')), [submit('s1', [1], 1000), submit('s2', [3], 1200)]);

  it('[A5] before the reveal a phone sees only its own answer and no key; staff see who answered', () => {
    const phone = viewFor('contestant', answered, facts, 's1').question;
    expect(phone).toMatchObject({ myAnswer: [1], answered: [], answerKey: null, results: null, distribution: null, explanation: null });
    expect(JSON.stringify(viewFor('contestant', answered, facts, 's1'))).not.toContain('[3]');
    const screen = viewFor('screen', answered, facts).question;
    expect(screen).toMatchObject({ answered: ['s1', 's2'], answerKey: null, myAnswer: null, results: null });
    expect(askedOf(viewFor('host', answered, facts))?.answerKey).toEqual([1]);
  });

  it('[A6] after the reveal: the key, the spread of choices, grades for staff, its own for a phone', () => {
    const revealed = play(answered, [{ type: 'clock:tick', at: at(20_000) }]);
    const screen = answersOf(viewFor('screen', revealed, facts));
    expect(screen).toMatchObject({ answerKey: [1], explanation: '解析1', distribution: [0, 1, 0, 1] });
    expect(Object.keys(screen?.results ?? {})).toEqual(['s1', 's2', 's3']);
    const phone = answersOf(viewFor('contestant', revealed, facts, 's2'));
    expect(phone?.results).toEqual({ s2: { choice: [3], grade: 'wrong', points: 0 } });
    expect(phone?.distribution).toEqual([0, 1, 0, 1]);
  });
});
