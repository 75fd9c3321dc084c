/**
 * The annual report as HTML: a standalone print-ready page (renderReportHtml) and the body as a
 * Preact component (ReportDocument) for the web app's own layout. Text goes through Preact, which
 * escapes it; the only raw HTML is the static stylesheet below.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { ReportData } from '../../../domain/report/format.js';
import {
  isLeftAligned,
  section2Tables,
  section3Table,
  section4Table,
  type FigureCell,
  type LayoutCell,
  type LayoutTable,
} from './report-layout.js';
import {
  SECTION_HEADINGS,
  formatDateZh,
  formatFigure,
  reportTitle,
  splitParagraphs,
  versionNote,
  type ReportRenderMeta,
} from './report-text.js';

export type { ReportRenderMeta } from './report-text.js';

const BODY_FONTS = '"FangSong","STFangsong","SimSun","Songti SC","Noto Serif CJK SC",serif';
const TITLE_FONTS = '"方正小标宋简体","FZXiaoBiaoSong-B05S","SimSun","Songti SC","Noto Serif CJK SC",serif';
const HEADING_FONTS = '"SimHei","黑体","Heiti SC","Noto Sans CJK SC",sans-serif';
const TABLE_FONTS = '"SimSun","宋体","Songti SC","Noto Serif CJK SC",serif';

/**
 * Styles of the report, scoped under .gk-report so the web app can embed ReportDocument next to
 * its own CSS. Print: A4 with the margins of GB/T 9704 (official documents), table header rows
 * repeated on each page, rows not split across pages.
 */
/** Page-level rules of the standalone document only (a served page keeps its own body and margins). */
const STANDALONE_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media screen { body { margin: 2em 1em; } }
`;

/** Rules scoped to .gk-report: safe to include in any page that embeds ReportDocument. */
export const REPORT_CSS = `
.gk-report { font-family: ${BODY_FONTS}; font-size: 16pt; line-height: 1.5; color: #000; background: #fff;
  max-width: 156mm; margin: 0 auto; }
.gk-report h1 { font-family: ${TITLE_FONTS}; font-size: 22pt; font-weight: bold; text-align: center;
  line-height: 1.4; margin: 0 0 0.5em; }
.gk-report .gk-version { text-align: center; text-indent: 0; font-size: 12pt; margin: 0 0 1em; }
.gk-report h2 { font-family: ${HEADING_FONTS}; font-size: 16pt; font-weight: normal; margin: 0.5em 0 0.25em;
  text-indent: 2em; break-after: avoid; page-break-after: avoid; }
.gk-report p { margin: 0; text-indent: 2em; text-align: justify; }
.gk-report table { font-family: ${TABLE_FONTS}; font-size: 10.5pt; line-height: 1.25; width: 100%;
  border-collapse: collapse; table-layout: fixed; margin: 0.5em 0; }
.gk-report th, .gk-report td { border: 1px solid #000; padding: 1px 3px; text-align: center; vertical-align: middle;
  font-weight: normal; word-break: break-all; }
.gk-report .gk-label, .gk-report .gk-note { text-align: left; }
.gk-report thead { display: table-header-group; }
.gk-report tr { break-inside: avoid; page-break-inside: avoid; }
/* A table with its heading moves to the next page whole when it fits there: browsers will not
   break inside 三's row groups, and would otherwise leave a header row alone at a page foot. */
