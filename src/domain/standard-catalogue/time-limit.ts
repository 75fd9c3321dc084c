/**
 * 公开时限 as the catalogue states it, read into a period the publication dates can be held to:
 * “信息形成或变更之日起20个工作日内” is 20 working days (第二十六条), “决定作出之日起7日内” 7
 * calendar days. Anything else — 实时, 常态化, 每年3月底前, two different periods in one cell —
 * is not guessed at: the compliance of such a matter is unknown.
 */
import { parseCount } from '../report/narrative.js';

export interface TimeLimit {
  days: number;
  unit: 'workingDays' | 'calendarDays';
}

/** A count (digits or Chinese numerals) followed by 个工作日 / 工作日 / 日 / 天 / 自然日. */
const PERIOD = /(\d+|[一二两三四五六七八九十百]+)\s*个?\s*(工作日|自然日|日|天)/g;

/** The period of a 公开时限, or null when the text states none (or more than one). */
export function parseTimeLimit(text: string | null | undefined): TimeLimit | null {
  if (!text) return null;
  const source = text.normalize('NFKC');
  const found: TimeLimit[] = [];
  for (const m of source.matchAll(PERIOD)) {
    const before = source.slice(0, m.index);
    // “3月31日前”, “每月10日”: a day of a month is a date, not a period.
    if (m[2] === '日' && /[月号]\s*$/.test(before)) continue;
    if (m[2] === '日' && /每\s*$/.test(before)) continue;
    // “次日”, “当日” carry no count and never match; “第5个工作日” is a day, not a period.
    if (/第\s*$/.test(before)) continue;
    const days = parseCount(m[1]!);
    if (days === null || !Number.isInteger(days) || days <= 0 || days > 3660) continue;
    found.push({ days, unit: m[2] === '工作日' ? 'workingDays' : 'calendarDays' });
  }
  if (found.length === 0) return null;
  const first = found[0]!;
  // Two different periods (“…20个工作日内；涉及…的，5个工作日内”): which applies is not for gongkai to guess.
  if (found.some((f) => f.days !== first.days || f.unit !== first.unit)) return null;
  return first;
}

/** How a period reads in Chinese: 20个工作日, 7日. */
export function timeLimitText(limit: TimeLimit): string {
  return limit.unit === 'workingDays' ? `${limit.days}个工作日` : `${limit.days}日`;
}
