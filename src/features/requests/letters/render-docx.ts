/**
 * A reply letter or notice as a Word document, set as GB/T 9704-2012 sets official documents:
 * A4, margins 37/35/28/26 mm (as the annual report), title in 方正小标宋简体 二号 (22pt) centred,
 * the number centred under it, the salutation flush left, the body in 仿宋_GB2312 三号 (16pt)
 * with a two-character first-line indent and a fixed 28pt line (22 lines a page), the signing
 * agency centred over the date four characters from the right, room above them for the seal.
 * Fonts are set for East Asian text too, or Word would set the Chinese in its default font.
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { font, officialSection } from '../../documents/official-docx.js';
import { isAttachmentLine, letterDate, noteLine, recipientLine, signatureIndents, titleLines, type LetterForRender } from './letter.js';

export type { LetterForRender } from './letter.js';

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';

/** Sizes in half-points: 二号 22pt, 三号 16pt. */
const SIZE = { title: 44, body: 32 } as const;



/** One character of 三号 (16pt) = 320 twips. */
const CHAR = 320;
/** Fixed body line: 28pt = 560 twips. */
const LINE = 560;
/** Title line: 二号 characters need a taller fixed line than the body. */
const TITLE_LINE = 760;

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT });

const run = (text: string) => new TextRun({ text });

/** The letter as DOCX (a zip), ready to open in Word, WPS or LibreOffice. */
export async function renderLetterDocx(letter: LetterForRender): Promise<Buffer> {
  const dateText = letterDate(letter.date);
  const indents = signatureIndents(letter.agencyName, dateText);
  const titles = titleLines(letter.title);

  const children: Paragraph[] = [
    ...titles.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...exact(TITLE_LINE), before: 0, after: i === titles.length - 1 ? LINE / 2 : 0 },
          children: [new TextRun({ text: line, font: font(TITLE_FONT), size: SIZE.title })],
        }),
    ),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exact(LINE), after: LINE }, children: [run(letter.number)] }),
    new Paragraph({ alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, children: [run(recipientLine(letter.recipient))] }),
    ...letter.paragraphs.map(
      (text) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
          ...(isAttachmentLine(text) ? { spacing: { ...exact(LINE), before: LINE } } : {}),
          children: [run(text)],
        }),
    ),
    // Three lines of space for the seal, which presses on the name and the date.
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(indents.agency * CHAR) },
      spacing: { ...exact(LINE), before: 3 * LINE },
      keepNext: true,
      children: [run(letter.agencyName)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(indents.date * CHAR) },
      keepNext: Boolean(letter.sealNote),
      children: [run(dateText)],
    }),
    ...(letter.sealNote
      ? [new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: 2 * CHAR }, children: [run(noteLine(letter.sealNote))] })]
      : []),
  ];

  const doc = new Document({
    title: titles.join(''),
    creator: letter.agencyName,
    styles: {
      default: {
        document: {
          run: { font: font(BODY_FONT), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { ...exact(LINE), before: 0, after: 0 } },
        },
      },
    },
    sections: [officialSection(children)],
  });
  return Packer.toBuffer(doc);
}
