/** Notices (通报): the console list and page, the shared HTML rendering, the portal pages. */
import { chineseDate } from '../../../domain/requests/letters/fill.js';
import type { FieldError } from '../../../errors.js';
import { CsrfField, FormErrors } from '../../../http/layout.js';
import { InspectionNav } from '../views.js';
import type { InspectionNotice } from '../repository.js';
import type { NoticeDocument, NoticeView } from './service.js';

const STATUS = { draft: '草稿', issued: '已印发' } as const;
const VISIBILITY = { internal: '内部印发（各单位工作台可见）', public: '公开发布（门户网站可见）' } as const;

/** The notice as a page: the 版头 in red, the number, the rule, the title, the body, the signature, the attachment. */
export function NoticeDocumentView(props: { doc: NoticeDocument }) {
  const { doc } = props;
  return (
    <article class="notice-doc">
      <header>
        <p class="masthead">{doc.signer}文件</p>
        <p class="number">{doc.number}</p>
        <hr class="red-rule" />
      </header>
      <h1>{doc.titleLines.map((l, i) => <>{i > 0 && <br />}{l}</>)}</h1>
      <p class="recipients">{doc.recipients.replace(/[：:]$/, '')}：</p>
      {doc.blocks.map((b) => {
        if (b.type === 'heading') return <h2>{b.text}</h2>;
        if (b.type === 'paragraph') return <p>{b.text}</p>;
        if (b.type === 'attachments') return <p class="attachments">{b.text}</p>;
        return (
          <table class="data">
            <thead><tr>{b.head.map((h) => <th scope="col">{h}</th>)}</tr></thead>
            <tbody>{b.rows.map((r) => <tr>{r.map((c) => <td>{c}</td>)}</tr>)}</tbody>
          </table>
        );
      })}
      <p class="signature">{doc.signer}<br />{chineseDate(doc.date)}</p>
      {doc.note && <p class="note">（{doc.note}）</p>}
      {doc.attachment && (
        <section class="attachment">
          <p class="attachment-label">附件</p>
          <h2>{doc.attachment.title}</h2>
          <table class="data">
            <thead><tr>{doc.attachment.table.head.map((h) => <th scope="col">{h}</th>)}</tr></thead>
            <tbody>{doc.attachment.table.rows.map((r) => <tr>{r.map((c) => <td>{c}</td>)}</tr>)}</tbody>
          </table>
        </section>
      )}
    </article>
  );
}

