/**
 * The tables of the annual report as a renderer-neutral grid: which cell says what, which cells
 * are merged, which figure sits where. HTML, DOCX and XLSX all draw from this one description,
 * so the three outputs cannot drift apart from each other or from the official layout of
 * 国办公开办函〔2021〕30号 (and the trial format of 国办公开办函〔2019〕60号 for format "2019").
 */
import {
  SECTION3_COLUMN_LABELS,
  SECTION3_ROW_LABELS,
  SECTION4_COLUMNS,
  SECTION4_COLUMN_LABELS,
  SECTION4_GROUPS,
  section3Rows,
  type Figure,
  type ReportData,
  type Section3Column,
  type Section3RowKey,
  type Section4Group,
} from '../../../domain/report/format.js';
import type { FigureStyle } from './report-text.js';


/**
 * A label cell. `id` is local to its table; figure cells point at it through `headers`. A header
 * spanning several rows or columns keeps scope "row"/"col": the HTML table model assigns it to
 * every cell of the rows or columns it covers. `group` marks the spanning headers of a group
 * (申请人情况, （三）不予公开, …), which are centred where item labels are left-aligned.
 */
export interface HeaderCell {
  kind: 'header';
  id: string;
  text: string;
  rowSpan: number;
  colSpan: number;
  scope: 'col' | 'row';
  group?: boolean;
}

/** A cell that explains the table rather than heading data: the 勾稽关系 corner of 三. */
export interface NoteCell {
  kind: 'note';
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** A published figure. `path` is its dotted path in the report JSON. */
export interface FigureCell {
  kind: 'figure';
  path: string;
  value: Figure;
  style: FigureStyle;
  colSpan: number;
  rowSpan: 1;
  /** Ids of the header cells that describe this figure, row headers first. */
  headers: string[];
  /** The same headers as text, e.g. "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 / 自然人". */
  label: string;
}

export type LayoutCell = HeaderCell | NoteCell | FigureCell;
export type LayoutRow = LayoutCell[];

export interface LayoutTable {
  /** Stable key, also the prefix of header ids: "s2-1", "s3", "s4". */
  key: string;
  caption: string;
  /** Relative column widths; their count is the table's column count. */
  columnWidths: readonly number[];
  /** How many leading columns hold row labels. */
  labelColumns: number;
  head: LayoutRow[];
  body: LayoutRow[];
}

/** Whether a label cell reads left-aligned, as item labels and the 勾稽关系 note do in the official tables. */
export function isLeftAligned(cell: LayoutCell): boolean {
  return cell.kind === 'note' || (cell.kind === 'header' && cell.scope === 'row' && !cell.group);
}

// ---------------------------------------------------------------------------------------------
// Section 二
// ---------------------------------------------------------------------------------------------

interface Section2Column {
  key: string;
  label: string;
  span?: number;
  style?: FigureStyle;
}
interface Section2Block {
  caption: string;
  columns: Section2Column[];
  rows: { key: string; label: string }[];
}

const DECISIONS_2021: Section2Column[] = [{ key: 'decisions', label: '本年处理决定数量', span: 3 }];

const SECTION2_2021: Section2Block[] = [
  {
    caption: '第二十条第（一）项',
    columns: [
      { key: 'issued', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'inForce', label: '现行有效件数' },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normativeDocs', label: '行政规范性文件' },
    ],
  },
  { caption: '第二十条第（五）项', columns: DECISIONS_2021, rows: [{ key: 'licensing', label: '行政许可' }] },
  {
    caption: '第二十条第（六）项',
    columns: DECISIONS_2021,
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'enforcement', label: '行政强制' },
    ],
  },
  {
    caption: '第二十条第（八）项',
    columns: [{ key: 'amountWanYuan', label: '本年收费金额（单位：万元）', span: 3, style: 'amount' }],
    rows: [{ key: 'fees', label: '行政事业性收费' }],
  },
];

