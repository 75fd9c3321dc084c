/** Page shells shared by the views: the public portal and the staff console. */
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ROLE_LABELS, type Actor } from '../domain/roles.js';

/** Renders a page to a complete HTML document. Preact escapes every text and attribute. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

function Head(props: { title: string; styles?: readonly string[]; scripts?: readonly string[] }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title}</title>
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/static/app.css" />
      {props.styles?.map((href) => <link rel="stylesheet" href={href} />)}
      {props.scripts?.map((src) => <script src={src} defer />)}
    </head>
  );
}

/** The stylesheet of the official report layout (served from the renderer's CSS). */
export const REPORT_STYLESHEET = '/assets/report.css';

/** The portal's one script: the larger-text switch (the portal works without it). */
const PORTAL_SCRIPTS = ['/static/portal.js'];

export interface PortalProps {
  title: string;
  siteName: string;
  styles?: readonly string[];
  children: ComponentChildren;
}

export function PortalLayout(props: PortalProps) {
  return (
    <html lang="zh-CN">
      <Head title={`${props.title} - ${props.siteName}`} styles={props.styles} scripts={PORTAL_SCRIPTS} />
      <body class="portal">
        <a class="skip-link" href="#main">跳到主要内容</a>
        <header class="site-header" role="banner">
          <div class="wrap">
            <p class="site-name"><a href="/">{props.siteName}</a></p>
            <p class="site-sub">政府信息公开专栏</p>
          </div>
        </header>
        <nav class="site-nav" aria-label="主导航">
          <div class="wrap">
            <ul>
              <li><a href="/">首页</a></li>
              <li><a href="/guide">政府信息公开指南</a></li>
              <li><a href="/rules">政府信息公开制度</a></li>
              <li><a href="/catalogue">法定主动公开内容</a></li>
              <li><a href="/annual-reports">政府信息公开年报</a></li>
              <li><a href="/notices">通报</a></li>
              <li><a href="/requests/new">依申请公开</a></li>
            </ul>
            <form class="site-search" method="get" action="/search" role="search">
              <label for="site-search-q" class="visually-hidden">搜索政府信息</label>
              <input id="site-search-q" type="search" name="q" maxLength={100} placeholder="搜索政府信息" />
              <button type="submit">搜索</button>
            </form>
          </div>
        </nav>
        <main id="main" class="wrap">{props.children}</main>
        <footer class="site-footer" role="contentinfo">
          <div class="wrap">
            <p>{props.siteName} 主办 · 依据《中华人民共和国政府信息公开条例》公开</p>
            <p><a href="/console">工作人员入口</a></p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A page for printing: the content alone, with the site's name above it (no navigation). */
export function PrintLayout(props: { title: string; siteName: string; children: ComponentChildren }) {
  return (
    <html lang="zh-CN">
      <Head title={`${props.title} - ${props.siteName}`} />
      <body class="print-view">
        <main id="main" class="wrap">
          <p class="print-site">{props.siteName}</p>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export interface ConsoleProps {
  title: string;
  styles?: readonly string[];
  /** Progressive enhancements only: every console page works without JavaScript. */
  scripts?: readonly string[];
  actor: Actor | null;
  csrfToken?: string;
  flash?: string | null;
  children: ComponentChildren;
}

const NAV: Array<{ href: string; label: string; show: (a: Actor) => boolean }> = [
  { href: '/console', label: '工作台', show: () => true },
  { href: '/console/publications', label: '主动公开', show: (a) => a.roles.some((r) => ['systemAdmin', 'officeAdmin', 'agencyAdmin', 'drafter', 'reviewerFirst', 'reviewerSecond', 'reviewerFinal', 'auditor'].includes(r)) },
  { href: '/console/requests', label: '依申请公开', show: (a) => a.roles.some((r) => ['systemAdmin', 'officeAdmin', 'agencyAdmin', 'requestHandler', 'requestApprover', 'auditor'].includes(r)) },
  { href: '/console/registry', label: '政府信息管理', show: () => true },
  { href: '/console/standard-catalogue', label: '标准目录', show: () => true },
  { href: '/console/new-media', label: '政务新媒体', show: () => true },
  { href: '/console/training', label: '培训', show: () => true },
  { href: '/console/assessment', label: '绩效考核', show: (a) => a.roles.some((r) => ['systemAdmin', 'officeAdmin', 'auditor'].includes(r)) },
  { href: '/console/office', label: '监督概览', show: (a) => a.roles.some((r) => ['systemAdmin', 'officeAdmin', 'auditor'].includes(r)) },
  { href: '/console/health', label: '网站健康', show: () => true },
  { href: '/console/inspections', label: '检查整改', show: (a) => a.roles.some((r) => ['systemAdmin', 'officeAdmin', 'auditor', 'agencyAdmin', 'drafter', 'reviewerFirst', 'reviewerSecond', 'reviewerFinal'].includes(r)) },
  { href: '/console/reports', label: '年度报告', show: () => true },
  { href: '/console/agencies', label: '单位管理', show: () => true },
  { href: '/console/users', label: '用户管理', show: (a) => a.roles.some((r) => ['systemAdmin', 'officeAdmin', 'agencyAdmin', 'auditor'].includes(r)) },
  { href: '/console/calendar', label: '工作日历', show: (a) => a.roles.some((r) => ['systemAdmin', 'officeAdmin'].includes(r)) },
  { href: '/console/audit', label: '审计日志', show: (a) => a.roles.some((r) => ['systemAdmin', 'officeAdmin', 'auditor'].includes(r)) },
];

export function ConsoleLayout(props: ConsoleProps) {
  const { actor } = props;
  return (
    <html lang="zh-CN">
      <Head title={`${props.title} - 政务公开平台`} styles={props.styles} scripts={props.scripts} />
      <body class="console">
        <a class="skip-link" href="#main">跳到主要内容</a>
        <header class="console-header" role="banner">
          <div class="wrap bar">
            <p class="site-name"><a href="/console">政务公开平台 · 工作台</a></p>
            {actor && (
              <div class="who">
                <span>{actor.displayName}（{actor.roles.map((r) => ROLE_LABELS[r]).join('、')}）</span>
                <a href="/console/password">修改密码</a>
                <form method="post" action="/console/logout" class="inline">
                  <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
                  <button type="submit" class="link">退出登录</button>
                </form>
              </div>
            )}
          </div>
        </header>
        {actor && (
          <nav class="console-nav" aria-label="功能导航">
            <div class="wrap">
              <ul>
                {NAV.filter((n) => n.show(actor)).map((n) => (
                  <li><a href={n.href}>{n.label}</a></li>
                ))}
              </ul>
            </div>
          </nav>
        )}
        <main id="main" class="wrap">
          {props.flash && <p class="flash" role="status">{props.flash}</p>}
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A list of field errors at the top of a form. */
export function FormErrors(props: { message?: string | null; fields?: Array<{ field: string; message: string }> }) {
  if (!props.message && !props.fields?.length) return null;
  return (
    <div class="errors" role="alert">
      {props.message && <p>{props.message}</p>}
      {props.fields && props.fields.length > 0 && (
        <ul>
          {props.fields.map((f) => (
            <li>{f.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * 上一页 / 第N/M页 / 下一页 under a list of several pages (nothing for one page). `href` gives a
 * page's address; `rel` marks the links prev/next; `children` replaces the 第N/M页 label.
 */
export function Pager(props: { page: number; pages: number; href: (page: number) => string; rel?: boolean; children?: ComponentChildren }) {
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label="分页">
      {props.page > 1 && <a href={props.href(props.page - 1)} rel={props.rel ? 'prev' : undefined}>上一页</a>}
      <span>{props.children ?? <>第{props.page}/{props.pages}页</>}</span>
      {props.page < props.pages && <a href={props.href(props.page + 1)} rel={props.rel ? 'next' : undefined}>下一页</a>}
    </nav>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}
