/**
 * The words around the report's figures: title, section headings, how figures, dates and
 * narrative paragraphs are written. Shared by the HTML, DOCX and XLSX renderers.
 */
import type { Figure } from '../../../domain/report/format.js';

/** How a figure is printed: counts plain, 本年增/减 with its sign, amounts as given. */
export type FigureStyle = 'count' | 'signed' | 'amount';

/** What a rendered report says about itself besides the report data. */
export interface ReportRenderMeta {
  /** The agency as named in the title. */
  agencyName: string;
  /** 填报单位; defaults to agencyName. */
  reportingUnit?: string;
  /** Date signed, ISO "2023-01-31". */
  reportDate?: string;
  /** Set when the report was published; versions after the first are corrections. */
  publishedVersion?: { version: number; correctedOn?: string };
}

/** The line under the title of a corrected report, e.g. "（第2版，2023年2月10日更正）"; null for a first version. */
export function versionNote(meta: ReportRenderMeta): string | null {
  const v = meta.publishedVersion;
  if (!v || (v.version <= 1 && !v.correctedOn)) return null;
  return v.correctedOn ? `（第${v.version}版，${formatDateZh(v.correctedOn)}更正）` : `（第${v.version}版）`;
}

export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  section2: '二、主动公开政府信息情况',
  section3: '三、收到和处理政府信息公开申请情况',
  section4: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

/** "{agency}{year}年政府信息公开工作年度报告" */
export function reportTitle(agencyName: string, year: number): string {
  return `${agencyName}${year}年政府信息公开工作年度报告`;
}

/**
 * A figure as the official tables print it: no thousands separators, blank for null, amounts
 * as given (1809.71), and 本年增/减 with an explicit plus sign (+17) as the 2019 tables show it.
 */
export function formatFigure(value: Figure, style: FigureStyle = 'count'): string {
  if (value === null) return '';
  if (style === 'signed' && value > 0) return `+${value}`;
  return String(value);
}

/** "2023-01-31" (or a full ISO timestamp, whose calendar date is taken as written) → "2023年1月31日". */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Narrative text → paragraphs: split on line breaks, blank lines dropped, ends trimmed. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
