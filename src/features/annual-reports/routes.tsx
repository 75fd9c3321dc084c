/** Annual reports in the console and the JSON API. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkPublishedText, decodeReportFile } from '../../domain/report/published.js';
import { UnreadableReportError } from '../../domain/report/read/index.js';
import { today, type AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { REPORT_STYLESHEET } from '../../http/layout.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { listAgencies } from '../agencies/service.js';
import { compareCharts } from './compare-charts.js';
import { attachmentHeader } from '../../http/download.js';
import { sendReportFile, type ExportFormat } from './export.js';
import { reportPolicy } from './policy.js';
import {
  computeFromRecords, draftOverview, fillBlanksWithZero, previewFindings, getReportState, importReadFigures, markChecked, parseYear, publishReport, reportHistory,
  reportOverview, rollUpReports, saveReportForm, saveReportJson, startCorrection,
} from './service.js';
import { ReportEditorPage, statusText } from './views/editor.js';
import { publicationSentence } from '../../domain/publication/summary.js';
import { publishedCounts } from '../publications/queries.js';
import { RULE_LABELS, statedCells } from '../../domain/report/index.js';
import { CheckUploadPage, ComparePage, OverviewPage, RollUpPage } from './views/office.js';

const STYLES = [REPORT_STYLESHEET];
/** Live checks while typing; the editor works without it (checks run on save). */
const SCRIPTS = ['/static/report-editor.js'];

/** The uploaded file of a multipart form (fields attached to the body), as text. */
async function uploadedText(request: FastifyRequest): Promise<{ text: string; fileName: string; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请通过文件上传表单提交');
  const body = (request.body ?? {}) as Record<string, { type?: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> }>;
  const file = body.file;
  if (!file || file.type !== 'file' || !file.toBuffer) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', [{ field: 'file', message: '文件：请选择要上传的文件' }]);
  const bytes = await file.toBuffer();
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的', [{ field: 'file', message: '文件：上传的文件是空的' }]);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (v && v.type === 'field' && typeof v.value === 'string') fields[k] = v.value;
  return { text: decodeReportFile(bytes), fileName: (file.filename ?? 'report').slice(0, 200), fields };
}

function params(request: FastifyRequest) {
  return { agencyId: idParam(request, 'agencyId'), year: parseYear((request.params as Record<string, string>).year) };
}

/** The report year asked for, else last year (the one being reported in the first months). */
function yearOrLast(ctx: AppContext, raw: unknown): number {
  return raw ? parseYear(raw) : Number(today(ctx).slice(0, 4)) - 1;
}

/** The agencies chosen for a roll-up (?agencyIds=1&agencyIds=2). */
function agencyIdsOf(raw: unknown): number[] {
  return ([] as unknown[]).concat(raw ?? []).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
}

function exportFormat(request: FastifyRequest): ExportFormat {
  const f = (request.params as Record<string, string>).format;
  if (f === 'html' || f === 'docx' || f === 'xlsx' || f === 'json') return f;
  throw new AppError('NOT_FOUND', '不支持的下载格式');
}

