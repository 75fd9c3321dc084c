/**
 * The page of a Chinese official document (党政机关公文格式, GB/T 9704): A4 portrait with its
 * margins, page numbers "— 1 —" in 宋体 四号 centred at the foot. Shared by the annual report and
 * the reply letters.
 */
import { AlignmentType, Footer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx';

/** mm → twips (1/1440 inch). */
export const mm = (value: number): number => Math.round((value / 25.4) * 1440);

/** A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text block 156 × 225 mm). */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
};

/** A font for every script, so that Chinese text takes it too (eastAsia). */
export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** 四号 (14 pt) in half-points, the page-number size. */
const PAGE_NUMBER_SIZE = 28;

/** A section of official pages holding `children`. */
export function officialSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: PAGE.margin },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: PAGE_NUMBER_SIZE })],
          }),
        ],
      }),
    },
    children,
  };
}
