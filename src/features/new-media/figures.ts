/**
 * The year's 政务新媒体 figures for report section 一 (“19个政务新媒体账号”, “政务新媒体平台主动公开信息
 * 3950条”) and for the office's overview: counted from the register, never typed.
 */
import type { Executor } from '../../db/database.js';
import { itemsPerAgency, accountDates } from './repository.js';
import { accountFiguresForYear, operatesOn, PLATFORMS, type Platform } from './rules.js';

export interface NewMediaFigures {
  /** Accounts operating on 31 December of the year. */
  accounts: number;
  /** Accounts opened in the year. */
  opened: number;
  /** Accounts shut down or merged (整合) in the year. */
  closed: number;
  /** Items the accounts published in the year (sum of the monthly counts entered or imported). */
  itemsPublished: number;
  /** Accounts operating on 31 December, per platform. */
  byPlatform: Record<Platform, number>;
}

/** Figures of one group of rows (the accounts of some agencies). */
function figuresOf(rows: ReadonlyArray<{ platform: Platform; opened_on: string; closed_on: string | null }>, items: number, year: number): NewMediaFigures {
  const dates = rows.map((r) => ({ openedOn: r.opened_on, closedOn: r.closed_on, platform: r.platform }));
  const byPlatform = Object.fromEntries(PLATFORMS.map((p) => [p, 0])) as Record<Platform, number>;
  for (const d of dates) if (operatesOn(d, `${year}-12-31`)) byPlatform[d.platform] += 1;
  return { ...accountFiguresForYear(dates, year), itemsPublished: items, byPlatform };
}

/**
 * The new-media figures of these agencies together for a year: accounts operating at the end of
 * the year, opened and closed in it, and items published in it. For the section-一 drafter and
 * the district's roll-up (pass the subtree's ids).
 */
export async function newMediaFigures(db: Executor, agencyIds: readonly number[], year: number): Promise<NewMediaFigures> {
  const rows = await accountDates(db, agencyIds);
  const items = await itemsPerAgency(db, agencyIds, year);
  return figuresOf(rows, [...items.values()].reduce((a, b) => a + b, 0), year);
}

/** The same figures for each agency on its own (the office's overview). */
export async function newMediaFiguresPerAgency(db: Executor, agencyIds: readonly number[], year: number): Promise<Map<number, NewMediaFigures>> {
  const rows = await accountDates(db, agencyIds);
  const items = await itemsPerAgency(db, agencyIds, year);
  const result = new Map<number, NewMediaFigures>();
  for (const id of agencyIds) result.set(id, figuresOf(rows.filter((r) => r.agency_id === id), items.get(id) ?? 0, year));
  return result;
}
