import { describe, expect, it } from 'vitest';
import { fieldOfHeader } from './fields.js';
import { ImportFileError, recordsFromJson, recordsFromSheet } from './records.js';

describe('reading the file', () => {
  it('maps Chinese headers, English keys and other spellings to fields; ignores other columns', () => {
    expect(['标题', 'title', 'Title', ' 发布时间 ', '发文字号', '发布日期（必填）', '栏目*', '点击量'].map(fieldOfHeader))
      .toEqual(['title', 'title', 'title', 'publishedDate', 'documentNumber', 'publishedDate', 'column', null]);
  });

  it('reads CSV rows after the header, numbered as a spreadsheet shows them, skipping empty and example rows', () => {
    const records = recordsFromSheet([
      [],
      ['标题', '点击量', '栏目', '发布日期'],
      ['【示例】本行导入时跳过', '', '政策文件', '2022-01-01'],
      ['甲', '12', '政策文件', '2022-01-02'],
      ['', '', '', ''],
      ['乙', '', '工作动态', '2022-01-03'],
    ]);
    expect(records).toEqual([
      { row: 4, label: '第4行', values: { title: '甲', column: '政策文件', publishedDate: '2022-01-02' }, errors: [] },
      { row: 6, label: '第6行', values: { title: '乙', column: '工作动态', publishedDate: '2022-01-03' }, errors: [] },
    ]);
  });

  it('refuses a CSV without a required column, with a column twice, or without data', () => {
    expect(() => recordsFromSheet([['标题', '发布日期'], ['甲', '2022-01-01']])).toThrow('第1行（列名）缺少必填的列：“栏目”');
    expect(() => recordsFromSheet([['标题', '栏目', '发布日期', '发布时间']])).toThrow('列名“发布时间”与“发布日期”是同一项（发布日期），只能有一列');
    expect(() => recordsFromSheet([['标题', '栏目', '发布日期'], []])).toThrow(ImportFileError);
  });

  it('reads a JSON array (or { items }), with numbers as text and attachments as an array; wrong types are row errors', () => {
    const records = recordsFromJson(JSON.stringify({ items: [
      { title: '甲', 栏目: '政策文件', publishedDate: '2022-01-02', attachments: ['a.pdf', 'b.docx'], clicks: 5 },
      { title: 2022, column: '工作动态', publishedDate: '2022-01-03', bodyHtml: { p: 1 } },
      'x',
    ] }));
    expect(records.map((r) => [r.label, r.values, r.errors.map((e) => e.message)])).toEqual([
      ['第1条', { title: '甲', column: '政策文件', publishedDate: '2022-01-02', attachments: ['a.pdf', 'b.docx'] }, []],
      ['第2条', { title: '2022', column: '工作动态', publishedDate: '2022-01-03' }, ['第2条“正文”：应为文字']],
      ['第3条', {}, ['第3条：应为一个对象（{"title": …}）']],
    ]);
    expect(() => recordsFromJson('{"title": 1')).toThrow(/^JSON格式有误/);
    expect(() => recordsFromJson('{"title": 1}')).toThrow('JSON文件应为一个数组');
  });
});
