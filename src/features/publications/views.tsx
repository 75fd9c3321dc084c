/** Console pages of proactive publication: lists, the item form, the item with its review. */
import type { ComponentChildren } from 'preact';
import type { Agency, PublicationColumn, PublicationItem } from '../../db/schema.js';
import { COLUMN_KINDS, INFO_KINDS, SUBJECT_CATEGORIES, type PublicationFinding } from '../../domain/publication/checks.js';
import { ITEM_STATUS_LABELS, REVIEW_ASPECTS, isFinalStage, stageLabel } from '../../domain/publication/review.js';
import type { Actor } from '../../domain/roles.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors, Pager } from '../../http/layout.js';
import { beijingTime } from '../audit/views.js';
import { publicationPolicy } from './policy.js';
import type { ItemDetail } from './queries.js';

type Values = Record<string, unknown>;
const val = (values: Values, k: string) => (typeof values[k] === 'string' || typeof values[k] === 'number' ? String(values[k]) : '');
const columnKindLabel = (k: string) => (COLUMN_KINDS as Record<string, { label: string }>)[k]?.label ?? k;
export const infoKindLabel = (k: string) => (INFO_KINDS as Record<string, string>)[k] ?? k;
export const VALIDITY_LABELS: Record<string, string> = { valid: '有效', repealed: '已废止', expired: '已失效' };

/** 审核中（复审） / 已发布 / 已发布（修改中）… */
export function itemStatusText(item: Pick<PublicationItem, 'status' | 'review_stage' | 'stages_required' | 'live_version'>): string {
  const base = ITEM_STATUS_LABELS[item.status];
  if (item.status === 'review' && item.review_stage) return `${base}（${stageLabel(item.stages_required, item.review_stage)}）`;
  if (item.live_version > 0 && (item.status === 'draft' || item.status === 'review')) return `已发布，修改稿${item.status === 'draft' ? '待提交' : base}`;
  return base;
}

function Field(props: { id: string; label: string; hint?: string; children: ComponentChildren }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.children}
    </>
  );
}

