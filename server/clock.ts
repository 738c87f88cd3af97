// The clock the server runs on. Only server/main.ts builds the real one; tests pass a fake.

export interface Clock {
  now(): number;
  /** Runs `fn` once when the clock reaches `at`; returns a function that cancels it. */
  schedule(at: number, fn: () => void): () => void;
}

/** Wall-clock time, so deadlines written to disk still mean something after a restart. */
export function realClock(): Clock {
  return {
    now: () => Date.now(),
    schedule(at, fn) {
      const timer = setTimeout(fn, Math.max(0, at - Date.now()));
      return () => clearTimeout(timer);
    },
  };
}
