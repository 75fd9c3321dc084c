/** SQL of annual reports and their published versions. */
import type { Executor } from '../../db/database.js';
import type { AnnualReport, AnnualReportTable, AnnualReportVersion, AnnualReportVersionTable } from '../../db/schema.js';
import type { Insertable, Updateable } from 'kysely';

export function findReport(db: Executor, agencyId: number, year: number): Promise<AnnualReport | undefined> {
  return db.selectFrom('annual_reports').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
}

export async function insertReport(db: Executor, values: Insertable<AnnualReportTable>): Promise<AnnualReport> {
  return db.insertInto('annual_reports').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateReportRow(db: Executor, id: number, values: Updateable<AnnualReportTable>): Promise<AnnualReport> {
  return db.updateTable('annual_reports').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertVersion(db: Executor, values: Insertable<AnnualReportVersionTable>): Promise<AnnualReportVersion> {
  return db.insertInto('annual_report_versions').values(values).returningAll().executeTakeFirstOrThrow();
}

export function listVersions(db: Executor, reportId: number): Promise<AnnualReportVersion[]> {
  return db.selectFrom('annual_report_versions').selectAll().where('report_id', '=', reportId).orderBy('version').execute();
}

export function findVersion(db: Executor, reportId: number, version: number): Promise<AnnualReportVersion | undefined> {
  return db.selectFrom('annual_report_versions').selectAll().where('report_id', '=', reportId).where('version', '=', version).executeTakeFirst();
}

/** The latest published version of each of these reports, by report id. */
export async function latestVersions(db: Executor, reports: ReadonlyArray<{ id: number; version: number }>): Promise<Map<number, AnnualReportVersion>> {
  if (!reports.length) return new Map();
  const latest = new Map(reports.map((r) => [r.id, r.version]));
  const rows = await db.selectFrom('annual_report_versions').selectAll().where('report_id', 'in', [...latest.keys()]).execute();
  return new Map(rows.filter((v) => latest.get(v.report_id) === v.version).map((v) => [v.report_id, v]));
}

/** Reports of one year for the given agencies (null = all). */
export function listReportsOfYear(db: Executor, year: number, agencyIds: readonly number[] | null): Promise<AnnualReport[]> {
  let q = db.selectFrom('annual_reports').selectAll().where('year', '=', year);
  if (agencyIds !== null) q = q.where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1]);
  return q.execute();
}

/** Every report of one agency, oldest year first. */
export function listReportsOfAgency(db: Executor, agencyId: number): Promise<AnnualReport[]> {
  return db.selectFrom('annual_reports').selectAll().where('agency_id', '=', agencyId).orderBy('year').execute();
}

/** Published reports for the portal: agency, year, latest version. */
export function listPublished(db: Executor) {
  return db
    .selectFrom('annual_reports')
    .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
    .select(['annual_reports.id', 'annual_reports.agency_id', 'annual_reports.year', 'annual_reports.version', 'annual_reports.published_at', 'agencies.name as agency_name', 'agencies.sort_order'])
    .where('annual_reports.version', '>', 0)
    .orderBy('annual_reports.year', 'desc')
    .orderBy('agencies.sort_order')
    .execute();
}
