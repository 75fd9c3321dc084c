/**
 * Charts of the annual reports' year-over-year page, rendered on the server as SVG with
 * ECharts. Each chart is a bar chart with one category per report year; a blank figure (null) is
 * a gap, never a zero bar.
 *
 * Which output a page should use: the default, an SVG string, can be inlined into the HTML —
 * `finishSvg` removes the inline `style` attributes and the `<style>` element ECharts emits, so
 * the markup passes the portal's `style-src 'self'` policy, and it carries role="img" with an
 * aria-label. `asDataUri: true` gives the same picture as a `data:` URL for `<img src>` (e.g.
 * in contexts that only take images); give that `<img>` `alt={svgAltText(svg)}`. The SVG string
 * is also what a "download chart" link serves, as image/svg+xml.
 */
import type { BarSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TitleComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Figure, ReportData } from '../../../domain/report/format.js';
import { getFigure } from '../../../domain/report/model.js';
import { OUTCOME_GROUPS, OUTCOME_GROUP_LABELS, type OutcomeGroup, type RequestFigures } from './figures.js';
import { echarts } from './echarts.js';
import { emptyChartSvg, finishSvg, svgToDataUri } from './svg.js';
import {
  AXIS_LINE_COLOR,
  BACKGROUND_COLOR,
  CHART_FONT_FAMILY,
  CHART_PALETTE,
  DEFAULT_CHART_HEIGHT,
  DEFAULT_CHART_WIDTH,
  INSIDE_LABEL_COLOR,
  SPLIT_LINE_COLOR,
  TEXT_COLOR,
} from './theme.js';

export { svgAltText, svgToDataUri } from './svg.js';
export {
  OUTCOME_GROUPS,
  OUTCOME_GROUP_LABELS,
  outcomeGroups,
  requestFigures,
  type OutcomeGroup,
  type RequestFigures,
} from './figures.js';

export { loadECharts } from './echarts.js';

type ChartOption = ComposeOption<
  BarSeriesOption | TitleComponentOption | LegendComponentOption | GridComponentOption | AriaComponentOption
>;

/** Size and output form of a chart. */
export interface ChartRenderOptions {
  /** Pixels; default 640. */
  width?: number;
  /** Pixels; default 320. The "暂无数据" placeholder is always 120 high. */
  height?: number;
  /** Return `data:image/svg+xml;base64,…` for `<img src>` instead of the SVG markup. */
  asDataUri?: boolean;
}

interface BarSeriesSpec {
  name: string;
  /** One figure per year, in the order of `years`; undefined where the series does not apply. */
  values: Array<Figure | undefined>;
  /** Series with the same stack are drawn on top of each other. */
  stack?: string;
}

interface BarChartSpec {
  title: string;
  /** Unit printed after each figure in the accessible description: 件, 条. */
  unit: string;
  years: number[];
  series: BarSeriesSpec[];
  /** Stacked bars print their figures inside the segments; grouped bars above each bar. */
  layout: 'grouped' | 'stacked';
}

/** Years in ascending order; a year given twice is a caller's mistake. */
function sortedByYear<T extends { year: number }>(series: readonly T[]): T[] {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  sorted.forEach((entry, i) => {
    if (i > 0 && sorted[i - 1]?.year === entry.year) throw new RangeError(`year ${entry.year} given twice`);
  });
  return sorted;
}

/** "2021年：新收申请12件，上年结转空缺；2022年：…。" — what the bars say, for screen readers. */
function describe(spec: BarChartSpec): string {
  const years = spec.years.map((year, i) => {
    const parts = spec.series.flatMap((s) => {
      const value = s.values[i];
      if (value === undefined || (spec.layout === 'stacked' && value === null)) return [];
      return [value === null ? `${s.name}空缺` : `${s.name}${value}${spec.unit}`];
    });
    return `${year}年：${parts.length > 0 ? parts.join('，') : '无数据'}`;
  });
  return `${years.join('；')}。`;
}

/** Rows the legend wraps to, estimated as ECharts lays it out (icon 14, gaps 5 and 10). */
function legendRows(names: readonly string[], width: number): number {
  const available = width - 40;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = 14 + 5 + [...name].length * 12 + 10;
    if (used > 0 && used + item > available) {
      rows += 1;
      used = 0;
    }
    used += item;
  }
  return rows;
}

