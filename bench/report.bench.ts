/**
 * Annual reports: checking many reports, rendering one, rolling up a district. Targets are the
 * issue's: ≥ 1,000 reports checked per second (a province's reports checked in one sitting),
 * DOCX ≤ 200 ms (rendered while a clerk waits for the download), a 300-agency roll-up with its
 * per-agency breakdown ≤ 1 s (one page load of the supervising office).
 */
import {
  breakdown,
  checkReport,
  listCells,
  sumReports,
  type ReportData,
} from '../src/domain/report/index.js';
import { renderReportDocx } from '../src/features/annual-reports/render/report-docx.js';
import { renderReportHtml } from '../src/features/annual-reports/render/report-html.js';
import { zhanyiReport2022 } from '../src/features/annual-reports/render/test-factory.js';
import { atLeast, atMost, measure, mulberry32, peakRssMb, type BenchResult } from './lib.js';
import { generateAgencyReport, generateCases, narrativeFor } from './report-data.js';

const CHECKED_REPORTS = 10_000;
const AGENCIES = 300;

async function benchChecks(): Promise<BenchResult[]> {
  const cases = generateCases(mulberry32(20240101), CHECKED_REPORTS);
  let findings = 0;
  let unexpected = 0;
  const checkAll = () => {
    findings = 0;
    unexpected = 0;
    for (const { report, context, faults } of cases) {
      const found = checkReport(report, context);
      findings += found.length;
      // A consistent report must pass, a faulty one must not: otherwise the data is not what
      // the figure claims to measure.
      if (found.length > 0 !== faults.length > 0) unexpected++;
    }
  };
  const { medianMs } = await measure(checkAll, { warmup: 1, runs: 5 });
  const narrativeChars =
    cases.reduce((sum, { report: r }) => sum + r.narrative.overview.length + r.narrative.problems.length + r.narrative.other.length, 0) /
    cases.length;
  return [
    atLeast(
      `checkReport：${CHECKED_REPORTS.toLocaleString('en-US')} 份生成报告（半数有错，两种格式；5 次中位数）`,
      CHECKED_REPORTS / (medianMs / 1000),
      '份/秒',
      1000,
    ),
    { name: '  其中每份报告正文平均字数', value: Math.round(narrativeChars), unit: '字' },
    { name: '  其中检查结果与预期不符的报告（应为 0）', value: unexpected, unit: '份' },
    { name: '  其中发现的问题总数', value: findings, unit: '条' },
  ];
}

async function benchRendering(): Promise<BenchResult[]> {
  // 沾益区 2022 as published (the renderer tests' report), with a narrative of full length:
  // the factory's is cut short, a published report's text runs to one or two thousand characters.
  const report = zhanyiReport2022();
  report.narrative = narrativeFor(mulberry32(2022), report);
  const meta = { agencyName: '曲靖市沾益区', reportingUnit: '沾益区人民政府办公室', reportDate: '2023-01-31' };
  let bytes = 0;
  const html = await measure(() => (bytes = renderReportHtml(report, meta).length), { warmup: 10, runs: 50 });
  const docx = await measure(async () => (bytes = (await renderReportDocx(report, meta)).length), { warmup: 5, runs: 20 });
  void bytes;
  return [
    { name: 'renderReportHtml：一份报告（50 次中位数）', value: html.medianMs, unit: 'ms' },
    atMost('renderReportDocx：一份报告（20 次中位数）', docx.medianMs, 'ms', 200),
  ];
}

async function benchRollUp(): Promise<BenchResult[]> {
  const random = mulberry32(300);
  const reports: ReportData[] = Array.from({ length: AGENCIES }, (_, i) =>
    generateAgencyReport(random, '2021', `第${i + 1}号政府部门`, 2023),
  );
  let cells = 0;
  const rollUp = () => {
    const total = sumReports('2021', '全区汇总', 2023, reports);
    // What the supervising office sees under each roll-up cell: every agency's figure in it.
    const detail = listCells(total).map((cell) => breakdown(reports, cell));
    cells = detail.length;
  };
  const { medianMs } = await measure(rollUp, { warmup: 3, runs: 10 });
  return [
    atMost(`sumReports + 逐格分单位明细：${AGENCIES} 个单位 × ${cells} 格（10 次中位数）`, medianMs, 'ms', 1000),
  ];
}

export async function run(): Promise<BenchResult[]> {
  const results = [...(await benchChecks()), ...(await benchRendering()), ...(await benchRollUp())];
  results.push({ name: '进程峰值 RSS（含以上全部）', value: peakRssMb(), unit: 'MB' });
  return results;
}
