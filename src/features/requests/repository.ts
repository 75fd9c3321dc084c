/** SQL of disclosure requests, their timeline, letters and review cases. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  DisclosureRequest, RequestEventRow, RequestEventTable, RequestLetter, RequestLetterTable, RequestTable, ReviewCase, ReviewCaseTable,
} from '../../db/schema.js';

export function findRequest(db: Executor, id: number): Promise<DisclosureRequest | undefined> {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRequestByTracking(db: Executor, trackingNumber: string): Promise<DisclosureRequest | undefined> {
  return db.selectFrom('requests').selectAll().where('tracking_number', '=', trackingNumber).executeTakeFirst();
}

export async function insertRequest(db: Executor, values: Insertable<RequestTable>): Promise<DisclosureRequest> {
  return db.insertInto('requests').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateRequestRow(db: Executor, id: number, values: Updateable<RequestTable>): Promise<DisclosureRequest> {
  return db.updateTable('requests').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function listEvents(db: Executor, requestId: number): Promise<RequestEventRow[]> {
  return db.selectFrom('request_events').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
}

export async function insertEvent(db: Executor, values: Insertable<RequestEventTable>): Promise<void> {
  await db.insertInto('request_events').values(values).execute();
}

export interface RequestFilter {
  agencyIds: readonly number[] | null;
  state?: string;
  due?: 'overdue' | 'soon';
  q?: string;
  today: string;
  limit: number;
  offset: number;
}

/** Requests for the console list, newest first. */
export async function searchRequests(db: Executor, f: RequestFilter) {
  let q = db.selectFrom('requests').innerJoin('agencies', 'agencies.id', 'requests.agency_id');
  if (f.agencyIds !== null) q = q.where('requests.agency_id', 'in', f.agencyIds.length ? [...f.agencyIds] : [-1]);
  if (f.state === 'open') q = q.where('requests.handled_on', 'is', null);
  else if (f.state) q = q.where('requests.state', '=', f.state);
  if (f.due === 'overdue') q = q.where('requests.handled_on', 'is', null).where('requests.due_date', '<', f.today);
  if (f.due === 'soon') q = q.where('requests.due_flag', '=', 'dueSoon').where('requests.handled_on', 'is', null);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    // ESCAPE is explicit: SQLite has no default LIKE escape character.
    q = q.where(sql<boolean>`(requests.tracking_number like ${like} escape '\\' or requests.requester_name like ${like} escape '\\' or requests.description like ${like} escape '\\')`);
  }
  const rows = await q
    .selectAll('requests')
    .select('agencies.short_name as agency_name')
    .orderBy('requests.received_on', 'desc')
    .orderBy('requests.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return rows;
}

/** Open requests the deadline sweep marked due within 3 working days (due_flag): the count of the list's ?due=soon. */
export async function countDueSoon(db: Executor, agencyIds: readonly number[]): Promise<number> {
  if (agencyIds.length === 0) return 0;
  const row = await db
    .selectFrom('requests')
    .select(sql<number>`count(*)`.as('n'))
    .where('agency_id', 'in', [...agencyIds])
    .where('due_flag', '=', 'dueSoon')
    .where('handled_on', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The requester's requests to an agency received in a month (for the per-request fee, counted per month). */
export function requestsOfRequesterInMonth(db: Executor, agencyId: number, requesterKey: string, month: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'received_on'])
    .where('agency_id', '=', agencyId)
    .where('requester_key', '=', requesterKey)
    .where('received_on', '>=', `${month}-01`)
    .where('received_on', '<=', `${month}-31`)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
}

/** Earlier requests of the same requester to the same agency (repeat detection). */
export function previousRequestsOf(db: Executor, agencyId: number, requesterKey: string, beforeId: number) {
  return db
    .selectFrom('requests')
    .select(['id', 'tracking_number', 'description', 'received_on', 'outcome', 'requester_key'])
    .where('agency_id', '=', agencyId)
    .where('requester_key', '=', requesterKey)
    .where('id', '<', beforeId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export function listLetters(db: Executor, requestId: number): Promise<RequestLetter[]> {
  return db.selectFrom('request_letters').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}

export function findLetter(db: Executor, id: number): Promise<RequestLetter | undefined> {
  return db.selectFrom('request_letters').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLetter(db: Executor, values: Insertable<RequestLetterTable>): Promise<RequestLetter> {
  return db.insertInto('request_letters').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateLetter(db: Executor, id: number, values: Updateable<RequestLetterTable>): Promise<RequestLetter> {
  return db.updateTable('request_letters').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/**
 * The next serial number of an agency's letters in a year. Runs inside the caller's
 * transaction; the row lock (PostgreSQL) or the single writer (SQLite) keeps numbers unique.
 */
export async function nextLetterSerial(db: Executor, agencyId: number, year: number, series: string): Promise<number> {
  const updated = await db
    .updateTable('letter_sequences')
    .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('series', '=', series)
    .returning('last_serial')
    .executeTakeFirst();
  if (updated) return updated.last_serial;
  await db.insertInto('letter_sequences').values({ agency_id: agencyId, year, series, last_serial: 1 }).execute();
  return 1;
}

export function listCases(db: Executor, agencyIds: readonly number[] | null): Promise<ReviewCase[]> {
  let q = db.selectFrom('review_cases').selectAll();
  if (agencyIds !== null) q = q.where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1]);
  return q.orderBy('filed_on', 'desc').execute();
}

export async function insertCase(db: Executor, values: Insertable<ReviewCaseTable>): Promise<ReviewCase> {
  return db.insertInto('review_cases').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateCase(db: Executor, id: number, values: Updateable<ReviewCaseTable>): Promise<ReviewCase> {
  return db.updateTable('review_cases').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function findCase(db: Executor, id: number): Promise<ReviewCase | undefined> {
  return db.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
}
/** The public request log: handled requests an agency chose to publish, newest first, without identities. */
export function publicLog(db: Executor, limit: number, offset: number) {
  return db
    .selectFrom('requests')
    .innerJoin('agencies', 'agencies.id', 'requests.agency_id')
    .select(['requests.id', 'requests.received_on', 'requests.handled_on', 'requests.outcome', 'requests.description', 'agencies.name as agency_name'])
    .where('requests.public_log', '=', 1)
    .where('requests.handled_on', 'is not', null)
    .orderBy('requests.handled_on', 'desc')
    .orderBy('requests.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
