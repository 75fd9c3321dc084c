import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../calendar/calendar.js';
import { snapshotSeed } from '../calendar/seed.js';
import { COLUMN_KINDS, INFO_KINDS, SUBJECT_CATEGORIES, checkItem, type ItemForCheck, type PublicationFinding } from './checks.js';
import { DEFAULT_WRONG_PHRASES } from './wrong-phrases.js';

const calendar = new WorkingDayCalendar({ seed: snapshotSeed() });
const opts = { today: '2024-10-10', calendar, wrongPhrases: [...DEFAULT_WRONG_PHRASES] };

/** A news item that passes every check; tests change what they are about. */
function item(overrides: Partial<ItemForCheck> = {}): ItemForCheck {
  return {
    title: '沾益区召开2024年政务公开工作推进会',
    bodyHtml: '<p>10月8日，区政府办公室召开政务公开工作推进会。</p>',
    infoKind: 'news',
    documentNumber: null,
    writtenDate: null,
    publishedDate: '2024-10-10',
    madeOn: '2024-10-08',
    subjectCategory: '综合政务',
    sourceName: null,
    attachments: [],
    links: [],
    ...overrides,
  };
}

const brief = (findings: PublicationFinding[]): string[] => findings.map((f) => `${f.rule}|${f.severity}|${f.where}|${f.message}`);

