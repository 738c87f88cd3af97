// The screen remembers its volume and whether sound was on, and survives damaged storage.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOUND, loadSound, saveSound, SOUND_KEY } from '../../web/lib/sound.js';

function memory(): Storage {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage;
}

describe('sound settings', () => {
  it('round-trips the volume and the on switch', () => {
    const storage = memory();
    expect(loadSound(storage)).toEqual(DEFAULT_SOUND);
    saveSound(storage, { volume: 0.35, on: true });
    expect(loadSound(storage)).toEqual({ volume: 0.35, on: true });
  });

  it('falls back to the defaults on damaged or out-of-range values, and on no storage', () => {
    const storage = memory();
    storage.setItem(SOUND_KEY, '{not json');
    expect(loadSound(storage)).toEqual(DEFAULT_SOUND);
    storage.setItem(SOUND_KEY, JSON.stringify({ volume: 7, on: 'yes' }));
    expect(loadSound(storage)).toEqual(DEFAULT_SOUND);
    expect(loadSound(null)).toEqual(DEFAULT_SOUND);
    const refusing = { setItem: () => { throw new Error('quota'); } };
    expect(() => saveSound(refusing, DEFAULT_SOUND)).not.toThrow();
  });
});