/**
 * The smallest figure whose stacked segment is tall enough for its label. ECharts prints an
 * inside label even where the segment is too thin to hold it; those figures stay in the
 * accessible description. The axis maximum is at least the tallest stack, so segments are at
 * most this tall and the estimate errs towards hiding.
 */
function smallestLabelledFigure(spec: BarChartSpec, plotHeight: number): number {
  const totals = spec.years.map((_, i) =>
    spec.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0),
  );
  const tallest = Math.max(0, ...totals);
  return (tallest * 14) / Math.max(plotHeight, 1);
}

function barSeries(spec: BarChartSpec, s: BarSeriesSpec, index: number, minLabelled: number): BarSeriesOption {
  const color = CHART_PALETTE[index % CHART_PALETTE.length];
  const stacked = spec.layout === 'stacked';
  return {
    type: 'bar',
    name: s.name,
    // '-' is ECharts' "no value": no bar and no label, where 0 would draw a label "0".
    data: s.values.map((v) => (typeof v === 'number' ? v : '-')),
    ...(s.stack === undefined ? {} : { stack: s.stack }),
    barMaxWidth: 48,
    itemStyle: { color, ...(stacked ? { borderColor: BACKGROUND_COLOR, borderWidth: 1 } : {}) },
    label: stacked
      ? {
          show: true,
          position: 'inside',
          color: INSIDE_LABEL_COLOR,
          fontSize: 12,
          formatter: (params: { value?: unknown }) =>
            typeof params.value === 'number' && params.value !== 0 && params.value >= minLabelled
              ? String(params.value)
              : '',
        }
      : { show: true, position: 'top', color: TEXT_COLOR, fontSize: 12 },
    labelLayout: { hideOverlap: true },
    emphasis: { disabled: true },
    silent: true,
  };
}

const GRID_BOTTOM = 32;

function chartOption(spec: BarChartSpec, width: number, height: number): ChartOption {
  const names = spec.series.map((s) => s.name);
  const gridTop = 40 + legendRows(names, width) * 22 + 16;
  const minLabelled = smallestLabelledFigure(spec, height - gridTop - GRID_BOTTOM);
  const textStyle = { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR };
  return {
    animation: false,
    backgroundColor: BACKGROUND_COLOR,
    textStyle,
    aria: { enabled: true, description: `${spec.title}：${describe(spec)}` },
    title: { text: spec.title, left: 'center', top: 8, textStyle: { ...textStyle, fontSize: 16 } },
    legend: {
      data: names,
      top: 38,
      left: 'center',
      itemWidth: 14,
      itemHeight: 14,
      selectedMode: false,
      textStyle: { ...textStyle, fontSize: 12 },
    },
    grid: { top: gridTop, left: 56, right: 24, bottom: GRID_BOTTOM },
    xAxis: {
      type: 'category',
      data: spec.years.map((y) => `${y}年`),
      axisLine: { lineStyle: { color: AXIS_LINE_COLOR } },
      axisTick: { alignWithLabel: true, lineStyle: { color: AXIS_LINE_COLOR } },
      axisLabel: { color: TEXT_COLOR, fontSize: 12 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: TEXT_COLOR, fontSize: 12 },
      splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } },
    },
    series: spec.series.map((s, i) => barSeries(spec, s, i, minLabelled)),
  };
}

function renderBarChart(spec: BarChartSpec, options: ChartRenderOptions): string {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const height = options.height ?? DEFAULT_CHART_HEIGHT;
  const hasFigure = spec.series.some((s) => s.values.some((v) => typeof v === 'number'));
  let svg: string;
  if (spec.years.length === 0 || !hasFigure) {
    svg = emptyChartSvg(spec.title, width);
  } else {
    const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      chart.setOption(chartOption(spec, width, height));
      svg = finishSvg(chart.renderToSVGString(), { title: spec.title, description: describe(spec) });
    } finally {
      chart.dispose();
    }
  }
  return options.asDataUri ? svgToDataUri(svg) : svg;
}

