/**
 * Section 一 (总体情况) of the annual report drafted from gongkai's records, in the five parts and
 * the style of the seed report (fixtures/reports/zhanyi-2022.txt): （一）主动公开 （二）依申请公开
 * （三）政府信息管理 （四）政府信息公开平台建设 （五）监督保障. Every figure in the text is one
 * the records give; none is typed by hand. Where gongkai holds no record of something, the
 * sentence is left out, and a part left with no sentence says （待补充） for a person to write.
 *
 * The request sentences use the words the narrative check (narrative.ts, check 8) reads —
 * 新收…申请N件, 上年结转…N件, 办结…申请N件, 予以公开N件, 结转下年度…N件, 现行有效行政规范性文件N件 —
 * so that a draft whose tables were computed from the same records passes the check, and a
 * table typed differently is caught.
 */
import { publicationSentence, type PublishedCounts } from '../publication/summary.js';

/** The request figures of section 三 that section 一 states (the 总计 column). */
export interface RequestOverview {
  received: number;
  carriedIn: number;
  handled: number;
  carriedOut: number;
  /** Handled requests per outcome group of section 三 (三（一）…三（六）). */
  outcomes: { granted: number; partial: number; withheld: number; unavailable: number; notProcessed: number; other: number };
}

export interface OverviewFigures {
  year: number;
  /** How the text names whom it is about: 本机关, or 全区 / 全县 for a government's report. */
  scope: string;
  /** Items published in the year per info kind. */
  publication: PublishedCounts;
  /** Columns of the portal's disclosure section (政府信息公开专栏). */
  columns: number;
  /** null: the agency keeps no request records in gongkai. */
  requests: RequestOverview | null;
  /** Section 二 第（一）项 from the register; null: nothing registered. */
  registry: { normativeDocs: { issued: number; repealed: number; inForce: number }; rules: { issued: number; repealed: number; inForce: number } } | null;
  /** null: no new-media record (or the feature is absent). */
  newMedia: { accounts: number; opened: number; closed: number; itemsPublished: number } | null;
  /** null: no training record. */
  training: { sessions: number; participants: number } | null;
  /**
   * Inspections (检查抽查) of the year with their findings and rectifications, and notices (通报);
   * `supervisor`: the figures are the supervising office's own work (a government's or office's
   * report), else what the agency underwent. null: no record (or the feature is absent).
   */
  supervision: { supervisor: boolean; inspections: number; findings: number; rectified: number; notices: number } | null;
}

export const PENDING = '（待补充）';

export interface OverviewPart {
  heading: string;
  sentences: string[];
}

const OUTCOME_WORDS: Array<[keyof RequestOverview['outcomes'], string]> = [
  ['granted', '予以公开'], ['partial', '部分公开'], ['withheld', '不予公开'], ['unavailable', '无法提供'], ['notProcessed', '不予处理'], ['other', '其他处理'],
];

function publication(f: OverviewFigures): string[] {
  if (f.publication.total === 0) return [];
  // “2025年度主动公开政府信息N条，其中…” with whom it is about after the year.
  return [publicationSentence(f.year, f.publication).replace(/^(\d{4}年度)/, `$1，${f.scope}`)];
}

/** Subjectless, like the seed (“共受理…”): the requests are the agency's own even in a government's report (they must match its table 三). */
function requests(f: OverviewFigures): string[] {
  const r = f.requests;
  if (!r) return [];
  const out = [`${f.year}年度，共新收政府信息公开申请${r.received}件，上年结转政府信息公开申请${r.carriedIn}件。`];
  const parts = OUTCOME_WORDS.filter(([k]) => r.outcomes[k] > 0).map(([k, word]) => `${word}${r.outcomes[k]}件`);
  out.push(`本年度办结政府信息公开申请${r.handled}件${parts.length ? `，其中${parts.join('，')}` : ''}；结转下年度继续办理${r.carriedOut}件。`);
  return out;
}

function management(f: OverviewFigures): string[] {
  if (!f.registry) return [];
  const { normativeDocs: n, rules } = f.registry;
  const out = [`截至${f.year}年底，现行有效行政规范性文件${n.inForce}件，本年制发${n.issued}件、废止${n.repealed}件。`];
  if (rules.inForce > 0 || rules.issued > 0 || rules.repealed > 0) out.push(`截至${f.year}年底，现行有效规章${rules.inForce}件，本年制定${rules.issued}件、废止${rules.repealed}件。`);
  return out;
}

function platform(f: OverviewFigures): string[] {
  const out: string[] = [];
  if (f.columns > 0) out.push(`${f.scope}在政府信息公开专栏设置栏目${f.columns}个，本年度在专栏发布政府信息${f.publication.total}条。`);
  const m = f.newMedia;
  if (m && (m.accounts > 0 || m.opened > 0 || m.closed > 0 || m.itemsPublished > 0)) {
    const changes = [m.opened > 0 ? `新开设${m.opened}个` : '', m.closed > 0 ? `关停整合${m.closed}个` : ''].filter(Boolean);
    out.push(`截至${f.year}年底，${f.scope}开办政务新媒体${m.accounts}个${changes.length ? `（本年度${changes.join('、')}）` : ''}，本年度通过政务新媒体平台主动公开信息${m.itemsPublished}条。`);
  }
  return out;
}

function supervision(f: OverviewFigures): string[] {
  const out: string[] = [];
  if (f.training && f.training.sessions > 0) out.push(`本年度组织和参加政务公开业务培训${f.training.sessions}次，参训${f.training.participants}人次。`);
  const s = f.supervision;
  if (s && (s.inspections > 0 || s.notices > 0)) {
    const parts = [
      s.inspections > 0 ? `${s.supervisor ? '开展' : '接受'}政府网站和政务新媒体检查抽查${s.inspections}次` : '',
      s.findings > 0 ? `检查发现问题${s.findings}个、已完成整改${s.rectified}个` : '',
      s.notices > 0 ? `${s.supervisor ? '发出通报' : '收到涉及本机关的通报'}${s.notices}期` : '',
    ].filter(Boolean);
    out.push(`本年度${parts.join('，')}。`);
  }
  return out;
}

/** The five parts of section 一, each with the sentences the records support. */
export function overviewParts(f: OverviewFigures): OverviewPart[] {
  return [
    { heading: '（一）主动公开', sentences: publication(f) },
    { heading: '（二）依申请公开', sentences: requests(f) },
    { heading: '（三）政府信息管理', sentences: management(f) },
    { heading: '（四）政府信息公开平台建设', sentences: platform(f) },
    { heading: '（五）监督保障', sentences: supervision(f) },
  ];
}

/** Section 一 as editable text: each part's heading on a line, then its paragraph (or （待补充）). */
export function draftOverview(f: OverviewFigures): string {
  return overviewParts(f).map((p) => `${p.heading}\n${p.sentences.length ? p.sentences.join('') : PENDING}`).join('\n');
}

/** 全区 / 全县 / 全市 for a government (区人民政府 …), else 本机关. */
export function scopeWordOf(agency: { kind: string; name: string }): string {
  if (agency.kind !== 'government') return '本机关';
  const m = /(区|县|市|旗)人民政府$/.exec(agency.name);
  return m ? `全${m[1]}` : '本级政府';
}
