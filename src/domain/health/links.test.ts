import { describe, expect, it } from 'vitest';
import { externalLinksOf, hostOf, isPrivateAddress, ownPortalPath, portalTarget } from './links.js';
import { robotsAllows, robotsRulesFor } from './robots.js';

describe('portal links', () => {
  it('names what a same-site path shows, and calls anything unknown dead', () => {
    expect(portalTarget('/items/12')).toEqual({ kind: 'item', id: 12 });
    expect(portalTarget('/items/12/attachments/3#x')).toEqual({ kind: 'item', id: 12 });
    expect(portalTarget('/items/12/print')).toEqual({ kind: 'item', id: 12 });
    expect(portalTarget('/columns/4/page/2')).toEqual({ kind: 'column', id: 4 });
    expect(portalTarget('/columns/4/rss.xml')).toEqual({ kind: 'column', id: 4 });
    expect(portalTarget('/agencies/9/catalogue?page=2')).toEqual({ kind: 'agency', id: 9 });
    expect(portalTarget('/guide/9')).toEqual({ kind: 'agency', id: 9 });
    for (const page of ['/', '/guide', '/catalogue', '/annual-reports/3/2025', '/requests/new', '/search?q=x', '/static/app.css']) expect(portalTarget(page)).toEqual({ kind: 'page' });
    for (const dead of ['/old-site/index.html', '/items/abc', '/columns/', '/console/requests']) expect(portalTarget(dead)).toEqual({ kind: 'dead' });
  });
  it('lists external addresses once each, unescaped', () => {
    const body = '<p><a href="https://www.gov.cn/zhengce/?a=1&amp;b=2">国务院</a> <a href="/items/1">站内</a> <a href="http://example.org/x">x</a> <a href="https://www.gov.cn/zhengce/?a=1&amp;b=2">again</a> <a href="mailto:a@b.cn">mail</a></p>';
    expect(externalLinksOf(body)).toEqual(['https://www.gov.cn/zhengce/?a=1&b=2', 'http://example.org/x']);
  });
  it('treats absolute links into this portal as portal paths', () => {
    expect(ownPortalPath('https://gk.example.gov.cn/items/5', 'https://gk.example.gov.cn')).toBe('/items/5');
    expect(ownPortalPath('https://gk.example.gov.cn', 'https://gk.example.gov.cn/')).toBe('/');
    expect(ownPortalPath('https://gk.example.gov.cn.evil.com/items/5', 'https://gk.example.gov.cn')).toBeNull();
    expect(ownPortalPath('https://gk.example.gov.cn/items/5', null)).toBeNull();
  });
  it('knows hosts and the addresses of the own network', () => {
    expect(hostOf('https://WWW.Gov.CN/a')).toBe('www.gov.cn');
    expect(hostOf('ftp://x.cn/')).toBeNull();
    expect(['127.0.0.1', '10.2.3.4', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1'].map(isPrivateAddress)).toEqual(Array(12).fill(true));
    expect(['8.8.8.8', '172.32.0.1', '203.119.1.1', '2400:3200::1', 'www.gov.cn'].map(isPrivateAddress)).toEqual(Array(5).fill(false));
  });
});

describe('robots.txt', () => {
  const txt = [
    'User-agent: *',
    'Disallow: /private/',
    'Allow: /private/open.html',
    '',
    'User-agent: gongkai-linkcheck',
    'User-agent: otherbot',
    'Disallow: /no-checkers/',
    'Disallow: /*.pdf$',
  ].join('\n');
  it('uses our own group when there is one, else the * group', () => {
    const ours = robotsRulesFor(txt, 'gongkai-linkcheck');
    expect(ours).toEqual({ allow: [], disallow: ['/no-checkers/', '/*.pdf$'] });
    expect(robotsAllows(ours, '/private/x.html')).toBe(true);
    expect(robotsAllows(ours, '/no-checkers/a')).toBe(false);
    expect(robotsAllows(ours, '/files/a.pdf')).toBe(false);
    expect(robotsAllows(ours, '/files/a.pdf?download=1')).toBe(true);
    const others = robotsRulesFor(txt, 'somebot');
    expect(robotsAllows(others, '/private/x.html')).toBe(false);
    expect(robotsAllows(others, '/private/open.html')).toBe(true);
    expect(robotsAllows(others, '/public')).toBe(true);
  });
  it('allows everything when the file says nothing that applies', () => {
    expect(robotsAllows(robotsRulesFor('', 'gongkai-linkcheck'), '/a')).toBe(true);
    expect(robotsAllows(robotsRulesFor('User-agent: *\nDisallow:\n', 'gongkai-linkcheck'), '/a')).toBe(true);
    expect(robotsAllows(robotsRulesFor('User-agent: *\nDisallow: /\n', 'gongkai-linkcheck'), '/a')).toBe(false);
  });
});