describe('checkItem', () => {
  it('finds nothing on a complete, clean, timely item', () => {
    expect(checkItem(item(), opts)).toEqual([]);
  });

  it('blocks personal data in title, body and attachments, naming where and the masked value', () => {
    const findings = checkItem(
      item({
        title: '关于张三（电话13812345678）的公示',
        bodyHtml: '<p>身份证号：<span>530302199001011232</span></p><p>另一身份证号<b>530302198512310045</b></p>',
        attachments: [{ fileName: '名单.xlsx', text: '姓名\t银行卡\n李四\t6222021234567890128' }],
      }),
      opts,
    );
    expect(brief(findings)).toEqual([
      'personalData|block|标题|标题第1处疑似手机号码 138****5678，请删除或脱敏',
      'personalData|block|正文|正文第1处疑似身份证号码 530302********1232，请删除或脱敏',
      'personalData|block|正文|正文第2处疑似身份证号码 530302********0045，请删除或脱敏',
      'personalData|block|附件：名单.xlsx|附件“名单.xlsx”第1处疑似银行卡号 6222***********0128，请删除或脱敏',
    ]);
    expect(findings[1]!.excerpt).toBe('身份证号：530302********1232 另一身份证号530302********0045');
  });

  it('blocks wrong wordings from the configured list, and asks for a manual check of unreadable attachments', () => {
    const findings = checkItem(
      item({
        bodyHtml: '<p>台湾总统发表讲话。</p>',
        attachments: [{ fileName: '图片.jpg', text: null }, { fileName: '讲话.docx', text: '坚持一国两治' }],
      }),
      opts,
    );
    expect(brief(findings)).toEqual([
      'wrongPhrase|block|正文|正文第1处“台湾总统”属于严重表述错误，应为“台湾地区领导人”',
      'wrongPhrase|block|附件：讲话.docx|附件“讲话.docx”第1处“一国两治”属于严重表述错误，应为“一国两制”',
      'personalData|warn|附件：图片.jpg|附件“图片.jpg”无法提取文字，未能自动检查，请人工核对其中是否含有个人信息和严重表述错误',
    ]);
    expect(checkItem(item({ bodyHtml: '<p>台湾总统</p>' }), { ...opts, wrongPhrases: [] })).toEqual([]);
  });

  it('warns about dead links', () => {
    const links = [{ href: '/items/1', ok: true }, { href: '/items/404', ok: false }];
    expect(brief(checkItem(item({ links }), opts))).toEqual(['deadLink|warn|正文|正文中的链接“/items/404”无法访问，请修改或删除']);
  });

  it('warns about missing metadata by info kind', () => {
    expect(brief(checkItem(item({ title: '  ', infoKind: 'normative', subjectCategory: null, interpretationCount: 1 }), opts))).toEqual([
      'missingMetadata|warn|标题|标题不能为空',
      'missingMetadata|warn|文号|行政规范性文件应填写文号',
      'missingMetadata|warn|成文日期|行政规范性文件应填写成文日期',
      'missingMetadata|warn|主题分类|请选择主题分类',
    ]);
    expect(brief(checkItem(item({ infoKind: 'repost', subjectCategory: '经济' }), opts))).toEqual([
      'missingMetadata|warn|来源|转载信息应注明来源',
      'missingMetadata|warn|主题分类|主题分类“经济”不在国务院主题分类中，请重新选择',
    ]);
    expect(brief(checkItem(item({ infoKind: 'blog' }), opts))).toEqual(['missingMetadata|warn|信息类别|信息类别“blog”无效，请重新选择']);
  });

  it('warns about a document number that is malformed, fixable, or of another year than the written date', () => {
    const doc = { infoKind: 'document', writtenDate: '2024-09-30' };
    expect(brief(checkItem(item({ ...doc, documentNumber: '沾政办发〔2024〕8号' }), opts))).toEqual([]);
    expect(brief(checkItem(item({ ...doc, documentNumber: '沾政办发（2024）08号' }), opts))).toEqual([
      'documentNumber|warn|文号|文号“沾政办发（2024）08号”：年份应使用六角括号〔〕；序号不编虚位，应写作“8号”而不是“08号”，应为“沾政办发〔2024〕8号”',
    ]);
    expect(brief(checkItem(item({ ...doc, documentNumber: '2024年第8号' }), opts))).toEqual([
      'documentNumber|warn|文号|文号“2024年第8号”格式不正确，应形如“沾政办发〔2022〕12号”',
    ]);
    expect(brief(checkItem(item({ ...doc, documentNumber: '沾政办发〔2023〕8号' }), opts))).toEqual([
      'documentNumber|warn|文号|文号年份2023与成文日期2024-09-30的年份不一致，请核对',
    ]);
  });

  it('warns when a normative document has no interpretation', () => {
    const normative = { infoKind: 'normative', documentNumber: '沾政规〔2024〕1号', writtenDate: '2024-10-08' };
    expect(brief(checkItem(item(normative), opts))).toEqual([
      'interpretationMissing|warn|政策解读|行政规范性文件应同步发布政策解读（谁起草、谁解读），尚未关联解读',
    ]);
    expect(checkItem(item({ ...normative, interpretationCount: 1 }), opts)).toEqual([]);
  });

  it('warns when published more than 20 working days after the information was made (第二十六条)', () => {
    // From 2024-09-20: the 29 Sep make-up Sunday counts, 1–7 Oct (国庆) do not, 12 Oct (Saturday) counts.
    expect(calendar.addWorkingDays('2024-09-20', 20)).toBe('2024-10-23');
    expect(checkItem(item({ madeOn: '2024-09-20', publishedDate: '2024-10-23' }), opts)).toEqual([]);
    expect(brief(checkItem(item({ madeOn: '2024-09-20', publishedDate: '2024-10-24' }), opts))).toEqual([
      'late|warn|发布日期|发布日期2024-10-24已超过信息形成（变更）之日2024-09-20起20个工作日的公开时限（应不晚于2024-10-23，第二十六条），请核对信息形成日期或说明原因',
    ]);
    expect(brief(checkItem(item({ madeOn: '2024-09-01', publishedDate: null }), opts))).toEqual([
      'late|warn|发布日期|今天（2024-10-10）发布已超过信息形成（变更）之日2024-09-01起20个工作日的公开时限（应不晚于2024-09-29，第二十六条），请核对信息形成日期或说明原因',
    ]);
    expect(checkItem(item({ madeOn: null }), opts)).toEqual([]);
  });

  it('warns instead of crashing when the calendar does not cover the year or a date is invalid', () => {
    expect(brief(checkItem(item({ madeOn: '2030-03-02', publishedDate: '2030-03-05' }), opts))).toEqual([
      'late|warn|发布日期|工作日历未包含2030年的节假日安排，无法核对是否在信息形成（变更）之日起20个工作日内发布（第二十六条），请管理员维护工作日历',
    ]);
    expect(brief(checkItem(item({ madeOn: '2026-12-20', publishedDate: '2027-01-05' }), opts))[0]).toContain('工作日历未包含2027年');
    expect(brief(checkItem(item({ madeOn: '2024-02-30' }), opts))).toEqual([
      'late|warn|发布日期|信息形成（变更）日期“2024-02-30”无效，无法核对发布时限（第二十六条）',
    ]);
  });
});

describe('vocabularies', () => {
  it('lists the info kinds, the 21 top-level subject categories and the column update rules', () => {
    expect(Object.keys(INFO_KINDS)).toEqual([
      'news', 'notice', 'overview', 'document', 'normative', 'rule', 'interpretation', 'meeting', 'fiscal', 'planning',
      'statistics', 'personnel', 'procurement', 'licensing', 'penalty', 'repost', 'other',
    ]);
    expect(INFO_KINDS.normative).toBe('行政规范性文件');
    expect(SUBJECT_CATEGORIES.length).toBe(21);
    expect(SUBJECT_CATEGORIES[0]).toBe('综合政务');
    expect(SUBJECT_CATEGORIES[20]).toBe('其他');
    expect(COLUMN_KINDS.news).toEqual({ label: '动态要闻', maxDaysStale: 14 });
    expect(COLUMN_KINDS.fiscal).toEqual({ label: '财政信息', maxDaysStale: 366 });
    expect(COLUMN_KINDS.other.maxDaysStale).toBeNull();
  });
});
