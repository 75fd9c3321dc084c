import { describe, expect, it } from 'vitest';
import { blockToken, facetTokens, ftsMatchExpression, indexTokens, itemTokens, kindOfQuery, MAX_QUERY_LENGTH, numberKey, parseQuery, segmenterLoadMs, tsQueryText } from './tokens.js';

describe('index tokens', () => {
  it('segments Chinese in search mode: a compound word and the words inside it', () => {
    expect(indexTokens('关于印发规范性文件管理办法的通知')).toEqual(['关于', '印发', '规范', '范性', '规范性', '文件', '管理', '办法', '通知']);
    expect(indexTokens('政府信息公开工作年度报告')).toEqual(['政府', '信息', '公开', '工作', '年度', '报告', '年度报告']);
  });

  it('normalises full-width characters and case, and leaves out punctuation and stop words', () => {
    // 和 and 与 alone are stop words; 和平 is a word of its own.
    expect(indexTokens('２０２６年ＡＢＣ，和平与发展！')).toEqual(['2026', '年', 'abc', '和平', '发展']);
    expect(indexTokens('')).toEqual([]);
  });

  it('loads the dictionary once and remembers how long it took', () => {
    indexTokens('加载');
    const first = segmenterLoadMs();
    expect(first).toBeGreaterThan(0);
    indexTokens('再次');
    expect(segmenterLoadMs()).toBe(first);
  });

  it('indexes document and index numbers segmented and as one whole token, and the info kind apart', () => {
    const tokens = itemTokens({
      title: '测试区校外培训机构管理办法', documentNumber: '测教规〔2026〕1号', indexNumber: 'GK000003/2026-00001',
      infoKindLabel: '行政规范性文件', issuingAgency: '测试区教育局', bodyText: '第一条 为规范校外培训机构管理。',
    });
    expect(tokens).toEqual({
      titleTokens: '测试 区 校外 培训 机构 管理 办法 测 教规 2026 1 号 测教规20261号 gk000003 2026 00001 gk000003202600001',
      tokens: '测试 区 校外 培训 机构 管理 办法 测 教规 2026 1 号 测教规20261号 gk000003 2026 00001 gk000003202600001 测试 区 教育 教育局 第一 一条 第一条 规范 校外 培训 机构 管理',
      kindTokens: 'kd行政 kd规范 kd范性 kd规范性 kd文件',
    });
  });

  it('gives every spelling of a document number the same key', () => {
    expect(numberKey('沾政办发〔2022〕12号')).toBe('沾政办发202212号');
    expect(numberKey(' 沾政办发（2022）012号 ')).toBe('沾政办发202212号');
    expect(numberKey('沾政办发[２０２２]12号')).toBe('沾政办发202212号');
    expect(numberKey('11530303MB1234567X/2022-00015')).toBe('11530303mb1234567x202200015');
    expect(numberKey('——')).toBeNull();
    expect(numberKey(null)).toBeNull();
  });
});

