/**
 * The six top-level sections of the report (一、总体情况 … 六、其他需要报告的事项), found by
 * numeral and title together — "四、结转下年度继续办理" (a row of 三) and "四、政府信息公开
 * 平台建设情况" (a sub-heading of 一 in some reports) are not section 四.
 */

export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface SectionMark {
  section: SectionNumber;
  /** Offset of the numeral. */
  start: number;
  /** Offset just after the title. */
  end: number;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** Title patterns; the numeral, "、" and up to a few words of preamble come before. */
const TITLES: Record<SectionNumber, RegExp> = {
  1: /总体情况/,
  2: /主动公开(?:政府信息)?(?:的)?(?:情况|工作)?/,
  3: /(?:收到和处理政府信息公开申请(?:的)?(?:情况)?|政府信息公开申请(?:的)?(?:受理|办理|处理)?情况)/,
  4: /(?:行政复议[、，和及与]?\s*(?:提起)?行政诉讼|行政复议|行政诉讼)(?:的)?(?:情况)?/,
  5: /(?:存在的?)?主要问题(?:及|和)?(?:改进|整改)?(?:情况|措施)?|存在(?:的)?问题(?:及|和)?(?:改进|整改)?(?:情况|措施)?/,
  6: /其他需要?报告的?事项|其他事项/,
};

function headingPattern(section: SectionNumber): RegExp {
  const numeral = NUMERALS[section - 1];
  // Not part of a longer numeral (十二、) or an ordinal word (第三、); the title within a short
  // preamble on the same line ("五、政府信息公开工作存在的主要问题…").
  return new RegExp(
    `(?<![一二三四五六七八九十第])${numeral}\\s*[、.．]\\s*([^\\n]{0,16}?)(${TITLES[section].source})`,
    'g',
  );
}

/** The first heading of a section at or after `from`. */
function findHeading(text: string, section: SectionNumber, from: number): SectionMark | null {
  const re = headingPattern(section);
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const preamble = m[1] ?? '';
    // The preamble must not be a sentence: headings do not contain 。 or ，.
    if (/[。，；]/.test(preamble)) continue;
    return { section, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** Headings of the six sections, in order; a section not found is null. */
export function findSections(text: string): Record<SectionNumber, SectionMark | null> {
  const found: Record<SectionNumber, SectionMark | null> = { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null };
  let from = 0;
  for (const section of [1, 2, 3, 4, 5, 6] as const) {
    const mark = findHeading(text, section, from);
    if (mark) {
      found[section] = mark;
      from = mark.end;
    }
  }
  return found;
}

/** True when a line is (starts with) one of the six section headings. */
export function isSectionHeadingLine(line: string): boolean {
  const trimmed = line.replace(/^[\s#>*]+/, '');
  for (const section of [1, 2, 3, 4, 5, 6] as const) {
    const re = headingPattern(section);
    const m = re.exec(trimmed);
    if (m && m.index === 0) return true;
  }
  return false;
}

/** [start, end) of each section's content: from its heading's end to the next heading found. */
export function sectionRanges(
  marks: Record<SectionNumber, SectionMark | null>,
  textLength: number,
): Record<SectionNumber, { start: number; end: number } | null> {
  const result: Record<SectionNumber, { start: number; end: number } | null> = {
    1: null, 2: null, 3: null, 4: null, 5: null, 6: null,
  };
  for (const section of [1, 2, 3, 4, 5, 6] as const) {
    const mark = marks[section];
    if (!mark) continue;
    let end = textLength;
    for (let next = section + 1; next <= 6; next++) {
      const n = marks[next as SectionNumber];
      if (n) {
        end = n.start;
        break;
      }
    }
    result[section] = { start: mark.end, end };
  }
  return result;
}

/** The section a text offset lies in (the last heading before it), or 0 before any heading. */
export function sectionAt(marks: Record<SectionNumber, SectionMark | null>, offset: number): SectionNumber | 0 {
  let current: SectionNumber | 0 = 0;
  for (const section of [1, 2, 3, 4, 5, 6] as const) {
    const mark = marks[section];
    if (mark && mark.start <= offset) current = section;
  }
  return current;
}
