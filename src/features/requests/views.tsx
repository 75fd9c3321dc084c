/** Pages of disclosure on request: the public form and status page, the console list and detail. */
import type { ComponentChildren } from 'preact';
import { SECTION3_COLUMN_LABELS, REQUESTER_COLUMNS, OUTCOME_ROWS_2021, type Section3RowKey } from '../../domain/report/format.js';
import { describeSection3Row } from '../../domain/report/model.js';
import { DEFAULT_CLARIFICATION_PERIOD_WORKING_DAYS } from '../../domain/calendar/index.js';
import { CHANNEL_LABELS, CHANNELS, REQUEST_EVENT_LABELS, REQUEST_STATE_LABELS, type RequestEventType } from '../../domain/requests/index.js';
import type { DisclosureRequest } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import { formatDateZh } from '../annual-reports/render/report-text.js';
import { beijingTime } from '../audit/views.js';
import { SUBMITTED } from './intake.js';
import { DELIVERY_WAY_LABELS, DELIVERY_WAYS, ID_TYPE_LABELS, ID_TYPES, PREFERRED_FORM_LABELS, PREFERRED_FORMS } from './schemas.js';
import type { RequestView } from './service.js';
import type { LetterKind } from '../../domain/requests/letters/kinds.js';
import { PLACEHOLDERS } from '../../domain/requests/letters/placeholders.js';
import { defaultTemplate } from '../../domain/requests/letters/templates.js';

export function stateLabel(state: string): string {
  return state === SUBMITTED ? '已提交，待受理确认' : REQUEST_STATE_LABELS[state as keyof typeof REQUEST_STATE_LABELS] ?? state;
}

/** 三（一） 予以公开, 三（三）1 属于国家秘密 …: an outcome as the report names it. */
export function outcomeLabel(outcome: string): string {
  return describeSection3Row(outcome as Section3RowKey);
}

type Values = Record<string, unknown>;
const v = (values: Values, k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');

function Field(props: { id: string; label: string; children: ComponentChildren; hint?: string }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.children}
    </>
  );
}

/** The requester's part of the form (public and staff intake). */
export function RequesterFields(props: { values: Values }) {
  const values = props.values;
  const sel = (name: string, options: readonly string[], labels: Record<string, string>, placeholder: string) => (
    <select id={name} name={name}>
      <option value="">{placeholder}</option>
      {options.map((o) => <option value={o} selected={v(values, name) === o}>{labels[o]}</option>)}
    </select>
  );
  return (
    <>
      <fieldset class="roles">
        <legend>申请人信息</legend>
        <Field id="requesterKind" label="申请人类型">
          {sel('requesterKind', REQUESTER_COLUMNS, { ...SECTION3_COLUMN_LABELS, naturalPerson: '公民（自然人）', otherOrg: '其他组织' }, '请选择')}
        </Field>
        <Field id="requesterName" label="姓名或名称"><input id="requesterName" name="requesterName" maxLength={200} value={v(values, 'requesterName')} /></Field>
        <Field id="idType" label="证件类型（公民填写）">{sel('idType', ID_TYPES, ID_TYPE_LABELS, '请选择')}</Field>
        <Field id="idNumber" label="证件号码（公民填写）"><input id="idNumber" name="idNumber" maxLength={40} value={v(values, 'idNumber')} autocomplete="off" /></Field>
        <Field id="creditCode" label="统一社会信用代码（法人或其他组织填写）"><input id="creditCode" name="creditCode" maxLength={24} value={v(values, 'creditCode')} /></Field>
        <Field id="phone" label="联系电话"><input id="phone" name="phone" type="tel" maxLength={30} value={v(values, 'phone')} /></Field>
        <Field id="email" label="电子邮箱"><input id="email" name="email" type="email" maxLength={200} value={v(values, 'email')} /></Field>
        <Field id="address" label="通信地址"><input id="address" name="address" maxLength={300} value={v(values, 'address')} /></Field>
      </fieldset>
      <fieldset class="roles">
        <legend>所需政府信息</legend>
        <Field id="description" label="所需政府信息的名称、文号或者便于查询的其他特征性描述" hint="请尽量具体：信息名称、文号、形成时间、制作机关等（《条例》第二十九条）。">
          <textarea id="description" name="description" rows={5} maxLength={5000} aria-describedby="description-hint">{v(values, 'description')}</textarea>
        </Field>
        <Field id="preferredForm" label="获取信息的形式">{sel('preferredForm', PREFERRED_FORMS, PREFERRED_FORM_LABELS, '请选择')}</Field>
        <Field id="deliveryWay" label="获取信息的方式">{sel('deliveryWay', DELIVERY_WAYS, DELIVERY_WAY_LABELS, '请选择')}</Field>
      </fieldset>
    </>
  );
}

