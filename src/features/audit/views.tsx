/** The audit log browser. */
import type { AuditEntry } from '../../db/schema.js';
import type { AgencyNode } from '../agencies/tree.js';
import { TASK_ACTION_LABELS, TASK_TRANSITIONS, type TaskAction } from '../../domain/inspections/rectification.js';
import { REQUEST_EVENT_LABELS, REQUEST_EVENT_TYPES } from '../../domain/requests/index.js';

export interface AuditQueryValues {
  agencyId?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** `request.<event type>`: one entry per event of a request's timeline, named as the request page names it. */
const REQUEST_EVENT_ACTION_LABELS = Object.fromEntries(
  REQUEST_EVENT_TYPES.map((type) => [`request.${type}`, `依申请公开：${REQUEST_EVENT_LABELS[type]}`]),
);

/** `rectification.<step>`: the agency's answer and the office's acceptance or return of a task. */
const RECTIFICATION_ACTION_LABELS = Object.fromEntries(
  (Object.keys(TASK_TRANSITIONS) as TaskAction[]).map((step) => [`rectification.${step}`, `整改：${TASK_ACTION_LABELS[step]}`]),
);

/**
 * Chinese names of audit actions; an action without one is shown by its code. Every action the
 * code records must have one (action-labels.test.ts scans the recordAudit calls for new codes).
 */
export const ACTION_LABELS: Record<string, string> = {
  // system and sign-in
  'system.install': '系统初始化',
  'system.demoLoaded': '加载演示数据',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.loginFailed': '登录失败',
  'auth.lockedOut': '登录失败过多被锁定',
  'auth.loginRefused': '锁定期间尝试登录',
  // agencies and accounts
  'agency.create': '新增单位',
  'agency.update': '修改单位',
  'agency.allowFewerStages': '设置是否允许减少审核环节',
  'agency.reviewStages': '设置审核环节数',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.lock': '锁定账号',
  'user.unlock': '解锁账号',
  'user.resetPassword': '重置密码',
  'user.changePassword': '修改本人密码',
  // working-day calendar
  'calendar.setDay': '设置工作日/休息日',
  'calendar.declareYear': '确认全年节假日安排',
  // proactive publication: columns, items, three-stage review
  'column.create': '新增栏目',
  'column.update': '修改栏目',
  'column.delete': '删除栏目',
  'item.create': '新建信息',
  'item.update': '修改信息',
  'item.startCorrection': '修改已发布信息（开始更正）',
  'item.attach': '上传附件',
  'item.detach': '删除附件',
  'item.import': '批量导入信息',
  'item.submit': '提交审核',
  'item.reject': '审核退回',
  'item.approveStage': '审核通过（初审/复审）',
  'item.approveFinal': '终审通过',
  'item.publish': '发布信息',
  'item.publishCorrection': '发布更正后的信息',
  'item.withdraw': '撤稿（撤回信息）',
  'wrongPhrase.save': '保存严重表述错误词条',
  'wrongPhrase.delete': '删除严重表述错误词条',
  // standard disclosure catalogue
  'standardCatalogue.import': '导入标准目录',
  'standardCatalogue.mapColumns': '设置标准目录事项对应栏目',
  'standardCatalogue.deleteMatter': '删除标准目录事项',
  // rules and normative documents, decisions for report section 二
  'registry.document.create': '登记规章/规范性文件',
  'registry.document.update': '修改规章/规范性文件',
  'registry.document.repeal': '废止规章/规范性文件',
  'registry.document.expire': '规章/规范性文件失效',
  'registry.figures.save': '录入年度报告第二项数据',
  'registry.import.start': '开始导入行政许可/处罚/强制决定',
  'registry.import.finish': '行政许可/处罚/强制决定导入完成',
  'registry.import.fail': '行政许可/处罚/强制决定导入失败',
  // disclosure on request
  ...REQUEST_EVENT_ACTION_LABELS,
  'request.submit': '依申请公开：网上提交申请',
  'request.import': '依申请公开：批量导入申请',
  'request.publishLog': '依申请公开：公布办理情况',
  'request.unpublishLog': '依申请公开：撤下办理情况公布',
  'letter.draft': '依申请公开：起草文书',
  'letter.approve': '依申请公开：审批文书并编号',
  'letter.send': '依申请公开：发送文书',
  'letterTemplate.save': '修改文书模板',
  'letterTemplate.reset': '恢复默认文书模板',
  'reviewCase.create': '登记行政复议/行政诉讼案件',
  'reviewCase.update': '修改行政复议/行政诉讼案件',
  // annual reports
  'report.save': '保存年度报告',
  'report.import': '从报告文件导入年度报告数据',
  'report.fillZero': '年度报告空白单元格填0',
  'report.compute': '根据系统记录计算年度报告数据',
  'report.draftOverview': '生成年度报告总体情况草稿',
  'report.check': '年度报告校验（勾稽关系）',
  'report.publish': '发布年度报告',
  'report.correct': '更正年度报告',
  // new-media accounts
  'newMedia.account.create': '登记政务新媒体账号',
  'newMedia.account.update': '修改政务新媒体账号',
  'newMedia.account.close': '关停/整合政务新媒体账号',
  'newMedia.account.reopen': '恢复运营政务新媒体账号',
  'newMedia.months.save': '录入政务新媒体月度发布量',
  'newMedia.months.import': '导入政务新媒体月度发布量',
  // website health
  'health.settings': '修改网站健康检查阈值',
  // inspections, rectification, notices
  'inspection.plan': '制定检查抽查计划',
  'inspection.addTarget': '增加检查对象',
  'inspection.recordFinding': '登记检查发现的问题',
  'inspection.deleteFinding': '删除检查发现的问题',
  'inspection.prefill': '按网站健康检查预填问题',
  'inspection.issue': '下发检查结果（整改任务）',
  ...RECTIFICATION_ACTION_LABELS,
  'rectification.evidence': '整改：上传佐证材料',
  'notice.prefix': '设置通报文号前缀',
  'notice.draft': '起草通报',
  'notice.redraft': '重新起草通报',
  'notice.update': '修改通报',
  'notice.issue': '印发通报',
  'notice.publish': '在门户网站公开通报',
  'notice.unpublish': '撤下门户网站上的通报',
  // training and performance assessment
  'training.create': '登记培训',
  'training.update': '修改培训',
  'training.delete': '删除培训',
  'assessment.item.create': '新增考核指标',
  'assessment.item.update': '修改考核指标',
  'assessment.item.delete': '删除考核指标',
  'assessment.items.setup': '设置年度考核指标',
  'assessment.scores.save': '录入考核得分',
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
