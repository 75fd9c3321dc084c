import { Command } from 'commander';
import { AppError } from '../../errors.js';
import { findUserByUsername } from '../../features/accounts/repository.js';
import { createUser, resetUserPassword, setUserLocked } from '../../features/accounts/service.js';
import { commandLineActor } from '../../features/audit/service.js';
import type { AppContext } from '../../context.js';
import { withContext } from '../context.js';

async function userId(ctx: AppContext, username: string): Promise<number> {
  const user = await findUserByUsername(ctx.database.db, username);
  if (!user) throw new AppError('NOT_FOUND', `用户“${username}”不存在`);
  return user.id;
}

export function userCommand(): Command {
  const user = new Command('user').description('管理用户账号（创建、重置密码、锁定、解锁）');
  user
    .command('create')
    .description('创建用户，打印一次性初始密码（首次登录须修改）')
    .requiredOption('--agency <id>', '所属单位编号')
    .requiredOption('--username <name>', '账号')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--roles <roles>', '角色，逗号分隔：systemAdmin,officeAdmin,agencyAdmin,drafter,reviewerFirst,reviewerSecond,reviewerFinal,requestHandler,requestApprover,auditor')
    .option('--email <email>', '电子邮箱')
    .action(async (o: { agency: string; username: string; name: string; roles: string; email?: string }) => {
      await withContext(async (ctx) => {
        const { user: created, initialPassword } = await createUser(ctx, {
          actor: commandLineActor(),
          input: { agencyId: o.agency, username: o.username, displayName: o.name, roles: o.roles.split(',').map((r) => r.trim()), email: o.email },
        });
        process.stdout.write(`已创建用户 ${created.username}，一次性初始密码：${initialPassword}\n`);
      });
    });
  user
    .command('reset-password <username>')
    .description('重置密码为新的一次性密码并结束其所有会话')
    .action(async (username: string) => {
      await withContext(async (ctx) => {
        const { initialPassword } = await resetUserPassword(ctx, { actor: commandLineActor(), id: await userId(ctx, username) });
        process.stdout.write(`已重置 ${username} 的密码，一次性密码：${initialPassword}\n`);
      });
    });
  for (const [name, locked, text] of [['lock', true, '锁定'], ['unlock', false, '解锁']] as const) {
    user
      .command(`${name} <username>`)
      .description(`${text}账号${locked ? '（并结束其所有会话）' : '（并清除登录失败计数）'}`)
      .action(async (username: string) => {
        await withContext(async (ctx) => {
          await setUserLocked(ctx, { actor: commandLineActor(), id: await userId(ctx, username), locked });
          process.stdout.write(`已${text}账号 ${username}\n`);
        });
      });
  }
  return user;
}
