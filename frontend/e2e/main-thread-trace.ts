import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/** One task of the page's main thread, with what it spent its time on (ms). */
export interface MainThreadTask {
  startMs: number;
  durationMs: number;
  parts: Record<string, number>;
  marks: string[];
  animationFrame: boolean;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];
const RENDERING: Record<string, string> = { UpdateLayoutTree: 'style+layout', Layout: 'style+layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', Commit: 'paint' };

/** Chromium's own trace of the page (the Performance panel's), from now until `stop`. */
export async function traceMainThread(browser: Browser, page: Page): Promise<{ stop(): Promise<MainThreadTask[]> }> {
  await browser.startTracing(page, { categories: CATEGORIES });
  return { stop: async () => tasksOf(JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[]) };
}

/**
 * The page renderer's main-thread tasks, times from its first task. Script time is named after
 * the script a task entered (the bundle's chunk, without its hash); a script event without a
 * URL is the test tool's own. `other` is the rest: navigation, parsing, the browser's messages
 * and scripts the test tool runs through the DevTools protocol.
 */
export function tasksOf(events: TraceEvent[]): MainThreadTask[] {
  const pid = events.find((e) => e.name === 'FunctionCall' && e.args?.data?.url?.includes('/assets/'))?.pid;
  const main = events.find((e) => e.pid === pid && e.ph === 'M' && e.args?.name === 'CrRendererMain')?.tid;
  const own = events.filter((e) => e.pid === pid && e.tid === main).sort((a, b) => a.ts - b.ts);
  const tasks = own.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const origin = tasks[0]?.ts ?? 0;
  let i = 0;
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const result: MainThreadTask = { startMs: (task.ts - origin) / 1000, durationMs: (task.dur ?? 0) / 1000, parts: {}, marks: [], animationFrame: false };
    let covered = 0; // end of the outermost script event seen, so nested ones are not counted twice
    for (; i < own.length && own[i].ts < end; i++) {
      const e = own[i];
      if (e.ts < task.ts) continue;
      if (e.cat.includes('blink.user_timing') && e.ph !== 'X') result.marks.push(e.name);
      if (e.name === 'FireAnimationFrame') result.animationFrame = true;
      const part = partOf(e);
      if (!part || e.dur === undefined || (part.startsWith('script') && e.ts < covered)) continue;
      if (part.startsWith('script')) covered = e.ts + e.dur;
      else if (e.ts < covered) continue; // layout forced by a script: already in its time
      result.parts[part] = (result.parts[part] ?? 0) + e.dur / 1000;
    }
    const other = result.durationMs - Object.values(result.parts).reduce((a, b) => a + b, 0);
    if (other >= 1) result.parts.other = other;
    return result;
  });
}

function partOf(e: TraceEvent): string | null {
  if (e.ph !== 'X') return null;
  if (RENDERING[e.name]) return RENDERING[e.name];
  if (e.name === 'MajorGC' || e.name === 'MinorGC') return 'gc';
  if (e.name === 'v8.evaluateModule') return 'script: module evaluation';
  if (e.name !== 'FunctionCall' && e.name !== 'EvaluateScript') return null;
  const url = e.args?.data?.url ?? '';
  return url ? `script ${url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js')}` : 'script of the test tool';
}

export const describeTask = (t: MainThreadTask) =>
  `+${t.startMs.toFixed(0)} ms, ${t.durationMs.toFixed(0)} ms${t.animationFrame ? ' (animation frame)' : ''}: ` +
  Object.entries(t.parts)
    .sort((a, b) => b[1] - a[1])
    .map(([part, ms]) => `${part} ${ms.toFixed(0)}`)
    .join(', ');
