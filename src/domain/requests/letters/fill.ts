/**
 * Turning a letter template into the text of a letter, numbering letters, and checking the
 * wording an agency substitutes for a default template.
 */
import { isReplyKind, letterSeries, type LetterKind } from './kinds.js';
import { PLACEHOLDERS, isKnownPlaceholder } from './placeholders.js';
import { parseTemplate, placeholderNames, unconditionalParts, type TemplateNode } from './syntax.js';
import { REMEDY_TEXTS, defaultTemplate, type LetterTemplate } from './templates.js';

/** Values of placeholders; absent, null and blank all count as "not given". */
export type LetterValues = Readonly<Record<string, string | number | null | undefined>>;

export interface FilledLetter {
  title: string;
  /** Body paragraphs, in order; no blank ones. */
  paragraphs: string[];
  /** Placeholders the letter needed but had no value for, in order of first use, once each. */
  missing: string[];
  /** The template's citations that the filled letter actually contains (optional passages may drop some). */
  articles: string[];
}

/** "2025-01-24" (or an ISO timestamp, taken as written) → "2025年1月24日" (GB/T 9704: no leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  if (!m) throw new RangeError(`不是ISO格式的日期：${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The marker left where a value is missing, so that an unfinished letter cannot pass for a finished one. */
export function missingMarker(name: string): string {
  const label = isKnownPlaceholder(name) ? PLACEHOLDERS[name].label : name;
  return `【未填写：${label}】`;
}

function valueOf(values: LetterValues, name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined || raw === null) return undefined;
  const text = (typeof raw === 'number' ? formatNumber(raw) : raw).replace(/\r\n?/g, '\n');
  if (text.trim() === '') return undefined;
  if (isKnownPlaceholder(name) && PLACEHOLDERS[name].type === 'date' && /^\d{4}-\d{2}-\d{2}(?:$|T)/.test(text.trim())) {
    return chineseDate(text.trim());
  }
  return text.trim();
}

/** Amounts as the fee rules state them: whole yuan plain, otherwise two decimals. */
function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/**
 * Doubled punctuation where a value ends a sentence the template also ends ("…损害。" + "。").
 * These sequences never occur in correct Chinese text.
 */
function tidy(text: string): string {
  return text
    .replace(/[。；]([。，；])/g, '$1')
    .replace(/，。/g, '。');
}

/**
 * Fills a template. Every placeholder is replaced: by its value, or — when the value is missing —
 * by a visible 【未填写：…】 marker and an entry in `missing`; `{{…}}` never reaches the letter.
 * {{remedy}} without a value becomes the remedy paragraph of the template's kind
 * (REMEDY_TEXTS), whose own placeholders are filled from the same values. Values are inserted
 * as plain text (never read as template syntax); a line break in a value starts a paragraph.
 */
export function fillTemplate(template: LetterTemplate, values: LetterValues): FilledLetter {
  const missing: string[] = [];
  const noteMissing = (name: string) => {
    if (!missing.includes(name)) missing.push(name);
  };
  const remedyNodes = template.remedy ? parseTemplate(REMEDY_TEXTS[template.remedy]).nodes : undefined;

  const render = (nodes: readonly TemplateNode[]): string => {
    let out = '';
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out += node.text;
          break;
        case 'var': {
          const value = valueOf(values, node.name);
          if (value !== undefined) out += value;
          else if (node.name === 'remedy' && remedyNodes) out += `\n${render(remedyNodes)}\n`;
          else {
            noteMissing(node.name);
            out += missingMarker(node.name);
          }
          break;
        }
        case 'section':
          if (valueOf(values, node.name) !== undefined) out += render(node.children);
          break;
        case 'malformed': {
          const name = node.raw.replace(/^\{\{|\}\}$/g, '').trim() || '占位符格式错误';
          noteMissing(name);
          out += missingMarker(name);
          break;
        }
      }
    }
    return out;
  };

  const paragraphs = render(parseTemplate(template.body).nodes)
    .split('\n')
    .map((line) => tidy(line.trim()))
    .filter((line) => line !== '');
  const title = tidy(render(parseTemplate(template.title).nodes).replace(/\s*\n\s*/g, ''));
  const text = paragraphs.join('\n');
  return { title, paragraphs, missing, articles: template.articles.filter((a) => text.includes(a)) };
}

