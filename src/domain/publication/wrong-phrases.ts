/**
 * 严重表述错误: wordings a government site must never publish, each with its one correct form.
 * The office keeps its own list in the database; DEFAULT_WRONG_PHRASES only seeds it. The seed
 * holds only entries whose correction is unambiguous: the naming rules for Taiwan, Hong Kong
 * and Macao of 《新华社新闻报道中的禁用词》 and typos of fixed policy terms that are wrong in
 * every context.
 */

export interface WrongPhrase {
  wrong: string;
  correct: string;
}

export interface WrongPhraseMatch {
  wrong: string;
  correct: string;
  /** Index of the wrong wording in the text (UTF-16 code units). */
  index: number;
  /** About 20 characters around it. */
  excerpt: string;
}

/** The seed of the office's list. */
export const DEFAULT_WRONG_PHRASES: readonly WrongPhrase[] = [
  { wrong: '台湾总统', correct: '台湾地区领导人' },
  { wrong: '台湾政府', correct: '台湾当局' },
  { wrong: '台湾行政院', correct: '台湾地区行政管理机构' },
  { wrong: '台湾立法院', correct: '台湾地区立法机构' },
  { wrong: '香港政府', correct: '香港特区政府' },
  { wrong: '澳门政府', correct: '澳门特区政府' },
  { wrong: '一带一路战略', correct: '一带一路倡议' },
  { wrong: '“一带一路”战略', correct: '“一带一路”倡议' },
  { wrong: '习近平新时代中国特色社会主意思想', correct: '习近平新时代中国特色社会主义思想' },
  { wrong: '社会主意', correct: '社会主义' },
  { wrong: '不忘出心', correct: '不忘初心' },
  { wrong: '一国两治', correct: '一国两制' },
  { wrong: '全面从严制党', correct: '全面从严治党' },
  { wrong: '生态文名', correct: '生态文明' },
  { wrong: '乡村振新', correct: '乡村振兴' },
];

const EXCERPT_SIDE = 10;

/** All start indexes of `needle` in `text`, overlapping ones included. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - EXCERPT_SIDE);
  const end = Math.min(text.length, index + length + EXCERPT_SIDE);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

/**
 * Every occurrence of a wrong wording in `text`, in order of position. An occurrence that lies
 * inside an occurrence of its own correct form is not wrong (when the correct form contains the
 * wrong one), and one that lies inside a longer reported wrong wording is reported only once,
 * as the longer one (社会主意 inside …社会主意思想).
 */
export function findWrongPhrases(text: string, phrases: ReadonlyArray<WrongPhrase>): WrongPhraseMatch[] {
  const candidates: Array<{ phrase: WrongPhrase; index: number }> = [];
  for (const phrase of phrases) {
    const wrong = phrase.wrong.trim();
    if (wrong === '') continue;
    const correct = phrase.correct.trim();
    const rightSpans = correct !== '' && correct.includes(wrong)
      ? occurrences(text, correct).map((at) => [at, at + correct.length] as const)
      : [];
    for (const index of occurrences(text, wrong)) {
      if (rightSpans.some(([from, to]) => index >= from && index + wrong.length <= to)) continue;
      candidates.push({ phrase: { wrong, correct }, index });
    }
  }
  // Longest first, so a shorter wording inside an accepted longer one can be recognised.
  candidates.sort((a, b) => b.phrase.wrong.length - a.phrase.wrong.length || a.index - b.index);
  const accepted: Array<{ phrase: WrongPhrase; index: number }> = [];
  for (const c of candidates) {
    const end = c.index + c.phrase.wrong.length;
    // Also drops a duplicate entry of the list (same wording at the same place).
    if (!accepted.some((a) => c.index >= a.index && end <= a.index + a.phrase.wrong.length)) accepted.push(c);
  }
  return accepted
    .sort((a, b) => a.index - b.index || b.phrase.wrong.length - a.phrase.wrong.length)
    .map(({ phrase, index }) => ({
      wrong: phrase.wrong,
      correct: phrase.correct,
      index,
      excerpt: excerpt(text, index, phrase.wrong.length),
    }));
}
