import { beforeAll, describe, expect, it } from 'vitest';
import { loadECharts } from '../annual-reports/charts/echarts.js';
import { renderAgencyBarChart } from './charts.js';

// The renderers take ECharts once it is loaded, as the dashboard does before rendering.
beforeAll(async () => {
  await loadECharts();
});
import { endOfWeek } from './service.js';

describe('dashboard charts', () => {
  const chart = {
    title: '依申请公开办理中（件）', unit: '件', agencies: ['区教体局', '区财政局'],
    series: [{ name: '按期办理中', values: [2, 0] }, { name: '已超期', values: [1, 0] }],
  };
  it('renders an SVG without inline styles, named by its figures, the same bytes every time', () => {
    const svg = renderAgencyBarChart(chart, 520);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img" aria-label="依申请公开办理中（件）：区教体局：按期办理中2件，已超期1件；区财政局：无。"');
    expect(svg).not.toMatch(/\sstyle="|<style/);
    expect(svg).toContain('width="520"');
    expect(renderAgencyBarChart(chart, 520)).toBe(svg);
  });
  it('says 暂无数据 when every figure is zero', () => {
    const svg = renderAgencyBarChart({ ...chart, series: [{ name: '已超期', values: [0, 0] }] });
    expect(svg).toContain('aria-label="依申请公开办理中（件）：暂无数据"');
  });
});

describe('endOfWeek', () => {
  it('is the Sunday of the week (Monday to Sunday)', () => {
    expect(['2026-03-02', '2026-03-05', '2026-03-08', '2026-03-09'].map(endOfWeek)).toEqual(['2026-03-08', '2026-03-08', '2026-03-08', '2026-03-15']);
  });
});