const ITEMS_2019: Section2Column[] = [
  { key: 'previousItems', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减', style: 'signed' },
  { key: 'decisions', label: '处理决定数量' },
];

const SECTION2_2019: Section2Block[] = [
  {
    caption: '第二十条第（一）项',
    columns: [
      { key: 'made', label: '本年新制作数量' },
      { key: 'published', label: '本年新公开数量' },
      { key: 'totalPublic', label: '对外公开总数量' },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normativeDocs', label: '规范性文件' },
    ],
  },
  {
    caption: '第二十条第（五）项',
    columns: ITEMS_2019,
    rows: [
      { key: 'licensing', label: '行政许可' },
      { key: 'otherServices', label: '其他对外管理服务事项' },
    ],
  },
  {
    caption: '第二十条第（六）项',
    columns: ITEMS_2019,
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'enforcement', label: '行政强制' },
    ],
  },
  {
    caption: '第二十条第（八）项',
    columns: [
      { key: 'previousItems', label: '上一年项目数量' },
      { key: 'change', label: '本年增/减', span: 2, style: 'signed' },
    ],
    rows: [{ key: 'fees', label: '行政事业性收费' }],
  },
  {
    caption: '第二十条第（九）项',
    columns: [
      { key: 'items', label: '采购项目数量' },
      { key: 'amount', label: '采购总金额', span: 2, style: 'amount' },
    ],
    rows: [{ key: 'procurement', label: '政府集中采购' }],
  },
];

/** Section 二's table column widths: 信息内容, then three figure columns. */
const SECTION2_WIDTHS = [34, 22, 22, 22] as const;

function figureOf(source: unknown, row: string, column: string): Figure {
  const group = (source as Record<string, Record<string, unknown> | undefined>)[row];
  const value = group?.[column];
  return typeof value === 'number' ? value : null;
}

/** The small tables of section 二, one per item of 第二十条, in the layout of the report's format. */
export function section2Tables(report: ReportData): LayoutTable[] {
  const blocks = report.format === '2021' ? SECTION2_2021 : SECTION2_2019;
  return blocks.map((block, index) => {
    const key = `s2-${index + 1}`;
    const head: LayoutRow = [
      { kind: 'header', id: 'content', text: '信息内容', rowSpan: 1, colSpan: 1, scope: 'col' },
      ...block.columns.map(
        (c): HeaderCell => ({ kind: 'header', id: `c-${c.key}`, text: c.label, rowSpan: 1, colSpan: c.span ?? 1, scope: 'col' }),
      ),
    ];
    const body = block.rows.map((r): LayoutRow => [
      { kind: 'header', id: `r-${r.key}`, text: r.label, rowSpan: 1, colSpan: 1, scope: 'row' },
      ...block.columns.map(
        (c): FigureCell => ({
          kind: 'figure',
          path: `section2.${r.key}.${c.key}`,
          value: figureOf(report.section2, r.key, c.key),
          style: c.style ?? 'count',
          colSpan: c.span ?? 1,
          rowSpan: 1,
          headers: [`r-${r.key}`, `c-${c.key}`],
          label: [block.caption, r.label, c.label].join(' / '),
        }),
      ),
    ]);
    return { key, caption: block.caption, columnWidths: SECTION2_WIDTHS, labelColumns: 1, head: [head], body };
  });
}

// ---------------------------------------------------------------------------------------------
// Section 三
// ---------------------------------------------------------------------------------------------

export const SECTION3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const OUTCOMES_LABEL = '三、本年度办理结果';
const OUTCOME_GROUP_LABELS: Record<string, string> = {
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
};

/** Three label columns (办理结果 · its subgroup · the item), then 自然人 … 其他, 总计. */
const SECTION3_WIDTHS = [6, 11, 34, 7, 7, 7, 7, 7, 7, 7] as const;

const ORG_COLUMNS: readonly Section3Column[] = ['enterprise', 'research', 'nonprofit', 'legalService', 'otherOrg'];

function section3ColumnHeaders(column: Section3Column): { ids: string[]; texts: string[] } {
  const ids = ['applicant'];
  const texts = ['申请人情况'];
  if (ORG_COLUMNS.includes(column)) {
    ids.push('org');
    texts.push('法人或其他组织');
  }
  ids.push(`c-${column}`);
  texts.push(SECTION3_COLUMN_LABELS[column]);
  return { ids, texts };
}

const rowId = (key: Section3RowKey): string => `r-${key.replace('.', '-')}`;

