/**
 * Generated published items for bench/search.bench.ts: titles, document numbers, index numbers
 * and bodies of 300–800 characters that read like a district's 主动公开 (notices, plans,
 * normative documents, meeting news, budgets, interpretations), from word lists, with a seeded
 * source so that every run (and both databases in one run) holds exactly the same items.
 *
 * Word frequencies are skewed as in real text: topics follow a Zipf curve (安全生产 and 乡村振兴
 * are everywhere, 古树名木保护 is rare), agencies too (AgencyPicker from requests-data.ts), and
 * the bodies carry names of people, villages and projects built from characters, so that the
 * vocabulary is large and many words are rare. Items are generated as the index reads them
 * (IndexSource: the item row and its live version), chunk by chunk, never all in memory.
 */
import type { IndexSource } from '../src/features/search/repository.js';
import { chance, pick, randomInt, type Random } from './lib.js';
import { AgencyPicker } from './requests-data.js';

/** Items are published over these years (the year filter has eight values). */
export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2026;

const TOPICS = [
  '安全生产', '乡村振兴', '营商环境', '政务公开', '疫情防控', '森林防火', '防汛抗旱', '食品安全', '生态环境保护', '耕地保护',
  '义务教育招生', '城乡居民医疗保险', '最低生活保障', '农村人居环境整治', '老旧小区改造', '垃圾分类', '燃气安全', '道路交通安全', '校外培训机构', '高标准农田建设',
  '河长制', '林长制', '信访工作', '民族团结进步', '退役军人服务', '就业创业', '根治欠薪', '消防安全', '地质灾害防治', '危房改造',
  '扫黑除恶', '禁毒工作', '普法宣传', '疫苗接种', '爱国卫生运动', '文明城市创建', '招商引资', '项目建设', '财政预算', '政府采购',
  '国有资产管理', '审计整改', '统计调查', '人口普查', '医疗保障', '养老服务', '残疾人保障', '未成年人保护', '妇女儿童发展', '粮食安全',
  '动物防疫', '非洲猪瘟防控', '水资源管理', '饮用水水源保护', '大气污染防治', '土壤污染防治', '秸秆禁烧', '矿山安全', '建筑施工安全', '特种设备安全',
  '物业管理', '住房公积金', '公共租赁住房', '不动产登记', '土地征收', '集体林权制度改革', '农村宅基地管理', '城乡规划', '市容环境卫生', '户外广告管理',
  '校园安全', '学生资助', '教师招聘', '职称评审', '人才引进', '公务员招录', '干部培训', '党风廉政建设', '作风建设', '优化营商环境',
  '行政审批制度改革', '一网通办', '互联网+政务服务', '12345热线', '应急管理', '防震减灾', '气象灾害防御', '旅游发展', '文物保护', '非物质文化遗产保护',
  '全民健身', '公共文化服务', '广播电视', '网络安全', '数字政府建设', '民营经济发展', '中小企业纾困', '减税降费', '金融风险防范', '非法集资防范',
  '电信网络诈骗防范', '安全饮水', '农村公路建设', '客运安全', '冬春火灾防控', '汛期安全', '烟花爆竹安全', '高温天气防范', '节能减排', '碳达峰碳中和',
  '新能源汽车推广', '数字乡村建设', '农产品质量安全', '兽药饲料监管', '渔业资源保护', '古树名木保护', '湿地保护', '自然保护地管理', '野生动物保护', '外来入侵物种防控',
];

const LAWS = [
  '中华人民共和国政府信息公开条例', '中华人民共和国安全生产法', '中华人民共和国预算法', '中华人民共和国森林法', '中华人民共和国食品安全法',
  '中华人民共和国教育法', '中华人民共和国环境保护法', '中华人民共和国行政许可法', '优化营商环境条例', '信访工作条例', '社会救助暂行办法',
  '中华人民共和国防洪法', '中华人民共和国消防法', '中华人民共和国土地管理法', '中华人民共和国乡村振兴促进法',
];

