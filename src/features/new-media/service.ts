/**
 * Use cases of 政务新媒体: the register of an agency's accounts (entry, edit, 关停 or 整合, reopening
 * an account closed by mistake), the items published per month (entered in a month grid, or
 * imported from XLSX/CSV — the whole file checked first, all rows written or none), and the
 * overview of the agencies in scope. Every change is written with its audit entry in one
 * transaction.
 */
import { createHash } from 'node:crypto';
import { nowIso, today, type AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import { ImportFileError } from '../../domain/requests/import.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound, validationError, type FieldError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency } from '../agencies/repository.js';
import { listAgencies } from '../agencies/service.js';
import type { AgencyNode } from '../agencies/tree.js';
import { recordAudit } from '../audit/service.js';
import { readSpreadsheet } from '../requests/import/read-file.js';
import { newMediaFigures, newMediaFiguresPerAgency, type NewMediaFigures } from './figures.js';
import { MonthlyFileError, parseMonthlySheet, type AccountForImport, type MonthlyRowError } from './import-rows.js';
import { newMediaPolicy } from './policy.js';
import {
  deleteMonth, findAccount, findAccountByName, insertAccount, itemsPerAccount, listAccounts, monthsOfAccount, storedMonths, updateAccountRow, upsertMonth,
  type MonthlyItems, type NewMediaAccount,
} from './repository.js';
import { closingProblem, monthLabel, monthProblem, monthsOfYear, openingProblem, PLATFORM_LABELS, ACCOUNT_STATUS_LABELS } from './rules.js';
import { accountInput, apiImportInput, closeAccountInput, MONTH_KEYS, monthsInput, newAccountInput, newMediaLabels, yearInput, type AccountInput } from './schemas.js';

export type { NewMediaAccount, MonthlyItems };

/** Largest file accepted for an import of monthly counts. */
export const MAX_MONTHLY_FILE_BYTES = 10 * 1024 * 1024;

/** The agency, if the actor may see its accounts (NOT_FOUND otherwise: no existence leak). */
export async function newMediaAgency(ctx: AppContext, actor: Actor, agencyId: number): Promise<Agency> {
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency || !newMediaPolicy.view(actor, agency.id)) throw notFound('单位');
  return agency;
}

async function editableAgency(ctx: AppContext, actor: Actor, agencyId: number): Promise<Agency> {
  const agency = await newMediaAgency(ctx, actor, agencyId);
  if (!newMediaPolicy.edit(actor, agency.id)) throw forbidden('无权修改该单位的政务新媒体登记：信息起草人和管理员可以登记本单位的账号');
  return agency;
}

/**
 * The agencies whose accounts the actor sees, and the one asked for (?agencyId=), else the
 * actor's own, else the first. An agency asked for outside the scope is NOT_FOUND.
 */
export async function chooseAgency(ctx: AppContext, actor: Actor, raw: unknown): Promise<{ agencies: AgencyNode[]; agency: AgencyNode }> {
  const agencies = (await listAgencies(ctx, actor)).filter((a) => newMediaPolicy.view(actor, a.id));
  if (agencies.length === 0) throw forbidden('无权查看政务新媒体登记');
  if (raw !== undefined && raw !== '') {
    const agency = agencies.find((a) => String(a.id) === String(raw));
    if (!agency) throw notFound('单位');
    return { agencies, agency };
  }
  return { agencies, agency: agencies.find((a) => a.id === actor.agencyId) ?? agencies[0]! };
}

/** The year asked for, else the current one. */
export function yearOf(ctx: AppContext, raw: unknown): number {
  if (raw === undefined || raw === '') return Number(today(ctx).slice(0, 4));
  return parseInput(yearInput, raw, { '(请求)': '年度' });
}

export interface AccountWithItems extends NewMediaAccount {
  /** Items published in the year shown. */
  itemsInYear: number;
}

/** The register page of an agency: its accounts with the year's items, and the year's figures. */
export async function listAgencyAccounts(ctx: AppContext, actor: Actor, agencyId: number, year: number) {
  const agency = await newMediaAgency(ctx, actor, agencyId);
  const db = ctx.database.db;
  const items = await itemsPerAccount(db, [agency.id], year);
  const accounts: AccountWithItems[] = (await listAccounts(db, [agency.id])).map((a) => ({ ...a, itemsInYear: items.get(a.id) ?? 0 }));
  return { agency, year, accounts, figures: await newMediaFigures(db, [agency.id], year) };
}

