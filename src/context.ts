/** What every service needs: the database, the configuration and a clock (faked in tests). */
import type { Config } from './config.js';
import type { Database } from './db/database.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  database: Database;
  config: Config;
  clock: Clock;
}

/** The current instant as the ISO-8601 UTC string stored in every timestamp column. */
export function nowIso(ctx: { clock: Clock }): string {
  return ctx.clock.now().toISOString();
}

/** The calendar date in Beijing (Asia/Shanghai, UTC+8 all year) of an instant. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Today's date in Beijing: what legal periods and deadlines are counted against. */
export function today(ctx: { clock: Clock }): string {
  return beijingDate(ctx.clock.now());
}