export async function annualReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const editor = async (request: FastifyRequest, reply: FastifyReply, agencyId: number, year: number, extra: { error?: AppError; submitted?: Record<string, unknown>; status?: number } = {}) => {
    const { actor } = requireStaff(request);
    const state = await getReportState(ctx, actor, agencyId, year);
    const publication = publicationSentence(year, await publishedCounts(ctx.database.db, [agencyId], year));
    return sendConsolePage(request, reply, `${state.agency.short_name}${year}年年报`, ({ csrfToken }) => (
      <ReportEditorPage state={state} publication={publication} csrfToken={csrfToken} canEdit={reportPolicy.edit(actor, agencyId)} canPublish={reportPolicy.publish(actor, agencyId)}
        error={extra.error?.message} fields={extra.error?.fields} submitted={extra.submitted} />
    ), { status: extra.status, styles: STYLES, scripts: SCRIPTS });
  };
  /** Runs an action; a refused one re-shows the editor with the reason and changes nothing. */
  const act = async (request: FastifyRequest, reply: FastifyReply, action: () => Promise<string>, submitted?: Record<string, unknown>) => {
    const { agencyId, year } = params(request);
    try {
      const message = await action();
      return redirectWithFlash(reply, `/console/reports/${agencyId}/${year}`, message);
    } catch (error) {
      if (!(error instanceof AppError) || !['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT'].includes(error.code)) throw error;
      return editor(request, reply, agencyId, year, { error, submitted, status: error.code === 'VALIDATION_FAILED' ? 400 : 409 });
    }
  };

  app.get('/console/reports', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const year = yearOrLast(ctx, q.year);
    if (!reportPolicy.overview(actor)) return reply.redirect(`/console/reports/${actor.agencyId}/${year}`, 303);
    const rows = await reportOverview(ctx, actor, year);
    return sendConsolePage(request, reply, `${year}年度年报`, () => (
      <OverviewPage year={year} rows={rows} today={today(ctx)} isOffice />
    ));
  });

  app.get('/console/reports/check', async (request, reply) => {
    requireStaff(request);
    return sendConsolePage(request, reply, '检查已发布的年报', ({ csrfToken }) => <CheckUploadPage csrfToken={csrfToken} />, { styles: STYLES });
  });
  app.post('/console/reports/check', async (request, reply) => {
    requireStaff(request);
    try {
      const { text, fileName, fields } = await uploadedText(request);
      const year = fields.year ? parseYear(fields.year) : undefined;
      const result = checkPublishedText(text, { fileName, ...(year ? { year } : {}) });
      return sendConsolePage(request, reply, '检查结果', ({ csrfToken }) => <CheckUploadPage csrfToken={csrfToken} result={{ fileName, ...result }} />, { styles: STYLES });
    } catch (error) {
      const message = error instanceof UnreadableReportError ? `无法读取：${error.message}` : error instanceof AppError && error.code !== 'INTERNAL' ? error.message : null;
      if (message === null) throw error;
      return sendConsolePage(request, reply, '检查已发布的年报', ({ csrfToken }) => <CheckUploadPage csrfToken={csrfToken} error={message} />, { status: 400, styles: STYLES });
    }
  });

  app.get('/console/reports/rollup', async (request, reply) => {
    const { actor } = requireStaff(request);
    if (!reportPolicy.rollUp(actor)) throw new AppError('FORBIDDEN', '只有政务公开主管部门可以汇总年报');
    const q = request.query as Record<string, string | string[] | undefined>;
    const year = yearOrLast(ctx, q.year);
    const ids = agencyIdsOf(q.agencyIds);
    const agencies = await listAgencies(ctx, actor);
    const result = ids.length ? await rollUpReports(ctx, actor, { year, agencyIds: ids }) : null;
    return sendConsolePage(request, reply, `${year}年度年报汇总`, () => (
      <RollUpPage year={year} agencies={agencies} selected={new Set(ids.length ? ids : agencies.filter((a) => a.kind !== 'government').map((a) => a.id))} result={result} />
    ), { styles: STYLES });
  });
  app.get('/console/reports/rollup/export/:format', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | string[] | undefined>;
    const year = parseYear(q.year);
    const ids = agencyIdsOf(q.agencyIds);
    if (!ids.length) throw new AppError('VALIDATION_FAILED', '请选择参与汇总的单位');
    const r = await rollUpReports(ctx, actor, { year, agencyIds: ids });
    const format = exportFormat(request);
    if (format === 'json') {
      const detail = Object.fromEntries([...r.breakdowns].filter(([, b]) => b.some((x) => x.value)).map(([path, b]) => [path, b]));
      return reply.type('application/json; charset=utf-8').header('content-disposition', attachmentHeader(`${r.report.agency}${year}年年报汇总.json`, `roll-up-${year}.json`))
        .send(JSON.stringify({ report: r.report, agencies: r.included.map((i) => ({ id: i.agency.id, name: i.agency.name, source: i.source })), missing: r.missing.map((a) => a.name), breakdown: detail }, null, 2));
    }
    return sendReportFile(reply, format, r.report, { agencyName: r.report.agency }, `${r.report.agency}${year}年年报汇总`);
  });

  app.get('/console/reports/:agencyId/compare', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agency, years } = await reportHistory(ctx, actor, idParam(request, 'agencyId'));
    const q = request.query as Record<string, string | undefined>;
    const pick = (raw: string | undefined, fallback: number | undefined) => years.find((y) => y.year === Number(raw)) ?? years.find((y) => y.year === fallback);
    const b = pick(q.b, years.at(-1)?.year);
    const a = pick(q.a, years.at(-2)?.year ?? years.at(-1)?.year);
    const charts = await compareCharts(years);
    return sendConsolePage(request, reply, `${agency.short_name}年报历年对比`, () => (
      <ComparePage agencyId={agency.id} agencyName={agency.name} years={years.map((y) => y.year)} a={a?.data ?? null} b={b?.data ?? null} charts={charts} />
    ));
  });

  app.get('/console/reports/:agencyId/:year', async (request, reply) => {
    const { agencyId, year } = params(request);
    return editor(request, reply, agencyId, year);
  });
  app.post('/console/reports/:agencyId/:year', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    return act(request, reply, async () => {
      await saveReportForm(ctx, { actor, agencyId, year, body: request.body, ip: request.ip });
      return '已保存';
    }, request.body as Record<string, unknown>);
  });
  app.post('/console/reports/:agencyId/:year/fill-zero', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    return act(request, reply, async () => {
      await fillBlanksWithZero(ctx, { actor, agencyId, year, ip: request.ip });
      return '空白格已填0';
    });
  });
  app.post('/console/reports/:agencyId/:year/compute', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    return act(request, reply, async () => {
      await computeFromRecords(ctx, { actor, agencyId, year, ip: request.ip });
      return '已按政府信息管理和依申请公开记录计算第二、三、四部分和信息处理费';
    });
  });
  app.post('/console/reports/:agencyId/:year/draft-overview', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    const overwrite = (request.body as Record<string, unknown> | undefined)?.overwrite === '1';
    return act(request, reply, async () => {
      await draftOverview(ctx, { actor, agencyId, year, overwrite, ip: request.ip });
      return '已根据记录起草“一、总体情况”，请核对后补充和修改';
    });
  });
  app.post('/console/reports/:agencyId/:year/check', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    return act(request, reply, async () => {
      const { checked, findings } = await markChecked(ctx, { actor, agencyId, year, ip: request.ip });
      return checked ? `检查通过，已标记为“已检查”${findings.length ? `（${findings.length}项提示须在发布时说明）` : ''}` : '检查未通过：请先更正下列严重问题';
    });
  });
  app.post('/console/reports/:agencyId/:year/publish', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    return act(request, reply, async () => {
      const v = await publishReport(ctx, { actor, agencyId, year, body: request.body, ip: request.ip });
      return `已发布第${v.version}版，公众可在“政府信息公开年报”栏目查看`;
    });
  });
  app.post('/console/reports/:agencyId/:year/correct', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    return act(request, reply, async () => {
      await startCorrection(ctx, { actor, agencyId, year, ip: request.ip });
      return '已进入更正：修改后须重新检查并发布新版本，原版本继续公开';
    });
  });
  app.post('/console/reports/:agencyId/:year/import', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    return act(request, reply, async () => {
      let read;
      const { text, fileName } = await uploadedText(request);
      try {
        read = checkPublishedText(text, { fileName, year });
      } catch (error) {
        if (error instanceof UnreadableReportError) throw new AppError('VALIDATION_FAILED', `无法读取该文件：${error.message}`);
        throw error;
      }
      await importReadFigures(ctx, { actor, agencyId, year, figures: read.figures, fileName, ip: request.ip });
      const unreadable = read.findings.filter((f) => f.rule === 'parse.unreadable').length;
      return `已从 ${fileName} 导入数字${unreadable ? `；有${unreadable}处未能读出，请人工补填` : ''}`;
    });
  });
  app.get('/console/reports/:agencyId/:year/export/:format', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    const state = await getReportState(ctx, actor, agencyId, year);
    if (!state.report) throw new AppError('NOT_FOUND', '报告尚未填报');
    return sendReportFile(reply, exportFormat(request), state.data, {
      agencyName: state.agency.name, reportingUnit: state.report.reporting_unit ?? state.agency.name, reportDate: state.report.report_date ?? undefined,
    }, `${state.agency.name}${year}年政府信息公开工作年度报告（${statusText(state.report)}）`);
  });

  // JSON API
  const tags = ['annual-reports'];
  app.get('/api/v1/reports/:agencyId/:year', { schema: { tags, summary: '某单位某年度的年报（工作稿）及检查结果' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    const s = await getReportState(ctx, actor, agencyId, year);
    return { status: s.report?.status ?? 'missing', version: s.report?.version ?? 0, report: s.data, findings: s.findings, sources: s.sources };
  });
  app.put('/api/v1/reports/:agencyId/:year', { schema: { tags, summary: '以 DESIGN.md 的 JSON 结构写入年报数字和正文' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    await saveReportJson(ctx, { actor, agencyId, year, json: request.body, ip: request.ip });
    const s = await getReportState(ctx, actor, agencyId, year);
    return { status: s.report?.status ?? 'missing', report: s.data, findings: s.findings };
  });
  app.post('/api/v1/reports/:agencyId/:year/preview', { schema: { tags, summary: '按表单中尚未保存的数字预览检查结果（不保存）' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    const { findings, errors } = await previewFindings(ctx, { actor, agencyId, year, body: request.body });
    const marks: Record<string, 'hard' | 'soft'> = {};
    for (const f of findings) for (const c of statedCells(f)) if (marks[c] !== 'hard') marks[c] = f.severity;
    for (const e of errors) marks[e.field] = 'hard';
    return { findings: findings.map((f) => ({ ...f, label: RULE_LABELS[f.rule] })), errors, marks };
  });
  app.post('/api/v1/reports/check', { schema: { tags, summary: '检查他人发布的年报文本：{ text, fileName?, year? }' }, bodyLimit: 8 * 1024 * 1024 }, async (request) => {
    requireStaff(request);
    const body = (request.body ?? {}) as { text?: unknown; fileName?: unknown; year?: unknown };
    if (typeof body.text !== 'string' || !body.text.trim()) throw new AppError('VALIDATION_FAILED', 'text：请提供报告全文', [{ field: 'text', message: 'text：请提供报告全文' }]);
    const year = body.year === undefined ? undefined : parseYear(body.year);
    try {
      return checkPublishedText(body.text, { ...(typeof body.fileName === 'string' ? { fileName: body.fileName } : {}), ...(year ? { year } : {}) });
    } catch (error) {
      if (error instanceof UnreadableReportError) throw new AppError('VALIDATION_FAILED', `无法读取：${error.message}`);
      throw error;
    }
  });
  app.post('/api/v1/reports/:agencyId/:year/draft-overview', { schema: { tags, summary: '根据记录起草“一、总体情况”：{ overwrite?: boolean }（已有内容时须 overwrite: true）' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { agencyId, year } = params(request);
    const overwrite = (request.body as Record<string, unknown> | undefined)?.overwrite === true;
    await draftOverview(ctx, { actor, agencyId, year, overwrite, ip: request.ip });
    const s = await getReportState(ctx, actor, agencyId, year);
    return { status: s.report?.status ?? 'missing', overview: s.data.narrative.overview, findings: s.findings };
  });
  app.get('/api/v1/reports', { schema: { tags, summary: '各单位某年度年报状态：?year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const year = parseYear((request.query as Record<string, string>).year);
    const rows = await reportOverview(ctx, actor, year);
    return { year, agencies: rows.map((r) => ({ agencyId: r.agency.id, name: r.agency.name, status: r.status, version: r.version, deadline: r.deadline, overdue: r.overdue, publishedAt: r.publishedAt })) };
  });
}

