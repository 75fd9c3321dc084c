/** Console pages of website health: every agency, one agency's indicators, a column's history, the settings. */
import type { Agency } from '../../db/schema.js';
import {
  FREQUENT_COLUMN_KINDS, HEALTH_INDICATOR_LABELS, HEALTH_RESULT_LABELS, HEALTH_SETTING_BOUNDS, HEALTH_SETTING_LABELS, HEALTH_SEVERITY_LABELS,
  type AgencyHealthResult, type ColumnState, type HealthFinding, type HealthResult, type HealthSettings, type StatePeriod,
} from '../../domain/health/index.js';
import { COLUMN_KINDS, COLUMN_KIND_KEYS, isColumnKind } from '../../domain/publication/vocabulary.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import { beijingTime } from '../audit/views.js';
import type { ColumnHistory, OverviewRow } from './service.js';

const kindLabel = (kind: string) => (isColumnKind(kind) ? COLUMN_KINDS[kind].label : kind);

export function ResultTag(props: { result: HealthResult }) {
  const cls = props.result === 'pass' ? 'health-pass' : props.result === 'none' ? 'health-none' : 'health-fail';
  return <span class={`tag ${cls}`}>{HEALTH_RESULT_LABELS[props.result]}</span>;
}

function columnStatus(c: ColumnState): string {
  if (!c.judged) return '栏目标题（不单独计）';
  if (c.empty) return '空白栏目';
  if (c.stale) return '未按期更新';
  return '正常';
}

function HealthNav(props: { canEditSettings: boolean }) {
  return (
    <p class="health-nav">
      <a href="/console/health">各单位网站健康</a>
      {props.canEditSettings && <> · <a href="/console/health/settings">检查设置</a></>}
    </p>
  );
}

