import { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { loadDemo } from '../../features/demo/load-demo.js';
import { ensureInstalled } from '../../features/setup/bootstrap.js';
import { withContext } from '../context.js';

export function migrateCommand(): Command {
  return new Command('migrate').description('把数据库迁移到最新结构（SQLite 或 DATABASE_URL 指定的 PostgreSQL）').action(async () => {
    const config = loadConfig();
    const database = openDatabase(config);
    try {
      const results = await migrateToLatest(database);
      process.stdout.write(results.length ? results.map((r) => `已执行迁移：${r.migrationName}`).join('\n') + '\n' : '数据库已是最新结构\n');
    } finally {
      await database.close();
    }
  });
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('向新安装的系统加载演示区县（区政府、政府办、11个部门、5个乡镇街道及各角色用户）')
    .action(async () => {
      await withContext(async (ctx) => {
        const installed = await ensureInstalled(ctx);
        if (installed.generatedPassword) process.stdout.write(`系统管理员 admin 的一次性初始密码：${installed.generatedPassword}\n`);
        const result = await loadDemo(ctx);
        process.stdout.write(
          [
            `已加载演示数据：${result.agencies}个单位，${result.users}个用户，${result.items}条已发布的政府信息，${result.newMediaAccounts}个政务新媒体账号（运营中${result.operatingNewMediaAccounts}个），${result.trainings}次培训记录。`,
            `演示用户的密码均为：${result.password}（仅供演示，正式使用前请删除或重置）`,
            '账号示例：qzb-gkb（区政府办公开办管理员）、qzb-auditor（审计员）、fgj-drafter（区发展改革局信息员）、',
            '          fgj-review1 / fgj-review2 / fgj-review3（初审/复审/终审）、fgj-handler（依申请承办人）、fgj-head（机关负责人）',
          ].join('\n') + '\n',
        );
      });
    });
}