/** Columns in tree order with their depth. */
export function columnTree(columns: readonly PublicationColumn[]): Array<PublicationColumn & { depth: number }> {
  const out: Array<PublicationColumn & { depth: number }> = [];
  const walk = (parent: number | null, depth: number) => {
    for (const c of columns.filter((x) => x.parent_id === parent)) {
      out.push({ ...c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function ItemListPage(props: {
  actor: Actor;
  rows: Array<Pick<PublicationItem, 'id' | 'agency_id' | 'title' | 'info_kind' | 'status' | 'review_stage' | 'stages_required' | 'live_version' | 'index_number' | 'published_date' | 'validity' | 'updated_at'>>;
  total: number;
  page: number;
  pageSize: number;
  agencies: Agency[];
  query: { agencyId?: number; status?: string; q?: string };
  queueCount: number;
}) {
  const agencyName = new Map(props.agencies.map((a) => [a.id, a.short_name || a.name]));
  const draftable = props.agencies.filter((a) => publicationPolicy.draft(props.actor, a.id));
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const link = (page: number) => `/console/publications?${new URLSearchParams({ ...(props.query.agencyId ? { agencyId: String(props.query.agencyId) } : {}), ...(props.query.status ? { status: props.query.status } : {}), ...(props.query.q ? { q: props.query.q } : {}), page: String(page) })}`;
  return (
    <section>
      <h1>主动公开</h1>
      <p class="actions">
        {draftable.length > 0 && <a class="button" href="/console/publications/new">起草信息</a>}
        {props.queueCount > 0 && <a href="/console/publications/review">待我审核（{props.queueCount}）</a>}
        <a href="/console/publications/columns">栏目管理</a>
        <a href="/console/publications/settings">审核设置与词表</a>
        <a href="/console/publications/import">导入历史信息</a>
      </p>
      <form method="get" action="/console/publications" class="filters">
        <label for="f-agency">单位</label>
        <select id="f-agency" name="agencyId">
          <option value="">全部</option>
          {props.agencies.map((a) => <option value={String(a.id)} selected={props.query.agencyId === a.id}>{a.name}</option>)}
        </select>
        <label for="f-status">状态</label>
        <select id="f-status" name="status">
          <option value="">全部</option>
          {Object.entries(ITEM_STATUS_LABELS).map(([k, label]) => <option value={k} selected={props.query.status === k}>{label}</option>)}
        </select>
        <label for="f-q">标题、索引号或文号</label>
        <input id="f-q" name="q" value={props.query.q ?? ''} maxLength={100} />
        <button type="submit">查询</button>
      </form>
      <p>共{props.total}条。</p>
      {props.rows.length === 0 ? <p class="empty">没有符合条件的信息。</p> : (
        <div class="table-scroll">
          <table class="data">
            <thead><tr><th scope="col">标题</th><th scope="col">单位</th><th scope="col">类别</th><th scope="col">状态</th><th scope="col">索引号</th><th scope="col">发布日期</th><th scope="col">更新时间</th></tr></thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <td><a href={`/console/publications/${r.id}`}>{r.title}</a>{r.validity !== 'valid' && <span class="tag">{VALIDITY_LABELS[r.validity]}</span>}</td>
                  <td>{agencyName.get(r.agency_id) ?? ''}</td>
                  <td>{infoKindLabel(r.info_kind)}</td>
                  <td>{itemStatusText(r)}</td>
                  <td>{r.index_number ?? ''}</td>
                  <td>{r.published_date ?? ''}</td>
                  <td>{beijingTime(r.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={props.page} pages={pages} href={link} />
    </section>
  );
}

export function ReviewQueuePage(props: { rows: Array<Pick<PublicationItem, 'id' | 'title' | 'review_stage' | 'stages_required' | 'status' | 'live_version' | 'updated_at'>> }) {
  return (
    <section>
      <h1>待我审核的信息</h1>
      {props.rows.length === 0 ? <p class="empty">目前没有等待您审核的信息。</p> : (
        <table class="data">
          <thead><tr><th scope="col">标题</th><th scope="col">环节</th><th scope="col">提交时间</th></tr></thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td><a href={`/console/publications/${r.id}`}>{r.title}</a></td>
                <td>{itemStatusText(r)}</td>
                <td>{beijingTime(r.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p><a href="/console/publications">返回信息列表</a></p>
    </section>
  );
}

/** The item form (new and edit): the working copy's metadata and body. */
export function ItemFormPage(props: {
  action: string;
  title: string;
  agencies: Agency[];
  agencyId: number | null;
  columns: PublicationColumn[];
  values: Values;
  csrfToken: string;
  error?: string;
  fields?: FieldError[];
  correcting?: boolean;
}) {
  const values = props.values;
  return (
    <section>
      <h1>{props.title}</h1>
      {props.correcting && <p class="notice">该信息已发布。保存后形成修改稿，须重新经过审核；审核通过前公众仍看到原发布的版本。</p>}
      {!props.agencyId ? (
        <form method="get" action="/console/publications/new" class="form narrow">
          <label for="agencyId">起草单位</label>
          <select id="agencyId" name="agencyId">{props.agencies.map((a) => <option value={String(a.id)}>{a.name}</option>)}</select>
          <button type="submit">下一步</button>
        </form>
      ) : props.columns.length === 0 ? (
        <p class="notice" role="alert">本单位尚未设置栏目，请先由单位管理员在<a href={`/console/publications/columns?agencyId=${props.agencyId}`}>栏目管理</a>中添加栏目。</p>
      ) : (
        <form method="post" action={props.action} class="form">
          <CsrfField token={props.csrfToken} />
          <FormErrors message={props.error} fields={props.fields} />
          <Field id="title" label="标题"><input id="title" name="title" required maxLength={300} value={val(values, 'title')} /></Field>
          <Field id="columnId" label="栏目">
            <select id="columnId" name="columnId" required>
              {columnTree(props.columns).map((c) => <option value={String(c.id)} selected={val(values, 'columnId') === String(c.id)}>{'　'.repeat(c.depth)}{c.name}（{columnKindLabel(c.kind)}）</option>)}
            </select>
          </Field>
          <Field id="infoKind" label="信息类别">
            <select id="infoKind" name="infoKind" required>
              {Object.entries(INFO_KINDS as Record<string, string>).map(([k, label]) => <option value={k} selected={val(values, 'infoKind') === k}>{label}</option>)}
            </select>
          </Field>
          <Field id="subjectCategory" label="主题分类">
            <select id="subjectCategory" name="subjectCategory">
              <option value="">请选择</option>
              {(SUBJECT_CATEGORIES as readonly string[]).map((c) => <option value={c} selected={val(values, 'subjectCategory') === c}>{c}</option>)}
            </select>
          </Field>
          <Field id="bodyHtml" label="正文" hint="可直接粘贴 Word/WPS 中的内容（HTML），也可输入纯文本（空行分段）。保存时会清除脚本、样式等不安全内容。">
            <textarea id="bodyHtml" name="bodyHtml" rows={18} aria-describedby="bodyHtml-hint">{val(values, 'bodyHtml')}</textarea>
          </Field>
          <fieldset class="roles">
            <legend>目录信息</legend>
            <Field id="issuingAgency" label="发布机构（默认为本单位）"><input id="issuingAgency" name="issuingAgency" maxLength={200} value={val(values, 'issuingAgency')} /></Field>
            <Field id="documentNumber" label="文号" hint="如：沾政办发〔2022〕12号；规章如：XX人民政府令第1号"><input id="documentNumber" name="documentNumber" maxLength={100} value={val(values, 'documentNumber')} aria-describedby="documentNumber-hint" /></Field>
            <Field id="writtenDate" label="成文日期"><input id="writtenDate" name="writtenDate" type="date" value={val(values, 'writtenDate')} /></Field>
            <Field id="madeOn" label="信息形成（变更）日期" hint="《条例》第二十六条：自形成或者变更之日起20个工作日内公开"><input id="madeOn" name="madeOn" type="date" value={val(values, 'madeOn')} aria-describedby="madeOn-hint" /></Field>
            <Field id="interpretsItemId" label="所解读的文件编号（政策解读填写）" hint="填写被解读文件在本系统中的信息编号（信息详情页地址中的数字）"><input id="interpretsItemId" name="interpretsItemId" inputMode="numeric" maxLength={10} value={val(values, 'interpretsItemId')} aria-describedby="interpretsItemId-hint" /></Field>
            <Field id="sourceName" label="转载来源（转载信息填写）"><input id="sourceName" name="sourceName" maxLength={200} value={val(values, 'sourceName')} /></Field>
            <Field id="sourceUrl" label="来源网址"><input id="sourceUrl" name="sourceUrl" maxLength={500} value={val(values, 'sourceUrl')} /></Field>
            <Field id="scheduledFor" label="定时发布（北京时间，可不填）"><input id="scheduledFor" name="scheduledFor" type="datetime-local" value={val(values, 'scheduledFor')} /></Field>
          </fieldset>
          <button type="submit">保存</button>
        </form>
      )}
    </section>
  );
}

function Findings(props: { findings: PublicationFinding[] }) {
  if (props.findings.length === 0) return <p class="ok-note">自动检查未发现问题。</p>;
  return (
    <ul class="findings">
      {props.findings.map((f) => (
        <li class={f.severity === 'block' ? 'hard' : 'soft'}>
          <strong>{f.severity === 'block' ? '须处理' : '提醒'}</strong>（{f.where}）{f.message}
        </li>
      ))}
    </ul>
  );
}

const verdictLabel = (v: string) => (v === 'pass' ? '通过' : '不通过');

/** One item: its metadata, body, checks, review history and the actions open to this actor. */
export function ItemDetailPage(props: { actor: Actor; detail: ItemDetail; csrfToken: string; error?: string; fields?: FieldError[]; refusal: string | null }) {
  const { item, attachments, reviews, versions, findings } = props.detail;
  const canDraft = publicationPolicy.draft(props.actor, item.agency_id);
  const editable = canDraft && (item.status === 'draft' || item.status === 'published');
  const reviewing = item.status === 'review' && item.review_stage !== null && publicationPolicy.review(props.actor, item.agency_id);
  const final = item.review_stage !== null && isFinalStage(item.stages_required, item.review_stage);
  const blockers = findings.filter((f) => f.severity === 'block');
  const round = reviews.filter((r) => r.round === item.review_round);
  const lastReject = [...reviews].reverse().find((r) => r.decision === 'reject');
  return (
    <section>
      <h1>{item.title}</h1>
      <p>
        状态：<strong>{itemStatusText(item)}</strong>
        {item.live_version > 0 && !item.withdrawn_at && <> · <a href={`/items/${item.id}`}>在门户网站查看</a></>}
      </p>
      <FormErrors message={props.error} fields={props.fields} />
      {item.status === 'draft' && lastReject && lastReject.round === item.review_round && (
        <div class="notice" role="alert">
          <p>{stageLabel(item.stages_required, lastReject.stage)}退回（{lastReject.reviewer_name}，{beijingTime(lastReject.at)}）：{lastReject.comment}</p>
        </div>
      )}
      <table class="data">
        <caption>目录信息</caption>
        <tbody>
          <tr><th scope="row">索引号</th><td>{item.index_number ?? '（发布时生成）'}</td></tr>
          <tr><th scope="row">单位 / 栏目</th><td>{props.detail.agencyName} / {props.detail.column?.name ?? ''}</td></tr>
          <tr><th scope="row">信息类别</th><td>{infoKindLabel(item.info_kind)}</td></tr>
          <tr><th scope="row">主题分类</th><td>{item.subject_category ?? ''}</td></tr>
          <tr><th scope="row">发布机构</th><td>{item.issuing_agency}</td></tr>
          <tr><th scope="row">文号</th><td>{item.document_number ?? ''}</td></tr>
          <tr><th scope="row">成文日期</th><td>{item.written_date ?? ''}</td></tr>
          <tr><th scope="row">形成（变更）日期</th><td>{item.made_on ?? ''}</td></tr>
          <tr><th scope="row">发布日期</th><td>{item.published_date ?? ''}{item.scheduled_for && `（定时：${beijingTime(item.scheduled_for).slice(0, 16)}）`}</td></tr>
          <tr><th scope="row">有效性</th><td>{VALIDITY_LABELS[item.validity]}{item.validity_on && `（${item.validity_on}）`}</td></tr>
          {item.source_name && <tr><th scope="row">转载来源</th><td>{item.source_name} {item.source_url}</td></tr>}
          {props.detail.interprets && <tr><th scope="row">所解读的文件</th><td><a href={`/console/publications/${props.detail.interprets.id}`}>{props.detail.interprets.title}</a></td></tr>}
          {props.detail.interpretations.length > 0 && (
            <tr><th scope="row">政策解读</th><td>{props.detail.interpretations.map((i) => <><a href={`/console/publications/${i.id}`}>{i.title}</a>{' '}</>)}</td></tr>
          )}
          {item.withdrawn_at && <tr><th scope="row">撤回</th><td>{beijingTime(item.withdrawn_at)}：{item.withdrawal_reason}</td></tr>}
        </tbody>
      </table>

      <h2>自动检查</h2>
      <Findings findings={findings} />

      <h2>正文</h2>
      <div class="item-body" dangerouslySetInnerHTML={{ __html: item.body_html }} />

      <h2>附件</h2>
      {attachments.length === 0 ? <p class="empty">无附件。</p> : (
        <ul>
          {attachments.map((a) => (
            <li>
              <a href={`/console/publications/${item.id}/attachments/${a.id}`}>{a.file_name}</a>（{Math.ceil(a.size / 1024)} KB{a.text === null ? '，未能提取文字' : ''}）
              {editable && (
                <form method="post" action={`/console/publications/${item.id}/attachments/${a.id}/delete`} class="inline">
                  <CsrfField token={props.csrfToken} />
                  <button type="submit" class="link">删除</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form method="post" action={`/console/publications/${item.id}/attachments`} enctype="multipart/form-data" class="form narrow">
          <CsrfField token={props.csrfToken} />
          <label for="file">上传附件（PDF、DOC/DOCX、XLS/XLSX、OFD、WPS、图片，不超过10MB）</label>
          <input id="file" name="file" type="file" required />
          <button type="submit">上传</button>
        </form>
      )}

      {editable && (
        <>
          <h2>起草人操作</h2>
          <p><a class="button" href={`/console/publications/${item.id}/edit`}>{item.status === 'published' ? '修改（更正）' : '编辑'}</a></p>
          {item.status === 'draft' && (
            <form method="post" action={`/console/publications/${item.id}/submit`} class="form narrow">
              <CsrfField token={props.csrfToken} />
              {item.live_version > 0 && (
                <>
                  <label for="correctionNote">修改说明（公众可见）</label>
                  <input id="correctionNote" name="correctionNote" required maxLength={1000} />
                </>
              )}
              <button type="submit">提交审核</button>
            </form>
          )}
        </>
      )}

      {reviewing && (
        <>
          <h2>{stageLabel(item.stages_required, item.review_stage!)}</h2>
          {props.refusal ? <p class="notice">{props.refusal}</p> : (
            <form method="post" action={`/console/publications/${item.id}/review`} class="form">
              <CsrfField token={props.csrfToken} />
              {REVIEW_ASPECTS.map((a) => (
                <fieldset class="roles">
                  <legend>{a.label}：{a.question}</legend>
                  <label class="check"><input type="radio" name={a.key} value="pass" required /> 通过</label>
                  <label class="check"><input type="radio" name={a.key} value="fail" /> 不通过</label>
                </fieldset>
              ))}
              <label for="comment">审核意见（退回时必填）</label>
              <textarea id="comment" name="comment" rows={3} maxLength={2000}></textarea>
              {final && blockers.length > 0 && (
                <>
                  <label for="overrideReason">确认理由（自动检查发现须处理的问题；确认无误仍要发布时填写）</label>
                  <textarea id="overrideReason" name="overrideReason" rows={2} maxLength={1000}></textarea>
                </>
              )}
              <fieldset class="roles">
                <legend>审核结论</legend>
                <label class="check"><input type="radio" name="decision" value="approve" required /> {final ? (item.scheduled_for ? '同意，按定时发布' : '同意发布') : '同意，送下一环节'}</label>
                <label class="check"><input type="radio" name="decision" value="reject" /> 退回修改</label>
              </fieldset>
              <button type="submit">提交审核意见</button>
            </form>
          )}
        </>
      )}

      {item.live_version > 0 && !item.withdrawn_at && publicationPolicy.withdraw(props.actor, item.agency_id) && (
        <details>
          <summary>撤回该信息</summary>
          <form method="post" action={`/console/publications/${item.id}/withdraw`} class="form narrow">
            <CsrfField token={props.csrfToken} />
            <label for="reason">撤回理由</label>
            <textarea id="reason" name="reason" rows={2} required maxLength={1000}></textarea>
            <button type="submit">撤回（从门户网站撤下，保留记录）</button>
          </form>
        </details>
      )}

      <h2>审核记录</h2>
      {reviews.length === 0 ? <p class="empty">尚无审核记录。</p> : (
        <table class="data">
          <thead><tr><th scope="col">轮次</th><th scope="col">环节</th><th scope="col">审核人</th><th scope="col">涉密性</th><th scope="col">准确性</th><th scope="col">时效性</th><th scope="col">结论</th><th scope="col">意见</th><th scope="col">时间</th></tr></thead>
          <tbody>
            {reviews.map((r) => (
              <tr>
                <td>{r.round}</td>
                <td>{stageLabel(item.stages_required, r.stage)}</td>
                <td>{r.reviewer_name}</td>
                <td>{verdictLabel(r.confidentiality)}</td>
                <td>{verdictLabel(r.accuracy)}</td>
                <td>{verdictLabel(r.timeliness)}</td>
                <td>{r.decision === 'approve' ? '同意' : '退回'}</td>
                <td>{r.comment ?? ''}{r.override_reason && `（确认理由：${r.override_reason}）`}</td>
                <td>{beijingTime(r.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {round.length > 0 && item.status === 'review' && <p class="hint">本轮已完成{round.filter((r) => r.decision === 'approve').length}个环节。</p>}

      {versions.length > 0 && (
        <>
          <h2>发布版本</h2>
          <ol>
            {versions.map((v) => <li>第{v.version}版，{beijingTime(v.published_at)}，{v.published_by}{v.correction_note && `：${v.correction_note}`}</li>)}
          </ol>
        </>
      )}
    </section>
  );
}

export function ColumnsPage(props: { agencies: Agency[]; agency: Agency; columns: PublicationColumn[]; canManage: boolean; csrfToken: string; error?: string; fields?: FieldError[] }) {
  const tree = columnTree(props.columns);
  const kinds = Object.entries(COLUMN_KINDS as Record<string, { label: string; maxDaysStale: number | null }>);
  const parentSelect = (id: string, selected: number | null, self: number | null) => (
    <select id={id} name="parentId">
      <option value="">（顶级栏目）</option>
      {tree.filter((c) => c.id !== self).map((c) => <option value={String(c.id)} selected={selected === c.id}>{'　'.repeat(c.depth)}{c.name}</option>)}
    </select>
  );
  return (
    <section>
      <h1>栏目管理：{props.agency.name}</h1>
      <form method="get" action="/console/publications/columns" class="filters">
        <label for="agencyId">单位</label>
        <select id="agencyId" name="agencyId">{props.agencies.map((a) => <option value={String(a.id)} selected={a.id === props.agency.id}>{a.name}</option>)}</select>
        <button type="submit">查看</button>
      </form>
      <FormErrors message={props.error} fields={props.fields} />
      {tree.length === 0 ? <p class="empty">尚未设置栏目。</p> : (
        <table class="data">
          <thead><tr><th scope="col">栏目</th><th scope="col">类型（更新要求）</th><th scope="col">排序</th>{props.canManage && <th scope="col">操作</th>}</tr></thead>
          <tbody>
            {tree.map((c) => {
              const kind = (COLUMN_KINDS as Record<string, { label: string; maxDaysStale: number | null }>)[c.kind];
              return (
                <tr>
                  <td class={`indent-${Math.min(c.depth, 3)}`}><a href={`/columns/${c.id}`}>{c.name}</a></td>
                  <td>{kind?.label ?? c.kind}{kind?.maxDaysStale ? `（${kind.maxDaysStale}天内须更新）` : ''}</td>
                  <td>{c.sort_order}</td>
                  {props.canManage && (
                    <td>
                      <details>
                        <summary>修改</summary>
                        <form method="post" action={`/console/publications/columns/${c.id}`} class="form narrow">
                          <CsrfField token={props.csrfToken} />
                          <label for={`n-${c.id}`}>名称</label>
                          <input id={`n-${c.id}`} name="name" required maxLength={100} value={c.name} />
                          <label for={`k-${c.id}`}>类型</label>
                          <select id={`k-${c.id}`} name="kind">{kinds.map(([k, v]) => <option value={k} selected={k === c.kind}>{v.label}</option>)}</select>
                          <label for={`p-${c.id}`}>上级栏目</label>
                          {parentSelect(`p-${c.id}`, c.parent_id, c.id)}
                          <label for={`s-${c.id}`}>排序</label>
                          <input id={`s-${c.id}`} name="sortOrder" inputMode="numeric" value={String(c.sort_order)} maxLength={4} />
                          <button type="submit">保存</button>
                        </form>
                        <form method="post" action={`/console/publications/columns/${c.id}/delete`} class="inline">
                          <CsrfField token={props.csrfToken} />
                          <button type="submit" class="link">删除（仅限空栏目）</button>
                        </form>
                      </details>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.canManage && (
        <form method="post" action={`/console/publications/columns?agencyId=${props.agency.id}`} class="form narrow">
          <CsrfField token={props.csrfToken} />
          <h2>添加栏目</h2>
          <label for="name">名称</label>
          <input id="name" name="name" required maxLength={100} />
          <label for="kind">类型</label>
          <select id="kind" name="kind">{kinds.map(([k, v]) => <option value={k}>{v.label}{v.maxDaysStale ? `（${v.maxDaysStale}天内须更新）` : ''}</option>)}</select>
          <label for="parentId">上级栏目</label>
          {parentSelect('parentId', null, null)}
          <label for="sortOrder">排序</label>
          <input id="sortOrder" name="sortOrder" inputMode="numeric" maxLength={4} />
          <button type="submit">添加</button>
        </form>
      )}
    </section>
  );
}

export function SettingsPage(props: {
  actor: Actor;
  agencies: Agency[];
  phrases: Array<{ id: number | null; wrong: string; correct: string; note: string | null }>;
  builtIn: boolean;
  csrfToken: string;
  error?: string;
  fields?: FieldError[];
}) {
  const canPhrases = publicationPolicy.manageWrongPhrases(props.actor);
  return (
    <section>
      <h1>审核设置与严重表述错误词表</h1>
      <FormErrors message={props.error} fields={props.fields} />
      <h2>审核环节</h2>
      <p>默认每条信息须经初审、复审、终审三个环节，由三位不同人员审核。经公开办同意，单位可减少审核环节（终审始终保留）。</p>
      <table class="data">
        <thead><tr><th scope="col">单位</th><th scope="col">审核环节</th><th scope="col">公开办同意减少</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr>
              <td>{a.name}</td>
              <td>{a.review_stages}个</td>
              <td>{a.fewer_stages_allowed ? '已同意' : '未同意'}</td>
              <td>
                {publicationPolicy.allowFewerStages(props.actor, a.id) && (
                  <form method="post" action={`/console/publications/settings/agencies/${a.id}/allow`} class="inline">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="allowed" value={a.fewer_stages_allowed ? 'false' : 'true'} />
                    <button type="submit" class="link">{a.fewer_stages_allowed ? '取消同意' : '同意减少'}</button>
                  </form>
                )}
                {publicationPolicy.setStages(props.actor, a.id) && a.fewer_stages_allowed === 1 && (
                  <form method="post" action={`/console/publications/settings/agencies/${a.id}/stages`} class="inline">
                    <CsrfField token={props.csrfToken} />
                    <label for={`st-${a.id}`} class="visually-hidden">环节数</label>
                    <select id={`st-${a.id}`} name="stages">{[3, 2, 1].map((n) => <option value={String(n)} selected={a.review_stages === n}>{n}个环节</option>)}</select>
                    <button type="submit" class="link">设置</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>严重表述错误词表</h2>
      {props.builtIn && <p class="notice">公开办尚未配置词表，目前使用内置默认词表。添加第一个词条后，以公开办配置的词表为准。</p>}
      <table class="data">
        <thead><tr><th scope="col">错误表述</th><th scope="col">正确表述</th><th scope="col">说明</th>{canPhrases && !props.builtIn && <th scope="col">操作</th>}</tr></thead>
        <tbody>
          {props.phrases.map((p) => (
            <tr>
              <td>{p.wrong}</td>
              <td>{p.correct}</td>
              <td>{p.note ?? ''}</td>
              {canPhrases && !props.builtIn && p.id !== null && (
                <td>
                  <form method="post" action={`/console/publications/settings/phrases/${p.id}/delete`} class="inline">
                    <CsrfField token={props.csrfToken} />
                    <button type="submit" class="link">删除</button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canPhrases && (
        <form method="post" action="/console/publications/settings/phrases" class="form narrow">
          <CsrfField token={props.csrfToken} />
          <h3>添加或修改词条</h3>
          <label for="wrong">错误表述</label>
          <input id="wrong" name="wrong" required maxLength={100} />
          <label for="correct">正确表述</label>
          <input id="correct" name="correct" required maxLength={200} />
          <label for="note">说明</label>
          <input id="note" name="note" maxLength={300} />
          <button type="submit">保存词条</button>
        </form>
      )}
    </section>
  );
}
