import { describe, expect, it } from 'vitest';
import { HEALTH_INDICATORS } from '../health/indicators.js';
import { INDICATOR_KEYS, INDICATORS, indicatorForHealth, indicatorOf, indicatorOrder, isIndicatorKey, isVeto } from './indicators.js';

describe('inspection indicators', () => {
  it('lists the single-veto items before the scored ones, with unique keys', () => {
    expect(new Set(INDICATOR_KEYS).size).toBe(INDICATOR_KEYS.length);
    const firstScored = INDICATORS.findIndex((i) => i.severity === 'score');
    expect(INDICATORS.slice(0, firstScored).every((i) => i.severity === 'veto')).toBe(true);
    expect(INDICATORS.slice(firstScored).every((i) => i.severity === 'score')).toBe(true);
    expect(INDICATORS.filter((i) => i.severity === 'veto').map((i) => i.key)).toEqual([
      'securityIncident', 'seriousError', 'homeNotUpdated', 'columnsNotUpdated', 'columnsLongNotUpdated', 'emptyColumns', 'newMediaNotUpdated', 'noResponse',
    ]);
  });

  it('every scored counterpart names a veto item', () => {
    for (const i of INDICATORS) {
      if ('vetoCounterpart' in i) expect(indicatorOf(i.vetoCounterpart).severity).toBe('veto');
    }
  });

  it('reads an unknown key as 其他问题 and orders it last', () => {
    expect(isIndicatorKey('columnsNotUpdated')).toBe(true);
    expect(isIndicatorKey('nonsense')).toBe(false);
    expect(indicatorOf('nonsense').key).toBe('other');
    expect(indicatorOrder('nonsense')).toBe(INDICATOR_KEYS.length);
    expect(indicatorOrder('securityIncident')).toBe(0);
    expect(isVeto('emptyColumns')).toBe(true);
    expect(isVeto('emptyColumn')).toBe(false);
  });

  it('maps health findings by key, alias and severity', () => {
    expect(indicatorForHealth('homeNotUpdated', 'veto')).toBe('homeNotUpdated');
    expect(indicatorForHealth('staleColumn', 'score')).toBe('staleColumn');
    // The count threshold reached: the scored item becomes its veto counterpart, and back.
    expect(indicatorForHealth('staleColumn', 'veto')).toBe('columnsNotUpdated');
    expect(indicatorForHealth('emptyColumns', 'warning')).toBe('emptyColumn');
    expect(indicatorForHealth('columnEmpty', 'veto')).toBe('emptyColumns');
    expect(indicatorForHealth('deadLink', 'score')).toBe('deadLinks');
    expect(indicatorForHealth('lateItem', undefined)).toBe('publicationDelay');
    // The website-health feature's own keys (src/domain/health/indicators.ts).
    expect(indicatorForHealth('frequentColumnsNotUpdated', 'veto')).toBe('columnsNotUpdated');
    expect(indicatorForHealth('columnsLongNotUpdated', 'veto')).toBe('columnsLongNotUpdated');
    expect(indicatorForHealth('columnNotUpdated', 'deduct')).toBe('staleColumn');
    expect(indicatorForHealth('emptyColumn', 'deduct')).toBe('emptyColumn');
    expect(indicatorForHealth('deadInternalLink', 'deduct')).toBe('deadLinks');
    expect(indicatorForHealth('deadExternalLink', 'deduct')).toBe('deadLinks');
    expect(indicatorForHealth('interpretationMissing', 'deduct')).toBe('missingInterpretation');
    expect(indicatorForHealth('expiredStillValid', 'deduct')).toBe('expiredStillValid');
    // A veto item without a scored counterpart keeps its key whatever the severity says.
    expect(indicatorForHealth('homeNotUpdated', 'warning')).toBe('homeNotUpdated');
    expect(indicatorForHealth('somethingNew', 'veto')).toBe('other');
  });
});

describe('the website-health contract', () => {
  it('maps every health indicator but the reminder to one of ours', () => {
    // Health reports these four as 单项否决 and the rest as 扣分 (src/domain/health/evaluate.ts).
    const vetoes = ['homeNotUpdated', 'frequentColumnsNotUpdated', 'columnsLongNotUpdated', 'emptyColumns'];
    const mapped = Object.fromEntries(HEALTH_INDICATORS.filter((k) => k !== 'columnDueSoon').map((k) => [k, indicatorForHealth(k, vetoes.includes(k) ? 'veto' : 'deduct')]));
    expect(mapped).toEqual({
      homeNotUpdated: 'homeNotUpdated', frequentColumnsNotUpdated: 'columnsNotUpdated', columnsLongNotUpdated: 'columnsLongNotUpdated', emptyColumns: 'emptyColumns',
      columnNotUpdated: 'staleColumn', emptyColumn: 'emptyColumn', deadInternalLink: 'deadLinks', deadExternalLink: 'deadLinks',
      interpretationMissing: 'missingInterpretation', expiredStillValid: 'expiredStillValid', publicationDelay: 'publicationDelay',
    });
  });
});
