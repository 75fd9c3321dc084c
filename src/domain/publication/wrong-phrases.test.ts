import { describe, expect, it } from 'vitest';
import { DEFAULT_WRONG_PHRASES, findWrongPhrases } from './wrong-phrases.js';

describe('findWrongPhrases', () => {
  it('finds each wrong wording with its correct form, index and excerpt', () => {
    const text = '据报道，台湾总统今日表示，台湾政府将……';
    expect(findWrongPhrases(text, DEFAULT_WRONG_PHRASES)).toEqual([
      { wrong: '台湾总统', correct: '台湾地区领导人', index: 4, excerpt: '据报道，台湾总统今日表示，台湾政府将…' },
      { wrong: '台湾政府', correct: '台湾当局', index: 13, excerpt: '…，台湾总统今日表示，台湾政府将……' },
    ]);
  });

  it('reports a shorter wrong wording inside a longer one only once, as the longer one', () => {
    const text = '深入学习习近平新时代中国特色社会主意思想，坚持社会主意核心价值观。';
    expect(findWrongPhrases(text, DEFAULT_WRONG_PHRASES).map((m) => [m.wrong, m.correct, m.index])).toEqual([
      ['习近平新时代中国特色社会主意思想', '习近平新时代中国特色社会主义思想', 4],
      ['社会主意', '社会主义', 23],
    ]);
  });

  it('does not report a wrong wording that is part of its correct form', () => {
    const phrases = [{ wrong: '人民政府', correct: '沾益区人民政府' }];
    expect(findWrongPhrases('沾益区人民政府办公室与人民政府', phrases).map((m) => m.index)).toEqual([11]);
  });

  it('finds every occurrence, including one right after another', () => {
    expect(findWrongPhrases('社会主意社会主意', [{ wrong: '社会主意', correct: '社会主义' }]).map((m) => m.index)).toEqual([0, 4]);
  });

  it('finds nothing in correct text and ignores empty entries', () => {
    expect(findWrongPhrases('台湾地区领导人、台湾当局、习近平新时代中国特色社会主义思想、“一带一路”倡议', DEFAULT_WRONG_PHRASES)).toEqual([]);
    expect(findWrongPhrases('任意文字', [{ wrong: ' ', correct: 'x' }])).toEqual([]);
  });

  it('keeps the seed short, without duplicates and with real corrections', () => {
    expect(DEFAULT_WRONG_PHRASES.length).toBe(15);
    expect(new Set(DEFAULT_WRONG_PHRASES.map((p) => p.wrong)).size).toBe(DEFAULT_WRONG_PHRASES.length);
    for (const p of DEFAULT_WRONG_PHRASES) expect(p.correct).not.toBe(p.wrong);
  });
});
