/**
 * Table rows (from tab-separated text, markdown or an HTML grid) into figures. Each row is split
 * into its label cells and its value cells; the label is matched to a row of the format by
 * text (labels.ts); the value cells are aligned to the row's figures. Rows are mapped by their
 * label, never by their position in the table. Rows are looked for in every section (a report
 * may lose a heading); a row found twice with different figures is unreadable (sheet.ts).
 */
import { type ReportFormat, type Section4Group } from '../format.js';
import { type ReportDocument } from './document.js';
import {
  compactLabel,
  matchLabel,
  section2Specs,
  section3Specs,
  section4GroupHint,
  SECTION4_SPECS,
  type LabelSpec,
} from './labels.js';
import { readCell } from './numbers.js';
import { sectionAt, type SectionMark, type SectionNumber } from './sections.js';
import { type FigureSheet } from './sheet.js';

/** A row split into label and values. */
export interface SplitRow {
  /** The label cells (text), in order; the last is the row's own label. */
  labels: string[];
  /** The cells after the label: figures, blanks, and whatever else the row holds. */
  values: string[];
  /** True when at least one value cell holds a number. */
  hasNumber: boolean;
}

/** Split a row's cells into label cells and value cells. */
export function splitRow(cells: readonly string[]): SplitRow {
  const kinds = cells.map((c) => (c.trim() === '' ? 'empty' : readCell(c).kind));
  let firstFigure = kinds.findIndex((k) => k === 'number' || k === 'blank');
  if (firstFigure < 0) firstFigure = cells.length;
  let lastText = -1;
  for (let i = 0; i < firstFigure; i++) if (kinds[i] === 'text') lastText = i;
  const labels = cells.slice(0, lastText + 1).filter((_, i) => kinds[i] === 'text').map((c) => c.trim());
  const values = cells.slice(lastText + 1);
  return { labels, values, hasNumber: values.some((c) => readCell(c).kind === 'number') };
}

export type Alignment = { cells: string[] } | { problem: string };

/**
 * The `expected` value cells of a row. Extra cells are allowed only where they are empty (a
 * trailing tab, a label spanning two columns); when more than one placement of the figures fits,
 * the row is unreadable rather than guessed.
 */
export function alignValues(values: readonly string[], expected: number): Alignment {
  if (values.length === expected) return { cells: [...values] };
  if (values.length < expected) {
    return { problem: `该行只有 ${values.length} 个数字格，应有 ${expected} 个` };
  }
  const windows: string[][] = [];
  for (let start = 0; start + expected <= values.length; start++) {
    const outside = [...values.slice(0, start), ...values.slice(start + expected)];
    if (outside.every((c) => c.trim() === '')) windows.push(values.slice(start, start + expected));
  }
  const first = windows[0];
  if (!first) return { problem: `该行有 ${values.filter((c) => c.trim() !== '').length} 个数字格，多于应有的 ${expected} 个` };
  const allSame = windows.every((w) => w.every((c, i) => c.trim() === (first[i] ?? '').trim()));
  if (!allSame) return { problem: '无法确定各数字对应哪一列' };
  return { cells: first };
}

/** Read aligned cells: number, null for blank, undefined for text. */
export function readValues(cells: readonly string[]): { values: (number | null | undefined)[]; problem?: string } {
  const bad: string[] = [];
  const values = cells.map((c) => {
    const reading = readCell(c);
    if (reading.kind === 'number') return reading.value;
    if (reading.kind === 'blank') return null;
    bad.push(c.trim());
    return undefined;
  });
  return bad.length > 0 ? { values, problem: `“${bad.join('”“')}”不是数字` } : { values };
}

type AnyKey = { section: 'section2' | 'section3' | 'section4'; key: string };

function tagged(section: AnyKey['section'], specs: readonly LabelSpec<string>[]): LabelSpec<string>[] {
  return specs.map((s) => ({ key: `${section}.${s.key}`, names: s.names }));
}

/** Column headers: a row holding one of these is a header row, never a (blank) data row. */
const HEADER_WORDS = new Set(
  [
    '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计',
    '申请人情况', '结果维持', '结果纠正', '其他结果', '尚未审结', '行政复议', '行政诉讼',
    '未经复议直接起诉', '复议后起诉', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数',
    '本年处理决定数量', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量',
    '本年增减', '处理决定数量', '采购项目数量', '采购总金额',
  ].map(compactLabel),
);

function isHeaderCell(text: string): boolean {
  return HEADER_WORDS.has(compactLabel(text));
}

