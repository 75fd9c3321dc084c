import { describe, expect, it } from 'vitest';
import type { RawRecord } from './records.js';
import {
  checkRecord, columnFinder, duplicatesInFile, keptSerials, normalizeRelativePath, parseImportDate, parseInfoKind, parseValidity, splitPaths,
  type RowCheckOptions,
} from './rows.js';

const COLUMNS = [
  { id: 1, parent_id: null, name: '政策文件', kind: 'policy' },
  { id: 2, parent_id: 1, name: '规范性文件', kind: 'policy' },
  { id: 3, parent_id: null, name: '工作动态', kind: 'news' },
  { id: 4, parent_id: 3, name: '通知公告', kind: 'notices' },
  { id: 5, parent_id: null, name: '通知公告', kind: 'notices' },
];
const OPTIONS: RowCheckOptions = { today: '2026-03-02', agencyName: '测试区教育局', findColumn: columnFinder(COLUMNS) };
const record = (values: RawRecord['values'], row = 2): RawRecord => ({ row, label: `第${row}行`, values, errors: [] });
const GOOD = { title: '关于印发《学校安全工作规定》的通知', column: '政策文件/规范性文件', publishedDate: '2022/3/5', bodyHtml: '第一段\n\n第二段 <附件>' };

describe('values', () => {
  it('reads dates in the usual Chinese ways and refuses impossible ones', () => {
    expect(['2022-03-05', '2022/3/5', '2022.3.5', '2022年3月5日', '２０２２年３月５日', '2022-03-05 10:20:30', '2022/3/5 9:05'].map(parseImportDate))
      .toEqual(Array(7).fill('2022-03-05'));
    expect(['2022-02-30', '2022-3/5', '22-03-05', '2022年3月', '三月五日', ''].map(parseImportDate)).toEqual(Array(6).fill(null));
  });

  it('reads validity, info kinds and attachment lists', () => {
    expect(['', '有效', '现行有效', '已废止', '废止', 'expired', '作废'].map(parseValidity)).toEqual(['valid', 'valid', 'valid', 'repealed', 'repealed', 'expired', null]);
    expect(['政府文件', 'document', 'Normative', '文件', '政策解读', '其他', '新闻'].map(parseInfoKind)).toEqual(['document', 'document', 'normative', 'document', 'interpretation', 'other', null]);
    expect(splitPaths('附件/a.pdf; 附件/b.docx｜x|c.png；d.jpg')).toEqual(['附件/a.pdf', '附件/b.docx｜x', 'c.png', 'd.jpg']);
    expect(splitPaths([' a.pdf ', ''])).toEqual(['a.pdf']);
  });

  it('normalises relative paths and refuses absolute ones and ones that climb out', () => {
    expect(normalizeRelativePath('.\\附件\\2022\\a.pdf')).toEqual({ path: '附件/2022/a.pdf' });
    expect(normalizeRelativePath('附件//./a.pdf')).toEqual({ path: '附件/a.pdf' });
    expect(normalizeRelativePath('/etc/passwd')).toEqual({ error: '“/etc/passwd”是绝对路径，应写相对于ZIP包根目录（或导入文件所在文件夹）的路径' });
    expect(normalizeRelativePath('C:\\a.pdf')).toHaveProperty('error');
    expect(normalizeRelativePath('附件/../../a.pdf')).toEqual({ error: '“附件/../../a.pdf”含有“..”，附件须在ZIP包（或导入文件所在文件夹）之内' });
  });

  it('finds a column by unique name or by path; an ambiguous name asks for the path', () => {
    const find = columnFinder(COLUMNS);
    expect(find('规范性文件')).toEqual({ id: 2, kind: 'policy' });
    expect(find('政策文件 / 规范性文件')).toEqual({ id: 2, kind: 'policy' });
    expect(find('工作动态>通知公告')).toEqual({ id: 4, kind: 'notices' });
    expect(find('通知公告')).toEqual({ id: 5, kind: 'notices' });
    expect(columnFinder([...COLUMNS, { id: 6, parent_id: 1, name: '通知公告', kind: 'notices' }])('通知公告')).toEqual({ id: 5, kind: 'notices' });
    expect(columnFinder(COLUMNS.filter((c) => c.id !== 5))('通知公告')).toEqual({ id: 4, kind: 'notices' });
    expect(columnFinder([...COLUMNS.filter((c) => c.id !== 5), { id: 6, parent_id: 1, name: '通知公告', kind: 'notices' }])('通知公告'))
      .toEqual({ error: '本单位有2个栏目都叫“通知公告”，请写完整路径，如“工作动态/通知公告”或“政策文件/通知公告”' });
    expect(find('财政信息')).toEqual({ error: '本单位没有栏目“财政信息”（须是已建立的栏目，写名称或“上级栏目/栏目”路径）' });
  });
});

