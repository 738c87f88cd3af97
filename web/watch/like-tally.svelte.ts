// The like button's arithmetic: taps are counted on the phone and sent in batches of at most
// MAX_LIKES_PER_SEND every SEND_MS; the total shown is the server's plus this phone's own taps
// not counted in it yet, and never goes down.
import { MAX_LIKES_PER_SEND, type AckOf } from '../../shared/protocol.js';

export const SEND_MS = 500;

export class LikeTally {
  /** The total as this phone shows it. */
  shown = $state(0);
  /** The last batch was refused for speed. */
  refused = $state(false);
  private server = 0;
  /** Taps not sent yet. */
  private unsent = 0;
  /** Taps sent and not yet known to be in a total the server announced. */
  private ahead = 0;
  private sending = false;

  constructor(private readonly send: (count: number) => Promise<AckOf<'like:add'>>) {}

  /** One tap of the button. */
  tap(): void {
    this.unsent += 1;
    this.refused = false;
    this.show();
  }

  /** A total from the server: it holds every batch acknowledged before it. */
  heard(total: number): void {
    this.server = total;
    this.ahead = 0;
    this.show();
  }

  /** Sends the next batch, if any and none is on its way; called every SEND_MS. */
  async flush(): Promise<void> {
    if (this.sending || this.unsent === 0) return;
    const count = Math.min(this.unsent, MAX_LIKES_PER_SEND);
    this.unsent -= count;
    this.sending = true;
    const ack = await this.send(count);
    this.sending = false;
    if ('data' in ack) this.ahead += count;
    else this.refused = ack.error === 'rate-limited';
    this.show();
  }

  private show(): void {
    this.shown = Math.max(this.shown, this.server + this.ahead + this.unsent);
  }
}
