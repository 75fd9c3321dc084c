/**
 * The figures read so far, row by row, and the parse.unreadable findings for what could not be
 * read. A cell is a number, null (blank as published) or unread; unread cells become null in
 * the report JSON and are named in a finding, so the checker's blank-cell findings can tell
 * "left blank" from "not readable".
 *
 * Severity: a section whose table could not be found or read at all is a hard finding (nothing
 * of it can be checked, so the report cannot be passed as consistent); a row or a few cells
 * that could not be read are soft findings (the rest of the table is still checked).
 */
import {
  SECTION3_COLUMNS,
  SECTION3_ROW_LABELS,
  SECTION3_ROW_REFS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  SECTION4_GROUP_LABELS,
  section3Rows,
  type Finding,
  type ReportFormat,
  type Section3RowKey,
} from '../format.js';
import { SECTION2_FIELDS } from '../model.js';

export type SheetSection = 'section2' | 'section3' | 'section4';

const SECTION2_NAMES: Record<string, string> = {
  rules: '第二十条第（一）项“规章”',
  normativeDocs: '第二十条第（一）项“行政规范性文件”',
  licensing: '第二十条第（五）项“行政许可”',
  otherServices: '第二十条第（五）项“其他对外管理服务事项”',
  penalty: '第二十条第（六）项“行政处罚”',
  enforcement: '第二十条第（六）项“行政强制”',
  fees: '第二十条第（八）项“行政事业性收费”',
  procurement: '第二十条第（九）项“政府集中采购”',
};

const SECTION_TITLES: Record<SheetSection, string> = {
  section2: '第二部分“主动公开政府信息情况”',
  section3: '第三部分“收到和处理政府信息公开申请情况”',
  section4: '第四部分“政府信息公开行政复议、行政诉讼情况”',
};

/** A row label without its printed ordinal: "1.属于国家秘密" → "属于国家秘密". */
function bareLabel(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '');
}

/** How a clerk would name a row, in Chinese. */
export function describeRow(rowId: string): string {
  const [section, ...rest] = rowId.split('.');
  const key = rest.join('.');
  if (section === 'section2') return `第二部分${SECTION2_NAMES[key] ?? key}`;
  if (section === 'section3') {
    const row = key as Section3RowKey;
    return `第三部分${SECTION3_ROW_REFS[row] ?? ''}“${bareLabel(SECTION3_ROW_LABELS[row] ?? key)}”行`;
  }
  return `第四部分“${SECTION4_GROUP_LABELS[key as keyof typeof SECTION4_GROUP_LABELS] ?? key}”`;
}

type Cell = number | null | undefined;

interface RowState {
  values: Cell[];
  problem?: string;
}

export class FigureSheet {
  private readonly rows = new Map<string, RowState>();
  private readonly fieldsById = new Map<string, readonly string[]>();
  private readonly extra: Finding[] = [];

  constructor(readonly format: ReportFormat) {
    for (const [item, fields] of SECTION2_FIELDS[format]) this.fieldsById.set(`section2.${item}`, fields);
    for (const row of section3Rows(format)) this.fieldsById.set(`section3.${row}`, SECTION3_COLUMNS);
    for (const group of SECTION4_GROUPS) this.fieldsById.set(`section4.${group}`, SECTION4_COLUMNS);
  }

  /** Row ids of a section, in table order. */
  rowIds(section: SheetSection): string[] {
    return [...this.fieldsById.keys()].filter((id) => id.startsWith(`${section}.`));
  }

  /** Figure keys of a row. */
  fields(rowId: string): readonly string[] {
    return this.fieldsById.get(rowId) ?? [];
  }

  has(rowId: string): boolean {
    return this.rows.has(rowId);
  }

  /** True when any row of the section was read (even partly, even blank). */
  sectionRead(section: SheetSection): boolean {
    return [...this.rows.keys()].some((id) => id.startsWith(`${section}.`));
  }

  /**
   * Record a row's figures (undefined = not readable, with `problem` saying why). A row read
   * twice with different figures is unreadable: which one the agency meant is a guess.
   */
  record(rowId: string, values: readonly Cell[], problem?: string): void {
    const fields = this.fields(rowId);
    if (fields.length === 0) return;
    const normalized: Cell[] = fields.map((_, i) => values[i]);
    const previous = this.rows.get(rowId);
    if (previous) {
      const same = previous.values.every((v, i) => v === normalized[i]);
      if (!same) {
        this.rows.set(rowId, {
          values: fields.map(() => undefined),
          problem: '表格中出现两次且数字不一致',
        });
      }
      return;
    }
    const state: RowState = { values: normalized };
    if (normalized.some((v) => v === undefined)) state.problem = problem ?? '无法读取';
    this.rows.set(rowId, state);
  }

  /** A finding that is not about a known row (an unrecognised row, a missing heading…). */
  note(finding: Finding): void {
    this.extra.push(finding);
  }

  /** The value of a cell: number, null (blank or not read). */
  value(rowId: string, field: string): number | null {
    const index = this.fields(rowId).indexOf(field);
    const v = this.rows.get(rowId)?.values[index];
    return v === undefined ? null : v;
  }

  /** parse.unreadable findings for everything not read. */
  findings(): Finding[] {
    const findings: Finding[] = [];
    for (const section of ['section2', 'section3', 'section4'] as const) {
      if (!this.sectionRead(section)) {
        findings.push({
          rule: 'parse.unreadable',
          severity: 'hard',
          message: `未找到或无法读取${SECTION_TITLES[section]}的表格，整张表未读取。`,
          cells: [section],
        });
        continue;
      }
      for (const rowId of this.rowIds(section)) {
        const fields = this.fields(rowId);
        const state = this.rows.get(rowId);
        if (!state) {
          findings.push({
            rule: 'parse.unreadable',
            severity: 'soft',
            message: `未找到${describeRow(rowId)}，该行数字未读取。`,
            cells: fields.map((f) => `${rowId}.${f}`),
          });
          continue;
        }
        const unread = fields.filter((_, i) => state.values[i] === undefined);
        if (unread.length === 0) continue;
        findings.push({
          rule: 'parse.unreadable',
          severity: 'soft',
          message: `${describeRow(rowId)}无法读取：${state.problem ?? '无法读取'}。`,
          cells: unread.map((f) => `${rowId}.${f}`),
        });
      }
    }
    return [...findings, ...this.extra];
  }
}
