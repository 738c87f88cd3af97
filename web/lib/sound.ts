// Sounds for the big screen, made with WebAudio oscillators (no audio files to ship). Browsers
// keep audio blocked until a user gesture, so the screen has a small "enable sound" button.

export type Chime = 'buzz' | 'right' | 'wrong' | 'locked';

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
};

const VOLUME = 0.25;

export class Chimes {
  private context: AudioContext | null = null;

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
    if (!context || context.state !== 'running') return;
    const t0 = context.currentTime + 0.01;
    for (const tone of TONES[chime]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = tone.type;
      osc.frequency.value = tone.freq;
      const start = t0 + tone.start;
      const end = start + tone.length;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(VOLUME, start + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.001, end);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(end + 0.02);
    }
  }
}
