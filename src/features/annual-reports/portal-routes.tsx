/** The portal's 政府信息公开年报 section: every published report, each version, and downloads. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { idParam } from '../../http/guards.js';
import { REPORT_STYLESHEET } from '../../http/layout.js';
import { sendPortalPage, sendStylesheet } from '../portal/page.js';
import { beijingTime } from '../audit/views.js';
import { sendReportFile, type ExportFormat } from './export.js';
import { REPORT_CSS, ReportDocument, type ReportRenderMeta } from './render/report-html.js';
import { reportTitle } from './render/report-text.js';
import { parseYear, publishedReports, publishedVersion } from './service.js';
import { AppError } from '../../errors.js';

function versionParam(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > 10000) throw new AppError('NOT_FOUND', '年度报告版本不存在');
  return n;
}

/** What the renderers print besides the figures: agency, 填报单位, date, and the version if corrected. */
function renderMeta(p: Awaited<ReturnType<typeof publishedVersion>>): ReportRenderMeta {
  const v = p.version;
  return {
    agencyName: p.agency.name, reportingUnit: v.reporting_unit, reportDate: v.report_date,
    ...(v.version > 1 ? { publishedVersion: { version: v.version, correctedOn: v.published_at.slice(0, 10) } } : {}),
  };
}

export async function portalReportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(REPORT_STYLESHEET, async (_request, reply) => sendStylesheet(reply, REPORT_CSS));

  app.get('/annual-reports', async (_request, reply) => {
    const rows = await publishedReports(ctx);
    const years = [...new Set(rows.map((r) => r.year))];
    return sendPortalPage(ctx, reply, '政府信息公开年报', () => (
      <>
        <h1>政府信息公开年报</h1>
        <p>依据《中华人民共和国政府信息公开条例》第四十九条、第五十条，各行政机关每年公布上一年度政府信息公开工作年度报告。</p>
        {rows.length === 0 && <p class="empty">暂无已发布的年度报告。</p>}
        {years.map((year) => (
          <section aria-labelledby={`y-${year}`}>
            <h2 id={`y-${year}`}>{year}年度</h2>
            <ul class="report-list">
              {rows.filter((r) => r.year === year).map((r) => (
                <li>
                  <a href={`/annual-reports/${r.agency_id}/${r.year}`}>{reportTitle(r.agency_name, r.year)}</a>
                  {r.version > 1 && <span class="tag">已更正（第{r.version}版）</span>}
                  <span class="date">{r.published_at ? beijingTime(r.published_at).slice(0, 10) : ''}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </>
    ));
  });

  // A version's address is a path (…/versions/2), so that the static export has a file for it;
  // ?version=2 is still understood.
  const reportPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const agencyId = idParam(request, 'agencyId');
    const year = parseYear((request.params as Record<string, string>).year);
    const version = versionParam((request.params as Record<string, unknown>).version ?? (request.query as Record<string, unknown>).version);
    const p = await publishedVersion(ctx, agencyId, year, version);
    const base = `/annual-reports/${agencyId}/${year}`;
    const here = version ? `${base}/versions/${version}` : base;
    const latest = p.report.version;
    return sendPortalPage(ctx, reply, reportTitle(p.agency.name, year), () => (
      <>
        {p.version.version !== latest && (
          <p class="notice" role="note">
            这是第{p.version.version}版，已被更正。<a href={base}>查看最新版本（第{latest}版）</a>
          </p>
        )}
        <ReportDocument report={p.data} meta={renderMeta(p)} embedded />
        {p.version.correction_note && <p class="notice">更正说明（{beijingTime(p.version.published_at).slice(0, 10)}）：{p.version.correction_note}</p>}
        <p class="downloads">
          下载：<a href={`${here}/download/docx`}>Word</a> · <a href={`${here}/download/xlsx`}>Excel</a> · <a href={`${here}/download/html`}>HTML</a> · <a href={`${here}/download/json`}>JSON 数据</a>
        </p>
        {p.versions.length > 1 && (
          <section aria-labelledby="versions">
            <h2 id="versions">历次版本</h2>
            <ul>
              {p.versions.map((v) => (
                <li>
                  <a href={`${base}/versions/${v.version}`}>第{v.version}版</a>，{beijingTime(v.published_at).slice(0, 10)}发布{v.correction_note ? `：${v.correction_note}` : ''}
                </li>
              ))}
            </ul>
          </section>
        )}
      </>
    ), { styles: [REPORT_STYLESHEET] });
  };
  app.get('/annual-reports/:agencyId/:year', reportPage);
  app.get('/annual-reports/:agencyId/:year/versions/:version', reportPage);

  const download = async (request: FastifyRequest, reply: FastifyReply) => {
    const agencyId = idParam(request, 'agencyId');
    const year = parseYear((request.params as Record<string, string>).year);
    const format = (request.params as Record<string, string>).format as ExportFormat;
    if (!['html', 'docx', 'xlsx', 'json'].includes(format)) throw new AppError('NOT_FOUND', '不支持的下载格式');
    const p = await publishedVersion(ctx, agencyId, year, versionParam((request.params as Record<string, unknown>).version ?? (request.query as Record<string, unknown>).version));
    return sendReportFile(reply, format, p.data, renderMeta(p), `${reportTitle(p.agency.name, year)}（第${p.version.version}版）`);
  };
  app.get('/annual-reports/:agencyId/:year/download/:format', download);
  app.get('/annual-reports/:agencyId/:year/versions/:version/download/:format', download);
}
