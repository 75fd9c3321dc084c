import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar/dates.js';
import { defaultCalendar } from '../calendar/index.js';
import { OUTCOME_ROWS_2021, SECTION3_ROW_REFS } from '../report/format.js';
import { section3Specs } from '../report/read/labels.js';
import { requestClock } from './clock.js';
import {
  IMPORT_COLUMNS, IMPORT_OUTCOMES, IMPORT_UNRECORDED, ImportFileError, MAX_IMPORT_ROWS, OUTCOME_CHOICES, matchImportOutcome,
  parseImportDate, parseImportSheet, type ImportCell, type ImportColumnKey, type ImportOptions, type ImportOutcome,
} from './import.js';
import { handledOn, outcomeOf, replay } from './state-machine.js';

const calendar = defaultCalendar();
const TODAY = '2026-03-02';
const AGENCIES: Record<string, number> = { 测试区教育局: 3, '11530303MB1234567X': 3, 测试区财政局: 4 };
const OPTIONS: ImportOptions = { today: TODAY, calendar, resolveAgency: (text) => AGENCIES[text] ?? null };

type RowInput = Partial<Record<ImportColumnKey, ImportCell>>;
const HEADER = IMPORT_COLUMNS.map((c) => c.header);
/** A valid open request: a natural person, online, received Monday 2025-03-03. */
const BASE: RowInput = {
  agency: '测试区教育局', requesterKind: '自然人', requesterName: '王小明', identity: '11010519491231002X', contact: '0874-1234567',
  description: '申请公开2025年校舍维修项目的招标文件', channel: '网上申请', receivedOn: '2025-03-03',
};
const line = (r: RowInput) => IMPORT_COLUMNS.map((c) => r[c.key] ?? null);
const sheet = (...rows: RowInput[]) => [HEADER, ...rows.map(line)];
const parse = (...rows: RowInput[]) => parseImportSheet(sheet(...rows), OPTIONS);
/** The error messages of one row (the data row is sheet row 2). */
const errorsOf = (row: RowInput) => parse({ ...BASE, ...row }).errors.map((e) => e.message);
const only = (row: RowInput) => {
  const result = parse({ ...BASE, ...row });
  expect(result.errors).toEqual([]);
  return result.rows[0]!;
};

describe('dates', () => {
  it('reads the written forms, Excel date cells and serial numbers', () => {
    expect(parseImportDate('2025-01-24')).toBe('2025-01-24');
    expect(parseImportDate('2025/1/24')).toBe('2025-01-24');
    expect(parseImportDate('2025年1月24日')).toBe('2025-01-24');
    expect(parseImportDate('２０２５年１月２４日')).toBe('2025-01-24');
    expect(parseImportDate('2025-1-24 14:30')).toBe('2025-01-24');
    expect(parseImportDate(new Date(Date.UTC(2025, 0, 24)))).toBe('2025-01-24');
    expect(parseImportDate(45681)).toBe('2025-01-24');
    expect(parseImportDate('20250124')).toBe('2025-01-24');
  });

  it('refuses what is not a real date', () => {
    for (const text of ['2025-02-29', '2025-13-01', '24/01/2025', '2025年1月', '明天', '1899-12-31']) expect(parseImportDate(text)).toBeNull();
    expect(parseImportDate(new Date(Number.NaN))).toBeNull();
  });
});

