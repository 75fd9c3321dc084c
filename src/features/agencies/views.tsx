/** Console pages of agency administration. */
import type { Agency } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from './schemas.js';
import type { AgencyNode } from './tree.js';

export function AgencyListPage(props: { agencies: AgencyNode[]; canCreate: boolean }) {
  return (
    <section>
      <h1>单位管理</h1>
      {props.canCreate && <p><a class="button" href="/console/agencies/new">新增单位</a></p>}
      <table class="data">
        <caption>可见单位（按隶属关系排列）</caption>
        <thead>
          <tr><th scope="col">单位全称</th><th scope="col">类型</th><th scope="col">统一社会信用代码</th><th scope="col">索引号前缀</th></tr>
        </thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr>
              <td class={`indent-${Math.min(a.depth, 4)}`}><a href={`/console/agencies/${a.id}`}>{a.name}</a></td>
              <td>{AGENCY_KIND_LABELS[a.kind]}</td>
              <td>{a.credit_code ?? '未填写'}</td>
              <td>{a.index_code ?? '未设置'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface AgencyFormValues {
  name?: string;
  shortName?: string;
  kind?: string;
  parentId?: string | number | null;
  creditCode?: string | null;
  indexCode?: string | null;
  sortOrder?: string | number;
  officeName?: string | null;
  officeAddress?: string | null;
  officeHours?: string | null;
  postalCode?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  website?: string | null;
}

const CONTACT_FIELDS = [
  ['officeName', '政府信息公开工作机构（如：办公室）', 200],
  ['officeAddress', '办公地址', 300],
  ['officeHours', '办公时间', 200],
  ['postalCode', '邮政编码', 10],
  ['phone', '联系电话', 60],
  ['fax', '传真', 60],
  ['email', '电子邮箱', 200],
  ['website', '网址', 300],
] as const;

export function agencyFormValues(a: Agency): AgencyFormValues {
  return {
    name: a.name, shortName: a.short_name, kind: a.kind, parentId: a.parent_id, creditCode: a.credit_code, indexCode: a.index_code, sortOrder: a.sort_order,
    officeName: a.office_name, officeAddress: a.office_address, officeHours: a.office_hours, postalCode: a.postal_code, phone: a.phone, fax: a.fax, email: a.email, website: a.website,
  };
}

export function AgencyFormPage(props: {
  csrfToken: string;
  action: string;
  title: string;
  values: AgencyFormValues;
  parents: AgencyNode[];
  canEdit: boolean;
  error?: string | null;
  fields?: FieldError[];
}) {
  const v = props.values;
  const disabled = !props.canEdit;
  return (
    <section>
      <h1>{props.title}</h1>
      <FormErrors message={props.error} fields={props.fields} />
      <form method="post" action={props.action} class="form">
        <CsrfField token={props.csrfToken} />
        <fieldset disabled={disabled}>
          <label for="name">单位全称</label>
          <input id="name" name="name" required maxLength={200} value={v.name ?? ''} />
          <label for="shortName">简称</label>
          <input id="shortName" name="shortName" required maxLength={100} value={v.shortName ?? ''} />
          <label for="kind">单位类型</label>
          <select id="kind" name="kind" required>
            {AGENCY_KINDS.map((k) => (
              <option value={k} selected={v.kind === k}>{AGENCY_KIND_LABELS[k]}</option>
            ))}
          </select>
          <label for="parentId">上级单位</label>
          <select id="parentId" name="parentId">
            <option value="">（无：顶级单位）</option>
            {props.parents.map((p) => (
              <option value={String(p.id)} selected={String(v.parentId ?? '') === String(p.id)}>{'　'.repeat(p.depth)}{p.name}</option>
            ))}
          </select>
          <label for="creditCode">统一社会信用代码</label>
          <input id="creditCode" name="creditCode" maxLength={24} value={v.creditCode ?? ''} aria-describedby="cc-hint" />
          <p id="cc-hint" class="hint">18位，按GB 32100校验末位校验码。</p>
          <label for="indexCode">索引号前缀</label>
          <input id="indexCode" name="indexCode" maxLength={40} value={v.indexCode ?? ''} aria-describedby="ic-hint" />
          <p id="ic-hint" class="hint">用于生成本单位政府信息的索引号，留空则使用统一社会信用代码。</p>
          <label for="sortOrder">排序</label>
          <input id="sortOrder" name="sortOrder" inputMode="numeric" value={String(v.sortOrder ?? 0)} />
          <fieldset class="roles">
            <legend>政府信息公开工作机构及联系方式（公开指南中公布，第十二条）</legend>
            {CONTACT_FIELDS.map(([key, label, max]) => (
              <>
                <label for={key}>{label}</label>
                <input id={key} name={key} maxLength={max} value={(v[key] as string | null | undefined) ?? ''} />
              </>
            ))}
          </fieldset>
          {props.canEdit && <button type="submit">保存</button>}
        </fieldset>
      </form>
    </section>
  );
}