/**
 * The number of a letter (文书编号): agency short code + series + 〔year〕 + serial + 号, e.g.
 * 青发改依复〔2025〕3号 — as GB/T 9704 writes 发文字号: 六角括号 around the full year, the serial
 * without leading zeros. The series (kinds.ts, letterSeries) separates replies (依复), other
 * 告知 (依告), 补正, 延期, 征询 and 收费; each series is numbered from 1 every year per agency.
 */
export function letterNumber(agencyShortCode: string, year: number, serial: number, kind: LetterKind): string {
  const code = agencyShortCode.trim();
  if (code === '' || /[\s〔〕[\]]/.test(code) || code.length > 20) {
    throw new RangeError(`机关代字应为1～20个字且不含空格和括号：“${agencyShortCode}”`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`年份应为四位数：${year}`);
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`序号应为正整数：${serial}`);
  return `${code}${letterSeries(kind)}〔${year}〕${serial}号`;
}

/** Longest body an agency may save (characters). */
export const MAX_TEMPLATE_LENGTH = 20_000;

export type TemplateProblemCode =
  | 'empty'
  | 'tooLong'
  | 'malformedTag'
  | 'unclosedSection'
  | 'unexpectedClose'
  | 'unknownPlaceholder'
  | 'missingRequired'
  | 'requiredInsideSection'
  | 'missingCitation';

export interface TemplateProblem {
  code: TemplateProblemCode;
  /** In Chinese, for the person editing the wording. */
  message: string;
  placeholder?: string;
  article?: string;
  tag?: string;
}

/**
 * Placeholders a letter of this kind must always state: those its default wording uses outside
 * every optional passage (the facts, the dates, and for a reply the remedies).
 */
export function requiredPlaceholders(kind: LetterKind): string[] {
  const names = unconditionalParts(parseTemplate(defaultTemplate(kind).body).nodes).names;
  return isReplyKind(kind) && !names.includes('remedy') ? [...names, 'remedy'] : names;
}

/** Citations a letter of this kind must always carry: those its default wording makes outside optional passages. */
export function requiredCitations(kind: LetterKind): string[] {
  const template = defaultTemplate(kind);
  const { text } = unconditionalParts(parseTemplate(template.body).nodes);
  return template.articles.filter((a) => text.includes(a));
}

/**
 * Problems with wording an agency wants to use instead of the default template of `kind`; an
 * empty list means it may be saved. Checks: length (≤ 20,000 characters), tag syntax, that every
 * placeholder is known, that the required placeholders and citations are still there and not
 * only inside an optional passage (where they could silently vanish).
 */
export function validateTemplateOverride(body: string, kind: LetterKind): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (body.trim() === '') return [{ code: 'empty', message: '文书正文不能为空。' }];
  if (body.length > MAX_TEMPLATE_LENGTH) {
    problems.push({ code: 'tooLong', message: `文书正文共${body.length}字，超过${MAX_TEMPLATE_LENGTH}字的上限。` });
  }

  const parsed = parseTemplate(body);
  for (const p of parsed.problems) {
    const message =
      p.code === 'malformedTag'
        ? `“${p.tag}”不是有效的占位符，占位符应写作{{英文名称}}。`
        : p.code === 'unclosedSection'
          ? `可选段落“${p.tag}”没有对应的结束标记。`
          : `结束标记“${p.tag}”没有对应的开始标记。`;
    problems.push({ code: p.code, message, tag: p.tag });
  }

  for (const name of placeholderNames(parsed.nodes)) {
    if (!isKnownPlaceholder(name)) {
      problems.push({ code: 'unknownPlaceholder', message: `未知的占位符{{${name}}}。`, placeholder: name });
    }
  }

  const top = unconditionalParts(parsed.nodes);
  const anywhere = placeholderNames(parsed.nodes);
  for (const name of requiredPlaceholders(kind)) {
    if (top.names.includes(name)) continue;
    const label = isKnownPlaceholder(name) ? PLACEHOLDERS[name].label : name;
    problems.push(
      anywhere.includes(name)
        ? {
            code: 'requiredInsideSection',
            message: `必填占位符{{${name}}}（${label}）只出现在可选段落中，可能不会出现在文书里。`,
            placeholder: name,
          }
        : { code: 'missingRequired', message: `缺少必填占位符{{${name}}}（${label}）。`, placeholder: name },
    );
  }

  for (const article of requiredCitations(kind)) {
    if (!top.text.includes(article)) {
      problems.push({
        code: 'missingCitation',
        message: `文书必须引用${article}（依据），且不能只写在可选段落中。`,
        article,
      });
    }
  }
  return problems;
}
