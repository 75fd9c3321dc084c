import { describe, expect, it } from 'vitest';
import { domainOfTitle, parseCatalogueSheet, type SheetCell } from './sheet.js';

const CHANNEL_HEADERS = ['政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电视', '纸质媒体', '公开查阅点', '政务服务中心', '便民服务站', '入户/现场', '社区/企事业单位/村公示栏', '精准推送', '其他'];
const TITLE = '义务教育领域基层政务公开标准目录';
/** The two header rows as a reader gives them: a merged range's value in each of its cells. */
const HEADER_1 = ['序号', '公开事项', '公开事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', ...CHANNEL_HEADERS.map(() => '公开渠道和载体'), '公开对象', '公开对象', '公开方式', '公开方式', '公开层级', '公开层级'];
const HEADER_2 = ['序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', ...CHANNEL_HEADERS, '全社会', '特定群众', '主动', '依申请', '县级', '乡级'];
const WIDTH = HEADER_1.length;

/** A data row: the text columns, the channels marked, then the six attribute marks. */
function row(texts: string[], channels: Record<string, SheetCell>, flags: SheetCell[]): SheetCell[] {
  return [...texts, ...CHANNEL_HEADERS.map((h) => channels[h] ?? null), ...flags];
}
const sheet = (...data: SheetCell[][]) => [Array(WIDTH).fill(TITLE), HEADER_1, HEADER_2, ...data];

