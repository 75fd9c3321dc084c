/**
 * The figures section 一 (总体情况) is drafted from (domain/report/overview-draft.ts), gathered
 * from the features that keep them: proactive publication and the portal's columns, requests
 * and their outcomes (section 三's query), the register of normative documents (section 二's),
 * new-media accounts, trainings, inspections and notices.
 *
 * Whose figures: an agency's own. A government's report (the district's, which its office
 * compiles) speaks of the whole district for the work done across it — publication, the
 * platform, new media, training and supervision — as the seed report does (“全区通过政府网站
 * 主动公开信息4084条”); its requests and normative documents stay its own, because they must
 * agree with its own tables 二 and 三.
 */
import type { Executor } from '../../db/database.js';
import type { Agency } from '../../db/schema.js';
import { scopeWordOf, type OverviewFigures, type RequestOverview } from '../../domain/report/overview-draft.js';
import { listAllAgencies } from '../agencies/repository.js';
import { subtreeIds } from '../agencies/tree.js';
import { noticeFigures } from '../inspections/figures.js';
import { newMediaFigures } from '../new-media/figures.js';
import { publishedCounts } from '../publications/queries.js';
import { listColumnsOf } from '../publications/repository.js';
import { section2FiguresForYear } from '../registry/report-figures.js';
import { requestSectionsByAgency } from '../requests/queries/report-sections.js';
import { hasRequestRecords } from '../requests/report-figures.js';
import { trainingFigures } from '../training/figures.js';

/** The agencies whose district-wide work a report speaks of: a government's subtree, else the agency. */
export async function overviewScopeIds(db: Executor, agency: Agency): Promise<number[]> {
  if (agency.kind !== 'government') return [agency.id];
  return [...subtreeIds(await listAllAgencies(db), agency.id)].sort((a, b) => a - b);
}

/** Section 三's totals grouped as section 一 states them; null when the agency keeps no request records. */
async function requestOverview(db: Executor, agencyId: number, year: number): Promise<RequestOverview | null> {
  if (!(await hasRequestRecords(db, agencyId))) return null;
  const s3 = (await requestSectionsByAgency(db, year, [agencyId])).get(agencyId)!.section3;
  const sum = (prefix: string) => Object.entries(s3).filter(([row]) => row.startsWith(prefix)).reduce((n, [, cells]) => n + cells.total, 0);
  return {
    received: s3.received.total,
    carriedIn: s3.carriedIn.total,
    handled: s3.handledTotal.total,
    carriedOut: s3.carriedOut.total,
    outcomes: {
      granted: s3.granted.total, partial: s3.partial.total, withheld: sum('withheld.'), unavailable: sum('unavailable.'),
      notProcessed: sum('notProcessed.'), other: sum('other.'),
    },
  };
}

/** Every figure section 一 states for an agency and year (see the module comment). */
export async function overviewFiguresForYear(db: Executor, agency: Agency, year: number): Promise<OverviewFigures> {
  const scopeIds = await overviewScopeIds(db, agency);
  const publication = await publishedCounts(db, scopeIds, year);
  const { section2 } = await section2FiguresForYear(db, agency.id, year);
  const n = section2.normativeDocs;
  const r = section2.rules;
  // The register gives all six cells or none (report-figures.ts): no entry at all, no sentence.
  const registry = n.inForce === null ? null : {
    normativeDocs: { issued: n.issued ?? 0, repealed: n.repealed ?? 0, inForce: n.inForce },
    rules: { issued: r.issued ?? 0, repealed: r.repealed ?? 0, inForce: r.inForce ?? 0 },
  };
  const media = await newMediaFigures(db, scopeIds, year);
  const training = await trainingFigures(db, scopeIds, year);
  const notices = await noticeFigures(db, scopeIds, year);
  return {
    year,
    scope: scopeWordOf(agency),
    publication,
    columns: (await listColumnsOf(db, scopeIds)).length,
    requests: await requestOverview(db, agency.id, year),
    registry,
    newMedia: { accounts: media.accounts, opened: media.opened, closed: media.closed, itemsPublished: media.itemsPublished },
    training: { sessions: training.sessions, participants: training.participants },
    // A government's or office's report states the office's own inspections and notices; any other what it underwent.
    supervision: { supervisor: agency.kind === 'government' || agency.kind === 'office', ...notices },
  };
}
