// Judged turns as the pages receive them, typed against the contract (judging-types.ts), with the
// longest real content: long seat names, a long reflection question, seven judges. The component
// samples show each moment of a turn without an engine or a server.
import type { JudgedTurnView, JudgeView } from '../../../shared/contest/judging-types.js';

export const LONG_SEAT = '衡阳市委组织部机关党委第二党支部（市委党建研究室）代表 欧阳晓雯';
export const LONG_QUESTION =
  '2021年是中国共产党成立100周年。请结合你所在支部开展党史学习教育的实际，谈谈你对“学史明理、学史增信、学史崇德、学史力行”的理解，并说明在今后的工作中如何把学习成果转化为为群众办实事、推动高质量发展的实际行动。';
export const JUDGES: JudgeView[] = [
  { id: 'j1', name: '王建国', title: '省委党校教授' },
  { id: 'j2', name: '李秀英', title: '市委宣传部副部长' },
  { id: 'j3', name: '张卫东' },
  { id: 'j4', name: '刘晓梅', title: '市委党史研究室主任' },
  { id: 'j5', name: '陈志强' },
  { id: 'j6', name: '欧阳文华', title: '湖南师范大学马克思主义学院教授' },
  { id: 'j7', name: '赵丽' },
];

const AT = 1_000_000_000;
/** The server time the samples are drawn at. */
export const NOW = AT + 250_000;

const base: JudgedTurnView = {
  kind: 'judged',
  number: 7,
  total: 10,
  seatId: 's7',
  prompt: 'question',
  topic: LONG_QUESTION,
  phase: 'speaking',
  prepareDeadline: null,
  speakingFrom: AT,
  speakDeadline: AT + 300_000,
  speakingUntil: null,
  speakMs: 300_000,
  warnAtMs: 60_000,
  overtime: { perMs: 30_000, points: 0.5 },
  scale: { min: 0, max: 100, step: 0.5 },
  criteria: [],
  aggregate: 'trimmed-mean',
  decimals: 2,
  scored: [],
  byHost: [],
  excluded: {},
  myScore: null,
  revealed: null,
};

const revealed: JudgedTurnView['revealed'] = {
  scores: { j1: 88, j2: 92.5, j3: 85, j4: 90, j5: 79.5, j6: 87.5, j7: 95 },
  result: { counted: ['j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7'], dropped: ['j7', 'j5'], aggregate: 88.6, overtimeMs: 45_000, deduction: 1, points: 87.6 },
};

/** Every moment worth looking at, by name: `role` says which page draws it. */
export const SAMPLES: Record<string, { role: 'screen' | 'judge' | 'host'; turn: JudgedTurnView; serverNow: number }> = {
  'screen-speaking': { role: 'screen', turn: base, serverNow: NOW },
  'screen-warning': { role: 'screen', turn: base, serverNow: AT + 262_000 },
  'screen-overtime': { role: 'screen', turn: base, serverNow: AT + 345_000 },
  'screen-scoring': { role: 'screen', turn: { ...base, phase: 'scoring', speakingUntil: AT + 345_000, scored: ['j1', 'j2', 'j4', 'j6', 'j7'] }, serverNow: NOW + 100_000 },
  'screen-reveal': { role: 'screen', turn: { ...base, phase: 'revealed', speakingUntil: AT + 345_000, revealed }, serverNow: NOW + 200_000 },
  'judge-entry': { role: 'judge', turn: base, serverNow: AT + 262_000 },
  'judge-criteria': { role: 'judge', turn: { ...base, prompt: 'title', topic: '以“党建+网格”破解老旧小区治理难题：我们支部的三年实践', criteria: [{ name: '内容', max: 40 }, { name: '表达', max: 30 }, { name: '效果', max: 30 }] }, serverNow: NOW },
  'judge-sent': { role: 'judge', turn: { ...base, phase: 'scoring', speakingUntil: AT + 290_000, myScore: { value: 87.5, at: AT, changes: 0 } }, serverNow: NOW },
  'judge-closed': { role: 'judge', turn: { ...base, phase: 'closed', speakingUntil: AT + 290_000, myScore: { value: 87.5, at: AT, changes: 1 } }, serverNow: NOW },
  'judge-revealed': { role: 'judge', turn: { ...base, phase: 'revealed', speakingUntil: AT + 345_000, myScore: { value: 87.5, at: AT, changes: 1 }, revealed }, serverNow: NOW },
  'host-scoring': { role: 'host', turn: { ...base, phase: 'scoring', speakingUntil: AT + 345_000, scored: ['j1', 'j2', 'j4', 'j6'], byHost: ['j4'], excluded: { j3: '回避（与选手同单位）' } }, serverNow: NOW },
  'host-reveal': { role: 'host', turn: { ...base, phase: 'revealed', speakingUntil: AT + 345_000, revealed }, serverNow: NOW },
};
