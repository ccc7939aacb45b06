/**
 * A chart's API, created on first use and freed by its owner, as the lightweight-charts React
 * tutorial has it: effects run child-first on mount and parent-first on cleanup, so hooks that
 * need the chart are handed this handle and ask it for the chart, instead of relying on the
 * owner's effect having run first.
 */
export class ChartHandle<T> {
  private value: T | null = null;
  private container: HTMLElement | null = null;

  constructor(
    private readonly create: (container: HTMLElement) => T,
    private readonly remove: (value: T) => void,
  ) {}

  /** Called from the container's ref callback (React attaches refs before any effect runs). */
  attach(element: HTMLElement | null): void {
    this.container = element;
  }

  get element(): HTMLElement | null {
    return this.container;
  }

  /** The chart, created in the attached container if it does not exist yet. */
  api(): T {
    if (this.value) return this.value;
    if (!this.container) throw new Error('The chart container is not mounted yet.');
    this.value = this.create(this.container);
    return this.value;
  }

  /** False once `value` was freed: a hook cleaning up after its owner must not touch it. */
  holds(value: T): boolean {
    return this.value === value;
  }

  /** Removes the chart; a later api() creates a new one (StrictMode remounts). */
  free(): void {
    if (!this.value) return;
    this.remove(this.value);
    this.value = null;
  }
}