describe('reading a standard catalogue table', () => {
  it('reads every matter, its channels and its √ attributes; merged 一级事项 repeats on each row', () => {
    const result = parseCatalogueSheet(sheet(
      row(['1', '政策文件', '法律法规及规范性文件', '义务教育相关法律、法规、规章及规范性文件', '《中华人民共和国政府信息公开条例》', '信息形成或变更之日起20个工作日内', '县级教育行政部门'],
        { 政府网站: '√', 政府公报: '✓', 公开查阅点: '√' }, ['√', null, '√', null, '√', null]),
      row(['2', '招生入学', '招生政策', '区域内义务教育招生入学政策', '《中华人民共和国义务教育法》', '信息形成或变更之日起20个工作日内', '县级教育行政部门'],
        { 政府网站: '√', 两微一端: '√', '社区/企事业单位/村公示栏': '√', 精准推送: '√', 其他: '家长群' }, ['√', null, '√', null, '√', '√']),
      row(['3', '招生入学', '划片范围', '学校划片范围', '', '招生工作开始前', '县级教育行政部门'], { 政府网站: '√' }, ['√', '', '√', '', '√', '√']),
      Array(WIDTH).fill(null),
      row(['4', '学生资助', '受助学生名单', '受助学生名单（不含身份证号等敏感信息）', '', '评审结果确定后5个工作日内', '学校'], { '社区/企事业单位/村公示栏': '√' }, [null, '√', '√', null, null, '√']),
      row(['5', '学籍管理', '学籍信息', '本人学籍信息', '', '收到申请之日起20个工作日内', '县级教育行政部门'], {}, [null, '√', null, '√', '√', null]),
    ));
    expect(result.errors).toEqual([]);
    expect(result.title).toBe(TITLE);
    expect(result.domain).toBe('义务教育');
    expect(result.dataRows).toBe(5);
    expect(result.matters.map((m) => [m.row, m.firstLevel, m.secondLevel])).toEqual([
      [4, '政策文件', '法律法规及规范性文件'], [5, '招生入学', '招生政策'], [6, '招生入学', '划片范围'], [8, '学生资助', '受助学生名单'], [9, '学籍管理', '学籍信息'],
    ]);
    const [first, second, third, fourth, fifth] = result.matters;
    expect(first).toMatchObject({
      content: '义务教育相关法律、法规、规章及规范性文件', legalBasis: '《中华人民共和国政府信息公开条例》', timeLimit: '信息形成或变更之日起20个工作日内',
      responsibleBody: '县级教育行政部门', channels: ['website', 'gazette', 'readingPoint'], otherChannel: null,
      flags: { audiencePublic: true, audienceSpecific: false, mannerProactive: true, mannerOnRequest: false, levelCounty: true, levelTownship: false },
    });
    expect(second!.channels).toEqual(['website', 'newMedia', 'noticeBoard', 'push', 'other']);
    expect(second!.otherChannel).toBe('家长群');
    expect(second!.flags.levelTownship).toBe(true);
    expect(third!.legalBasis).toBeNull();
    expect(fourth!.flags).toMatchObject({ audiencePublic: false, audienceSpecific: true, levelCounty: false, levelTownship: true });
    expect(fifth!.flags).toMatchObject({ mannerProactive: false, mannerOnRequest: true });
  });

  it('lists every error with its row and changes nothing it cannot read', () => {
    const result = parseCatalogueSheet(sheet(
      row(['1', '', '招生政策', '招生入学政策', '', '', ''], { 政府网站: '√' }, ['√', null, '√', null, '√', null]),
      row(['2', '招生入学', '划片范围', '', '', '', ''], { 政府网站: '是的' }, ['√', null, 'x√', null, '√', null]),
      row(['3', '招生入学', '招生计划', '招生计划', '', '', ''], {}, ['√', null, '√', null, '√', null]),
      row(['4', '招生入学', '招生计划', '招生计划（重复）', '', '', ''], {}, ['√', null, '√', null, '√', null]),
    ));
    expect(result.errors.map((e) => e.message)).toEqual([
      '第4行 一级事项：未填写（二级事项所属的一级事项）',
      '第5行 “政府网站”列：无法识别“是的”，适用的渠道请填“√”，不适用的留空',
      '第5行 “主动”列：无法识别“x√”，适用的请填“√”，不适用的留空',
      '第5行 公开内容（要素）：未填写',
      '第7行 与第6行的公开事项相同（招生入学 / 招生计划），同一事项只能出现一次',
    ]);
    expect(result.matters.map((m) => m.row)).toEqual([6]);
  });

  it('skips notes, a header repeated on the next page, and refuses a sheet without the header', () => {
    const result = parseCatalogueSheet([
      ['附件1'], HEADER_1, HEADER_2,
      row(['1', '政策文件', '规范性文件', '规范性文件', '', '20个工作日', ''], { 政府网站: '√' }, ['√', null, '√', null, '√', null]),
      HEADER_2,
      Array(WIDTH).fill('注：“√”表示适用'),
      ['说明：本目录由县级教育行政部门维护'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.matters).toHaveLength(1);
    expect(result.domain).toBeNull();
    expect(parseCatalogueSheet([['姓名', '电话'], ['张三', '123']]).errors.map((e) => e.message)).toEqual([
      '在前10行中找不到表头：标准目录应有“公开事项”“公开内容（要素）”“公开时限”“公开主体”等列（可下载导入模板对照）',
    ]);
    expect(parseCatalogueSheet([HEADER_1, HEADER_2]).errors.map((e) => e.message)).toEqual(['表头下面没有公开事项']);
  });

  it('reads tables that write the attributes in words and the channels in one column', () => {
    const result = parseCatalogueSheet([
      ['序号', '公开事项', '公开事项', '公开内容', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级', '备注'],
      ['1', '救助政策', '最低生活保障', '低保政策、标准', '20个工作日内', '县级民政部门', '政府网站、村务公开栏、微信群', '全社会', '主动', '县级、乡级', '无'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.matters[0]).toMatchObject({
      firstLevel: '救助政策', secondLevel: '最低生活保障', channels: ['website', 'noticeBoard', 'other'], otherChannel: '微信群',
      flags: { audiencePublic: true, audienceSpecific: false, mannerProactive: true, mannerOnRequest: false, levelCounty: true, levelTownship: true },
    });
  });

  it('finds the 领域 in a title', () => {
    expect(domainOfTitle('附件3：国有土地上房屋征收领域基层政务公开标准目录')).toBe('国有土地上房屋征收');
    expect(domainOfTitle('青川区标准目录')).toBeNull();
    expect(domainOfTitle('××领域基层政务公开标准目录')).toBeNull();
  });
});
