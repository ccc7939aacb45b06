import { useSyncExternalStore } from 'react';

export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Re-renders only when the selected value changes (compared with Object.is): select primitives or stable references. */
export function useStoreSelector<T, S>(store: ExternalStore<T>, select: (snapshot: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()));
}

