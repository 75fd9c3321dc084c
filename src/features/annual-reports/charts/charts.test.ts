import { beforeAll, describe, expect, it } from 'vitest';
import { blankReport, emptyReport, setFigure } from '../../../domain/report/model.js';
import type { ReportData } from '../../../domain/report/format.js';
import {
  OUTCOME_GROUP_LABELS,
  outcomeGroups,
  renderOutcomesChart,
  renderPublicationsChart,
  renderRequestsChart,
  renderSection2Chart,
  requestFigures,
  svgAltText,
  svgToDataUri,
  type RequestFigures,
} from './charts.js';
import { loadECharts } from './echarts.js';
import { CHART_PALETTE } from './theme.js';

// The renderers take ECharts once it is loaded, as the routes do before rendering.
beforeAll(async () => {
  await loadECharts();
});

const requests: RequestFigures[] = [
  { year: 2021, received: 12, carriedIn: 1, handled: 13, carriedOut: 0 },
  { year: 2022, received: 9, carriedIn: 0, handled: 9, carriedOut: 0 },
];

/** Bars are paths with a fill (stacked ones a white border) and no transform; legend icons
 * carry a transform. */
function barCount(svg: string, color: string): number {
  return svg.match(new RegExp(`<path d="[^"]*" fill="${color}"(?: stroke="#ffffff")?></path>`, 'g'))?.length ?? 0;
}

/** Text of the <text> elements, in document order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}

function report2021(year: number, normativeDocs: [number | null, number | null, number | null]): ReportData {
  const report = emptyReport('2021', '测试区人民政府办公室', year);
  setFigure(report, 'section2.normativeDocs.issued', normativeDocs[0]);
  setFigure(report, 'section2.normativeDocs.repealed', normativeDocs[1]);
  setFigure(report, 'section2.normativeDocs.inForce', normativeDocs[2]);
  return report;
}

function report2019(year: number, normativeDocs: [number, number, number]): ReportData {
  const report = emptyReport('2019', '测试区人民政府办公室', year);
  setFigure(report, 'section2.normativeDocs.made', normativeDocs[0]);
  setFigure(report, 'section2.normativeDocs.published', normativeDocs[1]);
  setFigure(report, 'section2.normativeDocs.totalPublic', normativeDocs[2]);
  return report;
}

const outcomes = [
  { year: 2022, outcomes: { granted: 5, partial: 2, withheld: 0, unavailable: 3, notProcessed: 1, other: 1 } },
  { year: 2021, outcomes: { granted: 7, partial: 1, withheld: 2, unavailable: 1, notProcessed: 0, other: null } },
];

const kindLabels = { news: '工作动态', document: '政策文件', interpretation: '政策解读', repost: '转载' };
const publications: Array<{ year: number; byKind: Record<string, number> }> = [
  { year: 2021, byKind: { news: 120, document: 85 } },
  { year: 2022, byKind: { news: 150, document: 90, interpretation: 45, meetingNotes: 60 } },
];

/** One of each chart, with data. */
function allCharts(): Record<string, string> {
  return {
    requests: renderRequestsChart(requests),
    outcomes: renderOutcomesChart(outcomes),
    publications: renderPublicationsChart(publications, kindLabels),
    section2: renderSection2Chart([
      { year: 2020, report: report2019(2020, [2, 2, 2]) },
      { year: 2021, report: report2021(2021, [6, 2, 66]) },
    ]),
  };
}

describe('renderRequestsChart', () => {
  it('draws the years, the legend in Chinese and each figure as a label', () => {
    const svg = renderRequestsChart(requests);
    const shown = texts(svg);
    expect(shown).toContain('依申请公开办理情况（件）');
    expect(shown).toEqual(expect.arrayContaining(['2021年', '2022年', '新收申请', '上年结转', '办结', '结转下年']));
    // Bar labels: 12, 1, 13, 0 (2021) and 9, 0, 9, 0 (2022); the y axis has its own ticks.
    expect(shown).toEqual(expect.arrayContaining(['12', '9', '13', '1']));
    expect(svg.startsWith('<svg width="640" height="320" ')).toBe(true);
    expect(barCount(svg, CHART_PALETTE[0])).toBe(2);
  });

  it('leaves a gap for a blank figure, where a zero still gets its bar and label', () => {
    const withZero = renderRequestsChart([
      { year: 2021, received: 12, carriedIn: 1, handled: 13, carriedOut: 0 },
      { year: 2022, received: 0, carriedIn: 0, handled: 9, carriedOut: 0 },
    ]);
    const withBlank = renderRequestsChart([
      { year: 2021, received: 12, carriedIn: 1, handled: 13, carriedOut: 0 },
      { year: 2022, received: null, carriedIn: 0, handled: 9, carriedOut: 0 },
    ]);
    expect(barCount(withZero, CHART_PALETTE[0])).toBe(2);
    expect(barCount(withBlank, CHART_PALETTE[0])).toBe(1);
    expect(svgAltText(withBlank)).toContain('2022年：新收申请空缺，上年结转0件');
  });

  it('names the picture for screen readers with every figure', () => {
    expect(svgAltText(renderRequestsChart(requests))).toBe(
      '依申请公开办理情况（件）：2021年：新收申请12件，上年结转1件，办结13件，结转下年0件；' +
        '2022年：新收申请9件，上年结转0件，办结9件，结转下年0件。',
    );
    expect(renderRequestsChart(requests)).toContain('<title>依申请公开办理情况（件）：2021年：新收申请12件');
  });

  it('orders the years whatever order they come in', () => {
    const shown = texts(renderRequestsChart([...requests].reverse()));
    expect(shown.indexOf('2021年')).toBeLessThan(shown.indexOf('2022年'));
  });

  it('refuses a year given twice', () => {
    expect(() => renderRequestsChart([requests[0]!, requests[0]!])).toThrow(RangeError);
  });

  it('takes its size from the options', () => {
    expect(renderRequestsChart(requests, { width: 800, height: 400 })).toMatch(
      /^<svg width="800" height="400" [^>]*viewBox="0 0 800 400"/,
    );
  });
});

