import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTCOME_ROWS_2021 } from '../../report/format.js';
import { LETTER_KINDS, NOTICE_KINDS, REPLY_KINDS, isReplyKind, letterSeries, outcomeOfReply } from './kinds.js';
import { isKnownPlaceholder } from './placeholders.js';
import { CITED_PROVISIONS, OTHER_CITATIONS, isCitedProvision } from './regulation.js';
import { parseTemplate, placeholderNames } from './syntax.js';
import { DEFAULT_TEMPLATES, REMEDY_TEXTS, defaultTemplate } from './templates.js';

describe('default templates', () => {
  it('exist for every outcome of report section 三 and every notice', () => {
    for (const kind of [...OUTCOME_ROWS_2021, ...NOTICE_KINDS]) {
      expect(DEFAULT_TEMPLATES[kind]?.kind, kind).toBe(kind);
    }
    expect(Object.keys(DEFAULT_TEMPLATES)).toEqual([...LETTER_KINDS]);
    expect(LETTER_KINDS).toHaveLength(21 + 2 + 7);
  });

  it('parse cleanly and use only known placeholders', () => {
    for (const kind of LETTER_KINDS) {
      const t = DEFAULT_TEMPLATES[kind];
      for (const source of [t.body, t.title]) {
        const parsed = parseTemplate(source);
        expect(parsed.problems, kind).toEqual([]);
        expect(placeholderNames(parsed.nodes).filter((n) => !isKnownPlaceholder(n)), kind).toEqual([]);
      }
    }
    for (const text of Object.values(REMEDY_TEXTS)) {
      expect(placeholderNames(parseTemplate(text).nodes).every(isKnownPlaceholder)).toBe(true);
    }
  });

  it('cite at least one provision each, and every citation is in the body and is a known provision', () => {
    for (const kind of LETTER_KINDS) {
      const t = DEFAULT_TEMPLATES[kind];
      // 三（六）3 其他 covers cases of every kind (a withdrawal has no article): its basis is a placeholder.
      if (kind === 'other.other') {
        expect(t.articles).toEqual([]);
        expect(t.body).toContain('{{#legalBasis}}根据{{legalBasis}}的规定，');
        continue;
      }
      expect(t.articles.length, kind).toBeGreaterThan(0);
      for (const article of t.articles) {
        expect(t.body, `${kind} cites ${article}`).toContain(article);
        expect(isCitedProvision(article) || (OTHER_CITATIONS as readonly string[]).includes(article), article).toBe(true);
      }
    }
  });

  it.each([
    ['withheld.stateSecret', ['第十四条', '第三十六条第（三）项']],
    ['withheld.forbiddenByLaw', ['第十四条', '第三十六条第（三）项']],
    ['withheld.endangersSecurity', ['第十四条', '第三十六条第（三）项']],
    ['withheld.thirdPartyRights', ['第十五条', '第三十六条第（三）项', '第三十二条']],
    ['withheld.internalAffairs', ['第十六条第一款', '第三十六条第（三）项']],
    ['withheld.processInfo', ['第十六条第二款', '第三十六条第（三）项']],
    ['withheld.enforcementFile', ['第十六条第二款', '第三十六条第（三）项']],
    ['withheld.inquiryMatter', ['第三十六条第（七）项']],
    ['granted', ['第十三条', '第三十六条第（二）项']],
    ['granted.alreadyPublished', ['第三十六条第（一）项']],
    ['partial', ['第三十七条', '第三十六条第（二）项', '第三十六条第（三）项']],
    ['unavailable.notHeld', ['第三十六条第（四）项']],
    ['unavailable.notResponsible', ['第三十六条第（五）项']],
    ['unavailable.needsCreation', ['第三十八条']],
    ['unavailable.stillUnclear', ['第二十九条第二款第（二）项', '第三十条']],
    ['notProcessed.petition', ['第三十九条第一款']],
    ['notProcessed.repeated', ['第三十六条第（六）项']],
    ['notProcessed.publication', ['第三十九条第二款']],
    ['notProcessed.excessive', ['第三十五条']],
    ['notProcessed.confirmOrReissue', ['第二条', '第三十八条']],
    ['other.noClarification', ['第三十条']],
    ['other.feeUnpaid', ['第四十二条', '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）']],
    ['clarificationNotice', ['第二十九条第二款', '第三十条']],
    ['extensionNotice', ['第三十三条第二款']],
    ['consultationLetter', ['第三十二条']],
    ['agencyConsultationLetter', ['第三十四条']],
    ['feeNotice', ['第四十二条', '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）']],
    ['reasonRequestNotice', ['第三十五条']],
    ['thirdPartyDisclosureNotice', ['第三十二条']],
  ] as const)('%s cites %j', (kind, articles) => {
    expect(defaultTemplate(kind).articles).toEqual(articles);
  });

  it('quote the provisions they rely on in their own words', () => {
    expect(CITED_PROVISIONS['第十四条']).toContain('依法确定为国家秘密的政府信息');
    expect(CITED_PROVISIONS['第三十六条第（四）项']).toBe('经检索没有所申请公开信息的，告知申请人该政府信息不存在；');
    expect(CITED_PROVISIONS['第三十九条第一款']).toContain('不作为政府信息公开申请处理');
    expect(CITED_PROVISIONS['第三十八条']).toContain('应当是已制作或者获取的政府信息');
    // 补正后仍不明确 is not 第三十六条第（七）项, which is about special rules on obtaining information.
    expect(CITED_PROVISIONS['第三十六条第（七）项']).toContain('工商、不动产登记资料');
  });

  it('state the legal facts each letter must tell', () => {
    const body = (kind: Parameters<typeof defaultTemplate>[0]) => defaultTemplate(kind).body;
    expect(body('clarificationNotice')).toContain('答复期限自本机关收到补正后的申请之日起计算');
    expect(body('clarificationNotice')).toContain('视为放弃申请');
    expect(body('clarificationNotice')).toContain('{{dueDate}}');
    expect(body('extensionNotice')).toContain('经本机关政府信息公开工作机构负责人同意');
    expect(body('extensionNotice')).toContain('{{newDueDate}}');
    expect(body('consultationLetter')).toContain('15个工作日内');
    expect(body('consultationLetter')).toContain('逾期未提出意见的，由本机关依照《条例》的规定决定是否公开');
    expect(body('agencyConsultationLetter')).toContain('逾期未提出意见的，视为同意公开');
    for (const placeholder of ['{{feeStandard}}', '{{amountYuan}}', '{{paymentMethod}}', '{{dueDate}}']) {
      expect(body('feeNotice')).toContain(placeholder);
    }
    expect(body('feeNotice')).toContain('20个工作日内');
    expect(body('feeNotice')).toContain('逾期未缴纳的，视为放弃申请');
    expect(body('unavailable.notHeld')).toContain('{{#otherAgency}}');
    expect(body('withheld.thirdPartyRights')).toContain('{{#consultedOn}}');
    expect(body('notProcessed.petition')).toContain('{{petitionChannel}}');
    expect(body('withheld.inquiryMatter')).toContain('{{queryChannel}}');
    expect(body('partial')).toContain('{{withheldParts}}不予公开，理由是：{{reason}}');
  });

  it('give every reply its remedies, and refusals the reconsideration-first ones', () => {
    for (const kind of REPLY_KINDS) {
      const t = defaultTemplate(kind);
      expect(t.body, kind).toContain('{{remedy}}');
      const refusal = kind === 'partial' || kind.startsWith('withheld.');
      expect(t.remedy, kind).toBe(refusal ? 'reconsiderationFirst' : 'choice');
    }
    for (const kind of NOTICE_KINDS) expect(defaultTemplate(kind).remedy, kind).toBeUndefined();
    expect(REMEDY_TEXTS.choice).toBe(
      '如您对本答复不服，可以自收到本答复之日起60日内向{{reconsiderationBody}}申请行政复议，或者自收到本答复之日起6个月内向{{court}}提起行政诉讼。',
    );
  });
});

