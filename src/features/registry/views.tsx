/** Console pages of 政府信息管理: the register, one entry, the yearly figures. */
import type { Agency } from '../../db/schema.js';
import { DECISION_KINDS, FIGURE_KEYS, FIGURE_LABELS, DECISION_KIND_LABELS } from '../../domain/registry/decisions.js';
import {
  daysUntilExpiry, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, DOCUMENT_STATUS_LABELS, documentStatusOn, EXPIRY_WARNING_DAYS, expiryDateAfter, validityWarnings,
} from '../../domain/registry/documents.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import { SECTION2_ORIGIN_LABELS, type Section2Figures } from './report-figures.js';
import type { LinkedItem, RegistryDocument, RegistryFigure } from './repository.js';
import { datesOf, REGISTER_LIST_LIMIT } from './service.js';

type Values = Record<string, unknown>;
const v = (values: Values, k: string) => (typeof values[k] === 'string' ? (values[k] as string) : typeof values[k] === 'number' ? String(values[k]) : '');

export type RegistryTab = 'documents' | 'figures' | 'imports';

/** The page heading, the agency chooser and the three parts of 政府信息管理. */
export function RegistryHeader(props: { agencies: readonly AgencyNode[]; agency: Agency; tab: RegistryTab; year?: number }) {
  const id = props.agency.id;
  const tabs: Array<[RegistryTab, string, string]> = [
    ['documents', '规章和行政规范性文件', `/console/registry?agencyId=${id}`],
    ['figures', '年度数字', `/console/registry/figures?agencyId=${id}${props.year ? `&year=${props.year}` : ''}`],
    ['imports', '决定清单导入', `/console/registry/imports?agencyId=${id}`],
  ];
  const action = props.tab === 'documents' ? '/console/registry' : `/console/registry/${props.tab}`;
  return (
    <>
      <h1>政府信息管理 · {props.agency.name}</h1>
      {props.agencies.length > 1 && (
        <form method="get" action={action} class="filters">
          <label for="r-agency">单位</label>
          <select id="r-agency" name="agencyId">
            {props.agencies.map((a) => <option value={String(a.id)} selected={a.id === id}>{'　'.repeat(a.depth)}{a.name}</option>)}
          </select>
          {props.year !== undefined && <input type="hidden" name="year" value={String(props.year)} />}
          <button type="submit">切换</button>
        </form>
      )}
      <nav aria-label="政府信息管理" class="registry-tabs">
        <ul>
          {tabs.map(([tab, label, href]) => <li>{tab === props.tab ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>}</li>)}
        </ul>
      </nav>
    </>
  );
}

/** The status text of an entry today: 现行有效, 已废止（2025-06-30）, … */
function statusText(d: RegistryDocument, today: string): string {
  const status = documentStatusOn(datesOf(d), today);
  const on = status === 'repealed' ? d.repealed_on : status === 'expired' ? d.expired_on : status === 'lapsed' ? d.valid_until : null;
  return `${DOCUMENT_STATUS_LABELS[status]}${on ? `（${status === 'lapsed' ? '至' : ''}${on}）` : ''}`;
}

export interface RegisterFilter {
  kind?: string;
  on?: string;
  q?: string;
}

