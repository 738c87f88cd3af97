// Keeps a contestant's phone from dimming mid-contest. Browsers only allow it from a user
// gesture, so the page calls keepAwake() from the join button and from each press.
import NoSleep from 'nosleep.js';

let noSleep: NoSleep | null = null;

/** Turns the wake lock on once; later calls are cheap no-ops. */
export function keepAwake(): void {
  try {
    noSleep ??= new NoSleep();
    if (!noSleep.isEnabled) noSleep.enable().catch(() => {});
  } catch {
    // No wake lock on this browser: the phone may dim, nothing else breaks.
  }
}
