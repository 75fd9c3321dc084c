import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { AppError } from '../../errors.js';

function defaultName(ext: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  return path.join(loadConfig().dataDir, 'backups', `gongkai-${stamp}.${ext}`);
}

export function backupCommand(): Command {
  return new Command('backup')
    .description('备份数据库：SQLite 用在线备份（运行中也可），PostgreSQL 调用 pg_dump')
    .argument('[file]', '备份文件路径（默认 data/backups/ 下带时间戳的文件）')
    .action(async (file?: string) => {
      const config = loadConfig();
      if (config.databaseUrl) {
        const target = path.resolve(file ?? defaultName('sql'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const result = spawnSync('pg_dump', ['--no-owner', '--file', target, config.databaseUrl], { stdio: ['ignore', 'inherit', 'inherit'] });
        if (result.error) throw new AppError('INVALID_STATE', '找不到 pg_dump，请安装 PostgreSQL 客户端后再备份');
        if (result.status !== 0) throw new AppError('INVALID_STATE', `pg_dump 失败，退出码 ${result.status}`);
        process.stdout.write(`已备份到 ${target}\n`);
        return;
      }
      const source = path.join(config.dataDir, 'gongkai.sqlite');
      if (!fs.existsSync(source)) throw new AppError('NOT_FOUND', `找不到数据库文件 ${source}`);
      const target = path.resolve(file ?? defaultName('sqlite'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const db = new SQLite(source, { readonly: true, fileMustExist: true });
      try {
        await db.backup(target);
      } finally {
        db.close();
      }
      process.stdout.write(`已备份到 ${target}\n`);
    });
}
