import { describe, expect, it } from 'vitest';
import { placementOrder, type Placement } from './query.js';
import { parseQuery } from './tokens.js';

const row = (item_id: number, title: string, info_kind = 'news', document_number: string | null = null): Placement => ({ item_id, info_kind, title, document_number, index_number: null });

describe('ordering many matches by where the terms occur', () => {
  it('puts titles with more of the terms first, then the newest', () => {
    const rows = [
      row(1, '关于做好安全生产工作的通知'),
      row(2, '全区召开专题会议'),
      row(3, '安全检查情况通报'),
      row(4, '2024年安全生产工作要点'),
      row(5, '会议纪要'),
    ];
    expect(placementOrder(rows, parseQuery('安全生产'))).toEqual([4, 1, 3, 5, 2]);
  });

  it('puts the items of the kind the query names before everything else', () => {
    const rows = [row(1, '规范性文件清理工作会议'), row(2, '校外培训机构管理办法', 'normative'), row(3, '关于印发办法的通知', 'document'), row(4, '燃气安全管理规定', 'normative')];
    expect(placementOrder(rows, parseQuery('规范性文件'))).toEqual([4, 2, 1, 3]);
  });

  it('counts document numbers and full-width text as part of the title', () => {
    const rows = [row(1, '通知'), row(2, '通知', 'notice', '测教发〔２０２６〕12号'), row(3, '其他')];
    expect(placementOrder(rows, parseQuery('测教发 2026'))).toEqual([2, 3, 1]);
  });
});
