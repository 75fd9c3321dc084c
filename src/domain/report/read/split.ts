/**
 * Splitting a run of digits whose table cells ran together ("640020470" = 64,0,0,2,0,4,70).
 * A split is accepted only when it is the one split that satisfies the table's own arithmetic;
 * otherwise the figures stay unread. Each figure is written without leading zeros unless it is
 * "0" — that is how the tables print them.
 */

export type SplitResult =
  | { kind: 'unique'; values: number[] }
  /** No split satisfies the rule. */
  | { kind: 'none' }
  /** Several splits do. */
  | { kind: 'ambiguous' };

const MAX_FIGURE_DIGITS = 12;
/** Longer runs are not split at all (far beyond any real table row). */
const MAX_RUN_DIGITS = 120;

function validPart(digits: string, start: number, length: number): boolean {
  if (length < 1 || length > MAX_FIGURE_DIGITS || start + length > digits.length) return false;
  return length === 1 || digits[start] !== '0';
}

/**
 * Split into `parts` figures where the last is the sum of the others (a row of 三: six
 * requester columns, then 总计).
 */
export function splitRowRun(digits: string, parts = 7): SplitResult {
  if (!/^\d+$/.test(digits) || digits.length < parts || digits.length > MAX_RUN_DIGITS) return { kind: 'none' };
  const solutions: number[][] = [];
  const current: number[] = [];
  const visit = (pos: number, sum: number): void => {
    if (solutions.length > 1) return;
    if (current.length === parts - 1) {
      const rest = digits.slice(pos);
      if (rest === String(sum)) solutions.push([...current, sum]);
      return;
    }
    const remainingParts = parts - 1 - current.length;
    for (let len = 1; len <= MAX_FIGURE_DIGITS; len++) {
      // Leave at least one digit for each later figure and for the total.
      if (pos + len + remainingParts > digits.length) break;
      if (!validPart(digits, pos, len)) break;
      current.push(Number(digits.slice(pos, pos + len)));
      visit(pos + len, sum + (current[current.length - 1] ?? 0));
      current.pop();
    }
  };
  visit(0, 0);
  if (solutions.length === 0) return { kind: 'none' };
  if (solutions.length > 1) return { kind: 'ambiguous' };
  return { kind: 'unique', values: solutions[0] ?? [] };
}

/**
 * Split into `groups` groups of `size` figures, the last of each group the sum of the others
 * (section 四: 行政复议, 未经复议直接起诉, 复议后起诉 — 结果维持 … 尚未审结, 总计).
 */
export function splitGroupsRun(digits: string, groups = 3, size = 5): SplitResult {
  if (!/^\d+$/.test(digits) || digits.length < groups * size || digits.length > MAX_RUN_DIGITS) {
    return { kind: 'none' };
  }
  const solutions: number[][] = [];
  const current: number[] = [];
  const visit = (pos: number, group: number, inGroup: number, sum: number): void => {
    if (solutions.length > 1) return;
    if (group === groups) {
      if (pos === digits.length) solutions.push([...current]);
      return;
    }
    if (inGroup === size - 1) {
      const total = String(sum);
      if (!digits.startsWith(total, pos)) return;
      current.push(sum);
      visit(pos + total.length, group + 1, 0, 0);
      current.pop();
      return;
    }
    for (let len = 1; len <= MAX_FIGURE_DIGITS; len++) {
      if (!validPart(digits, pos, len)) break;
      const value = Number(digits.slice(pos, pos + len));
      current.push(value);
      visit(pos + len, group, inGroup + 1, sum + value);
      current.pop();
    }
  };
  visit(0, 0, 0, 0);
  if (solutions.length === 0) return { kind: 'none' };
  if (solutions.length > 1) return { kind: 'ambiguous' };
  return { kind: 'unique', values: solutions[0] ?? [] };
}

/**
 * Split into `count` figures with no arithmetic to check them by (规章: 制发, 废止, 现行有效):
 * only a run of exactly `count` digits can be split without guessing.
 */
export function splitFixedRun(digits: string, count: number): SplitResult {
  if (!/^\d+$/.test(digits)) return { kind: 'none' };
  if (digits.length !== count) return digits.length < count ? { kind: 'none' } : { kind: 'ambiguous' };
  return { kind: 'unique', values: [...digits].map(Number) };
}