export function RegisterPage(props: {
  agencies: readonly AgencyNode[]; agency: Agency; documents: RegistryDocument[]; expiring: RegistryDocument[]; lapsed: RegistryDocument[];
  today: string; filter: RegisterFilter; canEdit: boolean;
}) {
  const { agency, today } = props;
  const filtered = Boolean(props.filter.kind || props.filter.on || props.filter.q);
  return (
    <section>
      <RegistryHeader agencies={props.agencies} agency={agency} tab="documents" />
      <p>
        登记本单位制发的规章和行政规范性文件，以及废止、失效和有效期。年度报告第二部分第（一）项按印发日期统计“本年制发件数”，
        按废止日期统计“本年废止件数”，按12月31日是否现行有效统计“现行有效件数”。关联了公开信息的文件废止或失效时，门户网站上的该信息同时标注“已废止”或“已失效”。
      </p>
      {(props.expiring.length > 0 || props.lapsed.length > 0) && (
        <div class="notice" role="status">
          {props.expiring.length > 0 && (
            <>
              <p><strong>{EXPIRY_WARNING_DAYS}天内有效期届满的文件（{props.expiring.length}件）</strong>：请及时评估，需要继续施行的重新制发或修订。</p>
              <ul class="warnings">
                {props.expiring.map((d) => (
                  <li><a href={`/console/registry/documents/${d.id}`}>{d.title}</a>{d.document_number ? `（${d.document_number}）` : ''}：有效期至{d.valid_until}，还有{daysUntilExpiry(datesOf(d), today)}天</li>
                ))}
              </ul>
            </>
          )}
          {props.lapsed.length > 0 && (
            <>
              <p><strong>有效期已届满、尚未登记失效的文件（{props.lapsed.length}件）</strong>：请登记失效（失效日期为有效期届满的次日）。</p>
              <ul class="warnings">
                {props.lapsed.map((d) => <li><a href={`/console/registry/documents/${d.id}`}>{d.title}</a>：有效期至{d.valid_until}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
      <form method="get" action="/console/registry" class="filters">
        <input type="hidden" name="agencyId" value={String(agency.id)} />
        <label for="f-kind">类别</label>
        <select id="f-kind" name="kind">
          <option value="">全部</option>
          {DOCUMENT_KINDS.map((k) => <option value={k} selected={props.filter.kind === k}>{DOCUMENT_KIND_LABELS[k]}</option>)}
        </select>
        <label for="f-on">在此日现行有效</label>
        <input id="f-on" name="on" type="date" value={props.filter.on ?? ''} />
        <label for="f-q">标题或文号</label>
        <input id="f-q" name="q" maxLength={100} value={props.filter.q ?? ''} />
        <button type="submit">筛选</button>
        {filtered && <a href={`/console/registry?agencyId=${agency.id}`}>清除筛选</a>}
      </form>
      {props.canEdit && <p><a class="button" href={`/console/registry/documents/new?agencyId=${agency.id}`}>登记文件</a></p>}
      {props.documents.length === 0 ? (
        <p class="empty">{filtered ? '没有符合条件的文件。' : '尚未登记规章或行政规范性文件。'}</p>
      ) : (
        <table class="data">
          <caption>
            {props.documents.length >= REGISTER_LIST_LIMIT
              ? `只列出最近印发的${REGISTER_LIST_LIMIT}件，请用筛选条件缩小范围`
              : `${filtered ? '符合条件的' : '全部'}文件${props.documents.length}件${props.filter.on ? `（${props.filter.on}现行有效）` : ''}`}
          </caption>
          <thead>
            <tr><th scope="col">类别</th><th scope="col">标题</th><th scope="col">文号</th><th scope="col">印发日期</th><th scope="col">有效期至</th><th scope="col">状态（今天）</th><th scope="col">提示</th></tr>
          </thead>
          <tbody>
            {props.documents.map((d) => (
              <tr>
                <td>{DOCUMENT_KIND_LABELS[d.kind]}</td>
                <td><a href={`/console/registry/documents/${d.id}`}>{d.title}</a></td>
                <td>{d.document_number ?? ''}</td>
                <td>{d.issued_on}</td>
                <td>{d.valid_until ?? ''}</td>
                <td>{statusText(d, today)}</td>
                <td>{d.repealed_on || d.expired_on ? '' : validityWarnings(datesOf(d)).join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The fields of an entry (new and edit). */
function DocumentFields(props: { values: Values }) {
  const values = props.values;
  return (
    <>
      <label for="d-kind">类别</label>
      <select id="d-kind" name="kind" required>
        <option value="">请选择</option>
        {DOCUMENT_KINDS.map((k) => <option value={k} selected={v(values, 'kind') === k}>{DOCUMENT_KIND_LABELS[k]}</option>)}
      </select>
      <label for="d-title">标题</label>
      <input id="d-title" name="title" maxLength={300} required value={v(values, 'title')} />
      <label for="d-number">文号</label>
      <input id="d-number" name="documentNumber" maxLength={100} value={v(values, 'documentNumber')} aria-describedby="d-number-hint" />
      <p class="hint" id="d-number-hint">如：青政规〔2024〕3号。同一单位的文号不能重复。</p>
      <label for="d-issued">印发日期</label>
      <input id="d-issued" name="issuedOn" type="date" required value={v(values, 'issuedOn')} />
      <label for="d-effective">施行日期（可不填）</label>
      <input id="d-effective" name="effectiveOn" type="date" value={v(values, 'effectiveOn')} />
      <label for="d-valid">有效期至（可不填）</label>
      <input id="d-valid" name="validUntil" type="date" value={v(values, 'validUntil')} aria-describedby="d-valid-hint" />
      <p class="hint" id="d-valid-hint">文件载明的有效期的最后一天。行政规范性文件一般应载明有效期，通常不超过5年；未载明的不填，列表中会提示。</p>
      <label for="d-index">关联的公开信息索引号（可不填）</label>
      <input id="d-index" name="itemIndexNumber" maxLength={60} value={v(values, 'itemIndexNumber')} aria-describedby="d-index-hint" />
      <p class="hint" id="d-index-hint">填写本单位主动公开该文件时的索引号。文件废止或失效时，该公开信息同时标注“已废止”或“已失效”。</p>
      <label for="d-note">备注</label>
      <textarea id="d-note" name="note" rows={2} maxLength={2000}>{v(values, 'note')}</textarea>
    </>
  );
}

export function NewDocumentPage(props: { agencies: readonly AgencyNode[]; agency: Agency; csrfToken: string; values: Values; error?: string; fields?: FieldError[] }) {
  return (
    <section>
      <RegistryHeader agencies={[]} agency={props.agency} tab="documents" />
      <h2>登记文件</h2>
      <form method="post" action="/console/registry/documents" class="form">
        <FormErrors message={props.error} fields={props.fields} />
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="agencyId" value={String(props.agency.id)} />
        <DocumentFields values={props.values} />
        <button type="submit">登记</button>
      </form>
    </section>
  );
}

export function DocumentPage(props: {
  document: RegistryDocument; agency: Agency; item: LinkedItem | null; today: string; csrfToken: string; canEdit: boolean;
  values?: Values; error?: string; fields?: FieldError[]; failedForm?: 'edit' | 'repeal' | 'expire';
}) {
  const d = props.document;
  const status = documentStatusOn(datesOf(d), props.today);
  const ended = d.repealed_on !== null || d.expired_on !== null;
  const submitted: Values = props.values ?? {};
  const current: Values = {
    kind: d.kind, title: d.title, documentNumber: d.document_number ?? '', issuedOn: d.issued_on, effectiveOn: d.effective_on ?? '',
    validUntil: d.valid_until ?? '', itemIndexNumber: props.item?.index_number ?? '', note: d.note ?? '',
  };
  const values = props.failedForm === 'edit' ? submitted : current;
  const errorFor = (form: 'edit' | 'repeal' | 'expire') => (props.failedForm === form ? <FormErrors message={props.error} fields={props.fields} /> : null);
  const warnings = ended ? [] : validityWarnings(datesOf(d));
  return (
    <section>
      <h1>{d.title}</h1>
      <p><a href={`/console/registry?agencyId=${d.agency_id}`}>返回{props.agency.short_name}的文件登记</a></p>
      {/* An error of a form not shown (a repeal of a document already ended) is shown at the top. */}
      {(props.failedForm === undefined || (ended && props.failedForm !== 'edit')) && props.error && <FormErrors message={props.error} fields={props.fields} />}
      <table class="data">
        <tbody>
          <tr><th scope="row">类别</th><td>{DOCUMENT_KIND_LABELS[d.kind]}</td></tr>
          <tr><th scope="row">制发单位</th><td>{props.agency.name}</td></tr>
          <tr><th scope="row">文号</th><td>{d.document_number ?? '（未填写）'}</td></tr>
          <tr><th scope="row">印发日期</th><td>{d.issued_on}</td></tr>
          <tr><th scope="row">施行日期</th><td>{d.effective_on ?? '（未填写）'}</td></tr>
          <tr><th scope="row">有效期至</th><td>{d.valid_until ?? '（未载明）'}</td></tr>
          <tr><th scope="row">状态（今天）</th><td>{statusText(d, props.today)}</td></tr>
          {d.repealed_on && <tr><th scope="row">废止原因</th><td class="pre">{d.repeal_reason}</td></tr>}
          {d.expired_on && <tr><th scope="row">失效原因</th><td class="pre">{d.expiry_reason}</td></tr>}
          <tr>
            <th scope="row">公开信息</th>
            <td>{props.item ? `${props.item.title}（索引号${props.item.index_number ?? '尚未编号'}；门户网站显示：${props.item.validity === 'repealed' ? `已废止（${props.item.validity_on}）` : props.item.validity === 'expired' ? `已失效（${props.item.validity_on}）` : '有效'}）` : '未关联'}</td>
          </tr>
          {d.note && <tr><th scope="row">备注</th><td class="pre">{d.note}</td></tr>}
        </tbody>
      </table>
      {warnings.length > 0 && <p class="notice">{warnings.join('；')}</p>}
      {props.canEdit && !ended && (
        <>
          <form method="post" action={`/console/registry/documents/${d.id}/repeal`} class="form import">
            <h2>登记废止</h2>
            {errorFor('repeal')}
            <CsrfField token={props.csrfToken} />
            <label for="r-on">废止日期</label>
            <input id="r-on" name="on" type="date" required value={props.failedForm === 'repeal' ? v(submitted, 'on') : props.today} />
            <label for="r-reason">废止原因或依据</label>
            <textarea id="r-reason" name="reason" rows={2} maxLength={500} required>{props.failedForm === 'repeal' ? v(submitted, 'reason') : ''}</textarea>
            <button type="submit">登记废止</button>
          </form>
          <form method="post" action={`/console/registry/documents/${d.id}/expire`} class="form import">
            <h2>登记失效</h2>
            <p class="hint">有效期届满、或因上位法修改等原因不再施行的，登记失效。失效日期当天起不再计为现行有效。</p>
            {errorFor('expire')}
            <CsrfField token={props.csrfToken} />
            <label for="x-on">失效日期</label>
            <input id="x-on" name="on" type="date" required value={props.failedForm === 'expire' ? v(submitted, 'on') : d.valid_until && status === 'lapsed' ? expiryDateAfter(d.valid_until) : props.today} />
            <label for="x-reason">失效原因</label>
            <textarea id="x-reason" name="reason" rows={2} maxLength={500} required>{props.failedForm === 'expire' ? v(submitted, 'reason') : d.valid_until && status === 'lapsed' ? '有效期届满' : ''}</textarea>
            <button type="submit">登记失效</button>
          </form>
        </>
      )}
      {props.canEdit && (
        <form method="post" action={`/console/registry/documents/${d.id}`} class="form import">
          <h2>修改登记信息</h2>
          {errorFor('edit')}
          <CsrfField token={props.csrfToken} />
          <DocumentFields values={values} />
          <button type="submit">保存</button>
        </form>
      )}
    </section>
  );
}

export function FiguresPage(props: {
  agencies: readonly AgencyNode[]; agency: Agency; year: number; entered: RegistryFigure[]; section2: Section2Figures; csrfToken: string; canEdit: boolean;
  values?: Values; error?: string; fields?: FieldError[];
}) {
  const entered = new Map(props.entered.map((f) => [f.key, f]));
  const { section2, origins, importedDecisions } = props.section2;
  const values: Values = props.values ?? Object.fromEntries(FIGURE_KEYS.flatMap((k) => [[k, entered.get(k)?.value ?? ''], [`${k}Note`, entered.get(k)?.note ?? '']]));
  const cell = (value: number | null, path: string) => (value === null ? <span class="empty">（无记录，空白）</span> : <>{value}<span class="hint">（{SECTION2_ORIGIN_LABELS[origins[path]!]}）</span></>);
  const docRows = [['rules', '规章'], ['normativeDocs', '行政规范性文件']] as const;
  return (
    <section>
      <RegistryHeader agencies={props.agencies} agency={props.agency} tab="figures" year={props.year} />
      <form method="get" action="/console/registry/figures" class="filters">
        <input type="hidden" name="agencyId" value={String(props.agency.id)} />
        <label for="f-year">年度</label>
        <input id="f-year" name="year" type="number" min={2019} max={2100} value={String(props.year)} />
        <button type="submit">查看</button>
      </form>
      <h2>{props.year}年度报告第二部分（按现有记录）</h2>
      <p>“从记录计算”年度报告时，以下有记录的数字填入第二部分；没有记录的保持空白，由填报人填写。</p>
      <table class="data">
        <thead><tr><th scope="col">信息内容</th><th scope="col">本年制发件数</th><th scope="col">本年废止件数</th><th scope="col">现行有效件数</th></tr></thead>
        <tbody>
          {docRows.map(([item, label]) => (
            <tr><th scope="row">{label}</th>{(['issued', 'repealed', 'inForce'] as const).map((f) => <td>{cell(section2[item][f], `section2.${item}.${f}`)}</td>)}</tr>
          ))}
        </tbody>
      </table>
      <table class="data">
        <thead><tr><th scope="col">信息内容</th><th scope="col">本年处理决定数量 / 收费金额</th><th scope="col">导入的决定（本年）</th></tr></thead>
        <tbody>
          {DECISION_KINDS.map((k) => (
            <tr>
              <th scope="row">{DECISION_KIND_LABELS[k]}</th>
              <td>{cell(section2[k].decisions, `section2.${k}.decisions`)}</td>
              <td>{importedDecisions[k]}{entered.has(k) && importedDecisions[k] > 0 ? '（已填报年度数字，年报采用填报的数字）' : ''}</td>
            </tr>
          ))}
          <tr><th scope="row">行政事业性收费（万元）</th><td>{cell(section2.fees.amountWanYuan, 'section2.fees.amountWanYuan')}</td><td>—</td></tr>
        </tbody>
      </table>
      {props.canEdit && (
        <form method="post" action="/console/registry/figures" class="form">
          <h2>填报{props.year}年度数字</h2>
          <p class="hint">
            填报了年度数字的，年度报告采用填报的数字；不填的，行政许可、行政处罚、行政强制采用导入的决定清单中决定日期在本年度的件数。
            清空一项即删除该项填报的数字。收费金额以万元为单位，最多4位小数。
          </p>
          <FormErrors message={props.error} fields={props.fields} />
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="agencyId" value={String(props.agency.id)} />
          <input type="hidden" name="year" value={String(props.year)} />
          {FIGURE_KEYS.map((k) => (
            <fieldset class="roles">
              <legend>{FIGURE_LABELS[k]}</legend>
              <label for={`g-${k}`}>{k === 'fees' ? '金额（万元）' : '件数'}</label>
              <input id={`g-${k}`} name={k} inputMode={k === 'fees' ? 'decimal' : 'numeric'} maxLength={16} value={v(values, k)} />
              <label for={`g-${k}-note`}>数据来源（可不填）</label>
              <input id={`g-${k}-note`} name={`${k}Note`} maxLength={300} value={v(values, `${k}Note`)} />
              {entered.get(k) && <p class="hint">{entered.get(k)!.entered_by}填报于{entered.get(k)!.updated_at.slice(0, 10)}</p>}
            </fieldset>
          ))}
          <button type="submit">保存</button>
        </form>
      )}
    </section>
  );
}
