/**
 * Validation of report JSON at the boundary (API, import): the shape of DESIGN.md, "Report data
 * as JSON". Only the shape is judged here; the arithmetic and the non-negativity of figures are
 * findings of checkReport, so that a published report with wrong figures can still be loaded and
 * checked.
 */
import {
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section3Rows,
  type Figure,
  type ReportData,
  type ReportFormat,
} from './format.js';
import { SECTION2_FIELDS } from './model.js';

/** One problem with the input: where (dotted path, "" for the whole input) and what, in Chinese. */
export interface NormalizeError {
  path: string;
  message: string;
}

export type NormalizeResult =
  | { ok: true; report: ReportData }
  | { ok: false; errors: NormalizeError[] };

const TOP_LEVEL_KEYS = [
  'format',
  'agency',
  'year',
  'section2',
  'section3',
  'section4',
  'narrative',
  'feesCollectedYuan',
];
const NARRATIVE_KEYS = ['overview', 'problems', 'other'] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (value === undefined) return '空';
  return JSON.stringify(value) ?? String(value);
}

class Collector {
  readonly errors: NormalizeError[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** An object at `path`, or null (with an error) when it is missing or not an object. */
  object(value: unknown, path: string, what: string): Json | null {
    if (isObject(value)) return value;
    this.add(path, value === undefined ? `缺少${what}` : `${what}应为对象，而不是${show(value)}`);
    return null;
  }

  unknownKeys(value: Json, known: readonly string[], path: string): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.add(path ? `${path}.${key}` : key, `未知字段“${key}”`);
    }
  }

  /** A figure: a finite number, or null for a blank cell. A numeric string is an error. */
  figure(value: unknown, path: string): Figure {
    if (value === null) return null;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      this.add(path, '不是有效数字');
    } else if (value === undefined) {
      this.add(path, '缺少此项数字（空白的格请填 null）');
    } else if (typeof value === 'string') {
      this.add(path, `应为数字，而不是文本${show(value)}（空白的格请填 null）`);
    } else {
      this.add(path, `应为数字或 null，而不是${show(value)}`);
    }
    return null;
  }

  /** A table of figures: every expected row/column present, nothing else. */
  table(value: unknown, path: string, rows: readonly (readonly [string, readonly string[]])[]) {
    const out: Record<string, Record<string, Figure>> = {};
    const obj = this.object(value, path, `表格${path}`);
    if (!obj) return out;
    this.unknownKeys(obj, rows.map(([row]) => row), path);
    for (const [row, columns] of rows) {
      const rowPath = `${path}.${row}`;
      const rowObj = this.object(obj[row], rowPath, `“${row}”一行`);
      if (!rowObj) continue;
      this.unknownKeys(rowObj, columns, rowPath);
      out[row] = Object.fromEntries(columns.map((c) => [c, this.figure(rowObj[c], `${rowPath}.${c}`)]));
    }
    return out;
  }
}

function checkYear(c: Collector, format: ReportFormat | null, year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    c.add('year', `年度应为整数，如 2022，而不是${show(year)}`);
    return 0;
  }
  // The 2019 trial format (国办公开办函〔2019〕60号) served report years 2019–2020; the 2021
  // format (国办公开办函〔2021〕30号) every year since.
  if (format === '2019' && (year < 2019 || year > 2020)) {
    c.add('year', `2019 试行格式只用于 2019、2020 年度的报告，而年度为 ${year}`);
  } else if (format === '2021' && year < 2021) {
    c.add('year', `2021 格式用于 2021 年度及以后的报告，而年度为 ${year}（此前请用 2019 试行格式）`);
  } else if (year > 2100) {
    c.add('year', `年度 ${year} 不合理`);
  }
  return year;
}

/**
 * Validate and copy report JSON of unknown origin. Missing narrative parts become empty
 * strings; everything else must be present, so that a typo in a key is not silently a blank.
 */
export function normalizeReport(input: unknown): NormalizeResult {
  const c = new Collector();
  if (!isObject(input)) {
    c.add('', `报告数据应为一个 JSON 对象，而不是${show(input)}`);
    return { ok: false, errors: c.errors };
  }
  c.unknownKeys(input, TOP_LEVEL_KEYS, '');

  const format = input.format === '2021' || input.format === '2019' ? input.format : null;
  if (!format) {
    c.add('format', `报告格式应为“2021”（国办公开办函〔2021〕30号）或“2019”（试行格式），而不是${show(input.format)}`);
  }
  const agency = typeof input.agency === 'string' ? input.agency.trim() : '';
  if (!agency) c.add('agency', '填报机关名称不能为空');
  const year = checkYear(c, format, input.year);
  if (!format) return { ok: false, errors: c.errors };

  const section2 = c.table(input.section2, 'section2', SECTION2_FIELDS[format]);
  const section3 = c.table(
    input.section3,
    'section3',
    section3Rows(format).map((row) => [row, SECTION3_COLUMNS] as const),
  );
  const section4 = c.table(
    input.section4,
    'section4',
    SECTION4_GROUPS.map((group) => [group, SECTION4_COLUMNS] as const),
  );

  const narrative = { overview: '', problems: '', other: '' };
  if (input.narrative !== undefined && input.narrative !== null) {
    const obj = c.object(input.narrative, 'narrative', '正文部分');
    if (obj) {
      c.unknownKeys(obj, NARRATIVE_KEYS, 'narrative');
      for (const key of NARRATIVE_KEYS) {
        const text = obj[key];
        if (typeof text === 'string') narrative[key] = text;
        else if (text !== undefined && text !== null) c.add(`narrative.${key}`, `应为文字，而不是${show(text)}`);
      }
    }
  }

  let feesCollectedYuan: Figure | undefined;
  if (input.feesCollectedYuan !== undefined) {
    feesCollectedYuan = c.figure(input.feesCollectedYuan, 'feesCollectedYuan');
  }

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  const report = { format, agency, year, section2, section3, section4, narrative } as unknown as ReportData;
  if (feesCollectedYuan !== undefined) report.feesCollectedYuan = feesCollectedYuan;
  return { ok: true, report };
}
