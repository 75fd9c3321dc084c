import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findRepeats,
  normalizeRequestText,
  popularTopics,
  textSimilarity,
  type PreviousRequest,
  type TopicRequest,
} from './similarity.js';

describe('normalizeRequestText', () => {
  it('drops punctuation, spaces and the formulas of request letters', () => {
    expect(normalizeRequestText('请提供关于人民路拆迁补偿标准的相关信息。')).toBe('人民路拆迁补偿标准');
    expect(normalizeRequestText('申请公开人民路拆迁补偿标准')).toBe('人民路拆迁补偿标准');
    expect(normalizeRequestText('本人申请公开人民路（东段）房屋拆迁补偿安置标准')).toBe('人民路东段房屋拆迁补偿安置标准');
    expect(normalizeRequestText('关于人民路拆迁补偿标准的政府信息公开申请')).toBe('人民路拆迁补偿标准');
    expect(normalizeRequestText('申请公开相关信息，谢谢！')).toBe('');
  });

  it('unifies full-width characters and Chinese-digit years', () => {
    expect(normalizeRequestText('２０２３年区财政预算执行情况')).toBe('2023年区财政预算执行情况');
    expect(normalizeRequestText('关于二〇二三年区财政预算执行情况的信息公开申请')).toBe('2023年区财政预算执行情况');
    expect(normalizeRequestText('ＡＢＣ建材公司　2023 年度 环评报告')).toBe('abc建材公司2023年度环评报告');
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same request worded with other formulas', () => {
    expect(textSimilarity('申请公开人民路拆迁补偿标准', '请提供关于人民路拆迁补偿标准的相关信息。')).toBe(1);
    expect(textSimilarity('2023年区财政预算执行情况', '关于二〇二三年区财政预算执行情况的信息公开申请')).toBe(1);
  });

  it('is the Dice coefficient of character bigrams', () => {
    // 8 bigrams against 11, all 8 shared.
    expect(textSimilarity('申请公开人民路拆迁补偿标准', '人民路拆迁补偿标准是多少？')).toBeCloseTo(16 / 19, 12);
    // Another road: 6 of 8 bigrams shared.
    expect(textSimilarity('申请公开人民路拆迁补偿标准', '申请公开建设路拆迁补偿标准')).toBe(0.75);
    // A more specific request: 6 shared of 8 and 14.
    expect(textSimilarity('人民路拆迁补偿标准', '人民路（东段）房屋拆迁补偿安置标准')).toBeCloseTo(12 / 22, 12);
    expect(textSimilarity('人民路拆迁补偿标准', '2023年区财政预算执行情况')).toBe(0);
  });

  it('is symmetric', () => {
    const a = '请公开人民路征收拆迁的补偿标准';
    const b = '人民路拆迁补偿标准是多少？';
    expect(textSimilarity(a, b)).toBe(textSimilarity(b, a));
  });

  it('halves the score of texts citing different numbers', () => {
    // 11 of 13 bigrams shared (22/26), numbers {2023} and {2022} disjoint: × 1/2.
    expect(textSimilarity('2023年区财政预算执行情况', '申请公开2022年区财政预算执行情况')).toBeCloseTo(11 / 26, 12);
    // 10 of 12 bigrams shared, 12号 is not 14号.
    expect(textSimilarity('人民路12号房屋征收决定书', '人民路14号房屋征收决定书')).toBeCloseTo(5 / 12, 12);
    // {2023, 5} against {2023}: 20/24 × (1 + 2/3) / 2.
    expect(textSimilarity('2023年5月区财政收支情况', '2023年区财政收支情况')).toBeCloseTo(25 / 36, 12);
    // A text without numbers is not penalized: 16 shared of 13 + 8 bigrams.
    expect(textSimilarity('2023年区财政预算执行情况', '区财政预算执行情况')).toBeCloseTo(16 / 21, 12);
    // 05 and 5 are the same number: only the bigrams differ (9 shared of 11 and 10).
    expect(textSimilarity('2023年05月财政收支', '2023年5月财政收支')).toBeCloseTo(18 / 21, 12);
  });

  it('handles empty and one-character texts', () => {
    expect(textSimilarity('申请公开相关信息', '请提供')).toBe(1);
    expect(textSimilarity('', '人民路拆迁补偿标准')).toBe(0);
    expect(textSimilarity('桥', '桥。')).toBe(1);
    expect(textSimilarity('桥', '路')).toBe(0);
    expect(textSimilarity('桥', '桥梁')).toBe(0);
  });
});

