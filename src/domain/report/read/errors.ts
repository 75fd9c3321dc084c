/**
 * The one error the reader throws: the input is not an annual report at all (no section heading
 * and no table row of the national format could be found). Everything short of that — a
 * truncated file, a table that cannot be read — is reported as parse.unreadable findings instead.
 */
export class UnreadableReportError extends Error {
  override readonly name = 'UnreadableReportError';
  /** Stable error code for the API and the CLI. */
  readonly code = 'REPORT_UNREADABLE';

  constructor(message = '无法识别为政府信息公开工作年度报告：未找到任何章节标题或表格。') {
    super(message);
  }
}
