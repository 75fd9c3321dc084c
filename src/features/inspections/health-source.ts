/**
 * Where an inspection's prefilled findings come from: the website-health feature's
 * agencyHealth(ctx, agencyId, today) — a stable contract of src/features/health/service.ts. A
 * source is a function so that a test (or a future new-media health check) can supply another.
 */
import type { AppContext } from '../../context.js';
import { agencyHealth } from '../health/service.js';

/** A finding as a health source reports it (the shape of the health feature's HealthFinding). */
export interface HealthFinding {
  indicator: string;
  /** 'veto' | 'deduct' | 'warn' from the health feature; 'warn' is not yet a problem. */
  severity?: string;
  message: string;
  columnId?: number | null;
  itemId?: number | null;
  url?: string | null;
  since?: string | null;
}

export type HealthSource = (ctx: AppContext, agencyId: number, today: string) => Promise<readonly HealthFinding[]>;

/** The portal's website health, by the indicators of 国办秘函〔2019〕19号. */
export const websiteHealth: HealthSource = (ctx, agencyId, today) => agencyHealth(ctx, agencyId, today);

/** Findings that are only reminders (a column about to run out of time) are not recorded. */
export function isProblem(finding: HealthFinding): boolean {
  return finding.severity !== 'warn';
}
