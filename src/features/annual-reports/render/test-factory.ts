/**
 * Reports for the renderer tests, built from real published reports. Kept here rather than in a
 * shared model so the renderers can be tested on their own.
 */
import {
  SECTION3_COLUMNS,
  section3Rows,
  type Report2019,
  type Report2021,
  type ReportFormat,
  type Section3,
  type Section3Row,
  type Section3RowKey,
} from '../../../domain/report/format.js';

function row(values: Partial<Section3Row> = {}): Section3Row {
  return Object.fromEntries(SECTION3_COLUMNS.map((c) => [c, values[c] ?? 0])) as Section3Row;
}

/** Every row of section 三 for a format, zero unless given. */
function section3(format: ReportFormat, rows: Partial<Record<Section3RowKey, Partial<Section3Row>>>): Section3 {
  return Object.fromEntries(section3Rows(format).map((k) => [k, row(rows[k])])) as Section3;
}

/**
 * 曲靖市沾益区, 2022, as published (fixtures/reports/zhanyi-2022.txt) — including its faults:
 * the 法律服务机构 request missing from 总计 and a （七）总计 row of zeros.
 */
export function zhanyiReport2022(overrides: Partial<Report2021> = {}): Report2021 {
  return {
    format: '2021',
    agency: '曲靖市沾益区人民政府办公室',
    year: 2022,
    section2: {
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 4, repealed: 0, inForce: 68 },
      licensing: { decisions: 19785 },
      penalty: { decisions: 108169 },
      enforcement: { decisions: 1511 },
      fees: { amountWanYuan: 1809.71 },
    },
    section3: section3('2021', {
      received: { naturalPerson: 9, legalService: 1, total: 9 },
      granted: { naturalPerson: 7, legalService: 1, total: 7 },
      partial: { naturalPerson: 1, total: 1 },
      'unavailable.notHeld': { naturalPerson: 1, total: 1 },
    }),
    section4: {
      reconsideration: { upheld: 13, corrected: 0, otherResult: 8, pending: 1, total: 22 },
      litigationDirect: { upheld: 0, corrected: 0, otherResult: 1, pending: 3, total: 4 },
      litigationAfterReconsideration: { upheld: 5, corrected: 0, otherResult: 0, pending: 1, total: 6 },
    },
    narrative: {
      overview:
        '2022年，沾益区坚持以习近平新时代中国特色社会主义思想为指导，不断提升政务公开工作水平。\n\n' +
        '一、主动公开情况\n2022年，全区通过政府网站主动公开信息4084条。\n\n' +
        '二、依申请公开情况\n2022年度，共受理政府信息公开申请9件。',
      problems: '（一）存在的问题。一是政务公开工作队伍仍需加强。\n（二）改进情况。一是加强政策解读。',
      other: '我区本年度未收取信息处理费。',
    },
    ...overrides,
  };
}

/**
 * 平潭综合实验区市场监督管理局, 2019, trial format (fixtures/reports/
 * pingtan-market-regulation-2019-flattened.txt). The page runs 政府集中采购 together as
 * "156805947.43元"; we take one reading of it, 15 items for 6805947.43 元.
 */
export function pingtanReport2019(overrides: Partial<Report2019> = {}): Report2019 {
  return {
    format: '2019',
    agency: '平潭综合实验区市场监督管理局',
    year: 2019,
    section2: {
      rules: { made: 0, published: 0, totalPublic: 0 },
      normativeDocs: { made: 2, published: 2, totalPublic: 2 },
      licensing: { previousItems: 20, change: 17, decisions: 37 },
      otherServices: { previousItems: 144, change: 5, decisions: 149 },
      penalty: { previousItems: 67, change: 36, decisions: 103 },
      enforcement: { previousItems: 0, change: 0, decisions: 0 },
      fees: { previousItems: 0, change: 0 },
      procurement: { items: 15, amount: 6805947.43 },
    },
    section3: section3('2019', {
      received: { naturalPerson: 1, total: 1 },
      'notProcessed.repeated': { naturalPerson: 1, total: 1 },
      handledTotal: { naturalPerson: 1, total: 1 },
    }),
    section4: {
      reconsideration: { upheld: 0, corrected: 0, otherResult: 0, pending: 0, total: 0 },
      litigationDirect: { upheld: 0, corrected: 0, otherResult: 0, pending: 0, total: 0 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, otherResult: 0, pending: 0, total: 0 },
    },
    narrative: {
      overview: '2019年，我局高度重视政府信息公开工作。\n（一）加强人员队伍建设。',
      problems: '（一）主要问题\n1.配备的人员少、力量薄。',
      other: '无其他需要报告事项。',
    },
    ...overrides,
  };
}
