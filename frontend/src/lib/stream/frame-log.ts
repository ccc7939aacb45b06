import type { FrameContent } from './transport';

export interface FrameRecord {
  id: number;
  direction: 'in' | 'out';
  bytes: number;
  /** ms since the epoch, client clock. */
  at: number;
  content: FrameContent;
}

/** The last frames on the wire, kept by reference; they are only formatted when someone looks. */
export class FrameLog {
  private readonly records: FrameRecord[] = [];
  private count = 0;

  constructor(private readonly capacity = 20) {}

  add(direction: 'in' | 'out', bytes: number, at: number, content: FrameContent): void {
    this.records[this.count % this.capacity] = { id: this.count, direction, bytes, at, content };
    this.count++;
  }

  /** Newest first. */
  latest(): FrameRecord[] {
    const out: FrameRecord[] = [];
    for (let id = this.count - 1; id >= Math.max(0, this.count - this.capacity); id--)
      out.push(this.records[id % this.capacity]);
    return out;
  }
}