/** An account the actor may see (NOT_FOUND otherwise). */
async function visibleAccount(ctx: AppContext, actor: Actor, id: number): Promise<NewMediaAccount> {
  const account = await findAccount(ctx.database.db, id);
  if (!account || !newMediaPolicy.view(actor, account.agency_id)) throw notFound('账号');
  return account;
}

/** One account with its agency and the counts of a year's months. */
export async function getAccount(ctx: AppContext, actor: Actor, id: number, year: number): Promise<{ account: NewMediaAccount; agency: Agency; year: number; months: MonthlyItems[] }> {
  const account = await visibleAccount(ctx, actor, id);
  const agency = (await findAgency(ctx.database.db, account.agency_id))!;
  return { account, agency, year, months: await monthsOfAccount(ctx.database.db, account.id, `${year}-01`, `${year}-12`) };
}

/** The overview of every agency in scope for a year, and their total. */
export async function newMediaOverview(ctx: AppContext, actor: Actor, year: number): Promise<{ year: number; rows: Array<{ agency: AgencyNode; figures: NewMediaFigures }>; total: NewMediaFigures }> {
  const agencies = (await listAgencies(ctx, actor)).filter((a) => newMediaPolicy.view(actor, a.id));
  if (agencies.length === 0) throw forbidden('无权查看政务新媒体登记');
  const ids = agencies.map((a) => a.id);
  const per = await newMediaFiguresPerAgency(ctx.database.db, ids, year);
  return { year, rows: agencies.map((agency) => ({ agency, figures: per.get(agency.id)! })), total: await newMediaFigures(ctx.database.db, ids, year) };
}

async function assertNameFree(ctx: AppContext, agencyId: number, input: AccountInput, selfId: number | null) {
  const other = await findAccountByName(ctx.database.db, agencyId, input.platform, input.name);
  if (other && other.id !== selfId) {
    throw new AppError('CONFLICT', `本单位已登记名为“${input.name}”的${PLATFORM_LABELS[input.platform]}账号`, [{ field: 'name', message: '账号名称：本单位已登记同一平台的同名账号' }]);
  }
}

const columnsOf = (input: AccountInput) => ({
  platform: input.platform,
  name: input.name,
  platform_account_id: input.platformAccountId ?? null,
  operator: input.operator,
  opened_on: input.openedOn,
  note: input.note ?? null,
});

/** Registers an account (operating). */
export async function createAccount(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<NewMediaAccount> {
  const input = parseInput(newAccountInput, opts.input, newMediaLabels);
  const agency = await editableAgency(ctx, opts.actor, input.agencyId);
  const problem = openingProblem(input.openedOn, null, today(ctx));
  if (problem) throw validationError([{ field: 'openedOn', message: `开通日期：${problem}` }]);
  await assertNameFree(ctx, agency.id, input, null);
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const created = await insertAccount(trx, { agency_id: agency.id, ...columnsOf(input), status: 'operating', closed_on: null, close_reason: null, created_at: at, updated_at: at });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'newMedia.account.create', entityType: 'newMediaAccount', entityId: created.id, agencyId: agency.id, ip: opts.ip,
      data: { platform: created.platform, name: created.name, platformAccountId: created.platform_account_id, operator: created.operator, openedOn: created.opened_on },
    });
    return created;
  });
}

/** Edits an account's details (not its closing, which is an action of its own). */
export async function updateAccount(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<NewMediaAccount> {
  const before = await visibleAccount(ctx, opts.actor, opts.id);
  await editableAgency(ctx, opts.actor, before.agency_id);
  const input = parseInput(accountInput, opts.input, newMediaLabels);
  const problem = openingProblem(input.openedOn, before.closed_on, today(ctx));
  if (problem) throw validationError([{ field: 'openedOn', message: `开通日期：${problem}` }]);
  await assertNameFree(ctx, before.agency_id, input, before.id);
  const columns = columnsOf(input);
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(columns)) if ((before as Record<string, unknown>)[k] !== v) changed[k] = [(before as Record<string, unknown>)[k], v];
  if (Object.keys(changed).length === 0) return before;
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateAccountRow(trx, before.id, { ...columns, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'newMedia.account.update', entityType: 'newMediaAccount', entityId: before.id, agencyId: before.agency_id, ip: opts.ip, data: { changed } });
    return updated;
  });
}