describe('findRepeats', () => {
  const previous: PreviousRequest[] = [
    { id: 'p1', requesterKey: 'u1', text: '申请公开人民路拆迁补偿标准', receivedOn: '2024-03-01', outcome: 'granted' },
    { id: 'p2', requesterKey: 'u1', text: '人民路拆迁补偿标准是多少？', receivedOn: '2024-04-01' },
    { id: 'p3', requesterKey: 'u2', text: '申请公开人民路拆迁补偿标准', receivedOn: '2024-03-01', outcome: 'granted' },
    { id: 'p4', requesterKey: 'u1', text: '申请公开建设路拆迁补偿标准', receivedOn: '2024-03-05', outcome: 'partial' },
    { id: 'p5', requesterKey: 'u1', text: '申请公开人民路拆迁补偿标准', receivedOn: '2024-06-01' },
    {
      id: 'p6',
      requesterKey: 'u1',
      text: '关于人民路拆迁补偿标准的政府信息公开申请',
      receivedOn: '2024-02-01',
      outcome: 'notProcessed.repeated',
    },
    { id: 'p7', requesterKey: 'u1', text: '申请公开2023年区财政预算执行情况', receivedOn: '2024-01-10', outcome: 'granted' },
    { id: 'c', requesterKey: 'u1', text: '请提供人民路拆迁补偿标准', receivedOn: '2024-05-10' },
  ];
  const candidate = { id: 'c', requesterKey: 'u1', text: '请提供人民路拆迁补偿标准', receivedOn: '2024-05-10' };

  it('lists earlier, similar requests of the same requester, most similar then most recent first', () => {
    expect(findRepeats(candidate, previous)).toEqual([
      { id: 'p1', receivedOn: '2024-03-01', text: '申请公开人民路拆迁补偿标准', outcome: 'granted', similarity: 1 },
      {
        id: 'p6',
        receivedOn: '2024-02-01',
        text: '关于人民路拆迁补偿标准的政府信息公开申请',
        outcome: 'notProcessed.repeated',
        similarity: 1,
      },
      { id: 'p2', receivedOn: '2024-04-01', text: '人民路拆迁补偿标准是多少？', outcome: null, similarity: 16 / 19 },
    ]);
  });

  it('takes a threshold', () => {
    expect(findRepeats(candidate, previous, 0.7).map((m) => [m.id, m.similarity])).toEqual([
      ['p1', 1],
      ['p6', 1],
      ['p2', 16 / 19],
      ['p4', 0.75],
    ]);
    expect(findRepeats(candidate, previous, 1).map((m) => m.id)).toEqual(['p1', 'p6']);
  });

  it('does not take another year for a repeat', () => {
    const next = { requesterKey: 'u1', text: '申请公开2024年区财政预算执行情况', receivedOn: '2025-01-10' };
    expect(findRepeats(next, previous)).toEqual([]);
    const same = { requesterKey: 'u1', text: '二〇二三年区财政预算执行情况', receivedOn: '2024-01-10' };
    expect(findRepeats(same, previous).map((m) => m.id)).toEqual(['p7']);
  });

  it('finds nothing without earlier requests of the requester', () => {
    expect(findRepeats({ requesterKey: 'u9', text: '申请公开人民路拆迁补偿标准', receivedOn: '2024-12-31' }, previous)).toEqual([]);
    expect(findRepeats(candidate, [])).toEqual([]);
  });
});

