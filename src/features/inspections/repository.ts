/** SQL of inspections, their findings and evidence, rectification tasks and notices. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  InspectionEvidenceTable, InspectionFindingTable, InspectionNoticeTable, InspectionTable, InspectionTargetTable, RectificationStepTable,
  RectificationTaskTable,
} from '../../db/schema.js';

export type Inspection = Selectable<InspectionTable>;
export type InspectionTarget = Selectable<InspectionTargetTable>;
export type InspectionFinding = Selectable<InspectionFindingTable>;
export type RectificationTask = Selectable<RectificationTaskTable>;
export type RectificationStep = Selectable<RectificationStepTable>;
export type InspectionNotice = Selectable<InspectionNoticeTable>;
export type EvidenceInfo = Omit<Selectable<InspectionEvidenceTable>, 'content'>;
export type Evidence = Selectable<InspectionEvidenceTable>;

const ids = (list: readonly number[]) => (list.length ? [...list] : [-1]);

// ---- inspections ----------------------------------------------------------------------------

export function insertInspection(db: Executor, values: Insertable<InspectionTable>): Promise<Inspection> {
  return db.insertInto('inspections').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findInspection(db: Executor, id: number): Promise<Inspection | undefined> {
  return db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateInspectionRow(db: Executor, id: number, values: Updateable<InspectionTable>): Promise<Inspection> {
  return db.updateTable('inspections').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Inspections planned by these offices, newest first, with their counts. */
export function listInspections(db: Executor, officeIds: readonly number[] | null) {
  let q = db
    .selectFrom('inspections as i')
    .select((eb) => [
      'i.id', 'i.title', 'i.kind', 'i.year', 'i.quarter', 'i.starts_on', 'i.ends_on', 'i.status', 'i.issued_on', 'i.rectify_by', 'i.office_agency_id',
      eb.selectFrom('inspection_agencies as a').whereRef('a.inspection_id', '=', 'i.id').select((e) => e.fn.countAll<number>().as('n')).as('agencies'),
      eb.selectFrom('inspection_findings as f').whereRef('f.inspection_id', '=', 'i.id').select((e) => e.fn.countAll<number>().as('n')).as('findings'),
    ]);
  if (officeIds !== null) q = q.where('i.office_agency_id', 'in', ids(officeIds));
  return q.orderBy('i.starts_on', 'desc').orderBy('i.id', 'desc').limit(500).execute();
}

export async function insertInspectionAgencies(db: Executor, inspectionId: number, agencyIds: readonly number[]): Promise<void> {
  if (agencyIds.length) await db.insertInto('inspection_agencies').values(agencyIds.map((agency_id) => ({ inspection_id: inspectionId, agency_id }))).execute();
}

export async function inspectionAgencyIds(db: Executor, inspectionId: number): Promise<number[]> {
  const rows = await db.selectFrom('inspection_agencies').select('agency_id').where('inspection_id', '=', inspectionId).execute();
  return rows.map((r) => r.agency_id);
}

// ---- targets --------------------------------------------------------------------------------

export async function insertTargets(db: Executor, values: Insertable<InspectionTargetTable>[]): Promise<void> {
  // Batches keep far below SQLite's limit on bound parameters.
  for (let i = 0; i < values.length; i += 100) await db.insertInto('inspection_targets').values(values.slice(i, i + 100)).execute();
}

export function insertTarget(db: Executor, values: Insertable<InspectionTargetTable>): Promise<InspectionTarget> {
  return db.insertInto('inspection_targets').values(values).returningAll().executeTakeFirstOrThrow();
}

export function listTargets(db: Executor, inspectionId: number): Promise<InspectionTarget[]> {
  return db.selectFrom('inspection_targets').selectAll().where('inspection_id', '=', inspectionId).orderBy('agency_id').orderBy('kind', 'desc').orderBy('id').execute();
}

/** Operating new-media accounts of these agencies (from the new-media register). */
export function operatingAccounts(db: Executor, agencyIds: readonly number[]) {
  return db
    .selectFrom('new_media_accounts')
    .select(['id', 'agency_id', 'platform', 'name'])
    .where('agency_id', 'in', ids(agencyIds))
    .where('status', '=', 'operating')
    .orderBy('agency_id')
    .orderBy('platform')
    .orderBy('name')
    .execute();
}

export function findAccount(db: Executor, id: number) {
  return db.selectFrom('new_media_accounts').select(['id', 'agency_id', 'platform', 'name', 'status']).where('id', '=', id).executeTakeFirst();
}

// ---- findings and evidence -----------------------------------------------------------------

