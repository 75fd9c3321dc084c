/**
 * Bulk import of past requests from XLSX or CSV: the whole file is checked first, and either
 * every row is written — requests and their timelines, in one transaction — or nothing is and
 * every error is listed.
 *
 * Written for volume (a year of a city's requests at once): no look-up per row. The agencies
 * and the calendar are read once; the file is checked in memory; one query finds rows already
 * stored; tracking numbers continue one running number read once; requests and events are
 * written by the repository's ImportWriter (SQLite: statements prepared once and run per row;
 * PostgreSQL: multi-row INSERTs), ordered by agency and date of receipt (so the numbers run in
 * that order, not in the order of the sheet's rows). docs/PERFORMANCE.md has the figures.
 *
 * One audit entry for the whole import rather than one per request: the audit log is a hash
 * chain appended under a lock, one entry at a time, so 200,000 entries would make the import
 * many times slower and bury the log in entries that say nothing the file does not. The one
 * entry names the file (and its SHA-256), the row count per agency and the tracking-number
 * range (IMP<date>-<n> … IMP<date>-<m>), which finds every imported row; each event row in
 * turn records who wrote it and when.
 */
import { createHash, randomBytes } from 'node:crypto';
import { nowIso, today, type AppContext } from '../../../context.js';
import type { Executor } from '../../../db/database.js';
import {
  ImportFileError, importDuplicateKey, parseImportSheet, type ImportError, type ImportRow,
} from '../../../domain/requests/import.js';
import type { Actor } from '../../../domain/roles.js';
import { AppError, forbidden } from '../../../errors.js';
import { listAllAgencies } from '../../agencies/repository.js';
import { recordAudit } from '../../audit/service.js';
import { loadCalendar } from '../../calendar/service.js';
import { requesterKey } from '../intake.js';
import { requestPolicy } from '../policy.js';
import { readSpreadsheet } from './read-file.js';
import {
  importWriter, lastTrackingNumber, lockImports, requestsReceivedBetween, type ImportedRequestValues,
} from './repository.js';

/** Largest file accepted (the same as the app's upload limit). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Imported requests have no preferred form or delivery recorded; views show the value as is. */
export const UNSPECIFIED = '未载明';

/** Tracking numbers of imported requests: IMP20260302-0000001 (import date, running number). */
const SERIAL_DIGITS = 7;

export type ImportResult =
  | { ok: true; imported: number; trackingNumbers: { first: string; last: string } }
  | { ok: false; errors: ImportError[]; dataRows: number };

/** The agencies whose requests the actor may import, by full name and by credit code. */
async function agencyResolver(ctx: AppContext, actor: Actor) {
  const agencies = (await listAllAgencies(ctx.database.db)).filter((a) => requestPolicy.handle(actor, a.id));
  const byKey = new Map<string, number>();
  const key = (text: string) => text.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  for (const a of agencies) {
    byKey.set(key(a.name), a.id);
    if (a.credit_code) byKey.set(key(a.credit_code), a.id);
  }
  // Every row names its agency, in one of a few spellings: look each spelling up once.
  const resolved = new Map<string, number | null>();
  const resolve = (text: string) => {
    let id = resolved.get(text);
    if (id === undefined) {
      id = byKey.get(key(text)) ?? null;
      resolved.set(text, id);
    }
    return id;
  };
  return { count: agencies.length, resolve };
}

/**
 * Imports the requests of an uploaded file (see the module comment). Throws AppError:
 * FORBIDDEN when the actor handles no agency's requests, PAYLOAD_TOO_LARGE over 10 MB,
 * VALIDATION_FAILED when the file as a whole cannot be read (not XLSX or CSV, no data rows,
 * more than 200,000 rows). Row errors are returned, not thrown.
 */
