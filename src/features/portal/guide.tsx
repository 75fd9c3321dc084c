/**
 * 政府信息公开指南 (第十二条): generated from each agency's data — how information is published,
 * how to request it, the disclosure office's name, address, hours, telephone, fax and internet
 * contact, and the remedies. Nothing in it is typed twice.
 */
import type { Agency } from '../../db/schema.js';
import { CHANNEL_LABELS } from '../../domain/requests/types.js';

function Contact(props: { agency: Agency }) {
  const a = props.agency;
  const rows: Array<[string, string | null]> = [
    ['工作机构', a.office_name ? `${a.name}${a.office_name}` : null], ['办公地址', a.office_address], ['邮政编码', a.postal_code],
    ['办公时间', a.office_hours], ['联系电话', a.phone], ['传真', a.fax], ['电子邮箱', a.email], ['网址', a.website],
  ];
  const known = rows.filter(([, v]) => v);
  if (!known.length) return <p class="empty">本机关尚未公布政府信息公开工作机构的联系方式。</p>;
  return (
    <table class="data">
      <caption>{a.name}政府信息公开工作机构</caption>
      <tbody>{known.map(([k, v]) => <tr><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody>
    </table>
  );
}

export function GuideIndex(props: { agencies: Array<Agency & { depth: number }> }) {
  return (
    <>
      <h1>政府信息公开指南</h1>
      <p>依照《中华人民共和国政府信息公开条例》第十二条，各行政机关编制、公布政府信息公开指南。请选择机关：</p>
      <ul class="agency-list">
        {props.agencies.map((a) => <li class={`depth-${Math.min(a.depth, 3)}`}><a href={`/guide/${a.id}`}>{a.name}</a></li>)}
      </ul>
    </>
  );
}

export function AgencyGuide(props: { agency: Agency; supervisor: Agency | null; columns: ReadonlyArray<{ id: number; name: string; parent_id: number | null }> }) {
  const a = props.agency;
  return (
    <article class="guide">
      <h1>{a.name}政府信息公开指南</h1>
      <p>为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。</p>
      <h2>一、主动公开</h2>
      <p>本机关依照《条例》第十九条、第二十条的规定主动公开政府信息，通过“{props.supervisor?.name ?? a.name}政府信息公开专栏”（本网站）集中发布，并按《条例》第二十六条在信息形成或者变更之日起20个工作日内公开。每条信息标明索引号、发布机构、文号、成文日期、发布日期和有效性，可按栏目浏览或全文检索。</p>
      <p>本机关政府信息按以下栏目分类编排（每个栏目内按发布日期排列），全部主动公开信息的索引号、名称、内容概述和生成日期见<a href={`/agencies/${a.id}/catalogue`}>政府信息公开目录</a>：</p>
      {props.columns.length === 0 ? <p class="empty">本机关尚未设置公开栏目。</p> : (
        <ul class="column-list">
          {props.columns.filter((c) => c.parent_id === null).map((c) => (
            <li>
              <a href={`/columns/${c.id}`}>{c.name}</a>
              {props.columns.some((x) => x.parent_id === c.id) && (
                <>（{props.columns.filter((x) => x.parent_id === c.id).map((x, i) => <>{i > 0 && '、'}<a href={`/columns/${x.id}`}>{x.name}</a></>)}）</>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>二、依申请公开</h2>
      <h3>（一）申请方式</h3>
      <ul>
        <li>{CHANNEL_LABELS.online}：在本网站<a href="/requests/new">在线提交申请</a>，提交后获得受理编号和查询码。</li>
        <li>{CHANNEL_LABELS.inPerson}：在办公时间到下列地址提交书面申请；书写申请确有困难的，可以口头提出，由工作人员代为填写（《条例》第二十九条）。</li>
        <li>信函、传真、电子邮件：寄送或者发送至下列地址、传真号码、电子邮箱，请在信封或者标题注明“政府信息公开申请”。</li>
      </ul>
      <h3>（二）申请内容（《条例》第二十九条）</h3>
      <p>申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。</p>
      <h3>（三）收到申请之日（《条例》第三十一条）</h3>
      <p>当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日为收到申请之日，以平常信函等无需签收的邮寄方式提交的，以双方确认之日为收到申请之日；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日。</p>
      <h3>（四）答复期限</h3>
      <p>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（《条例》第三十三条）。申请内容不明确的，本机关在收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。征求第三方和其他机关意见所需时间不计算在答复期限内。</p>
      <h3>（五）收费</h3>
      <p>本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（《条例》第四十二条）。</p>
      <h3>（六）查询进度</h3>
      <p>申请人可凭受理编号和查询码在本网站<a href="/requests/track">查询办理进度</a>，下载已送达的答复书。</p>
      <h2>三、政府信息公开工作机构</h2>
      <Contact agency={a} />
      <h2>四、监督和救济</h2>
      <p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向{props.supervisor?.name ?? '上一级行政机关或者政府信息公开工作主管部门'}投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>
    </article>
  );
}