export function HealthOverviewPage(props: { today: string; rows: OverviewRow[]; settings: HealthSettings; canEditSettings: boolean }) {
  const judged = props.rows.filter((r) => r.summary.judged);
  const failing = judged.filter((r) => r.summary.result !== 'pass').length;
  return (
    <section>
      <h1>网站健康检查</h1>
      <HealthNav canEditSettings={props.canEditSettings} />
      <p>
        按《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）中与内容有关的指标，逐日检查本平台门户上各单位的栏目和信息：
        首页{props.settings.homeMaxDays}天内无更新，动态要闻类栏目{props.settings.newsMaxDays}天、通知公告和政策文件类栏目{props.settings.noticesMaxDays}天内未更新累计{props.settings.frequentVetoCount}个以上，
        应更新但长期未更新的栏目{props.settings.longVetoCount}个以上，空白栏目{props.settings.emptyVetoCount}个以上，均为单项否决；
        失效链接、规范性文件缺少解读、有效期届满仍标注有效、超过20个工作日公开（第二十六条）扣分，得分低于60分为不合格。
      </p>
      <p>
        今天：{props.today}。共{judged.length}个单位开设了栏目，其中不合格<strong class={failing ? 'hard' : undefined}>{failing}</strong>个。
        下表为今天每日巡检的记录（尚无记录的单位为即时检查结果）；点击单位查看即时检查的全部问题。
      </p>
      <table class="data">
        <caption>各单位网站健康情况</caption>
        <thead>
          <tr>
            <th scope="col">单位</th><th scope="col">栏目</th><th scope="col">首页最近更新</th><th scope="col">未按期更新栏目</th><th scope="col">空白栏目</th>
            <th scope="col">单项否决</th><th scope="col">得分</th><th scope="col">结论</th><th scope="col">检查时间</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ agency, summary: h, recordedAt }) => (
            <tr class={h.result === 'veto' || h.result === 'fail' ? 'overdue' : undefined}>
              <td class={`indent-${Math.min(agency.depth, 4)}`}><a href={`/console/health/${agency.id}`}>{agency.name}</a></td>
              <td>{h.judged ? h.columns : '—'}</td>
              <td>{h.judged ? (h.homeLastPublishedOn ?? '从未发布') : '—'}</td>
              <td>{h.judged ? h.staleColumns : '—'}</td>
              <td>{h.judged ? h.emptyColumns : '—'}</td>
              <td>{h.vetoes.map((v) => HEALTH_INDICATOR_LABELS[v]).join('；') || (h.judged ? '无' : '—')}</td>
              <td>{h.judged ? h.score : '—'}</td>
              <td><ResultTag result={h.result} /></td>
              <td>{recordedAt ? `巡检 ${beijingTime(recordedAt).slice(11, 16)}` : '即时'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FindingItem(props: { finding: HealthFinding }) {
  const f = props.finding;
  return (
    <li class={f.severity === 'veto' ? 'hard' : f.severity === 'warn' ? 'soft' : undefined}>
      {f.message}
      {f.since && <span class="since">（自{f.since}起）</span>}
      {f.columnId !== undefined && <> <a href={`/console/health/columns/${f.columnId}`}>栏目历史</a> · <a href={`/columns/${f.columnId}`}>门户栏目</a></>}
      {f.itemId !== undefined && <> <a href={`/console/publications/${f.itemId}`}>查看信息</a></>}
      {f.documentId !== undefined && <> · <a href={`/console/registry/documents/${f.documentId}`}>登记的文件</a></>}
    </li>
  );
}

export function AgencyHealthPage(props: {
  agency: Agency; health: AgencyHealthResult; settings: HealthSettings; canEditSettings: boolean;
  history: Array<{ on_date: string; result: string; veto: number; score: number; stale_columns: number; empty_columns: number }>;
}) {
  const h = props.health;
  const shown = h.indicators.filter((i) => i.count > 0 || i.tripped || h.findings.some((f) => f.indicator === i.indicator));
  return (
    <section>
      <h1>网站健康 · {props.agency.name}</h1>
      <HealthNav canEditSettings={props.canEditSettings} />
      {!h.judged ? (
        <p class="empty">该单位尚未开设栏目，无需检查。</p>
      ) : (
        <>
          <p>
            检查日期：{h.today}。结论：<ResultTag result={h.result} />，扣分项得分<strong>{h.score}</strong>分。
            首页最近更新：{h.home.lastPublishedOn ?? '从未发布信息'}{h.home.daysSinceUpdate !== null ? `（${h.home.daysSinceUpdate}天前）` : ''}。
          </p>
          <table class="data">
            <caption>各项指标</caption>
            <thead><tr><th scope="col">指标</th><th scope="col">数量</th><th scope="col">单项否决标准</th><th scope="col">扣分</th><th scope="col">结果</th></tr></thead>
            <tbody>
              {shown.map((i) => (
                <tr class={i.tripped ? 'overdue' : undefined}>
                  <th scope="row">{i.label}</th>
                  <td>{i.count}</td>
                  <td>{i.threshold !== undefined ? `${i.threshold}个及以上` : '—'}</td>
                  <td>{i.deduction || '—'}</td>
                  <td>{i.tripped ? <strong class="hard">单项否决</strong> : i.severity ? HEALTH_SEVERITY_LABELS[i.severity] : '通过'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {h.findings.length === 0 ? <p class="ok-note">未发现问题。</p> : (
            <div class="findings">
              {[...new Set(h.findings.map((f) => f.indicator))].map((indicator) => {
                const list = h.findings.filter((f) => f.indicator === indicator);
                return (
                  <section>
                    <h2 class={list[0]!.severity === 'veto' ? 'hard' : undefined}>{HEALTH_INDICATOR_LABELS[indicator]}（{list.length}）</h2>
                    <ul class="health-findings">{list.map((f) => <FindingItem finding={f} />)}</ul>
                  </section>
                );
              })}
            </div>
          )}
          <h2>栏目</h2>
          <table class="data">
            <caption>各栏目更新情况（动态要闻、通知公告、政策文件类栏目计入单项否决）</caption>
            <thead><tr><th scope="col">栏目</th><th scope="col">类型</th><th scope="col">更新期限</th><th scope="col">最近更新</th><th scope="col">距今</th><th scope="col">状态</th><th scope="col">起始日期</th><th scope="col">历史</th></tr></thead>
            <tbody>
              {h.columns.map((c) => (
                <tr class={c.stale || c.empty ? 'overdue' : undefined}>
                  <td>{c.name}</td>
                  <td>{kindLabel(c.kind)}{(FREQUENT_COLUMN_KINDS as readonly string[]).includes(c.kind) ? '（否决类）' : ''}</td>
                  <td>{c.maxDays}天</td>
                  <td>{c.lastPublishedOn ?? '—'}</td>
                  <td>{c.daysSinceUpdate !== null ? `${c.daysSinceUpdate}天` : '—'}</td>
                  <td>{columnStatus(c)}</td>
                  <td>{c.since ?? (c.staleFrom && c.judged ? `${c.staleFrom}起超期` : '—')}</td>
                  <td><a href={`/console/health/columns/${c.columnId}`}>查看</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {props.history.length > 0 && (
        <>
          <h2>近期每日记录</h2>
          <table class="data">
            <caption>每日巡检记录的结论（最近{props.history.length}天）</caption>
            <thead><tr><th scope="col">日期</th><th scope="col">结论</th><th scope="col">得分</th><th scope="col">未按期更新栏目</th><th scope="col">空白栏目</th></tr></thead>
            <tbody>
              {props.history.map((s) => (
                <tr>
                  <td>{s.on_date}</td>
                  <td>{HEALTH_RESULT_LABELS[s.result as HealthResult] ?? s.result}</td>
                  <td>{s.result === 'none' ? '—' : s.score}</td>
                  <td>{s.stale_columns}</td>
                  <td>{s.empty_columns}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const PERIOD_LABELS: Record<StatePeriod['state'], string> = { stale: '未按期更新', empty: '空白栏目' };

export function ColumnHistoryPage(props: { history: ColumnHistory; canEditSettings: boolean }) {
  const { agency, column, current, periods, snapshots, today } = props.history;
  return (
    <section>
      <h1>栏目更新历史 · {column.name}</h1>
      <HealthNav canEditSettings={props.canEditSettings} />
      <p>
        <a href={`/console/health/${agency.id}`}>{agency.name}</a> · 类型：{kindLabel(column.kind)} · <a href={`/columns/${column.id}`}>门户栏目页</a>
      </p>
      {current && (
        <p class={current.stale || current.empty ? 'notice' : undefined}>
          今天（{today}）：{columnStatus(current)}
          {current.lastPublishedOn && `，最近更新${current.lastPublishedOn}（${current.daysSinceUpdate}天前），更新期限${current.maxDays}天`}
          {current.stale && `，自${current.staleFrom}起未按期更新，已${current.daysSinceUpdate! - current.maxDays}天`}
          {current.empty && `，${current.since}开设以来没有任何公开信息`}
          {!current.stale && !current.empty && current.judged && current.staleFrom && `，如${current.staleFrom}前仍无新信息将计为未按期更新`}。
        </p>
      )}
      <h2>每日巡检记录的问题期间</h2>
      {periods.length === 0 ? <p class="empty">{snapshots.length === 0 ? '尚无每日巡检记录。' : '记录期间内没有未按期更新或空白的情况。'}</p> : (
        <table class="data">
          <caption>按每日巡检记录（{snapshots[0]?.on_date}起）</caption>
          <thead><tr><th scope="col">状态</th><th scope="col">开始</th><th scope="col">结束</th><th scope="col">持续天数</th><th scope="col">期间最近更新</th></tr></thead>
          <tbody>
            {periods.map((p) => (
              <tr class={p.ongoing ? 'overdue' : undefined}>
                <td>{PERIOD_LABELS[p.state]}</td>
                <td>{p.from}</td>
                <td>{p.ongoing ? '至今' : p.to}</td>
                <td>{p.days}天</td>
                <td>{p.lastPublishedOn ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Values = Record<string, unknown>;
const shownValue = (values: Values, settings: HealthSettings, key: keyof HealthSettings) => {
  const v = values[key];
  return typeof v === 'string' ? v : String(settings[key]);
};

function NumberField(props: { name: keyof typeof HEALTH_SETTING_BOUNDS; values: Values; settings: HealthSettings }) {
  const [min, max] = HEALTH_SETTING_BOUNDS[props.name];
  return (
    <>
      <label for={`hs-${props.name}`}>{HEALTH_SETTING_LABELS[props.name]}</label>
      <input id={`hs-${props.name}`} name={props.name} inputMode="numeric" required value={shownValue(props.values, props.settings, props.name)} aria-describedby={`hs-${props.name}-hint`} />
      <p class="hint" id={`hs-${props.name}-hint`}>{min}～{max}</p>
    </>
  );
}

export function HealthSettingsPage(props: { settings: HealthSettings; csrfToken: string; values?: Values; error?: string; fields?: FieldError[] }) {
  const values = props.values ?? {};
  const s = props.settings;
  const enabled = props.values ? [values.externalLinksEnabled].flat().includes('1') : s.externalLinksEnabled;
  return (
    <section>
      <h1>网站健康检查设置</h1>
      <HealthNav canEditSettings />
      <p>默认值取自《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）。修改后，下次查看和每日巡检即按新的标准计算；每次修改记入审计日志。</p>
      <form method="post" action="/console/health/settings" class="form">
        <FormErrors message={props.error} fields={props.fields} />
        <CsrfField token={props.csrfToken} />
        <fieldset>
          <legend>更新期限</legend>
          <NumberField name="homeMaxDays" values={values} settings={s} />
          {COLUMN_KIND_KEYS.map((k) => <NumberField name={`${k}MaxDays`} values={values} settings={s} />)}
        </fieldset>
        <fieldset>
          <legend>单项否决</legend>
          <NumberField name="frequentVetoCount" values={values} settings={s} />
          <NumberField name="longVetoCount" values={values} settings={s} />
          <NumberField name="emptyVetoCount" values={values} settings={s} />
        </fieldset>
        <fieldset>
          <legend>其他</legend>
          <NumberField name="dueSoonDays" values={values} settings={s} />
          <NumberField name="delayLookbackDays" values={values} settings={s} />
        </fieldset>
        <fieldset>
          <legend>外部链接检查</legend>
          <p class="hint">开启后，每日巡检以“gongkai-linkcheck”的身份访问正文中的外部链接：先HEAD后GET，每次5秒超时，同一网站每秒最多1次请求，遵守robots.txt，不访问内网地址。</p>
          <input type="hidden" name="externalLinksEnabled" value="0" />
          <label class="check"><input type="checkbox" name="externalLinksEnabled" value="1" checked={enabled} />{HEALTH_SETTING_LABELS.externalLinksEnabled}</label>
          <NumberField name="externalMaxPerRun" values={values} settings={s} />
          <NumberField name="externalRecheckDays" values={values} settings={s} />
        </fieldset>
        <button type="submit">保存设置</button>
      </form>
    </section>
  );
}

