import { Command } from 'commander';
import { verifyAuditLog } from '../../features/audit/service.js';
import { withContext } from '../context.js';

export function auditCommand(): Command {
  const audit = new Command('audit').description('审计日志');
  audit
    .command('verify')
    .description('逐条校验审计日志的哈希链；完好时退出码为0，发现断链时报告第一处并以1退出')
    .action(async () => {
      await withContext(async (ctx) => {
        const { entries, broken } = await verifyAuditLog(ctx.database.db);
        if (broken) {
          process.stdout.write(`审计日志校验失败：${broken.message}（共读取${entries}条）\n`);
          process.exitCode = 1;
        } else {
          process.stdout.write(`审计日志完好：共${entries}条，哈希链连续无断裂\n`);
        }
      });
    });
  return audit;
}