describe('checking a row', () => {
  it('a good row: defaults, a normalised document number, plain text as paragraphs', () => {
    const { row, errors } = checkRecord(record({ ...GOOD, documentNumber: '青教发[2022]012号', attachments: '附件/a.pdf' }), OPTIONS);
    expect(errors).toEqual([]);
    expect(row).toEqual({
      row: 2, label: '第2行', title: GOOD.title, columnId: 2, infoKind: 'document', subjectCategory: null, issuingAgency: '测试区教育局',
      documentNumber: '青教发〔2022〕12号', writtenDate: null, publishedDate: '2022-03-05', validity: 'valid', indexNumber: null,
      bodyHtml: '<p>第一段</p><p>第二段 &lt;附件&gt;</p>', attachments: ['附件/a.pdf'], sourceName: null, interpretsIndexNumber: null,
    });
  });

  it('HTML is sanitised; rule numbers (令第N号) are accepted as written', () => {
    const { row } = checkRecord(record({ ...GOOD, bodyHtml: '<p onclick="x()">正文<script>alert(1)</script></p>', documentNumber: '青川区人民政府令第3号', infoKind: '规章' }), OPTIONS);
    expect(row).toMatchObject({ bodyHtml: '<p>正文</p>', documentNumber: '青川区人民政府令第3号', infoKind: 'rule' });
  });

  it('lists every error of a row, each naming the row and the field', () => {
    const { row, errors } = checkRecord(record({
      title: 'x'.repeat(301), column: '财政信息', infoKind: '新闻', subjectCategory: '教育', documentNumber: '第12号',
      writtenDate: '2022-03-06', publishedDate: '2026-03-03', validity: '作废', indexNumber: 'A B', attachments: '../a.pdf',
    }, 7), OPTIONS);
    expect(row).toBeNull();
    expect(errors.map((e) => e.message)).toEqual([
      '第7行“标题”：不能超过300个字符（现有301个）',
      '第7行“栏目”：本单位没有栏目“财政信息”（须是已建立的栏目，写名称或“上级栏目/栏目”路径）',
      '第7行“信息类别”：“新闻”不是信息类别，应为动态信息、通知公告、机构概况、政府文件、行政规范性文件、规章、政策解读、重要会议、财政信息、规划计划、统计信息、人事信息、政府采购、行政许可、行政处罚、转载、其他之一',
      '第7行“主题分类”：“教育”不在国务院主题分类中',
      '第7行“文号”：“第12号”格式不正确，应形如“沾政办发〔2022〕12号”或“XX人民政府令第N号”',
      '第7行“发布日期”：2026-03-03晚于今天（2026-03-02）',
      '第7行“有效性”：“作废”应为“有效”“已废止”或“已失效”',
      '第7行“索引号”：“A B”中不应有空格',
      '第7行“附件”：“../a.pdf”含有“..”，附件须在ZIP包（或导入文件所在文件夹）之内',
    ]);
  });

  it('required fields, a written date after the published date, an empty item', () => {
    expect(checkRecord(record({ bodyHtml: '正文' }), OPTIONS).errors.map((e) => e.message)).toEqual([
      '第2行“标题”：请填写标题', '第2行“栏目”：请填写栏目', '第2行“发布日期”：请填写发布日期',
    ]);
    expect(checkRecord(record({ ...GOOD, writtenDate: '2022年3月6日', bodyHtml: ' ' }), OPTIONS).errors.map((e) => e.message)).toEqual([
      '第2行“成文日期”：成文日期2022-03-06晚于发布日期2022-03-05', '第2行“正文”：正文和附件不能都为空',
    ]);
  });
});

describe('the rows together', () => {
  const checked = (values: RawRecord['values'], row: number) => checkRecord(record({ ...GOOD, ...values }, row), OPTIONS).row!;

  it('repeated index numbers, and rows without one repeating title and date, are errors of the later row', () => {
    const rows = [
      checked({ indexNumber: 'GK000001/2022-00003' }, 2),
      checked({ indexNumber: 'GK000001/2022-00003', title: '另一条' }, 3),
      checked({}, 4),
      checked({ publishedDate: '2022-03-05 18:00' }, 5),
      checked({ publishedDate: '2022-03-06' }, 6),
    ];
    expect(duplicatesInFile(rows).map((e) => e.message)).toEqual([
      '第3行“索引号”：GK000001/2022-00003与第2行的索引号相同',
      '第5行：与第4行重复（标题和发布日期相同，都没有索引号）',
    ]);
  });

  it("the highest kept serial per year among the agency's own index numbers", () => {
    const rows = [
      checked({ indexNumber: 'GK000001/2022-00003' }, 2),
      checked({ indexNumber: 'GK000001/2022-00012' }, 3),
      checked({ indexNumber: 'GK000001/2021-00007' }, 4),
      checked({ indexNumber: 'OTHER/2022-00099' }, 5),
      checked({ indexNumber: '旧编号-15' }, 6),
    ];
    expect([...keptSerials(rows, 'GK000001')]).toEqual([[2022, 12], [2021, 7]]);
  });
});
