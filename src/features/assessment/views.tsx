/** Console pages of the performance assessment: the score sheet, its items, the scoring of a manual item. */
import type { Agency } from '../../db/schema.js';
import { formatScore, RULE_EXPLANATIONS, RULE_KINDS, RULE_LABELS, type RuleKind } from '../../domain/assessment/rules.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import { sheetTitle } from './export.js';
import { isScoredByHand, type AssessmentItem, type AssessmentScore, type ScoreSheet } from './service.js';

type Values = Record<string, unknown>;
const v = (values: Values, k: string) => (typeof values[k] === 'string' ? (values[k] as string) : typeof values[k] === 'number' ? String(values[k]) : '');
const ruleOf = (rule: string): RuleKind => (rule in RULE_LABELS ? (rule as RuleKind) : 'manual');

export type AssessmentTab = 'sheet' | 'items';

/** The heading, the office and year chooser and the two parts. */
function AssessmentHeader(props: { offices: readonly Agency[]; office: Agency; year: number; tab: AssessmentTab }) {
  const { office, year } = props;
  const tabs: Array<[AssessmentTab, string, string]> = [
    ['sheet', '评分表', `/console/assessment?officeId=${office.id}&year=${year}`],
    ['items', '评分项设置', `/console/assessment/items?officeId=${office.id}&year=${year}`],
  ];
  return (
    <>
      <h1>绩效考核 · {year}年度</h1>
      <form method="get" action={props.tab === 'sheet' ? '/console/assessment' : '/console/assessment/items'} class="filters">
        {props.offices.length > 1 && (
          <>
            <label for="as-office">公开办</label>
            <select id="as-office" name="officeId">{props.offices.map((o) => <option value={String(o.id)} selected={o.id === office.id}>{o.name}</option>)}</select>
          </>
        )}
        {props.offices.length === 1 && <input type="hidden" name="officeId" value={String(office.id)} />}
        <label for="as-year">年度</label>
        <input id="as-year" name="year" type="number" min={2019} max={2100} value={String(year)} />
        <button type="submit">查看</button>
      </form>
      <nav aria-label="绩效考核" class="subnav">
        <ul>{tabs.map(([tab, label, href]) => <li>{tab === props.tab ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>}</li>)}</ul>
      </nav>
    </>
  );
}