/** 依申请公开办理情况: 新收, 上年结转, 办结 and 结转下年 side by side for each year. */
export function renderRequestsChart(
  series: ReadonlyArray<RequestFigures>,
  options: ChartRenderOptions = {},
): string {
  const years = sortedByYear(series);
  return renderBarChart(
    {
      title: '依申请公开办理情况（件）',
      unit: '件',
      layout: 'grouped',
      years: years.map((y) => y.year),
      series: [
        { name: '新收申请', values: years.map((y) => y.received) },
        { name: '上年结转', values: years.map((y) => y.carriedIn) },
        { name: '办结', values: years.map((y) => y.handled) },
        { name: '结转下年', values: years.map((y) => y.carriedOut) },
      ],
    },
    options,
  );
}

/** 申请办理结果: the six outcome groups (see outcomeGroups) stacked for each year. */
export function renderOutcomesChart(
  series: ReadonlyArray<{ year: number; outcomes: Record<OutcomeGroup, Figure> }>,
  options: ChartRenderOptions = {},
): string {
  const years = sortedByYear(series);
  return renderBarChart(
    {
      title: '申请办理结果（件）',
      unit: '件',
      layout: 'stacked',
      years: years.map((y) => y.year),
      series: OUTCOME_GROUPS.map((group) => ({
        name: OUTCOME_GROUP_LABELS[group],
        stack: 'outcomes',
        values: years.map((y) => y.outcomes[group]),
      })),
    },
    options,
  );
}

/**
 * 主动公开信息: publications per year stacked by info kind. Kinds are taken in the order of
 * `kindLabels`; a kind found in the figures but not in `kindLabels` follows, under its key. A kind
 * without a figure in any year is left out of the legend; a kind missing from one year is a gap.
 */
export function renderPublicationsChart(
  series: ReadonlyArray<{ year: number; byKind: Record<string, number> }>,
  kindLabels: Record<string, string>,
  options: ChartRenderOptions = {},
): string {
  const years = sortedByYear(series);
  const present = new Set(years.flatMap((y) => Object.keys(y.byKind)));
  const kinds = [
    ...Object.keys(kindLabels).filter((k) => present.has(k)),
    ...[...present].filter((k) => !Object.hasOwn(kindLabels, k)).sort(),
  ];
  return renderBarChart(
    {
      title: '主动公开政府信息情况（条）',
      unit: '条',
      layout: 'stacked',
      years: years.map((y) => y.year),
      series: kinds.map((kind) => ({
        name: kindLabels[kind] ?? kind,
        stack: 'publications',
        values: years.map((y) => (Object.hasOwn(y.byKind, kind) ? (y.byKind[kind] ?? null) : null)),
      })),
    },
    options,
  );
}

/**
 * Series of the normative documents chart. The two formats count different things (2021:
 * 制发/废止/现行有效; 2019: 新制作/新公开/对外公开总数), so each field is a series of its own.
 * A field and its counterpart in the other format share a stack: a year has figures in one
 * format only, so each slot shows one bar, and a year's group has no empty slots.
 */
const SECTION2_NORMATIVE_SERIES = [
  { format: '2021', field: 'issued', name: '本年制发', stack: 'first' },
  { format: '2021', field: 'repealed', name: '本年废止', stack: 'second' },
  { format: '2021', field: 'inForce', name: '现行有效', stack: 'third' },
  { format: '2019', field: 'made', name: '本年新制作', stack: 'first' },
  { format: '2019', field: 'published', name: '本年新公开', stack: 'second' },
  { format: '2019', field: 'totalPublic', name: '对外公开总数', stack: 'third' },
] as const;

/** 行政规范性文件 (section 二, 第二十条第（一）项) for each year, in the report's own format. */
export function renderSection2Chart(
  series: ReadonlyArray<{ year: number; report: ReportData }>,
  options: ChartRenderOptions = {},
): string {
  const years = sortedByYear(series);
  const formats = new Set(years.map((y) => y.report.format));
  return renderBarChart(
    {
      title: '行政规范性文件情况（件）',
      unit: '件',
      // Grouped: labels above the bars. The stacks only pair up the two formats' fields.
      layout: 'grouped',
      years: years.map((y) => y.year),
      series: SECTION2_NORMATIVE_SERIES.filter((s) => formats.has(s.format)).map((s) => ({
        name: s.name,
        stack: s.stack,
        values: years.map((y) =>
          y.report.format === s.format
            ? (getFigure(y.report, `section2.normativeDocs.${s.field}`) ?? null)
            : undefined,
        ),
      })),
    },
    options,
  );
}