describe('queries', () => {
  it('segments a query in exact mode into distinct terms', () => {
    expect(parseQuery('规范性文件')).toEqual({ text: '规范性文件', terms: ['规范性', '文件'], key: '规范性文件', wholeKey: false, kind: 'normative' });
    expect(parseQuery('  教育局 招生 教育局 ').terms).toEqual(['教育局', '招生']);
    expect(parseQuery('规范性文件的管理').terms).toEqual(['规范性', '文件', '管理']);
  });

  it('searches a full document number also as its whole token', () => {
    const q = parseQuery('沾政办发〔2022〕12号');
    expect(q).toEqual({ text: '沾政办发〔2022〕12号', terms: ['沾', '政办发', '2022', '12', '号'], key: '沾政办发202212号', wholeKey: true, kind: null });
    expect(ftsMatchExpression(q, 'and')).toBe('{title_tokens tokens} : (("沾" AND "政办发" AND "2022" AND "12" AND "号") OR "沾政办发202212号")');
    expect(tsQueryText(q, 'or')).toBe("('沾' | '政办发' | '2022' | '12' | '号') | '沾政办发202212号'");
  });

  it('does not add the whole key for one term or a query without digits', () => {
    expect(parseQuery('2022').wholeKey).toBe(false);
    expect(ftsMatchExpression(parseQuery('安全生产 通知'), 'and')).toBe('{title_tokens tokens} : ("安全" AND "生产" AND "通知")');
    expect(tsQueryText(parseQuery('安全生产 通知'), 'or')).toBe("'安全' | '生产' | '通知'");
  });

  it('searches the label of the info kind too when the query names the kind', () => {
    expect(ftsMatchExpression(parseQuery('规范性文件'), 'and')).toBe('{title_tokens tokens kind_tokens} : (("规范性" OR "kd规范性") AND ("文件" OR "kd文件"))');
    expect(ftsMatchExpression(parseQuery('规范性文件'), 'or')).toBe('{title_tokens tokens kind_tokens} : (("规范性" OR "kd规范性") OR ("文件" OR "kd文件"))');
    expect(tsQueryText(parseQuery('规范性文件'), 'and')).toBe("('规范性' | 'kd规范性') & ('文件' | 'kd文件')");
  });

  it('turns filters into facet tokens that the query requires in their own column', () => {
    expect(facetTokens({ agencyId: 12, year: 2024, infoKind: 'normative', validity: 'repealed' })).toEqual(['ag12', 'yr2024', 'iknormative', 'varepealed']);
    expect(facetTokens({})).toEqual([]);
    // The recency block of an item (its id in blocks of 10,000), for the newest matches on PostgreSQL.
    expect([blockToken(1), blockToken(9_999), blockToken(10_000), blockToken(1_234_567)]).toEqual(['bk0', 'bk0', 'bk1', 'bk123']);
    const q = parseQuery('安全生产');
    expect(ftsMatchExpression(q, 'and', ['ag12', 'yr2024'])).toBe('{facets} : ("ag12" AND "yr2024") AND {title_tokens tokens} : ("安全" AND "生产")');
    expect(tsQueryText(q, 'and', ['ag12', 'yr2024'])).toBe("('安全' & '生产') & 'ag12' & 'yr2024'");
  });

  it('turns the syntax of FTS5 and tsquery into plain quoted terms', () => {
    const q = parseQuery('"规范性" OR 文件* NEAR(a b) ^c col:d');
    expect(ftsMatchExpression(q, 'and')).toBe('{title_tokens tokens} : ("规范性" AND "or" AND "文件" AND "near" AND "a" AND "b" AND "c" AND "col" AND "d")');
    expect(tsQueryText(parseQuery("it's a \\ test' & !x"), 'and')).toBe("'it' & 's' & 'a' & 'test' & 'x'");
    expect(parseQuery('" * OR( <script>').terms).toEqual(['or', 'script']);
  });

  it('recognises a query that names one info kind', () => {
    expect(kindOfQuery('规范性文件')).toBe('normative');
    expect(kindOfQuery('行政规范性文件')).toBe('normative');
    expect(kindOfQuery(' 政策解读 ')).toBe('interpretation');
    expect(kindOfQuery('规章')).toBe('rule');
    // Several labels contain these; one character names nothing.
    expect(kindOfQuery('文件')).toBeNull();
    expect(kindOfQuery('信息')).toBeNull();
    expect(kindOfQuery('规')).toBeNull();
    expect(kindOfQuery('规范性文件管理')).toBeNull();
  });

  it('finds nothing to search in punctuation alone, and reads at most 100 characters', () => {
    expect(parseQuery('“”《》？！ * ').terms).toEqual([]);
    expect(parseQuery('').text).toBe('');
    expect(parseQuery(null).terms).toEqual([]);
    expect(parseQuery(`${'a'.repeat(MAX_QUERY_LENGTH - 1)} 规范性文件`)).toEqual({ text: 'a'.repeat(99), terms: ['a'.repeat(99)], key: 'a'.repeat(99), wholeKey: false, kind: null });
    expect(parseQuery(`${'a'.repeat(MAX_QUERY_LENGTH - 2)} 规范性文件`).terms).toEqual(['a'.repeat(98), '规']);
  });
});