export function SheetPage(props: { offices: readonly Agency[]; sheet: ScoreSheet; canConfigure: boolean }) {
  const { sheet } = props;
  const { office, year } = sheet;
  return (
    <section>
      <AssessmentHeader offices={props.offices} office={office} year={year} tab="sheet" />
      <p>评分表按平台中的记录即时计算（主动公开的发布时限、依申请公开的答复期限、年度报告的发布日期、检查整改的反馈期限），“公开办评分”项由公开办逐个单位评分。每项得分下面是计算依据。</p>
      {sheet.items.length === 0 ? (
        <p class="empty">
          {year}年度尚未设置评分项。{props.canConfigure && <a href={`/console/assessment/items?officeId=${office.id}&year=${year}`}>设置评分项</a>}
        </p>
      ) : (
        <>
          <p class="downloads"><a class="button" href={`/console/assessment/sheet.xlsx?officeId=${office.id}&year=${year}`}>下载评分表（Excel，可直接打印）</a></p>
          <div class="table-scroll">
            <table class="data score-sheet">
              <caption>{sheetTitle(sheet)}（满分{formatScore(sheet.maxTotal)}分，计算日期{sheet.today}）</caption>
              <thead>
                <tr>
                  <th scope="col">序号</th><th scope="col">单位</th>
                  {sheet.items.map((i) => <th scope="col">{i.name}<br /><span class="hint">{formatScore(i.max_score)}分</span></th>)}
                  <th scope="col">合计</th><th scope="col">排名</th>
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((r, k) => (
                  <tr>
                    <td>{k + 1}</td>
                    <th scope="row">{r.agency.name}</th>
                    {r.scores.map((s) => (
                      <td>
                        <strong class={s.score === null ? 'unscored' : undefined}>{s.score === null ? '未评分' : formatScore(s.score)}{s.provisional ? '（暂）' : ''}</strong>
                        <span class="basis">{s.detail}</span>
                      </td>
                    ))}
                    <td><strong>{formatScore(r.total)}</strong>{r.unscored > 0 && <span class="basis">{r.unscored}项未评分</span>}</td>
                    <td>{r.rank}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {sheet.rows.length === 0 && <p class="empty">本公开办的考核范围内没有单位。</p>}
        </>
      )}
    </section>
  );
}

/** The fields of an item (new and edit). */
function ItemFields(props: { values: Values; idPrefix: string }) {
  const { values, idPrefix: p } = props;
  const rule = v(values, 'rule');
  return (
    <>
      <label for={`${p}-name`}>评分项名称</label>
      <input id={`${p}-name`} name="name" maxLength={100} required value={v(values, 'name')} />
      <label for={`${p}-rule`}>计分方式</label>
      <select id={`${p}-rule`} name="rule" required>
        {RULE_KINDS.map((k) => <option value={k} selected={rule === k}>{RULE_LABELS[k]}</option>)}
      </select>
      <label for={`${p}-max`}>分值</label>
      <input id={`${p}-max`} name="maxScore" inputMode="decimal" maxLength={8} required value={v(values, 'maxScore')} />
      <label for={`${p}-deduction`}>每次扣分（“依申请公开逾期答复”“检查发现问题逾期未整改”须填写）</label>
      <input id={`${p}-deduction`} name="deduction" inputMode="decimal" maxLength={8} value={v(values, 'deduction')} />
      <label for={`${p}-order`}>序号（可不填）</label>
      <input id={`${p}-order`} name="sortOrder" inputMode="numeric" maxLength={3} value={v(values, 'sortOrder')} />
    </>
  );
}

const itemValues = (i: AssessmentItem): Values => ({
  name: i.name, rule: i.rule, maxScore: formatScore(i.max_score), deduction: i.deduction === null ? '' : formatScore(i.deduction), sortOrder: String(i.sort_order),
});

export interface FailedItemForm {
  /** 'new', 'setup', or the id of the item whose form failed. */
  form: 'new' | 'setup' | number;
  values: Values;
  error?: string;
  fields?: FieldError[];
}

export function ItemsPage(props: {
  offices: readonly Agency[]; office: Agency; year: number; items: AssessmentItem[]; previousYearItems: number; csrfToken: string; canConfigure: boolean; failed?: FailedItemForm;
}) {
  const { office, year, items, failed } = props;
  const total = items.reduce((sum, i) => sum + i.max_score, 0);
  const errorFor = (form: FailedItemForm['form']) => (failed?.form === form ? <FormErrors message={failed.error} fields={failed.fields} /> : null);
  return (
    <section>
      <AssessmentHeader offices={props.offices} office={office} year={year} tab="items" />
      <p>评分项由公开办设置：名称、分值和计分方式。除“公开办评分”外，各项按平台中的记录计算：</p>
      <dl class="rules">
        {RULE_KINDS.map((k) => <><dt>{RULE_LABELS[k]}</dt><dd>{RULE_EXPLANATIONS[k]}</dd></>)}
      </dl>
      {/* A start refused because the year already has items: its form is no longer shown. */}
      {items.length > 0 && errorFor('setup')}
      {items.length === 0 ? (
        <>
          <p class="empty">{year}年度尚未设置评分项。</p>
          {props.canConfigure && (
            <form method="post" action="/console/assessment/items/setup" class="form">
              {errorFor('setup')}
              <CsrfField token={props.csrfToken} />
              <input type="hidden" name="officeId" value={String(office.id)} />
              <input type="hidden" name="year" value={String(year)} />
              <fieldset>
                <legend>从以下评分项开始（之后可逐项修改）</legend>
                <label class="check"><input type="radio" name="from" value="default" checked={props.previousYearItems === 0} /> 默认评分项（5项，共100分）</label>
                {props.previousYearItems > 0 && <label class="check"><input type="radio" name="from" value="previous" checked /> 复制{year - 1}年度的评分项（{props.previousYearItems}项）</label>}
              </fieldset>
              <button type="submit">开始设置</button>
            </form>
          )}
        </>
      ) : (
        <table class="data">
          <caption>{year}年度评分项{items.length}项，合计{formatScore(total)}分</caption>
          <thead><tr><th scope="col">序号</th><th scope="col">评分项</th><th scope="col">计分方式</th><th scope="col">分值</th><th scope="col">每次扣分</th><th scope="col">评分</th></tr></thead>
          <tbody>
            {items.map((i) => (
              <tr>
                <td>{i.sort_order}</td>
                <td>{i.name}</td>
                <td>{RULE_LABELS[ruleOf(i.rule)]}</td>
                <td>{formatScore(i.max_score)}</td>
                <td>{i.deduction === null ? '' : formatScore(i.deduction)}</td>
                <td>{isScoredByHand(i) ? <a href={`/console/assessment/items/${i.id}/scores`}>{props.canConfigure ? '逐个单位评分' : '查看评分'}</a> : '按记录计算'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canConfigure && items.map((i) => (
        <details class="event-form" open={failed?.form === i.id}>
          <summary>修改“{i.name}”</summary>
          <form method="post" action={`/console/assessment/items/${i.id}`} class="form">
            {errorFor(i.id)}
            <CsrfField token={props.csrfToken} />
            <ItemFields values={failed?.form === i.id ? failed.values : itemValues(i)} idPrefix={`it${i.id}`} />
            <button type="submit">保存</button>
          </form>
          <form method="post" action={`/console/assessment/items/${i.id}/delete`} class="form">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="secondary">删除该评分项{isScoredByHand(i) ? '（已录入的评分一并删除）' : ''}</button>
          </form>
        </details>
      ))}
      {props.canConfigure && (
        <form method="post" action="/console/assessment/items" class="form import">
          <h2>增加评分项</h2>
          {errorFor('new')}
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="officeId" value={String(office.id)} />
          <input type="hidden" name="year" value={String(year)} />
          <ItemFields values={failed?.form === 'new' ? failed.values : { rule: 'manual' }} idPrefix="new" />
          <button type="submit">增加</button>
        </form>
      )}
    </section>
  );
}

export function ScoresPage(props: {
  item: AssessmentItem; office: Agency; agencies: readonly AgencyNode[]; scores: AssessmentScore[]; csrfToken: string; canConfigure: boolean;
  values?: Values; error?: string; fields?: FieldError[];
}) {
  const { item } = props;
  const stored = new Map(props.scores.map((s) => [s.agency_id, s]));
  const values: Values = props.values ?? Object.fromEntries(props.agencies.flatMap((a) => [[`s_${a.id}`, stored.has(a.id) ? formatScore(stored.get(a.id)!.score) : ''], [`n_${a.id}`, stored.get(a.id)?.note ?? '']]));
  return (
    <section>
      <h1>{item.year}年度“{item.name}”评分</h1>
      <p><a href={`/console/assessment/items?officeId=${item.office_id}&year=${item.year}`}>返回评分项设置</a> · <a href={`/console/assessment?officeId=${item.office_id}&year=${item.year}`}>查看评分表</a></p>
      <p>分值{formatScore(item.max_score)}分。得分可以有2位小数；清空即撤销该单位的评分。</p>
      <form method="post" action={`/console/assessment/items/${item.id}/scores`} class="form">
        <FormErrors message={props.error} fields={props.fields} />
        <CsrfField token={props.csrfToken} />
        <table class="data">
          <thead><tr><th scope="col">单位</th><th scope="col">得分</th><th scope="col">评分说明（可不填）</th></tr></thead>
          <tbody>
            {props.agencies.map((a) => (
              <tr>
                <td><label for={`s-${a.id}`}>{a.name}</label></td>
                <td>{props.canConfigure ? <input id={`s-${a.id}`} name={`s_${a.id}`} inputMode="decimal" maxLength={8} value={v(values, `s_${a.id}`)} /> : v(values, `s_${a.id}`)}</td>
                <td>{props.canConfigure ? <input name={`n_${a.id}`} maxLength={500} aria-label={`${a.name}的评分说明`} value={v(values, `n_${a.id}`)} /> : v(values, `n_${a.id}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {props.canConfigure && <button type="submit">保存评分</button>}
      </form>
    </section>
  );
}
