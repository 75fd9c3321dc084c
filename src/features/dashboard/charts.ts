/**
 * Charts of the supervising office's dashboard: one horizontal bar per agency, the parts of a
 * figure stacked. Rendered on the server as SVG with ECharts and cleaned by the report charts'
 * finishSvg (no style attributes, role="img" with the figures in its label), so they can be
 * inlined under the console's CSP and read by screen readers.
 */
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { echarts } from '../annual-reports/charts/echarts.js';
import { emptyChartSvg, finishSvg } from '../annual-reports/charts/svg.js';
import {
  AXIS_LINE_COLOR, BACKGROUND_COLOR, CHART_FONT_FAMILY, DEFAULT_CHART_WIDTH, INSIDE_LABEL_COLOR, paletteColor, SPLIT_LINE_COLOR, TEXT_COLOR,
} from '../annual-reports/charts/theme.js';

type Option = ComposeOption<BarSeriesOption | TitleComponentOption | LegendComponentOption | GridComponentOption>;

export interface AgencyBarChart {
  title: string;
  /** Unit in the accessible description: 件, 条, 个. */
  unit: string;
  /** One category per agency, top to bottom. */
  agencies: string[];
  /** Stacked parts; values in the order of `agencies`. */
  series: Array<{ name: string; values: number[]; color?: string }>;
}

const ROW_HEIGHT = 26;

/** "区教体局：办理中2件，已超期1件；区财政局：无。" — what the bars say. */
function describe(chart: AgencyBarChart): string {
  return `${chart.agencies.map((agency, i) => {
    const parts = chart.series.filter((s) => (s.values[i] ?? 0) > 0).map((s) => `${s.name}${s.values[i]}${chart.unit}`);
    return `${agency}：${parts.length ? parts.join('，') : '无'}`;
  }).join('；')}。`;
}

/** The chart as SVG markup to inline; "暂无数据" when every figure is 0. */
export function renderAgencyBarChart(chart: AgencyBarChart, width = DEFAULT_CHART_WIDTH): string {
  if (chart.agencies.length === 0 || !chart.series.some((s) => s.values.some((v) => v > 0))) return emptyChartSvg(chart.title, width);
  const legendRows = Math.ceil(chart.series.reduce((n, s) => n + [...s.name].length * 12 + 30, 0) / (width - 40));
  const top = 40 + legendRows * 22 + 8;
  const height = top + chart.agencies.length * ROW_HEIGHT + 32;
  const labelWidth = Math.min(180, 16 + Math.max(...chart.agencies.map((a) => [...a].length)) * 12);
  const textStyle = { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR };
  const option: Option = {
    animation: false,
    backgroundColor: BACKGROUND_COLOR,
    textStyle,
    title: { text: chart.title, left: 'center', top: 8, textStyle: { ...textStyle, fontSize: 16 } },
    legend: { data: chart.series.map((s) => s.name), top: 38, left: 'center', itemWidth: 14, itemHeight: 14, selectedMode: false, textStyle: { ...textStyle, fontSize: 12 } },
    grid: { top, left: labelWidth, right: 24, bottom: 32 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: chart.agencies,
      axisLine: { lineStyle: { color: AXIS_LINE_COLOR } },
      axisTick: { show: false },
      axisLabel: { color: TEXT_COLOR, fontSize: 12 },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT_COLOR, fontSize: 12 }, splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } } },
    series: chart.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      stack: 'total',
      // '-' draws nothing (no sliver, no "0" label) for an agency without this part.
      data: s.values.map((v) => (v > 0 ? v : '-')),
      barMaxWidth: 18,
      itemStyle: { color: s.color ?? paletteColor(i), borderColor: BACKGROUND_COLOR, borderWidth: 1 },
      label: { show: true, position: 'inside', color: INSIDE_LABEL_COLOR, fontSize: 11 },
      labelLayout: { hideOverlap: true },
      emphasis: { disabled: true },
      silent: true,
    })),
  };
  const instance = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(option);
    return finishSvg(instance.renderToSVGString(), { title: chart.title, description: describe(chart) });
  } finally {
    instance.dispose();
  }
}
