/** The supervising office's dashboard page. */
import { HEALTH_INDICATOR_LABELS } from '../../domain/health/index.js';
import { INFO_KINDS } from '../../domain/publication/vocabulary.js';
import type { DashboardRow, OfficeDashboard, ReportStatus } from './service.js';

const kindLabel = (k: string) => (Object.hasOwn(INFO_KINDS, k) ? INFO_KINDS[k as keyof typeof INFO_KINDS] : k);

const TIMELINESS: Record<ReportStatus['timeliness'], string> = { onTime: '按期发布', late: '逾期发布', overdue: '逾期未发布', pending: '未到期限' };

function Card(props: { value: number; label: string; href?: string; alert?: boolean }) {
  const body = (
    <>
      <strong class={props.alert && props.value > 0 ? 'hard' : undefined}>{props.value}</strong>
      <span>{props.label}</span>
    </>
  );
  return <li>{props.href ? <a href={props.href}>{body}</a> : <div class="card">{body}</div>}</li>;
}

function PublishedCell(props: { row: DashboardRow }) {
  const { total, byKind } = props.row.published;
  if (total === 0) return <td>0</td>;
  const parts = Object.entries(byKind).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${kindLabel(k)}${n}`);
  return <td>{total}<span class="detail">（{parts.join('、')}）</span></td>;
}

function ColumnsCell(props: { row: DashboardRow }) {
  const c = props.row.columns;
  if (!c.judged) return <td colSpan={2}>未开设栏目</td>;
  return (
    <>
      <td class={c.staleColumns ? 'hard' : undefined}>{c.staleColumns}</td>
      <td>
        {c.emptyColumns}
        {c.vetoes.length > 0 && <span class="detail hard">（单项否决：{c.vetoes.map((v) => HEALTH_INDICATOR_LABELS[v.indicator]).join('、')}）</span>}
      </td>
    </>
  );
}

export function OfficeDashboardPage(props: { dashboard: OfficeDashboard }) {
  const d = props.dashboard;
  const t = d.totals;
  const reportYear = d.year - 1;
  return (
    <section class="office-dashboard">
      <h1>监督概览</h1>
      <p>今天：{d.today}。“本周到期”指今天至{d.weekEnd}（周日）到期、尚未答复的申请；主动公开按{d.year}年发布日期统计（不含已撤回的信息）。</p>
      <ul class="cards">
        <Card value={t.requests.open} label="办理中的申请" href="/console/requests?state=open" />
        <Card value={t.requests.dueThisWeek} label="本周到期" href="/console/requests?due=soon" alert />
        <Card value={t.requests.overdue} label="已超期" href="/console/requests?due=overdue" alert />
        <Card value={t.published.total} label={`${d.year}年主动公开信息`} href="/console/publications" />
        <Card value={t.staleColumns} label="未按期更新栏目" href="/console/health" alert />
        <Card value={t.emptyColumns} label="空白栏目" href="/console/health" alert />
        <Card value={t.vetoAgencies} label="网站单项否决的单位" href="/console/health" alert />
        <Card value={t.rectification.open} label="未完成的整改任务" />
        <Card value={t.rectification.overdue} label="逾期未整改" alert />
        <Card value={t.reportsOverdue} label={`${reportYear}年度年报逾期未发布`} href={`/console/reports?year=${reportYear}`} alert />
      </ul>
      <div class="charts">
        {d.charts.map((c) => (
          <figure>
            {/* The SVG comes from our own renderer, which escapes every label it prints. */}
            <div class="chart" dangerouslySetInnerHTML={{ __html: c.svg }} />
            <figcaption>{c.title}</figcaption>
          </figure>
        ))}
      </div>
      <div class="table-scroll">
        <table class="data dashboard">
          <caption>各单位情况</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>单位</th>
              <th scope="colgroup" colSpan={3}>依申请公开（件）</th>
              <th scope="col" rowSpan={2}>{d.year}年主动公开（条）</th>
              <th scope="colgroup" colSpan={2}>栏目（个）</th>
              <th scope="colgroup" colSpan={2}>整改任务（个）</th>
              <th scope="col" rowSpan={2}>{reportYear}年度年报</th>
            </tr>
            <tr>
              <th scope="col">办理中</th><th scope="col">本周到期</th><th scope="col">已超期</th>
              <th scope="col">未按期更新</th><th scope="col">空白</th>
              <th scope="col">未完成</th><th scope="col">逾期</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr class={r.requests.overdue || r.columns.vetoes.length || r.report.timeliness === 'overdue' ? 'overdue' : undefined}>
                <th scope="row" class={`indent-${Math.min(r.agency.depth, 4)}`}><a href={`/console/health/${r.agency.id}`}>{r.agency.name}</a></th>
                <td>{r.requests.open}{r.requests.awaitingConfirmation > 0 && <span class="detail">（另有待确认{r.requests.awaitingConfirmation}）</span>}</td>
                <td class={r.requests.dueThisWeek ? 'soft' : undefined}>{r.requests.dueThisWeek}</td>
                <td class={r.requests.overdue ? 'hard' : undefined}>{r.requests.overdue}</td>
                <PublishedCell row={r} />
                <ColumnsCell row={r} />
                <td>{r.rectification.open}</td>
                <td class={r.rectification.overdue ? 'hard' : undefined}>{r.rectification.overdue}</td>
                <td class={r.report.timeliness === 'overdue' || r.report.timeliness === 'late' ? 'hard' : undefined}>
                  <a href={`/console/reports/${r.agency.id}/${reportYear}`}>{r.report.text}</a>
                  <span class="detail">（期限{r.report.deadline}，{TIMELINESS[r.report.timeliness]}{r.report.publishedOn ? `，${r.report.publishedOn}发布` : ''}）</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
