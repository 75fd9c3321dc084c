import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeHtml } from './sanitize.js';

describe('sanitizeHtml: hostile input', () => {
  it('drops event handlers and keeps a harmless relative image', () => {
    expect(sanitizeHtml('<img src=x onerror=alert(1)>')).toBe('<img src="x">');
    expect(sanitizeHtml('<p onclick="x()" id="a" class="b" style="color:red">文字</p>')).toBe('<p>文字</p>');
  });

  it('refuses javascript:, data: and vbscript: links however they are written', () => {
    for (const href of [
      'jav&#x61;script:alert(1)',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' &#x09;java&#x0A;script&colon;alert(1)',
      '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'ｊavascript:alert(1)',
    ]) {
      expect(sanitizeHtml(`<a href="${href}">点此</a>`), href).toBe('点此');
    }
  });

  it('keeps http, https, mailto and relative links, without target', () => {
    expect(sanitizeHtml('<a href="https://www.gov.cn/" target="_blank" rel="opener">国务院</a>')).toBe(
      '<a href="https://www.gov.cn/">国务院</a>',
    );
    expect(sanitizeHtml('<a href="mailto:zwgk@example.cn">来信</a>')).toBe('<a href="mailto:zwgk@example.cn">来信</a>');
    expect(sanitizeHtml('<a href="/items/12?x=1&amp;y=2#p">附件</a>')).toBe('<a href="/items/12?x=1&amp;y=2#p">附件</a>');
    expect(sanitizeHtml('<a href=" http://a.example/\n b ">x</a>')).toBe('<a href="http://a.example/ b">x</a>');
  });

  it('accepts images only from http, https or relative sources', () => {
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA" alt="x">')).toBe('');
    expect(sanitizeHtml('<img src="javascript:alert(1)">')).toBe('');
    expect(sanitizeHtml('<img src="https://a.example/1.png" alt=" 图 1 " width="553" height="100%" title="t">')).toBe(
      '<img src="https://a.example/1.png" alt="图 1" width="553">',
    );
  });

  it('drops script inside svg, and svg and math with all they hold', () => {
    expect(sanitizeHtml('<svg><script>alert(1)</script><text>t</text></svg>后文')).toBe('后文');
    expect(sanitizeHtml('<math><mi><mglyph><style><img src=x onerror=1></style></mglyph></mi></math>')).toBe('');
    expect(sanitizeHtml('<p>a<script>alert(1)</script>b<style>p{}</style>c</p>')).toBe('<p>abc</p>');
  });

  it('is not fooled by markup hidden in a noscript attribute (mutation XSS)', () => {
    const out = sanitizeHtml('<noscript><p title="</noscript><img src=x onerror=1>">');
    expect(out).toBe('<img src="x">"&gt;');
    expect(out).not.toMatch(/onerror/);
    expect(sanitizeHtml(out)).toBe(out);
  });

  it('drops iframes, objects, forms, templates and comments', () => {
    expect(
      sanitizeHtml(
        '<iframe src="https://e.example"></iframe><object data="x"><p>o</p></object><embed src="x">' +
          '<form action="/x"><input name="a"><button>提交</button></form><template><p>t</p></template><!-- note -->正文',
      ),
    ).toBe('正文');
  });

  it('keeps table structure with numeric spans only', () => {
    expect(
      sanitizeHtml('<table border=1 style="x"><tr><td colspan="2" rowspan="x" width="3">a</td><th rowspan=" 3 ">b</th></tr></table>'),
    ).toBe('<table><tbody><tr><td colspan="2">a</td><th rowspan="3">b</th></tr></tbody></table>');
  });

  it('turns h1 into h2 and unwraps unknown elements keeping their text', () => {
    expect(sanitizeHtml('<h1>标题</h1><section><font color=red>红</font><center>中</center></section>')).toBe(
      '<h2>标题</h2>红中',
    );
  });

  it('escapes text so that it stays text', () => {
    expect(sanitizeHtml('a &lt;script&gt;alert(1)&lt;/script&gt; &amp; b')).toBe('a &lt;script&gt;alert(1)&lt;/script&gt; &amp; b');
    expect(sanitizeHtml('<p title="&quot;><script>">x</p>')).toBe('<p>x</p>');
  });

  it('cleans markup pasted from Word', () => {
    const word =
      '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->' +
      '<p class=MsoNormal style="text-indent:32.0pt;mso-char-indent-count:2.0"><span lang=EN-US ' +
      'style="font-family:仿宋_GB2312">2022</span><span style="font-family:仿宋_GB2312">年全区共受理申请<b>9</b>件。' +
      '<o:p></o:p></span></p>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>';
    expect(sanitizeHtml(word)).toBe('<p><span>2022</span><span>年全区共受理申请<b>9</b>件。</span></p>\n<p>&nbsp;</p>');
  });

  it('is idempotent on input whose nesting a re-parse would change', () => {
    for (const input of [
      '<p><marquee><div>x</div></marquee></p>',
      '<li><marquee><li>a</li></marquee></li>',
      '<a href="/1"><marquee><a href="/2">b</a></marquee></a>',
      '<pre>\n\nline</pre>',
      '<p><object><table><tr><td>c</td></tr></table></object></p>',
      '<table><tr><td><select><option>o</option></select>d</td></tr></table>',
    ]) {
      const once = sanitizeHtml(input);
      expect(sanitizeHtml(once), input).toBe(once);
    }
    expect(sanitizeHtml('<p><marquee><div>x</div></marquee></p>')).toBe('<p></p><div>x</div><p></p>');
    expect(sanitizeHtml('<p>a<button>b</button>c</p>')).toBe('<p>ac</p>');
    expect(sanitizeHtml('<pre>\n\nline</pre>')).toBe('<pre>line</pre>');
  });

  it('is idempotent and never emits a dangerous attribute or element on generated tag soup', () => {
    const tags = ['p', 'div', 'a', 'img', 'table', 'tr', 'td', 'li', 'ul', 'pre', 'b', 'button', 'marquee', 'svg',
      'math', 'noscript', 'template', 'style', 'script', 'select', 'option', 'h1', 'span', 'o:p', 'form', 'textarea', 'caption'];
    const attrs = ['', ' href="javascript:x"', ' src=x onerror=1', ' style="a"', ' href="/ok"', ' title="</noscript><img src=x onerror=1>"'];
    const piece = fc.oneof(
      fc.tuple(fc.constantFrom(...tags), fc.constantFrom(...attrs)).map(([t, a]) => `<${t}${a}>`),
      fc.constantFrom(...tags).map((t) => `</${t}>`),
      fc.constantFrom('x', '\n', '&amp;', '<!--c-->', '"', '<', '>', ' '),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const once = sanitizeHtml(pieces.join(''));
        expect(sanitizeHtml(once)).toBe(once);
        expect(once).not.toMatch(/<(script|style|svg|math|noscript|template|button|select|textarea|form)\b|onerror|javascript:|style=/i);
      }),
      { numRuns: 400 },
    );
  });
});

describe('htmlToText', () => {
  it('puts paragraphs, list items and line breaks on their own lines and decodes entities', () => {
    expect(htmlToText('<p>第一段&nbsp;文字</p><p>第二段<br>换行</p><ul><li>甲</li><li>乙 &amp; 丙</li></ul>')).toBe(
      '第一段 文字\n第二段\n换行\n甲\n乙 & 丙',
    );
  });

  it('leaves out scripts and styles and collapses source whitespace', () => {
    expect(htmlToText('<p>  a\n   b <script>var x = 1;</script><style>p{}</style></p>\n\n<div>c</div>')).toBe('a b\nc');
  });

  it('separates table cells by tabs and rows by lines', () => {
    expect(htmlToText('<table><tr><td>138</td><td>1234</td></tr><tr><th>姓名</th><td>张三</td></tr></table>')).toBe(
      '138\t1234\n姓名\t张三',
    );
  });

  it('reads raw Word markup too', () => {
    expect(htmlToText('<p class=MsoNormal><span lang=EN-US>530302</span><span>199001011234<o:p></o:p></span></p>')).toBe(
      '530302199001011234',
    );
  });
});
