/**
 * Broken inputs: every fixture truncated at twenty points, and with random lines (or a random
 * stretch of characters) deleted. The reader returns a complete report shape with findings, or
 * throws UnreadableReportError — nothing else, ever.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECTION3_COLUMNS, SECTION4_GROUPS, section3Rows } from '../format.js';
import { UnreadableReportError, readPublishedReport, type ReadResult } from './index.js';

const FIXTURES = new URL('../../../../../shared/fixtures/reports/', import.meta.url);
const NAMES = [
  'zhanyi-2022.txt',
  'shuyang-county-2025.md.txt',
  'shuyang-drc-2023.html',
  'pingtan-2021-flattened.txt',
  'pingtan-market-regulation-2019-flattened.txt',
];

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

type Outcome = 'read' | 'unreadable';

function attempt(text: string, fileName: string): { outcome: Outcome; result?: ReadResult } {
  try {
    return { outcome: 'read', result: readPublishedReport(text, { fileName }) };
  } catch (error) {
    if (error instanceof UnreadableReportError) return { outcome: 'unreadable' };
    throw error;
  }
}

/** Every row and cell of the format is present: null where nothing was read. */
function assertComplete(result: ReadResult): void {
  const { figures } = result;
  expect(Object.keys(figures.section3)).toEqual([...section3Rows(figures.format)]);
  for (const row of Object.values(figures.section3)) expect(Object.keys(row ?? {})).toEqual([...SECTION3_COLUMNS]);
  expect(Object.keys(figures.section4)).toEqual([...SECTION4_GROUPS]);
  for (const f of result.findings) expect(f.rule).toBe('parse.unreadable');
}

describe.each(NAMES)('%s, damaged', (name) => {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8');

  it('truncated at twenty points: a complete shape or UnreadableReportError', () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 20; i++) {
      const { outcome, result } = attempt(text.slice(0, Math.floor((text.length * i) / 20)), name);
      outcomes.push(outcome);
      if (result) assertComplete(result);
    }
    // Cut at 0 characters there is nothing to read; from halfway on, the tables' headings are in.
    expect(outcomes[0]).toBe('unreadable');
    expect(outcomes.slice(10)).toEqual(Array(10).fill('read'));
  });

  it('with random lines deleted: a complete shape or UnreadableReportError', () => {
    const next = random(NAMES.indexOf(name) + 1);
    const lines = text.split('\n');
    for (let i = 0; i < 20; i++) {
      const damaged = lines.filter(() => next() > 0.25).join('\n');
      const { result } = attempt(damaged, name);
      if (result) assertComplete(result);
    }
  });

  it('with a random stretch of characters deleted: a complete shape or UnreadableReportError', () => {
    const next = random(100 + NAMES.indexOf(name));
    for (let i = 0; i < 20; i++) {
      const at = Math.floor(next() * text.length);
      const damaged = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 400));
      const { result } = attempt(damaged, name);
      if (result) assertComplete(result);
    }
  });
});

describe('a truncated report', () => {
  it('keeps the tables before the cut and names the ones after it', () => {
    const text = readFileSync(new URL('zhanyi-2022.txt', FIXTURES), 'utf8');
    const cut = text.slice(0, text.indexOf('行政复议\t'));
    const { figures, findings } = readPublishedReport(cut);
    expect(figures.section2).toMatchObject({ normativeDocs: { issued: 4, repealed: 0, inForce: 68 } });
    expect(figures.section3.received?.total).toBe(9);
    expect(figures.section4.reconsideration).toEqual({ upheld: null, corrected: null, otherResult: null, pending: null, total: null });
    expect(findings.map((f) => [f.severity, f.cells])).toEqual([
      ['hard', ['section4']],
      ['soft', ['narrative.problems']],
      ['soft', ['narrative.other']],
    ]);
  });
});
