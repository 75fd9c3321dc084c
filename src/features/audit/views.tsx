/** The audit log browser. */
import type { AuditEntry } from '../../db/schema.js';
import type { AgencyNode } from '../agencies/tree.js';

export interface AuditQueryValues {
  agencyId?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Chinese names of audit actions; an action without one is shown by its code. */
export const ACTION_LABELS: Record<string, string> = {
  'system.install': '系统初始化',
  'system.demoLoaded': '加载演示数据',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.loginFailed': '登录失败',
  'auth.lockedOut': '登录失败过多被锁定',
  'auth.loginRefused': '锁定期间尝试登录',
  'agency.create': '新增单位',
  'agency.update': '修改单位',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.lock': '锁定账号',
  'user.unlock': '解锁账号',
  'user.resetPassword': '重置密码',
  'user.changePassword': '修改本人密码',
};

/** Beijing time of an ISO timestamp, as clerks read it: 2026-11-26 19:40:05. */
export function beijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

export function AuditPage(props: {
  rows: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  query: AuditQueryValues;
  agencies: AgencyNode[];
  agencyNames: Map<number, string>;
}) {
  const q = props.query;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...q, page: String(page) }).filter(([, v]) => v) as [string, string][]);
    return `/console/audit?${params.toString()}`;
  };
  return (
    <section>
      <h1>审计日志</h1>
      <form method="get" action="/console/audit" class="filters">
        <label for="f-agency">单位</label>
        <select id="f-agency" name="agencyId">
          <option value="">全部</option>
          {props.agencies.map((a) => (
            <option value={String(a.id)} selected={q.agencyId === String(a.id)}>{'　'.repeat(a.depth)}{a.name}</option>
          ))}
        </select>
        <label for="f-actor">操作人</label>
        <input id="f-actor" name="actor" value={q.actor ?? ''} maxLength={100} />
        <label for="f-entity">对象类型</label>
        <select id="f-entity" name="entityType">
          <option value="">全部</option>
          {['agency', 'user'].map((t) => (
            <option value={t} selected={q.entityType === t}>{t === 'agency' ? '单位' : '用户'}</option>
          ))}
        </select>
        <label for="f-entity-id">对象编号</label>
        <input id="f-entity-id" name="entityId" value={q.entityId ?? ''} maxLength={60} />
        <label for="f-from">起始日期</label>
        <input id="f-from" name="from" type="date" value={q.from ?? ''} />
        <label for="f-to">截止日期</label>
        <input id="f-to" name="to" type="date" value={q.to ?? ''} />
        <button type="submit">筛选</button>
      </form>
      <table class="data">
        <caption>共{props.total}条，第{props.page}/{pages}页</caption>
        <thead>
          <tr><th scope="col">序号</th><th scope="col">时间（北京时间）</th><th scope="col">操作人</th><th scope="col">单位</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">详情</th><th scope="col">IP</th></tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.seq}</td>
              <td>{beijingTime(r.at)}</td>
              <td>{r.actor_name}</td>
              <td>{r.agency_id === null ? '—' : props.agencyNames.get(r.agency_id) ?? String(r.agency_id)}</td>
              <td>{ACTION_LABELS[r.action] ?? r.action}</td>
              <td>{r.entity_type}{r.entity_id ? ` #${r.entity_id}` : ''}</td>
              <td class="data-json"><code>{r.data === '{}' ? '' : r.data}</code></td>
              <td>{r.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="分页">
        {props.page > 1 && <a href={link(props.page - 1)}>上一页</a>}
        {props.page < pages && <a href={link(props.page + 1)}>下一页</a>}
      </nav>
    </section>
  );
}
