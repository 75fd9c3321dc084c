/** Console pages of rectification tasks: the list (overdue marked) and one task with its steps. */
import { indicatorOf } from '../../domain/inspections/indicators.js';
import { TASK_ACTION_LABELS, TASK_STATUS_LABELS } from '../../domain/inspections/rectification.js';
import { chineseDate } from '../../domain/requests/letters/fill.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import { beijingTime } from '../audit/views.js';
import type { listTasksFor, TaskView } from './rectification.js';
import { InspectionNav, SEVERITY_LABELS } from './views.js';

const FILTERS: Array<{ show: string | undefined; label: string }> = [
  { show: 'open', label: '未完成' },
  { show: 'overdue', label: '逾期未整改' },
  { show: 'answered', label: '待验收' },
  { show: 'accepted', label: '已完成' },
  { show: undefined, label: '全部' },
];

export function TaskListPage(props: { result: Awaited<ReturnType<typeof listTasksFor>>; office: boolean; inspectionId?: number }) {
  const { rows, show } = props.result;
  const href = (s: string | undefined) => `/console/rectifications?${new URLSearchParams({ ...(s ? { show: s } : {}), ...(props.inspectionId ? { inspectionId: String(props.inspectionId) } : {}) })}`;
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <section>
      <h1>整改任务</h1>
      <InspectionNav current="tasks" office={props.office} />
      <nav class="filters" aria-label="筛选">
        {FILTERS.map((f) => (f.show === show ? <strong>{f.label}</strong> : <a href={href(f.show)}>{f.label}</a>)).map((x) => <>{x} </>)}
      </nav>
      {overdue > 0 && <p class="notice">其中{overdue}项已超过整改期限尚未反馈。</p>}
      {rows.length === 0 ? <p class="empty">没有符合条件的整改任务。</p> : (
        <table class="data">
          <thead><tr><th scope="col">单位</th><th scope="col">检查</th><th scope="col">问题</th><th scope="col">整改期限</th><th scope="col">状态</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr class={r.overdue ? 'overdue' : undefined}>
                <td>{r.agency_name}</td>
                <td>{r.inspection_title}</td>
                <td>
                  <a href={`/console/rectifications/${r.id}`}>{r.indicatorLabel}</a>{r.severity === 'veto' && <> <span class="tag">单项否决</span></>}
                  <div class="detail">{r.description.length > 80 ? `${r.description.slice(0, 80)}…` : r.description}</div>
                </td>
                <td>{chineseDate(r.due_on)}{r.overdue && <> <strong class="hard">已逾期</strong></>}</td>
                <td>{TASK_STATUS_LABELS[r.status]}{r.returns > 0 ? `（退回${r.returns}次）` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const STEP_LABELS = { issued: TASK_ACTION_LABELS.issue, answered: TASK_ACTION_LABELS.answer, returned: TASK_ACTION_LABELS.return, accepted: TASK_ACTION_LABELS.accept } as const;

export function TaskPage(props: { view: TaskView; csrfToken: string; values: Record<string, unknown>; error?: string; fields?: FieldError[] }) {
  const { task, finding, inspection, steps, evidence, actions } = props.view;
  const indicator = indicatorOf(finding.indicator);
  const findingEvidence = evidence.filter((e) => e.step_id === null);
  const value = (k: string) => (typeof props.values[k] === 'string' ? (props.values[k] as string) : '');
  return (
    <section>
      <p class="breadcrumb"><a href="/console/rectifications">整改任务</a> › {props.view.agencyName}</p>
      <h1>整改任务：{indicator.label}</h1>
      <dl class="receipt">
        <dt>单位</dt><dd>{props.view.agencyName}</dd>
        <dt>检查</dt><dd>{inspection.title}</dd>
        {props.view.targetName && <><dt>检查对象</dt><dd>{props.view.targetName}</dd></>}
        <dt>检查指标</dt><dd>{indicator.label}（{SEVERITY_LABELS[finding.severity]}）：{indicator.criterion}</dd>
        <dt>问题描述</dt><dd>{finding.description}</dd>
        {finding.url && <><dt>问题页面</dt><dd><a href={finding.url} rel="noopener noreferrer">{finding.url}</a></dd></>}
        {findingEvidence.length > 0 && <><dt>截图</dt><dd>{findingEvidence.map((e) => <div><a href={`/console/inspections/evidence/${e.id}`}>{e.file_name}</a></div>)}</dd></>}
        <dt>整改期限</dt><dd>{chineseDate(task.due_on)}{props.view.overdue && <> <strong class="hard">已逾期</strong></>}</dd>
        <dt>状态</dt><dd>{TASK_STATUS_LABELS[task.status]}</dd>
      </dl>
      <FormErrors message={props.error} fields={props.fields} />
      <h2>办理过程</h2>
      <ol class="timeline">
        {steps.map((s) => (
          <li>
            <span class="date">{beijingTime(s.at)}</span> {STEP_LABELS[s.action]}（{s.actor_name}）
            {s.action === 'issued' && s.due_on && `：整改期限${chineseDate(s.due_on)}`}
            {s.action === 'returned' && s.due_on && `：整改期限${chineseDate(s.due_on)}`}
            {s.comment && <p class="event-data">{s.comment}</p>}
            {evidence.filter((e) => e.step_id === s.id).map((e) => <p><a href={`/console/inspections/evidence/${e.id}`}>截图：{e.file_name}</a></p>)}
          </li>
        ))}
      </ol>
      {actions.includes('answer') && (
        <form method="post" action={`/console/rectifications/${task.id}/answer`} class="form narrow" enctype="multipart/form-data">
          <CsrfField token={props.csrfToken} />
          <h2>反馈整改情况</h2>
          <label for="description">整改情况</label>
          <textarea id="description" name="description" rows={4} maxLength={5000}>{value('description')}</textarea>
          <label for="file">整改后截图（可选，PNG或JPEG，不超过5MB）</label>
          <input id="file" name="file" type="file" accept=".png,.jpg,.jpeg,image/png,image/jpeg" />
          <button type="submit">提交整改情况</button>
        </form>
      )}
      {actions.includes('accept') && (
        <form method="post" action={`/console/rectifications/${task.id}/accept`} class="form narrow">
          <CsrfField token={props.csrfToken} />
          <h2>验收</h2>
          <label for="accept-comment">验收意见（可选）</label>
          <textarea id="accept-comment" name="comment" rows={2} maxLength={2000} />
          <button type="submit">验收通过</button>
        </form>
      )}
      {actions.includes('return') && (
        <form method="post" action={`/console/rectifications/${task.id}/return`} class="form narrow">
          <CsrfField token={props.csrfToken} />
          <label for="return-comment">退回意见</label>
          <textarea id="return-comment" name="comment" rows={2} maxLength={2000}>{value('comment')}</textarea>
          <label for="dueOn">新的整改期限（可选，不填则不变）</label>
          <input id="dueOn" name="dueOn" type="date" value={value('dueOn')} />
          <button type="submit" class="secondary">退回重新整改</button>
        </form>
      )}
    </section>
  );
}
