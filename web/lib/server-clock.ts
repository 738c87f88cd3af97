// Estimates the server's clock from the page, so countdowns show the server's deadlines.
// Each update carries serverNow; we keep the offset seen with the least delay (the largest
// server-minus-local value), because a late-arriving packet can only make the server look behind.

export class ServerClock {
  private offset: number | null = null;

  observe(serverNow: number, localNow: number): void {
    const sample = serverNow - localNow;
    if (this.offset === null || sample > this.offset) this.offset = sample;
  }

  now(localNow: number): number {
    return localNow + (this.offset ?? 0);
  }
}

/** Whole seconds left until `deadline`, never negative; rounds up so 0.2 s shows as 1. */
export function secondsLeft(deadline: number, serverNow: number): number {
  return Math.max(0, Math.ceil((deadline - serverNow) / 1000));
}