const OPENINGS = ['为进一步加强', '为深入贯彻落实', '为切实做好', '为全面推进', '为扎实开展', '为持续深化', '为有效防范', '为规范'];
const ACTIONS = [
  '压实工作责任', '强化督促检查', '加强宣传引导', '健全长效机制', '抓好问题整改', '完善工作台账', '加大资金投入', '严格考核问责',
  '开展隐患排查', '强化部门协作', '做好信息报送', '落实属地管理责任', '提升服务水平', '加强队伍建设', '推进信息化建设', '抓实风险防控',
];
const UNITS = ['乡镇人民政府（街道办事处）', '区直各部门', '各有关单位', '各学校', '各村（社区）', '各企业'];
const VERBS = ['完成', '实施', '开工', '验收', '排查', '整改', '发放', '培训'];
const MEASURES = ['个', '项', '处', '人次', '户', '家', '所', '公里'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力宇鹏飞晨浩然欣怡子涵梓轩';
const PLACE = '青云龙凤石金玉白清长新和东西南北安永山河溪岭桥湖坪阳川林泉源田塘宁丰平';
const ROLES = ['区委常委、副区长', '区人民政府副区长', '局党组书记、局长', '局党组成员、副局长', '镇党委书记', '街道办事处主任'];

/** An info kind and how often it is published (a district's real mix). */
const KINDS: ReadonlyArray<readonly [string, number]> = [
  ['news', 34], ['notice', 20], ['document', 8], ['normative', 4], ['interpretation', 4], ['planning', 6], ['fiscal', 6],
  ['statistics', 3], ['personnel', 4], ['procurement', 5], ['licensing', 2], ['penalty', 2], ['meeting', 2],
];
const KIND_TOTAL = KINDS.reduce((s, [, w]) => s + w, 0);

function kindOf(random: Random): string {
  let r = random() * KIND_TOTAL;
  for (const [k, w] of KINDS) if ((r -= w) < 0) return k;
  return 'news';
}

/** Zipf-weighted picks (exponent 1): the first of a list far more often than the last. */
class Zipf<T> {
  private readonly cumulative: number[] = [];
  constructor(private readonly items: readonly T[], exponent = 1) {
    let sum = 0;
    for (let i = 0; i < items.length; i++) this.cumulative.push((sum += 1 / (i + 1) ** exponent));
    for (let i = 0; i < items.length; i++) this.cumulative[i]! /= sum;
  }
  pick(random: Random): T {
    const r = random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

const topics = new Zipf(TOPICS, 0.9);

export interface BenchAgency {
  id: number;
  name: string;
  shortName: string;
}

/** The agency's code in index numbers and its issuer code (机关代字) in document numbers. */
function agencyCodes(agency: BenchAgency) {
  const core = agency.shortName.replace(/(人民政府|办公室|办事处|分局|局|街道|镇)$/u, '').slice(0, 2);
  return { indexCode: `GK${String(agency.id).padStart(6, '0')}`, issuer: `青${core}发`, normativeIssuer: `青${core}规` };
}

const person = (random: Random) => `${pick(random, [...SURNAMES])}${pick(random, [...GIVEN])}${chance(random, 0.6) ? pick(random, [...GIVEN]) : ''}`;
const village = (random: Random) => `${pick(random, [...PLACE])}${pick(random, [...PLACE])}${pick(random, ['村', '社区', '组'])}`;

function dateIn(random: Random, year: number): string {
  const month = randomInt(random, 1, 12);
  const day = randomInt(random, 1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One sentence of a body about `topic`. */
function sentence(random: Random, topic: string, agency: BenchAgency, year: number): string {
  switch (randomInt(random, 0, 9)) {
    case 0: return `${pick(random, OPENINGS)}${topic}工作，根据《${pick(random, LAWS)}》等有关规定，结合本区实际，制定本方案。`;
    case 1: return `${randomInt(random, 1, 12)}月${randomInt(random, 1, 28)}日，${agency.name}组织召开${topic}专题会议，${pick(random, ROLES)}${person(random)}出席会议并讲话。`;
    case 2: return `会议强调，要${pick(random, ACTIONS)}，${pick(random, ACTIONS)}，确保${topic}各项任务落到实处。`;
    case 3: return `${pick(random, UNITS)}要高度重视${topic}工作，明确责任分工，${pick(random, ACTIONS)}，并于${randomInt(random, 1, 12)}月${randomInt(random, 1, 28)}日前将工作进展情况报送${agency.shortName}。`;
    case 4: return `截至${year}年${randomInt(random, 1, 12)}月底，全区累计${pick(random, VERBS)}${topic}项目${randomInt(random, 2, 480)}${pick(random, MEASURES)}，完成投资${randomInt(random, 10, 9800)}万元。`;
    case 5: return `在${village(random)}，${person(random)}介绍了当地${topic}的做法，群众满意度明显提升。`;
    case 6: return `下一步，${agency.shortName}将继续${pick(random, ACTIONS)}，推动${topic}与${topics.pick(random)}工作深度融合。`;
    case 7: return `联系人：${person(random)}，联系电话：0874-${randomInt(random, 3000000, 3999999)}。`;
    case 8: return `本${pick(random, ['办法', '方案', '通知', '意见'])}自${dateIn(random, year)}起施行，有效期${randomInt(random, 2, 5)}年。`;
    default: return `${topic}事关人民群众切身利益，各级各部门要${pick(random, ACTIONS)}，坚决守住${pick(random, ['安全', '民生', '生态', '发展'])}底线。`;
  }
}

function titleOf(random: Random, kind: string, topic: string, agency: BenchAgency, year: number): string {
  switch (kind) {
    case 'normative': return `${pick(random, ['青川区', agency.shortName])}${topic}${pick(random, ['管理办法', '实施细则', '暂行规定', '实施办法'])}`;
    case 'document': return `关于印发${agency.shortName}${year}年${topic}${pick(random, ['工作方案', '实施方案', '工作要点'])}的通知`;
    case 'notice': return `关于${pick(random, ['做好', '开展', '加强', '进一步规范'])}${year}年${topic}${pick(random, ['工作', '专项行动', '检查'])}的通知`;
    case 'interpretation': return `《青川区${topic}管理办法》政策解读`;
    case 'planning': return `${agency.shortName}${year}年${topic}${pick(random, ['工作计划', '工作总结', '工作要点'])}`;
    case 'fiscal': return `${agency.shortName}${year}年部门${pick(random, ['预算', '决算'])}公开`;
    case 'statistics': return `${year}年${randomInt(random, 1, 12)}月${topic}统计数据`;
    case 'personnel': return `${agency.shortName}${year}年公开招聘工作人员${pick(random, ['公告', '拟聘用人员公示', '面试成绩公示'])}`;
    case 'procurement': return `${agency.shortName}${topic}项目${pick(random, ['招标公告', '中标结果公告', '竞争性磋商公告'])}`;
    case 'licensing': return `${agency.shortName}${year}年${randomInt(random, 1, 12)}月行政许可决定公示`;
    case 'penalty': return `${agency.shortName}行政处罚决定书（${person(random)}${topic}违法案）`;
    case 'meeting': return `${agency.shortName}召开${year}年${topic}工作会议`;
    default: return `${agency.shortName}${pick(random, ['扎实推进', '全面部署', '召开', '督导检查', '开展'])}${topic}${pick(random, ['工作', '专题会议', '专项行动', '宣传活动'])}`;
  }
}

export interface ItemGenerator {
  /** Items `from`…`from + count − 1` (ids from 1), in order. */
  chunk(count: number): IndexSource[];
  /** How many items have been generated. */
  readonly generated: number;
  /** A sample of what was generated, for queries that must find something (numbers, titles). */
  readonly samples: GeneratedSample[];
}

export interface GeneratedSample {
  id: number;
  agencyId: number;
  year: number;
  kind: string;
  title: string;
  documentNumber: string | null;
  indexNumber: string;
}

/**
 * A generator of items over `agencies`: ids 1, 2, 3…; every item public (live version 1), a few
 * repealed or expired; document numbers for documents, normative documents and a third of the
 * notices; index numbers per agency and year.
 */
export function itemGenerator(random: Random, agencies: readonly BenchAgency[], sampleEvery: number): ItemGenerator {
  const picker = new AgencyPicker(random, agencies.length);
  const indexSerial = new Map<string, number>();
  const docSerial = new Map<string, number>();
  const samples: GeneratedSample[] = [];
  let id = 0;
  const next = (map: Map<string, number>, key: string) => {
    const n = (map.get(key) ?? 0) + 1;
    map.set(key, n);
    return n;
  };
  return {
    get generated() {
      return id;
    },
    samples,
    chunk(count) {
      const items: IndexSource[] = [];
      for (let k = 0; k < count; k++) {
        id++;
        const agency = agencies[picker.pick(random) - 1]!;
        const codes = agencyCodes(agency);
        const kind = kindOf(random);
        const topic = topics.pick(random);
        const year = randomInt(random, FIRST_YEAR, LAST_YEAR);
        const publishedDate = dateIn(random, year);
        const indexNumber = `${codes.indexCode}/${year}-${String(next(indexSerial, `${agency.id}/${year}`)).padStart(5, '0')}`;
        const numbered = kind === 'document' || kind === 'normative' || (kind === 'notice' && chance(random, 0.33));
        const issuer = kind === 'normative' ? codes.normativeIssuer : codes.issuer;
        const documentNumber = numbered ? `${issuer}〔${year}〕${next(docSerial, `${issuer}/${year}`)}号` : null;
        const title = titleOf(random, kind, topic, agency, year);
        const target = randomInt(random, 300, 800);
        const paragraphs: string[] = [];
        let length = 0;
        while (length < target) {
          let p = '';
          for (let s = randomInt(random, 2, 4); s > 0 && length + p.length < target; s--) p += sentence(random, chance(random, 0.8) ? topic : topics.pick(random), agency, year);
          paragraphs.push(`<p>${p}</p>`);
          length += p.length;
        }
        const validity = kind === 'normative' && chance(random, 0.2) ? (chance(random, 0.5) ? 'repealed' : 'expired') : 'valid';
        items.push({
          id, agency_id: agency.id, live_version: 1, withdrawn_at: null, published_date: publishedDate, index_number: indexNumber, validity,
          title, body_html: paragraphs.join(''),
          metadata: JSON.stringify({ indexNumber, infoKind: kind, issuingAgency: agency.name, documentNumber, publishedDate }),
        });
        if (id % sampleEvery === 0) samples.push({ id, agencyId: agency.id, year, kind, title, documentNumber, indexNumber });
      }
      return items;
    },
  };
}

/** A query of the benchmark: what a visitor types, and the filters they chose. */
export interface BenchQuery {
  label: string;
  q: string;
  agencyId?: number;
  infoKind?: string;
  year?: number;
  validity?: 'valid' | 'repealed' | 'expired';
}

const TYPED = [
  '规范性文件', '政府信息公开', '部门预算', '决算公开', '招聘公告', '行政处罚', '政策解读', '工作要点', '管理办法', '实施方案',
  '中标结果', '拟聘用人员', '统计数据', '专题会议', '隐患排查', '资金投入', '问题整改', '联系电话',
];

/**
 * 200 queries as visitors type them: a topic (common and rare ones alike), a topic with a kind of
 * document, a common word, a document number or index number seen in the data (typed in full, or
 * with other brackets), a person's name, and some with filters (agency, kind, year, validity).
 */
export function generateQueries(random: Random, samples: readonly GeneratedSample[], agencies: readonly BenchAgency[], count = 200): BenchQuery[] {
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const r = random();
    const sample = pick(random, samples);
    if (r < 0.25) queries.push({ label: '主题词', q: pick(random, TOPICS) });
    else if (r < 0.40) queries.push({ label: '主题词+文种', q: `${pick(random, TOPICS)} ${pick(random, ['通知', '方案', '办法', '会议', '公告'])}` });
    else if (r < 0.52) queries.push({ label: '常用词', q: pick(random, TYPED) });
    else if (r < 0.60 && sample.documentNumber) queries.push({ label: '文号', q: chance(random, 0.7) ? sample.documentNumber : sample.documentNumber.replace('〔', '[').replace('〕', ']') });
    else if (r < 0.66) queries.push({ label: '索引号', q: sample.indexNumber });
    else if (r < 0.72) queries.push({ label: '标题', q: sample.title });
    else if (r < 0.77) queries.push({ label: '人名', q: person(random) });
    else if (r < 0.85) queries.push({ label: '主题词+机构', q: pick(random, TOPICS), agencyId: pick(random, agencies).id });
    else if (r < 0.91) queries.push({ label: '主题词+年份', q: pick(random, TOPICS), year: randomInt(random, FIRST_YEAR, LAST_YEAR) });
    else if (r < 0.96) queries.push({ label: '主题词+类别', q: pick(random, TOPICS), infoKind: pick(random, ['notice', 'news', 'normative', 'fiscal']) });
    else queries.push({ label: '规范性文件+有效性', q: '规范性文件', validity: pick(random, ['valid', 'repealed', 'expired'] as const) });
  }
  return queries;
}
