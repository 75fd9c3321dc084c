/**
 * Rectification (整改): each finding of an issued inspection is a task for its agency, with a
 * deadline. The agency answers (what it fixed, with evidence); the supervising office accepts
 * the answer or returns it with a comment, and the agency answers again. Explicit states and an
 * allowed-transitions table; overdue is a rule over the state, the deadline and today.
 */
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import type { IsoDate } from '../calendar/dates.js';

export const TASK_STATUSES = ['open', 'answered', 'returned', 'accepted'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: '待整改',
  answered: '已反馈，待验收',
  returned: '已退回，重新整改',
  accepted: '已验收（整改完成）',
};

export type TaskAction = 'answer' | 'accept' | 'return';

export const TASK_ACTION_LABELS: Record<TaskAction | 'issue', string> = {
  issue: '下发整改',
  answer: '反馈整改情况',
  accept: '验收通过',
  return: '退回重新整改',
};

/** Which status each action may start from, and where it leads. */
export const TASK_TRANSITIONS: Record<TaskAction, { from: readonly TaskStatus[]; to: TaskStatus }> = {
  answer: { from: ['open', 'returned'], to: 'answered' },
  accept: { from: ['answered'], to: 'accepted' },
  return: { from: ['answered'], to: 'returned' },
};

/** A step the rules do not allow; the message is for people. */
export class RectificationRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RectificationRuleError';
  }
}

/** The status after `action`, or a RectificationRuleError saying why it is not allowed now. */
export function nextTaskStatus(status: TaskStatus, action: TaskAction): TaskStatus {
  const rule = TASK_TRANSITIONS[action];
  if (rule.from.includes(status)) return rule.to;
  if (status === 'accepted') throw new RectificationRuleError('该整改任务已验收，不能再操作');
  if (action === 'answer') throw new RectificationRuleError('整改情况已反馈，等待公开办验收');
  throw new RectificationRuleError('单位尚未反馈整改情况，不能验收或退回');
}

/** The actions possible in a status (the page offers only these). */
export function allowedTaskActions(status: TaskStatus): TaskAction[] {
  return (Object.keys(TASK_TRANSITIONS) as TaskAction[]).filter((a) => TASK_TRANSITIONS[a].from.includes(status));
}

/** Still to be closed: not yet accepted by the office. */
export function isTaskOpen(status: TaskStatus): boolean {
  return status !== 'accepted';
}

/**
 * Overdue: the agency still owes an answer (new or returned) and the deadline has passed. A task
 * answered in time and waiting for the office is not the agency's delay.
 */
export function isTaskOverdue(task: { status: TaskStatus; dueOn: IsoDate }, today: IsoDate): boolean {
  return (task.status === 'open' || task.status === 'returned') && task.dueOn < today;
}

/**
 * Working days an agency has to rectify unless the office sets a date: the common practice of
 * supervising offices (立行立改, 10 working days from the feedback).
 */
export const DEFAULT_RECTIFICATION_WORKING_DAYS = 10;

/** The default deadline of tasks issued on `issuedOn`. */
export function defaultRectificationDueOn(issuedOn: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  return calendar.addWorkingDays(issuedOn, DEFAULT_RECTIFICATION_WORKING_DAYS);
}

export const INSPECTION_KINDS = ['quarterly', 'adHoc'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = { quarterly: '季度检查', adHoc: '专项检查（抽查）' };

export const INSPECTION_STATUS_LABELS = { planned: '检查中（问题未下发）', issued: '已下发整改' } as const;
