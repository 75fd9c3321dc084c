/**
 * The annual report as a Word document, set the way Chinese official documents are (GB/T 9704):
 * A4 portrait, margins 37/35/28/26 mm, title in 方正小标宋简体 二号, body 仿宋_GB2312 三号 with a
 * two-character first-line indent, first-level headings 黑体 三号, page numbers "— 1 —".
 *
 * Tables are 宋体 五号 (10.5pt) in portrait, like the published reports: section 四's fifteen
 * columns get 10.4 mm each, enough for two characters a line ("结果/维持"), so the report need
 * not switch to a landscape page in the middle — a rotated page breaks the reading order of a
 * bound or on-screen document more than two-line column headers do.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { font, mm, officialSection, PAGE } from '../../documents/official-docx.js';
import type { ReportData } from '../../../domain/report/format.js';
import {
  isLeftAligned,
  section2Tables,
  section3Table,
  section4Table,
  type LayoutCell,
  type LayoutRow,
  type LayoutTable,
} from './report-layout.js';
import {
  SECTION_HEADINGS,
  formatDateZh,
  formatFigure,
  reportTitle,
  splitParagraphs,
  versionNote as versionNoteOf,
  type ReportRenderMeta,
} from './report-text.js';

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
const TABLE_FONT = '宋体';

/** Sizes in half-points: 二号 22pt, 三号 16pt, 五号 10.5pt. */
const SIZE = { title: 44, body: 32, table: 21 } as const;


/** Width of the text block: 156 mm. */
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Two characters of 三号 (16pt) = 32pt = 640 twips. */
const INDENT_TWO_CHARS = { firstLine: 640, firstLineChars: 200 };


function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ indent: INDENT_TWO_CHARS, alignment: AlignmentType.JUSTIFIED, children: [new TextRun(text)] });
}

function heading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
}

function cellParagraph(text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({
    alignment,
    indent: { firstLine: 0 },
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    children: [new TextRun({ text, font: font(TABLE_FONT), size: SIZE.table })],
  });
}

function cellOf(cell: LayoutCell): TableCell {
  const text = cell.kind === 'figure' ? formatFigure(cell.value, cell.style) : cell.text;
  return new TableCell({
    children: [cellParagraph(text, isLeftAligned(cell) ? AlignmentType.LEFT : AlignmentType.CENTER)],
    rowSpan: cell.rowSpan,
    columnSpan: cell.colSpan,
    verticalAlign: VerticalAlignTable.CENTER,
  });
}

function tableOf(columnWidths: readonly number[], head: LayoutRow[], body: LayoutRow[], repeatHead: boolean): Table {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  const widths = columnWidths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const row = (cells: LayoutRow, isHead: boolean) =>
    new TableRow({ children: cells.map(cellOf), tableHeader: isHead && repeatHead, cantSplit: true });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: mm(0.8), right: mm(0.8), top: 0, bottom: 0 },
    rows: [...head.map((r) => row(r, true)), ...body.map((r) => row(r, false))],
  });
}

/** Section 二 as one table, as published: each 第二十条 item a full-width banner row over its block. */
function section2Table(report: ReportData): Table {
  const blocks = section2Tables(report);
  const rows: LayoutRow[] = blocks.flatMap((t: LayoutTable) => [
    [{ kind: 'note', text: t.caption, rowSpan: 1, colSpan: t.columnWidths.length }] satisfies LayoutRow,
    ...t.head,
    ...t.body,
  ]);
  return tableOf(blocks[0]!.columnWidths, [], rows, false);
}

function layoutTable(table: LayoutTable): Table {
  return tableOf(table.columnWidths, table.head, table.body, true);
}

/** A short gap after a table so the next heading does not touch it. */
const gap = () => new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [] });

/** The report as DOCX (a zip), ready to open in Word, WPS or LibreOffice. */
export async function renderReportDocx(report: ReportData, meta: ReportRenderMeta): Promise<Buffer> {
  const title = reportTitle(meta.agencyName, report.year);
  const versionNote = versionNoteOf(meta);

  const narrative = (text: string) => splitParagraphs(text).map(bodyParagraph);

  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240, line: 360, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text: title, font: font(TITLE_FONT), size: SIZE.title, bold: true })],
    }),
    ...(versionNote ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(versionNote)] })] : []),
    heading(SECTION_HEADINGS.overview),
    ...narrative(report.narrative.overview),
    heading(SECTION_HEADINGS.section2),
    section2Table(report),
    gap(),
    heading(SECTION_HEADINGS.section3),
    layoutTable(section3Table(report)),
    gap(),
    heading(SECTION_HEADINGS.section4),
    layoutTable(section4Table(report)),
    gap(),
    heading(SECTION_HEADINGS.problems),
    ...narrative(report.narrative.problems),
    heading(SECTION_HEADINGS.other),
    ...narrative(report.narrative.other),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
      children: [new TextRun(`填报单位：${meta.reportingUnit ?? meta.agencyName}`)],
    }),
    ...(meta.reportDate
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(formatDateZh(meta.reportDate))] })]
      : []),
  ];

  const doc = new Document({
    title,
    creator: meta.reportingUnit ?? meta.agencyName,
    styles: {
      default: {
        document: {
          run: { font: font(BODY_FONT), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        },
        heading1: {
          run: { font: font(HEADING_FONT), size: SIZE.body, bold: false, color: '000000' },
          paragraph: { indent: INDENT_TWO_CHARS, keepNext: true, keepLines: true, spacing: { before: 120, after: 0 } },
        },
      },
    },
    sections: [officialSection(children)],
  });
  return Packer.toBuffer(doc);
}