/** Section 三 with the official merged headers; 三（六） is one row in the 2019 format. */
export function section3Table(report: ReportData): LayoutTable {
  const columns: Section3Column[] = ['naturalPerson', ...ORG_COLUMNS, 'total'];
  const head: LayoutRow[] = [
    [
      { kind: 'note', text: SECTION3_CORNER, rowSpan: 3, colSpan: 3 },
      { kind: 'header', id: 'applicant', text: '申请人情况', rowSpan: 1, colSpan: 7, scope: 'col', group: true },
    ],
    [
      { kind: 'header', id: 'c-naturalPerson', text: SECTION3_COLUMN_LABELS.naturalPerson, rowSpan: 2, colSpan: 1, scope: 'col' },
      { kind: 'header', id: 'org', text: '法人或其他组织', rowSpan: 1, colSpan: 5, scope: 'col', group: true },
      { kind: 'header', id: 'c-total', text: SECTION3_COLUMN_LABELS.total, rowSpan: 2, colSpan: 1, scope: 'col' },
    ],
    ORG_COLUMNS.map(
      (c): HeaderCell => ({ kind: 'header', id: `c-${c}`, text: SECTION3_COLUMN_LABELS[c], rowSpan: 1, colSpan: 1, scope: 'col' }),
    ),
  ];

  const rows = section3Rows(report.format);
  // 三、本年度办理结果 spans every outcome row and （七）总计.
  const outcomeSpan = rows.filter((k) => k !== 'received' && k !== 'carriedIn' && k !== 'carriedOut').length;
  const body: LayoutRow[] = [];
  let outcomesOpened = false;
  const groupsOpened = new Set<string>();

  for (const key of rows) {
    const cells: LayoutRow = [];
    const rowHeaderIds: string[] = [];
    const rowHeaderTexts: string[] = [];
    const label = SECTION3_ROW_LABELS[key];
    if (key === 'received' || key === 'carriedIn' || key === 'carriedOut') {
      cells.push({ kind: 'header', id: rowId(key), text: label, rowSpan: 1, colSpan: 3, scope: 'row' });
    } else {
      if (!outcomesOpened) {
        outcomesOpened = true;
        cells.push({ kind: 'header', id: 'g-outcomes', text: OUTCOMES_LABEL, rowSpan: outcomeSpan, colSpan: 1, scope: 'row', group: true });
      }
      rowHeaderIds.push('g-outcomes');
      rowHeaderTexts.push(OUTCOMES_LABEL);
      const dot = key.indexOf('.');
      if (dot < 0) {
        cells.push({ kind: 'header', id: rowId(key), text: label, rowSpan: 1, colSpan: 2, scope: 'row' });
      } else {
        const group = key.slice(0, dot);
        const groupLabel = OUTCOME_GROUP_LABELS[group] ?? group;
        if (!groupsOpened.has(group)) {
          groupsOpened.add(group);
          const span = rows.filter((k) => k.startsWith(`${group}.`)).length;
          cells.push({ kind: 'header', id: `g-${group}`, text: groupLabel, rowSpan: span, colSpan: 1, scope: 'row', group: true });
        }
        rowHeaderIds.push(`g-${group}`);
        rowHeaderTexts.push(groupLabel);
        cells.push({ kind: 'header', id: rowId(key), text: label, rowSpan: 1, colSpan: 1, scope: 'row' });
      }
    }
    rowHeaderIds.push(rowId(key));
    rowHeaderTexts.push(label);

    const row = report.section3[key];
    for (const column of columns) {
      const col = section3ColumnHeaders(column);
      cells.push({
        kind: 'figure',
        path: `section3.${key}.${column}`,
        value: row?.[column] ?? null,
        style: 'count',
        colSpan: 1,
        rowSpan: 1,
        headers: [...rowHeaderIds, ...col.ids],
        label: [...rowHeaderTexts, ...col.texts].join(' / '),
      });
    }
    body.push(cells);
  }

  return {
    key: 's3',
    caption: '收到和处理政府信息公开申请情况',
    columnWidths: SECTION3_WIDTHS,
    labelColumns: 3,
    head,
    body,
  };
}

// ---------------------------------------------------------------------------------------------
// Section 四
// ---------------------------------------------------------------------------------------------

const SECTION4_GROUP_SHORT: Record<Section4Group, string> = {
  reconsideration: '行政复议',
  litigationDirect: '未经复议直接起诉',
  litigationAfterReconsideration: '复议后起诉',
};

