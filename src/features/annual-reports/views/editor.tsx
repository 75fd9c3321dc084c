/** The console's report editor: the official tables with an input in every figure cell. */
import type { AnnualReport, AnnualReportVersion } from '../../../db/schema.js';
import { RULE_LABELS, statedCells, type Finding } from '../../../domain/report/index.js';
import { findingKey, reportStatusText } from '../../../domain/report/workflow.js';
import type { FieldError } from '../../../errors.js';
import { CsrfField, FormErrors } from '../../../http/layout.js';
import { ReportTable } from '../render/report-html.js';
import { section2Tables, section3Table, section4Table } from '../render/report-layout.js';
import { formatFigure } from '../render/report-text.js';
import type { ReportState } from '../service.js';
import { beijingTime } from '../../audit/views.js';

export function statusText(report: AnnualReport | null): string {
  return report ? reportStatusText(report.status, report.version) : reportStatusText('missing', 0);
}


export function FindingList(props: { findings: readonly Finding[]; explanations?: Record<string, string>; editable?: boolean }) {
  const hard = props.findings.filter((f) => f.severity === 'hard');
  const soft = props.findings.filter((f) => f.severity === 'soft');
  if (!props.findings.length) return <p class="ok-note" role="status">检查通过：未发现不一致。</p>;
  const item = (f: Finding) => (
    <li>
      <strong>【{RULE_LABELS[f.rule]}】</strong>
      {f.message}
      {props.explanations && f.severity === 'soft' && (
        <>
          {props.editable ? (
            <label class="explain">
              说明（发布前必填）
              <textarea name={`explain:${findingKey(f)}`} rows={2} maxLength={2000}>{props.explanations[findingKey(f)] ?? ''}</textarea>
            </label>
          ) : (
            props.explanations[findingKey(f)] && <p class="explanation">说明：{props.explanations[findingKey(f)]}</p>
          )}
        </>
      )}
    </li>
  );
  return (
    <div class="findings">
      {hard.length > 0 && (
        <section aria-labelledby="f-hard">
          <h3 id="f-hard" class="hard">严重问题 {hard.length} 项（须更正后才能发布）</h3>
          <ol>{hard.map(item)}</ol>
        </section>
      )}
      {soft.length > 0 && (
        <section aria-labelledby="f-soft">
          <h3 id="f-soft" class="soft">提示 {soft.length} 项（发布时须逐项说明）</h3>
          <ol>{soft.map(item)}</ol>
        </section>
      )}
    </div>
  );
}

export interface EditorProps {
  state: ReportState;
  /** The year's proactive publication in one sentence, from the items published in gongkai. */
  publication?: string;
  csrfToken: string;
  canEdit: boolean;
  canPublish: boolean;
  /** Submitted values to show again after a failed save. */
  submitted?: Record<string, unknown>;
  error?: string | null;
  fields?: FieldError[];
}