describe('outcome spellings', () => {
  it('reads back every value of the template list', () => {
    for (const outcome of IMPORT_OUTCOMES) expect(matchImportOutcome(OUTCOME_CHOICES[outcome])).toEqual({ outcome });
  });

  it("reads the report's own row labels and row references", () => {
    for (const spec of section3Specs('2021').filter((s) => (OUTCOME_ROWS_2021 as readonly string[]).includes(s.key))) {
      for (const name of spec.names) expect(matchImportOutcome(name)).toEqual({ outcome: spec.key });
      expect(matchImportOutcome(SECTION3_ROW_REFS[spec.key])).toEqual({ outcome: spec.key });
    }
  });

  it('reads short forms, group prefixes, one slip and a label cut off with …', () => {
    expect(matchImportOutcome('三（三）1')).toEqual({ outcome: 'withheld.stateSecret' });
    expect(matchImportOutcome('(三)1')).toEqual({ outcome: 'withheld.stateSecret' });
    expect(matchImportOutcome('三（三）1.属于国家秘密')).toEqual({ outcome: 'withheld.stateSecret' });
    expect(matchImportOutcome('不予公开-国家秘密')).toEqual({ outcome: 'withheld.stateSecret' });
    expect(matchImportOutcome('不予公开：第三方合法权益')).toEqual({ outcome: 'withheld.thirdPartyRights' });
    expect(matchImportOutcome('无法提供—不掌握')).toEqual({ outcome: 'unavailable.notHeld' });
    expect(matchImportOutcome('信访')).toEqual({ outcome: 'notProcessed.petition' });
    expect(matchImportOutcome('申请人无正当理由逾期不补正…')).toEqual({ outcome: 'other.noClarification' });
    expect(matchImportOutcome('申请人逾期未按收费通知要求缴纳…')).toEqual({ outcome: 'other.feeUnpaid' });
    expect(matchImportOutcome('予以公布')).toEqual({ outcome: 'granted' });
    expect(matchImportOutcome('撤回')).toEqual({ outcome: 'withdrawn' });
    expect(matchImportOutcome('三（六）3')).toEqual({ outcome: 'other.other' });
  });

  it('says why it cannot read an outcome', () => {
    expect(matchImportOutcome('不予公开')).toEqual({ error: '“不予公开”是一类办理结果，请写明具体情形，如“不予公开-属于国家秘密”' });
    expect(matchImportOutcome('三（三）9')).toEqual({ error: '“三（三）9”不是年报表格中的办理结果序号' });
    expect(matchImportOutcome('三（三）1 予以公开')).toEqual({ error: '序号与名称不一致：“三（三）1 予以公开”' });
    expect(matchImportOutcome('已办结')).toEqual({ error: '无法识别“已办结”，请填写年报表格中的办理结果，如“予以公开”“不予公开-属于国家秘密”或“三（三）1”' });
  });
});

describe('a good row becomes its timeline', () => {
  it('an open request: registered, the reply due 20 working days after receipt', () => {
    const row = only({});
    expect(row.events).toEqual([{ type: 'registered', on: '2025-03-03', channel: 'online', evidence: { confirmedOn: '2025-03-03' } }]);
    expect(row).toMatchObject({ row: 2, agencyId: 3, requesterKind: 'naturalPerson', idType: 'idCard', idNumber: '11010519491231002X', phone: '0874-1234567' });
    expect(row).toMatchObject({ state: 'registered', reportOutcome: null, handledOn: null, dueDate: '2025-03-31' });
  });

  it('clarification, extension and a partial disclosure, dated as the sheet says', () => {
    const row = only({
      requesterKind: '商业企业', identity: '91530303MA6K00000M', channel: '信函', receivedOn: '2025/11/10', clarificationRequestedOn: '2025年11月12日',
      clarifiedOn: new Date(Date.UTC(2025, 10, 20)), extensionDays: '10个工作日', repliedOn: '2025-12-30', outcome: '部分公开', note: '投标报价明细涉及商业秘密',
    });
    expect(row.events).toEqual([
      { type: 'registered', on: '2025-11-10', channel: 'postSigned', evidence: { signedOn: '2025-11-10' } },
      { type: 'clarificationRequested', on: '2025-11-12', dueBy: '2025-12-03', items: IMPORT_UNRECORDED },
      { type: 'clarified', on: '2025-11-20' },
      { type: 'extended', on: '2025-11-20', days: 10, approvedBy: IMPORT_UNRECORDED, reason: '投标报价明细涉及商业秘密' },
      { type: 'decided', on: '2025-12-30', outcome: 'partial', articles: [], reason: '投标报价明细涉及商业秘密', withheldParts: '投标报价明细涉及商业秘密' },
      { type: 'replied', on: '2025-12-30', letterNumber: IMPORT_UNRECORDED, delivery: IMPORT_UNRECORDED },
    ]);
    // 30 working days from the clarified request (第三十条): Sunday 2026-01-04 is a make-up working day.
    expect(row).toMatchObject({ creditCode: '91530303MA6K00000M', state: 'replied', reportOutcome: 'partial', handledOn: '2025-12-30', dueDate: '2026-01-04' });
  });

  it('a lapse without clarification ends on the lapse date, with no due date', () => {
    const row = only({ clarificationRequestedOn: '2025-03-05', repliedOn: '2025-04-08', outcome: '三（六）1' });
    expect(row.events.map((e) => e.type)).toEqual(['registered', 'clarificationRequested', 'clarificationLapsed']);
    expect(row.events[1]).toMatchObject({ dueBy: '2025-04-07' });
    expect(row).toMatchObject({ state: 'closed', reportOutcome: 'other.noClarification', handledOn: '2025-04-08', dueDate: null });
  });

  it('an unpaid fee takes its amount from 备注', () => {
    const row = only({ repliedOn: '2025-04-15', outcome: '逾期未缴费', note: '收费200元，申请人未缴纳' });
    expect(row.events.slice(1)).toEqual([
      { type: 'feeNoticed', on: '2025-03-03', amountYuan: 200, method: 'perRequest', dueBy: '2025-04-14' },
      { type: 'feeLapsed', on: '2025-04-15' },
    ]);
    expect(row).toMatchObject({ state: 'closed', reportOutcome: 'other.feeUnpaid', handledOn: '2025-04-15' });
  });

  it('a withdrawal is counted under 三（六）3', () => {
    const row = only({ repliedOn: '2025-03-10', outcome: '申请人撤回' });
    expect(row.events.at(-1)).toEqual({ type: 'withdrawn', on: '2025-03-10', reason: '申请人撤回申请' });
    expect(row).toMatchObject({ state: 'closed', reportOutcome: 'other.other', handledOn: '2025-03-10', dueDate: '2025-03-31' });
  });

  it('an open request awaiting clarification has no due date', () => {
    expect(only({ clarificationRequestedOn: '2026-02-27' })).toMatchObject({ state: 'awaitingClarification', dueDate: null });
  });

  it('an organisation may leave the credit code out; contacts are told apart', () => {
    const row = only({ requesterKind: '其他组织', identity: '', contact: 'a@example.cn；云岭市青川区龙华街道1号；13800000000' });
    expect(row).toMatchObject({ requesterKind: 'otherOrg', creditCode: null, email: 'a@example.cn', phone: '13800000000', address: '云岭市青川区龙华街道1号' });
  });
});

