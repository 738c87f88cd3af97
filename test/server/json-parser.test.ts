// The server's socket.io encoder skips the stock one's search for binary data: what it writes
// must be exactly what the stock encoder writes for every JSON packet the server sends.
import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { jsonParser } from '../../server/realtime/json-parser.js';

const packets: Packet[] = [
  { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
  { type: PacketType.EVENT, nsp: '/', data: ['contest:update', { view: { title: '“党史”知识竞赛 <b>', seats: [{ id: 's1', score: -0.5 }] }, events: [], serverNow: 1764480000000 }] },
  { type: PacketType.EVENT, nsp: '/watch', data: ['likes:total', { total: 12000 }] },
  { type: PacketType.ACK, nsp: '/', id: 42, data: [{ data: null }] },
  { type: PacketType.ACK, nsp: '/', id: 0, data: [{ error: 'bad-payload' }] },
  { type: PacketType.EVENT, nsp: '/', id: 7, data: ['clock:ping'] },
  { type: PacketType.DISCONNECT, nsp: '/' },
  { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'not-authorised' } },
];

describe('the server’s JSON encoder', () => {
  it.each(packets.map((p) => [PacketType[p.type], p] as const))('writes %s packets as the stock encoder does', (_, packet) => {
    expect(new jsonParser.Encoder().encode(packet)).toEqual(new Encoder().encode(packet));
  });

  it('writes what the stock decoder reads back', () => {
    const decoded: Packet[] = [];
    const decoder = new Decoder();
    decoder.on('decoded', (p: Packet) => decoded.push(p));
    for (const packet of packets.filter((p) => p.type !== PacketType.CONNECT_ERROR && p.type !== PacketType.CONNECT)) {
      for (const text of new jsonParser.Encoder().encode(packet)) decoder.add(text);
    }
    expect(decoded.map((p) => p.data)).toEqual(packets.filter((p) => p.type !== PacketType.CONNECT_ERROR && p.type !== PacketType.CONNECT).map((p) => p.data));
  });
});
