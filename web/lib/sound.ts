// Sounds for the big screen, made with WebAudio oscillators (no audio files to ship). Browsers
// keep audio blocked until a user gesture, so the screen has a small "enable sound" button; the
// volume (and whether sound was on) is remembered by the screen's browser.

export type Chime = 'buzz' | 'right' | 'wrong' | 'locked' | 'tick' | 'reveal' | 'false-start' | 'warning' | 'time-up';

interface Tone {
  freq: number;
  start: number;
  length: number;
  type: OscillatorType;
}

const TONES: Record<Chime, Tone[]> = {
  // A bright double ding: someone has the buzz.
  buzz: [
    { freq: 988, start: 0, length: 0.16, type: 'square' },
    { freq: 1319, start: 0.17, length: 0.32, type: 'square' },
  ],
  right: [
    { freq: 523, start: 0, length: 0.14, type: 'triangle' },
    { freq: 659, start: 0.14, length: 0.14, type: 'triangle' },
    { freq: 784, start: 0.28, length: 0.36, type: 'triangle' },
  ],
  wrong: [{ freq: 196, start: 0, length: 0.5, type: 'sawtooth' }],
  // Two low knocks: all-at-once answers are locked.
  locked: [
    { freq: 440, start: 0, length: 0.12, type: 'sine' },
    { freq: 330, start: 0.16, length: 0.3, type: 'sine' },
  ],
  // A short wooden tick for each of a countdown's last five seconds.
  tick: [{ freq: 1760, start: 0, length: 0.05, type: 'square' }],
  // A rising bell: the answer is up.
  reveal: [
    { freq: 659, start: 0, length: 0.2, type: 'sine' },
    { freq: 880, start: 0.12, length: 0.2, type: 'sine' },
    { freq: 1319, start: 0.24, length: 0.5, type: 'sine' },
  ],
  // Two quick low buzzes: someone pressed too early.
  'false-start': [
    { freq: 147, start: 0, length: 0.12, type: 'sawtooth' },
    { freq: 147, start: 0.16, length: 0.12, type: 'sawtooth' },
  ],
  // A soft two-note bell: the speaker has the warning time left (J6).
  warning: [
    { freq: 784, start: 0, length: 0.35, type: 'sine' },
    { freq: 784, start: 0.45, length: 0.5, type: 'sine' },
  ],
  // Three falling notes: the speaking time is up, overtime counts from now.
  'time-up': [
    { freq: 880, start: 0, length: 0.25, type: 'triangle' },
    { freq: 698, start: 0.28, length: 0.25, type: 'triangle' },
    { freq: 523, start: 0.56, length: 0.5, type: 'triangle' },
  ],
};

/** Loudness of one tone at full volume: several overlap, and square waves are harsh. */
const PEAK = 0.25;

/** Where the screen keeps its sound settings (this browser only). */
export const SOUND_KEY = 'qiangda.screen.sound';

export interface SoundSettings {
  /** 0 to 1. */
  volume: number;
  /** Sound was on last time: turned on again at the first click or key. */
  on: boolean;
}

export const DEFAULT_SOUND: SoundSettings = { volume: 0.8, on: false };

/** The remembered settings, or the defaults for anything missing or damaged. */
export function loadSound(storage: Pick<Storage, 'getItem'> | null): SoundSettings {
  try {
    const saved = JSON.parse(storage?.getItem(SOUND_KEY) ?? 'null') as Partial<SoundSettings> | null;
    const volume = typeof saved?.volume === 'number' && saved.volume >= 0 && saved.volume <= 1 ? saved.volume : DEFAULT_SOUND.volume;
    return { volume, on: saved?.on === true };
  } catch {
    return { ...DEFAULT_SOUND };
  }
}

/** Remembers the settings; a browser that refuses storage just forgets them. */
export function saveSound(storage: Pick<Storage, 'setItem'> | null, settings: SoundSettings): void {
  try {
    storage?.setItem(SOUND_KEY, JSON.stringify(settings));
  } catch {
    // private mode or full storage: the setting lasts until the page closes
  }
}

export class Chimes {
  private context: AudioContext | null = null;
  private volume = DEFAULT_SOUND.volume;

  setVolume(volume: number): void {
    this.volume = Math.min(1, Math.max(0, volume));
  }

  get enabled(): boolean {
    return this.context?.state === 'running';
  }

  /** Call from a click: creates or resumes the audio context. */
  async enable(): Promise<boolean> {
    try {
      this.context ??= new AudioContext();
      await this.context.resume();
    } catch {
      return false;
    }
    return this.enabled;
  }

  async disable(): Promise<void> {
    await this.context?.suspend();
  }

  play(chime: Chime): void {
    const context = this.context;
    if (!context || context.state !== 'running' || this.volume === 0) return;
    const peak = PEAK * this.volume;
    const t0 = context.currentTime + 0.01;
    for (const tone of TONES[chime]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = tone.type;
      osc.frequency.value = tone.freq;
      const start = t0 + tone.start;
      const end = start + tone.length;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(peak, start + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.001, end);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(end + 0.02);
    }
  }
}
