/**
 * Importing lists of individual decisions (行政许可, 行政处罚, 行政强制) for report section 二.
 *
 * A list can be large (a city's penalty decisions of a year: a million rows, hundreds of MB), so:
 * - the upload is streamed to a file under the data directory, never held in memory
 *   (multipart.ts); the import then runs in the background of the same process, reading the file
 *   as a stream (read-rows.ts), and the page of the import shows its progress;
 * - rows go in as batches of IMPORT_BATCH_ROWS, each in its own short transaction with the
 *   import's progress, so the single SQLite connection is never held for long and the console
 *   stays responsive while an import runs;
 * - a row that cannot be read is rejected and listed (the first MAX_ROW_ERRORS), the others are
 *   imported: unlike the request import (all or nothing), a decision row stands alone;
 * - a number already stored for the agency and kind is skipped and counted as a duplicate, so
 *   importing the same list again adds nothing;
 * - an import that fails — an unreadable file, a database error, or a process that stopped in
 *   the middle (its heartbeat goes stale; recoverInterruptedImports) — has its rows deleted
 *   before it is marked failed. Until it is done its rows are not counted; one import per agency
 *   and kind runs at a time (a partial unique index), so no other import can have skipped them as
 *   duplicates.
 *
 * Audit: one entry when an import starts, one when it is done or failed (with the counts), not
 * one per decision — the rows themselves record which import brought them.
 */
import fs from 'node:fs';
import { nowIso, today, type AppContext } from '../../../context.js';
import { findDecisionHeader, isBlankRow, MAX_HEADER_ROW, parseDecisionRow, DECISION_KIND_LABELS, type DecisionHeader, type DecisionKind, type DecisionRowError } from '../../../domain/registry/decisions.js';
import type { Actor } from '../../../domain/roles.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { parseInput } from '../../../http/validate.js';
import { findAgency } from '../../agencies/repository.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../audit/service.js';
import { registryPolicy } from '../policy.js';
import { apiImportInput, importStartInput, registryLabels } from '../schemas.js';
import { DecisionFileError, openRowSource, type RowSource, type SheetRow } from './read-rows.js';
import {
  DECISION_ROWS_PER_INSERT, deleteDecisionsOfImport, deleteImportYears, findImport, findRunningImport, insertDecisions, insertImport, listImports,
  markImportFailed, markImportFailing, staleRunningImports, touchImport, updateRunningImport, type DecisionRowValues, type RegistryImport,
} from './repository.js';

/** Rows per transaction (one multi-row INSERT each). */
export const IMPORT_BATCH_ROWS = DECISION_ROWS_PER_INSERT;
/** Row errors kept with an import. */
export const MAX_ROW_ERRORS = 200;
/** Largest file accepted for upload. */
export const MAX_IMPORT_FILE_BYTES = 500 * 1024 * 1024;
/** How often a running import shows it is alive, and after how long without a sign it is taken as stopped. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 60_000;
/** Decisions deleted per statement when an import fails. */
const DELETE_CHUNK = 10_000;

/** Progress as the console and the command line show it. */
export interface ImportProgress {
  rowsRead: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  bytesRead: number;
  fileBytes: number;
}

/** Imports running in this process, by id: settled when the import is done or failed. */
const running = new Map<number, Promise<RegistryImport>>();

/** The import's outcome once it has settled (tests, the command line). */
export async function whenImportSettled(id: number): Promise<void> {
  await running.get(id);
}

/** Thrown inside a batch when the import is no longer running: its batch rolls back and it stops. */
class ImportStopped extends Error {}

export interface StartImportOptions {
  actor: Actor;
  /** { agencyId, kind } from the form or the command line. */
  input: unknown;
  fileName: string;
  fileBytes: number;
  /** Opens the rows (a file on disk, or the decisions of a JSON call). */
  open: () => Promise<RowSource>;
  /** Called once the import has settled (deletes the uploaded file). */
  cleanup?: () => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  /** Where an unexpected error is reported (the request log); the import fails either way. */
  log?: (error: unknown) => void;
  ip?: string;
}

