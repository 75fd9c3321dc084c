/**
 * ECharts, loaded on first use with the parts the charts draw with (bar charts, grid, legend,
 * title, ARIA, the SVG renderer). Importing them is the largest part of loading the application
 * (over half a second of CPU), which every `gongkai` command, every server start and every
 * static-export worker would otherwise pay, although only the year-over-year page and the
 * office's dashboard draw charts. Those two `await loadECharts()` before rendering; the renderers
 * themselves stay synchronous and take the loaded module from `echarts()`.
 */
import type * as EChartsCore from 'echarts/core';

let loaded: typeof EChartsCore | null = null;
let loading: Promise<typeof EChartsCore> | null = null;

export function loadECharts(): Promise<typeof EChartsCore> {
  return (loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers'),
    ]);
    core.use([charts.BarChart, components.AriaComponent, components.GridComponent, components.LegendComponent, components.TitleComponent, renderers.SVGRenderer]);
    loaded = core;
    return core;
  })());
}

/** The loaded ECharts; a renderer called before `loadECharts()` has finished is a programming error. */
export function echarts(): typeof EChartsCore {
  if (!loaded) throw new Error('ECharts is not loaded yet: await loadECharts() before rendering a chart');
  return loaded;
}
