import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  fillTemplate,
  letterNumber,
  requiredCitations,
  requiredPlaceholders,
  validateTemplateOverride,
  type LetterValues,
} from './fill.js';
import { LETTER_KINDS, type LetterKind } from './kinds.js';
import { PLACEHOLDERS, type PlaceholderName } from './placeholders.js';
import { FEE_STANDARDS, withholdingReason } from './phrases.js';
import { parseTemplate } from './syntax.js';
import { defaultTemplate, type LetterTemplate } from './templates.js';

const BASE: LetterValues = {
  requesterName: '张三',
  receivedOn: '2025-01-24',
  requestSummary: '2024年滨河路改造工程环境影响评价批复',
  reconsiderationBody: '西宁市城中区人民政府',
  court: '西宁市城中区人民法院',
};

/** A value for every known placeholder except `remedy` (so the remedy paragraph is generated). */
const EVERYTHING: LetterValues = Object.fromEntries(
  (Object.keys(PLACEHOLDERS) as PlaceholderName[])
    .filter((name) => name !== 'remedy')
    .map((name) => [name, PLACEHOLDERS[name].type === 'date' ? '2025-02-10' : `〈${name}〉`]),
);

const template = (body: string, extra: Partial<LetterTemplate> = {}): LetterTemplate => ({
  kind: 'other.other',
  title: '测试',
  articles: [],
  body,
  ...extra,
});

