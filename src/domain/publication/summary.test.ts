import { describe, expect, it } from 'vitest';
import { publicationSentence } from './summary.js';

describe('the section 一 sentence on proactive publication', () => {
  it('states the total and each info kind with items, in the vocabulary’s order', () => {
    expect(publicationSentence(2022, { total: 4084, byKind: { notice: 733, news: 1351, fiscal: 0, normative: 4, other: 1996 } }))
      .toBe('2022年度主动公开政府信息4084条，其中动态信息1351条、通知公告733条、行政规范性文件4条、其他1996条。');
  });
  it('says so when there is no record', () => {
    expect(publicationSentence(2025, { total: 0, byKind: {} })).toBe('2025年度本系统中没有主动公开政府信息的记录。');
  });
});
