/**
 * A notice (通报) as a Word document in the 文件 format of GB/T 9704-2012 (党政机关公文格式):
 * A4 with the official margins; the 版头 — the issuing office's name and 文件 in red 方正小标宋简体
 * 35 mm below the top of the text block, the 发文字号 two lines under it, a red rule as wide as
 * the text block 4 mm below the number; the title in 二号 小标宋 two lines under the rule, broken
 * into even lines; the addressees flush left; the body in 三号 仿宋_GB2312 (first-level headings
 * 黑体, the run-in second-level headings 楷体_GB2312) on a fixed 28 pt line; the results table;
 * the 附件 line one line under the body; the office and the date with room for the seal; the
 * 附注; then the attachment on a new page: "附件" in 黑体 at the top left, its title, its table.
 */
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import { titleLines } from '../../../domain/inspections/notice.js';
import { font, mm, officialSection, PAGE } from '../../documents/official-docx.js';
import { letterDate, signatureIndents } from '../../requests/letters/letter.js';
import type { NoticeDocument } from './service.js';

const FONTS = { mark: '方正小标宋简体', title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', kai: '楷体_GB2312' } as const;
/** Sizes in half-points: 二号 22pt, 三号 16pt, 小四 12pt. */
const SIZE = { title: 44, body: 32, table: 24 } as const;
/** One character of 三号 = 320 twips; the fixed body line 28 pt = 560 twips. */
const CHAR = 320;
const LINE = 560;
const TITLE_LINE = 760;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const RED = 'C00000';

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT });

/**
 * The 发文机关标志: as large as fits one line of the text block, at most 小初-like 42 pt, the
 * characters narrowed (字符缩放) rather than made smaller when the name is long, as offices set it.
 */
function mastheadRun(text: string) {
  const chars = [...text].length;
  const widthPt = TEXT_WIDTH / 20;
  const size = 42;
  const scale = Math.min(100, Math.floor((widthPt / (chars * size)) * 100));
  return new TextRun({ text, font: font(FONTS.mark), size: size * 2, color: RED, scale: Math.max(scale, 50) });
}

/** A body paragraph; a run-in second-level heading "（一）立行立改。" is set in 楷体. */
function bodyParagraph(text: string, options: { keepNext?: boolean } = {}) {
  const runIn = /^（[一二三四五六七八九十]+）[^。]{1,20}。/.exec(text);
  const children = runIn ? [new TextRun({ text: runIn[0], font: font(FONTS.kai) }), new TextRun(text.slice(runIn[0].length))] : [new TextRun(text)];
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR, firstLineChars: 200 }, keepNext: options.keepNext, children });
}

/**
 * The 附件 line, one line below the body, two characters in; a long name wraps under its own
 * first character (GB/T 9704-2012 7.3.4).
 */
function attachmentParagraph(text: string) {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { left: 5 * CHAR, hanging: 3 * CHAR }, spacing: { ...exact(LINE), before: LINE }, keepNext: true, children: [new TextRun(text)] });
}

function cell(text: string, head: boolean, align: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: align,
        indent: { firstLine: 0 },
        spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 40, after: 40 },
        children: [new TextRun({ text, font: font(head ? FONTS.heading : FONTS.body), size: SIZE.table })],
      }),
    ],
  });
}

/** A table across the text block; `leftColumns` are the text columns set flush left. */
function table(head: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], leftColumns: readonly number[]) {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  return new Table({
    width: { size: twips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: mm(1.5), right: mm(1.5), top: 0, bottom: 0 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h) => cell(h, true, AlignmentType.CENTER)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, leftColumns.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER)) })),
    ],
  });
}

/** The notice as DOCX (a zip), ready for Word, WPS or LibreOffice. */
export async function renderNoticeDocx(doc: NoticeDocument): Promise<Buffer> {
  const dateText = letterDate(doc.date);
  const indents = signatureIndents(doc.signer, dateText);
  const children: (Paragraph | Table)[] = [
    // 版头: 35 mm from the top of the text block to the top of the 发文机关标志.
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: Math.round(mm(35) - 200), after: 0, line: 1000, lineRule: LineRuleType.EXACT }, children: [mastheadRun(`${doc.signer}文件`)] }),
    // 发文字号 two lines below; the red rule 4 mm under it.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact(LINE), before: 2 * LINE },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 11 } },
      children: [new TextRun(doc.number)],
    }),
    ...doc.titleLines.map((line, i) => new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact(TITLE_LINE), before: i === 0 ? 2 * LINE : 0, after: i === doc.titleLines.length - 1 ? LINE : 0 },
      children: [new TextRun({ text: line, font: font(FONTS.title), size: SIZE.title })],
    })),
    new Paragraph({ alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, children: [new TextRun(`${doc.recipients.replace(/[：:]$/, '')}：`)] }),
  ];
  // The last paragraph goes with the signature: a page never holds the seal and date alone (GB/T 9704-2012 7.3.5.4).
  const last = doc.blocks.findLastIndex((b) => b.type === 'paragraph');
  for (const [i, block] of doc.blocks.entries()) {
    if (block.type === 'paragraph') children.push(bodyParagraph(block.text, { keepNext: i === last }));
    else if (block.type === 'heading') {
      children.push(new Paragraph({ indent: { firstLine: 2 * CHAR, firstLineChars: 200 }, keepNext: true, children: [new TextRun({ text: block.text, font: font(FONTS.heading) })] }));
    } else if (block.type === 'table') {
      children.push(table(block.head, block.rows, block.widths, [1]));
      children.push(new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [] }));
    } else {
      children.push(attachmentParagraph(block.text));
    }
  }
  children.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(indents.agency * CHAR) }, spacing: { ...exact(LINE), before: 3 * LINE }, keepNext: true, children: [new TextRun(doc.signer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(indents.date * CHAR) }, keepNext: Boolean(doc.note), children: [new TextRun(dateText)] }),
  );
  if (doc.note) children.push(new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: 2 * CHAR }, children: [new TextRun(`（${doc.note}）`)] }));
  if (doc.attachment) {
    children.push(
      new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, children: [new TextRun({ text: '附件', font: font(FONTS.heading) })] }),
      ...titleLines(doc.attachment.title).map((line, i, lines) => new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...exact(TITLE_LINE), before: i === 0 ? LINE : 0, after: i === lines.length - 1 ? LINE : 0 },
        children: [new TextRun({ text: line, font: font(FONTS.title), size: SIZE.title })],
      })),
      table(doc.attachment.table.head, doc.attachment.table.rows, doc.attachment.table.widths, [1, 2, 3, 4]),
    );
  }
  const document = new Document({
    title: doc.title,
    creator: doc.signer,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { ...exact(LINE), before: 0, after: 0 } },
        },
      },
    },
    sections: [officialSection(children)],
  });
  return Packer.toBuffer(document);
}
