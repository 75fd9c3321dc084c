/**
 * The fields of an item in an import file: the Chinese header of a CSV column and the English
 * key of a JSON object (each accepted in both), a few other headers old sites' exports use, and
 * what to write — shown on the import page and used to read the file.
 */

export type ImportFieldKey =
  | 'title'
  | 'column'
  | 'infoKind'
  | 'subjectCategory'
  | 'issuingAgency'
  | 'documentNumber'
  | 'writtenDate'
  | 'publishedDate'
  | 'validity'
  | 'indexNumber'
  | 'bodyHtml'
  | 'attachments'
  | 'sourceName'
  | 'interpretsIndexNumber';

export interface ImportField {
  key: ImportFieldKey;
  /** The CSV header (the template's). */
  header: string;
  /** Other headers accepted for the same field. */
  aliases: readonly string[];
  required: boolean;
  /** What to write, for the import page. */
  hint: string;
}

export const IMPORT_FIELDS: readonly ImportField[] = [
  { key: 'title', header: '标题', aliases: ['信息名称', '名称'], required: true, hint: '信息的标题，不超过300个字符。' },
  {
    key: 'column', header: '栏目', aliases: ['所属栏目', '栏目名称'], required: true,
    hint: '本单位已建立的栏目：写栏目名称，或用“/”分隔的路径（如“政策文件/规范性文件”）；名称重复时须写路径。',
  },
  {
    key: 'infoKind', header: '信息类别', aliases: ['信息类型'], required: false,
    hint: '如“政府文件”“行政规范性文件”“政策解读”“动态信息”，也可写英文键（document、normative…）。不填时按栏目类型确定。',
  },
  { key: 'subjectCategory', header: '主题分类', aliases: [], required: false, hint: '国务院主题分类，如“科技、教育”；可不填。' },
  { key: 'issuingAgency', header: '发布机构', aliases: ['发文机关', '发布单位'], required: false, hint: '不填时为导入单位的名称。' },
  {
    key: 'documentNumber', header: '文号', aliases: ['发文字号'], required: false,
    hint: '如“沾政办发〔2022〕12号”（其他括号、全角数字会自动更正），规章可写“XX人民政府令第N号”；可不填。',
  },
  { key: 'writtenDate', header: '成文日期', aliases: [], required: false, hint: '日期可写作2022-03-05、2022/3/5或2022年3月5日；可不填。' },
  { key: 'publishedDate', header: '发布日期', aliases: ['发布时间', '公开日期'], required: true, hint: '在原网站发布的日期，不能晚于今天；写法同成文日期，后面带时间的忽略时间。' },
  { key: 'validity', header: '有效性', aliases: [], required: false, hint: '有效、已废止或已失效；不填为有效。' },
  {
    key: 'indexNumber', header: '索引号', aliases: [], required: false,
    hint: '原网站的索引号，沿用不变（不能与已有信息重复）；不填时按本单位的索引号规则和发布日期的年份新编。',
  },
  { key: 'bodyHtml', header: '正文', aliases: ['内容', '正文内容'], required: false, hint: 'HTML（会清除脚本、样式等不安全的内容）或纯文本（每行一段）。正文和附件不能都为空。' },
  {
    key: 'attachments', header: '附件', aliases: ['附件路径'], required: false,
    hint: '附件文件在ZIP包中的路径（相对于ZIP包的根目录），多个用“;”或“|”分隔；每个不超过10 MB，支持PDF、DOC/DOCX、XLS/XLSX、OFD、WPS、图片。',
  },
  { key: 'sourceName', header: '来源', aliases: ['信息来源', '转载来源'], required: false, hint: '转载信息的来源；可不填。' },
  {
    key: 'interpretsIndexNumber', header: '所解读文件索引号', aliases: [], required: false,
    hint: '政策解读所解读文件的索引号（已有的信息，或同一文件中的另一行）；可不填。',
  },
];

/** Header text compared without spaces, width differences, case and a “（必填）” or “*” mark. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/\(必填\)$|\*$/, '').toLowerCase();
}

const BY_HEADER = new Map<string, ImportFieldKey>();
for (const f of IMPORT_FIELDS) {
  for (const name of [f.header, f.key, ...f.aliases]) BY_HEADER.set(headerKey(name), f.key);
}

/** The field a CSV header or JSON key names, or null for a column gongkai does not read. */
export function fieldOfHeader(text: string): ImportFieldKey | null {
  return BY_HEADER.get(headerKey(text)) ?? null;
}

export const FIELD_HEADERS: Readonly<Record<ImportFieldKey, string>> = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.header])) as Record<ImportFieldKey, string>;