/** Sections whose tables are expected; an unrecognised row elsewhere is not worth a finding. */
const TABLE_SECTIONS = new Set<SectionNumber | 0>([2, 3, 4]);

/** Read every table row of the document into the sheet. */
export function readTableRows(
  doc: ReportDocument,
  marks: Record<SectionNumber, SectionMark | null>,
  format: ReportFormat,
  sheet: FigureSheet,
): void {
  const specs = [
    ...tagged('section2', section2Specs(format)),
    ...tagged('section3', section3Specs(format)),
    ...tagged('section4', SECTION4_SPECS),
  ];
  const match = (label: string): string | null => {
    const m = matchLabel(label, specs);
    return m.kind === 'match' ? m.key : null;
  };
  let pending: string[] = [];
  let pendingTable: number | null = null;
  let groupHint: Section4Group | null = null;
  /** Tables whose header shows they are section 四 (结果维持 …), even without the heading. */
  const reviewTables = new Set<number>();

  for (const line of doc.lines) {
    const region = sectionAt(marks, line.offset);
    if (!line.cells) {
      if (region === 4) groupHint = section4GroupHint(line.text) ?? groupHint;
      continue;
    }
    if (line.tableId !== pendingTable) {
      pending = [];
      pendingTable = line.tableId;
    }
    const row = splitRow(line.cells);
    const own = row.labels[row.labels.length - 1] ?? '';
    let rowId = own === '' ? null : match(own);
    if (!rowId && row.labels.length > 1) rowId = match(row.labels.join(''));
    if (!rowId && pending.length > 0) rowId = match([...pending, own].join(''));

    if (!row.hasNumber) {
      // A header, a group label, a label split over lines — or a row left entirely blank.
      const hint = row.labels.map(section4GroupHint).filter((h): h is Section4Group => h !== null);
      if (hint.length === 1 && (region === 4 || (line.tableId !== null && reviewTables.has(line.tableId)))) {
        groupHint = hint[0] ?? groupHint;
      }
      if (line.tableId !== null && row.labels.some((l) => compactLabel(l) === '结果维持')) {
        reviewTables.add(line.tableId);
      }
      const header = row.labels.some(isHeaderCell);
      if (rowId && !header && row.values.length >= sheet.fields(rowId).length) {
        recordRow(sheet, rowId, row.values);
        pending = [];
      } else if (row.labels.length > 0) {
        pending = [...pending, ...row.labels].slice(-2);
      }
      continue;
    }
    pending = [];

    if (rowId) {
      recordRow(sheet, rowId, row.values);
      if (rowId.startsWith('section4.')) groupHint = null;
      continue;
    }
    const reviewTable = line.tableId !== null && reviewTables.has(line.tableId);
    if (own === '' && (region === 4 || reviewTable)) {
      if (readSection4Row(sheet, row.values, groupHint)) {
        groupHint = null;
        continue;
      }
    }
    if (TABLE_SECTIONS.has(region)) {
      const label = row.labels.join(' ') || '（无标签）';
      const figures = row.values.map((c) => c.trim()).filter((c) => c !== '').join('、');
      sheet.note({
        rule: 'parse.unreadable',
        severity: 'soft',
        message: `无法识别的表格行“${label}”（${figures}），未读取。`,
        cells: [],
      });
    }
  }
}

function recordRow(sheet: FigureSheet, rowId: string, values: readonly string[]): void {
  const expected = sheet.fields(rowId).length;
  const aligned = alignValues(values, expected);
  if ('problem' in aligned) {
    sheet.record(rowId, Array.from({ length: expected }, () => undefined), aligned.problem);
    return;
  }
  const read = readValues(aligned.cells);
  sheet.record(rowId, read.values, read.problem);
}

/** A section 四 row without a label: all three groups (15 figures), or the hinted group (5). */
function readSection4Row(sheet: FigureSheet, values: readonly string[], hint: Section4Group | null): boolean {
  const all = alignValues(values, 15);
  if ('cells' in all) {
    const read = readValues(all.cells);
    (['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const).forEach((group, g) => {
      sheet.record(`section4.${group}`, read.values.slice(g * 5, g * 5 + 5), read.problem);
    });
    return true;
  }
  if (!hint) return false;
  const one = alignValues(values, 5);
  if (!('cells' in one)) return false;
  const read = readValues(one.cells);
  sheet.record(`section4.${hint}`, read.values, read.problem);
  return true;
}