describe('rules, each with its message', () => {
  it('required columns', () => {
    expect(errorsOf({ description: '', channel: '  ' })).toEqual(['第2行“申请内容”：未填写', '第2行“申请渠道”：未填写']);
  });

  it('dates: valid and not in the future', () => {
    expect(errorsOf({ receivedOn: '2025-02-30' })).toEqual(['第2行“收到申请日期”：不是有效的日期']);
    expect(errorsOf({ repliedOn: '2026-03-03', outcome: '予以公开' })).toEqual(['第2行“答复日期（办结日期）”：不能晚于今天（2026年3月2日）']);
  });

  it('the reply not before receipt', () => {
    expect(errorsOf({ repliedOn: '2025-03-01', outcome: '予以公开' })).toEqual(['第2行“答复日期（办结日期）”：早于收到申请日期']);
  });

  it('an outcome if and only if a reply date', () => {
    expect(errorsOf({ outcome: '予以公开' })).toEqual(['第2行“答复日期（办结日期）”：填写了办理结果，须同时填写答复日期（办结日期）']);
    expect(errorsOf({ repliedOn: '2025-03-20' })).toEqual(['第2行“办理结果”：填写了答复日期，须同时填写办理结果']);
  });

  it('clarification dates in order', () => {
    expect(errorsOf({ clarifiedOn: '2025-03-10' })).toEqual(['第2行“补正通知日期”：填写了收到补正日期，须同时填写补正通知日期']);
    expect(errorsOf({ clarificationRequestedOn: '2025-03-01' })).toEqual(['第2行“补正通知日期”：早于收到申请日期']);
    expect(errorsOf({ clarificationRequestedOn: '2025-03-05', clarifiedOn: '2025-03-04' })).toEqual(['第2行“收到补正日期”：早于补正通知日期']);
    expect(errorsOf({ clarificationRequestedOn: '2025-03-05', clarifiedOn: '2025-03-12', repliedOn: '2025-03-11', outcome: '予以公开' })).toEqual([
      '第2行“答复日期（办结日期）”：早于收到补正日期',
    ]);
    expect(errorsOf({ clarificationRequestedOn: '2025-03-05', repliedOn: '2025-03-20', outcome: '予以公开' })).toEqual([
      '第2行“收到补正日期”：已告知补正的申请，收到补正后才能作出答复，请填写收到补正日期；申请人未补正的，办理结果应为“申请人逾期不补正”',
    ]);
  });

  it('an extension of 1 to 20 working days, only once the period runs', () => {
    const message = '第2行“延期天数”：应为1至20之间的整数（第三十三条第二款：延长的期限最长不得超过20个工作日）';
    for (const days of [0, 21, 10.5, '十天', '-3']) expect(errorsOf({ extensionDays: days })).toEqual([message]);
    // 40 working days from 2025-03-03: 清明 Friday 04-04 is off, Sunday 04-27 is a make-up working day.
    expect(only({ extensionDays: 20 }).dueDate).toBe('2025-04-28');
    expect(errorsOf({ clarificationRequestedOn: '2025-03-05', extensionDays: 5 })).toEqual([
      '第2行“延期天数”：申请人未补正的申请不能延期答复（答复期限自收到补正之日起计算）',
    ]);
  });

  it('no clarification needs the clarification notice, and no clarified request', () => {
    expect(errorsOf({ repliedOn: '2025-04-08', outcome: '逾期不补正' })).toEqual([
      '第2行“补正通知日期”：办理结果为“申请人逾期不补正”的，须填写补正通知日期',
    ]);
    expect(errorsOf({ clarificationRequestedOn: '2025-03-05', clarifiedOn: '2025-03-10', repliedOn: '2025-04-08', outcome: '逾期不补正' })).toEqual([
      '第2行“收到补正日期”：已收到补正的申请，办理结果不能是“申请人逾期不补正”',
    ]);
  });

  it('an unpaid fee needs its amount', () => {
    expect(errorsOf({ repliedOn: '2025-04-15', outcome: '逾期未缴费' })).toEqual([
      '第2行“备注”：办理结果为“申请人逾期未缴纳费用”的，须在备注中写明收费通知的金额，如“收费200元”',
    ]);
  });

  it('the requester kind matches the identity', () => {
    expect(errorsOf({ identity: '91530303MA6K00000M' })).toEqual([
      '第2行“证件号码或统一社会信用代码”：申请人类型为自然人，应填写身份证件号码，不能填写统一社会信用代码',
    ]);
    expect(errorsOf({ identity: '110105194912310021' })).toEqual(['第2行“证件号码或统一社会信用代码”：不是有效的居民身份证号码（末位校验码不符）']);
    expect(errorsOf({ requesterKind: '法律服务机构', identity: '11010519491231002X' })).toEqual([
      '第2行“证件号码或统一社会信用代码”：申请人类型为法律服务机构，应填写统一社会信用代码，不能填写身份证号码',
    ]);
    expect(errorsOf({ requesterKind: '企业', identity: '91530303MA6K00000A' })).toEqual(['第2行“证件号码或统一社会信用代码”：不是有效的统一社会信用代码']);
    expect(errorsOf({ identity: 110105194912310000 })).toEqual([
      '第2行“证件号码或统一社会信用代码”：号码被Excel当作数字保存，末几位已经丢失：请把该列设为“文本”格式后重新填写',
    ]);
    expect(errorsOf({ identity: '1.10105E+17' })).toHaveLength(1);
    expect(only({ identity: 'E12345678' })).toMatchObject({ idType: 'other', idNumber: 'E12345678' });
  });

  it('kinds, channels and agencies it does not know', () => {
    expect(errorsOf({ agency: '测试区公安局', requesterKind: '学生', channel: '微信' })).toEqual([
      '第2行“受理单位”：找不到“测试区公安局”，或您无权办理该单位的申请',
      '第2行“申请人类型”：应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他组织，填写的是“学生”',
      '第2行“申请渠道”：应为网上申请、当面申请、信函、平常信函、传真、电子邮件或口头申请，填写的是“微信”',
    ]);
    expect(only({ agency: '11530303MB1234567X', requesterKind: '公民', channel: '挂号信' })).toMatchObject({ agencyId: 3, channel: 'postSigned' });
  });

  it('duplicate rows: same agency, requester, content and date of receipt', () => {
    const result = parse(BASE, { ...BASE, contact: '13800000000' }, { ...BASE, receivedOn: '2025-03-04' }, { ...BASE, description: `${BASE.description as string} ` });
    expect(result.errors.map((e) => e.message)).toEqual([
      '第3行：与第2行重复（受理单位、申请人、申请内容和收到申请日期均相同）',
      '第5行：与第2行重复（受理单位、申请人、申请内容和收到申请日期均相同）',
    ]);
  });

  it("a rule of the state machine becomes the row's error", () => {
    expect(errorsOf({ repliedOn: '2025-03-20', outcome: '补正后申请内容仍不明确' })).toEqual([
      '第2行：“补正后申请内容仍不明确”只适用于已收到补正的申请（第三十条）',
    ]);
    expect(errorsOf({ clarificationRequestedOn: '2025-03-05', repliedOn: '2025-03-06', outcome: '逾期不补正' })).toEqual([
      '第2行：补正期限至2025年3月6日届满，期限届满之前不能认定申请人逾期不补正（第三十条）',
    ]);
  });

  it('a year the calendar does not hold is an error of its row', () => {
    expect(errorsOf({ receivedOn: '2003-05-06' })).toEqual(['第2行：工作日历未包含2003年的节假日安排，请管理员先维护该年度日历']);
  });

  it('several errors of a row in column order; rows numbered as the sheet shows them', () => {
    const rows = [HEADER, ['【填写说明】本行导入时跳过'], line(BASE), [], line({ ...BASE, requesterName: '', receivedOn: 'x', description: '另一件申请的内容' })];
    expect(parseImportSheet(rows, OPTIONS).errors.map((e) => e.message)).toEqual([
      '第5行“申请人姓名或名称”：未填写',
      '第5行“收到申请日期”：不是有效的日期',
    ]);
  });
});