export function insertFinding(db: Executor, values: Insertable<InspectionFindingTable>): Promise<InspectionFinding> {
  return db.insertInto('inspection_findings').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findFinding(db: Executor, id: number): Promise<InspectionFinding | undefined> {
  return db.selectFrom('inspection_findings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Findings of an inspection (of these agencies only, unless null), by agency and id. */
export function listFindings(db: Executor, inspectionId: number, agencyIds: readonly number[] | null = null): Promise<InspectionFinding[]> {
  let q = db.selectFrom('inspection_findings').selectAll().where('inspection_id', '=', inspectionId);
  if (agencyIds !== null) q = q.where('agency_id', 'in', ids(agencyIds));
  return q.orderBy('agency_id').orderBy('id').execute();
}

export async function deleteFindingRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('inspection_evidence').where('finding_id', '=', id).execute();
  await db.deleteFrom('inspection_findings').where('id', '=', id).execute();
}

export async function insertEvidence(db: Executor, values: Insertable<InspectionEvidenceTable>): Promise<EvidenceInfo> {
  return db
    .insertInto('inspection_evidence')
    .values(values)
    .returning(['id', 'finding_id', 'step_id', 'file_name', 'kind', 'mime', 'size', 'sha256', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Evidence of these findings, without the file contents. */
export function listEvidence(db: Executor, findingIds: readonly number[]): Promise<EvidenceInfo[]> {
  return db
    .selectFrom('inspection_evidence')
    .select(['id', 'finding_id', 'step_id', 'file_name', 'kind', 'mime', 'size', 'sha256', 'created_at'])
    .where('finding_id', 'in', ids(findingIds))
    .orderBy('id')
    .execute();
}

export function findEvidence(db: Executor, id: number): Promise<Evidence | undefined> {
  return db.selectFrom('inspection_evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

// ---- rectification tasks -------------------------------------------------------------------

export function insertTask(db: Executor, values: Insertable<RectificationTaskTable>): Promise<RectificationTask> {
  return db.insertInto('rectification_tasks').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findTask(db: Executor, id: number): Promise<RectificationTask | undefined> {
  return db.selectFrom('rectification_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateTaskRow(db: Executor, id: number, values: Updateable<RectificationTaskTable>): Promise<RectificationTask> {
  return db.updateTable('rectification_tasks').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function tasksOfInspection(db: Executor, inspectionId: number): Promise<RectificationTask[]> {
  return db.selectFrom('rectification_tasks').selectAll().where('inspection_id', '=', inspectionId).orderBy('id').execute();
}

export interface TaskFilter {
  agencyIds: readonly number[] | null;
  /** open = not accepted; overdue = the agency owes an answer past the deadline. */
  show?: 'open' | 'overdue' | 'answered' | 'accepted';
  inspectionId?: number;
  today: string;
  limit: number;
}

/** Tasks with their finding, agency and inspection, earliest deadline first. */
export function searchTasks(db: Executor, f: TaskFilter) {
  let q = db
    .selectFrom('rectification_tasks as t')
    .innerJoin('inspection_findings as f', 'f.id', 't.finding_id')
    .innerJoin('inspections as i', 'i.id', 't.inspection_id')
    .innerJoin('agencies as a', 'a.id', 't.agency_id')
    .select([
      't.id', 't.agency_id', 't.inspection_id', 't.due_on', 't.status', 't.answered_on', 't.accepted_on', 't.returns',
      'f.indicator', 'f.severity', 'f.description', 'i.title as inspection_title', 'a.name as agency_name',
    ]);
  if (f.agencyIds !== null) q = q.where('t.agency_id', 'in', ids(f.agencyIds));
  if (f.inspectionId !== undefined) q = q.where('t.inspection_id', '=', f.inspectionId);
  if (f.show === 'open') q = q.where('t.status', '!=', 'accepted');
  if (f.show === 'overdue') q = q.where('t.status', 'in', ['open', 'returned']).where('t.due_on', '<', f.today);
  if (f.show === 'answered') q = q.where('t.status', '=', 'answered');
  if (f.show === 'accepted') q = q.where('t.status', '=', 'accepted');
  return q.orderBy(sql`case when t.status = 'accepted' then 1 else 0 end`).orderBy('t.due_on').orderBy('t.id').limit(f.limit).execute();
}

export async function insertStep(db: Executor, values: Omit<Insertable<RectificationStepTable>, 'seq'>): Promise<RectificationStep> {
  const last = await db.selectFrom('rectification_steps').select((eb) => eb.fn.max('seq').as('seq')).where('task_id', '=', values.task_id).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  return db.insertInto('rectification_steps').values({ ...values, seq }).returningAll().executeTakeFirstOrThrow();
}

export function listSteps(db: Executor, taskId: number): Promise<RectificationStep[]> {
  return db.selectFrom('rectification_steps').selectAll().where('task_id', '=', taskId).orderBy('seq').execute();
}

/** Per agency: tasks not yet accepted, those the agency owes past the deadline, and those answered and waiting for the office. */
export function taskCountsByAgency(db: Executor, agencyIds: readonly number[], today: string) {
  return db
    .selectFrom('rectification_tasks')
    .select([
      'agency_id',
      sql<number>`sum(case when status <> 'accepted' then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when status in ('open', 'returned') and due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when status = 'answered' then 1 else 0 end)`.as('answered'),
    ])
    .where('agency_id', 'in', ids(agencyIds))
    .groupBy('agency_id')
    .execute();
}

// ---- notices --------------------------------------------------------------------------------

export function insertNotice(db: Executor, values: Insertable<InspectionNoticeTable>): Promise<InspectionNotice> {
  return db.insertInto('inspection_notices').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findNotice(db: Executor, id: number): Promise<InspectionNotice | undefined> {
  return db.selectFrom('inspection_notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateNoticeRow(db: Executor, id: number, values: Updateable<InspectionNoticeTable>): Promise<InspectionNotice> {
  return db.updateTable('inspection_notices').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function noticesOfInspection(db: Executor, inspectionId: number): Promise<InspectionNotice[]> {
  return db.selectFrom('inspection_notices').selectAll().where('inspection_id', '=', inspectionId).orderBy('id').execute();
}

/**
 * Notices for a console list: every notice of these offices (drafts included), and the issued
 * notices of inspections that covered any of `agencyIds`.
 */
export function listNotices(db: Executor, officeIds: readonly number[] | null, agencyIds: readonly number[] | null) {
  let q = db.selectFrom('inspection_notices as n').select(['n.id', 'n.title', 'n.number', 'n.status', 'n.visibility', 'n.issued_on', 'n.office_agency_id', 'n.inspection_id', 'n.created_at']);
  if (officeIds !== null || agencyIds !== null) {
    q = q.where((eb) =>
      eb.or([
        eb('n.office_agency_id', 'in', ids(officeIds ?? [])),
        eb.and([
          eb('n.status', '=', 'issued'),
          eb.exists(eb.selectFrom('inspection_agencies as a').select('a.agency_id').whereRef('a.inspection_id', '=', 'n.inspection_id').where('a.agency_id', 'in', ids(agencyIds ?? []))),
        ]),
      ]),
    );
  }
  return q.orderBy(sql`coalesce(n.issued_on, '9999')`, 'desc').orderBy('n.id', 'desc').limit(500).execute();
}

/** Notices published on the portal, newest first. */
export function publicNotices(db: Executor, limit: number) {
  return db
    .selectFrom('inspection_notices as n')
    .innerJoin('agencies as a', 'a.id', 'n.office_agency_id')
    .select(['n.id', 'n.title', 'n.number', 'n.issued_on', 'a.name as office_name'])
    .where('n.status', '=', 'issued')
    .where('n.visibility', '=', 'public')
    .orderBy('n.issued_on', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

export async function noticePrefixOf(db: Executor, officeId: number): Promise<string | null> {
  const row = await db.selectFrom('notice_settings').select('prefix').where('office_agency_id', '=', officeId).executeTakeFirst();
  return row?.prefix ?? null;
}

export async function saveNoticePrefix(db: Executor, officeId: number, prefix: string, by: string, at: string): Promise<void> {
  await db.deleteFrom('notice_settings').where('office_agency_id', '=', officeId).execute();
  await db.insertInto('notice_settings').values({ office_agency_id: officeId, prefix, updated_by: by, updated_at: at }).execute();
}

/**
 * The next serial of an office's notices in a year. Runs inside the caller's transaction; the
 * row lock (PostgreSQL) or the single writer (SQLite) keeps numbers unique.
 */
export async function nextNoticeSerial(db: Executor, officeId: number, year: number): Promise<number> {
  const updated = await db
    .updateTable('notice_sequences')
    .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
    .where('office_agency_id', '=', officeId)
    .where('year', '=', year)
    .returning('last_serial')
    .executeTakeFirst();
  if (updated) return updated.last_serial;
  await db.insertInto('notice_sequences').values({ office_agency_id: officeId, year, last_serial: 1 }).execute();
  return 1;
}