describe('fillTemplate', () => {
  it('writes a granted letter in full', () => {
    const filled = fillTemplate(defaultTemplate('granted'), {
      ...BASE,
      howProvided: '已随本告知书一并提供（见附件）',
      attachments: '滨河路改造工程环境影响评价批复',
    });
    expect(filled.title).toBe('政府信息予以公开告知书');
    expect(filled.missing).toEqual([]);
    expect(filled.paragraphs).toEqual([
      '本机关于2025年1月24日收到您提交的政府信息公开申请，您申请公开“2024年滨河路改造工程环境影响评价批复”。',
      '经审查，您所申请的政府信息属于可以公开的政府信息。根据《中华人民共和国政府信息公开条例》第十三条、第三十六条第（二）项的规定，本机关决定予以公开。',
      '该政府信息已随本告知书一并提供（见附件）。',
      '如您对本答复不服，可以自收到本答复之日起60日内向西宁市城中区人民政府申请行政复议，或者自收到本答复之日起6个月内向西宁市城中区人民法院提起行政诉讼。',
      '特此告知。',
      '附件：滨河路改造工程环境影响评价批复',
    ]);
    expect(filled.articles).toEqual(['第十三条', '第三十六条第（二）项']);
  });

  it.each(LETTER_KINDS)('leaves no {{ in %s, with every value given or none', (kind: LetterKind) => {
    const full = fillTemplate(defaultTemplate(kind), EVERYTHING);
    expect(full.missing).toEqual([]);
    expect(full.paragraphs.join('\n')).not.toMatch(/\{\{|\}\}|【未填写/);
    const empty = fillTemplate(defaultTemplate(kind), {});
    expect(empty.paragraphs.join('\n')).not.toMatch(/\{\{|\}\}/);
    expect(empty.missing.length).toBeGreaterThan(0);
  });

  it('marks a missing value visibly and lists it once', () => {
    const filled = fillTemplate(defaultTemplate('withheld.internalAffairs'), { ...BASE, court: undefined, reconsiderationBody: '' });
    expect(filled.missing).toEqual(['reason', 'reconsiderationBody']);
    expect(filled.paragraphs[1]).toBe('经审查，您所申请的信息属于本机关的内部事务信息，理由是：【未填写：理由】。根据《中华人民共和国政府信息公开条例》第十六条第一款和第三十六条第（三）项的规定，本机关决定不予公开。');
    // A refusal: reconsideration first (行政复议法 2023), so no court is named and none is missing.
    expect(filled.paragraphs[2]).toBe(
      '如您对本答复不服，可以自收到本答复之日起60日内向【未填写：行政复议机关】申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼。依照《中华人民共和国行政复议法》的规定，对行政机关不予公开政府信息不服的，应当先申请行政复议。',
    );
  });

  it('marks placeholders outside the catalogue and malformed tags without leaving braces', () => {
    const filled = fillTemplate(template('甲{{nonsense}}乙{{申请人}}丙{{ broken'), {});
    expect(filled.paragraphs).toEqual(['甲【未填写：nonsense】乙【未填写：申请人】丙【未填写：占位符格式错误】 broken']);
    expect(filled.missing).toEqual(['nonsense', '申请人', '占位符格式错误']);
  });

  it('keeps an optional passage only when its value is given, nested ones too', () => {
    const notHeld = defaultTemplate('unavailable.notHeld');
    const without = fillTemplate(notHeld, BASE);
    expect(without.paragraphs).toHaveLength(4);
    expect(without.paragraphs[1]).toBe(
      '经检索，本机关没有您所申请公开的信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，现告知您：您所申请公开的政府信息不存在。',
    );
    const withAgency = fillTemplate(notHeld, { ...BASE, otherAgency: '西宁市自然资源和规划局' });
    expect(withAgency.paragraphs[2]).toBe('据了解，西宁市自然资源和规划局可能掌握相关信息，您可以向其咨询或者提出申请。');
    const withContact = fillTemplate(notHeld, { ...BASE, otherAgency: '西宁市自然资源和规划局', otherAgencyContact: '0971-1234567' });
    expect(withContact.paragraphs[2]).toBe('据了解，西宁市自然资源和规划局可能掌握相关信息（联系方式：0971-1234567），您可以向其咨询或者提出申请。');
  });

  it('mentions the third-party consultation only where it was held', () => {
    const t = defaultTemplate('withheld.thirdPartyRights');
    const values = { ...BASE, reason: '该信息包含第三方企业的投标报价和成本构成' };
    const without = fillTemplate(t, values);
    expect(without.paragraphs.join('')).not.toContain('第三十二条');
    expect(without.articles).toEqual(['第十五条', '第三十六条第（三）项']);
    const held = fillTemplate(t, { ...values, consultedOn: '2025-02-05', thirdPartyOpinion: '不同意公开，并说明了理由' });
    expect(held.paragraphs[2]).toBe(
      '根据《中华人民共和国政府信息公开条例》第三十二条的规定，本机关于2025年2月5日书面征求了第三方的意见，第三方不同意公开，并说明了理由。',
    );
    expect(held.articles).toEqual(['第十五条', '第三十六条第（三）项', '第三十二条']);
  });

  it('inserts values as text, never as template syntax', () => {
    const filled = fillTemplate(template('申请人：{{requesterName}}'), { requesterName: '{{remedy}}<b>' });
    expect(filled.paragraphs).toEqual(['申请人：{{remedy}}<b>']);
    expect(filled.missing).toEqual([]);
  });

  it('starts a paragraph at each line of a value, formats dates and amounts, drops doubled stops', () => {
    const filled = fillTemplate(defaultTemplate('clarificationNotice'), {
      ...BASE,
      clarificationItems: '1.请写明所需文件的名称或者文号；\r\n2.请写明文件的大致形成时间。',
      dueDate: '2025-02-14',
    });
    expect(filled.paragraphs.slice(2, 5)).toEqual([
      '1.请写明所需文件的名称或者文号；',
      '2.请写明文件的大致形成时间。',
      '请您于2025年2月14日前（含当日）向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。',
    ]);
    const fee = fillTemplate(defaultTemplate('feeNotice'), {
      ...BASE,
      amountYuan: 300,
      feeStandard: FEE_STANDARDS.perRequest,
      paymentMethod: '通过非税收入缴款平台缴纳',
      dueDate: '2025-03-10',
    });
    expect(fee.paragraphs).toContain('三、收费金额：合计人民币300元。');
    const partial = fillTemplate(defaultTemplate('partial'), {
      ...BASE,
      howProvided: '已随本告知书一并提供',
      withheldParts: '名单中自然人的身份证号码和联系电话',
      reason: '涉及个人隐私。',
    });
    expect(partial.paragraphs[3]).toBe(
      '二、名单中自然人的身份证号码和联系电话不予公开，理由是：涉及个人隐私。根据《条例》第三十六条第（三）项的规定，本机关决定对上述内容不予公开。',
    );
  });

  it('uses a remedy paragraph given as a value instead of the generated one', () => {
    const filled = fillTemplate(defaultTemplate('granted'), { ...BASE, howProvided: '已提供', remedy: '救济途径另行告知。' });
    expect(filled.paragraphs).toContain('救济途径另行告知。');
    expect(filled.paragraphs.join('')).not.toContain('行政复议');
  });

  it('composes a withholding reason for a partial letter', () => {
    expect(withholdingReason('thirdPartyRights', '该部分内容为自然人的身份证号码和联系电话。')).toBe(
      '该部分内容为自然人的身份证号码和联系电话，涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，依照《中华人民共和国政府信息公开条例》第十五条的规定不予公开',
    );
  });
});

describe('chineseDate', () => {
  it('writes dates with Arabic numerals and no leading zeros', () => {
    expect(chineseDate('2025-01-24')).toBe('2025年1月24日');
    expect(chineseDate('2025-10-05T08:00:00+08:00')).toBe('2025年10月5日');
    expect(() => chineseDate('24/01/2025')).toThrow(RangeError);
  });
});

