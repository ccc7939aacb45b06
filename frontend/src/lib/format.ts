export function formatPrice(value: number): string {
  return value.toFixed(2);
}

export function formatSigned(value: number, digits = 2): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
}

export function formatMs(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '—';
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
}

// One formatter, reused: toLocaleString builds a new one per call, which shows up at 60 frames/s.
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return counts.format(value);
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A count that fits a narrow cell: 9,999 in full, then 12.3K, 1.2M. */
export function formatCompact(value: number): string {
  return value < 10_000 ? counts.format(value) : compact.format(value);
}

export function formatBytes(value: number | null): string {
  if (value == null) return '—';
  return value < 1024 ? `${value.toFixed(1)} B` : `${(value / 1024).toFixed(1)} KiB`;
}