export function PublicRequestForm(props: { csrfToken: string; agencies: AgencyNode[]; values: Values; error?: string | null; fields?: FieldError[] }) {
  return (
    <section class="narrow-wide">
      <h1>政府信息公开申请</h1>
      <p>依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向行政机关申请获取相关政府信息。提交后您会得到受理编号和查询码，可随时查询办理进度。</p>
      <FormErrors message={props.error} fields={props.fields} />
      <form method="post" action="/requests/new" class="form">
        <CsrfField token={props.csrfToken} />
        <Field id="agencyId" label="向哪个机关申请">
          <select id="agencyId" name="agencyId">
            <option value="">请选择</option>
            {props.agencies.map((a) => <option value={String(a.id)} selected={v(props.values, 'agencyId') === String(a.id)}>{'　'.repeat(a.depth)}{a.name}</option>)}
          </select>
        </Field>
        <RequesterFields values={props.values} />
        {/* A field people never see: a bot that fills it is refused. */}
        <div class="hp" aria-hidden="true">
          <label for="website">请勿填写此项</label>
          <input id="website" name="website" tabIndex={-1} autocomplete="off" />
        </div>
        <button type="submit">提交申请</button>
      </form>
    </section>
  );
}

export function SubmittedPage(props: { trackingNumber: string; queryCode: string; agencyName: string }) {
  return (
    <section class="narrow-wide">
      <h1>申请已提交</h1>
      <p>您向{props.agencyName}提交的政府信息公开申请已收到，工作人员确认受理后开始计算答复期限（《条例》第三十一条、第三十三条）。</p>
      <dl class="receipt">
        <dt>受理编号</dt><dd><code>{props.trackingNumber}</code></dd>
        <dt>查询码</dt><dd><code>{props.queryCode}</code></dd>
      </dl>
      <p class="notice">请妥善保存查询码：凭受理编号和查询码可查询办理进度、下载答复书。查询码只显示这一次。</p>
      <p><a href={`/requests/track?number=${encodeURIComponent(props.trackingNumber)}`}>查询办理进度</a></p>
    </section>
  );
}

export function TrackForm(props: { csrfToken: string; number?: string; error?: string }) {
  return (
    <section class="narrow">
      <h1>查询申请办理进度</h1>
      {props.error && <div class="errors" role="alert"><p>{props.error}</p></div>}
      <form method="post" action="/requests/track" class="form">
        <CsrfField token={props.csrfToken} />
        <label for="number">受理编号</label>
        <input id="number" name="number" maxLength={40} value={props.number ?? ''} required />
        <label for="code">查询码</label>
        <input id="code" name="code" maxLength={20} required autocomplete="off" />
        <button type="submit">查询</button>
      </form>
    </section>
  );
}

