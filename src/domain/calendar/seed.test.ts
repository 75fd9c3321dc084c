import { describe, expect, it } from 'vitest';
import { SEED_DAYS, SEED_NOTICES, SEED_PACKAGE_VERSION, SEED_YEARS } from './seed-data.js';
import {
  loadSeed,
  mergeSeeds,
  readInstalledChineseDays,
  seedFromChineseDaysJson,
  seedNotice,
  snapshotSeed,
} from './seed.js';
import { weekdayOf } from './dates.js';

describe('snapshot (seed-data.ts)', () => {
  it('covers 2004–2026 from chinese-days 1.5.7', () => {
    expect(SEED_PACKAGE_VERSION).toBe('1.5.7');
    expect(SEED_YEARS).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(snapshotSeed().source).toBe('chinese-days 1.5.7（内置快照）');
  });

  it('holds only holidays on weekdays and working days on weekends, sorted, unique', () => {
    const dates = SEED_DAYS.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    const wrong = SEED_DAYS.filter((d) => {
      const weekday = weekdayOf(d.date);
      const weekend = weekday === 0 || weekday === 6;
      return d.kind === 'holiday' ? weekend : !weekend;
    });
    expect(wrong).toEqual([]);
    expect(SEED_DAYS).toHaveLength(557);
  });

  it('names the notice of every covered year', () => {
    expect(SEED_YEARS.filter((y) => SEED_NOTICES[y] === undefined)).toEqual([]);
    expect(seedNotice(2025)).toContain('国办发明电〔2024〕12号');
    expect(seedNotice(2024)).toContain('国办发明电〔2023〕7号');
    expect(seedNotice(2031)).toBeUndefined();
  });
});

describe('the installed chinese-days package', () => {
  it('agrees with the snapshot on every year both cover (else regenerate seed-data.ts)', () => {
    const installed = readInstalledChineseDays();
    expect(installed).not.toBeNull();
    const common = new Set(SEED_YEARS.filter((y) => installed!.years.includes(y)));
    const inCommon = (date: string) => common.has(Number(date.slice(0, 4)));
    expect(installed!.days.filter((d) => inCommon(d.date))).toEqual(SEED_DAYS.filter((d) => inCommon(d.date)));
  });

  it('adds nothing to the snapshot while it has no newer year', () => {
    expect(loadSeed().years).toEqual(SEED_YEARS);
    expect(loadSeed().days).toHaveLength(SEED_DAYS.length);
  });
});

describe('seedFromChineseDaysJson', () => {
  it('keeps weekday holidays and weekend working days, with notice names', () => {
    const seed = seedFromChineseDaysJson(
      {
        holidays: {
          '2027-10-01': 'National Day,国庆节,3', // Friday
          '2027-10-02': 'National Day,国庆节,3', // Saturday: no change, dropped
          '2027-09-15': 'Mid-autumn Festival,中秋,1', // Wednesday
        },
        workdays: {
          '2027-09-26': 'National Day,国庆节,3', // Sunday
          '2027-09-27': 'National Day,国庆节,3', // Monday: already a working day, dropped
        },
        inLieuDays: {},
      },
      '9.9.9',
    );
    expect(seed).toEqual({
      years: [2027],
      days: [
        { date: '2027-09-15', kind: 'holiday', name: '中秋节' },
        { date: '2027-09-26', kind: 'workday', name: '国庆节' },
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      ],
      source: 'chinese-days 9.9.9',
    });
  });

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['no workdays', { holidays: { '2027-10-01': 'a,b,c' } }],
    ['a non-date key', { holidays: { tomorrow: 'a,b,c' }, workdays: {} }],
    ['non-string values', { holidays: { '2027-10-01': 3 }, workdays: {} }],
    ['empty data', { holidays: {}, workdays: {} }],
  ])('returns null for %s', (_label, json) => {
    expect(seedFromChineseDaysJson(json, '2.0.0')).toBeNull();
  });
});

describe('mergeSeeds', () => {
  const base = {
    years: [2025, 2026],
    days: [
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-12-31', kind: 'holiday', name: '示例' },
    ],
    source: 'snapshot',
  } as const;

  it('adds new years and the previous December days their notice moved; keeps base years', () => {
    const extra = {
      years: [2026, 2027],
      days: [
        { date: '2026-10-01', kind: 'workday', name: '不应覆盖' },
        { date: '2026-11-02', kind: 'holiday', name: '不应加入' },
        { date: '2026-12-31', kind: 'workday', name: '不应覆盖' },
        { date: '2026-12-26', kind: 'workday', name: '元旦' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ],
      source: 'chinese-days 1.6.0',
    } as const;
    expect(mergeSeeds(base, extra)).toEqual({
      years: [2025, 2026, 2027],
      days: [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-12-26', kind: 'workday', name: '元旦' },
        { date: '2026-12-31', kind: 'holiday', name: '示例' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ],
      source: 'snapshot；2027年取自 chinese-days 1.6.0',
    });
  });

  it('returns the base unchanged when the extra seed has no new year', () => {
    const extra = { years: [2025], days: [{ date: '2025-10-09', kind: 'holiday' }], source: 'x' } as const;
    expect(mergeSeeds(base, extra)).toBe(base);
  });
});
