import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import {
  allowedTaskActions, defaultRectificationDueOn, isTaskOpen, isTaskOverdue, nextTaskStatus, RectificationRuleError, TASK_STATUSES,
} from './rectification.js';

describe('rectification tasks', () => {
  it('moves open → answered → returned → answered → accepted', () => {
    expect(nextTaskStatus('open', 'answer')).toBe('answered');
    expect(nextTaskStatus('answered', 'return')).toBe('returned');
    expect(nextTaskStatus('returned', 'answer')).toBe('answered');
    expect(nextTaskStatus('answered', 'accept')).toBe('accepted');
  });

  it('refuses every other step with a reason', () => {
    expect(() => nextTaskStatus('open', 'accept')).toThrow(new RectificationRuleError('单位尚未反馈整改情况，不能验收或退回'));
    expect(() => nextTaskStatus('returned', 'return')).toThrow('单位尚未反馈整改情况，不能验收或退回');
    expect(() => nextTaskStatus('answered', 'answer')).toThrow('整改情况已反馈，等待公开办验收');
    for (const action of ['answer', 'accept', 'return'] as const) {
      expect(() => nextTaskStatus('accepted', action)).toThrow('该整改任务已验收，不能再操作');
    }
  });

  it('offers the actions of each status', () => {
    expect(Object.fromEntries(TASK_STATUSES.map((s) => [s, allowedTaskActions(s)]))).toEqual({
      open: ['answer'], answered: ['accept', 'return'], returned: ['answer'], accepted: [],
    });
    expect(TASK_STATUSES.filter(isTaskOpen)).toEqual(['open', 'answered', 'returned']);
  });

  it('is overdue only while the agency owes an answer after the deadline', () => {
    expect(isTaskOverdue({ status: 'open', dueOn: '2026-04-10' }, '2026-04-10')).toBe(false);
    expect(isTaskOverdue({ status: 'open', dueOn: '2026-04-10' }, '2026-04-11')).toBe(true);
    expect(isTaskOverdue({ status: 'returned', dueOn: '2026-04-10' }, '2026-04-11')).toBe(true);
    expect(isTaskOverdue({ status: 'answered', dueOn: '2026-04-10' }, '2026-04-20')).toBe(false);
    expect(isTaskOverdue({ status: 'accepted', dueOn: '2026-04-10' }, '2026-04-20')).toBe(false);
  });

  it('gives 10 working days by default, skipping holidays', () => {
    const calendar = defaultCalendar();
    // Monday 2026-03-02 + 10 working days = Monday 2026-03-16.
    expect(defaultRectificationDueOn('2026-03-02', calendar)).toBe('2026-03-16');
    // From Monday 2026-09-28: 10-01..10-07 off, Saturday 10-10 a make-up working day → Friday 10-16.
    expect(defaultRectificationDueOn('2026-09-28', calendar)).toBe('2026-10-16');
  });
});
