/** Starting the server: loadConfig → openDatabase → migrate → first-start setup → buildApp → listen. */
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { systemClock, type AppContext } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { deleteIdleSessions } from './features/accounts/repository.js';
import { ensureInstalled } from './features/setup/bootstrap.js';
import { sweepDeadlines } from './jobs/deadline-sweep.js';
import { sweepWebsiteHealth } from './features/health/sweep.js';
import { publishScheduledItems } from './features/publications/workflow.js';
import { recoverInterruptedImports } from './features/registry/import/service.js';
import { smtpMailer } from './jobs/mailer.js';

export async function startServer(config: Config = loadConfig()) {
  const database = openDatabase(config);
  await migrateToLatest(database);
  const ctx: AppContext = { database, config, clock: systemClock };
  const installed = await ensureInstalled(ctx);
  if (installed.created) {
    const lines = [
      '',
      '==================== gongkai 首次启动 ====================',
      `已创建单位：${config.governmentName}、${config.officeName}`,
      `系统管理员账号：${installed.username}`,
      installed.generatedPassword
        ? `一次性初始密码：${installed.generatedPassword}`
        : '初始密码：GONGKAI_ADMIN_PASSWORD 中设置的密码',
      '首次登录后必须修改密码。此密码不会再次显示。',
      '==========================================================',
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  const app = await buildApp(ctx);
  // Decision imports left running by a process that stopped are failed and their rows deleted:
  // on start, and every minute (with several instances, one may stop while the others run).
  const recoverImports = () => recoverInterruptedImports(ctx).catch((err: unknown) => app.log.error({ err }, 'recovering decision imports failed'));
  await recoverImports();
  const importTimer = setInterval(() => void recoverImports(), 60_000);
  importTimer.unref();
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  // Periodic work: deadline reminders, and removing sessions that have expired by idling (they
  // are refused anyway; this keeps the table small).
  const sweep = async () => {
    await sweepDeadlines(ctx, { mailer }).catch((err: unknown) => app.log.error({ err }, 'deadline sweep failed'));
    const cutoff = new Date(ctx.clock.now().getTime() - config.sessionIdleMinutes * 60_000).toISOString();
    await deleteIdleSessions(database.db, cutoff).catch((err: unknown) => app.log.error({ err }, 'session purge failed'));
    // Website health: the day's snapshot of every agency (once a day; later runs skip it).
    await sweepWebsiteHealth(ctx).catch((err: unknown) => app.log.error({ err }, 'website health sweep failed'));
  };
  const timer = config.sweepMinutes > 0 ? setInterval(sweep, config.sweepMinutes * 60_000) : null;
  timer?.unref();
  // Scheduled publications go out within a minute of their time.
  const publisher = setInterval(() => {
    publishScheduledItems(ctx).catch((err: unknown) => app.log.error({ err }, 'scheduled publication failed'));
  }, 60_000);
  publisher.unref();
  const close = async () => {
    if (timer) clearInterval(timer);
    clearInterval(importTimer);
    clearInterval(publisher);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  if (timer) void sweep();
  process.stdout.write(`gongkai 已启动：http://${shownHost}:${config.port}/  （数据库：${database.dialect === 'sqlite' ? database.sqliteFile : 'PostgreSQL'}）\n`);
  return app;
}
