/** Pages of the supervising office: every agency's status, the roll-up, comparisons, and checking a file. */
import { getFigure, listCells, describeCell, type Finding, type ReportData } from '../../../domain/report/index.js';
import { reportStatusText } from '../../../domain/report/workflow.js';
import { CsrfField } from '../../../http/layout.js';
import type { AgencyNode } from '../../agencies/tree.js';
import { beijingTime } from '../../audit/views.js';
import { ReportDocument } from '../render/report-html.js';
import { formatDateZh, formatFigure } from '../render/report-text.js';
import type { OverviewRow, RollUp } from '../service.js';
import { FindingList } from './editor.js';

export function YearPicker(props: { action: string; year: number; extra?: Record<string, string> }) {
  return (
    <form method="get" action={props.action} class="filters">
      {Object.entries(props.extra ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      <label for="year">报告年度</label>
      <input id="year" name="year" inputMode="numeric" value={String(props.year)} maxLength={4} size={6} />
      <button type="submit">查看</button>
    </form>
  );
}

export function OverviewPage(props: { year: number; rows: OverviewRow[]; today: string; isOffice: boolean }) {
  const overdue = props.rows.filter((r) => r.overdue).length;
  const published = props.rows.filter((r) => r.version > 0).length;
  return (
    <section>
      <h1>{props.year}年度政府信息公开工作年度报告</h1>
      <YearPicker action="/console/reports" year={props.year} />
      {props.isOffice && (
        <p>
          共{props.rows.length}个单位，已发布{published}个，逾期未发布<strong class={overdue ? 'hard' : undefined}>{overdue}</strong>个（今天：{formatDateZh(props.today)}）。
          法定期限（《条例》第四十九条）：部门及乡镇（街道）次年1月31日前，本级人民政府次年3月31日前。
          {' '}<a href={`/console/reports/rollup?year=${props.year}`}>汇总年报</a> · <a href="/console/reports/check">检查他人发布的年报</a>
        </p>
      )}
      <table class="data">
        <caption>各单位年报状态</caption>
        <thead><tr><th scope="col">单位</th><th scope="col">状态</th><th scope="col">法定期限</th><th scope="col">发布时间</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {props.rows.map((r) => (
            <tr class={r.overdue ? 'overdue' : undefined}>
              <td class={`indent-${Math.min(r.depth, 4)}`}>{r.agency.name}</td>
              <td>{reportStatusText(r.status, r.version)}</td>
              <td>{formatDateZh(r.deadline)}{r.overdue && <strong class="hard">（已逾期）</strong>}</td>
              <td>{r.publishedAt ? beijingTime(r.publishedAt) : '—'}</td>
              <td><a href={`/console/reports/${r.agency.id}/${props.year}`}>{r.status === 'missing' ? '填报' : '查看'}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function RollUpPage(props: { year: number; agencies: AgencyNode[]; selected: Set<number>; result: RollUp | null }) {
  const r = props.result;
  return (
    <section>
      <h1>{props.year}年度年报汇总</h1>
      <form method="get" action="/console/reports/rollup" class="form">
        <label for="year">报告年度</label>
        <input id="year" name="year" inputMode="numeric" value={String(props.year)} maxLength={4} />
        <fieldset class="roles">
          <legend>参与汇总的单位</legend>
          {props.agencies.map((a) => (
            <label class="check">
              <input type="checkbox" name="agencyIds" value={String(a.id)} checked={props.selected.has(a.id)} />
              {a.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">汇总</button>
      </form>
      {r && (
        <>
          <h2>汇总结果</h2>
          <p>
            已汇总{r.included.length}个单位：{r.included.map((i) => `${i.agency.short_name}（${i.source}）`).join('、')}。
            {r.missing.length > 0 && <strong class="hard">未填报、未计入：{r.missing.map((a) => a.short_name).join('、')}。</strong>}
          </p>
          <p>
            下载：<a href={`/console/reports/rollup/export/xlsx?${rollUpQuery(r)}`}>Excel</a> · <a href={`/console/reports/rollup/export/json?${rollUpQuery(r)}`}>JSON（含分单位明细）</a> · <a href={`/console/reports/rollup/export/docx?${rollUpQuery(r)}`}>Word</a>
          </p>
          <ReportDocument report={r.report} meta={{ agencyName: r.report.agency }} idPrefix="ru" embedded />
          <h2 id="breakdown">分单位明细</h2>
          <table class="data breakdown">
            <caption>每个非零数字由哪些单位构成</caption>
            <thead><tr><th scope="col">项目</th><th scope="col">合计</th><th scope="col">构成</th></tr></thead>
            <tbody>
              {listCells(r.report).filter((p) => (getFigure(r.report, p) ?? 0) !== 0).map((path) => (
                <tr>
                  <th scope="row">{describeCell(r.report.format, path)}</th>
                  <td>{formatFigure(getFigure(r.report, path) ?? null)}</td>
                  <td>{(r.breakdowns.get(path) ?? []).filter((b) => b.value).map((b) => `${b.agency} ${b.value}`).join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function rollUpQuery(r: RollUp): string {
  const params = new URLSearchParams({ year: String(r.year) });
  for (const i of r.included) params.append('agencyIds', String(i.agency.id));
  return params.toString();
}

export function ComparePage(props: { agencyId: number; agencyName: string; years: number[]; a: ReportData | null; b: ReportData | null; charts: Array<{ title: string; svg: string }> }) {
  const { a, b } = props;
  const cells = a ?? b ? listCells((a ?? b)!) : [];
  return (
    <section>
      <h1>{props.agencyName}：年报历年对比</h1>
      <form method="get" action={`/console/reports/${props.agencyId}/compare`} class="filters">
        <label for="ya">年度</label>
        <select id="ya" name="a">{props.years.map((y) => <option value={String(y)} selected={a?.year === y}>{y}</option>)}</select>
        <label for="yb">对比年度</label>
        <select id="yb" name="b">{props.years.map((y) => <option value={String(y)} selected={b?.year === y}>{y}</option>)}</select>
        <button type="submit">对比</button>
      </form>
      {props.years.length === 0 && <p class="empty">该单位尚无年报。</p>}
      <div class="charts">
        {props.charts.map((c) => (
          <figure>
            {/* The SVG comes from our own renderer, which escapes every label it prints. */}
            <div class="chart" dangerouslySetInnerHTML={{ __html: c.svg }} />
            <figcaption>{c.title}</figcaption>
          </figure>
        ))}
      </div>
      {a && b && (
        <table class="data">
          <caption>{a.year}年与{b.year}年逐项对比（仅列出有数字的项目）</caption>
          <thead><tr><th scope="col">项目</th><th scope="col">{a.year}年</th><th scope="col">{b.year}年</th><th scope="col">增减</th></tr></thead>
          <tbody>
            {cells.filter((p) => (getFigure(a, p) ?? 0) !== 0 || (getFigure(b, p) ?? 0) !== 0).map((p) => {
              const va = getFigure(a, p) ?? null;
              const vb = getFigure(b, p) ?? null;
              const diff = va !== null && vb !== null ? Math.round((vb - va) * 10000) / 10000 : null;
              return (
                <tr>
                  <th scope="row">{describeCell(a.format, p)}</th>
                  <td>{formatFigure(va)}</td>
                  <td>{formatFigure(vb)}</td>
                  <td>{diff === null ? '—' : diff > 0 ? `+${diff}` : String(diff)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function CheckUploadPage(props: { csrfToken: string; result?: { fileName: string; figures: ReportData; findings: Finding[] }; error?: string }) {
  const r = props.result;
  return (
    <section>
      <h1>检查已发布的年度报告</h1>
      <p>上传其他单位已发布的政府信息公开工作年度报告（纯文本、Markdown 或保存的网页 HTML），系统读取表格中的数字并按勾稽关系逐项检查。读不出的内容会如实列出，不作猜测。</p>
      <form method="post" action="/console/reports/check" enctype="multipart/form-data" class="form">
        <CsrfField token={props.csrfToken} />
        <label for="file">报告文件</label>
        <input id="file" type="file" name="file" accept=".txt,.md,.html,.htm,text/plain,text/html" required />
        <label for="cyear">报告年度（可不填，默认从标题读取）</label>
        <input id="cyear" name="year" inputMode="numeric" maxLength={4} />
        <button type="submit">检查</button>
      </form>
      {props.error && <div class="errors" role="alert"><p>{props.error}</p></div>}
      {r && (
        <>
          <h2>检查结果：{r.fileName}</h2>
          <p>报告机关：{r.figures.agency || '（未读出）'}；年度：{r.figures.year}；格式：{r.figures.format === '2021' ? '2021年格式' : '2019年试行格式'}</p>
          <FindingList findings={r.findings} />
          <h2>读取到的数字</h2>
          <ReportDocument report={r.figures} meta={{ agencyName: r.figures.agency }} idPrefix="chk" embedded />
        </>
      )}
    </section>
  );
}
