/**
 * `gongkai publications import --agency <id> <file> [--user <username>] [--check]` — migrate the
 * items of an old government website: a CSV or JSON file whose attachment paths are relative to
 * the file's folder, or a ZIP package (items.csv / items.json and the attachments). Unlike the
 * web upload there is no size limit on the file (each attachment stays within 10 MB).
 *
 * Without --user the command acts with the command line's system rights (audit entries name
 * “系统（命令行）”) and records the items under the first active system administrator's account
 * (an item's drafter must be an account); with --user it acts as that account, whose rights
 * over the agency are checked as on the page.
 *
 * Exit codes: 0 imported (or, with --check, nothing wrong found); 1 rows with errors — every
 * error is listed on stderr and nothing is imported; 2 the file or an option cannot be used
 * (printed as “错误：…” by src/cli/main.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../errors.js';
import { findUserByUsername } from '../../features/accounts/repository.js';
import { actorFor } from '../../features/accounts/auth.js';
import { commandLineActor } from '../../features/audit/service.js';
import { firstSystemAdministrator } from '../../features/publications/import/repository.js';
import { importItems, importSummaryText } from '../../features/publications/import/service.js';
import { withContext } from '../context.js';

export interface PublicationImportArgs {
  file: string;
  agency: string;
  user?: string;
  check?: boolean;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Exit code when rows have errors (nothing imported). */
export const ROW_ERRORS_EXIT_CODE = 1;

/** Who imports, and under which account the items are recorded. */
async function importer(ctx: AppContext, username: string | undefined): Promise<{ actor: Actor; drafterUserId?: number }> {
  if (username !== undefined) {
    const user = await findUserByUsername(ctx.database.db, username);
    if (!user) throw new AppError('NOT_FOUND', `用户“${username}”不存在`);
    if (user.disabled) throw new AppError('FORBIDDEN', `用户“${username}”已被锁定`);
    return { actor: await actorFor(ctx, user) };
  }
  const admin = await firstSystemAdministrator(ctx.database.db);
  if (!admin) throw new AppError('VALIDATION_FAILED', '没有可用的系统管理员账号记录导入的信息：请用 --user 指定以哪个账号导入');
  return { actor: commandLineActor(), drafterUserId: admin.id };
}

/** Runs one import and says what happened; throws AppError when the file or an option cannot be used. */
export async function runPublicationImport(ctx: AppContext, args: PublicationImportArgs): Promise<CommandOutput> {
  if (!/^[1-9]\d{0,8}$/.test(args.agency)) throw new AppError('VALIDATION_FAILED', `单位编号“${args.agency}”无效，应为正整数`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : code === 'EACCES' ? '没有读取权限' : '无法读取';
    throw new AppError('VALIDATION_FAILED', `${reason}：${args.file}`);
  }
  const { actor, drafterUserId } = await importer(ctx, args.user);
  const result = await importItems(ctx, {
    actor, drafterUserId, agencyId: Number(args.agency), fileName: path.basename(args.file), bytes,
    attachmentFolder: path.dirname(path.resolve(args.file)), checkOnly: args.check === true,
  });
  if (!result.ok) {
    const rows = new Set(result.errors.map((e) => e.row)).size;
    const lines = [
      `未导入：在${result.items}条信息中发现${result.errors.length}处错误，涉及${rows}条；文件中的任何一条信息都没有导入，请更正后重新导入。`,
      ...result.errors.map((e) => e.message),
    ];
    return { stdout: '', stderr: `${lines.join('\n')}\n`, exitCode: ROW_ERRORS_EXIT_CODE };
  }
  if (result.checkOnly) {
    return { stdout: `检查通过：${result.items}条信息${result.attachments > 0 ? `、${result.attachments}个附件` : ''}可以导入（未写入数据库）\n`, stderr: '', exitCode: 0 };
  }
  return { stdout: `${importSummaryText(result)}\n`, stderr: '', exitCode: 0 };
}

/** The `publications` command group (for src/cli/main.ts). */
export function publicationsCommand(): Command {
  const publications = new Command('publications').description('主动公开');
  publications
    .command('import <file>')
    .description('从原网站导入历史信息：CSV或JSON文件（附件路径相对于文件所在文件夹），或含 items.csv（items.json）与附件的ZIP包；整个文件检查无误才导入，直接作为已发布的信息')
    .requiredOption('--agency <id>', '导入到的单位编号')
    .option('--user <username>', '以该账号导入（记作起草人，须有该单位的起草权限）；不指定时以命令行身份导入，信息记在第一个系统管理员名下')
    .option('--check', '只检查，不导入')
    .action(async (file: string, o: { agency: string; user?: string; check?: boolean }) => {
      const output = await withContext((ctx) => runPublicationImport(ctx, { file, ...o }));
      if (output.stdout) process.stdout.write(output.stdout);
      if (output.stderr) process.stderr.write(output.stderr);
      process.exitCode = output.exitCode;
    });
  return publications;
}