describe('popularTopics', () => {
  const requests: TopicRequest[] = [
    { id: 'a1', requesterKey: 'u1', text: '申请公开人民路拆迁补偿标准' },
    { id: 'b1', requesterKey: 'u4', text: '2023年区财政预算执行情况' },
    { id: 'a2', requesterKey: 'u2', text: '请提供关于人民路拆迁补偿标准的相关信息' },
    { id: 'd1', requesterKey: 'u7', text: '人民路12号房屋征收决定书' },
    { id: 'a3', requesterKey: 'u3', text: '人民路拆迁补偿标准是多少？' },
    { id: 'b2', requesterKey: 'u5', text: '关于二〇二三年区财政预算执行情况的信息公开申请' },
    { id: 'd2', requesterKey: 'u8', text: '人民路14号房屋征收决定书' },
    { id: 'a4', requesterKey: 'u1', text: '人民路拆迁补偿标准' },
    { id: 'b3', requesterKey: 'u4', text: '２０２３年区财政预算执行情况' },
    { id: 'c1', requesterKey: 'u6', text: '2022年区财政预算执行情况' },
    { id: 'd3', requesterKey: 'u9', text: '人民路16号房屋征收决定书' },
  ];

  it('finds the requests asked for by at least three requesters', () => {
    expect(popularTopics(requests)).toEqual([
      {
        representative: { id: 'a1', requesterKey: 'u1', text: '申请公开人民路拆迁补偿标准' },
        requestIds: ['a1', 'a2', 'a3', 'a4'],
        requesterKeys: ['u1', 'u2', 'u3'],
      },
    ]);
  });

  it('counts requesters, not requests, and keeps different years and house numbers apart', () => {
    expect(popularTopics(requests, 0.7, 2)).toEqual([
      {
        representative: { id: 'a1', requesterKey: 'u1', text: '申请公开人民路拆迁补偿标准' },
        requestIds: ['a1', 'a2', 'a3', 'a4'],
        requesterKeys: ['u1', 'u2', 'u3'],
      },
      {
        representative: { id: 'b1', requesterKey: 'u4', text: '2023年区财政预算执行情况' },
        requestIds: ['b1', 'b2', 'b3'],
        requesterKeys: ['u4', 'u5'],
      },
    ]);
  });

  it('picks as representative the request most like the others', () => {
    const topic = popularTopics([
      { id: 'x1', requesterKey: 'u1', text: '人民路拆迁补偿标准是多少？' },
      { id: 'x2', requesterKey: 'u2', text: '申请公开人民路拆迁补偿标准' },
      { id: 'x3', requesterKey: 'u3', text: '请公开人民路拆迁补偿标准是多少' },
    ]);
    // x1 and x3 are the same text (1); x2 is 16/19 from both: x1 has the highest mean.
    expect(topic.map((t) => [t.representative.id, t.requestIds])).toEqual([['x1', ['x1', 'x2', 'x3']]]);
  });

  it('joins requests about other roads at 0.7 (the compensation standard is what is asked), not at 0.8', () => {
    const roads: TopicRequest[] = [
      { id: 'r1', requesterKey: 'u1', text: '申请公开人民路拆迁补偿标准' },
      { id: 'r2', requesterKey: 'u2', text: '申请公开建设路拆迁补偿标准' },
      { id: 'r3', requesterKey: 'u3', text: '申请公开解放路拆迁补偿标准' },
    ];
    expect(popularTopics(roads).map((t) => t.requestIds)).toEqual([['r1', 'r2', 'r3']]);
    expect(popularTopics(roads, 0.8)).toEqual([]);
  });

  it('does not depend on the order of the requests', () => {
    const ids = (list: TopicRequest[]) =>
      popularTopics(list, 0.7, 2)
        .map((t) => [...t.requestIds].sort())
        .sort();
    expect(ids([...requests].reverse())).toEqual(ids(requests));
  });

  it('returns nothing for no requests, and leaves out texts that are nothing but formulas', () => {
    expect(popularTopics([])).toEqual([]);
    const empty = ['申请公开相关信息', '请提供相关政府信息', '申请公开，谢谢！'].map((text, i) => ({ id: `e${i}`, requesterKey: `u${i}`, text }));
    expect(popularTopics(empty, 0.7, 1)).toEqual([]);
  });

  it('groups exactly the connected components of textSimilarity ≥ threshold', () => {
    const pool = [...requests.map((r) => r.text), '申请公开建设路拆迁补偿标准', '人民路（东段）房屋拆迁补偿安置标准', '2023年区财政决算', '区财政预算执行情况', '桥', '申请公开相关信息'];
    const sample = fc.record({
      picks: fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 14 }),
      threshold: fc.constantFrom(0.4, 0.5, 0.7, 0.75, 0.8, 1),
    });
    fc.assert(
      fc.property(sample, ({ picks, threshold }) => {
        const list = picks.map((p, i) => ({ id: `r${i}`, requesterKey: `u${i}`, text: pool[p]! }));
        // Reference: union by pairwise textSimilarity.
        const root = list.map((_, i) => i);
        const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            if (textSimilarity(list[i]!.text, list[j]!.text) >= threshold) root[find(j)] = find(i);
          }
        }
        const expected = new Map<number, string[]>();
        list.forEach((r, i) => {
          if (normalizeRequestText(r.text) === '') return;
          expected.set(find(i), [...(expected.get(find(i)) ?? []), r.id]);
        });
        const actual = popularTopics(list, threshold, 1).map((t) => t.requestIds.join());
        expect(actual.sort()).toEqual([...expected.values()].map((ids) => ids.join()).sort());
      }),
      { numRuns: 300 },
    );
  });
});
