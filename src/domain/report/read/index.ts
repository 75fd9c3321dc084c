/**
 * Reading an annual report that someone else published — plain text with tab-separated tables,
 * markdown from a PDF conversion, saved HTML, or page text whose table cells ran together —
 * into the report JSON of DESIGN.md, with a parse.unreadable finding for every part that could
 * not be read. Nothing is guessed: a cell that cannot be read is null and named in a finding.
 * The arithmetic checks (and the blank-cell findings) are the checker's job, not the reader's.
 */
import {
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section3Rows,
  type Finding,
  type Narrative,
  type ReportData,
  type ReportFormat,
} from '../format.js';
import { detectInputKind, type ReportDocument } from './document.js';
import { detectFormat, findDeclaredAgency, findSignature, findTitle, statisticsYear } from './detect.js';
import { UnreadableReportError } from './errors.js';
import { readFlattenedSection2, readFlattenedSection3, readFlattenedSection4 } from './flattened.js';
import { htmlToDocument } from './html-tables.js';
import { feesCollectedYuan, readNarrative, textBetween } from './narrative-text.js';
import { readTableRows } from './rows.js';
import { findSections, sectionRanges } from './sections.js';
import { SECTION2_FIELDS } from '../model.js';
import { FigureSheet, type SheetSection } from './sheet.js';
import { markdownToDocument, textToDocument } from './text-tables.js';

export { UnreadableReportError } from './errors.js';
export { detectInputKind, type InputKind } from './document.js';

export interface ReadOptions {
  /** The report year, when the document's own is wrong or missing. */
  year?: number;
  /** The format, when detection from the table wording should be overridden. */
  format?: ReportFormat;
  /** The file's name: a hint for the input kind and, failing all else, the year. */
  fileName?: string;
}

export interface ReadResult {
  /** The report JSON; null for every cell left blank or not readable. */
  figures: ReportData;
  /** parse.unreadable findings: what could not be read, cell by cell. */
  findings: Finding[];
}

function toDocument(input: string, fileName: string | undefined): ReportDocument {
  const kind = detectInputKind(input, fileName);
  if (kind === 'html') return htmlToDocument(input);
  if (kind === 'markdown') return markdownToDocument(input);
  return textToDocument(input);
}

function yearFromFileName(fileName: string | undefined): number | null {
  const m = fileName ? /(?:^|\D)(20\d\d)(?:\D|$)/.exec(fileName.replace(/^.*[\\/]/, '')) : null;
  return m ? Number(m[1]) : null;
}

/** Run one part of the reading; a failure costs that part only (reported), never the rest. */
function guarded(sheet: FigureSheet, what: string, run: () => void): void {
  try {
    run();
  } catch {
    sheet.note({
      rule: 'parse.unreadable',
      severity: 'soft',
      message: `读取${what}时出错，该部分未读取。`,
      cells: [],
    });
  }
}

function assemble(
  format: ReportFormat,
  agency: string,
  year: number,
  sheet: FigureSheet,
  narrative: Narrative,
  fees: number | undefined,
): ReportData {
  const section2 = Object.fromEntries(
    SECTION2_FIELDS[format].map(([item, fields]) => [
      item,
      Object.fromEntries(fields.map((f) => [f, sheet.value(`section2.${item}`, f)])),
    ]),
  );
  const section3 = Object.fromEntries(
    section3Rows(format).map((row) => [
      row,
      Object.fromEntries(SECTION3_COLUMNS.map((c) => [c, sheet.value(`section3.${row}`, c)])),
    ]),
  );
  const section4 = Object.fromEntries(
    SECTION4_GROUPS.map((g) => [g, Object.fromEntries(SECTION4_COLUMNS.map((c) => [c, sheet.value(`section4.${g}`, c)]))]),
  );
  // Built from the same key lists as the types (SECTION2_FIELDS, section3Rows, SECTION4_*), so
  // every key of the format is present; TypeScript cannot see that through Object.fromEntries.
  const report = { format, agency, year, section2, section3, section4, narrative } as unknown as ReportData;
  if (fees !== undefined) report.feesCollectedYuan = fees;
  return report;
}