describe('the sheet', () => {
  it('finds the header below a title row, in any column order, without the optional columns', () => {
    const columns: ImportColumnKey[] = ['outcome', 'repliedOn', 'agency', 'requesterKind', 'requesterName', 'description', 'channel', 'receivedOn'];
    const headers = ['办理结果', '办结日期', '受理单位', '申请人类型', '申请人', '申请内容', '申请渠道', '收到申请日期'];
    const row = { ...BASE, repliedOn: '2025-03-20', outcome: '予以公开' };
    const result = parseImportSheet([['青川区教育局2025年依申请公开登记表'], headers, columns.map((k) => row[k] ?? null)], OPTIONS);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ row: 3, reportOutcome: 'granted', idNumber: null });
  });

  it('names a missing or repeated column', () => {
    const result = parseImportSheet([HEADER.filter((h) => h !== '申请内容').concat('申请人类型'), line(BASE)], OPTIONS);
    expect(result.errors.map((e) => e.message)).toEqual([
      '第1行（表头）：“申请人类型”列出现了两次（第2列和第14列）',
      '第1行（表头）：缺少“申请内容”列',
    ]);
    expect(parseImportSheet([['姓名', '日期'], ['王小明', '2025-01-01']], OPTIONS).errors.map((e) => e.message)).toEqual([
      '第1行（表头）：不是导入模板的表头，请下载导入模板，按第1行的列名填写',
    ]);
  });

  it('refuses a sheet without data rows or with too many', () => {
    expect(() => parseImportSheet([HEADER, ['【填写说明】'], []], OPTIONS)).toThrow(ImportFileError);
    const big = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ['x'])];
    expect(() => parseImportSheet(big, OPTIONS)).toThrow(`文件有200001行数据，一次最多导入200000行，请分成几个文件导入`);
  });
});

