/**
 * Figures as clerks type them: full-width digits, thousands separators, dashes for "nothing",
 * stray spaces, units. One cell in, one reading out; nothing is guessed.
 */

/** What a table cell holds. */
export type CellReading =
  | { kind: 'number'; value: number }
  /** Left blank, or a placeholder that means "nothing to report" (—, -, /, 无). */
  | { kind: 'blank' }
  /** Not a figure: a label, a header, or garbage. */
  | { kind: 'text' };

/** Placeholders published instead of a figure. */
const BLANK_MARKER = /^(?:[-—–―‐_~/\\·.…]+|无|空|null|n\/?a)$/i;
/** Units sometimes typed after a figure. */
const UNIT_SUFFIX = /(?:万元|元|件|个|条|项|次|人|家|份)$/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Normalise the characters of a figure: NFKC turns full-width digits, ，．＋－ into ASCII;
 * ideographic and no-break spaces are dropped with the others, since OCR sprinkles them
 * inside figures ("1 809.71").
 */
export function normalizeFigureText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[−－﹣]/g, '-')
    .replace(/，/g, ',');
}

/** Read one table cell. */
export function readCell(raw: string): CellReading {
  let text = normalizeFigureText(raw);
  if (text === '' || BLANK_MARKER.test(text)) return { kind: 'blank' };
  const unitless = text.replace(UNIT_SUFFIX, '');
  if (unitless !== text) {
    if (unitless === '') return { kind: 'text' };
    text = unitless;
  }
  if (GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN_NUMBER.test(text)) return { kind: 'text' };
  const value = Number(text);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text' };
}

/** The figure of a cell: its number, null when blank, undefined when it is not a figure. */
export function parseFigure(raw: string): number | null | undefined {
  const reading = readCell(raw);
  if (reading.kind === 'number') return reading.value;
  if (reading.kind === 'blank') return null;
  return undefined;
}

/** True when the cell is a figure or a placeholder for one (not a label). */
export function isFigureCell(raw: string): boolean {
  return readCell(raw).kind !== 'text';
}

/** True when the cell holds a number (not blank, not text). */
export function isNumberCell(raw: string): boolean {
  return readCell(raw).kind === 'number';
}

/** ASCII digits of a run, with full-width digits converted; other characters kept. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}
