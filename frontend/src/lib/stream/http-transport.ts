import { AnswerTranslator } from './answer-translator';
import type { ResumeMap } from './protocol';
import { readSymbolProblem } from './rejections';
import type { HandshakeInfo, Transport, TransportKind, TransportOptions } from './transport';

/**
 * Shared by long polling and SSE: the symbol set is a request parameter, so changing it restarts
 * the request, keeping the cursor unless a symbol was added (new symbols need their Quotes).
 */
export abstract class HttpTransport implements Transport {
  abstract readonly kind: TransportKind;
  readonly canPing = false;
  cursor: string | null;
  protected symbols: readonly string[];
  protected readonly translator: AnswerTranslator;
  private controller: AbortController | null = null;
  private isOpen = false;
  private done = false;

  constructor(protected readonly options: TransportOptions) {
    this.cursor = options.cursor;
    this.symbols = options.symbols;
    this.translator = new AnswerTranslator(options.listener);
  }

  /** Makes and reads requests until it fails; ends quietly when `signal` aborts. */
  protected abstract run(signal: AbortSignal): Promise<void>;

  setSymbols(symbols: readonly string[], _resume: ResumeMap | null): void {
    const current = new Set(this.symbols);
    if (symbols.length === current.size && symbols.every((s) => current.has(s))) return;
    if (symbols.some((s) => !current.has(s))) this.cursor = null;
    this.symbols = symbols;
    this.start();
  }

  ping(): void {}

  close(): void {
    this.done = true;
    this.controller?.abort();
  }

  protected start(): void {
    this.controller?.abort();
    if (this.done) return;
    if (this.symbols.length === 0) {
      this.markOpen({ url: this.options.baseUrl, protocol: '', extensions: '' });
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.run(controller.signal).catch((error: unknown) => {
      if (!controller.signal.aborted) this.fail(error instanceof Error ? error.message : String(error));
    });
  }

  protected markOpen(info: HandshakeInfo): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.options.listener.opened(info);
  }

  /**
   * A 400 names the offending symbols (or the limit) in its problem body: report them as SubAck
   * rejections and restart without them. Returns false when the problem names none of ours. The
   * excess is read against the symbols the request carried; a run that `setSymbols` replaced while
   * the answer was read acts on nothing (its successor asks anew).
   */
  protected async rejectSymbols(response: Response, requested: readonly string[], signal: AbortSignal): Promise<boolean> {
    const { rejected, maxSymbols } = readSymbolProblem(await response.text(), requested);
    if (signal.aborted) return true;
    if (maxSymbols !== null) this.options.listener.symbolLimit?.(maxSymbols);
    if (rejected.length === 0) return false;
    this.options.listener.message({ kind: 'suback', reqId: 0, accepted: [], rejected });
    this.symbols = this.symbols.filter((s) => !rejected.some((r) => r.symbol === s));
    queueMicrotask(() => this.start());
    return true;
  }

  private fail(reason: string): void {
    if (this.done) return;
    this.done = true;
    this.controller?.abort();
    this.options.listener.closed({ wasOpen: this.isOpen, reason });
  }
}
