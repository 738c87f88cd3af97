// A contest on a fake clock with its host, its screen and phones holding the given seats, every
// connection pumped through that clock (pumpUntil): the set-up of the tests that drive the stage
// turn by turn and look at what each page was sent.
import { definition } from './definitions.js';
import { FakeClock } from './fake-clock.js';
import { startServer, type Harness } from './harness.js';
import { pumpUntil } from './latency-proxy.js';

/** A contest of `seats` seats; `harnesses` closes it after the test (closedAfterEach). */
export async function pumpedStage(harnesses: Harness[], seats: number, seated: readonly string[]) {
  const clock = new FakeClock();
  const h = await startServer({ clock, definition: definition({ seats }) });
  harnesses.push(h);
  const host = await pumpUntil(clock, h.host());
  const screen = await pumpUntil(clock, h.screen());
  const phones = await Promise.all(seated.map((seat) => pumpUntil(clock, h.contestant(seat))));
  return { clock, h, host, screen, phones };
}
