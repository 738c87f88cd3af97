// How the Redis adapter writes a broadcast for the other processes, and reads theirs. Its default
// is MessagePack (notepack.io), written in JavaScript; the owner of a contest broadcasts whole
// views to its host, screens and seats on every change, and encoding them was 17% of its busy
// time while phones raced with an audience watching (redis-audience). Everything the server sends
// is JSON already (json-parser.ts: the pages get the same data as JSON text), so broadcasts go to
// Redis as JSON, which V8 writes and reads natively. A page on another process gets exactly what
// a page on the owner gets.
//
// The adapter also hears its own broadcasts back, and used to decode each one whole only to drop
// it by its id. The parser remembers the ids it wrote broadcasts for (each namespace's adapter has
// one); a message that starts with one of them is handed back as that id alone, which the adapter
// drops as before. MessagePack from a process of an earlier release is still read.
//
// Requests and responses are objects: as JSON they start with "{", which the adapter parses
// itself without asking this parser.
import { decode as decodeMessagePack } from 'notepack.io';

/** "[" : a broadcast, [adapter id, packet, options], as JSON. */
const ARRAY_START = 0x5b;

export class AdapterParser {
  /** The start of each own broadcast, `["<id>",`, as bytes. */
  private readonly own = new Map<string, Buffer>();

  encode = (message: unknown): string => {
    const id = Array.isArray(message) ? (message as unknown[])[0] : undefined;
    if (typeof id === 'string' && !this.own.has(id)) this.own.set(id, Buffer.from(`[${JSON.stringify(id)},`));
    return JSON.stringify(message);
  };

  decode = (message: Buffer | string): unknown => {
    const bytes = typeof message === 'string' ? Buffer.from(message) : message;
    if (bytes[0] !== ARRAY_START) return decodeMessagePack(bytes);
    for (const [id, start] of this.own) {
      if (bytes.length > start.length && start.equals(bytes.subarray(0, start.length))) return [id];
    }
    return JSON.parse(bytes.toString()) as unknown;
  };
}
