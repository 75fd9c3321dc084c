/** Console pages of 政务新媒体: an agency's accounts, one account with its month grid, the overview, the import. */
import type { Agency } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import type { NewMediaFigures } from './figures.js';
import type { MonthlyRowError } from './import-rows.js';
import type { AccountWithItems, MonthlyItems, NewMediaAccount } from './service.js';
import { ACCOUNT_STATUS_LABELS, CLOSING_STATUSES, monthLabel, monthsOfYear, PLATFORM_LABELS, PLATFORMS } from './rules.js';
import { MONTH_KEYS } from './schemas.js';
import { TEMPLATE_HINTS } from './template.js';

type Values = Record<string, unknown>;
const v = (values: Values, k: string) => (typeof values[k] === 'string' ? (values[k] as string) : typeof values[k] === 'number' ? String(values[k]) : '');
const n = (x: number) => x.toLocaleString('zh-CN');

export type NewMediaTab = 'accounts' | 'import' | 'overview';

/** The page heading, the agency and year chooser and the parts of 政务新媒体. */
export function NewMediaHeader(props: { agencies: readonly AgencyNode[]; agency: Agency | null; tab: NewMediaTab; year: number }) {
  const id = props.agency?.id;
  const agencyParam = id !== undefined ? `agencyId=${id}&` : '';
  const tabs: Array<[NewMediaTab, string, string]> = [
    ['accounts', '账号登记', `/console/new-media?${agencyParam}year=${props.year}`],
    ['import', '导入发布条数', `/console/new-media/import?${agencyParam}year=${props.year}`],
  ];
  if (props.agencies.length > 1) tabs.push(['overview', '各单位汇总', `/console/new-media/overview?year=${props.year}`]);
  const action = props.tab === 'accounts' ? '/console/new-media' : `/console/new-media/${props.tab}`;
  return (
    <>
      <h1>政务新媒体{props.agency && props.tab !== 'overview' ? ` · ${props.agency.name}` : ''}</h1>
      <form method="get" action={action} class="filters">
        {props.agencies.length > 1 && props.tab !== 'overview' && (
          <>
            <label for="nm-agency">单位</label>
            <select id="nm-agency" name="agencyId">
              {props.agencies.map((a) => <option value={String(a.id)} selected={a.id === id}>{'　'.repeat(a.depth)}{a.name}</option>)}
            </select>
          </>
        )}
        <label for="nm-year">年度</label>
        <input id="nm-year" name="year" type="number" min={2000} max={2100} value={String(props.year)} />
        <button type="submit">查看</button>
      </form>
      <nav aria-label="政务新媒体" class="subnav">
        <ul>
          {tabs.map(([tab, label, href]) => <li>{tab === props.tab ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>}</li>)}
        </ul>
      </nav>
    </>
  );
}

/** The year's figures in one sentence, as section 一 of the report quotes them. */
export function figuresSentence(f: NewMediaFigures, year: number): string {
  return `${year}年末运营政务新媒体账号${f.accounts}个（本年新开通${f.opened}个，关停或整合${f.closed}个），本年通过政务新媒体平台主动公开信息${n(f.itemsPublished)}条。`;
}

function statusText(a: NewMediaAccount): string {
  return a.status === 'operating' ? ACCOUNT_STATUS_LABELS.operating : `${ACCOUNT_STATUS_LABELS[a.status]}（${a.closed_on}）`;
}

