/** Sending a report as a file: HTML (standalone), DOCX, XLSX or JSON. */
import type { FastifyReply } from 'fastify';
import type { ReportData } from '../../domain/report/index.js';
import { attachmentHeader } from '../../http/download.js';
import { renderReportDocx } from './render/report-docx.js';
import { renderReportHtml, type ReportRenderMeta } from './render/report-html.js';
import { renderReportJson } from './render/report-json.js';
import { renderReportXlsx } from './render/report-xlsx.js';

export type ExportFormat = 'html' | 'docx' | 'xlsx' | 'json';

const TYPES: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export async function sendReportFile(reply: FastifyReply, format: ExportFormat, data: ReportData, meta: ReportRenderMeta, baseName: string) {
  const body =
    format === 'html' ? renderReportHtml(data, meta)
    : format === 'docx' ? await renderReportDocx(data, meta)
    : format === 'xlsx' ? await renderReportXlsx(data, meta)
    : renderReportJson(data);
  reply.type(TYPES[format]).header('content-disposition', attachmentHeader(`${baseName}.${format}`, `annual-report-${data.year}.${format}`));
  // The standalone HTML carries its own <style>; it has no scripts and loads nothing.
  if (format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  return reply.send(body);
}