describe('letter kinds', () => {
  it('map reply variants to their report row', () => {
    expect(outcomeOfReply('granted.alreadyPublished')).toBe('granted');
    expect(outcomeOfReply('unavailable.notResponsible')).toBe('unavailable.notHeld');
    expect(outcomeOfReply('withheld.processInfo')).toBe('withheld.processInfo');
    expect(isReplyKind('feeNotice')).toBe(false);
  });

  it('number replies, 告知, and each notice in its own series', () => {
    expect(letterSeries('granted')).toBe('依复');
    expect(letterSeries('withheld.stateSecret')).toBe('依复');
    expect(letterSeries('unavailable.notResponsible')).toBe('依复');
    expect(letterSeries('notProcessed.petition')).toBe('依告');
    expect(letterSeries('other.feeUnpaid')).toBe('依告');
    expect(letterSeries('clarificationNotice')).toBe('补正');
    expect(letterSeries('extensionNotice')).toBe('延期');
    expect(letterSeries('consultationLetter')).toBe('征询');
    expect(letterSeries('agencyConsultationLetter')).toBe('征询');
    expect(letterSeries('feeNotice')).toBe('收费');
  });
});

/**
 * The quotations in regulation.ts against the regulation's full text, where this machine has it
 * (it lives beside the repository, not in it).
 */
const REGULATION_TEXT =
  new URL('../../../../../shared/reference/regulations-gov-info-disclosure-2019.md', import.meta.url);

// ../shared/ sits beside the repository on every machine and in CI.
describe('quotations against the regulation text', () => {
  const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  type Paragraph = { text: string; items: { n: string; text: string }[] };
  const articles = new Map<string, Paragraph[]>();
  let current: Paragraph[] | null = null;
  for (const raw of readFileSync(REGULATION_TEXT, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const article = /^(第[一二三四五六七八九十]+条)[\s\u3000]+(.*)$/.exec(line);
    if (article) {
      current = [{ text: article[2]!, items: [] }];
      articles.set(article[1]!, current);
    } else if (line.startsWith('#') || line.startsWith('<!--')) current = null;
    else if (current) {
      const item = /^[(（]([一二三四五六七八九十]+)[)）](.*)$/.exec(line);
      if (item) current[current.length - 1]!.items.push({ n: item[1]!, text: item[2]! });
      else current.push({ text: line, items: [] });
    }
  }
  const format = (p: Paragraph) => [p.text, ...p.items.map((i) => `（${i.n}）${i.text}`)].join('\n');
  const resolve = (citation: string): string | undefined => {
    const m = /^(第[一二三四五六七八九十]+条)(?:第([一二三四五六七八九十]+)款)?(?:第（([一二三四五六七八九十]+)）项)?$/.exec(citation);
    const paragraphs = m && articles.get(m[1]!);
    if (!m || !paragraphs) return undefined;
    if (!m[2] && !m[3]) return paragraphs.map(format).join('\n');
    const paragraph = m[2] ? paragraphs[NUMERALS.indexOf(m[2])] : paragraphs.find((p) => p.items.length > 0);
    if (!paragraph) return undefined;
    return m[3] ? paragraph.items.find((i) => i.n === m[3])?.text : format(paragraph);
  };

  it('reads the regulation (56 articles)', () => {
    expect(articles.size).toBe(56);
  });

  it.each(Object.entries(CITED_PROVISIONS))('%s is quoted word for word', (citation, quote) => {
    expect(resolve(citation)).toBe(quote);
  });
});