/** Records that an account was shut down (关停) or merged into another (整合) from a day, with the reason. */
export async function closeAccount(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<NewMediaAccount> {
  const before = await visibleAccount(ctx, opts.actor, opts.id);
  await editableAgency(ctx, opts.actor, before.agency_id);
  const input = parseInput(closeAccountInput, opts.input, newMediaLabels);
  if (before.status !== 'operating') throw new AppError('INVALID_STATE', `该账号已于${before.closed_on}${ACCOUNT_STATUS_LABELS[before.status]}，不能再次登记关停或整合`);
  const problem = closingProblem(before.opened_on, input.closedOn, today(ctx));
  if (problem) throw validationError([{ field: 'closedOn', message: `关停（整合）日期：${problem}` }]);
  // Counts already entered for months after the closing would no longer be possible: refuse rather than drop them.
  const closedMonth = input.closedOn.slice(0, 7);
  const later = (await monthsOfAccount(ctx.database.db, before.id, closedMonth, '9999-12')).filter((m) => m.month > closedMonth && m.items > 0);
  if (later.length > 0) {
    throw validationError([{ field: 'closedOn', message: `关停（整合）日期：${monthLabel(later[0]!.month)}已填报发布条数${later[0]!.items}条，关停日期不能早于该月` }]);
  }
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateAccountRow(trx, before.id, { status: input.status, closed_on: input.closedOn, close_reason: input.reason, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'newMedia.account.close', entityType: 'newMediaAccount', entityId: before.id, agencyId: before.agency_id, ip: opts.ip,
      data: { status: input.status, closedOn: input.closedOn, reason: input.reason },
    });
    return updated;
  });
}

/** Undoes a closing recorded by mistake: the account operates again. */
export async function reopenAccount(ctx: AppContext, opts: { actor: Actor; id: number; ip?: string }): Promise<NewMediaAccount> {
  const before = await visibleAccount(ctx, opts.actor, opts.id);
  await editableAgency(ctx, opts.actor, before.agency_id);
  if (before.status === 'operating') throw new AppError('INVALID_STATE', '该账号正在运营，无需恢复');
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateAccountRow(trx, before.id, { status: 'operating', closed_on: null, close_reason: null, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'newMedia.account.reopen', entityType: 'newMediaAccount', entityId: before.id, agencyId: before.agency_id, ip: opts.ip,
      data: { previous: { status: before.status, closedOn: before.closed_on, reason: before.close_reason } },
    });
    return updated;
  });
}

const datesOf = (a: NewMediaAccount) => ({ openedOn: a.opened_on, closedOn: a.closed_on });

/**
 * Saves an account's counts for the months of a year (m1 … m12): a month left out stays as it
 * is, a blank one is removed, a count replaces the month's. All months are checked first.
 */
