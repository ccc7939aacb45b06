export type Schedule = (run: () => void) => void;

export const nextAnimationFrame: Schedule = (run) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => run());
  else setTimeout(run, 16);
};

/** Animation frames, but no more than `perSecond` of them: for views whose every refresh costs layout and paint. */
export function animationFramesAtMost(perSecond: number): Schedule {
  let last = -Infinity;
  return (run) => {
    const frame = () =>
      nextAnimationFrame(() => {
        last = performance.now();
        run();
      });
    const wait = last + 1000 / perSecond - performance.now();
    if (wait > 0) setTimeout(frame, wait);
    else frame();
  };
}

export const after =
  (ms: number): Schedule =>
  (run) =>
    setTimeout(run, ms);

/**
 * An external store for useSyncExternalStore. Producers call `invalidate()` as often as they
 * like (per tick); the snapshot is rebuilt and listeners told once per scheduled turn — one
 * animation frame by default — so React renders at most once per frame whatever the tick rate.
 */
export class CoalescedStore<T> {
  private snapshot: T;
  private scheduled = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly build: () => T,
    private readonly schedule: Schedule = nextAnimationFrame,
  ) {
    this.snapshot = build();
  }

  invalidate = (): void => {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.snapshot = this.build();
      this.listeners.forEach((listener) => listener());
    });
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): T => this.snapshot;
}
