import { describe, expect, it } from 'vitest';
import { parseTimeLimit, timeLimitText } from './time-limit.js';

describe('公开时限 read into a period', () => {
  it('reads working days and calendar days, in digits or Chinese numerals', () => {
    expect(parseTimeLimit('信息形成或变更之日起20个工作日内')).toEqual({ days: 20, unit: 'workingDays' });
    expect(parseTimeLimit('自批准之日起７个工作日内')).toEqual({ days: 7, unit: 'workingDays' });
    expect(parseTimeLimit('自作出决定之日起二十个工作日内予以公开')).toEqual({ days: 20, unit: 'workingDays' });
    expect(parseTimeLimit('行政处罚决定作出之日起7日内')).toEqual({ days: 7, unit: 'calendarDays' });
    expect(parseTimeLimit('公示期不少于5天')).toEqual({ days: 5, unit: 'calendarDays' });
    expect(parseTimeLimit('信息形成之日起十五个自然日内')).toEqual({ days: 15, unit: 'calendarDays' });
  });
  it('the same period twice is still that period', () => {
    expect(parseTimeLimit('形成之日起20个工作日内；变更之日起20个工作日内')).toEqual({ days: 20, unit: 'workingDays' });
  });
  it('states nothing when there is no period, only a date, or two different periods', () => {
    expect(parseTimeLimit('实时更新')).toBeNull();
    expect(parseTimeLimit('常态化公开')).toBeNull();
    expect(parseTimeLimit('每年3月31日前')).toBeNull();
    expect(parseTimeLimit('每月10日前更新')).toBeNull();
    expect(parseTimeLimit('信息形成之日起20个工作日内；涉及重大事项的5个工作日内')).toBeNull();
    expect(parseTimeLimit('')).toBeNull();
    expect(parseTimeLimit(null)).toBeNull();
  });
  it('reads back in Chinese', () => {
    expect(timeLimitText({ days: 20, unit: 'workingDays' })).toBe('20个工作日');
    expect(timeLimitText({ days: 7, unit: 'calendarDays' })).toBe('7日');
  });
});
