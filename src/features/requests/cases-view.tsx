/** The console page of reconsideration and litigation cases. */
import type { ReviewCase } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import { CASE_KIND_LABELS, CASE_RESULT_LABELS } from './cases.js';

export function CasesPage(props: { cases: ReviewCase[]; agencies: AgencyNode[]; csrfToken: string; canEdit: boolean; error?: string; fields?: FieldError[] }) {
  const name = new Map(props.agencies.map((a) => [a.id, a.short_name]));
  return (
    <section>
      <h1>行政复议、行政诉讼案件</h1>
      <p>记录因政府信息公开引起的行政复议和行政诉讼。年报第四部分按立案（申请）年度统计，年底前未审结的计为“尚未审结”。</p>
      <table class="data">
        <thead><tr><th scope="col">单位</th><th scope="col">类型</th><th scope="col">案号</th><th scope="col">立案日期</th><th scope="col">结果</th><th scope="col">审结日期</th></tr></thead>
        <tbody>
          {props.cases.map((c) => (
            <tr>
              <td>{name.get(c.agency_id) ?? c.agency_id}</td>
              <td>{CASE_KIND_LABELS[c.kind]}</td>
              <td>{c.case_number ?? ''}</td>
              <td>{c.filed_on}</td>
              <td>{c.result ? CASE_RESULT_LABELS[c.result] : '尚未审结'}</td>
              <td>{c.decided_on ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canEdit && (
        <form method="post" action="/console/requests/cases" class="form">
          <h2>登记案件</h2>
          <FormErrors message={props.error} fields={props.fields} />
          <CsrfField token={props.csrfToken} />
          <label for="c-agency">单位</label>
          <select id="c-agency" name="agencyId">{props.agencies.map((a) => <option value={String(a.id)}>{'　'.repeat(a.depth)}{a.name}</option>)}</select>
          <label for="c-kind">类型</label>
          <select id="c-kind" name="kind">{Object.entries(CASE_KIND_LABELS).map(([k, l]) => <option value={k}>{l}</option>)}</select>
          <label for="c-tracking">相关申请的受理编号（可不填）</label>
          <input id="c-tracking" name="trackingNumber" maxLength={40} />
          <label for="c-number">案号</label>
          <input id="c-number" name="caseNumber" maxLength={100} />
          <label for="c-filed">立案（申请）日期</label>
          <input id="c-filed" name="filedOn" type="date" required />
          <label for="c-result">结果（未审结不填）</label>
          <select id="c-result" name="result"><option value="">尚未审结</option>{Object.entries(CASE_RESULT_LABELS).map(([k, l]) => <option value={k}>{l}</option>)}</select>
          <label for="c-decided">审结日期</label>
          <input id="c-decided" name="decidedOn" type="date" />
          <label for="c-note">备注</label>
          <textarea id="c-note" name="note" rows={2} maxLength={2000} />
          <button type="submit">登记</button>
        </form>
      )}
    </section>
  );
}
