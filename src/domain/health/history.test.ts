import { describe, expect, it } from 'vitest';
import { statePeriods } from './history.js';

const snap = (onDate: string, state: 'ok' | 'stale' | 'empty', last: string | null = '2026-03-01') => ({ onDate, stale: state === 'stale', empty: state === 'empty', lastPublishedOn: state === 'empty' ? null : last });

describe('statePeriods', () => {
  it('finds the periods a column was stale or empty, and the one still going on', () => {
    const periods = statePeriods([
      snap('2026-03-10', 'empty'),
      snap('2026-03-11', 'ok'),
      snap('2026-03-16', 'stale'),
      snap('2026-03-17', 'stale'),
      snap('2026-03-20', 'stale'), // 18th and 19th missing: the server was down
      snap('2026-03-21', 'ok', '2026-03-21'),
      snap('2026-04-06', 'stale', '2026-03-21'),
      snap('2026-04-07', 'stale', '2026-03-21'),
    ], '2026-04-08');
    expect(periods).toEqual([
      { state: 'empty', from: '2026-03-10', to: '2026-03-10', days: 1, ongoing: false, lastPublishedOn: null },
      { state: 'stale', from: '2026-03-16', to: '2026-03-20', days: 5, ongoing: false, lastPublishedOn: '2026-03-01' },
      { state: 'stale', from: '2026-04-06', to: '2026-04-07', days: 3, ongoing: true, lastPublishedOn: '2026-03-21' },
    ]);
  });
  it('has no period for a column that was always kept', () => {
    expect(statePeriods([snap('2026-03-10', 'ok'), snap('2026-03-11', 'ok')], '2026-03-12')).toEqual([]);
  });
});
