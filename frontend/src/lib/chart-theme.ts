import { ColorType, type ChartOptions, type DeepPartial } from 'lightweight-charts';

/** The dark look every chart of the app shares; each adds its own time scale and series. */
export const CHART_THEME: DeepPartial<ChartOptions> = {
  autoSize: true,
  layout: { background: { type: ColorType.Solid, color: '#0f141a' }, textColor: '#c7d0d9' },
  grid: { vertLines: { color: '#1c2530' }, horzLines: { color: '#1c2530' } },
};