/** Section 四: 行政复议 over five columns, 行政诉讼 over ten (直接起诉 · 复议后起诉), one row of figures. */
export function section4Table(report: ReportData): LayoutTable {
  const colHeader = (group: Section4Group, rowSpan: number): HeaderCell[] =>
    SECTION4_COLUMNS.map((c) => ({
      kind: 'header',
      id: `c-${group}-${c}`,
      text: SECTION4_COLUMN_LABELS[c],
      rowSpan,
      colSpan: 1,
      scope: 'col',
    }));
  const head: LayoutRow[] = [
    [
      { kind: 'header', id: 'g-reconsideration', text: '行政复议', rowSpan: 1, colSpan: 5, scope: 'col', group: true },
      { kind: 'header', id: 'g-litigation', text: '行政诉讼', rowSpan: 1, colSpan: 10, scope: 'col', group: true },
    ],
    [
      ...colHeader('reconsideration', 2),
      { kind: 'header', id: 'g-litigationDirect', text: SECTION4_GROUP_SHORT.litigationDirect, rowSpan: 1, colSpan: 5, scope: 'col', group: true },
      {
        kind: 'header',
        id: 'g-litigationAfterReconsideration',
        text: SECTION4_GROUP_SHORT.litigationAfterReconsideration,
        rowSpan: 1,
        colSpan: 5,
        scope: 'col',
        group: true,
      },
    ],
    [...colHeader('litigationDirect', 1), ...colHeader('litigationAfterReconsideration', 1)],
  ];
  const figures: LayoutRow = SECTION4_GROUPS.flatMap((group) =>
    SECTION4_COLUMNS.map((c): FigureCell => {
      const groupIds = group === 'reconsideration' ? ['g-reconsideration'] : ['g-litigation', `g-${group}`];
      const groupTexts = group === 'reconsideration' ? ['行政复议'] : ['行政诉讼', SECTION4_GROUP_SHORT[group]];
      return {
        kind: 'figure',
        path: `section4.${group}.${c}`,
        value: report.section4[group]?.[c] ?? null,
        style: 'count',
        colSpan: 1,
        rowSpan: 1,
        headers: [...groupIds, `c-${group}-${c}`],
        label: [...groupTexts, SECTION4_COLUMN_LABELS[c]].join(' / '),
      };
    }),
  );
  return {
    key: 's4',
    caption: '政府信息公开行政复议、行政诉讼情况',
    columnWidths: Array.from({ length: 15 }, () => 1),
    labelColumns: 0,
    head,
    body: [figures],
  };
}

// ---------------------------------------------------------------------------------------------
// Grid placement
// ---------------------------------------------------------------------------------------------

export interface PlacedCell {
  cell: LayoutCell;
  /** 0-based row within the rows given to placeCells. */
  row: number;
  /** 0-based column. */
  col: number;
}

/**
 * Positions of cells the way an HTML table places them: each cell takes the first column not
 * already covered by a rowspan from above. Throws if a row does not fill exactly `columns`.
 */
export function placeCells(rows: readonly LayoutRow[], columns: number): PlacedCell[] {
  const covered: boolean[][] = rows.map(() => new Array<boolean>(columns).fill(false));
  const placed: PlacedCell[] = [];
  rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (col < columns && covered[r]![col]) col += 1;
      if (col + cell.colSpan > columns) throw new Error(`row ${r} overflows ${columns} columns`);
      for (let dr = 0; dr < cell.rowSpan; dr += 1) {
        const target = covered[r + dr];
        if (!target) throw new Error(`row ${r}: rowspan runs past the table`);
        for (let dc = 0; dc < cell.colSpan; dc += 1) target[col + dc] = true;
      }
      placed.push({ cell, row: r, col });
      col += cell.colSpan;
    }
    if (covered[r]!.some((c) => !c)) throw new Error(`row ${r} leaves columns empty`);
  });
  return placed;
}

/** Every figure of the report's tables, in table order: section 二, 三, 四. */
export function allFigureCells(report: ReportData): FigureCell[] {
  const tables = [...section2Tables(report), section3Table(report), section4Table(report)];
  return tables.flatMap((t) => [...t.head, ...t.body].flat().filter((c): c is FigureCell => c.kind === 'figure'));
}

