/**
 * Reading the figures of one row from a run of text that is not split into cells: page text
 * whose table cells ran together, or a cell holding several figures. Explicit separators win
 * (as many space-separated tokens as the row has figures); otherwise the digits are split by
 * the table's arithmetic (split.ts), or by the sign of 本年增/减 in the 2019 format.
 */
import { asciiDigits, readCell } from './numbers.js';
import { splitFixedRun, splitGroupsRun, splitRowRun, type SplitResult } from './split.js';

/** How the figures of a row relate, which decides how a run of digits may be split. */
export type RunRule =
  /** Section 三: six columns and their 总计. */
  | 'rowTotal'
  /** Section 四: three groups of four results and their 总计. */
  | 'groupTotals'
  /** No arithmetic (规章 制发/废止/现行有效): only one digit per figure is unambiguous. */
  | 'fixed'
  /** One figure, possibly with decimals (许可, 处罚, 收费金额). */
  | 'single'
  /** 2019: 上一年项目数量, 本年增/减 (signed) [, 处理决定数量]. */
  | 'signed'
  /** 2019 政府集中采购: 采购项目数量 and 采购总金额 (may have decimals). */
  | 'countAndAmount';

/** The figures read from a run: undefined where a figure could not be read. */
export interface RunReading {
  values: (number | null | undefined)[];
  /** Why some figures are undefined, in Chinese. */
  problem?: string;
}

const RUN_CHARS = /^[0-9.,+\-\s]*$/;

/** The run without label remnants before and after it (text that holds no digit). */
export function trimRun(text: string): string {
  const t = asciiDigits(text.normalize('NFKC'));
  const first = t.search(/[0-9]/);
  if (first < 0) return '';
  let last = t.length - 1;
  while (last >= 0 && !/[0-9]/.test(t[last] ?? '')) last--;
  // A sign directly before the first digit belongs to the figure.
  const start = first > 0 && /[+-]/.test(t[first - 1] ?? '') ? first - 1 : first;
  return t.slice(start, last + 1);
}

function unread(count: number, problem: string): RunReading {
  return { values: Array.from({ length: count }, () => undefined), problem };
}

function fromSplit(result: SplitResult, count: number, shown: string, rule: string): RunReading {
  if (result.kind === 'unique') return { values: result.values };
  if (result.kind === 'ambiguous') {
    return unread(count, `连写的数字“${shown}”有多种拆分方式都符合${rule}，无法确定各格数字`);
  }
  return unread(count, `连写的数字“${shown}”没有一种拆分方式符合${rule}，无法确定各格数字`);
}

/** Tokens separated by whitespace, when there are exactly `count` and each is a figure. */
function explicitTokens(run: string, count: number): (number | null)[] | null {
  const tokens = run.trim().split(/\s+/).filter((t) => t !== '');
  if (tokens.length !== count) return null;
  const values: (number | null)[] = [];
  for (const token of tokens) {
    const reading = readCell(token);
    if (reading.kind === 'text') return null;
    values.push(reading.kind === 'number' ? reading.value : null);
  }
  return values;
}

/** Read `count` figures from a run of text by `rule`. */
export function readRun(text: string, count: number, rule: RunRule): RunReading {
  const run = trimRun(text);
  if (run === '') return unread(count, '该行没有数字');
  if (!RUN_CHARS.test(run)) return unread(count, `数字中夹杂文字（“${run.slice(0, 30)}”）`);
  const tokens = explicitTokens(run, count);
  if (tokens) return { values: tokens };
  const compact = run.replace(/\s+/g, '');

  switch (rule) {
    case 'single': {
      const reading = readCell(compact);
      if (reading.kind === 'number') return { values: [reading.value] };
      return unread(count, `“${compact}”不是一个数字`);
    }
    case 'rowTotal':
      if (!/^\d+$/.test(compact)) return unread(count, `“${compact}”不是连写的整数`);
      return fromSplit(splitRowRun(compact, count), count, compact, '“总计＝各列之和”');
    case 'groupTotals':
      if (!/^\d+$/.test(compact)) return unread(count, `“${compact}”不是连写的整数`);
      return fromSplit(splitGroupsRun(compact, count / 5, 5), count, compact, '各组“总计＝各项之和”');
    case 'fixed':
      if (!/^\d+$/.test(compact)) return unread(count, `“${compact}”不是连写的整数`);
      return fromSplit(
        splitFixedRun(compact, count),
        count,
        compact,
        `“每格一位数”（该表没有可核对的合计，只有恰好 ${count} 位数字时才能确定）`,
      );
    case 'signed':
      return readSignedRun(compact, count);
    case 'countAndAmount': {
      const m = /^(\d)(\d+(?:\.\d+)?)$/.exec(compact);
      if (m && /^\d\d(?:\.|$)/.test(compact)) return { values: [Number(m[1]), Number(m[2])] };
      return unread(count, `连写的“${compact}”无法确定采购项目数量与采购总金额的分界`);
    }
  }
}

/**
 * 2019 format, 上一年项目数量 · 本年增/减 [· 处理决定数量]: the sign of the change separates the
 * first figure from the rest; after the sign, the change and the decisions can only be told
 * apart when each is one digit.
 */
function readSignedRun(compact: string, count: number): RunReading {
  const m = /^(\d+)([+-])(\d+)$/.exec(compact);
  if (!m) {
    if (/^\d+$/.test(compact)) {
      return fromSplit(splitFixedRun(compact, count), count, compact, `“每格一位数”（无增减符号时只有恰好 ${count} 位数字才能确定）`);
    }
    return unread(count, `“${compact}”无法拆分`);
  }
  const [, previous = '', sign = '+', rest = ''] = m;
  if (previous.length > 1 && previous.startsWith('0')) return unread(count, `“${compact}”无法拆分`);
  const signed = (digits: string): number => (sign === '-' ? -Number(digits) || 0 : Number(digits));
  if (count === 2) return { values: [Number(previous), signed(rest)] };
  if (rest.length === 2) return { values: [Number(previous), signed(rest[0] ?? ''), Number(rest[1])] };
  return {
    values: [Number(previous), undefined, undefined],
    problem: `增减符号后连写的“${rest}”无法确定本年增/减与处理决定数量的分界`,
  };
}
