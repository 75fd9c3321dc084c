/** Console pages of decision imports: the upload form with the list of imports, and one import's progress. */
import type { Agency } from '../../../db/schema.js';
import { DECISION_KIND_LABELS, DECISION_KINDS, type DecisionRowError } from '../../../domain/registry/decisions.js';
import { CsrfField, FormErrors } from '../../../http/layout.js';
import type { AgencyNode } from '../../agencies/tree.js';
import { beijingTime } from '../../audit/views.js';
import { RegistryHeader } from '../views.js';
import type { RegistryImport } from './repository.js';
import { MAX_ROW_ERRORS } from './service.js';
import { TEMPLATE_HINTS } from './template.js';

const n = (x: number) => x.toLocaleString('zh-CN');

/** 正在导入 / 已完成 / 失败, and the failing state in between. */
export function importStatusText(imp: RegistryImport): string {
  if (imp.status === 'done') return '已完成';
  if (imp.status === 'failed') return '失败';
  return imp.failure ? '失败，正在删除已写入的决定' : '正在导入';
}

export function ImportsPage(props: {
  agencies: readonly AgencyNode[]; agency: Agency; imports: RegistryImport[]; csrfToken: string; canEdit: boolean; maxMegabytes: number;
  kind?: string; error?: string;
}) {
  return (
    <section>
      <RegistryHeader agencies={props.agencies} agency={props.agency} tab="imports" />
      <p>
        从执法办案、审批系统导出的行政许可、行政处罚、行政强制决定清单可以整份导入：每行一件决定，只读取决定文书号和决定日期。
        年度报告第二部分采用决定日期在该年度的件数；该年度填报了年度数字的，采用填报的数字。
      </p>
      <ul>
        <li>支持 Excel 工作簿（.xlsx，读取第一个工作表）和 CSV（UTF-8 或 Excel 另存的 GBK/GB18030 编码），文件不超过{props.maxMegabytes} MB，行数不限。</li>
        <li>文号与本单位同类别已导入的决定相同的行视为重复，不再计入，因此同一份清单重复导入不会重复计数。</li>
        <li>有误的行（缺少文号、日期无法识别等）不导入，其余的行照常导入，并列出前{MAX_ROW_ERRORS}处错误。</li>
        <li>相对人、事项名称等列不读取、不保存。</li>
      </ul>
      {props.canEdit && (
        <form method="post" action="/console/registry/imports" enctype="multipart/form-data" class="form">
          <h2>导入决定清单</h2>
          {props.error && <FormErrors message={props.error} />}
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="agencyId" value={String(props.agency.id)} />
          <label for="i-kind">决定类别</label>
          <select id="i-kind" name="kind" required>
            <option value="">请选择</option>
            {DECISION_KINDS.map((k) => <option value={k} selected={props.kind === k}>{DECISION_KIND_LABELS[k]}</option>)}
          </select>
          <label for="i-file">决定清单（.xlsx 或 .csv）</label>
          <input id="i-file" type="file" name="file" accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" required />
          <button type="submit">上传并导入</button>
        </form>
      )}
      <p>下载导入模板：<a href="/console/registry/imports/template.xlsx">Excel（.xlsx）</a> · <a href="/console/registry/imports/template.csv">CSV</a></p>
      <table class="data">
        <caption>各列的填写方法</caption>
        <thead><tr><th scope="col">列名（表头）</th><th scope="col">填写方法</th></tr></thead>
        <tbody>{TEMPLATE_HINTS.map(([column, hint]) => <tr><th scope="row">{column}</th><td>{hint}</td></tr>)}</tbody>
      </table>
      <h2>导入记录</h2>
      {props.imports.length === 0 ? <p class="empty">尚未导入决定清单。</p> : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">文件</th><th scope="col">类别</th><th scope="col">状态</th><th scope="col">读取行数</th><th scope="col">导入</th>
              <th scope="col">重复</th><th scope="col">有误</th><th scope="col">开始时间</th><th scope="col">导入人</th>
            </tr>
          </thead>
          <tbody>
            {props.imports.map((imp) => (
              <tr>
                <td><a href={`/console/registry/imports/${imp.id}`}>{imp.file_name}</a></td>
                <td>{DECISION_KIND_LABELS[imp.kind]}</td>
                <td>{importStatusText(imp)}</td>
                <td>{n(imp.rows_read)}</td>
                <td>{n(imp.rows_accepted)}</td>
                <td>{n(imp.rows_duplicate)}</td>
                <td>{n(imp.rows_rejected)}</td>
                <td>{beijingTime(imp.started_at)}</td>
                <td>{imp.started_by_name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ImportPage(props: { imp: RegistryImport; agency: Agency; percent: number; errors: DecisionRowError[] }) {
  const { imp } = props;
  const active = imp.status === 'running';
  return (
    <section>
      {/* While it runs the page reloads itself every 2 seconds (no script needed; the Refresh header says the same). */}
      {active && <meta http-equiv="refresh" content="2" />}
      <h1>导入决定清单：{imp.file_name}</h1>
      <p><a href={`/console/registry/imports?agencyId=${imp.agency_id}`}>返回{props.agency.short_name}的导入记录</a></p>
      <table class="data">
        <tbody>
          <tr><th scope="row">单位</th><td>{props.agency.name}</td></tr>
          <tr><th scope="row">决定类别</th><td>{DECISION_KIND_LABELS[imp.kind]}</td></tr>
          <tr><th scope="row">状态</th><td><strong class={imp.status === 'failed' || imp.failure ? 'hard' : undefined}>{importStatusText(imp)}</strong></td></tr>
          <tr>
            <th scope="row">进度</th>
            <td>
              <progress class="import-progress" max={100} value={props.percent} aria-label="已读取文件的百分比">{props.percent}%</progress> 已读取文件的{props.percent}%
              （{n(Math.round(imp.bytes_read / 1024))} / {n(Math.round(imp.file_bytes / 1024))} KB）
            </td>
          </tr>
          <tr><th scope="row">已读取的决定</th><td>{n(imp.rows_read)}行</td></tr>
          <tr><th scope="row">新导入</th><td>{n(imp.rows_accepted)}件</td></tr>
          <tr><th scope="row">重复（已导入过，未计入）</th><td>{n(imp.rows_duplicate)}件</td></tr>
          <tr><th scope="row">有误未导入</th><td>{n(imp.rows_rejected)}行</td></tr>
          <tr><th scope="row">开始时间</th><td>{beijingTime(imp.started_at)}（{imp.started_by_name}）</td></tr>
          {imp.finished_at && <tr><th scope="row">结束时间</th><td>{beijingTime(imp.finished_at)}</td></tr>}
        </tbody>
      </table>
      {active && !imp.failure && <p class="hint">导入在后台进行，本页每2秒自动刷新；离开本页不影响导入。<a href={`/console/registry/imports/${imp.id}`}>立即刷新</a></p>}
      {imp.failure && (
        <div class="errors" role="alert">
          <p>{imp.failure}</p>
          <p>{imp.status === 'failed' ? '本次导入已写入的决定已全部删除，不计入年度报告。' : '正在删除本次导入已写入的决定。'}</p>
        </div>
      )}
      {imp.status === 'done' && <p class="flash" role="status">导入完成：新导入{n(imp.rows_accepted)}件决定，{n(imp.rows_duplicate)}件重复未计入，{n(imp.rows_rejected)}行有误未导入。</p>}
      {props.errors.length > 0 && (
        <div class="errors">
          <p>有误未导入的行{imp.rows_rejected > 0 ? `（共${n(imp.rows_rejected)}行${props.errors.length >= MAX_ROW_ERRORS ? `，以下列出前${MAX_ROW_ERRORS}处错误` : ''}）` : ''}：</p>
          <ol>{props.errors.map((e) => <li>{e.message}</li>)}</ol>
        </div>
      )}
    </section>
  );
}
