import { describe, expect, it } from 'vitest';
import {
  allFigureCells,
  placeCells,
  section2Tables,
  section3Table,
  section4Table,
  type HeaderCell,
} from './report-layout.js';
import { pingtanReport2019, zhanyiReport2022 } from './test-factory.js';

describe('table layouts', () => {
  for (const report of [zhanyiReport2022(), pingtanReport2019()]) {
    it(`every row of every table fills its columns exactly (format ${report.format})`, () => {
      const tables = [...section2Tables(report), section3Table(report), section4Table(report)];
      const placed = tables.map((t) => placeCells([...t.head, ...t.body], t.columnWidths.length).length);
      // Cell counts per table: a check that nothing was dropped by the placement.
      const counted = tables.map((t) => [...t.head, ...t.body].flat().length);
      expect(placed).toEqual(counted);
    });
  }

  it('spans 三、本年度办理结果 over the 22 outcome rows of 2021 and the 20 of 2019', () => {
    const span = (t: ReturnType<typeof section3Table>) =>
      t.body.flat().find((c): c is HeaderCell => c.kind === 'header' && c.text === '三、本年度办理结果')?.rowSpan;
    expect(span(section3Table(zhanyiReport2022()))).toBe(22);
    expect(span(section3Table(pingtanReport2019()))).toBe(20);
  });

  it('places 行政许可 of 2021 in one figure cell spanning three columns', () => {
    const licensing = section2Tables(zhanyiReport2022())[1]!;
    expect(placeCells(licensing.body, 4).map((p) => [p.col, p.cell.colSpan])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it('lists 200 figures for 2021 (10 in 二, 25 rows × 7 in 三, 15 in 四)', () => {
    const cells = allFigureCells(zhanyiReport2022());
    expect(cells).toHaveLength(200);
    expect(cells.find((c) => c.path === 'section3.withheld.stateSecret.naturalPerson')?.label).toBe(
      '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 / 申请人情况 / 自然人',
    );
  });

  it('reads a missing section 三 row as blank cells', () => {
    const report = zhanyiReport2022();
    delete report.section3['other.other'];
    const cell = allFigureCells(report).find((c) => c.path === 'section3.other.other.total');
    expect(cell?.value).toBeNull();
  });
});
