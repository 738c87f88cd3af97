// The fitting logic behind the big screen's text, against boxes that say when they overflow.
import { describe, expect, it } from 'vitest';
import { firstFittingLevel, fitBox, sizeAt, type FitBox } from '../../web/lib/fit-text.js';

/** A box of `lines` of text that overflows once the text at `scale` needs more than `room`. */
function box(fitsUpTo: number): FitBox & { scale: number; tries: number } {
  return {
    scale: -1,
    tries: 0,
    apply(scale) {
      this.scale = scale;
      this.tries += 1;
    },
    overflows() {
      return this.scale > fitsUpTo;
    },
  };
}

describe('fit-text', () => {
  it('maps a scale onto the range from the floor to the ceiling, clamped', () => {
    expect(sizeAt({ floor: 2.4, ceiling: 4.4 }, 0)).toBe(2.4);
    expect(sizeAt({ floor: 2.4, ceiling: 4.4 }, 1)).toBe(4.4);
    expect(sizeAt({ floor: 2, ceiling: 3 }, 0.5)).toBe(2.5);
    expect(sizeAt({ floor: 2, ceiling: 3 }, 7)).toBe(3);
    expect(sizeAt({ floor: 2, ceiling: 3 }, -1)).toBe(2);
  });

  it('keeps the ceiling when everything fits, after one try', () => {
    const b = box(1);
    expect(fitBox(b)).toEqual({ scale: 1, fits: true });
    expect(b.tries).toBe(1);
  });

  it('finds the largest scale that fits, within a sixty-fourth, and leaves the box set to it', () => {
    for (const limit of [0, 0.1, 0.37, 0.5, 0.93]) {
      const b = box(limit);
      const result = fitBox(b);
      expect(result.fits).toBe(true);
      expect(result.scale).toBeLessThanOrEqual(limit);
      expect(limit - result.scale).toBeLessThan(1 / 64);
      expect(b.scale).toBe(result.scale);
      expect(b.overflows()).toBe(false);
    }
  });

  it('says it does not fit when even the floor overflows, and leaves the floor (never below it)', () => {
    const b = box(-0.5);
    expect(fitBox(b)).toEqual({ scale: 0, fits: false });
    expect(b.scale).toBe(0);
  });

  it('steps down the ladder to the first layout that fits, or stays on the last', () => {
    const tried: number[] = [];
    expect(firstFittingLevel(3, (level) => (tried.push(level), level >= 2))).toEqual({ level: 2, fits: true });
    expect(tried).toEqual([0, 1, 2]);
    expect(firstFittingLevel(2, () => false)).toEqual({ level: 2, fits: false });
    expect(firstFittingLevel(0, () => true)).toEqual({ level: 0, fits: true });
  });
});
