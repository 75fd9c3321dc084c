import { describe, expect, it } from 'vitest';
import type { Agency } from '../../db/schema.js';
import { PortalLayout, renderDocument } from '../../http/layout.js';
import { portalPageHtml } from './page.js';

const agencies = (name: string) => [{ id: 1, parent_id: null, name } as Agency];

describe('portalPageHtml', () => {
  // The layout is rendered once and cut around the title and the content: the pages must be the
  // bytes PortalLayout gives, whatever the title, content, site name and stylesheets hold.
  const cases: Array<[string, string, unknown, string[] | undefined]> = [
    ['测试区人民政府', '关于2026年春季学期开学工作的通知', <p>正文</p>, undefined],
    ['A&B <区> "政府"', '标题 & <script>alert(1)</script> "引号" \'单\'', <><h1>{'<b>&amp;</b>'}</h1><div dangerouslySetInnerHTML={{ __html: '<p>原样</p>' }} /></>, ['/static/report.css']],
    ['测试区人民政府', '', null, []],
  ];
  it.each(cases)('site %s, title %s: the same bytes as rendering PortalLayout', (site, title, body, styles) => {
    const direct = renderDocument(<PortalLayout title={title} siteName={site} styles={styles}>{body as never}</PortalLayout>);
    expect(portalPageHtml(agencies(site), title, body as never, styles)).toBe(direct);
    // Twice: the second comes from the cached layout.
    expect(portalPageHtml(agencies(site), title, body as never, styles)).toBe(direct);
  });
});
