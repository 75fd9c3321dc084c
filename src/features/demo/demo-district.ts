/**
 * A realistic demo district (fictional: 云岭市青川区) — a government, its office, eleven
 * departments and five townships with valid credit codes, and users of every role.
 */
import { creditCodeCheckChar } from '../../domain/credit-code.js';
import type { AgencyKind } from '../../db/schema.js';
import type { Role } from '../../domain/roles.js';

export interface DemoAgency {
  name: string;
  shortName: string;
  kind: AgencyKind;
  /** Prefix of the demo usernames of this agency. */
  login: string;
}

export const DEMO_GOVERNMENT: DemoAgency = { name: '云岭市青川区人民政府', shortName: '青川区政府', kind: 'government', login: 'qcq' };
export const DEMO_OFFICE: DemoAgency = { name: '云岭市青川区人民政府办公室', shortName: '区政府办', kind: 'office', login: 'qzb' };

export const DEMO_DEPARTMENTS: DemoAgency[] = [
  { name: '青川区发展和改革局', shortName: '区发展改革局', kind: 'department', login: 'fgj' },
  { name: '青川区教育体育局', shortName: '区教体局', kind: 'department', login: 'jtj' },
  { name: '青川区财政局', shortName: '区财政局', kind: 'department', login: 'czj' },
  { name: '青川区人力资源和社会保障局', shortName: '区人社局', kind: 'department', login: 'rsj' },
  { name: '云岭市自然资源局青川分局', shortName: '自然资源分局', kind: 'department', login: 'zrj' },
  { name: '青川区住房和城乡建设局', shortName: '区住建局', kind: 'department', login: 'zjj' },
  { name: '青川区交通运输局', shortName: '区交通局', kind: 'department', login: 'jtysj' },
  { name: '青川区农业农村局', shortName: '区农业农村局', kind: 'department', login: 'nyj' },
  { name: '青川区卫生健康局', shortName: '区卫健局', kind: 'department', login: 'wjj' },
  { name: '青川区市场监督管理局', shortName: '区市场监管局', kind: 'department', login: 'scj' },
  { name: '青川区应急管理局', shortName: '区应急局', kind: 'department', login: 'yjj' },
];

export const DEMO_TOWNSHIPS: DemoAgency[] = [
  { name: '青川区龙华街道办事处', shortName: '龙华街道', kind: 'township', login: 'lhjd' },
  { name: '青川区西平街道办事处', shortName: '西平街道', kind: 'township', login: 'xpjd' },
  { name: '青川区白水镇人民政府', shortName: '白水镇', kind: 'township', login: 'bsz' },
  { name: '青川区盘江镇人民政府', shortName: '盘江镇', kind: 'township', login: 'pjz' },
  { name: '青川区大坡乡人民政府', shortName: '大坡乡', kind: 'township', login: 'dpx' },
];

/** GB 11714 organisation code check digit over 8 characters. */
function orgCodeCheck(base8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base8].reduce((s, c, i) => s + parseInt(c, 36) * weights[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A valid credit code of a government organ (category 1, type 1: 机关) in the fictional
 * division 530399, numbered `n`.
 */
export function demoCreditCode(n: number): string {
  const base8 = String(11_530_000 + n * 37).padStart(8, '0');
  const first17 = `11530399${base8}${orgCodeCheck(base8)}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** Demo accounts of one agency: suffix → display name suffix and roles. */
export const DEMO_STAFF: Array<{ suffix: string; title: string; roles: Role[] }> = [
  { suffix: 'admin', title: '单位管理员', roles: ['agencyAdmin'] },
  { suffix: 'drafter', title: '信息员', roles: ['drafter'] },
  { suffix: 'review1', title: '初审人', roles: ['reviewerFirst'] },
  { suffix: 'review2', title: '复审人', roles: ['reviewerSecond'] },
  { suffix: 'review3', title: '终审人', roles: ['reviewerFinal'] },
  { suffix: 'handler', title: '依申请承办人', roles: ['requestHandler'] },
  { suffix: 'head', title: '机关负责人', roles: ['requestApprover'] },
];

/** The supervising office's own staff. */
export const DEMO_OFFICE_STAFF: Array<{ suffix: string; title: string; roles: Role[] }> = [
  { suffix: 'gkb', title: '政务公开办', roles: ['officeAdmin'] },
  { suffix: 'auditor', title: '审计员', roles: ['auditor'] },
  ...DEMO_STAFF.filter((s) => s.suffix !== 'admin'),
];

export const DEMO_PASSWORD = 'Qingchuan@2026';

/** Every demo agency's columns (栏目): name, kind (how often it must be updated), children. */
export const DEMO_COLUMNS: Array<{ name: string; kind: string; children?: Array<{ name: string; kind: string }> }> = [
  { name: '机构概况', kind: 'other' },
  { name: '政策文件', kind: 'policy', children: [{ name: '行政规范性文件', kind: 'policy' }, { name: '其他文件', kind: 'policy' }] },
  { name: '政策解读', kind: 'interpretation' },
  { name: '通知公告', kind: 'notices' },
  { name: '工作动态', kind: 'news' },
  { name: '财政信息', kind: 'fiscal' },
  { name: '规划计划', kind: 'planning' },
  { name: '统计信息', kind: 'statistics' },
  { name: '人事信息', kind: 'personnel' },
];
