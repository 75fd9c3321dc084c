/**
 * Tables whose cells ran together in page text ("…申请数量640020470二、上年结转…"). The row
 * labels are found in order, the text between one label and the next is the row's run of
 * digits, and runs.ts splits it — only where exactly one split satisfies the table's
 * arithmetic.
 */
import { type ReportFormat, type Section3RowKey } from '../format.js';
import {
  compactLabel,
  editDistance,
  itemNumber,
  section2Specs,
  section3Specs,
  tolerance,
  type LabelSpec,
} from './labels.js';
import { asciiDigits } from './numbers.js';
import { readRun, type RunRule } from './runs.js';
import { SECTION2_FIELDS } from '../model.js';
import type { FigureSheet } from './sheet.js';

/** A text with its compact form (as compactLabel) and, per compact character, its offset. */
interface CompactText {
  compact: string;
  offsets: number[];
}

/** Compact a text character by character, keeping where each character came from. */
export function compactWithOffsets(text: string): CompactText {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = compactLabel(text[i] ?? '');
    for (const ch of c) {
      chars.push(ch);
      offsets.push(i);
    }
  }
  // 本年度 → 本年, 上年度 → 上年, as compactLabel does for labels.
  for (let i = chars.length - 1; i >= 2; i--) {
    if (chars[i] === '度' && chars[i - 1] === '年' && (chars[i - 2] === '本' || chars[i - 2] === '上')) {
      chars.splice(i, 1);
      offsets.splice(i, 1);
    }
  }
  return { compact: chars.join(''), offsets };
}

const FUZZY_WINDOW = 400;
const FUZZY_MIN_LENGTH = 6;

/** The earliest occurrence of one of the names at or after `from` (compact offsets). */
function findName(text: CompactText, names: readonly string[], from: number): { start: number; end: number } | null {
  const targets = names.map(compactLabel).sort((a, b) => b.length - a.length);
  let best: { start: number; end: number } | null = null;
  for (const target of targets) {
    const at = text.compact.indexOf(target, from);
    if (at >= 0 && (!best || at < best.start)) best = { start: at, end: at + target.length };
  }
  if (best) return best;
  // One slip in a long label ("内容事务" for 内部事务), searched close to where we are.
  for (const target of targets) {
    if (target.length < FUZZY_MIN_LENGTH) continue;
    const allowed = tolerance(target);
    const limit = Math.min(text.compact.length, from + FUZZY_WINDOW);
    for (let i = from; i < limit; i++) {
      const c0 = text.compact[i];
      if (c0 !== target[0] && c0 !== target[1] && text.compact[i + 1] !== target[1]) continue;
      for (let len = target.length - allowed; len <= target.length + allowed; len++) {
        if (len < 1 || i + len > text.compact.length) continue;
        const d = editDistance(text.compact.slice(i, i + len), target, allowed);
        if (d <= allowed) return { start: i, end: i + len };
      }
    }
  }
  return null;
}

interface FoundLabel<K extends string> {
  key: K;
  /** Original offsets in the section text. */
  start: number;
  end: number;
}

/** Locate the labels in table order; a label not found is skipped. */
function locateLabels<K extends string>(text: string, specs: readonly LabelSpec<K>[]): FoundLabel<K>[] {
  const compact = compactWithOffsets(text);
  const found: FoundLabel<K>[] = [];
  let cursor = 0;
  for (const spec of specs) {
    const hit = findName(compact, spec.names, cursor);
    if (!hit) continue;
    const start = compact.offsets[hit.start] ?? 0;
    const end = (compact.offsets[hit.end - 1] ?? start) + 1;
    found.push({ key: spec.key, start, end });
    cursor = hit.end;
  }
  return found;
}

/** Where a label really starts: before its printed item number ("2." of "2.重复申请"). */
function startWithItemNumber(text: string, start: number, number: number | null): number {
  if (number === null) return start;
  const before = asciiDigits(text.slice(Math.max(0, start - 8), start).normalize('NFKC'));
  // The number sits right after the previous row's digits ("…00000002.其他…"): item numbers are
  // single digits, so the last digit before the dot is the number.
  const m = new RegExp(`(?:\\(${number}\\)|${number}\\s*[.、])\\s*$`).exec(before);
  return m ? start - (before.length - m.index) : start;
}

/** The run of each found label: the text up to the next label (or the end). */
function runs<K extends string>(
  text: string,
  found: readonly FoundLabel<K>[],
  numberOf: (key: K) => number | null,
): { key: K; run: string }[] {
  return found.map((label, i) => {
    const next = found[i + 1];
    const end = next ? startWithItemNumber(text, next.start, numberOf(next.key)) : text.length;
    return { key: label.key, run: text.slice(label.end, Math.max(label.end, end)) };
  });
}

/** Section 三 from flattened text. */
export function readFlattenedSection3(text: string, format: ReportFormat, sheet: FigureSheet): void {
  const found = locateLabels(text, section3Specs(format));
  for (const { key, run } of runs<Section3RowKey>(text, found, itemNumber)) {
    const reading = readRun(run, 7, 'rowTotal');
    sheet.record(`section3.${key}`, reading.values, reading.problem);
  }
}

function section2Rule(format: ReportFormat, item: string, count: number): RunRule {
  if (item === 'rules' || item === 'normativeDocs') return 'fixed';
  if (format === '2021') return 'single';
  if (item === 'procurement') return 'countAndAmount';
  return count >= 2 ? 'signed' : 'single';
}

/** Section 二 from flattened text. */
export function readFlattenedSection2(text: string, format: ReportFormat, sheet: FigureSheet): void {
  const specs = section2Specs(format);
  const order = SECTION2_FIELDS[format].map(([item]) => item);
  const ordered = order
    .map((item) => specs.find((s) => s.key === item))
    .filter((s): s is LabelSpec<string> => s !== undefined);
  const found = locateLabels(text, ordered);
  for (const { key, run } of runs<string>(text, found, () => null)) {
    const fields = sheet.fields(`section2.${key}`);
    const reading = readRun(run, fields.length, section2Rule(format, key, fields.length));
    sheet.record(`section2.${key}`, reading.values, reading.problem);
  }
}

/** Section 四 from flattened text: one run of fifteen figures after the column headers. */
export function readFlattenedSection4(text: string, sheet: FigureSheet): void {
  const reading = readRun(text, 15, 'groupTotals');
  if (reading.values.every((v) => v === undefined) && reading.problem === '该行没有数字') return;
  (['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const).forEach((group, g) => {
    sheet.record(`section4.${group}`, reading.values.slice(g * 5, g * 5 + 5), reading.problem);
  });
}
