import type { ExternalStore } from './use-store';

/** Several stores read as one: its snapshot is the list of theirs, a new array only when one changed. */
export class StoreList<T> implements ExternalStore<readonly T[]> {
  private snapshots: readonly T[] = [];

  constructor(private readonly stores: readonly ExternalStore<T>[]) {}

  subscribe = (listener: () => void): (() => void) => {
    const offs = this.stores.map((store) => store.subscribe(listener));
    return () => offs.forEach((off) => off());
  };

  getSnapshot = (): readonly T[] => {
    const next = this.stores.map((store) => store.getSnapshot());
    if (next.length !== this.snapshots.length || next.some((s, i) => s !== this.snapshots[i])) this.snapshots = next;
    return this.snapshots;
  };
}
