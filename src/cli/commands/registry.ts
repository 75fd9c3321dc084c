/**
 * `gongkai registry import-decisions --agency <id> --kind <licensing|penalty|enforcement> <file>`:
 * imports a decision list from the server's command line — the same import as the console's
 * upload (read as a stream, batches of 5,000, duplicates skipped), printing its progress. The
 * file is read where it is and left in place. Exit code 0 when the import is done (rows with
 * errors are listed, the others imported), 2 when it failed or could not start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { DECISION_KIND_LABELS, DECISION_KINDS } from '../../domain/registry/decisions.js';
import { commandLineActor } from '../../features/audit/service.js';
import { recoverInterruptedImports, rowErrorsOf, startFileImport, type ImportProgress } from '../../features/registry/import/service.js';
import { withContext } from '../context.js';

/** Row errors printed; the import keeps the first 200. */
const ERRORS_PRINTED = 20;

const n = (x: number) => x.toLocaleString('zh-CN');

export function registryCommand(): Command {
  const registry = new Command('registry').description('政府信息管理：导入行政许可、行政处罚、行政强制决定清单');
  registry
    .command('import-decisions <file>')
    .description('导入决定清单（.xlsx 或 .csv，列：决定文书号、决定日期），打印进度；已导入过的文号不重复计入')
    .requiredOption('--agency <id>', '单位编号')
    .requiredOption('--kind <kind>', `决定类别：${DECISION_KINDS.map((k) => `${k}（${DECISION_KIND_LABELS[k]}）`).join('、')}`)
    .action(async (file: string, o: { agency: string; kind: string }) => {
      const target = path.resolve(file);
      if (!fs.existsSync(target) || !fs.statSync(target).isFile()) throw new Error(`文件不存在：${target}`);
      await withContext(async (ctx) => {
        // An import left running by a process that stopped would block this one.
        await recoverInterruptedImports(ctx);
        let last = 0;
        const show = (p: ImportProgress) => {
          const now = Date.now();
          if (now - last < 1000) return;
          last = now;
          const percent = p.fileBytes > 0 ? Math.floor((p.bytesRead / p.fileBytes) * 100) : 0;
          process.stdout.write(`已读取${n(p.rowsRead)}行（${percent}%）：新导入${n(p.accepted)}件，重复${n(p.duplicate)}件，有误${n(p.rejected)}行\n`);
        };
        const started = await startFileImport(ctx, {
          actor: commandLineActor(), input: { agencyId: o.agency, kind: o.kind }, fileName: path.basename(target), path: target, deleteAfter: false,
          onProgress: show, log: (error) => process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
        });
        process.stdout.write(`开始导入 ${path.basename(target)}（导入编号${started.import.id}）\n`);
        const imp = await started.done;
        if (imp.status !== 'done') throw new Error(`导入失败：${imp.failure ?? '未知原因'}`);
        process.stdout.write(`导入完成：读取${n(imp.rows_read)}行，新导入${n(imp.rows_accepted)}件，重复${n(imp.rows_duplicate)}件，有误${n(imp.rows_rejected)}行\n`);
        const errors = rowErrorsOf(imp);
        for (const e of errors.slice(0, ERRORS_PRINTED)) process.stdout.write(`  ${e.message}\n`);
        if (imp.rows_rejected > 0 && errors.length > ERRORS_PRINTED) process.stdout.write(`  ……（另有错误未列出，可在网页“决定清单导入”中查看前200处）\n`);
      });
    });
  return registry;
}