export function AccountsPage(props: {
  agencies: readonly AgencyNode[]; agency: Agency; year: number; accounts: AccountWithItems[]; figures: NewMediaFigures; canEdit: boolean;
}) {
  const { agency, year } = props;
  return (
    <section>
      <NewMediaHeader agencies={props.agencies} agency={agency} tab="accounts" year={year} />
      <p>登记本单位开办的政务新媒体账号（微信公众号、微博、抖音、今日头条、客户端等），关停或整合的登记日期和原因，并按月填报各账号发布的信息条数。年度报告第一部分“政务新媒体”的账号数和发布条数由这些记录统计。</p>
      <p class="notice" role="status">{figuresSentence(props.figures, year)}</p>
      {props.canEdit && <p><a class="button" href={`/console/new-media/accounts/new?agencyId=${agency.id}`}>登记账号</a></p>}
      {props.accounts.length === 0 ? <p class="empty">尚未登记政务新媒体账号。</p> : (
        <table class="data">
          <caption>账号{props.accounts.length}个</caption>
          <thead>
            <tr><th scope="col">平台</th><th scope="col">账号名称</th><th scope="col">账号ID</th><th scope="col">运营主体</th><th scope="col">开通日期</th><th scope="col">状态</th><th scope="col">{year}年发布条数</th></tr>
          </thead>
          <tbody>
            {props.accounts.map((a) => (
              <tr>
                <td>{PLATFORM_LABELS[a.platform]}</td>
                <td><a href={`/console/new-media/accounts/${a.id}?year=${year}`}>{a.name}</a></td>
                <td>{a.platform_account_id ?? ''}</td>
                <td>{a.operator}</td>
                <td>{a.opened_on}</td>
                <td>{statusText(a)}</td>
                <td>{n(a.itemsInYear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The fields of an account (new and edit). */
function AccountFields(props: { values: Values }) {
  const values = props.values;
  return (
    <>
      <label for="a-platform">平台</label>
      <select id="a-platform" name="platform" required>
        <option value="">请选择</option>
        {PLATFORMS.map((p) => <option value={p} selected={v(values, 'platform') === p}>{PLATFORM_LABELS[p]}</option>)}
      </select>
      <label for="a-name">账号名称</label>
      <input id="a-name" name="name" maxLength={100} required value={v(values, 'name')} />
      <label for="a-id">账号ID（可不填）</label>
      <input id="a-id" name="platformAccountId" maxLength={100} value={v(values, 'platformAccountId')} aria-describedby="a-id-hint" />
      <p class="hint" id="a-id-hint">微信号、微博ID、抖音号等，导入发布条数时也可以用它找到账号。</p>
      <label for="a-operator">运营主体</label>
      <input id="a-operator" name="operator" maxLength={200} required value={v(values, 'operator')} />
      <label for="a-opened">开通日期</label>
      <input id="a-opened" name="openedOn" type="date" required value={v(values, 'openedOn')} />
      <label for="a-note">备注</label>
      <textarea id="a-note" name="note" rows={2} maxLength={2000}>{v(values, 'note')}</textarea>
    </>
  );
}

export function NewAccountPage(props: { agency: Agency; year: number; csrfToken: string; values: Values; error?: string; fields?: FieldError[] }) {
  return (
    <section>
      <NewMediaHeader agencies={[]} agency={props.agency} tab="accounts" year={props.year} />
      <h2>登记账号</h2>
      <form method="post" action="/console/new-media/accounts" class="form">
        <FormErrors message={props.error} fields={props.fields} />
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="agencyId" value={String(props.agency.id)} />
        <AccountFields values={props.values} />
        <button type="submit">登记</button>
      </form>
    </section>
  );
}

export type AccountForm = 'edit' | 'close' | 'reopen' | 'months';

export function AccountPage(props: {
  account: NewMediaAccount; agency: Agency; year: number; months: MonthlyItems[]; today: string; csrfToken: string; canEdit: boolean;
  failedForm?: AccountForm; values?: Values; error?: string; fields?: FieldError[];
}) {
  const a = props.account;
  const submitted = props.values ?? {};
  const failed = (form: AccountForm) => props.failedForm === form;
  const errorFor = (form: AccountForm) => (failed(form) ? <FormErrors message={props.error} fields={props.fields} /> : null);
  const stored = new Map(props.months.map((m) => [m.month, m]));
  const total = props.months.reduce((sum, m) => sum + m.items, 0);
  const current: Values = { platform: a.platform, name: a.name, platformAccountId: a.platform_account_id ?? '', operator: a.operator, openedOn: a.opened_on, note: a.note ?? '' };
  const months = monthsOfYear(props.year);
  return (
    <section>
      <h1>{a.name}（{PLATFORM_LABELS[a.platform]}）</h1>
      <p><a href={`/console/new-media?agencyId=${a.agency_id}&year=${props.year}`}>返回{props.agency.short_name}的政务新媒体</a></p>
      {props.error && (failed('reopen') || (failed('close') && a.status !== 'operating')) && <FormErrors message={props.error} fields={props.fields} />}
      <table class="data">
        <tbody>
          <tr><th scope="row">开办单位</th><td>{props.agency.name}</td></tr>
          <tr><th scope="row">平台</th><td>{PLATFORM_LABELS[a.platform]}</td></tr>
          <tr><th scope="row">账号ID</th><td>{a.platform_account_id ?? '（未填写）'}</td></tr>
          <tr><th scope="row">运营主体</th><td>{a.operator}</td></tr>
          <tr><th scope="row">开通日期</th><td>{a.opened_on}</td></tr>
          <tr><th scope="row">状态</th><td>{statusText(a)}</td></tr>
          {a.close_reason && <tr><th scope="row">{a.status === 'merged' ? '整合原因' : '关停原因'}</th><td class="pre">{a.close_reason}</td></tr>}
          {a.note && <tr><th scope="row">备注</th><td class="pre">{a.note}</td></tr>}
        </tbody>
      </table>

      <h2>{props.year}年各月发布条数（合计{n(total)}条）</h2>
      <form method="get" action={`/console/new-media/accounts/${a.id}`} class="filters">
        <label for="m-year">年度</label>
        <input id="m-year" name="year" type="number" min={2000} max={2100} value={String(props.year)} />
        <button type="submit">查看</button>
      </form>
      {props.canEdit ? (
        <form method="post" action={`/console/new-media/accounts/${a.id}/months`} class="form">
          {errorFor('months')}
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="year" value={String(props.year)} />
          <p class="hint">填写各月发布的信息条数；清空一个月即删除该月填报的条数。不能填写尚未结束的以后月份，也不能填写账号开通以前、关停以后的月份。</p>
          <div class="month-grid">
            {months.map((month, i) => {
              const key = MONTH_KEYS[i]!;
              const value = failed('months') ? v(submitted, key) : stored.has(month) ? String(stored.get(month)!.items) : '';
              return (
                <div>
                  <label for={`m-${key}`}>{monthLabel(month)}</label>
                  <input id={`m-${key}`} name={key} inputMode="numeric" maxLength={9} value={value} />
                </div>
              );
            })}
          </div>
          <button type="submit">保存各月条数</button>
        </form>
      ) : (
        <table class="data">
          <thead><tr>{months.map((m) => <th scope="col">{Number(m.slice(5))}月</th>)}</tr></thead>
          <tbody><tr>{months.map((m) => <td>{stored.has(m) ? n(stored.get(m)!.items) : ''}</td>)}</tr></tbody>
        </table>
      )}

      {props.canEdit && a.status === 'operating' && (
        <form method="post" action={`/console/new-media/accounts/${a.id}/close`} class="form import">
          <h2>登记关停或整合</h2>
          <p class="hint">关停或整合（并入其他账号）之日起，该账号不再计入运营中的账号。</p>
          {errorFor('close')}
          <CsrfField token={props.csrfToken} />
          <fieldset>
            <legend>类别</legend>
            {CLOSING_STATUSES.map((s) => (
              <label class="check"><input type="radio" name="status" value={s} checked={(failed('close') ? v(submitted, 'status') : 'closed') === s} /> {s === 'closed' ? '关停' : '整合（并入其他账号）'}</label>
            ))}
          </fieldset>
          <label for="c-on">关停（整合）日期</label>
          <input id="c-on" name="closedOn" type="date" required value={failed('close') ? v(submitted, 'closedOn') : props.today} />
          <label for="c-reason">原因（整合的，写明并入的账号）</label>
          <textarea id="c-reason" name="reason" rows={2} maxLength={500} required>{failed('close') ? v(submitted, 'reason') : ''}</textarea>
          <button type="submit">登记</button>
        </form>
      )}
      {props.canEdit && a.status !== 'operating' && (
        <form method="post" action={`/console/new-media/accounts/${a.id}/reopen`} class="form import">
          <h2>恢复运营</h2>
          <p class="hint">关停或整合登记有误的，可以恢复为运营中（关停日期和原因将清除，审计日志保留原记录）。</p>
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="secondary">恢复为运营中</button>
        </form>
      )}
      {props.canEdit && (
        <form method="post" action={`/console/new-media/accounts/${a.id}`} class="form import">
          <h2>修改账号信息</h2>
          {errorFor('edit')}
          <CsrfField token={props.csrfToken} />
          <AccountFields values={failed('edit') ? submitted : current} />
          <button type="submit">保存</button>
        </form>
      )}
    </section>
  );
}

export function OverviewPage(props: { agencies: readonly AgencyNode[]; year: number; rows: Array<{ agency: AgencyNode; figures: NewMediaFigures }>; total: NewMediaFigures }) {
  return (
    <section>
      <NewMediaHeader agencies={props.agencies} agency={null} tab="overview" year={props.year} />
      <p class="notice" role="status">合计：{figuresSentence(props.total, props.year)}</p>
      <table class="data">
        <caption>{props.year}年各单位政务新媒体</caption>
        <thead>
          <tr><th scope="col">单位</th><th scope="col">年末运营账号</th><th scope="col">本年新开通</th><th scope="col">本年关停或整合</th><th scope="col">本年发布条数</th></tr>
        </thead>
        <tbody>
          {props.rows.map(({ agency, figures }) => (
            <tr>
              <td class={agency.depth > 0 ? `indent-${Math.min(agency.depth, 3)}` : undefined}><a href={`/console/new-media?agencyId=${agency.id}&year=${props.year}`}>{agency.name}</a></td>
              <td>{figures.accounts}</td><td>{figures.opened}</td><td>{figures.closed}</td><td>{n(figures.itemsPublished)}</td>
            </tr>
          ))}
          <tr><th scope="row">合计</th><th>{props.total.accounts}</th><th>{props.total.opened}</th><th>{props.total.closed}</th><th>{n(props.total.itemsPublished)}</th></tr>
        </tbody>
      </table>
    </section>
  );
}

export interface ImportFailure {
  fileName: string;
  errors: MonthlyRowError[];
  dataRows: number;
}

export function ImportPage(props: {
  agencies: readonly AgencyNode[]; editable: readonly AgencyNode[]; agency: Agency; year: number; csrfToken: string; error?: string; failure?: ImportFailure;
}) {
  const { agency, year } = props;
  return (
    <section>
      <NewMediaHeader agencies={props.agencies} agency={agency} tab="import" year={year} />
      <p>各账号每月发布的信息条数可以从表格整份导入：先检查全部行，全部无误才写入，有误的列出全部错误、不写入任何一行。导入的条数替换该账号该月已填报的条数。</p>
      <ul>
        <li>支持 Excel 工作簿（.xlsx，读取第一个工作表）和 CSV（UTF-8 或 Excel 另存的 GBK 编码），文件不超过10 MB。</li>
        <li>账号须已在本单位登记；导入模板已列出所选单位各账号{year}年已运营的月份。</li>
      </ul>
      {props.editable.length > 0 && (
        <form method="post" action="/console/new-media/import" enctype="multipart/form-data" class="form">
          <h2>导入发布条数</h2>
          <FormErrors message={props.error} />
          {props.failure && (
            <div class="errors" role="alert">
              <p>文件“{props.failure.fileName}”有{props.failure.errors.length}处错误，未导入任何一行（共{props.failure.dataRows}行数据）：</p>
              <ol>{props.failure.errors.map((e) => <li>{e.message}</li>)}</ol>
            </div>
          )}
          <CsrfField token={props.csrfToken} />
          <label for="i-agency">单位</label>
          <select id="i-agency" name="agencyId" required>
            {props.editable.map((a) => <option value={String(a.id)} selected={a.id === agency.id}>{'　'.repeat(a.depth)}{a.name}</option>)}
          </select>
          <label for="i-file">表格文件（.xlsx 或 .csv）</label>
          <input id="i-file" type="file" name="file" accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" required />
          <button type="submit">上传并导入</button>
        </form>
      )}
      <p>
        下载导入模板：<a href={`/console/new-media/import/template.xlsx?agencyId=${agency.id}&year=${year}`}>{agency.short_name}{year}年（.xlsx，已列出账号和月份）</a> ·{' '}
        <a href="/console/new-media/import/template.csv">CSV</a>
      </p>
      <table class="data">
        <caption>各列的填写方法</caption>
        <thead><tr><th scope="col">列名（表头）</th><th scope="col">填写方法</th></tr></thead>
        <tbody>{TEMPLATE_HINTS.map(([column, hint]) => <tr><th scope="row">{column}</th><td>{hint}</td></tr>)}</tbody>
      </table>
    </section>
  );
}
