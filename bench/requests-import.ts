/**
 * The file for the import part of bench/requests.bench.ts: a year of past requests (before the
 * loaded data begins) as a CSV in the import template's layout, as Excel saves “CSV UTF-8”.
 * Every row is valid (ID numbers carry their check character; replies come within 20 working
 * days), so the import writes them all rather than listing errors.
 */
import { idCardCheckChar } from '../src/domain/id-card.js';
import { IMPORT_COLUMNS, OUTCOME_CHOICES, type ImportColumnKey } from '../src/domain/requests/import.js';
import type { Outcome, RequesterKind } from '../src/domain/requests/types.js';
import { chance, pick, randomInt, type Random } from './lib.js';
import { addDays } from './requests-data.js';

/** One row of the sheet: a request received and answered in the sample's year. */
export interface ImportSampleRow {
  agencyId: number;
  kind: RequesterKind;
  name: string;
  idNumber: string | null;
  phone: string;
  description: string;
  receivedOn: string;
  repliedOn: string;
  outcome: Outcome;
}

const KIND_LABELS: Record<RequesterKind, string> = {
  naturalPerson: '自然人', enterprise: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legalService: '法律服务机构', otherOrg: '其他组织',
};
const OUTCOMES: readonly Outcome[] = [
  'granted', 'granted', 'granted', 'granted', 'partial', 'unavailable.notHeld', 'unavailable.notHeld', 'unavailable.needsCreation', 'withheld.thirdPartyRights',
];
const TOPICS = ['征地补偿安置方案', '房屋征收补偿方案', '建设工程规划许可证', '环境影响评价批复', '低保审批名单', '行政处罚决定书', '招标文件及中标结果'];

function idNumber(random: Random): string {
  const birth = `${randomInt(random, 1950, 2000)}${String(randomInt(random, 1, 12)).padStart(2, '0')}${String(randomInt(random, 1, 28)).padStart(2, '0')}`;
  const first17 = `530302${birth}${String(randomInt(random, 0, 999)).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17)!;
}

/** `count` rows received in `year` at `agencies` agencies; 70% natural persons. */
export function generateImportSample(random: Random, count: number, agencies: number, year: number): ImportSampleRow[] {
  const rows: ImportSampleRow[] = [];
  for (let i = 0; i < count; i++) {
    const person = chance(random, 0.7);
    const receivedOn = addDays(`${year}-01-04`, randomInt(random, 0, 330));
    rows.push({
      agencyId: randomInt(random, 1, agencies),
      kind: person ? 'naturalPerson' : pick(random, ['enterprise', 'legalService', 'otherOrg'] as const),
      name: person ? `${pick(random, [...'王李张刘陈杨黄赵吴周'])}${pick(random, [...'伟芳娜敏静丽强磊军洋'])}${i % 97}` : `云岭市第${i}号有限公司`,
      idNumber: person ? idNumber(random) : null,
      phone: `139${String(randomInt(random, 0, 99_999_999)).padStart(8, '0')}`,
      description: `申请公开${2018 + (i % 4)}年${pick(random, TOPICS)}`,
      receivedOn,
      // Within the 20 working days of 第三十三条, so no row needs an extension.
      repliedOn: addDays(receivedOn, randomInt(random, 1, 20)),
      outcome: pick(random, OUTCOMES),
    });
  }
  return rows;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The sample as a UTF-8 CSV with a byte order mark (as Excel saves “CSV UTF-8”), template headers. */
export function importCsv(rows: readonly ImportSampleRow[], agencyNames: readonly string[]): Uint8Array {
  const value = (r: ImportSampleRow, key: ImportColumnKey): string => {
    switch (key) {
      case 'agency': return agencyNames[r.agencyId - 1]!;
      case 'requesterKind': return KIND_LABELS[r.kind];
      case 'requesterName': return r.name;
      case 'identity': return r.idNumber ?? '';
      case 'contact': return r.phone;
      case 'description': return r.description;
      case 'channel': return '当面申请';
      case 'receivedOn': return r.receivedOn;
      case 'repliedOn': return r.repliedOn;
      case 'outcome': return OUTCOME_CHOICES[r.outcome];
      default: return '';
    }
  };
  const lines = [IMPORT_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const r of rows) lines.push(IMPORT_COLUMNS.map((c) => csvField(value(r, c.key))).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
