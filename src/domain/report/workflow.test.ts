import { describe, expect, it } from 'vitest';
import { canTransition, findingKey, formatForYear, parseFigureInput, publicationBlockers, reportDeadline } from './workflow.js';

describe('report workflow', () => {
  it('allows draft → checked → published → draft (correction) and nothing else', () => {
    expect(canTransition('draft', 'checked')).toBe(true);
    expect(canTransition('draft', 'published')).toBe(false);
    expect(canTransition('checked', 'published')).toBe(true);
    expect(canTransition('published', 'checked')).toBe(false);
    expect(canTransition('published', 'draft')).toBe(true);
  });
  it('uses the trial format for 2019–2020 and the 2021 format after', () => {
    expect([formatForYear(2019), formatForYear(2020), formatForYear(2021), formatForYear(2025)]).toEqual(['2019', '2019', '2021', '2021']);
  });
  it('sets the deadline of 第四十九条: 31 January, or 31 March for the government itself', () => {
    expect(reportDeadline('department', 2025)).toBe('2026-01-31');
    expect(reportDeadline('township', 2025)).toBe('2026-01-31');
    expect(reportDeadline('government', 2025)).toBe('2026-03-31');
  });
  it('reads figures as clerks type them', () => {
    expect(parseFigureInput('2021', 'section3.received.total', ' １２ ')).toEqual({ ok: true, value: 12 });
    expect(parseFigureInput('2021', 'section2.licensing.decisions', '19,785')).toEqual({ ok: true, value: 19785 });
    expect(parseFigureInput('2021', 'section2.fees.amountWanYuan', '1809.71')).toEqual({ ok: true, value: 1809.71 });
    expect(parseFigureInput('2021', 'section3.received.total', '')).toEqual({ ok: true, value: null });
    expect(parseFigureInput('2021', 'section3.received.total', '1.5')).toEqual({ ok: false, message: '应填写整数' });
    expect(parseFigureInput('2021', 'section3.received.total', '-1')).toEqual({ ok: false, message: '不能为负数' });
    expect(parseFigureInput('2019', 'section2.licensing.change', '-3')).toEqual({ ok: true, value: -3 });
    expect(parseFigureInput('2021', 'section3.received.total', '九')).toEqual({ ok: false, message: '应填写整数' });
  });
  it('blocks publication on hard findings and on unexplained soft ones', () => {
    const soft = { rule: 'narrative.mismatch' as const, severity: 'soft' as const, message: 'm', cells: ['section2.normativeDocs.inForce'] };
    const hard = { rule: 'requests.balance' as const, severity: 'hard' as const, message: 'm', cells: ['a', 'b'] };
    expect(publicationBlockers([hard, soft], {})).toEqual(['有1项严重问题，须先更正', '有1项提示尚未填写说明']);
    expect(publicationBlockers([soft], { [findingKey(soft)]: '说明' })).toEqual([]);
    expect(findingKey(hard)).toBe('requests.balance:a,b');
  });
});
