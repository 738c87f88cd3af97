// socket.io's stock encoder walks every packet looking for binary data (hasBinary) before it
// encodes it. Nothing the server sends carries binary: every event of the contract
// (shared/protocol.ts) is JSON. On a busy server that walk went over every view once more on
// every update, so the server's sockets use this encoder: the stock one's text format, without
// the walk. Decoding (what pages send) is the stock decoder's.
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

class JsonEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    // The text format of socket.io-parser's encodeAsString: type, namespace, ack id, JSON data.
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) text += packet.id;
    if (packet.data !== undefined && packet.data !== null) text += JSON.stringify(packet.data);
    return [text];
  }
}

/** The `parser` option of every socket.io server here. */
export const jsonParser = { Encoder: JsonEncoder, Decoder, PacketType };
