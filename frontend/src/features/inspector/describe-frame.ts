import type { FrameContent } from '../../lib/stream/transport';

const MAX = 160;

/** A one-line, human-readable summary of a frame, built only when the inspector shows it. */
export function describeFrame(content: FrameContent): string {
  switch (content.kind) {
    case 'ticks': {
      const first = content.ticks[0];
      const head = first ? ` ${first.symbol}#${first.seq} ${first.price}×${first.size}` : '';
      return `Ticks ×${content.ticks.length}${content.flags ? ` flags=${content.flags}` : ''}${head}${content.ticks.length > 1 ? ' …' : ''}`;
    }
    case 'snapshot':
      return `Snapshot ${content.quotes.map((q) => `${q.symbol}@${q.price}`).join(' ')}`;
    case 'hello':
      return `Hello v${content.protocolVersion} conn=${content.connectionId} heartbeat=${content.heartbeatMs}ms maxSymbols=${content.maxSymbols} epoch=${content.epoch}`;
    case 'suback':
      return `SubAck #${content.reqId} accepted=[${content.accepted.join(',')}] rejected=[${content.rejected.map((r) => `${r.symbol}: ${r.reason}`).join('; ')}]`;
    case 'pong':
      return `Pong clientTime=${String(content.clientTime)} serverTime=${content.serverTime}`;
    case 'error':
      return `Error ${content.code}: ${content.message}`;
    case 'market':
      return `MarketStatus ${content.state}`;
    case 'subscribe':
      return `Subscribe #${content.reqId} [${content.symbols.join(',')}]${content.resume ? ` resume=${JSON.stringify(content.resume)}` : ''}`;
    case 'unsubscribe':
      return `Unsubscribe #${content.reqId} [${content.symbols.join(',')}]`;
    case 'ping':
      return `Ping clientTime=${content.clientTime}`;
    case 'sse':
      return `event: ${content.event} data: ${content.data}`;
    case 'poll': {
      const { ticks, quotes, market, missed } = content.answer;
      return `Poll answer ticks=${ticks.length} quotes=${quotes.length} market=${market}${missed ? ' missed' : ''}`;
    }
  }
}

export function truncate(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}
