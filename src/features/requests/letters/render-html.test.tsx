import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LETTER_CSS, LetterDocument, renderLetterHtml } from './render-html.js';
import { partialLetter } from './test-letter.js';

describe('renderLetterHtml', () => {
  const letter = partialLetter();
  const html = renderLetterHtml(letter);

  it('is a standalone zh-CN document with no scripts or outside resources', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"/>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|\b(src|href)=/);
    expect(html).toContain('<title>政府信息部分公开告知书</title>');
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
  });

  it('has title, number, salutation, body, signature and note', () => {
    expect(html).toContain('<h1 class="gk-letter-title"><span>政府信息部分公开告知书</span></h1>');
    expect(html).toContain('<p class="gk-letter-number">城中住建依复〔2025〕3号</p>');
    expect(html).toContain('<p class="gk-letter-recipient">张三：</p>');
    for (const p of letter.paragraphs.slice(0, -1)) expect(html).toContain(`<p>${p}</p>`);
    expect(html).toContain('<p class="gk-letter-attachments">附件：滨河路改造工程征收补偿安置名单（区分处理后）</p>');
    expect(html).toContain('<p class="gk-letter-agency">西宁市城中区住房和城乡建设局</p><p class="gk-letter-date">2025年1月24日</p>');
    expect(html).toContain('<p class="gk-letter-note">（此件经电子印章签署）</p>');
  });

  it('escapes what people typed', () => {
    const hostile = renderLetterHtml(
      partialLetter({ recipient: '<script>alert(1)</script>', paragraphs: ['申请内容：“<img src=x onerror=alert(1)>”'] }),
    );
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('<p class="gk-letter-recipient">&lt;script>alert(1)&lt;/script>：</p>');
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('申请内容：“&lt;img src=x onerror=alert(1)>”');
  });
});

describe('LetterDocument', () => {
  it('uses classes only, no style attributes or style elements (pages embed it under a strict CSP)', () => {
    const html = render(<LetterDocument letter={partialLetter({ title: '政府信息公开\n申请告知书' })} />);
    expect(html).not.toMatch(/style[=>]/);
    expect(html).toContain('<h1 class="gk-letter-title"><span>政府信息公开</span><span>申请告知书</span></h1>');
    expect(html.startsWith('<article class="gk-letter" lang="zh-CN">')).toBe(true);
  });

  it('has its rules scoped under .gk-letter', () => {
    const selectors = LETTER_CSS.split('}')
      .map((rule) => rule.split('{')[0]!.trim())
      .filter((s) => s !== '' && !s.startsWith('@media'));
    for (const s of selectors) expect(s.startsWith('.gk-letter'), s).toBe(true);
  });
});
