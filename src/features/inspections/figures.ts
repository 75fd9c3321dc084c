/**
 * Figures of inspections for other features — keep these signatures stable:
 *
 *   openRectificationCounts(db, agencyIds, today) → Map<agencyId, { open, overdue }>
 *     for the supervising office's dashboard;
 *   noticeFigures(db, agencyIds, year) → { notices, inspections, findings, rectified }
 *     for report section 一 (监督保障: "全年共印发通报4期").
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { taskCountsByAgency } from './repository.js';

const ids = (list: readonly number[]) => (list.length ? [...list] : [-1]);

/**
 * Per agency: rectification tasks not yet accepted (open: new, answered or returned) and those
 * whose agency owes an answer past the deadline (overdue: new or returned, due before `today`).
 * Every agency asked for is in the map, with zeros when it has no task.
 */
export async function openRectificationCounts(db: Executor, agencyIds: readonly number[], today: string): Promise<Map<number, { open: number; overdue: number }>> {
  const counts = new Map(agencyIds.map((id) => [id, { open: 0, overdue: 0 }]));
  for (const row of await taskCountsByAgency(db, agencyIds, today)) {
    counts.set(row.agency_id, { open: Number(row.open ?? 0), overdue: Number(row.overdue ?? 0) });
  }
  return counts;
}

export interface NoticeFigures {
  /** Notices (通报) issued in the year by an office among the agencies, or on an inspection that covered one of them. */
  notices: number;
  /** Inspections of the year whose findings were issued, planned by an office among the agencies or covering one of them. */
  inspections: number;
  /** Findings of those inspections against the agencies. */
  findings: number;
  /** Of those findings, the ones whose rectification the office has accepted (整改完成). */
  rectified: number;
}

/** Inspections, findings, rectification and notices of a year over some agencies (report section 一). */
export async function noticeFigures(db: Executor, agencyIds: readonly number[], year: number): Promise<NoticeFigures> {
  const list = ids(agencyIds);
  const concerned = <T extends 'inspections' | 'inspection_notices'>(table: T) =>
    sql<boolean>`(${sql.ref(`${table}.office_agency_id`)} in (${sql.join(list)}) or exists (select 1 from inspection_agencies ia where ia.inspection_id = ${sql.ref(table === 'inspections' ? 'inspections.id' : 'inspection_notices.inspection_id')} and ia.agency_id in (${sql.join(list)})))`;
  const inspections = await db.selectFrom('inspections').select('id').where('status', '=', 'issued').where('year', '=', year).where(concerned('inspections')).execute();
  const inspectionIds = ids(inspections.map((i) => i.id));
  const findings = await db
    .selectFrom('inspection_findings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('inspection_id', 'in', inspectionIds)
    .where('agency_id', 'in', list)
    .executeTakeFirstOrThrow();
  const rectified = await db
    .selectFrom('rectification_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('inspection_id', 'in', inspectionIds)
    .where('agency_id', 'in', list)
    .where('status', '=', 'accepted')
    .executeTakeFirstOrThrow();
  const notices = await db
    .selectFrom('inspection_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'issued')
    .where('year', '=', year)
    .where(concerned('inspection_notices'))
    .executeTakeFirstOrThrow();
  return { notices: Number(notices.n), inspections: inspections.length, findings: Number(findings.n), rectified: Number(rectified.n) };
}
