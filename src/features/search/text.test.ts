import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeHtml } from '../../domain/publication/sanitize.js';
import { bodyText } from './text.js';

describe('the text of a published body', () => {
  it('reads sanitised HTML as htmlToText does: blocks on lines, cells by tabs, inline elements joined', () => {
    const bodies = [
      '<p>第一条 为<b>规范</b>管理，制定本办法。</p><p>第二条&nbsp;&nbsp;本办法自2026年1月1日起施行。</p>',
      '<h2>一、总体情况</h2><ul><li>主动公开<strong>1,280</strong>条</li><li>依申请公开9件</li></ul>',
      '<table><tr><th>项目</th><th>金额</th></tr><tr><td>基本支出</td><td>960</td></tr></table><p>说明：&lt;略&gt; &amp; 附件</p>',
      '<p>联系电话：0874-3123456<br>地址：<a href="https://example.gov.cn/a?b=1&amp;c=&quot;2&quot;">青川区政府</a></p>',
      '<p><img src="x.png" alt="a > b">图片说明</p><pre>  保留\n  格式</pre><div>规<span>范</span>性</div>',
    ];
    for (const raw of bodies) {
      const html = sanitizeHtml(raw);
      expect(bodyText(html), html).toBe(htmlToText(html));
    }
  });

  it('decodes entities, numeric ones included', () => {
    expect(bodyText('<p>&lt;script&gt;alert(1)&lt;/script&gt; &#20013;&#x6587; &quot;x&quot; &#39;y&#39; &unknown;</p>')).toBe('<script>alert(1)</script> 中文 "x" \'y\' &unknown;');
  });

  it('leaves HTML of another shape to the parser', () => {
    // A raw < in the text and a comment: not what sanitizeHtml produces.
    expect(bodyText('<p>a < b</p><!-- note --><p>c</p>')).toBe(htmlToText('<p>a < b</p><!-- note --><p>c</p>'));
    expect(bodyText('<p>a < b</p><!-- note --><p>c</p>')).toBe('a < b\nc');
  });
});