.gk-report .gk-tables { break-inside: avoid; page-break-inside: avoid; }
.gk-report caption { border: 1px solid #000; border-bottom: 0; padding: 2px 3px; text-align: left; }
.gk-report .gk-s2 table { margin: 0; }
.gk-report .gk-s2 table + table caption { border-top: 0; }
.gk-report .gk-s2 { margin: 0.5em 0; }
.gk-report .gk-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.gk-report .gk-signature { margin-top: 2em; }
.gk-report .gk-signature p { text-align: right; text-indent: 0; }
/* Embedded in a page there are no inline column widths: let the browser size columns by content. */
.gk-report.gk-embedded table { table-layout: auto; }
.gk-report.gk-embedded .gk-label { min-width: 7em; }
@media print { .gk-report { max-width: none; } }
`;

/** Renders the content of a figure cell; the console's editor puts an input there. */
export type FigureRenderer = (cell: FigureCell, headerIds: string) => ComponentChildren;

function Cell({ cell, prefix, renderFigure }: { cell: LayoutCell; prefix: string; renderFigure?: FigureRenderer }) {
  const rowSpan = cell.rowSpan > 1 ? cell.rowSpan : undefined;
  const colSpan = cell.colSpan > 1 ? cell.colSpan : undefined;
  switch (cell.kind) {
    case 'header':
      return (
        <th
          id={`${prefix}-${cell.id}`}
          scope={cell.scope}
          rowSpan={rowSpan}
          colSpan={colSpan}
          class={isLeftAligned(cell) ? 'gk-label' : undefined}
        >
          {cell.text}
        </th>
      );
    case 'note':
      return (
        <td class="gk-note" rowSpan={rowSpan} colSpan={colSpan}>
          {cell.text}
        </td>
      );
    case 'figure':
      return (
        <td colSpan={colSpan} headers={cell.headers.map((h) => `${prefix}-${h}`).join(' ')} data-path={cell.path}>
          {renderFigure ? renderFigure(cell, cell.headers.map((h) => `${prefix}-${h}`).join(' ')) : formatFigure(cell.value, cell.style)}
        </td>
      );
  }
}

/**
 * One table. Column widths are inline styles, which only the standalone document may carry:
 * pages served under the portal's CSP (style-src 'self') leave them out (`widths={false}`).
 */
export function ReportTable({ table, idPrefix, captionHidden, renderFigure, widths = true }: { table: LayoutTable; idPrefix: string; captionHidden?: boolean; renderFigure?: FigureRenderer; widths?: boolean }) {
  const prefix = `${idPrefix}-${table.key}`;
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  return (
    <table>
      <caption class={captionHidden ? 'gk-sr-only' : undefined}>{table.caption}</caption>
      {widths && (
        <colgroup>
          {table.columnWidths.map((w) => (
            <col style={`width:${((w / total) * 100).toFixed(2)}%`} />
          ))}
        </colgroup>
      )}
      <thead>
        {table.head.map((cells) => (
          <tr>
            {cells.map((cell) => (
              <Cell cell={cell} prefix={prefix} renderFigure={renderFigure} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.body.map((cells) => (
          <tr>
            {cells.map((cell) => (
              <Cell cell={cell} prefix={prefix} renderFigure={renderFigure} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ id, heading, tables, children }: { id: string; heading: string; tables?: boolean; children?: ComponentChildren }) {
  return (
    <section aria-labelledby={id} class={tables ? 'gk-tables' : undefined}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {splitParagraphs(text).map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}

export interface ReportDocumentProps {
  report: ReportData;
  meta: ReportRenderMeta;
  /** Prefix of element ids, for pages that show more than one report. */
  idPrefix?: string;
  /** Inside a served page (not the standalone file): no inline styles. */
  embedded?: boolean;
}

/** The report body (title to signature), styled by REPORT_CSS. */
export function ReportDocument({ report, meta, idPrefix = 'gk', embedded = false }: ReportDocumentProps) {
  const version = versionNote(meta);
  const heading = (key: keyof typeof SECTION_HEADINGS) => ({ id: `${idPrefix}-${key}`, heading: SECTION_HEADINGS[key] });
  return (
    <article class={embedded ? 'gk-report gk-embedded' : 'gk-report'} lang="zh-CN">
      <h1>{reportTitle(meta.agencyName, report.year)}</h1>
      {version && <p class="gk-version">{version}</p>}
      <Section {...heading('overview')}>
        <Paragraphs text={report.narrative.overview} />
      </Section>
      <Section {...heading('section2')} tables>
        <div class="gk-s2">
          {section2Tables(report).map((t) => (
            <ReportTable table={t} idPrefix={idPrefix} widths={!embedded} />
          ))}
        </div>
      </Section>
      <Section {...heading('section3')} tables>
        <ReportTable table={section3Table(report)} idPrefix={idPrefix} captionHidden widths={!embedded} />
      </Section>
      <Section {...heading('section4')} tables>
        <ReportTable table={section4Table(report)} idPrefix={idPrefix} captionHidden widths={!embedded} />
      </Section>
      <Section {...heading('problems')}>
        <Paragraphs text={report.narrative.problems} />
      </Section>
      <Section {...heading('other')}>
        <Paragraphs text={report.narrative.other} />
      </Section>
      <footer class="gk-signature">
        <p>填报单位：{meta.reportingUnit ?? meta.agencyName}</p>
        {meta.reportDate && <p>{formatDateZh(meta.reportDate)}</p>}
      </footer>
    </article>
  );
}

/** A complete standalone HTML document of the report: no scripts, no external resources. */
export function renderReportHtml(report: ReportData, meta: ReportRenderMeta): string {
  const page = (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{reportTitle(meta.agencyName, report.year)}</title>
        <style dangerouslySetInnerHTML={{ __html: STANDALONE_CSS + REPORT_CSS }} />
      </head>
      <body>
        <ReportDocument report={report} meta={meta} />
      </body>
    </html>
  );
  return `<!doctype html>\n${render(page)}\n`;
}
