// The Redis adapter publishes each broadcast to every process, its own included, and a process
// decodes every message it gets before it looks whose it is. So the owner of a contest decoded
// each of its own broadcasts (whole views to its host, screens and seats) a second time, only to
// drop it: about 7% of the owner's CPU while phones raced with an audience watching
// (redis-audience). This parser, given to the adapter, encodes as the adapter's default does
// (MessagePack, notepack.io) and remembers the adapter ids it encoded broadcasts for. A message
// that starts with one of them is this process's own: it is handed back as that id alone, which
// the adapter drops as it always did, without decoding the rest.
import { decode, encode } from 'notepack.io';

/** MessagePack's header of an array of up to 15 items: a broadcast is [adapter id, packet, options]. */
const isFixArray = (byte: number | undefined) => byte !== undefined && byte >= 0x90 && byte <= 0x9f;

export class OwnBroadcasts {
  /** Each own adapter id, as MessagePack writes it. */
  private readonly ids = new Map<string, Buffer>();

  encode = (message: unknown): Buffer => {
    const id = Array.isArray(message) ? (message as unknown[])[0] : undefined;
    if (typeof id === 'string' && !this.ids.has(id)) this.ids.set(id, encode(id));
    return encode(message);
  };

  decode = (message: unknown): unknown => {
    if (Buffer.isBuffer(message) && isFixArray(message[0])) {
      for (const [id, bytes] of this.ids) {
        if (message.length > bytes.length && bytes.equals(message.subarray(1, 1 + bytes.length))) return [id];
      }
    }
    return decode(message as Buffer);
  };
}
