/**
 * Published items of the demo district, dated back from the day the demo is loaded: news every
 * ten days or so, notices, a normative document with its interpretation and register entry,
 * fiscal information. 大坡乡 stopped updating its news 40 days ago, so that website health and the
 * office's dashboard have something to show.
 */
import { addCalendarDays } from '../../domain/calendar/index.js';
import { formatIndexNumber } from '../../domain/publication/index-number.js';
import type { Executor } from '../../db/database.js';
import type { Agency, PublicationColumn } from '../../db/schema.js';
import { indexItem } from '../search/indexer.js';
import { insertItem, insertVersion, nextIndexSerial } from '../publications/repository.js';
import { agencyIndexCode, type VersionMetadata } from '../publications/workflow.js';

const NEWS = ['召开2026年重点工作推进会', '开展安全生产大检查', '深入基层开展调研', '召开党组理论学习中心组学习会', '推进营商环境优化工作', '开展政务公开日活动', '组织开展业务培训', '召开季度工作例会'];
const NOTICES = ['关于做好节假日期间值班工作的通知', '关于公开征求意见的公告', '关于开展政策宣传月活动的通知'];

interface DemoItem {
  column: string;
  infoKind: string;
  title: string;
  body: string;
  daysAgo: number;
  documentNumber?: string;
  interprets?: string;
}

/** One agency's items; `stale` agencies have no news in the last 40 days. */
function itemsOf(agency: Agency, n: number, stale: boolean): DemoItem[] {
  const short = agency.short_name;
  const items: DemoItem[] = [];
  for (let i = 0; i < 8; i++) {
    const daysAgo = (stale ? 40 : 3) + i * 11 + (n % 5);
    items.push({ column: '工作动态', infoKind: 'news', title: `${short}${NEWS[(i + n) % NEWS.length]}`, body: `<p>近日，${agency.name}${NEWS[(i + n) % NEWS.length]}。会议要求，各股室要压实责任，确保各项工作按时完成。</p>`, daysAgo });
  }
  NOTICES.forEach((t, i) => items.push({ column: '通知公告', infoKind: 'notice', title: `${short}${t}`, body: `<p>各有关单位：</p><p>现将有关事项通知如下，请认真贯彻落实。</p><p>${agency.name}</p>`, daysAgo: 20 + i * 45 }));
  items.push({ column: '机构概况', infoKind: 'overview', title: `${agency.name}机构职能`, body: `<p>${agency.name}是区人民政府的组成部门（派出机构），负责本领域的行政管理工作。</p><p>办公地址、联系电话见政府信息公开指南。</p>`, daysAgo: 150 });
  items.push({ column: '规划计划', infoKind: 'planning', title: `${agency.name}2026年工作要点`, body: '<p>2026年是“十五五”规划的开局之年，现将年度工作要点公布如下。</p>', daysAgo: 100 });
  items.push({ column: '统计信息', infoKind: 'statistics', title: `${short}2026年一季度主要指标完成情况`, body: '<p>一季度各项主要指标总体平稳，详见附表。</p>', daysAgo: 60 });
  items.push({ column: '人事信息', infoKind: 'personnel', title: `${agency.name}2026年公开招聘编外工作人员公告`, body: '<p>根据工作需要，现面向社会公开招聘编外工作人员2名。</p>', daysAgo: 75 });
  items.push({ column: '财政信息', infoKind: 'fiscal', title: `${agency.name}2026年部门预算公开`, body: '<p>根据《中华人民共和国预算法》，现将本部门2026年部门预算公开如下。</p>', daysAgo: 90 });
  if (agency.kind === 'department') {
    const code = `青${short.replace(/^区/, '').slice(0, 2)}规`;
    const title = `${agency.name}关于规范行政执法裁量权的实施办法`;
    items.push({ column: '行政规范性文件', infoKind: 'normative', title, body: '<p>第一条　为规范行政执法行为，根据有关法律法规，结合本区实际，制定本办法。</p><p>第二条　本办法自印发之日起施行，有效期5年。</p>', daysAgo: 120, documentNumber: `${code}〔2026〕1号` });
    items.push({ column: '政策解读', infoKind: 'interpretation', title: `《${title.replace(agency.name, '')}》政策解读`, body: '<p>一、起草背景</p><p>二、主要内容</p><p>三、施行时间</p>', daysAgo: 119, interprets: title });
  }
  return items;
}

export async function loadDemoItems(trx: Executor, opts: { agencies: Agency[]; columns: PublicationColumn[]; drafterOf: Map<number, number>; today: string; at: string }): Promise<number> {
  let count = 0;
  for (const [n, agency] of opts.agencies.entries()) {
    const columns = opts.columns.filter((c) => c.agency_id === agency.id);
    const byTitle = new Map<string, number>();
    const items = itemsOf(agency, n, agency.short_name === '大坡乡').sort((a, b) => b.daysAgo - a.daysAgo);
    for (const it of items) {
      const column = columns.find((c) => c.name === it.column);
      const drafter = opts.drafterOf.get(agency.id);
      if (!column || !drafter) continue;
      const date = addCalendarDays(opts.today, -it.daysAgo);
      const publishedAt = new Date(`${date}T09:00:00+08:00`).toISOString();
      const year = Number(date.slice(0, 4));
      const indexNumber = formatIndexNumber(agencyIndexCode(agency), year, await nextIndexSerial(trx, agency.id, year));
      const interpretsItemId = it.interprets ? byTitle.get(it.interprets) ?? null : null;
      const item = await insertItem(trx, {
        agency_id: agency.id, column_id: column.id, title: it.title, body_html: it.body, info_kind: it.infoKind, subject_category: '综合政务',
        issuing_agency: agency.name, document_number: it.documentNumber ?? null, written_date: it.documentNumber ? addCalendarDays(date, -3) : null,
        made_on: addCalendarDays(date, -2), source_name: null, source_url: null, interprets_item_id: interpretsItemId, scheduled_for: null, correction_note: null,
        status: 'published', review_stage: null, review_round: 1, stages_required: 3, drafter_user_id: drafter, submitted_by: drafter,
        live_version: 1, index_number: indexNumber, published_date: date, first_published_at: publishedAt, validity: 'valid', validity_on: null,
        withdrawn_at: null, withdrawal_reason: null, created_at: publishedAt, updated_at: publishedAt,
      });
      const metadata: VersionMetadata = {
        indexNumber, columnId: column.id, infoKind: it.infoKind, subjectCategory: '综合政务', issuingAgency: agency.name,
        documentNumber: item.document_number, writtenDate: item.written_date, madeOn: item.made_on, publishedDate: date,
        sourceName: null, sourceUrl: null, interpretsItemId,
      };
      await insertVersion(trx, {
        item_id: item.id, version: 1, title: it.title, body_html: it.body, metadata: JSON.stringify(metadata), attachment_ids: '[]',
        correction_note: null, published_at: publishedAt, published_by: '演示数据',
      });
      if (it.infoKind === 'normative') {
        await trx.insertInto('registry_documents').values({
          agency_id: agency.id, kind: 'normative', title: it.title, document_number: it.documentNumber ?? null, issued_on: item.written_date!,
          effective_on: item.written_date, valid_until: addCalendarDays(item.written_date!, 5 * 365), repealed_on: null, repeal_reason: null,
          expired_on: null, expiry_reason: null, item_id: item.id, note: null, created_at: opts.at, updated_at: opts.at,
        }).execute();
      }
      await indexItem(trx, item.id);
      byTitle.set(it.title, item.id);
      count++;
    }
  }
  return count;
}