/**
 * Read a published annual report. Throws UnreadableReportError only when the input is not a
 * report at all (no section heading and no table row of the format); everything else — a
 * truncated file, a table that cannot be read — comes back as parse.unreadable findings.
 */
export function readPublishedReport(input: string, options: ReadOptions = {}): ReadResult {
  let doc: ReportDocument;
  try {
    doc = toDocument(typeof input === 'string' ? input : '', options.fileName);
  } catch {
    throw new UnreadableReportError();
  }
  const marks = findSections(doc.text);
  const ranges = sectionRanges(marks, doc.text.length);
  let title: ReturnType<typeof findTitle> = null;
  try {
    title = findTitle(doc);
  } catch {
    title = null;
  }
  const year = options.year ?? title?.year ?? statisticsYear(doc.text) ?? yearFromFileName(options.fileName);
  const format = options.format ?? detectFormat(doc, year);
  const sheet = new FigureSheet(format);

  guarded(sheet, '表格', () => readTableRows(doc, marks, format, sheet));
  // Sections whose tables gave nothing are read again as page text with the cells run together
  // (or separated by spaces) — but only under their own heading, never from the narrative.
  const fallbacks: [SheetSection, 2 | 3 | 4, string, (text: string) => void][] = [
    ['section2', 2, '第二部分', (text) => readFlattenedSection2(text, format, sheet)],
    ['section3', 3, '第三部分', (text) => readFlattenedSection3(text, format, sheet)],
    ['section4', 4, '第四部分', (text) => readFlattenedSection4(text, sheet)],
  ];
  for (const [section, number, name, read] of fallbacks) {
    const range = ranges[number];
    if (range && !sheet.sectionRead(section)) guarded(sheet, name, () => read(doc.text.slice(range.start, range.end)));
  }

  const anyHeading = Object.values(marks).some((m) => m !== null);
  const anyRow = (['section2', 'section3', 'section4'] as const).some((s) => sheet.sectionRead(s));
  if (!anyHeading && !anyRow) throw new UnreadableReportError();

  const findings: Finding[] = [];
  let narrative: Narrative = { overview: '', problems: '', other: '' };
  guarded(sheet, '正文', () => {
    narrative = readNarrative(doc, marks, title?.line ?? null);
  });
  const agency = findAgency(doc, ranges[6], title?.agency ?? null);
  if (agency === '') {
    findings.push({
      rule: 'parse.unreadable',
      severity: 'soft',
      message: '未能从标题、填报单位或落款中读出报告机关。',
      cells: ['agency'],
    });
  }
  if (year === null) {
    findings.push({
      rule: 'parse.unreadable',
      severity: 'soft',
      message: '未能从标题或统计期限中读出报告年度。',
      cells: ['year'],
    });
  }
  for (const [key, label] of [
    ['overview', '一、总体情况'],
    ['problems', '五、存在的主要问题及改进情况'],
    ['other', '六、其他需要报告的事项'],
  ] as const) {
    if (narrative[key] === '') {
      findings.push({
        rule: 'parse.unreadable',
        severity: 'soft',
        message: `未找到“${label}”的正文。`,
        cells: [`narrative.${key}`],
      });
    }
  }
  let fees: number | undefined;
  try {
    fees = feesCollectedYuan(narrative.other);
  } catch {
    fees = undefined;
  }
  const figures = assemble(format, agency, year ?? 0, sheet, narrative, fees);
  return { figures, findings: [...sheet.findings(), ...findings] };
}

/** The agency: the signature at the end, else 填报单位 / 发布机构, else the title. */
function findAgency(doc: ReportDocument, range: { start: number; end: number } | null, fromTitle: string | null): string {
  try {
    const tail = range
      ? textBetween(doc, range.start, range.end)
      : doc.lines
          .filter((l) => !l.cells && l.text.trim() !== '')
          .slice(-15)
          .map((l) => l.text.trim())
          .join('\n');
    const signature = findSignature(tail);
    if (signature) return signature.agency;
    const declared = findDeclaredAgency(doc.text);
    if (declared) return declared;
    return (fromTitle ?? '').trim();
  } catch {
    return (fromTitle ?? '').trim();
  }
}