describe('letterNumber', () => {
  it('is code + series + 〔year〕 + serial + 号', () => {
    expect(letterNumber('青发改', 2025, 3, 'granted')).toBe('青发改依复〔2025〕3号');
    expect(letterNumber('青发改', 2025, 12, 'notProcessed.repeated')).toBe('青发改依告〔2025〕12号');
    expect(letterNumber('沾政办', 2025, 1, 'clarificationNotice')).toBe('沾政办补正〔2025〕1号');
    expect(letterNumber('沾政办', 2025, 2, 'extensionNotice')).toBe('沾政办延期〔2025〕2号');
    expect(letterNumber('沾政办', 2025, 4, 'agencyConsultationLetter')).toBe('沾政办征询〔2025〕4号');
    expect(letterNumber(' 沾政办 ', 2026, 105, 'feeNotice')).toBe('沾政办收费〔2026〕105号');
  });

  it('refuses what a number cannot be', () => {
    expect(() => letterNumber('', 2025, 1, 'granted')).toThrow('机关代字');
    expect(() => letterNumber('青 发改', 2025, 1, 'granted')).toThrow('机关代字');
    expect(() => letterNumber('青发改', 25, 1, 'granted')).toThrow('年份');
    expect(() => letterNumber('青发改', 2025, 0, 'granted')).toThrow('序号');
    expect(() => letterNumber('青发改', 2025, 1.5, 'granted')).toThrow('序号');
  });
});

describe('validateTemplateOverride', () => {
  it('accepts every default template as its own override', () => {
    for (const kind of LETTER_KINDS) expect(validateTemplateOverride(defaultTemplate(kind).body, kind), kind).toEqual([]);
  });

  it('requires the facts, the remedies and the citations of the default', () => {
    expect(requiredPlaceholders('withheld.stateSecret')).toEqual(['receivedOn', 'requestSummary', 'remedy']);
    expect(requiredPlaceholders('feeNotice')).toEqual(['receivedOn', 'requestSummary', 'feeStandard', 'amountYuan', 'paymentMethod', 'dueDate']);
    expect(requiredCitations('withheld.thirdPartyRights')).toEqual(['第十五条', '第三十六条第（三）项']);
  });

  it('names each problem', () => {
    const body = [
      '本机关于{{receivedOn}}收到您的申请（{{requestSummary}}）。',
      '经审查，该信息属于内部事务信息：{{reason}}，{{申请人}}，{{foo}}。',
      '{{#court}}{{remedy}}{{/court}}{{#x}}',
    ].join('\n');
    const problems = validateTemplateOverride(body, 'withheld.internalAffairs');
    expect(problems.map((p) => [p.code, p.placeholder ?? p.article ?? p.tag])).toEqual([
      ['malformedTag', '{{申请人}}'],
      ['unclosedSection', '{{#x}}'],
      ['unknownPlaceholder', 'foo'],
      ['unknownPlaceholder', 'x'],
      ['requiredInsideSection', 'remedy'],
      ['missingCitation', '第十六条第一款'],
      ['missingCitation', '第三十六条第（三）项'],
    ]);
    expect(problems[4]!.message).toBe('必填占位符{{remedy}}（救济途径）只出现在可选段落中，可能不会出现在文书里。');
  });

  it('reports a missing required placeholder, an empty body and one too long', () => {
    const body = defaultTemplate('extensionNotice').body.replace('{{newDueDate}}', '');
    expect(validateTemplateOverride(body, 'extensionNotice')).toEqual([
      { code: 'missingRequired', message: '缺少必填占位符{{newDueDate}}（延长后的答复期限）。', placeholder: 'newDueDate' },
    ]);
    expect(validateTemplateOverride('  \n', 'granted').map((p) => p.code)).toEqual(['empty']);
    const long = defaultTemplate('granted').body + '。'.repeat(20_000);
    expect(validateTemplateOverride(long, 'granted').map((p) => p.code)).toEqual(['tooLong']);
  });
});

describe('parseTemplate', () => {
  it('nests sections of different names and reports stray close tags', () => {
    const { nodes, problems } = parseTemplate('a{{#x}}b{{#y}}c{{/y}}{{/x}}{{/z}}');
    expect(nodes).toEqual([
      { type: 'text', text: 'a' },
      { type: 'section', name: 'x', children: [{ type: 'text', text: 'b' }, { type: 'section', name: 'y', children: [{ type: 'text', text: 'c' }] }] },
    ]);
    expect(problems).toEqual([{ code: 'unexpectedClose', tag: '{{/z}}', offset: 27 }]);
  });
});