export function NoticeListPage(props: {
  rows: Array<{ id: number; title: string; number: string | null; status: 'draft' | 'issued'; visibility: 'internal' | 'public'; issued_on: string | null }>;
  office: boolean; csrfToken: string; prefix: { prefix: string; saved: boolean } | null; error?: string; fields?: FieldError[];
}) {
  return (
    <section>
      <h1>通报</h1>
      <InspectionNav current="notices" office={props.office} />
      <FormErrors message={props.error} fields={props.fields} />
      {props.rows.length === 0 ? <p class="empty">暂无通报。</p> : (
        <table class="data">
          <thead><tr><th scope="col">文号</th><th scope="col">标题</th><th scope="col">状态</th><th scope="col">印发日期</th></tr></thead>
          <tbody>
            {props.rows.map((n) => (
              <tr>
                <td>{n.number ?? ''}</td>
                <td><a href={`/console/notices/${n.id}`}>{n.title}</a></td>
                <td>{n.status === 'issued' ? VISIBILITY[n.visibility] : STATUS.draft}</td>
                <td>{n.issued_on ? chineseDate(n.issued_on) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.prefix && (
        <form method="post" action="/console/notices/prefix" class="form narrow">
          <CsrfField token={props.csrfToken} />
          <h2>通报文号</h2>
          <p class="hint">文号形如“前缀〔年份〕序号号”，序号按年度自1起连续编排。{props.prefix.saved ? '' : '尚未设置，当前使用根据本级政府名称生成的默认前缀。'}</p>
          <label for="prefix">发文字号前缀</label>
          <input id="prefix" name="prefix" maxLength={20} value={props.prefix.prefix} />
          <button type="submit">保存</button>
        </form>
      )}
    </section>
  );
}

export function NoticePage(props: { view: NoticeView; doc: NoticeDocument; csrfToken: string; values: Record<string, unknown> | null; error?: string; fields?: FieldError[] }) {
  const { notice, canManage, numberPreview } = props.view;
  const value = (k: keyof InspectionNotice & string) => (props.values && typeof props.values[k] === 'string' ? (props.values[k] as string) : String(notice[k] ?? ''));
  return (
    <section>
      <p class="breadcrumb"><a href="/console/notices">通报</a> › {notice.number ?? '草稿'}</p>
      <FormErrors message={props.error} fields={props.fields} />
      <p>
        {STATUS[notice.status]}{notice.status === 'issued' ? `，${VISIBILITY[notice.visibility]}` : `（印发时文号为${numberPreview}）`}
        {' · '}<a href={`/console/notices/${notice.id}/docx`}>下载Word文档（DOCX）</a>
        {' · '}<a href={`/console/inspections/${notice.inspection_id}`}>检查详情</a>
        {notice.status === 'issued' && notice.visibility === 'public' && <>{' · '}<a href={`/notices/${notice.id}`}>门户网站页面</a></>}
      </p>
      <NoticeDocumentView doc={props.doc} />
      {canManage && notice.status === 'draft' && (
        <>
          <form method="post" action={`/console/notices/${notice.id}`} class="form">
            <CsrfField token={props.csrfToken} />
            <h2>修改通报内容</h2>
            <p class="hint">每行一段。检查结果表和问题清单（附件）由检查记录生成；如需按最新整改进度更新，可在检查页面重新起草。</p>
            <label for="title">标题</label>
            <input id="title" name="title" maxLength={300} value={value('title')} />
            <label for="recipients">主送机关</label>
            <input id="recipients" name="recipients" maxLength={500} value={value('recipients')} />
            <label for="intro">开头</label>
            <textarea id="intro" name="intro" rows={3} maxLength={5000}>{value('intro')}</textarea>
            <label for="overview">一、总体情况</label>
            <textarea id="overview" name="overview" rows={4} maxLength={10000}>{value('overview')}</textarea>
            <label for="problems">二、存在的主要问题</label>
            <textarea id="problems" name="problems" rows={6} maxLength={20000}>{value('problems')}</textarea>
            <label for="requirements">三、整改要求</label>
            <textarea id="requirements" name="requirements" rows={5} maxLength={10000}>{value('requirements')}</textarea>
            <button type="submit">保存</button>
          </form>
          <form method="post" action={`/console/notices/${notice.id}/issue`} class="form narrow">
            <CsrfField token={props.csrfToken} />
            <h2>印发</h2>
            <p class="hint">印发后生成文号{numberPreview}，内容不能再修改。</p>
            <fieldset class="roles">
              <legend>公开方式</legend>
              <label class="check"><input type="radio" name="visibility" value="internal" checked /> {VISIBILITY.internal}</label>
              <label class="check"><input type="radio" name="visibility" value="public" /> {VISIBILITY.public}</label>
            </fieldset>
            <button type="submit">印发通报</button>
          </form>
        </>
      )}
      {canManage && notice.status === 'issued' && (
        <form method="post" action={`/console/notices/${notice.id}/visibility`} class="form narrow">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="visibility" value={notice.visibility === 'public' ? 'internal' : 'public'} />
          <button type="submit" class="secondary">{notice.visibility === 'public' ? '撤下门户网站（改为内部印发）' : '在门户网站公开发布'}</button>
        </form>
      )}
    </section>
  );
}

/** The portal's list of public notices. */
export function PortalNoticeList(props: { rows: Array<{ id: number; title: string; number: string | null; issued_on: string | null; office_name: string }> }) {
  return (
    <section>
      <h1>通报</h1>
      <p>政府信息公开工作主管部门对政府网站和政务新媒体检查情况的通报。</p>
      {props.rows.length === 0 ? <p class="empty">暂无公开的通报。</p> : (
        <ul class="item-list">
          {props.rows.map((n) => <li><a href={`/notices/${n.id}`}>{n.title}</a> <span class="date">{n.number} · {n.issued_on}</span></li>)}
        </ul>
      )}
    </section>
  );
}

export function PortalNoticePage(props: { id: number; doc: NoticeDocument }) {
  return (
    <section>
      <p class="breadcrumb"><a href="/">首页</a> › <a href="/notices">通报</a></p>
      <p class="item-tools"><a href={`/notices/${props.id}/docx`}>下载Word文档（DOCX）</a></p>
      <NoticeDocumentView doc={props.doc} />
    </section>
  );
}
