/**
 * The vocabulary of the standard disclosure catalogue (基层政务公开标准目录): the channels and
 * carriers (公开渠道和载体), audiences (公开对象), manners (公开方式) and levels (公开层级) that the
 * State Council's 26 领域 guideline tables mark with √, and the spellings their headers use.
 */

/** 公开渠道和载体, in the order of the guideline tables: key → label and header spellings. */
export const CHANNELS = {
  website: { label: '政府网站', aliases: ['政府网站', '门户网站', '网站', '政府门户网站'] },
  gazette: { label: '政府公报', aliases: ['政府公报', '公报'] },
  newMedia: { label: '两微一端', aliases: ['两微一端', '政务新媒体', '新媒体', '政务微博微信客户端', '微博微信客户端'] },
  pressConference: { label: '发布会/听证会', aliases: ['发布会/听证会', '新闻发布会/听证会', '发布会', '新闻发布会', '听证会'] },
  broadcast: { label: '广播电视', aliases: ['广播电视', '广播', '电视'] },
  print: { label: '纸质媒体', aliases: ['纸质媒体', '报刊', '报纸', '纸媒'] },
  readingPoint: { label: '公开查阅点', aliases: ['公开查阅点', '政府信息公开查阅点', '查阅点', '查阅场所'] },
  serviceCenter: { label: '政务服务中心', aliases: ['政务服务中心', '政务服务大厅', '政务大厅'] },
  serviceStation: { label: '便民服务站', aliases: ['便民服务站', '便民服务点', '便民服务中心'] },
  door: { label: '入户/现场', aliases: ['入户/现场', '入户', '现场'] },
  noticeBoard: { label: '社区/企事业单位/村公示栏', aliases: ['社区/企事业单位/村公示栏', '社区/企事业单位/村公示栏（电子屏）', '公示栏', '村务公开栏', '公开栏', '电子屏'] },
  push: { label: '精准推送', aliases: ['精准推送'] },
  other: { label: '其他', aliases: ['其他', '其它'] },
} as const satisfies Record<string, { label: string; aliases: readonly string[] }>;

export type ChannelKey = keyof typeof CHANNELS;

/** The channel keys in the tables' order, as a non-empty tuple (for z.enum). */
export const CHANNEL_KEYS = Object.keys(CHANNELS) as [ChannelKey, ...ChannelKey[]];

export function isChannelKey(value: string): value is ChannelKey {
  return Object.prototype.hasOwnProperty.call(CHANNELS, value);
}

/** 公开对象, 公开方式, 公开层级: each a pair of √ columns; a matter may have both marked. */
export const FLAG_LABELS = {
  audiencePublic: '全社会',
  audienceSpecific: '特定群众',
  mannerProactive: '主动',
  mannerOnRequest: '依申请',
  levelCounty: '县级',
  levelTownship: '乡级',
} as const;

export type FlagKey = keyof typeof FLAG_LABELS;
export const FLAG_KEYS = Object.keys(FLAG_LABELS) as FlagKey[];

/** The attributes of a matter the tables mark with √. */
export type MatterFlags = Record<FlagKey, boolean>;

/** A header or label as compared: NFKC, no white space, one kind of slash and bracket. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[、／\\|]/g, '/')
    .replace(/[【［〔]/g, '(')
    .replace(/[】］〕]/g, ')');
}

/** The channel a sub-column header names; null when it names none of the known channels. */
export function channelOfHeader(header: string): ChannelKey | null {
  const h = normalizeLabel(header);
  if (!h) return null;
  for (const key of CHANNEL_KEYS) if (CHANNELS[key].aliases.some((a) => normalizeLabel(a) === h)) return key;
  // A longer spelling that contains a known one, e.g. “政府网站（专栏）”: the longest alias wins.
  let best: { key: ChannelKey; length: number } | null = null;
  for (const key of CHANNEL_KEYS) {
    for (const alias of CHANNELS[key].aliases) {
      const a = normalizeLabel(alias);
      if (a.length >= 2 && h.includes(a) && (!best || a.length > best.length)) best = { key, length: a.length };
    }
  }
  return best?.key ?? null;
}

/** The label of a matter's channels, in the tables' order, with the text of 其他. */
export function channelLabels(channels: readonly ChannelKey[], other: string | null): string[] {
  return CHANNEL_KEYS.filter((k) => channels.includes(k)).map((k) => (k === 'other' && other ? `其他（${other}）` : CHANNELS[k].label));
}