/** The agency of an import, checked: NOT_FOUND outside the actor's scope, FORBIDDEN without the right to edit. */
async function editableAgency(ctx: AppContext, actor: Actor, agencyId: number) {
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency || !registryPolicy.view(actor, agency.id)) throw notFound('单位');
  if (!registryPolicy.edit(actor, agency.id)) throw forbidden('无权导入该单位的决定：信息起草人和管理员可以导入本单位的决定');
  return agency;
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/**
 * Starts an import: checks the agency, the kind and that no other import of them is running,
 * records the import (and its audit entry), and runs it in the background. Returns the import
 * row at once and `done`, settled with the final row. Throws AppError (VALIDATION_FAILED,
 * NOT_FOUND, FORBIDDEN, CONFLICT) before anything is written; `cleanup` is then the caller's.
 */
export async function startDecisionImport(ctx: AppContext, opts: StartImportOptions): Promise<{ import: RegistryImport; done: Promise<RegistryImport> }> {
  const input = parseInput(importStartInput, opts.input, registryLabels);
  const agency = await editableAgency(ctx, opts.actor, input.agencyId);
  const busy = await findRunningImport(ctx.database.db, agency.id, input.kind);
  const conflict = () => new AppError('CONFLICT', `${agency.short_name}的${DECISION_KIND_LABELS[input.kind]}决定正在导入，请等该次导入完成后再导入`);
  if (busy) throw conflict();
  const at = nowIso(ctx);
  let row: RegistryImport;
  try {
    row = await ctx.database.db.transaction().execute(async (trx) => {
      const created = await insertImport(trx, {
        agency_id: agency.id, kind: input.kind, file_name: opts.fileName.slice(0, 255), file_bytes: opts.fileBytes, status: 'running',
        failure: null, started_by_user_id: opts.actor.userId || null, started_by_name: opts.actor.displayName, started_at: at, heartbeat_at: at, finished_at: null,
      });
      await recordAudit(ctx, trx, opts.actor, {
        action: 'registry.import.start', entityType: 'registryImport', entityId: created.id, agencyId: agency.id, ip: opts.ip,
        data: { kind: input.kind, fileName: created.file_name, fileBytes: opts.fileBytes },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
  const done = runImport(ctx, row, opts).finally(async () => {
    running.delete(row.id);
    await opts.cleanup?.().catch(() => undefined);
  });
  running.set(row.id, done);
  return { import: row, done };
}

/** Starts an import of a file on disk (an upload, or the command line's file). */
export function startFileImport(ctx: AppContext, opts: Omit<StartImportOptions, 'open' | 'fileBytes'> & { path: string; deleteAfter: boolean }) {
  const bytes = fs.statSync(opts.path).size;
  return startDecisionImport(ctx, {
    ...opts,
    fileBytes: bytes,
    open: () => openRowSource(opts.path),
    cleanup: opts.deleteAfter ? () => fs.promises.rm(opts.path, { force: true }) : opts.cleanup,
  });
}

/**
 * Decisions sent as JSON ({ agencyId, kind, fileName?, decisions: [{ number, date }] }):
 * imported like a file with the template's two columns, and returned once done.
 */
export async function importDecisionsJson(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string; log?: (error: unknown) => void }): Promise<RegistryImport> {
  const input = parseInput(apiImportInput, opts.input, registryLabels);
  const rows: SheetRow[] = [{ row: 1, cells: ['决定文书号', '决定日期'] }, ...input.decisions.map((d, i) => ({ row: i + 2, cells: [d.number, d.date] }))];
  let given = 0;
  const source: RowSource = {
    kind: 'csv', encoding: null, bytesRead: () => given,
    async *pieces() {
      for (let i = 0; i < rows.length; i += IMPORT_BATCH_ROWS) {
        const piece = rows.slice(i, i + IMPORT_BATCH_ROWS);
        given += piece.length;
        yield piece;
      }
    },
  };
  const { done } = await startDecisionImport(ctx, {
    actor: opts.actor, input: { agencyId: input.agencyId, kind: input.kind }, fileName: input.fileName ?? 'API', fileBytes: rows.length,
    open: async () => source, ip: opts.ip, log: opts.log,
  });
  return done;
}

/** The work of one import; never throws (a failure is recorded on the import). */
async function runImport(ctx: AppContext, imp: RegistryImport, opts: StartImportOptions): Promise<RegistryImport> {
  const heartbeat = setInterval(() => void touchImport(ctx.database.db, imp.id, nowIso(ctx)).catch(() => undefined), HEARTBEAT_MS);
  heartbeat.unref();
  let failure: string | null = null;
  try {
    await readAndInsert(ctx, imp, opts);
  } catch (error) {
    if (error instanceof DecisionFileError) failure = error.message;
    else if (!(error instanceof ImportStopped)) {
      opts.log?.(error);
      failure = '导入时发生系统错误，请稍后重新导入；如持续出现请联系管理员';
    }
  } finally {
    clearInterval(heartbeat);
  }
  if (failure !== null) await failImport(ctx, imp, failure, actorOf(imp)).catch((error: unknown) => opts.log?.(error));
  return (await findImport(ctx.database.db, imp.id))!;
}

function actorOf(imp: RegistryImport): AuditActor {
  return imp.started_by_user_id ? { userId: imp.started_by_user_id, displayName: imp.started_by_name } : { userId: null, displayName: imp.started_by_name };
}

/** Reads every row, inserts the good ones batch by batch, and marks the import done. */
async function readAndInsert(ctx: AppContext, imp: RegistryImport, opts: StartImportOptions): Promise<void> {
  const dialect = ctx.database.dialect;
  const db = ctx.database.db;
  const day = today(ctx);
  const source = await opts.open();
  const progress: ImportProgress = { rowsRead: 0, accepted: 0, duplicate: 0, rejected: 0, bytesRead: 0, fileBytes: imp.file_bytes };
  const errors: DecisionRowError[] = [];
  let errorsChanged = false;
  let header: DecisionHeader | null = null;
  const batch: DecisionRowValues[] = [];
  let sinceFlush = 0;

  const counters = () => ({
    bytes_read: Math.min(source.bytesRead(), imp.file_bytes), rows_read: progress.rowsRead, rows_accepted: progress.accepted,
    rows_duplicate: progress.duplicate, rows_rejected: progress.rejected, heartbeat_at: nowIso(ctx),
    ...(errorsChanged ? { row_errors: JSON.stringify(errors) } : {}),
  });
  /** Writes the first IMPORT_BATCH_ROWS of the batch (and the progress) in one transaction. */
  const flush = async () => {
    const rows = batch.length > IMPORT_BATCH_ROWS ? batch.splice(0, IMPORT_BATCH_ROWS) : batch.splice(0);
    sinceFlush = Math.max(0, sinceFlush - IMPORT_BATCH_ROWS);
    await db.transaction().execute(async (trx) => {
      const inserted = await insertDecisions(trx, dialect, { agencyId: imp.agency_id, kind: imp.kind, importId: imp.id }, rows);
      progress.accepted += inserted;
      progress.duplicate += rows.length - inserted;
      if (!(await updateRunningImport(trx, imp.id, counters()))) throw new ImportStopped();
    });
    errorsChanged = false;
    progress.bytesRead = Math.min(source.bytesRead(), imp.file_bytes);
    opts.onProgress?.({ ...progress });
  };

  /** Takes the rows of a piece into the batch; false when the header was not found where it may be. */
  const take = (piece: readonly SheetRow[]): boolean => {
    for (const { row, cells } of piece) {
      if (header === null) {
        if (row > MAX_HEADER_ROW) return false;
        header = findDecisionHeader(cells, row);
        continue;
      }
      if (isBlankRow(cells)) continue;
      progress.rowsRead += 1;
      sinceFlush += 1;
      const parsed = parseDecisionRow(cells, header, row, day);
      if (parsed.ok) {
        batch.push({ number: parsed.number, date: parsed.date });
      } else {
        progress.rejected += 1;
        for (const e of parsed.errors) {
          if (errors.length < MAX_ROW_ERRORS) {
            errors.push(e);
            errorsChanged = true;
          }
        }
      }
    }
    return true;
  };

  // A piece is let go before the batch is written (it would otherwise live on through the write).
  const pieces = source.pieces();
  try {
    let next: IteratorResult<SheetRow[]> | null;
    while (!(next = await pieces.next()).done) {
      const more = take(next.value);
      next = null;
      if (!more) break;
      while (batch.length >= IMPORT_BATCH_ROWS || sinceFlush >= IMPORT_BATCH_ROWS) await flush();
    }
  } finally {
    // Closes the file also when the import stops early (no header, a failed write).
    await pieces.return(undefined);
  }
  if (header === null) {
    throw new DecisionFileError(`找不到表头：文件的前${MAX_HEADER_ROW}行中没有“决定文书号”和“决定日期”两列，请按导入模板填写`);
  }
  if (progress.rowsRead === 0) throw new DecisionFileError('文件中没有决定：表头下面没有数据行');
  while (batch.length > 0) await flush();

  await db.transaction().execute(async (trx) => {
    const finished = await updateRunningImport(trx, imp.id, { ...counters(), bytes_read: imp.file_bytes, status: 'done', finished_at: nowIso(ctx) });
    if (!finished) throw new ImportStopped();
    await recordAudit(ctx, trx, actorOf(imp), {
      action: 'registry.import.finish', entityType: 'registryImport', entityId: imp.id, agencyId: imp.agency_id,
      data: { kind: imp.kind, fileName: imp.file_name, rowsRead: progress.rowsRead, accepted: progress.accepted, duplicate: progress.duplicate, rejected: progress.rejected },
    });
  });
}

/**
 * Fails an import: marks it failing (its own batches then stop), deletes its rows a chunk at a
 * time, then marks it failed with its audit entry. Safe to run twice (a second run finds no
 * rows and no running import to mark).
 */
async function failImport(ctx: AppContext, imp: RegistryImport, failure: string, actor: AuditActor): Promise<void> {
  const db = ctx.database.db;
  await markImportFailing(db, imp.id, failure, nowIso(ctx));
  let deleted = 0;
  for (;;) {
    // Each chunk is its own statement: the single SQLite connection is not held for long.
    const n = await deleteDecisionsOfImport(db, imp.id, DELETE_CHUNK);
    if (n === 0) break;
    deleted += n;
    await touchImport(db, imp.id, nowIso(ctx));
  }
  await db.transaction().execute(async (trx) => {
    if (!(await markImportFailed(trx, imp.id, nowIso(ctx)))) return;
    await deleteImportYears(trx, imp.id);
    await recordAudit(ctx, trx, actor, {
      action: 'registry.import.fail', entityType: 'registryImport', entityId: imp.id, agencyId: imp.agency_id,
      data: { kind: imp.kind, fileName: imp.file_name, failure, rowsDeleted: deleted },
    });
  });
}

/**
 * Imports whose process stopped in the middle (a crash, a restart, a killed command): a running
 * import whose heartbeat is older than STALE_AFTER_MS and that is not running in this process.
 * Each is failed and its rows deleted. The server calls it on start and every minute; several
 * instances may call it at once. Returns the ids failed.
 */
export async function recoverInterruptedImports(ctx: AppContext): Promise<number[]> {
  const before = new Date(ctx.clock.now().getTime() - STALE_AFTER_MS).toISOString();
  const stale = (await staleRunningImports(ctx.database.db, before)).filter((imp) => !running.has(imp.id));
  for (const imp of stale) {
    await failImport(ctx, imp, imp.failure ?? '导入在完成前中断（服务重启或进程退出），已写入的决定已删除，请重新导入', SYSTEM_ACTOR);
  }
  return stale.map((imp) => imp.id);
}

/** One import, checked against the actor's scope. */
export async function getImport(ctx: AppContext, actor: Actor, id: number): Promise<RegistryImport> {
  const imp = await findImport(ctx.database.db, id);
  if (!imp || !registryPolicy.view(actor, imp.agency_id)) throw notFound('导入记录');
  return imp;
}

/** The latest imports of an agency. */
export async function listAgencyImports(ctx: AppContext, actor: Actor, agencyId: number, limit = 50): Promise<RegistryImport[]> {
  if (!registryPolicy.view(actor, agencyId)) throw notFound('单位');
  return listImports(ctx.database.db, [agencyId], limit);
}

/** Row errors of an import, as stored. */
export function rowErrorsOf(imp: RegistryImport): DecisionRowError[] {
  return JSON.parse(imp.row_errors) as DecisionRowError[];
}

/** Per cent of the file read (100 when done). */
export function percentRead(imp: RegistryImport): number {
  if (imp.status === 'done') return 100;
  if (imp.file_bytes <= 0) return 0;
  return Math.min(100, Math.floor((imp.bytes_read / imp.file_bytes) * 100));
}

export type { DecisionKind };
