/** Console pages of inspections: the list, the planning form, one inspection with its findings. */
import { INDICATORS, indicatorOf } from '../../domain/inspections/indicators.js';
import { quarterLabel } from '../../domain/inspections/notice.js';
import { INSPECTION_KIND_LABELS, INSPECTION_STATUS_LABELS, isTaskOverdue, TASK_STATUS_LABELS, type InspectionKind } from '../../domain/inspections/rectification.js';
import { chineseDate } from '../../domain/requests/letters/fill.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import type { listInspectionsFor, InspectionView } from './service.js';

type Values = Record<string, unknown>;
const v = (values: Values, k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
const list = (values: Values, k: string): string[] => {
  const raw = values[k];
  return Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
};

export const SEVERITY_LABELS = { veto: '单项否决', score: '扣分' } as const;

/** 2026年第一季度 / the dates of an ad hoc inspection. */
export function periodLabel(i: { kind: string; year: number; quarter: number | null; starts_on: string; ends_on: string }): string {
  const dates = `${chineseDate(i.starts_on)}至${chineseDate(i.ends_on)}`;
  return i.kind === 'quarterly' && i.quarter ? `${i.year}年${quarterLabel(i.quarter)}（${dates}）` : dates;
}

/** Links between the three lists of the feature. */
export function InspectionNav(props: { current: 'inspections' | 'tasks' | 'notices'; office: boolean }) {
  const items = [
    ...(props.office ? [{ key: 'inspections', href: '/console/inspections', label: '检查' }] : []),
    { key: 'tasks', href: '/console/rectifications', label: '整改任务' },
    { key: 'notices', href: '/console/notices', label: '通报' },
  ];
  return (
    <nav class="subnav" aria-label="检查整改">
      <ul>{items.map((i) => <li>{i.key === props.current ? <strong>{i.label}</strong> : <a href={i.href}>{i.label}</a>}</li>)}</ul>
    </nav>
  );
}

export function InspectionListPage(props: { rows: Awaited<ReturnType<typeof listInspectionsFor>>; canPlan: boolean }) {
  return (
    <section>
      <h1>检查整改</h1>
      <InspectionNav current="inspections" office />
      <p>依据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号），公开办按季度或专项组织检查，检查发现的问题下发被检查单位整改，并可据此印发通报。</p>
      {props.canPlan && <p><a class="button" href="/console/inspections/new">安排检查</a></p>}
      {props.rows.length === 0 ? <p class="empty">尚未安排检查。</p> : (
        <table class="data">
          <thead><tr><th scope="col">检查</th><th scope="col">类型</th><th scope="col">检查时间</th><th scope="col">单位数</th><th scope="col">问题数</th><th scope="col">状态</th><th scope="col">整改期限</th></tr></thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td><a href={`/console/inspections/${r.id}`}>{r.title}</a></td>
                <td>{INSPECTION_KIND_LABELS[r.kind]}</td>
                <td>{periodLabel(r)}</td>
                <td>{Number(r.agencies)}</td>
                <td>{Number(r.findings)}</td>
                <td>{INSPECTION_STATUS_LABELS[r.status]}</td>
                <td>{r.rectify_by ? chineseDate(r.rectify_by) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function PlanInspectionPage(props: {
  csrfToken: string; agencies: AgencyNode[]; accounts: Array<{ id: number; agency_id: number; name: string; platformLabel: string }>;
  values: Values; thisYear: number; error?: string; fields?: FieldError[];
}) {
  const { values } = props;
  const chosen = new Set(list(values, 'agencyIds'));
  const chosenAccounts = new Set(list(values, 'accountIds'));
  const fresh = Object.keys(values).length === 0;
  const kind = (v(values, 'kind') || 'quarterly') as InspectionKind;
  const names = new Map(props.agencies.map((a) => [a.id, a.name]));
  return (
    <section>
      <h1>安排检查</h1>
      <FormErrors message={props.error} fields={props.fields} />
      <form method="post" action="/console/inspections/new" class="form">
        <CsrfField token={props.csrfToken} />
        <fieldset class="roles">
          <legend>检查类型</legend>
          {(Object.keys(INSPECTION_KIND_LABELS) as InspectionKind[]).map((k) => (
            <label class="check"><input type="radio" name="kind" value={k} checked={kind === k} /> {INSPECTION_KIND_LABELS[k]}</label>
          ))}
        </fieldset>
        <label for="year">年度（季度检查）</label>
        <input id="year" name="year" inputMode="numeric" maxLength={4} value={v(values, 'year') || String(props.thisYear)} />
        <label for="quarter">季度（季度检查）</label>
        <select id="quarter" name="quarter">
          <option value="">请选择</option>
          {[1, 2, 3, 4].map((q) => <option value={String(q)} selected={v(values, 'quarter') === String(q)}>{quarterLabel(q)}</option>)}
        </select>
        <label for="title">检查名称（专项检查必填；季度检查默认“某年某季度政府网站和政务新媒体检查”）</label>
        <input id="title" name="title" maxLength={200} value={v(values, 'title')} />
        <label for="startsOn">开始日期（专项检查必填；季度检查默认为该季度首日）</label>
        <input id="startsOn" name="startsOn" type="date" value={v(values, 'startsOn')} />
        <label for="endsOn">结束日期</label>
        <input id="endsOn" name="endsOn" type="date" value={v(values, 'endsOn')} />
        <fieldset class="roles">
          <legend>检查单位</legend>
          {props.agencies.map((a) => (
            <label class={`check indent-${Math.min(a.depth, 3)}`}>
              <input type="checkbox" name="agencyIds" value={String(a.id)} checked={fresh ? a.kind !== 'government' && a.kind !== 'office' : chosen.has(String(a.id))} /> {a.name}
            </label>
          ))}
        </fieldset>
        <label class="check"><input type="checkbox" name="sites" value="1" checked={fresh || v(values, 'sites') === '1'} /> 检查各单位在本平台的政府信息公开专栏（网站页面）</label>
        <fieldset class="roles">
          <legend>政务新媒体账号（已登记、运营中的账号）</legend>
          {props.accounts.length === 0 && <p class="empty">所选范围内尚无登记的政务新媒体账号。</p>}
          {props.accounts.map((a) => (
            <label class="check">
              <input type="checkbox" name="accountIds" value={String(a.id)} checked={fresh || chosenAccounts.has(String(a.id))} /> {names.get(a.agency_id)}：{a.name}（{a.platformLabel}）
            </label>
          ))}
        </fieldset>
        <label for="note">备注</label>
        <textarea id="note" name="note" rows={2} maxLength={2000}>{v(values, 'note')}</textarea>
        <button type="submit">保存检查安排</button>
      </form>
    </section>
  );
}

function IndicatorSelect(props: { id: string; selected: string }) {
  return (
    <select id={props.id} name="indicator">
      <option value="">请选择</option>
      <optgroup label="单项否决指标">{INDICATORS.filter((i) => i.severity === 'veto').map((i) => <option value={i.key} selected={props.selected === i.key}>{i.label}：{i.criterion}</option>)}</optgroup>
      <optgroup label="扣分指标">{INDICATORS.filter((i) => i.severity === 'score').map((i) => <option value={i.key} selected={props.selected === i.key}>{i.label}：{i.criterion}</option>)}</optgroup>
    </select>
  );
}

export function InspectionPage(props: { view: InspectionView; csrfToken: string; values: Values; today: string; defaultRectifyBy: string | null; error?: string; fields?: FieldError[] }) {
  const { inspection, agencies, targets, findings, canEdit, notices } = props.view;
  const values = props.values;
  const byAgency = (id: number) => findings.filter((f) => f.agency_id === id);
  const vetoes = findings.filter((f) => f.severity === 'veto').length;
  return (
    <section>
      <p class="breadcrumb"><a href="/console/inspections">检查整改</a> › {inspection.title}</p>
      <h1>{inspection.title}</h1>
      <dl class="receipt">
        <dt>类型</dt><dd>{INSPECTION_KIND_LABELS[inspection.kind]}</dd>
        <dt>检查时间</dt><dd>{periodLabel(inspection)}</dd>
        <dt>状态</dt><dd>{INSPECTION_STATUS_LABELS[inspection.status]}{inspection.issued_on ? `（${chineseDate(inspection.issued_on)}下发）` : ''}</dd>
        {inspection.rectify_by && <><dt>整改期限</dt><dd>{chineseDate(inspection.rectify_by)}</dd></>}
        <dt>发现问题</dt><dd>{findings.length}个，其中单项否决{vetoes}个</dd>
        {inspection.note && <><dt>备注</dt><dd>{inspection.note}</dd></>}
      </dl>
      <FormErrors message={props.error} fields={props.fields} />

      <h2>检查范围</h2>
      <table class="data">
        <thead><tr><th scope="col">单位</th><th scope="col">检查对象</th><th scope="col">问题数</th><th scope="col">单项否决</th></tr></thead>
        <tbody>
          {agencies.map((a) => (
            <tr>
              <td>{a.name}</td>
              <td>{targets.filter((t) => t.agency_id === a.id).map((t) => <div>{t.kind === 'site' ? '网站：' : `${t.platformLabel}：`}{t.url ? <a href={t.url}>{t.name}</a> : t.name}</div>)}</td>
              <td>{byAgency(a.id).length}</td>
              <td>{byAgency(a.id).some((f) => f.severity === 'veto') ? '是' : '否'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <details class="event-form">
          <summary>添加检查对象</summary>
          <form method="post" action={`/console/inspections/${inspection.id}/targets`} class="form narrow">
            <CsrfField token={props.csrfToken} />
            <label for="t-agency">单位</label>
            <select id="t-agency" name="agencyId">{agencies.map((a) => <option value={String(a.id)}>{a.name}</option>)}</select>
            <label for="t-kind">类型</label>
            <select id="t-kind" name="kind"><option value="newMedia">政务新媒体账号</option><option value="site">网站或页面</option></select>
            <label for="t-account">政务新媒体账号（类型为政务新媒体时选择）</label>
            <select id="t-account" name="accountId">
              <option value="">请选择</option>
              {props.view.accounts.map((a) => <option value={String(a.id)}>{agencies.find((x) => x.id === a.agency_id)?.name}：{a.name}（{a.platformLabel}）</option>)}
            </select>
            <label for="t-name">网站或页面名称（类型为网站时填写）</label>
            <input id="t-name" name="name" maxLength={200} />
            <label for="t-url">网址</label>
            <input id="t-url" name="url" maxLength={500} placeholder="https://… 或 /agencies/…" />
            <button type="submit">添加</button>
          </form>
        </details>
      )}

      <h2>发现的问题</h2>
      {findings.length === 0 ? <p class="empty">尚未记录问题。</p> : (
        <table class="data">
          <thead><tr><th scope="col">单位</th><th scope="col">检查对象</th><th scope="col">指标</th><th scope="col">问题描述</th><th scope="col">佐证</th><th scope="col">来源</th><th scope="col">整改</th>{canEdit && <th scope="col">操作</th>}</tr></thead>
          <tbody>
            {findings.map((f) => (
              <tr class={f.task && isTaskOverdue({ status: f.task.status, dueOn: f.task.due_on }, props.today) ? 'overdue' : undefined}>
                <td>{f.agencyName}</td>
                <td>{f.targetName ?? ''}</td>
                <td>{indicatorOf(f.indicator).label}{f.severity === 'veto' && <> <span class="tag">单项否决</span></>}</td>
                <td>{f.description}{f.since && <div class="since">自{chineseDate(f.since)}起</div>}</td>
                <td>
                  {f.url && <div><a href={f.url} rel="noopener noreferrer">网址</a></div>}
                  {f.evidence.map((e) => <div><a href={`/console/inspections/evidence/${e.id}`}>截图：{e.file_name}</a></div>)}
                </td>
                <td>{f.origin === 'health' ? '网站健康检查' : '人工检查'}</td>
                <td>{f.task ? <a href={`/console/rectifications/${f.task.id}`}>{TASK_STATUS_LABELS[f.task.status]}</a> : '未下发'}</td>
                {canEdit && (
                  <td>
                    <form method="post" action={`/console/inspections/${inspection.id}/findings/${f.id}/delete`} class="inline">
                      <CsrfField token={props.csrfToken} />
                      <button type="submit" class="link">删除</button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canEdit && (
        <>
          <form method="post" action={`/console/inspections/${inspection.id}/prefill`} class="form">
            <CsrfField token={props.csrfToken} />
            <p class="hint">按网站健康检查的结果（栏目更新、空白栏目、链接、政策解读、文件有效性、公开时限）为各单位自动记录问题；已记录的问题不会重复添加。</p>
            <button type="submit" class="secondary">从网站健康检查导入问题</button>
          </form>
          <h3>记录问题</h3>
          <form method="post" action={`/console/inspections/${inspection.id}/findings`} class="form narrow" enctype="multipart/form-data">
            <CsrfField token={props.csrfToken} />
            <label for="f-agency">单位</label>
            <select id="f-agency" name="agencyId">
              <option value="">请选择</option>
              {agencies.map((a) => <option value={String(a.id)} selected={v(values, 'agencyId') === String(a.id)}>{a.name}</option>)}
            </select>
            <label for="f-target">检查对象（可选）</label>
            <select id="f-target" name="targetId">
              <option value="">（不指定）</option>
              {targets.map((t) => <option value={String(t.id)} selected={v(values, 'targetId') === String(t.id)}>{agencies.find((a) => a.id === t.agency_id)?.name}：{t.name}</option>)}
            </select>
            <label for="f-indicator">检查指标</label>
            <IndicatorSelect id="f-indicator" selected={v(values, 'indicator')} />
            <label for="f-description">问题描述</label>
            <textarea id="f-description" name="description" rows={3} maxLength={2000}>{v(values, 'description')}</textarea>
            <label for="f-url">问题页面网址（可选）</label>
            <input id="f-url" name="url" maxLength={500} value={v(values, 'url')} />
            <label for="f-since">问题起始日期（可选）</label>
            <input id="f-since" name="since" type="date" value={v(values, 'since')} />
            <label for="f-file">截图（可选，PNG或JPEG，不超过5MB）</label>
            <input id="f-file" name="file" type="file" accept=".png,.jpg,.jpeg,image/png,image/jpeg" />
            <button type="submit">记录问题</button>
          </form>
          <h3>下发整改</h3>
          <form method="post" action={`/console/inspections/${inspection.id}/issue`} class="form narrow">
            <CsrfField token={props.csrfToken} />
            <p class="hint">下发后，每个问题成为被检查单位的一项整改任务，检查范围和问题不能再修改。{props.defaultRectifyBy ? `不填写整改期限时，默认为10个工作日后（${chineseDate(props.defaultRectifyBy)}）。` : ''}</p>
            <label for="rectifyBy">整改期限</label>
            <input id="rectifyBy" name="rectifyBy" type="date" value={v(values, 'rectifyBy')} />
            <button type="submit">下发整改（{findings.length}个问题）</button>
          </form>
        </>
      )}

      <h2>通报</h2>
      {notices.length === 0 && <p class="empty">尚未起草通报。</p>}
      <ul>{notices.map((n) => <li><a href={`/console/notices/${n.id}`}>{n.number ?? '（草稿）'} {n.title}</a></li>)}</ul>
      {inspection.status === 'issued' && props.view.canIssueNotice && (
        <form method="post" action={`/console/inspections/${inspection.id}/notices`} class="form">
          <CsrfField token={props.csrfToken} />
          <p class="hint">根据本次检查结果和整改进度生成通报草稿（已有草稿时按最新情况重新生成）。</p>
          <button type="submit">起草通报</button>
        </form>
      )}
      {inspection.status === 'issued' && <p><a href={`/console/rectifications?inspectionId=${inspection.id}`}>查看本次检查的整改任务</a></p>}
    </section>
  );
}
