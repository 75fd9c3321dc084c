/**
 * `gongkai report check <file> [--json] [--year N] [--format 2019|2021]` — read an annual report
 * someone else published (plain text, markdown or saved HTML), run every check on it, and list
 * what is inconsistent.
 *
 * Exit codes: 0 no hard finding; 1 at least one hard finding; 2 the file could not be read (it
 * does not exist, or it is not an annual report) or an option is invalid — with a Chinese
 * message on stderr.
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import {
  RULE_LABELS,
  hasHardFinding,
  type Finding,
  type ReportFormat,
} from '../../domain/report/index.js';
import { checkPublishedText, decodeReportFile } from '../../domain/report/published.js';
import { UnreadableReportError } from '../../domain/report/read/index.js';

export interface ReportCheckArgs {
  file: string;
  json: boolean;
  year?: number;
  format?: ReportFormat;
}

export interface ReportCheckOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Exit code when the file cannot be read or an option is invalid. */
export const REPORT_UNREADABLE_EXIT_CODE = 2;

const FORMAT_NAMES: Record<ReportFormat, string> = {
  '2021': '2021年格式（国办公开办函〔2021〕30号）',
  '2019': '2019年试行格式（国办公开办函〔2019〕60号）',
};

function summary(
  file: string,
  figures: { agency: string; year: number; format: ReportFormat },
  findings: readonly Finding[],
): string {
  const hard = findings.filter((f) => f.severity === 'hard');
  const soft = findings.filter((f) => f.severity === 'soft');
  const lines = [
    `文件：${file}`,
    `报告机关：${figures.agency || '（未能读出）'}`,
    `报告年度：${figures.year || '（未能读出）'}`,
    `报告格式：${FORMAT_NAMES[figures.format]}`,
    '',
  ];
  const list = (title: string, group: readonly Finding[]): void => {
    if (group.length === 0) return;
    lines.push(`${title}（${group.length} 项）：`);
    group.forEach((f, i) => lines.push(`  ${i + 1}. 【${RULE_LABELS[f.rule]}】${f.message}`));
    lines.push('');
  };
  if (findings.length === 0) lines.push('未发现问题。', '');
  list('严重问题', hard);
  list('提示', soft);
  lines.push(`共 ${hard.length} 项严重问题，${soft.length} 项提示`);
  return `${lines.join('\n')}\n`;
}

/** Read, check and report on one file; never throws, never writes — the caller prints. */
export async function runReportCheck(args: ReportCheckArgs): Promise<ReportCheckOutput> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : code === 'EACCES' ? '没有读取权限' : '无法读取';
    return { stdout: '', stderr: `错误：${reason}：${args.file}\n`, exitCode: REPORT_UNREADABLE_EXIT_CODE };
  }
  try {
    const { figures, findings } = checkPublishedText(decodeReportFile(bytes), {
      fileName: args.file,
      ...(args.year !== undefined ? { year: args.year } : {}),
      ...(args.format !== undefined ? { format: args.format } : {}),
    });
    const stdout = args.json ? `${JSON.stringify({ figures, findings }, null, 2)}\n` : summary(args.file, figures, findings);
    return { stdout, stderr: '', exitCode: hasHardFinding(findings) ? 1 : 0 };
  } catch (error) {
    if (error instanceof UnreadableReportError) {
      return { stdout: '', stderr: `错误：${error.message}（${args.file}）\n`, exitCode: REPORT_UNREADABLE_EXIT_CODE };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `错误：检查报告时出错：${message}\n`, exitCode: REPORT_UNREADABLE_EXIT_CODE };
  }
}

/** Validate --year and --format; a Chinese message when one is wrong. */
export function parseCheckOptions(options: { year?: string; format?: string }):
  | { ok: true; year?: number; format?: ReportFormat }
  | { ok: false; message: string } {
  let year: number | undefined;
  if (options.year !== undefined) {
    year = Number(options.year);
    if (!/^\d{4}$/.test(options.year) || year < 2000 || year > 2100) {
      return { ok: false, message: `错误：--year 应为四位年份（如 2022），收到“${options.year}”\n` };
    }
  }
  let format: ReportFormat | undefined;
  if (options.format !== undefined) {
    if (options.format !== '2019' && options.format !== '2021') {
      return { ok: false, message: `错误：--format 只能是 2019 或 2021，收到“${options.format}”\n` };
    }
    format = options.format;
  }
  return { ok: true, ...(year !== undefined ? { year } : {}), ...(format !== undefined ? { format } : {}) };
}

/** The `report` command with its `check` subcommand, for the gongkai program's addCommand(). */
export function reportCheckCommand(): Command {
  const report = new Command('report').description('年度报告');
  report
    .command('check')
    .description('读取他人发布的政府信息公开工作年度报告（文本、Markdown 或 HTML），列出不一致之处；无严重问题时退出码为0，有严重问题为1，文件无法读取为2')
    .argument('<file>', '报告文件')
    .option('--json', '以 JSON 输出读取的数据和发现的问题')
    .option('--year <N>', '报告年度（覆盖从标题读出的年度）')
    .option('--format <format>', '报告格式：2019 或 2021（覆盖自动识别）')
    .exitOverride((error) => {
      // Usage errors (missing file argument, unknown option) are "could not check" too: exit 2,
      // not 1, which means "the report has hard findings".
      if (error.exitCode !== 0) process.exit(REPORT_UNREADABLE_EXIT_CODE);
    })
    .action(async (file: string, options: { json?: boolean; year?: string; format?: string }) => {
      const parsed = parseCheckOptions(options);
      if (!parsed.ok) {
        process.stderr.write(parsed.message);
        process.exitCode = REPORT_UNREADABLE_EXIT_CODE;
        return;
      }
      const result = await runReportCheck({
        file,
        json: options.json === true,
        ...(parsed.year !== undefined ? { year: parsed.year } : {}),
        ...(parsed.format !== undefined ? { format: parsed.format } : {}),
      });
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    });
  return report;
}
