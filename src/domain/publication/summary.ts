/**
 * The sentence of section 一 (总体情况) about proactive publication, from the year's counts:
 * “本年度主动公开政府信息4084条，其中动态信息1351条、通知公告…”.
 */
import { INFO_KINDS } from './vocabulary.js';

export interface PublishedCounts {
  total: number;
  byKind: Record<string, number>;
}

export function publicationSentence(year: number, counts: PublishedCounts): string {
  if (counts.total === 0) return `${year}年度本系统中没有主动公开政府信息的记录。`;
  const parts = Object.entries(INFO_KINDS)
    .filter(([kind]) => (counts.byKind[kind] ?? 0) > 0)
    .map(([kind, label]) => `${label}${counts.byKind[kind]}条`);
  return `${year}年度主动公开政府信息${counts.total}条，其中${parts.join('、')}。`;
}
