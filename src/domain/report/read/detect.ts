/**
 * What the report is about: its format (the 2021 format or the 2019 trial format), the agency
 * and the year. Read from the text as published; nothing is corrected (an OCR'd "沐阳" stays
 * 沐阳 — the reader reports what the document says).
 */
import { type ReportFormat } from '../format.js';
import { type ReportDocument } from './document.js';
import { compactLabel } from './labels.js';

/** Words only the 2019 trial format prints (section 二 columns and rows). */
const MARKERS_2019 = ['新制作数量', '新公开数量', '对外公开总数量', '上一年项目数量', '本年增减', '其他对外管理服务事项', '政府集中采购'];
/**
 * Words only the 2021 format prints: section 二 columns (including the typo 本年度止件数, which
 * compacts to 本年止件数) and the sub-rows of 三（六）.
 */
const MARKERS_2021 = ['制发件数', '止件数', '现行有效件数', '逾期不补正', '逾期未按收费通知', '不再处理其政府信息公开申请'];

/** The format by the words the tables use; by the year when they say nothing. */
export function detectFormat(doc: ReportDocument, year: number | null): ReportFormat {
  const compact = compactLabel(doc.text);
  const count = (markers: readonly string[]): number => markers.filter((m) => compact.includes(m)).length;
  const score2019 = count(MARKERS_2019);
  const score2021 = count(MARKERS_2021);
  if (score2019 > score2021) return '2019';
  if (score2021 > score2019) return '2021';
  return year !== null && year >= 2019 && year <= 2020 ? '2019' : '2021';
}

export interface ReportTitle {
  agency: string;
  year: number;
  /** Index of the line holding the title. */
  line: number;
}

const TITLE = /([^\s:：|#“”"]{2,40}?)\s*(\d{4})\s*年\s*度?\s*(?:的)?\s*(?:政府信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;

function plausibleYear(year: number): boolean {
  return year >= 2000 && year <= 2100;
}

/** The first line that reads like the report's title: "XX2022年政府信息公开工作年度报告". */
export function findTitle(doc: ReportDocument): ReportTitle | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i];
    if (!line) continue;
    // Page text may hold the whole page on one line; the title is near its start.
    const m = TITLE.exec(line.text.slice(0, 400).replace(/^(?:标题|名称)\s*[:：]?\s*/, ''));
    if (!m) continue;
    const year = Number(m[2]);
    if (!plausibleYear(year)) continue;
    return { agency: (m[1] ?? '').replace(/^(?:关于|标题|名称)/, ''), year, line: i };
  }
  return null;
}

/** The year of the statistics ("统计期限自2021年1月1日…"), when the title has none. */
export function statisticsYear(text: string): number | null {
  const m = /统计(?:期限|时限|时间|区间)[^。\d]{0,12}(\d{4})\s*年/.exec(text);
  const year = m ? Number(m[1]) : NaN;
  return plausibleYear(year) ? year : null;
}

const AGENCY_SUFFIX =
  /(?:人民政府|政府|办公室|办公厅|管委会|管理委员会|委员会|局|委|厅|办|中心|院|部|署|街道办事处|街道|镇|乡|区|县|市|处|站|所|会|队|馆|公司|集团)$/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

function agencyLike(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 2 &&
    t.length <= 40 &&
    /\p{Script=Han}/u.test(t) &&
    !/[。，；：:,;、]/.test(t) &&
    !/^(?:填报|报送|抄送|发布|来源|单位)/.test(t) &&
    AGENCY_SUFFIX.test(t)
  );
}

export interface Signature {
  agency: string;
  /** Offset (in the text searched) where the signature starts. */
  offset: number;
}

/**
 * The signature at the end: an agency name followed by the date, on two lines or on one
 * ("平潭综合实验区市场监督管理局 2020年1月13日").
 */
export function findSignature(text: string): Signature | null {
  const lines = text.split('\n');
  let offset = 0;
  let previous: { text: string; offset: number } | null = null;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed !== '') {
      const dateOnly = new RegExp(`^[（(]?${DATE.source}[)）]?$`).test(trimmed);
      if (dateOnly && previous && agencyLike(previous.text)) {
        return { agency: previous.text.trim(), offset: previous.offset };
      }
      previous = { text: trimmed, offset: offset + line.indexOf(trimmed) };
    }
    offset += line.length + 1;
  }
  const inline = new RegExp(`([^\\s。，；：:,、]{2,40})[ \\t\\u3000]+${DATE.source}`, 'g');
  for (let m = inline.exec(text); m; m = inline.exec(text)) {
    if (agencyLike(m[1] ?? '')) return { agency: (m[1] ?? '').trim(), offset: m.index };
  }
  return null;
}

/** 填报单位：X, or 发布机构：X (a page's metadata). */
export function findDeclaredAgency(text: string): string | null {
  for (const key of ['填报单位', '发布机构', '发文机关']) {
    const m = new RegExp(`${key}[ \\t\\u3000]*[:：]?[ \\t\\u3000]*([^\\s，。；:：|]{2,40})`).exec(text);
    if (m && agencyLike(m[1] ?? '')) return (m[1] ?? '').trim();
  }
  return null;
}
