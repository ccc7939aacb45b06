import { useEffect, useState } from 'react';
import type { ChartHandle } from './chart-handle';

/**
 * Builds the handle's chart in a task of its own after the component mounts, and frees it on
 * unmount; true once the chart is there. Building a chart, its first resize and its first draw
 * are tens of milliseconds each: built in the commit that mounts it (which React may run inside
 * an animation frame, batched with a store's refresh) they would all add up in one long task.
 * The timer, not a state update, builds it, since React batches state updates into such renders.
 */
export function useChartBuiltApart<T>(handle: ChartHandle<T>): boolean {
  const [built, setBuilt] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      handle.api();
      setBuilt(true);
    }, 0);
    return () => {
      clearTimeout(timer);
      handle.free();
    };
  }, [handle]);
  return built;
}
