// J2 on the judge's page: the keypad and the -/+ buttons cannot make a score out of range or off
// the step, criteria add up, and a sent score comes back into the fields for 修改.
import { describe, expect, it } from 'vitest';
import { draftScore, draftTexts, fieldValid, keyUsable, nudge, scoreFields, stepDecimals, typeKey, type PadKey, type ScoreField } from '../../web/lib/score-entry.js';

const SCALE: ScoreField = { name: null, min: 0, max: 100, step: 0.5 };
const type = (keys: string, field = SCALE) => [...keys].reduce((text, k) => typeKey(text, (k === '<' ? 'back' : k) as PadKey, field), '');

describe('score entry on the judge page', () => {
  it('[J2] types a score digit by digit, with a half point', () => {
    expect(type('87')).toBe('87');
    expect(type('87.5')).toBe('87.5');
    expect(type('100')).toBe('100');
    expect(type('.5')).toBe('0.5');
    expect(type('087')).toBe('87');
    expect(type('87.5<<')).toBe('87');
  });

  it('[J2] refuses keys that would leave the range or the step', () => {
    expect(type('875')).toBe('87');
    expect(type('101')).toBe('10');
    expect(type('100.')).toBe('100');
    expect(type('87.3')).toBe('87.');
    expect(type('87.55')).toBe('87.5');
    expect(type('87..5')).toBe('87.5');
    expect(keyUsable('87', '5', SCALE)).toBe(false);
    expect(keyUsable('87.', '5', SCALE)).toBe(true);
    expect(keyUsable('87.', '4', SCALE)).toBe(false);
    expect(keyUsable('', 'back', SCALE)).toBe(false);
  });

  it('[J2] a step of one takes no point; a step of 0.25 takes two decimals on the step', () => {
    const whole = { ...SCALE, step: 1 };
    expect(stepDecimals(1)).toBe(0);
    expect(type('87.', whole)).toBe('87');
    const quarter = { ...SCALE, step: 0.25 };
    expect(type('87.25', quarter)).toBe('87.25');
    expect(type('87.3', quarter)).toBe('87.');
    expect(type('87.2', quarter)).toBe('87.2');
    expect(type('87.26', quarter)).toBe('87.2');
  });

  it('[J2] -/+ move by steps and stop at the ends of the range', () => {
    expect(nudge('87', 0.5, SCALE)).toBe('87.5');
    expect(nudge('87', -1, SCALE)).toBe('86');
    expect(nudge('99.5', 1, SCALE)).toBe('100');
    expect(nudge('0.5', -1, SCALE)).toBe('0');
    expect(nudge('', 1, SCALE)).toBe('0');
    expect(nudge('', -1, SCALE)).toBe('100');
    expect(nudge('87.', 0.5, SCALE)).toBe('87.5');
  });

  it('[J2] a score is ready only when in range and on the step', () => {
    expect(fieldValid('87.5', SCALE)).toBe(true);
    expect(fieldValid('87.', SCALE)).toBe(true);
    expect(fieldValid('', SCALE)).toBe(false);
    expect(fieldValid('59', { ...SCALE, min: 60 })).toBe(false);
    expect(draftScore(['87.5'], [SCALE])).toEqual({ value: 87.5 });
    expect(draftScore([''], [SCALE])).toBeNull();
  });

  it('[J2] with criteria, one field each, adding up without float surprises', () => {
    const fields = scoreFields({ scale: { min: 0, max: 100, step: 0.1 }, criteria: [{ name: '内容', max: 40 }, { name: '表达', max: 30 }, { name: '效果', max: 30 }] });
    expect(fields.map((f) => [f.name, f.max])).toEqual([['内容', 40], ['表达', 30], ['效果', 30]]);
    expect(type('41', fields[0])).toBe('4');
    expect(draftScore(['36.1', '27.2', '25.3'], fields)).toEqual({ value: 88.6, parts: [36.1, 27.2, 25.3] });
    expect(draftScore(['36.1', '', '25.3'], fields)).toBeNull();
    expect(draftTexts({ value: 88.6, parts: [36.1, 27.2, 25.3] }, fields)).toEqual(['36.1', '27.2', '25.3']);
    expect(draftTexts(null, fields)).toEqual(['', '', '']);
    expect(draftTexts({ value: 87.5 }, [SCALE])).toEqual(['87.5']);
  });
});
