/**
 * Checking a report someone else published: decode the file, read it, run every check, and
 * merge the reader's findings with the checker's. Used by the CLI, the console and the API.
 */
import { checkReport } from './checks.js';
import type { Finding, ReportData } from './format.js';
import { readPublishedReport, type ReadOptions } from './read/index.js';

/**
 * Decode the file: UTF-8, unless that leaves many replacement characters — then GB18030 (the
 * encoding of files saved by older Chinese Windows tools), if it reads better. UTF-16 is
 * recognised by its byte-order mark.
 */
export function decodeReportFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const bad = (text: string): number => text.match(/\ufffd/g)?.length ?? 0;
  const badUtf8 = bad(utf8);
  if (badUtf8 === 0 || badUtf8 < Math.max(3, utf8.length / 1000)) return utf8.replace(/^\ufeff/, '');
  try {
    const gb = new TextDecoder('gb18030').decode(bytes);
    return bad(gb) < badUtf8 ? gb : utf8;
  } catch {
    return utf8;
  }
}

/** Cells a parse.unreadable finding names; "section3" covers every cell of the section. */
function coveredBy(unreadable: readonly Finding[]): (cell: string) => boolean {
  const paths = unreadable.flatMap((f) => f.cells);
  return (cell) => paths.some((p) => cell === p || cell.startsWith(`${p}.`));
}

/**
 * The reader's findings and the checker's, without blank-cell findings about cells the reader
 * already reported as unreadable (a cell that could not be read is not "left blank").
 */
export function mergeFindings(readerFindings: readonly Finding[], checkerFindings: readonly Finding[]): Finding[] {
  const covered = coveredBy(readerFindings.filter((f) => f.rule === 'parse.unreadable'));
  const kept = checkerFindings.filter(
    (f) => !(f.rule === 'cells.blank' && f.cells.length > 0 && f.cells.every(covered)),
  );
  return [...readerFindings, ...kept];
}

/** Reads a published report's text and checks it. Throws UnreadableReportError when it is not a report. */
export function checkPublishedText(text: string, options: ReadOptions = {}): { figures: ReportData; findings: Finding[] } {
  const { figures, findings } = readPublishedReport(text, options);
  return { figures, findings: mergeFindings(findings, checkReport(figures)) };
}