export async function saveMonths(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<MonthlyItems[]> {
  const input = parseInput(monthsInput, opts.input, newMediaLabels) as { year: number } & Partial<Record<string, string>>;
  const { account, months } = await getAccount(ctx, opts.actor, opts.id, input.year);
  await editableAgency(ctx, opts.actor, account.agency_id);
  const day = today(ctx);
  const existing = new Map(months.map((m) => [m.month, m.items]));
  const problems: FieldError[] = [];
  const writes: Array<{ month: string; items: number | null }> = [];
  monthsOfYear(input.year).forEach((month, i) => {
    const raw = input[MONTH_KEYS[i]!];
    if (raw === undefined) return;
    const items = raw === '' ? null : Number(raw);
    if (items !== null) {
      const problem = monthProblem(datesOf(account), month, day);
      if (problem) problems.push({ field: MONTH_KEYS[i]!, message: `${newMediaLabels[MONTH_KEYS[i]!]}：${problem}` });
    }
    if ((existing.get(month) ?? null) !== items) writes.push({ month, items });
  });
  if (problems.length) throw validationError(problems);
  if (writes.length > 0) {
    const at = nowIso(ctx);
    await ctx.database.db.transaction().execute(async (trx) => {
      for (const w of writes) {
        if (w.items === null) await deleteMonth(trx, account.id, w.month);
        else await upsertMonth(trx, { account_id: account.id, month: w.month, items: w.items, entered_by: opts.actor.displayName, updated_at: at });
      }
      await recordAudit(ctx, trx, opts.actor, {
        action: 'newMedia.months.save', entityType: 'newMediaAccount', entityId: account.id, agencyId: account.agency_id, ip: opts.ip,
        data: { year: input.year, changed: Object.fromEntries(writes.map((w) => [w.month, [existing.get(w.month) ?? null, w.items]])) },
      });
    });
  }
  return monthsOfAccount(ctx.database.db, account.id, `${input.year}-01`, `${input.year}-12`);
}

export type MonthlyImportResult =
  | { ok: true; written: number; changed: number; accounts: number }
  | { ok: false; errors: MonthlyRowError[]; dataRows: number };

/** The accounts of an agency as the import finds them. */
async function accountsForImport(ctx: AppContext, agencyId: number): Promise<AccountForImport[]> {
  return (await listAccounts(ctx.database.db, [agencyId])).map((a) => ({
    id: a.id, platform: a.platform, name: a.name, platformAccountId: a.platform_account_id, openedOn: a.opened_on, closedOn: a.closed_on,
  }));
}

/**
 * Writes checked rows of monthly counts (each replaces the month's count of its account) with
 * one audit entry naming the source, in one transaction.
 */
async function writeImport(
  ctx: AppContext, actor: Actor, agency: Agency, sheet: ReturnType<typeof parseMonthlySheet>, source: Record<string, unknown>, ip?: string,
): Promise<MonthlyImportResult> {
  if (sheet.errors.length > 0) return { ok: false, errors: sheet.errors, dataRows: sheet.dataRows };
  const stored = await storedMonths(ctx.database.db, [...new Set(sheet.rows.map((r) => r.accountId))]);
  const changed = sheet.rows.filter((r) => stored.get(`${r.accountId}|${r.month}`) !== r.items);
  const at = nowIso(ctx);
  await ctx.database.db.transaction().execute(async (trx) => {
    for (const r of changed) await upsertMonth(trx, { account_id: r.accountId, month: r.month, items: r.items, entered_by: actor.displayName, updated_at: at });
    await recordAudit(ctx, trx, actor, {
      action: 'newMedia.months.import', entityType: 'agency', entityId: agency.id, agencyId: agency.id, ip,
      data: { ...source, rows: sheet.rows.length, changed: changed.length, months: [...new Set(sheet.rows.map((r) => r.month))].sort() },
    });
  });
  return { ok: true, written: sheet.rows.length, changed: changed.length, accounts: new Set(sheet.rows.map((r) => r.accountId)).size };
}

/**
 * Imports monthly counts of an agency's accounts from an XLSX or CSV file (see the module
 * comment). Throws AppError: NOT_FOUND / FORBIDDEN for the agency, PAYLOAD_TOO_LARGE over 10 MB,
 * VALIDATION_FAILED when the file as a whole cannot be read. Row errors are returned, not thrown.
 */
export async function importMonthlyFile(ctx: AppContext, opts: { actor: Actor; agencyId: unknown; fileName: string; bytes: Uint8Array; ip?: string }): Promise<MonthlyImportResult> {
  const { agencyId } = parseInput(newAccountInput.pick({ agencyId: true }), { agencyId: opts.agencyId }, newMediaLabels);
  const agency = await editableAgency(ctx, opts.actor, agencyId);
  if (opts.bytes.length > MAX_MONTHLY_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '文件超过10 MB，请分成几个文件导入');
  if (opts.bytes.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的');
  let sheet;
  try {
    sheet = parseMonthlySheet(await readSpreadsheet(opts.bytes), { accounts: await accountsForImport(ctx, agency.id), today: today(ctx) });
  } catch (error) {
    if (error instanceof ImportFileError || error instanceof MonthlyFileError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  return writeImport(ctx, opts.actor, agency, sheet, { fileName: opts.fileName, sha256 }, opts.ip);
}

/** The same import from JSON rows { account, platform?, month, items }. */
export async function importMonthlyJson(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<MonthlyImportResult> {
  const input = parseInput(apiImportInput, opts.input, newMediaLabels);
  const agency = await editableAgency(ctx, opts.actor, input.agencyId);
  const rows = [['账号名称', '平台', '月份', '发布条数'], ...input.rows.map((r) => [r.account, r.platform ?? '', r.month, r.items])];
  let sheet;
  try {
    // Row 1 is the header made up here: rows[0] is sheet row 2, named 第1条 for the caller.
    sheet = parseMonthlySheet(rows, { accounts: await accountsForImport(ctx, agency.id), today: today(ctx), rowName: (row) => `第${row - 1}条` });
  } catch (error) {
    if (error instanceof MonthlyFileError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
  return writeImport(ctx, opts.actor, agency, sheet, { fileName: 'API' }, opts.ip);
}

/** The agencies whose accounts the actor may edit (the import form's choice). */
export async function editableAgencies(ctx: AppContext, actor: Actor): Promise<AgencyNode[]> {
  return (await listAgencies(ctx, actor)).filter((a) => newMediaPolicy.edit(actor, a.id));
}
