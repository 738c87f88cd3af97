// Contest definitions for tests and benchmarks (no test-runner imports, so benchmarks can use them).
import { DEFAULT_BUZZ_RULES } from '../../shared/contest/defaults.js';
import type { Question } from '../../shared/contest/question.js';
import type { Judge, JudgedSettings } from '../../shared/contest/judging-types.js';
import type { AllAtOnceRound, BuzzRules, ContestDefinition, ContestState, InTurnRound, JudgedRound, RiskRound, Round, Seat } from '../../shared/contest/types.js';
import type { RiskSettings } from '../../shared/contest/risk-types.js';

export const T0 = 1_700_000_000_000;
const ANY = { categories: [], difficulties: [], types: [] };

export function question(n: number): Question {
  return { id: `q${n}`, type: 'open', category: 'founding', difficulty: 1, stem: `第${n}题题干`, answer: `答案${n}`, explanation: `解析${n}` };
}

/** A choice question: `answer` as letters, e.g. "B" or "AC"; type from how many letters. */
export function choice(n: number, answer: string, type: 'single' | 'multiple' = answer.length > 1 ? 'multiple' : 'single'): Question {
  return {
    id: `c${n}`,
    type,
    category: 'reform',
    difficulty: 2,
    stem: `第${n}道选择题`,
    options: ['甲', '乙', '丙', '丁'],
    answer: [...answer].map((l) => l.charCodeAt(0) - 65),
    explanation: `解析${n}`,
  };
}

export function trueFalse(n: number, answer: boolean): Question {
  return { id: `tf${n}`, type: 'true-false', category: 'new-era', difficulty: 1, stem: `第${n}道判断题`, answer, explanation: `解析${n}` };
}

export function seats(count: number): Seat[] {
  return Array.from({ length: count }, (_, i) => ({ id: `s${i + 1}`, name: `${i + 1}号席`, kind: 'individual', phones: 1 }));
}

export function buzzRound(questions: number, rules: Partial<BuzzRules> = {}, offset = 0): Round {
  return {
    id: 'buzz',
    name: '抢答题',
    kind: 'buzz-in',
    draw: ANY,
    rules: { ...DEFAULT_BUZZ_RULES, ...rules },
    questions: Array.from({ length: questions }, (_, i) => question(offset + i + 1)),
  };
}

export function inTurnRound(order: string[], perSeat = 1, opts: Partial<InTurnRound> = {}): InTurnRound {
  return {
    id: 'turns',
    name: '轮流必答',
    kind: 'in-turn',
    draw: ANY,
    order,
    perSeat,
    answerTimeMs: 30_000,
    rightPoints: 10,
    wrongPoints: 0,
    questions: Array.from({ length: order.length * perSeat }, (_, i) => question(100 + i)),
    ...opts,
  };
}

/** 风险题: stakes 10/20/30 with a pass allowed unless told otherwise; one question per turn. */
export function riskRound(order: string[], perSeat = 1, opts: Partial<RiskSettings> = {}): RiskRound {
  return {
    id: 'risk',
    name: '风险题',
    kind: 'risk',
    draw: ANY,
    risk: { stakes: [10, 20, 30], allowPass: true, order, perSeat, answerTimeMs: 30_000, ...opts },
    questions: Array.from({ length: order.length * perSeat }, (_, i) => question(300 + i)),
  };
}

export function allAtOnceRound(questions: Question[], opts: Partial<AllAtOnceRound> = {}): AllAtOnceRound {
  return {
    id: 'together',
    name: '同步作答',
    kind: 'all-at-once',
    draw: ANY,
    answerTimeMs: 20_000,
    rightPoints: 10,
    wrongPoints: 0,
    partialCredit: false,
    partialPoints: 5,
    questions,
    ...opts,
  };
}

/** A judging panel of `count` judges, j1, j2, ... in panel order. */
export function judges(count: number): Judge[] {
  return Array.from({ length: count }, (_, i) => ({ id: `j${i + 1}`, name: `评委${i + 1}` }));
}

/** A judged round calling `order` in turn: an action round (述行动, each seat on its own title)
 * unless `prompt` is 'question', when each seat gets an open question of its own. */
export function judgedRound(order: string[], opts: Partial<JudgedSettings> = {}): JudgedRound {
  const judging: JudgedSettings = {
    prompt: 'title',
    orderBy: 'file',
    order,
    prepareMs: 0,
    speakMs: 300_000,
    warnAtMs: 60_000,
    overtime: null,
    scale: { min: 0, max: 100, step: 0.5 },
    criteria: [],
    aggregate: 'trimmed-mean',
    decimals: 2,
    ...opts,
  };
  const questions = judging.prompt === 'question' ? order.map((_, i) => question(200 + i)) : [];
  return { id: 'judged', name: judging.prompt === 'question' ? '悟思想' : '述行动', kind: 'judged', draw: ANY, questions, judging };
}

/** A one-stage contest; by default a single buzz-in round, as the first version had. */
export function definition(opts: { seats?: number; questions?: number; rules?: Partial<BuzzRules>; rounds?: Round[] } = {}): ContestDefinition {
  return {
    title: '测试竞赛',
    seed: 'test',
    seats: seats(opts.seats ?? 3),
    stages: [{ id: 'stage-1', name: '比知识', weight: 1, rounds: opts.rounds ?? [buzzRound(opts.questions ?? 3, opts.rules)] }],
  };
}

/** The answer countdown of the question in play, for kinds that have one (null otherwise). */
export function answerDeadlineOf(state: ContestState): number | null {
  const q = state.question;
  return q && 'answerDeadline' in q ? q.answerDeadline : null;
}