describe('every chart', () => {
  it('renders the same input to the same bytes, whatever was rendered before', () => {
    const first = allCharts();
    renderOutcomesChart([{ year: 2030, outcomes: outcomes[0]!.outcomes }]);
    const second = allCharts();
    for (const name of Object.keys(first)) expect(second[name], name).toBe(first[name]);
  });

  it('carries no inline CSS, classes or hydration metadata, so it can be inlined under the CSP', () => {
    for (const [name, svg] of Object.entries(allCharts())) {
      expect(svg, name).not.toMatch(/\sstyle="/);
      expect(svg, name).not.toContain('<style');
      expect(svg, name).not.toMatch(/\sclass="/);
      expect(svg, name).not.toContain('ecmeta_');
      expect(svg, name).toContain(`font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif"`);
      expect(svg, name).toMatch(/^<svg [^>]* role="img" aria-label="[^"]+"><title>/);
    }
  });

  it('says 暂无数据 when there is no year, or no figure in any year', () => {
    const empty = [
      renderRequestsChart([]),
      renderRequestsChart([{ year: 2021, received: null, carriedIn: null, handled: null, carriedOut: null }]),
      renderOutcomesChart([]),
      renderPublicationsChart([], kindLabels),
      renderSection2Chart([]),
      renderSection2Chart([{ year: 2021, report: blankReport('2021', '测试区', 2021) }]),
    ];
    for (const svg of empty) {
      expect(texts(svg)).toContain('暂无数据');
      expect(svg).toMatch(/^<svg width="640" height="120" /);
    }
    expect(svgAltText(empty[0]!)).toBe('依申请公开办理情况（件）：暂无数据');
  });

  it('gives a data URI for <img> holding the same SVG', () => {
    const svg = renderRequestsChart(requests);
    const uri = renderRequestsChart(requests, { asDataUri: true });
    expect(uri).toBe(svgToDataUri(svg));
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(uri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8')).toBe(svg);
    expect(renderOutcomesChart([], { asDataUri: true })).toBe(svgToDataUri(renderOutcomesChart([])));
  });

  it('uses colours that hold 4.5:1 against the white background', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const color of CHART_PALETTE) {
      expect((1.05 / (luminance(color) + 0.05)) >= 4.5, color).toBe(true);
    }
  });
});

describe('outcomeGroups', () => {
  it('sums the 2021 format total column into the six groups', () => {
    const report = blankReport('2021', '测试区人民政府办公室', 2022);
    setFigure(report, 'section3.granted.total', 7);
    setFigure(report, 'section3.partial.total', 1);
    setFigure(report, 'section3.withheld.stateSecret.total', 2);
    setFigure(report, 'section3.withheld.processInfo.total', 3);
    setFigure(report, 'section3.notProcessed.repeated.total', 1);
    setFigure(report, 'section3.other.noClarification.total', 1);
    setFigure(report, 'section3.other.feeUnpaid.total', 2);
    // Other columns are not the total and do not count.
    setFigure(report, 'section3.granted.naturalPerson', 100);
    expect(outcomeGroups(report)).toEqual({
      granted: 7,
      partial: 1,
      withheld: 5,
      unavailable: null,
      notProcessed: 1,
      other: 3,
    });
  });

  it('reads the 2019 format single 其他处理 row, and keeps zeros as zeros', () => {
    const report = emptyReport('2019', '测试区人民政府办公室', 2020);
    setFigure(report, 'section3.granted.total', 4);
    setFigure(report, 'section3.unavailable.notHeld.total', 2);
    setFigure(report, 'section3.unavailable.needsCreation.total', null);
    setFigure(report, 'section3.unavailable.stillUnclear.total', 1);
    setFigure(report, 'section3.other.total', 6);
    expect(outcomeGroups(report)).toEqual({
      granted: 4,
      partial: 0,
      withheld: 0,
      unavailable: 3,
      notProcessed: 0,
      other: 6,
    });
  });
});

describe('requestFigures', () => {
  it('takes rows 一, 二, 三（七） and 四 from the total column', () => {
    const report = blankReport('2021', '测试区人民政府办公室', 2022);
    setFigure(report, 'section3.received.total', 9);
    setFigure(report, 'section3.handledTotal.total', 8);
    setFigure(report, 'section3.carriedOut.total', 1);
    expect(requestFigures(report)).toEqual({ year: 2022, received: 9, carriedIn: null, handled: 8, carriedOut: 1 });
  });
});

describe('renderOutcomesChart', () => {
  it('stacks the six groups with their figures printed inside', () => {
    const svg = renderOutcomesChart(outcomes);
    const shown = texts(svg);
    expect(shown).toEqual(expect.arrayContaining(['申请办理结果（件）', ...Object.values(OUTCOME_GROUP_LABELS)]));
    expect(shown).toEqual(expect.arrayContaining(['7', '5', '3']));
    // 不予公开 is 2 in 2021 and 0 in 2022 (a flat segment); 其他处理 is blank in 2021: a gap.
    expect(barCount(svg, CHART_PALETTE[2])).toBe(2);
    expect(barCount(svg, CHART_PALETTE[5])).toBe(1);
    expect(svgAltText(svg)).toBe(
      '申请办理结果（件）：2021年：予以公开7件，部分公开1件，不予公开2件，无法提供1件，不予处理0件；' +
        '2022年：予以公开5件，部分公开2件，不予公开0件，无法提供3件，不予处理1件，其他处理1件。',
    );
  });
});

describe('renderPublicationsChart', () => {
  it('stacks the kinds in the order of the labels, unknown kinds last under their key', () => {
    const svg = renderPublicationsChart(publications, kindLabels);
    const legend = texts(svg).filter((t) => ['工作动态', '政策文件', '政策解读', '转载', 'meetingNotes'].includes(t));
    // 转载 has no figure in any year: left out.
    expect(legend).toEqual(['工作动态', '政策文件', '政策解读', 'meetingNotes']);
    expect(texts(svg)).toEqual(expect.arrayContaining(['主动公开政府信息情况（条）', '120', '150', '85', '90']));
    expect(svgAltText(svg)).toContain('2021年：工作动态120条，政策文件85条；2022年：工作动态150条');
  });

  it('escapes labels it is given', () => {
    const svg = renderPublicationsChart([{ year: 2022, byKind: { x: 3 } }], { x: '<b>动态</b>' });
    expect(svg).not.toContain('<b>');
    expect(texts(svg)).toContain('&lt;b&gt;动态&lt;/b&gt;');
    expect(svgAltText(svg)).toContain('<b>动态</b>3条');
  });
});

describe('renderSection2Chart', () => {
  it('labels each year by its own format: 制发/废止/现行有效 (2021), 新制作/新公开/对外公开总数 (2019)', () => {
    const svg = renderSection2Chart([
      { year: 2021, report: report2021(2021, [6, 2, 66]) },
      { year: 2020, report: report2019(2020, [3, 4, 5]) },
    ]);
    const shown = texts(svg);
    expect(shown).toEqual(
      expect.arrayContaining(['行政规范性文件情况（件）', '本年制发', '本年废止', '现行有效', '本年新制作', '本年新公开', '对外公开总数']),
    );
    expect(shown).toEqual(expect.arrayContaining(['6', '2', '66', '3', '4', '5']));
    // One bar per field: the other format's fields leave no empty slots and are not described.
    for (const color of CHART_PALETTE.slice(0, 6)) expect(barCount(svg, color), color).toBe(1);
    expect(svgAltText(svg)).toBe(
      '行政规范性文件情况（件）：2020年：本年新制作3件，本年新公开4件，对外公开总数5件；' +
        '2021年：本年制发6件，本年废止2件，现行有效66件。',
    );
  });

  it('shows only the fields of the formats it was given, and a blank figure as a gap', () => {
    const svg = renderSection2Chart([
      { year: 2021, report: report2021(2021, [6, null, 66]) },
      { year: 2022, report: report2021(2022, [4, 0, 68]) },
    ]);
    expect(texts(svg)).not.toContain('本年新制作');
    expect(barCount(svg, CHART_PALETTE[1])).toBe(1);
    expect(svgAltText(svg)).toContain('2021年：本年制发6件，本年废止空缺，现行有效66件');
  });
});