describe('cached columns', () => {
  // The import computes them without requestClock, outcomeOf and handledOn (for speed); here
  // they are compared with those on random rows of every shape the import builds.
  it('equal what requestClock, outcomeOf and handledOn give for the timeline', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => addCalendarDays('2024-01-02', n));
    const gap = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(day, gap, gap, gap, fc.boolean(), fc.boolean(), fc.option(fc.integer({ min: 1, max: 20 }), { freq: 2 }), fc.option(fc.constantFrom(...IMPORT_OUTCOMES), { freq: 4 }), (received, a, b, c, notice, clarified, extension, outcome) => {
        const noticeOn = notice ? addCalendarDays(received, a) : null;
        const clarifiedOn = notice && clarified ? addCalendarDays(noticeOn!, b) : null;
        const repliedOn = outcome ? addCalendarDays(clarifiedOn ?? noticeOn ?? received, c + 1) : null;
        const result = parse({
          ...BASE, receivedOn: received, clarificationRequestedOn: noticeOn, clarifiedOn, extensionDays: extension, repliedOn,
          outcome: outcome ? OUTCOME_CHOICES[outcome] : null, note: '收费100元',
        });
        for (const row of result.rows) {
          const clock = requestClock(row.events, calendar, TODAY);
          expect({ state: row.state, dueDate: row.dueDate, outcome: row.reportOutcome, handledOn: row.handledOn }).toEqual({
            state: clock.state, dueDate: clock.dueDate, outcome: outcomeOf(row.events), handledOn: handledOn(row.events),
          });
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('one sheet of many rows', () => {
  // Rows of the same shape share the state machine's verdict (ImportTimelines). Here random
  // sheets hold rows of one to three kinds (channel, clarification, extension, outcome, 备注)
  // with random dates, and every row gets what it gets when imported alone; every good row's
  // timeline passes its own replay with the state given.
  it('gives each row the result it has alone', () => {
    const kind = fc.record({
      notice: fc.boolean(), clarified: fc.boolean(),
      extension: fc.option(fc.constantFrom(5, 20), { freq: 3 }),
      outcome: fc.option(fc.constantFrom<ImportOutcome>('granted', 'partial', 'unavailable.stillUnclear', 'other.noClarification', 'other.feeUnpaid', 'withdrawn'), { freq: 5 }),
      note: fc.option(fc.constantFrom('收费100元', '申请人电话告知撤回'), { freq: 2 }),
      channel: fc.constantFrom('网上申请', '信函'),
    });
    // Short gaps often, so that rows fall on both sides of a rule's boundary (a lapse on the
    // day after the notice is refused, two days after is not).
    const gap = fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 3, max: 25 }));
    const dates = fc.record({ kind: fc.nat(), received: fc.integer({ min: 0, max: 600 }).map((n) => addCalendarDays('2024-01-02', n)), a: gap, b: gap, c: gap });
    type Kind = typeof kind extends fc.Arbitrary<infer T> ? T : never;
    type Dates = typeof dates extends fc.Arbitrary<infer T> ? T : never;
    const input = (k: Kind, d: Dates, i: number): RowInput => {
      const noticeOn = k.notice ? addCalendarDays(d.received, d.a) : null;
      const clarifiedOn = k.notice && k.clarified ? addCalendarDays(noticeOn!, d.b) : null;
      return {
        ...BASE, description: `申请公开第${i}项信息`, channel: k.channel, receivedOn: d.received, clarificationRequestedOn: noticeOn, clarifiedOn,
        extensionDays: k.extension, repliedOn: k.outcome ? addCalendarDays(clarifiedOn ?? noticeOn ?? d.received, d.c) : null,
        outcome: k.outcome ? OUTCOME_CHOICES[k.outcome] : null, note: k.note,
      };
    };
    let good = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(kind, { minLength: 1, maxLength: 3 }), fc.array(dates, { minLength: 2, maxLength: 30 }), (kinds, drawn) => {
        const rows = drawn.map((d, i) => input(kinds[d.kind % kinds.length]!, d, i));
        const together = parse(...rows);
        rows.forEach((r, i) => {
          const alone = parse(r);
          const sheetRow = i + 2;
          expect(together.errors.filter((e) => e.row === sheetRow).map((e) => e.detail)).toEqual(alone.errors.map((e) => e.detail));
          const imported = together.rows.find((x) => x.row === sheetRow);
          expect(imported && { ...imported, row: 2 }).toEqual(alone.rows[0]);
          if (imported) {
            expect(replay(imported.events)).toBe(imported.state);
            good += 1;
          } else if (alone.errors.some((e) => e.column === null)) refused += 1;
        });
      }),
      { numRuns: 300 },
    );
    // The draw reaches both: rows that import, and rows the state machine refuses.
    expect(good).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(20);
  });
});
