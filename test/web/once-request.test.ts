// D2 on the page side: a request that changes the contest is sent again, with the same id,
// after each reconnect until its answer arrives; never while it is still waiting on one link.
import { describe, expect, it } from 'vitest';
import { requestIdSchema } from '../../shared/protocol.js';
import { sendOnce, type RequestLink, type SetTimer } from '../../web/lib/once-request.js';

class FakeLink implements RequestLink {
  connected = true;
  sent: { event: string; payload: Record<string, unknown>; ack: (reply: unknown) => void }[] = [];
  private listeners = new Set<() => void>();
  emit(event: string, payload: object, ack: (reply: unknown) => void): void {
    this.sent.push({ event, payload: payload as Record<string, unknown>, ack });
  }
  onConnect(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  reconnect(): void {
    for (const l of [...this.listeners]) l();
  }
  listening(): number {
    return this.listeners.size;
  }
}

/** Timers that fire only when the test says so. */
function fakeTimers(): { setTimer: SetTimer; fire: () => void; pending: () => number } {
  const timers = new Set<() => void>();
  return {
    setTimer: (fn) => {
      timers.add(fn);
      return () => timers.delete(fn);
    },
    fire: () => [...timers].forEach((fn) => fn()),
    pending: () => timers.size,
  };
}

describe('[D2] sendOnce', () => {
  it('sends with a valid request id, and resolves with the answer', async () => {
    const link = new FakeLink();
    const timers = fakeTimers();
    const reply = sendOnce(link, 'host:command', { type: 'question:next' }, 15_000, timers.setTimer, 'timeout');
    expect(link.sent).toHaveLength(1);
    expect(link.sent[0].payload.type).toBe('question:next');
    expect(requestIdSchema.safeParse(link.sent[0].payload.rid).success).toBe(true);
    link.sent[0].ack({ data: null });
    expect(await reply).toEqual({ data: null });
    expect(link.listening()).toBe(0);
    expect(timers.pending()).toBe(0);
  });

  it('sends again with the same id after a reconnect, and takes the first answer', async () => {
    const link = new FakeLink();
    const timers = fakeTimers();
    const reply = sendOnce(link, 'buzz:press', { pressedAt: 5 }, 15_000, timers.setTimer, 'timeout');
    link.reconnect();
    link.reconnect();
    expect(link.sent).toHaveLength(3);
    expect(new Set(link.sent.map((s) => s.payload.rid)).size).toBe(1);
    expect(link.sent.every((s) => s.payload.pressedAt === 5)).toBe(true);
    link.sent[2].ack({ data: { decision: 'won' } });
    link.sent[0].ack({ data: { decision: 'late' } });
    expect(await reply).toEqual({ data: { decision: 'won' } });
    // Answered: a later reconnect sends nothing more.
    link.reconnect();
    expect(link.sent).toHaveLength(3);
  });

  it('gives up when no answer comes within the window', async () => {
    const link = new FakeLink();
    const timers = fakeTimers();
    const reply = sendOnce(link, 'answer:submit', { choice: [1] }, 15_000, timers.setTimer, 'timeout');
    timers.fire();
    expect(await reply).toBe('timeout');
    link.reconnect();
    expect(link.sent).toHaveLength(1);
  });

  it('each request gets its own id', () => {
    const link = new FakeLink();
    const timers = fakeTimers();
    void sendOnce(link, 'host:command', { type: 'question:next' }, 15_000, timers.setTimer, 'timeout');
    void sendOnce(link, 'host:command', { type: 'question:next' }, 15_000, timers.setTimer, 'timeout');
    expect(link.sent[0].payload.rid).not.toBe(link.sent[1].payload.rid);
  });
});
