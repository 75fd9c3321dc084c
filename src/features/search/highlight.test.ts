import { describe, expect, it } from 'vitest';
import { escapeHtml, findHits, highlight, markRanges, snippet } from './highlight.js';

describe('highlighting', () => {
  it('escapes the text before marking, so stored markup never becomes markup', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(highlight('<script>alert("规范性文件")</script>', ['规范性', '文件', 'script'])).toBe(
      '&lt;<mark>script</mark>&gt;alert(&quot;<mark>规范性</mark><mark>文件</mark>&quot;)&lt;/<mark>script</mark>&gt;',
    );
    expect(markRanges('a<b>c', [[1, 4]])).toBe('a<mark>&lt;b&gt;</mark>c');
  });

  it('prefers the longest term at a position and never overlaps marks', () => {
    expect(findHits('规范性文件规范', ['规范', '规范性', '范性'])).toEqual([[0, 3], [5, 7]]);
    expect(highlight('规范性文件规范', ['规范', '规范性', '范性'])).toBe('<mark>规范性</mark>文件<mark>规范</mark>');
  });

  it('matches full-width and upper-case text against the normalised terms, marking the original characters', () => {
    expect(highlight('ＡＢＣ与abc', ['abc'])).toBe('<mark>ＡＢＣ</mark>与<mark>abc</mark>');
    expect(highlight('２０２２年', ['2022'])).toBe('<mark>２０２２</mark>年');
    // ﬁ is one character that folds to two: a hit inside it marks the whole character.
    expect(highlight('ﬁx', ['f'])).toBe('<mark>ﬁ</mark>x');
    expect(highlight('Hello', [])).toBe('Hello');
  });
});

describe('snippets', () => {
  const filler = '为进一步加强和规范行政管理，结合本区实际，制定本办法。';

  it('shows a short body whole, marked', () => {
    expect(snippet('本办法自印发之日起施行。', ['施行'])).toBe('本办法自印发之日起<mark>施行</mark>。');
  });

  it('cuts a long body around the hits, starting a little before, with … where cut', () => {
    const body = `${filler.repeat(6)}本区行政规范性文件实行统一登记、统一编号、统一印发制度。${filler.repeat(6)}`;
    const s = snippet(body, ['规范性', '文件']);
    // 24 characters before the first hit, 120 in all.
    expect(s).toBe(`…${filler.slice(7)}本区行政<mark>规范性</mark><mark>文件</mark>实行统一登记、统一编号、统一印发制度。${filler}${filler}${filler.slice(0, 18)}…`);
    expect(s.replace(/<\/?mark>/g, '').replace(/…/g, '')).toHaveLength(120);
  });

  it('chooses the window with the most distinct terms, not merely the first hit', () => {
    const body = `预算${filler.repeat(8)}部门预算和决算公开${filler.repeat(8)}`;
    const s = snippet(body, ['预算', '决算']);
    expect(s).toContain('部门<mark>预算</mark>和<mark>决算</mark>公开');
    expect(s.startsWith('…')).toBe(true);
  });

  it('starts at the beginning when the body has no hit (found by title or number)', () => {
    const s = snippet(filler.repeat(10), ['沾政办发202212号']);
    expect(s).toBe(`${filler.repeat(10).slice(0, 120)}…`);
  });

  it('escapes the body in the snippet and collapses its white space', () => {
    expect(snippet('第一条\n\n<b>文件</b>\t  & 附件', ['文件'])).toBe('第一条 &lt;b&gt;<mark>文件</mark>&lt;/b&gt; &amp; 附件');
  });
});
