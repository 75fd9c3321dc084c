/**
 * The charts of the year-over-year page, as SVG strings to inline: the chart renderer turns
 * ECharts' style attributes into plain SVG attributes, so the console's CSP (style-src 'self')
 * lets them through, and each SVG carries role="img" with an aria-label listing its figures.
 */
import type { ReportData } from '../../domain/report/index.js';
import { loadECharts } from './charts/echarts.js';
import { outcomeGroups, renderOutcomesChart, renderRequestsChart, renderSection2Chart, requestFigures } from './charts/charts.js';

export async function compareCharts(years: ReadonlyArray<{ year: number; data: ReportData }>): Promise<Array<{ title: string; svg: string }>> {
  if (years.length === 0) return [];
  await loadECharts();
  return [
    { title: '依申请公开办理情况（件）', svg: renderRequestsChart(years.map((y) => ({ ...requestFigures(y.data), year: y.year }))) },
    { title: '办理结果构成（件）', svg: renderOutcomesChart(years.map((y) => ({ year: y.year, outcomes: outcomeGroups(y.data) }))) },
    { title: '规章和行政规范性文件（件）', svg: renderSection2Chart(years.map((y) => ({ year: y.year, report: y.data }))) },
  ];
}
