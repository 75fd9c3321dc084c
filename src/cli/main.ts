/** The gongkai command. Each subcommand has --help; errors print in Chinese with exit code 2. */
import { Command } from 'commander';
import { startServer } from '../main.js';
import { auditCommand } from './commands/audit.js';
import { backupCommand } from './commands/backup.js';
import { exportStaticCommand } from './commands/export-static.js';
import { publicationsCommand } from './commands/publications.js';
import { calendarCommand } from './commands/calendar.js';
import { registryCommand } from './commands/registry.js';
import { reportCheckCommand } from './commands/report-check.js';
import { searchCommand } from './commands/search.js';
import { demoCommand, migrateCommand } from './commands/setup.js';
import { userCommand } from './commands/user.js';
import { withContext } from './context.js';
import { sweepDeadlines } from '../jobs/deadline-sweep.js';
import { sweepWebsiteHealth } from '../features/health/sweep.js';
import { publishScheduledItems } from '../features/publications/workflow.js';
import { smtpMailer } from '../jobs/mailer.js';
import { loadCalendarAdditions } from '../features/calendar/service.js';

const program = new Command('gongkai')
  .description('政务公开平台：主动公开、依申请公开、政府信息管理与年度报告')
  .version('0.1.0');

program
  .command('serve')
  .description('迁移数据库并启动网站（首次启动时创建主管单位和系统管理员）')
  .action(async () => {
    await startServer();
  });
program.addCommand(migrateCommand());
program.addCommand(demoCommand());
program.addCommand(userCommand());
program.addCommand(auditCommand());
program.addCommand(backupCommand());
program.addCommand(exportStaticCommand());
program.addCommand(publicationsCommand());
program
  .command('sweep')
  .description('运行一次巡检：标记3个工作日内到期和已超期的申请并提醒承办人，发布已到时间的定时信息，记录当天的网站健康状态（服务运行时自动运行）')
  .action(async () => {
    await withContext(async (ctx) => {
      const mailer = ctx.config.smtpUrl ? smtpMailer(ctx.config.smtpUrl, ctx.config.mailFrom) : null;
      const r = await sweepDeadlines(ctx, { mailer });
      process.stdout.write(`期限巡检完成：即将到期${r.dueSoon}件，已超期${r.overdue}件，发出提醒${r.notified}条\n`);
      const published = await publishScheduledItems(ctx);
      process.stdout.write(`定时发布：发布${published}条信息\n`);
      const health = await sweepWebsiteHealth(ctx, { limit: 100_000 });
      process.stdout.write(`网站健康：记录${health.agencies}个单位、${health.columns}个栏目的${health.date}状态${health.links ? `，检查外部链接${health.links.checked}个（无法访问${health.links.failing}个）` : ''}\n`);
    });
  });
program.addCommand(calendarCommand({ loadOverrides: () => withContext((ctx) => loadCalendarAdditions(ctx.database.db)) }));
program.addCommand(reportCheckCommand());
program.addCommand(registryCommand());
program.addCommand(searchCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
