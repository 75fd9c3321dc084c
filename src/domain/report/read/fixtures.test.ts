/**
 * The real published reports of /work/shared/fixtures/reports, read figure by figure. The
 * expected values were read off the documents by hand; where the document itself is ambiguous
 * (cells run together with more than one split that fits), the figure is null and named in a
 * parse.unreadable finding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPublishedReport } from './index.js';

const FIXTURES = new URL('../../../../../shared/fixtures/reports/', import.meta.url);

function read(name: string) {
  return readPublishedReport(readFileSync(new URL(name, FIXTURES), 'utf8'), { fileName: name });
}

/** A section 三 row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
function row(...v: (number | null)[]) {
  const [naturalPerson, enterprise, research, nonprofit, legalService, otherOrg, total] = v;
  return { naturalPerson, enterprise, research, nonprofit, legalService, otherOrg, total };
}
const zeros = row(0, 0, 0, 0, 0, 0, 0);
const nulls = row(null, null, null, null, null, null, null);
function group(upheld: number, corrected: number, otherResult: number, pending: number, total: number) {
  return { upheld, corrected, otherResult, pending, total };
}
const OUTCOMES_2021 = [
  'granted', 'partial', 'withheld.stateSecret', 'withheld.forbiddenByLaw', 'withheld.endangersSecurity',
  'withheld.thirdPartyRights', 'withheld.internalAffairs', 'withheld.processInfo', 'withheld.enforcementFile',
  'withheld.inquiryMatter', 'unavailable.notHeld', 'unavailable.needsCreation', 'unavailable.stillUnclear',
  'notProcessed.petition', 'notProcessed.repeated', 'notProcessed.publication', 'notProcessed.excessive',
  'notProcessed.confirmOrReissue', 'other.noClarification', 'other.feeUnpaid', 'other.other',
];
function allRows(value: ReturnType<typeof row>, keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, value]));
}

describe('zhanyi-2022.txt (plain text, tab-separated tables)', () => {
  const { figures, findings } = read('zhanyi-2022.txt');

  it('reads format, agency (the signature) and year', () => {
    expect(figures.format).toBe('2021');
    expect(figures.agency).toBe('曲靖市沾益区人民政府办公室');
    expect(figures.year).toBe(2022);
  });

  it('reads section 二, with the typo 本年度止件数 in the header', () => {
    expect(figures.section2).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 4, repealed: 0, inForce: 68 },
      licensing: { decisions: 19785 },
      penalty: { decisions: 108169 },
      enforcement: { decisions: 1511 },
      fees: { amountWanYuan: 1809.71 },
    });
  });

  it('reads section 三 as published — the inconsistent 总计 row of zeros included', () => {
    expect(figures.section3).toEqual({
      received: row(9, 0, 0, 0, 1, 0, 9),
      carriedIn: zeros,
      ...allRows(zeros, OUTCOMES_2021),
      granted: row(7, 0, 0, 0, 1, 0, 7),
      partial: row(1, 0, 0, 0, 0, 0, 1),
      'unavailable.notHeld': row(1, 0, 0, 0, 0, 0, 1),
      // "5.要求行政机关确认…" lost its leading tabs and is still 三（五）5.
      'notProcessed.confirmOrReissue': zeros,
      handledTotal: zeros,
      // The row "四、结转下年度继续办理" is not mistaken for the heading of section 四.
      carriedOut: zeros,
    });
  });

  it('reads section 四 from its one row of fifteen figures', () => {
    expect(figures.section4).toEqual({
      reconsideration: group(13, 0, 8, 1, 22),
      litigationDirect: group(0, 0, 1, 3, 4),
      litigationAfterReconsideration: group(5, 0, 0, 1, 6),
    });
  });

  it('reads the narrative, whose overview has no heading 一 of its own', () => {
    expect(figures.narrative.overview.startsWith('2022年，沾益区坚持以习近平新时代')).toBe(true);
    expect(figures.narrative.overview).toContain('发布区人民政府及办公室现行有效行政规范性文件35件');
    expect(figures.narrative.overview).not.toContain('年度报告');
    expect(figures.narrative.overview.endsWith('全年发出通报4期。')).toBe(true);
    expect(figures.narrative.problems.startsWith('(一) 存在的问题。一是政务公开工作队伍仍需加强')).toBe(true);
    expect(figures.narrative.problems.endsWith('持续加强政府信息公开基层队伍建设。')).toBe(true);
    expect(figures.narrative.other).toBe('我区本年度未收取信息处理费。');
    expect(figures.feesCollectedYuan).toBe(0);
  });

  it('finds nothing unreadable', () => {
    expect(findings).toEqual([]);
  });
});

describe('shuyang-county-2025.md.txt (markdown from a PDF, misplaced row headers)', () => {
  const { figures, findings } = read('shuyang-county-2025.md.txt');

  it('reads agency and year as printed (the OCR reads 沭阳 as 沐阳)', () => {
    expect(figures.format).toBe('2021');
    expect(figures.agency).toBe('沐阳县人民政府');
    expect(figures.year).toBe(2025);
  });

  it('reads section 二', () => {
    expect(figures.section2).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 6, repealed: 1, inForce: 32 },
      licensing: { decisions: 517645 },
      penalty: { decisions: 693957 },
      enforcement: { decisions: 2154 },
      fees: { amountWanYuan: 4068.208 },
    });
  });

  it('reads section 三 by row label, whatever header the table carries', () => {
    expect(figures.section3).toEqual({
      received: row(705, 3, 0, 0, 5, 0, 713),
      carriedIn: row(36, 0, 0, 0, 0, 0, 36),
      granted: row(290, 1, 0, 0, 3, 0, 294),
      partial: row(99, 0, 0, 0, 2, 0, 101),
      'withheld.stateSecret': zeros,
      'withheld.forbiddenByLaw': zeros,
      'withheld.endangersSecurity': row(2, 0, 0, 0, 0, 0, 2),
      'withheld.thirdPartyRights': row(2, 0, 0, 0, 0, 0, 2),
      'withheld.internalAffairs': row(13, 0, 0, 0, 0, 0, 13),
      'withheld.processInfo': row(2, 0, 0, 0, 0, 0, 2),
      'withheld.enforcementFile': row(4, 0, 0, 0, 0, 0, 4),
      'withheld.inquiryMatter': row(9, 0, 0, 0, 0, 0, 9),
      'unavailable.notHeld': row(111, 0, 0, 0, 0, 0, 111),
      'unavailable.needsCreation': row(2, 0, 0, 0, 0, 0, 2),
      'unavailable.stillUnclear': zeros,
      'notProcessed.petition': row(12, 0, 0, 0, 0, 0, 12),
      'notProcessed.repeated': row(6, 1, 0, 0, 0, 0, 7),
      'notProcessed.publication': zeros,
      'notProcessed.excessive': zeros,
      'notProcessed.confirmOrReissue': zeros,
      'other.noClarification': row(9, 0, 0, 0, 0, 0, 9),
      // Under a misplaced header "项目 | 本年新收件数 | 上年结转件数 | 予以公开 …".
      'other.feeUnpaid': row(7, 0, 0, 0, 0, 0, 7),
      'other.other': row(142, 1, 0, 0, 0, 0, 143),
      handledTotal: row(710, 3, 0, 0, 5, 0, 718),
      carriedOut: row(31, 0, 0, 0, 0, 0, 31),
    });
  });

  it('reads section 四 from three tables under their sub-headings', () => {
    expect(figures.section4).toEqual({
      reconsideration: group(27, 10, 9, 15, 61),
      litigationDirect: group(3, 0, 0, 0, 3),
      litigationAfterReconsideration: group(8, 0, 1, 1, 10),
    });
  });

  it('reads the narrative and the fees collected', () => {
    expect(figures.narrative.overview.startsWith('2025年，我县坚持以习近平新时代')).toBe(true);
    expect(figures.narrative.problems.startsWith('2025 年，我县县政府信息公开工作')).toBe(true);
    expect(figures.narrative.other.endsWith('其中民政局1件，收取380元。')).toBe(true);
    expect(figures.narrative.other).not.toContain('2026年1月23日');
    expect(figures.feesCollectedYuan).toBe(380);
  });

  it('finds nothing unreadable', () => {
    expect(findings).toEqual([]);
  });
});

describe('shuyang-drc-2023.html (saved page, rowspan/colspan, blank cells)', () => {
  const { figures, findings } = read('shuyang-drc-2023.html');

  it('reads agency and year', () => {
    expect(figures.format).toBe('2021');
    expect(figures.agency).toBe('沭阳县发展和改革局');
    expect(figures.year).toBe(2023);
  });

  it('reads section 二 ("规范性文件" without 行政; figures spanning three columns)', () => {
    expect(figures.section2).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 8, repealed: 0, inForce: 18 },
      licensing: { decisions: 0 },
      penalty: { decisions: 0 },
      enforcement: { decisions: 0 },
      fees: { amountWanYuan: 0 },
    });
  });

  it('reads section 三 with the organisation columns left blank (null, not 0)', () => {
    const only = (n: number) => row(n, null, null, null, null, null, n);
    expect(figures.section3).toEqual({
      ...allRows(only(0), ['received', 'carriedIn', ...OUTCOMES_2021, 'handledTotal', 'carriedOut']),
      received: only(26),
      granted: only(26),
      handledTotal: only(26),
    });
  });

  it('reads section 四', () => {
    expect(figures.section4).toEqual({
      reconsideration: group(0, 0, 0, 1, 1),
      litigationDirect: group(0, 0, 0, 0, 0),
      litigationAfterReconsideration: group(0, 0, 0, 0, 0),
    });
  });

  it('reads the narrative of the article, not the page around it', () => {
    expect(figures.narrative.overview.startsWith('2023年，县发展和改革局认真贯彻执行')).toBe(true);
    expect(figures.narrative.overview).toContain('全年共审核发布各类公开政府信息249条');
    expect(figures.narrative.problems.startsWith('（一）存在的主要问题。')).toBe(true);
    expect(figures.narrative.other).toBe('2023年度，县发展和改革局政府信息公开未发生收费情况。');
    expect(figures.feesCollectedYuan).toBe(0);
  });

  it('finds nothing unreadable (blank cells are the checker’s cells.blank, not parse.unreadable)', () => {
    expect(findings).toEqual([]);
  });
});

describe('pingtan-2021-flattened.txt (page text, cells run together)', () => {
  const { figures, findings } = read('pingtan-2021-flattened.txt');

  it('reads agency and year from the title', () => {
    expect(figures.format).toBe('2021');
    expect(figures.agency).toBe('平潭综合实验区');
    expect(figures.year).toBe(2021);
  });

  it('reads section 二; "693665" (three figures, no sum to check) stays unread', () => {
    expect(figures.section2).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: null, repealed: null, inForce: null },
      licensing: { decisions: 2293 },
      penalty: { decisions: 1282 },
      enforcement: { decisions: 42 },
      fees: { amountWanYuan: 24252.311082 },
    });
  });

  it('splits each row of 三 only where exactly one split fits 总计 = sum of the columns', () => {
    expect(figures.section3).toEqual({
      ...allRows(zeros, ['received', 'carriedIn', ...OUTCOMES_2021, 'handledTotal', 'carriedOut']),
      received: row(64, 0, 0, 2, 0, 4, 70),
      // "270020130": 27,0,0,2,0,1,30 and 2,7,0,0,20,1,30 both fit.
      granted: nulls,
      // "500000 5": the stray space is ignored.
      partial: row(5, 0, 0, 0, 0, 0, 5),
      'withheld.internalAffairs': row(1, 0, 0, 0, 0, 0, 1),
      'withheld.enforcementFile': row(6, 0, 0, 0, 0, 0, 6),
      'withheld.inquiryMatter': row(1, 0, 0, 0, 0, 0, 1),
      // "220000325": 22,0,0,0,0,3,25 and 2,20,0,0,0,3,25 both fit.
      'unavailable.notHeld': nulls,
      'other.other': row(1, 0, 0, 0, 0, 0, 1),
      handledTotal: row(63, 0, 0, 2, 0, 4, 69),
      carriedOut: row(1, 0, 0, 0, 0, 0, 1),
    });
  });

  it('splits the fifteen figures of 四 by the three group totals', () => {
    expect(figures.section4).toEqual({
      reconsideration: group(1, 0, 2, 0, 3),
      litigationDirect: group(12, 0, 0, 0, 12),
      litigationAfterReconsideration: group(0, 0, 0, 0, 0),
    });
  });

  it('names every unread cell in a soft parse.unreadable finding', () => {
    const cells = (rowId: string, fields: string[]) => fields.map((f) => `${rowId}.${f}`);
    const columns = ['naturalPerson', 'enterprise', 'research', 'nonprofit', 'legalService', 'otherOrg', 'total'];
    expect(findings.map((f) => [f.rule, f.severity, f.cells])).toEqual([
      ['parse.unreadable', 'soft', cells('section2.normativeDocs', ['issued', 'repealed', 'inForce'])],
      ['parse.unreadable', 'soft', cells('section3.granted', columns)],
      ['parse.unreadable', 'soft', cells('section3.unavailable.notHeld', columns)],
    ]);
    expect(findings[2]?.message).toBe(
      '第三部分三（四）1“本机关不掌握相关政府信息”行无法读取：连写的数字“220000325”有多种拆分方式都符合“总计＝各列之和”，无法确定各格数字。',
    );
  });

  it('reads the narrative out of the one long line', () => {
    expect(figures.narrative.overview.startsWith('2021年，我区以习近平新时代')).toBe(true);
    expect(figures.narrative.overview.endsWith('切实提升我区政务公开质效。')).toBe(true);
    expect(figures.narrative.problems.startsWith('（一）存在的主要问题:')).toBe(true);
    expect(figures.narrative.other).toBe('2021年，无收取信息处理费情况。');
    expect(figures.feesCollectedYuan).toBe(0);
  });
});

describe('pingtan-market-regulation-2019-flattened.txt (2019 trial format, run together)', () => {
  const { figures, findings } = read('pingtan-market-regulation-2019-flattened.txt');

  it('detects the 2019 format, agency and year', () => {
    expect(figures.format).toBe('2019');
    expect(figures.agency).toBe('平潭综合实验区市场监督管理局');
    expect(figures.year).toBe(2019);
  });

  it('reads section 二: the sign splits 上一年项目数量 off, the rest stays unread', () => {
    expect(figures.section2).toEqual({
      rules: { made: 0, published: 0, totalPublic: 0 },
      normativeDocs: { made: 2, published: 2, totalPublic: 2 },
      // "20+1737": +1/737, +17/37 and +173/7 all possible.
      licensing: { previousItems: 20, change: null, decisions: null },
      otherServices: { previousItems: 144, change: null, decisions: null },
      penalty: { previousItems: 67, change: null, decisions: null },
      enforcement: { previousItems: 0, change: 0, decisions: 0 },
      fees: { previousItems: 0, change: 0 },
      procurement: { items: null, amount: null },
    });
  });

  it('reads section 三 with the single 三（六）其他处理 row', () => {
    const keys = [
      'received', 'carriedIn', ...OUTCOMES_2021.filter((k) => !k.startsWith('other.')), 'other', 'handledTotal', 'carriedOut',
    ];
    expect(figures.section3).toEqual({
      ...allRows(zeros, keys),
      received: row(1, 0, 0, 0, 0, 0, 1),
      'notProcessed.repeated': row(1, 0, 0, 0, 0, 0, 1),
      handledTotal: row(1, 0, 0, 0, 0, 0, 1),
    });
  });

  it('reads section 四 (fifteen zeros)', () => {
    expect(figures.section4).toEqual({
      reconsideration: group(0, 0, 0, 0, 0),
      litigationDirect: group(0, 0, 0, 0, 0),
      litigationAfterReconsideration: group(0, 0, 0, 0, 0),
    });
  });

  it('names the unread cells of section 二', () => {
    expect(findings.map((f) => [f.severity, f.cells])).toEqual([
      ['soft', ['section2.licensing.change', 'section2.licensing.decisions']],
      ['soft', ['section2.otherServices.change', 'section2.otherServices.decisions']],
      ['soft', ['section2.penalty.change', 'section2.penalty.decisions']],
      ['soft', ['section2.procurement.items', 'section2.procurement.amount']],
    ]);
    expect(findings.every((f) => f.rule === 'parse.unreadable')).toBe(true);
  });

  it('cuts the signature and the 抄送 line off section 六', () => {
    expect(figures.narrative.other).toBe('无其他需要报告事项。');
    expect(figures.feesCollectedYuan).toBeUndefined();
  });
});
