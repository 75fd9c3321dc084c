/**
 * The thresholds of website health. They default to the content indicators of 《政府网站与政务新媒体
 * 检查指标》(国办秘函〔2019〕19号) as the supervising office applies them, and the office may change
 * them (a province's own checklist is often stricter). Stored as one JSON value in `settings`.
 */
import { COLUMN_KINDS, COLUMN_KIND_KEYS, type ColumnKind } from '../publication/vocabulary.js';

/** Days a column of a kind may go without a new item: `newsMaxDays`, `noticesMaxDays`, … */
export type ColumnDaysKey = `${ColumnKind}MaxDays`;

export type HealthSettings = Record<ColumnDaysKey, number> & {
  /** 首页: the agency's newest public item may be at most this many days old (2 weeks). */
  homeMaxDays: number;
  /** 动态要闻 (2 weeks) and 通知公告/政策文件 (6 months) columns not updated: this many or more = 单项否决. */
  frequentVetoCount: number;
  /** Columns of any kind not updated within their period (应更新但长期未更新), empty ones included: this many or more = 单项否决. */
  longVetoCount: number;
  /** 空白栏目: this many or more = 单项否决. */
  emptyVetoCount: number;
  /** A column whose period runs out within this many days is shown as a warning (0 = no warning). */
  dueSoonDays: number;
  /** Items published within this many days are checked against the 20-working-day rule (第二十六条). */
  delayLookbackDays: number;
  /** External links are checked only when an administrator turns this on. */
  externalLinksEnabled: boolean;
  /** At most this many external addresses are requested per run. */
  externalMaxPerRun: number;
  /** An address checked within this many days is not requested again. */
  externalRecheckDays: number;
};

/** Kinds without an update period of their own (e.g. 'other', 机构概况) count as long not updated after a year. */
export const DEFAULT_OTHER_MAX_DAYS = 365;

/** The kinds the 19号 veto rule names: 动态要闻 (2 weeks), 通知公告 and 政策文件 (6 months). */
export const FREQUENT_COLUMN_KINDS: readonly ColumnKind[] = ['news', 'notices', 'policy'];

function defaultColumnDays(): Record<ColumnDaysKey, number> {
  const out = {} as Record<ColumnDaysKey, number>;
  for (const kind of COLUMN_KIND_KEYS) out[`${kind}MaxDays`] = COLUMN_KINDS[kind].maxDaysStale ?? DEFAULT_OTHER_MAX_DAYS;
  return out;
}

export const DEFAULT_HEALTH_SETTINGS: Readonly<HealthSettings> = Object.freeze({
  ...defaultColumnDays(),
  homeMaxDays: 14,
  frequentVetoCount: 5,
  longVetoCount: 10,
  emptyVetoCount: 5,
  dueSoonDays: 3,
  delayLookbackDays: 365,
  externalLinksEnabled: false,
  externalMaxPerRun: 60,
  externalRecheckDays: 7,
});

/** Integer bounds of each numeric setting (the form and the API refuse anything outside). */
export const HEALTH_SETTING_BOUNDS: Record<Exclude<keyof HealthSettings, 'externalLinksEnabled'>, readonly [number, number]> = {
  ...(Object.fromEntries(COLUMN_KIND_KEYS.map((k) => [`${k}MaxDays`, [1, 3660] as const])) as Record<ColumnDaysKey, readonly [number, number]>),
  homeMaxDays: [1, 366],
  frequentVetoCount: [1, 1000],
  longVetoCount: [1, 1000],
  emptyVetoCount: [1, 1000],
  dueSoonDays: [0, 90],
  delayLookbackDays: [1, 3660],
  externalMaxPerRun: [1, 1000],
  externalRecheckDays: [1, 365],
};

/** Chinese labels of the settings, for the form and its error messages. */
export const HEALTH_SETTING_LABELS: Record<keyof HealthSettings, string> = {
  ...(Object.fromEntries(COLUMN_KIND_KEYS.map((k) => [`${k}MaxDays`, `“${COLUMN_KINDS[k].label}”类栏目更新期限（天）`])) as Record<ColumnDaysKey, string>),
  homeMaxDays: '首页更新期限（天）',
  frequentVetoCount: '动态要闻、通知公告、政策文件类栏目未更新的单项否决个数',
  longVetoCount: '长期未更新栏目的单项否决个数',
  emptyVetoCount: '空白栏目的单项否决个数',
  dueSoonDays: '提前提醒天数',
  delayLookbackDays: '核对发布时限的期间（天）',
  externalLinksEnabled: '检查外部链接',
  externalMaxPerRun: '每次最多检查的外部链接数',
  externalRecheckDays: '外部链接复查间隔（天）',
};

/** The update period of a column kind under the settings; an unknown kind is treated as 'other'. */
export function maxDaysOf(settings: HealthSettings, kind: string): number {
  const key = `${kind}MaxDays` as ColumnDaysKey;
  return Object.hasOwn(settings, key) && (COLUMN_KIND_KEYS as readonly string[]).includes(kind) ? settings[key] : settings.otherMaxDays;
}

/**
 * Stored settings merged over the defaults: a value missing (a setting added by a later version)
 * or out of bounds (edited by hand in the database) falls back to its default.
 */
export function normalizeHealthSettings(stored: unknown): HealthSettings {
  const out: HealthSettings = { ...DEFAULT_HEALTH_SETTINGS };
  if (!stored || typeof stored !== 'object') return out;
  const raw = stored as Record<string, unknown>;
  for (const [key, [min, max]] of Object.entries(HEALTH_SETTING_BOUNDS) as Array<[keyof typeof HEALTH_SETTING_BOUNDS, readonly [number, number]]>) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) out[key] = value;
  }
  if (typeof raw.externalLinksEnabled === 'boolean') out.externalLinksEnabled = raw.externalLinksEnabled;
  return out;
}
