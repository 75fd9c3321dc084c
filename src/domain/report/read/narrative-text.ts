/**
 * The narrative sections as plain text — 一 总体情况 (overview), 五 问题及改进 (problems),
 * 六 其他需要报告的事项 (other) — for the narrative cross-checks, and the processing fees
 * that 六 says were collected.
 */
import { type Narrative } from '../format.js';
import { type ReportDocument } from './document.js';
import { findSignature } from './detect.js';
import { sectionRanges, type SectionMark, type SectionNumber } from './sections.js';

/** The text of [start, end), table rows left out, blank lines dropped. */
export function textBetween(doc: ReportDocument, start: number, end: number): string {
  const parts: string[] = [];
  for (const line of doc.lines) {
    const lineEnd = line.offset + line.text.length;
    if (lineEnd <= start || line.offset >= end || line.cells) continue;
    const from = Math.max(start, line.offset) - line.offset;
    const to = Math.min(end, lineEnd) - line.offset;
    const piece = line.text.slice(from, to).trim();
    if (piece !== '') parts.push(piece);
  }
  return parts.join('\n');
}

/** Page furniture after the report's last words. */
const TRAILING_CHROME = /(?:\s*(?:附件下载|相关附件|打印本页|关闭窗口|【打印】|【关闭】|打印|关闭|分享到[:：]?|扫一扫在手机打开当前页))+\s*$/;

function firstMarkAfter(
  marks: Record<SectionNumber, SectionMark | null>,
  after: SectionNumber,
  textLength: number,
): number {
  for (let s = after + 1; s <= 6; s++) {
    const mark = marks[s as SectionNumber];
    if (mark) return mark.start;
  }
  return textLength;
}

/**
 * The three narrative texts. Without a heading 一 (some reports open straight into their
 * overview), the overview runs from after the title to the first heading.
 */
export function readNarrative(
  doc: ReportDocument,
  marks: Record<SectionNumber, SectionMark | null>,
  titleLine: number | null,
): Narrative {
  const ranges = sectionRanges(marks, doc.text.length);
  let overview = '';
  if (ranges[1]) {
    overview = textBetween(doc, ranges[1].start, ranges[1].end);
  } else {
    const titleEnd = titleLine !== null ? (doc.lines[titleLine]?.offset ?? 0) + (doc.lines[titleLine]?.text.length ?? 0) : 0;
    const end = firstMarkAfter(marks, 1, doc.text.length);
    if (end < doc.text.length && titleEnd < end) overview = textBetween(doc, titleEnd, end);
  }
  const problems = ranges[5] ? textBetween(doc, ranges[5].start, ranges[5].end) : '';
  let other = ranges[6] ? textBetween(doc, ranges[6].start, ranges[6].end) : '';
  const signature = findSignature(other);
  if (signature) other = other.slice(0, signature.offset);
  other = other.replace(/(?:抄送|印发)[:：][\s\S]*$/, '').replace(TRAILING_CHROME, '').trim();
  return { overview: overview.trim(), problems: problems.replace(TRAILING_CHROME, '').trim(), other };
}

/**
 * Processing fees collected, in 元, as 六 states them: "收取信息处理费共计380元" → 380;
 * "未收取信息处理费" / "未发生收费" → 0; otherwise unknown (undefined).
 */
export function feesCollectedYuan(other: string): number | undefined {
  const text = other.normalize('NFKC');
  const amount =
    /(?:收取|收缴|收到)了?(?:政府信息公开)?(?:信息)?处理费(?:用)?(?:共计|合计|总计|共|计)?\s*([\d,]+(?:\.\d+)?)\s*(万元|元)/.exec(text);
  if (amount) {
    const value = Number((amount[1] ?? '').replace(/,/g, ''));
    if (Number.isFinite(value)) return amount[2] === '万元' ? Math.round(value * 10000 * 100) / 100 : value;
  }
  if (/(?:未|没有|无|不)(?:收取|收缴|发生)(?:任何)?(?:政府信息公开)?(?:信息)?(?:处理费|收费|费用)/.test(text)) return 0;
  return undefined;
}
