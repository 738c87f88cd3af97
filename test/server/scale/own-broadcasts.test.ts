// The Redis adapter's parser (server/scale/own-broadcasts.ts): a process's own broadcasts, which
// the adapter drops by their id, are not decoded; everything else decodes as the adapter's default
// parser (notepack.io) decodes it.
import { describe, expect, it } from 'vitest';
import { decode, encode } from 'notepack.io';
import { OwnBroadcasts } from '../../../server/scale/own-broadcasts.js';

/** A broadcast as the adapter encodes it: its id, the packet, the options. */
const broadcast = (id: string, title = '“百年党史”知识竞赛决赛') => [id, { type: 2, nsp: '/', data: ['contest:update', { view: { title, seats: [{ id: 's1', score: 12.5 }] } }] }, { rooms: ['c1:host'], except: [], flags: {} }];

describe('the Redis adapter’s parser', () => {
  it('encodes as the default parser does', () => {
    const message = broadcast('aB3dE9');
    expect(new OwnBroadcasts().encode(message)).toEqual(encode(message));
  });

  it('hands back its own broadcast as its id alone, without decoding the rest', () => {
    const parser = new OwnBroadcasts();
    const bytes = parser.encode(broadcast('aB3dE9'));
    // Spoilt after the id: decoding it whole would fail or give something else.
    const spoilt = Buffer.concat([bytes.subarray(0, 8), Buffer.from([0xc1, 0xc1, 0xc1])]);
    expect(() => decode(spoilt)).toThrow();
    expect(parser.decode(spoilt)).toEqual(['aB3dE9']);
    expect(parser.decode(bytes)).toEqual(['aB3dE9']);
  });

  it('decodes in full a broadcast of another process, also one whose id begins like its own', () => {
    const parser = new OwnBroadcasts();
    parser.encode(broadcast('aB3dE9'));
    for (const id of ['zz9Y8x', 'aB3dE', 'aB3dE9x', 'aB3dE8']) {
      const message = broadcast(id);
      expect(parser.decode(new OwnBroadcasts().encode(message))).toEqual(message);
    }
  });

  it('decodes in full what is not a broadcast: requests and responses, its own included', () => {
    const parser = new OwnBroadcasts();
    parser.encode(broadcast('aB3dE9'));
    const request = { uid: 'aB3dE9', requestId: 'r1', type: 7, packet: { data: ['likes:total', { total: 3 }] } };
    expect(parser.decode(parser.encode(request))).toEqual(request);
    expect(parser.decode(encode(['aB3dE9']))).toEqual(['aB3dE9']);
  });

  it('knows no id before it has encoded a broadcast', () => {
    const message = broadcast('aB3dE9');
    expect(new OwnBroadcasts().decode(encode(message))).toEqual(message);
  });
});