export function ReportEditorPage(props: EditorProps) {
  const { state } = props;
  const { report, data } = state;
  const base = `/console/reports/${state.agency.id}/${state.year}`;
  const published = report?.status === 'published';
  const editable = props.canEdit && !published;
  const flagged = new Map<string, 'hard' | 'soft'>();
  for (const f of state.findings) for (const c of statedCells(f)) if (flagged.get(c) !== 'hard') flagged.set(c, f.severity);
  const wrong = new Set((props.fields ?? []).map((f) => f.field));
  const text = (name: string, fallback: string) => (typeof props.submitted?.[name] === 'string' ? (props.submitted[name] as string) : fallback);

  const figure = (cell: { path: string; value: number | null; style: 'count' | 'signed' | 'amount'; label: string }) => {
    const source = state.sources[cell.path];
    const mark = wrong.has(cell.path) ? 'hard' : flagged.get(cell.path);
    const value = text(`cell:${cell.path}`, cell.value === null ? '' : formatFigure(cell.value, cell.style));
    const title = source ? `${source.origin === 'computed' ? '系统计算' : '人工录入'}：${source.by}，${beijingTime(source.at)}` : '尚未填写';
    return editable ? (
      <input name={`cell:${cell.path}`} value={value} inputMode={cell.style === 'count' ? 'numeric' : 'decimal'} aria-label={cell.label}
        class={`fig${mark ? ` ${mark}` : ''}${source?.origin === 'computed' ? ' computed' : ''}`} title={title} maxLength={20} />
    ) : (
      <span class={mark ? mark : undefined} title={title}>{value}</span>
    );
  };

  return (
    <section class="report-editor">
      <h1>{state.agency.name}{state.year}年政府信息公开工作年度报告</h1>
      <p class="meta">
        状态：<strong>{statusText(report)}</strong> · 格式：{data.format === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号（试行格式）'}
        {report && <> · <a href={`${base}/export/html`}>HTML</a> · <a href={`${base}/export/docx`}>Word</a> · <a href={`${base}/export/xlsx`}>Excel</a> · <a href={`${base}/export/json`}>JSON</a></>}
        {' · '}<a href={`/console/reports/${state.agency.id}/compare`}>历年对比</a>
      </p>
      <FormErrors message={props.error} fields={props.fields} />

      <h2>检查结果</h2>
      <div id="findings" aria-live="polite">
        <FindingList findings={state.findings} explanations={state.explanations} />
      </div>

      <form method="post" action={base} class="form report-form" data-preview={editable ? `/api/v1/reports/${state.agency.id}/${state.year}/preview` : undefined}>
        <CsrfField token={props.csrfToken} />
        <fieldset disabled={!editable}>
          <h2>一、总体情况</h2>
          {props.publication && <p class="hint" id="publication-figures">主动公开记录（可引用）：{props.publication}</p>}
          <textarea name="narrativeOverview" rows={8} aria-label="一、总体情况">{text('narrativeOverview', data.narrative.overview)}</textarea>
          <h2>二、主动公开政府信息情况</h2>
          <div class="gk-s2">
            {section2Tables(data).map((t) => <ReportTable table={t} idPrefix="ed" renderFigure={figure} widths={false} />)}
          </div>
          <h2>三、收到和处理政府信息公开申请情况</h2>
          <div class="table-scroll"><ReportTable table={section3Table(data)} idPrefix="ed" renderFigure={figure} widths={false} /></div>
          <h2>四、政府信息公开行政复议、行政诉讼情况</h2>
          <div class="table-scroll"><ReportTable table={section4Table(data)} idPrefix="ed" renderFigure={figure} widths={false} /></div>
          <h2>五、存在的主要问题及改进情况</h2>
          <textarea name="narrativeProblems" rows={6} aria-label="五、存在的主要问题及改进情况">{text('narrativeProblems', data.narrative.problems)}</textarea>
          <h2>六、其他需要报告的事项</h2>
          <textarea name="narrativeOther" rows={4} aria-label="六、其他需要报告的事项">{text('narrativeOther', data.narrative.other)}</textarea>
          <label for="reportingUnit">填报单位</label>
          <input id="reportingUnit" name="reportingUnit" maxLength={200} value={text('reportingUnit', report?.reporting_unit ?? state.agency.name)} />
          <label for="reportDate">填报日期</label>
          <input id="reportDate" name="reportDate" type="date" value={text('reportDate', report?.report_date ?? '')} />
          {editable && <button type="submit">保存</button>}
        </fieldset>
      </form>

      {editable && (
        <div class="actions">
          <form method="post" action={`${base}/draft-overview`} class="inline draft-overview">
            <CsrfField token={props.csrfToken} />
            {data.narrative.overview.trim() !== '' && (
              <label class="check"><input type="checkbox" name="overwrite" value="1" /> 覆盖现有内容</label>
            )}
            <button type="submit" class="secondary">根据记录起草总体情况</button>
          </form>
          {data.format === '2021' && (
            <form method="post" action={`${base}/compute`} class="inline">
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="secondary">从本系统记录计算第二、三、四部分</button>
            </form>
          )}
          <form method="post" action={`${base}/fill-zero`} class="inline">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="secondary">空白格填0</button>
          </form>
          {report && (
            <form method="post" action={`${base}/check`} class="inline">
              <CsrfField token={props.csrfToken} />
              <button type="submit">检查并标记为“已检查”</button>
            </form>
          )}
        </div>
      )}
      {editable && (
        <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="form import">
          <CsrfField token={props.csrfToken} />
          <label for="report-file">从已发布的报告文件导入数字（文本、Markdown 或网页 HTML）</label>
          <input id="report-file" type="file" name="file" accept=".txt,.md,.html,.htm,text/plain,text/html" required />
          <button type="submit" class="secondary">导入</button>
        </form>
      )}

      {props.canPublish && report?.status === 'checked' && (
        <form method="post" action={`${base}/publish`} class="form publish">
          <CsrfField token={props.csrfToken} />
          <h2>发布</h2>
          {state.findings.some((f) => f.severity === 'soft') && <FindingList findings={state.findings.filter((f) => f.severity === 'soft')} explanations={state.explanations} editable />}
          {report.version > 0 && (
            <>
              <label for="correctionNote">更正说明（更正的内容和原因）</label>
              <textarea id="correctionNote" name="correctionNote" rows={3} maxLength={2000} required />
            </>
          )}
          <label for="publishDate">发布日期（报告落款日期）</label>
          <input id="publishDate" name="reportDate" type="date" value={report.report_date ?? ''} />
          <button type="submit">{report.version > 0 ? `发布更正版（第${report.version + 1}版）` : '发布'}</button>
        </form>
      )}
      {props.canPublish && published && (
        <form method="post" action={`${base}/correct`} class="inline">
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="secondary">更正（生成新版本）</button>
        </form>
      )}

      {state.versions.length > 0 && <VersionList versions={state.versions} agencyId={state.agency.id} year={state.year} />}
    </section>
  );
}

export function VersionList(props: { versions: AnnualReportVersion[]; agencyId: number; year: number }) {
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">已发布版本</h2>
      <table class="data">
        <thead><tr><th scope="col">版本</th><th scope="col">发布时间</th><th scope="col">发布人</th><th scope="col">更正说明</th><th scope="col">公开页面</th></tr></thead>
        <tbody>
          {props.versions.map((v) => (
            <tr>
              <td>第{v.version}版</td>
              <td>{beijingTime(v.published_at)}</td>
              <td>{v.published_by_name}</td>
              <td>{v.correction_note ?? '—'}</td>
              <td><a href={`/annual-reports/${props.agencyId}/${props.year}/versions/${v.version}`}>查看</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
