import { Encoder } from '@msgpack/msgpack';
import { MessageType, type ClientMessage } from './protocol';

const msgpack = new Encoder();

/** The wire array of a client message: `[1, reqId, symbols, resume?]`, `[2, reqId, symbols]`, `[3, clientTime]`. */
export function toWireArray(message: ClientMessage): unknown[] {
  switch (message.kind) {
    case 'subscribe':
      return message.resume
        ? [MessageType.Subscribe, message.reqId, message.symbols, message.resume]
        : [MessageType.Subscribe, message.reqId, message.symbols];
    case 'unsubscribe':
      return [MessageType.Unsubscribe, message.reqId, message.symbols];
    case 'ping':
      return [MessageType.Ping, message.clientTime];
  }
}

export function encodeMessagePack(message: ClientMessage): Uint8Array {
  return msgpack.encode(toWireArray(message));
}

export function encodeJson(message: ClientMessage): string {
  return JSON.stringify(toWireArray(message));
}