/** What the requester sees: state, due date, timeline (without internal notes), letters sent. */
export function TrackResult(props: { view: RequestView; csrfToken: string; code: string }) {
  const { request, clock, rows } = props.view;
  const sent = props.view.letters.filter((l) => l.status === 'sent' && !['consultationLetter', 'agencyConsultationLetter'].includes(l.kind));
  return (
    <section>
      <h1>申请办理进度</h1>
      <table class="data">
        <tbody>
          <tr><th scope="row">受理编号</th><td>{request.tracking_number}</td></tr>
          <tr><th scope="row">状态</th><td>{stateLabel(request.state)}</td></tr>
          {request.state !== SUBMITTED && <tr><th scope="row">收到申请之日</th><td>{formatDateZh(request.received_on)}</td></tr>}
          {clock?.dueDate && !request.handled_on && <tr><th scope="row">答复期限</th><td>{formatDateZh(clock.dueDate)}{clock.paused ? '（期限中止计算中）' : ''}</td></tr>}
          {request.outcome && <tr><th scope="row">办理结果</th><td>{outcomeLabel(request.outcome)}</td></tr>}
        </tbody>
      </table>
      <h2>办理过程</h2>
      <ol class="timeline">
        {rows.map((r) => <li><span class="date">{formatDateZh(r.on_date)}</span> {REQUEST_EVENT_LABELS[r.type as RequestEventType] ?? r.type}</li>)}
      </ol>
      {sent.length > 0 && (
        <>
          <h2>文书</h2>
          <ul>
            {sent.map((l) => (
              <li>
                {l.title}（{l.number}，{formatDateZh(l.sent_on!)}）
                <form method="post" action="/requests/track/letter" class="inline">
                  <CsrfField token={props.csrfToken} />
                  <input type="hidden" name="number" value={request.tracking_number} />
                  <input type="hidden" name="code" value={props.code} />
                  <input type="hidden" name="letterId" value={String(l.id)} />
                  <button type="submit" class="link">下载 Word</button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function RequestListPage(props: { rows: Array<DisclosureRequest & { agency_name: string }>; filter: Values; canRegister: boolean; today: string }) {
  return (
    <section>
      <h1>依申请公开</h1>
      {props.canRegister && <p><a class="button" href="/console/requests/new">登记申请（当面、信函、传真、电子邮件、口头）</a></p>}
      <p><a href="/console/requests/cases">行政复议、行政诉讼案件</a> · <a href="/console/requests/topics">多人申请的信息（第四十四条）</a> · <a href="/console/requests/import">导入历史申请</a> · <a href="/console/letter-templates">文书模板</a></p>
      <form method="get" action="/console/requests" class="filters">
        <label for="f-state">状态</label>
        <select id="f-state" name="state">
          <option value="">全部</option>
          <option value="open" selected={props.filter.state === 'open'}>未办结</option>
          <option value={SUBMITTED} selected={props.filter.state === SUBMITTED}>待受理确认</option>
        </select>
        <label for="f-due">期限</label>
        <select id="f-due" name="due">
          <option value="">全部</option>
          <option value="soon" selected={props.filter.due === 'soon'}>3个工作日内到期</option>
          <option value="overdue" selected={props.filter.due === 'overdue'}>已超期</option>
        </select>
        <label for="f-q">搜索</label>
        <input id="f-q" name="q" maxLength={100} value={v(props.filter, 'q')} />
        <button type="submit">筛选</button>
      </form>
      <table class="data">
        <caption>共{props.rows.length}件（最多显示200件）</caption>
        <thead><tr><th scope="col">受理编号</th><th scope="col">单位</th><th scope="col">申请人</th><th scope="col">收到日期</th><th scope="col">状态</th><th scope="col">答复期限</th></tr></thead>
        <tbody>
          {props.rows.map((r) => {
            const overdue = !r.handled_on && r.due_date !== null && r.due_date < props.today;
            return (
              <tr class={overdue ? 'overdue' : undefined}>
                <td><a href={`/console/requests/${r.id}`}>{r.tracking_number}</a></td>
                <td>{r.agency_name}</td>
                <td>{r.requester_name}</td>
                <td>{r.received_on}</td>
                <td>{stateLabel(r.state)}</td>
                <td>{r.handled_on ? '已办结' : r.due_date ?? '—'}{overdue && <strong class="hard">（已超期）</strong>}{!overdue && r.due_flag === 'dueSoon' && <strong class="soft">（即将到期）</strong>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function StaffIntakePage(props: { csrfToken: string; agencies: AgencyNode[]; values: Values; error?: string | null; fields?: FieldError[] }) {
  return (
    <section>
      <h1>登记政府信息公开申请</h1>
      <FormErrors message={props.error} fields={props.fields} />
      <form method="post" action="/console/requests/new" class="form">
        <CsrfField token={props.csrfToken} />
        <fieldset class="roles">
          <legend>受理</legend>
          <Field id="agencyId" label="受理单位">
            <select id="agencyId" name="agencyId">
              {props.agencies.map((a) => <option value={String(a.id)} selected={v(props.values, 'agencyId') === String(a.id)}>{'　'.repeat(a.depth)}{a.name}</option>)}
            </select>
          </Field>
          <Field id="channel" label="申请渠道">
            <select id="channel" name="channel">
              {CHANNELS.filter((c) => c !== 'online').map((c) => <option value={c} selected={v(props.values, 'channel') === c}>{CHANNEL_LABELS[c]}</option>)}
            </select>
          </Field>
          <p class="hint">收到申请之日（《条例》第三十一条）：当面或口头申请以提交之日为准；挂号信、快递以签收之日为准；平常信函以与申请人确认之日为准；传真、电子邮件以双方确认之日为准。</p>
          <Field id="submittedOn" label="提交日期（当面、口头）"><input id="submittedOn" name="submittedOn" type="date" value={v(props.values, 'submittedOn')} /></Field>
          <Field id="signedOn" label="签收日期（挂号信、快递）"><input id="signedOn" name="signedOn" type="date" value={v(props.values, 'signedOn')} /></Field>
          <Field id="confirmedOn" label="确认日期（平常信函、传真、电子邮件）"><input id="confirmedOn" name="confirmedOn" type="date" value={v(props.values, 'confirmedOn')} /></Field>
        </fieldset>
        <RequesterFields values={props.values} />
        <button type="submit">登记</button>
      </form>
    </section>
  );
}

const PARTY_LABELS = { thirdParty: '第三方', agency: '其他机关' };

/** One form per allowed step of the procedure. */
function EventForm(props: { type: RequestEventType; id: number; csrfToken: string; today: string }) {
  const { type } = props;
  const on = (label = '日期') => (<><label for={`${type}-on`}>{label}</label><input id={`${type}-on`} name="on" type="date" value={props.today} required /></>);
  const area = (name: string, label: string) => (<><label for={`${type}-${name}`}>{label}</label><textarea id={`${type}-${name}`} name={name} rows={3} required /></>);
  const line = (name: string, label: string) => (<><label for={`${type}-${name}`}>{label}</label><input id={`${type}-${name}`} name={name} required /></>);
  let fields: ComponentChildren;
  switch (type) {
    case 'registered': fields = on('确认受理日期（与申请人确认之日）'); break;
    case 'clarificationRequested': fields = <>{on('补正通知日期')}{area('items', '需要补正的事项')}<label for="c-due">补正期限（不填则为{DEFAULT_CLARIFICATION_PERIOD_WORKING_DAYS}个工作日）</label><input id="c-due" name="dueBy" type="date" /></>; break;
    case 'consultationStarted': fields = <>{on('发出征求意见函日期')}<label for="c-party">对象</label><select id="c-party" name="party">{Object.entries(PARTY_LABELS).map(([k, l]) => <option value={k}>{l}</option>)}</select>{line('with', '对象名称')}</>; break;
    case 'consultationEnded': fields = <>{on('收到意见日期')}{area('opinion', '意见')}</>; break;
    case 'extended': fields = <>{on('延期决定日期')}<label for="e-days">延长工作日数（不超过20）</label><input id="e-days" name="days" inputMode="numeric" required />{area('reason', '延期理由')}</>; break;
    case 'feeNoticed': fields = <>{on('收费通知日期')}<label for="f-method">收费方式</label><select id="f-method" name="method"><option value="perRequest">按件计收</option><option value="perPage">按量计收</option></select><label for="f-pages">页数（按量计收时填写）</label><input id="f-pages" name="pages" inputMode="numeric" /></>; break;
    case 'decided': fields = <>{on('决定日期')}<label for="d-outcome">办理结果</label><select id="d-outcome" name="outcome" required>{OUTCOME_ROWS_2021.map((o) => <option value={o}>{outcomeLabel(o)}</option>)}</select>{line('articles', '依据条款（如：第三十六条第（二）项）')}{area('reason', '理由')}<label for="d-withheld">不予公开的部分及理由（部分公开时填写，第三十七条）</label><textarea id="d-withheld" name="withheldParts" rows={2} /></>; break;
    case 'replied': fields = <>{on('答复日期')}{line('letterNumber', '答复书文号')}{line('delivery', '送达方式')}</>; break;
    case 'withdrawn': fields = <>{on('撤回日期')}{area('reason', '撤回理由')}</>; break;
    default: fields = on();
  }
  return (
    <details class="event-form">
      <summary>{REQUEST_EVENT_LABELS[type]}</summary>
      <form method="post" action={`/console/requests/${props.id}/events`} class="form">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="type" value={type} />
        {fields}
        <button type="submit">{REQUEST_EVENT_LABELS[type]}</button>
      </form>
    </details>
  );
}

const MISSING = /【未填写：([^】]+)】/g;

/** The request's letters: draft from the template, approval with a number, sending, download. */
function LettersSection(props: { view: RequestView; kinds: readonly LetterKind[]; csrfToken: string; canHandle: boolean; canApprove: boolean }) {
  const { request, letters } = props.view;
  const base = `/console/requests/${request.id}/letters`;
  const byKind = new Map(letters.map((l) => [l.kind, l]));
  const labelToName = new Map(Object.entries(PLACEHOLDERS).map(([name, spec]) => [spec.label, name]));
  return (
    <section aria-labelledby="letters">
      <h2 id="letters">文书</h2>
      {props.kinds.length === 0 && letters.length === 0 && <p class="empty">当前办理阶段尚不需要制作文书。</p>}
      <ul class="letters">
        {props.kinds.map((kind) => {
          const letter = byKind.get(kind);
          const paragraphs = letter ? (JSON.parse(letter.paragraphs) as string[]) : [];
          const missing = [...new Set(paragraphs.flatMap((p) => [...p.matchAll(MISSING)].map((m) => m[1]!)))];
          return (
            <li>
              <strong>{letter?.title ?? defaultTemplate(kind).title}</strong>
              {letter ? `：${letter.number ?? '草稿'}（${{ draft: '待签发', approved: '已签发，待发出', sent: `已于${letter.sent_on}发出` }[letter.status]}）` : '：尚未生成'}
              {letter && <> · <a href={`${base}/${letter.id}/view`}>查看</a> · <a href={`${base}/${letter.id}/docx`}>下载 Word</a></>}
              {props.canHandle && (!letter || letter.status === 'draft') && (
                <form method="post" action={base} class="form letter-draft">
                  <CsrfField token={props.csrfToken} />
                  <input type="hidden" name="kind" value={kind} />
                  {missing.map((label) => {
                    const name = labelToName.get(label) ?? label;
                    return <><label for={`v-${kind}-${name}`}>{label}</label><input id={`v-${kind}-${name}`} name={`v:${name}`} maxLength={2000} /></>;
                  })}
                  <button type="submit" class="secondary">{letter ? '补充后重新生成' : '生成文书'}</button>
                </form>
              )}
              {props.canApprove && letter?.status === 'draft' && missing.length === 0 && (
                <form method="post" action={`${base}/${letter.id}/approve`} class="inline"><CsrfField token={props.csrfToken} /><button type="submit">签发（编号）</button></form>
              )}
              {props.canHandle && letter?.status === 'approved' && (
                <form method="post" action={`${base}/${letter.id}/send`} class="inline"><CsrfField token={props.csrfToken} /><button type="submit">发出</button></form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function RequestDetailPage(props: { view: RequestView; csrfToken: string; canHandle: boolean; canApprove: boolean; today: string; error?: string | null; fields?: FieldError[]; letterKinds: readonly LetterKind[] }) {
  const { request, clock, rows, allowed } = props.view;
  const r = request;
  return (
    <section class="request-detail">
      <h1>申请 {r.tracking_number}</h1>
      <FormErrors message={props.error} fields={props.fields} />
      <div class="clock" role="status">
        <p><strong>{stateLabel(r.state)}</strong>{r.outcome && `：${outcomeLabel(r.outcome)}`}</p>
        {r.state !== SUBMITTED && <p>收到申请之日：{formatDateZh(r.received_on)}（{CHANNEL_LABELS[r.channel as keyof typeof CHANNEL_LABELS] ?? r.channel}）</p>}
        {clock?.dueDate && <p>答复期限：<strong>{formatDateZh(clock.dueDate)}</strong>{clock.daysLeft !== null && `，剩余${clock.daysLeft}个工作日`}{clock.overdue && <strong class="hard">（已超期）</strong>}{clock.dueSoon && <strong class="soft">（即将到期）</strong>}{clock.paused && '（期限中止计算中）'}</p>}
        {props.view.clockError && <p class="hard">{props.view.clockError}</p>}
        {clock && clock.basis.length > 0 && <details><summary>期限计算依据</summary><ul>{clock.basis.map((b) => <li>{b}</li>)}</ul></details>}
        {clock && clock.warnings.length > 0 && <ul class="warnings">{clock.warnings.map((w) => <li class="soft">{w}</li>)}</ul>}
      </div>
      <h2>申请内容</h2>
      <table class="data">
        <tbody>
          <tr><th scope="row">申请人</th><td>{r.requester_name}（{SECTION3_COLUMN_LABELS[r.requester_kind as keyof typeof SECTION3_COLUMN_LABELS] ?? r.requester_kind}）</td></tr>
          <tr><th scope="row">证件 / 信用代码</th><td>{r.requester_id_number ? `${ID_TYPE_LABELS[r.requester_id_type as keyof typeof ID_TYPE_LABELS] ?? ''} ${r.requester_id_number}` : r.requester_credit_code ?? '—'}</td></tr>
          <tr><th scope="row">联系方式</th><td>{[r.requester_phone, r.requester_email, r.requester_address].filter(Boolean).join('；')}</td></tr>
          <tr><th scope="row">所需信息</th><td class="pre">{r.description}</td></tr>
          <tr><th scope="row">形式与方式</th><td>{PREFERRED_FORM_LABELS[r.preferred_form as keyof typeof PREFERRED_FORM_LABELS] ?? r.preferred_form}，{DELIVERY_WAY_LABELS[r.delivery_way as keyof typeof DELIVERY_WAY_LABELS] ?? r.delivery_way}</td></tr>
        </tbody>
      </table>
      {props.view.repeats.length > 0 && (
        <div class="notice" role="note">
          <p><strong>同一申请人此前提出过相似的申请</strong>（可能属于重复申请，第三十六条第（六）项；大量反复申请见第三十五条）：</p>
          <ul>
            {props.view.repeats.map((m) => (
              <li><a href={`/console/requests/${m.id}`}>{m.trackingNumber}</a>（{formatDateZh(m.receivedOn)}，相似度{Math.round(m.similarity * 100)}%{m.outcome ? `，${outcomeLabel(m.outcome)}` : ''}）：{m.text.slice(0, 80)}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>办理过程</h2>
      <ol class="timeline">
        {rows.map((e) => {
          const data = JSON.parse(e.data) as Record<string, unknown>;
          const details = Object.entries(data).filter(([k]) => !['evidence', 'channel'].includes(k)).map(([k, val]) => `${k}：${Array.isArray(val) ? val.join('、') : String(val)}`).join('；');
          return <li><span class="date">{formatDateZh(e.on_date)}</span> <strong>{REQUEST_EVENT_LABELS[e.type as RequestEventType] ?? e.type}</strong>（{e.actor_name}，{beijingTime(e.at)}）{details && <div class="event-data">{details}</div>}</li>;
        })}
      </ol>
      {props.canApprove && r.handled_on && (
        <form method="post" action={`/console/requests/${r.id}/public-log`} class="inline">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="visible" value={r.public_log ? '0' : '1'} />
          <button type="submit" class="secondary">{r.public_log ? '取消在办理情况中公布' : '在依申请公开办理情况中公布（不含申请人信息，请先确认申请内容不含个人信息）'}</button>
        </form>
      )}
      <LettersSection view={props.view} kinds={props.letterKinds} csrfToken={props.csrfToken} canHandle={props.canHandle} canApprove={props.canApprove} />
      {props.canHandle && allowed.length > 0 && (
        <>
          <h2>下一步</h2>
          {allowed.filter((t) => t !== 'extended' || props.canApprove).map((t) => <EventForm type={t} id={r.id} csrfToken={props.csrfToken} today={props.today} />)}
          {allowed.includes('extended') && !props.canApprove && <p class="hint">延期答复须由机关负责人（审批人）办理（第三十三条）。</p>}
        </>
      )}
    </section>
  );
}