export async function importRequests(
  ctx: AppContext,
  opts: { actor: Actor; fileName: string; bytes: Uint8Array; ip?: string },
): Promise<ImportResult> {
  const { actor, bytes } = opts;
  const agencies = await agencyResolver(ctx, actor);
  if (agencies.count === 0) throw forbidden('无权导入依申请公开记录：只有依申请公开承办人、审批人可以导入本单位的申请');
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '文件超过10 MB，请分成几个文件导入');
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的');

  const day = today(ctx);
  const calendar = await loadCalendar(ctx);
  let parsed;
  try {
    parsed = parseImportSheet(await readSpreadsheet(bytes), { today: day, calendar, resolveAgency: agencies.resolve });
  } catch (error) {
    if (error instanceof ImportFileError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors, dataRows: parsed.dataRows };
  // Written (and numbered) by agency and date of receipt: the indexes on (agency, date) then
  // grow in order, which SQLite inserts markedly faster than rows in random order.
  const rows = parsed.rows.sort((a, b) => a.agencyId - b.agencyId || (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.row - b.row));

  const at = nowIso(ctx);
  const prefix = `IMP${day.replace(/-/g, '')}-`;
  const handlerUserId = actor.userId || null;
  return ctx.database.db.transaction().execute(async (trx): Promise<ImportResult> => {
    await lockImports(trx, ctx.database.dialect);
    const repeated = await storedDuplicates(trx, rows);
    if (repeated.length > 0) return { ok: false, errors: repeated, dataRows: parsed.dataRows };

    const last = await lastTrackingNumber(trx, ctx.database.dialect, prefix);
    const start = last === null ? 0 : Number(last.slice(prefix.length));
    if (!Number.isSafeInteger(start) || start + rows.length >= 10 ** SERIAL_DIGITS) {
      throw new AppError('CONFLICT', '今天导入的申请编号已用尽，请明天再导入');
    }
    const numberOf = (i: number) => `${prefix}${String(start + 1 + i).padStart(SERIAL_DIGITS, '0')}`;
    // Nobody holds a query code for an imported request, so its hash is 32 random bytes: the
    // hash of a code no one knows, which no code entered on the portal can match.
    const secrets = randomBytes(32 * rows.length).toString('hex');
    const writer = importWriter(trx, ctx.database, { userId: handlerUserId, name: actor.displayName, at });
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      writer.add(requestValues(r, numberOf(i), secrets.slice(64 * i, 64 * i + 64), handlerUserId, at), r.events);
    }
    await writer.finish();

    const perAgency: Record<string, number> = {};
    for (const r of rows) perAgency[r.agencyId] = (perAgency[r.agencyId] ?? 0) + 1;
    const agencyIds = Object.keys(perAgency).map(Number);
    const trackingNumbers = { first: numberOf(0), last: numberOf(rows.length - 1) };
    await recordAudit(ctx, trx, actor, {
      action: 'request.import',
      entityType: 'request',
      entityId: null,
      // An entry has one agency: the one imported into, or the importer's own for several
      // (none for the command line, whose actor belongs to no agency).
      agencyId: agencyIds.length === 1 ? agencyIds[0]! : actor.agencyId || null,
      ip: opts.ip,
      data: {
        fileName: opts.fileName, fileSha256: createHash('sha256').update(bytes).digest('hex'), rows: rows.length,
        agencyIds, perAgency, trackingNumbers,
      },
    });
    return { ok: true, imported: rows.length, trackingNumbers };
  });
}

/** The stored columns of one imported request, in the order of IMPORTED_REQUEST_COLUMNS. */
function requestValues(r: ImportRow, trackingNumber: string, queryCodeHash: string, handlerUserId: number | null, at: string): ImportedRequestValues {
  const key = requesterKey({
    requesterName: r.requesterName, idNumber: r.idNumber ?? undefined, creditCode: r.creditCode ?? undefined,
    phone: r.phone ?? undefined, email: r.email ?? undefined,
  });
  return [
    r.agencyId, trackingNumber, queryCodeHash, r.requesterKind, r.requesterName, r.idType,
    r.idNumber, r.creditCode, r.phone, r.email, r.address, key,
    r.description, UNSPECIFIED, UNSPECIFIED, r.channel, r.receivedOn, r.state, r.reportOutcome, r.handledOn, r.dueDate,
    null, handlerUserId, 0, at, at,
  ];
}

/**
 * Rows that repeat a request already stored (same agency, requester, content and date of
 * receipt) — most often the same file uploaded twice. One query for the whole file.
 */
async function storedDuplicates(trx: Executor, rows: readonly ImportRow[]): Promise<ImportError[]> {
  let from = rows[0]!.receivedOn;
  let to = from;
  const agencyIds = new Set<number>();
  for (const r of rows) {
    if (r.receivedOn < from) from = r.receivedOn;
    if (r.receivedOn > to) to = r.receivedOn;
    agencyIds.add(r.agencyId);
  }
  const stored = new Map<string, string>();
  for (const s of await requestsReceivedBetween(trx, [...agencyIds], from, to)) {
    stored.set(importDuplicateKey({
      agencyId: s.agency_id, idNumber: s.requester_id_number, creditCode: s.requester_credit_code,
      requesterName: s.requester_name, description: s.description, receivedOn: s.received_on,
    }), s.tracking_number);
  }
  const errors: ImportError[] = [];
  if (stored.size === 0) return errors;
  for (const r of rows) {
    const number = stored.get(importDuplicateKey(r));
    if (number === undefined) continue;
    const message = `第${r.row}行：与已登记的申请${number}重复（受理单位、申请人、申请内容和收到申请日期均相同），该行可能已经导入过`;
    errors.push({ row: r.row, column: null, detail: message, message });
  }
  return errors.sort((a, b) => a.row - b.row);
}
