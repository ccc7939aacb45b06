/** The part of a SignalR HubConnection the transport uses, so tests can play the hub. */
export interface HubConnectionLike {
  readonly connectionId: string | null;
  on(method: string, handler: (...args: never[]) => void): void;
  onclose(callback: (error?: Error) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T>(method: string, ...args: unknown[]): Promise<T>;
}

/** Builds a connection to the hub at `url`; `onBytes` hears the size of every message received. */
export type HubConnector = (url: string, onBytes: (bytes: number) => void) => Promise<HubConnectionLike>;

/**
 * The real client, loaded only when SignalR is chosen: MessagePack hub protocol over a WebSocket,
 * no negotiate round trip and no automatic reconnect (the stream client owns reconnects).
 */
export const connectHub: HubConnector = async (url, onBytes) => {
  const [{ HubConnectionBuilder, HttpTransportType, LogLevel }, { MessagePackHubProtocol }] = await Promise.all([
    import('@microsoft/signalr'),
    import('@microsoft/signalr-protocol-msgpack'),
  ]);
  // A socket that reports what it receives: the client has no other way to show bytes on the wire.
  class CountingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.addEventListener('message', (event: MessageEvent<ArrayBuffer | string>) =>
        onBytes(typeof event.data === 'string' ? event.data.length : event.data.byteLength),
      );
    }
  }
  return new HubConnectionBuilder()
    .withUrl(url, {
      transport: HttpTransportType.WebSockets,
      skipNegotiation: true,
      // Not in the options' typings, but honoured by HttpConnection: the socket class to use.
      ...({ WebSocket: CountingWebSocket } as object),
    })
    .withHubProtocol(new MessagePackHubProtocol())
    .configureLogging(LogLevel.None)
    .build();
};
