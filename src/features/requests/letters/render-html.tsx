/**
 * A reply letter or notice as HTML: the LetterDocument component for pages of the web app and
 * the requester's portal, and renderLetterHtml, a standalone print-ready document. Text goes
 * through Preact, which escapes it. The component carries classes only — no style attributes —
 * because pages that embed it are served under a CSP without 'unsafe-inline' styles; its rules
 * are LETTER_CSS, which a page includes in its own stylesheet.
 */
import { render } from 'preact-render-to-string';
import { isAttachmentLine, letterDate, noteLine, recipientLine, titleLines, type LetterForRender } from './letter.js';

export type { LetterForRender } from './letter.js';

const BODY_FONTS = '"FangSong_GB2312","仿宋_GB2312","FangSong","STFangsong","Noto Serif CJK SC",serif';
const TITLE_FONTS = '"方正小标宋简体","FZXiaoBiaoSong-B05S","SimSun","Songti SC","Noto Serif CJK SC",serif';

/** Page-level rules of the standalone document only: A4 with the margins of GB/T 9704. */
const STANDALONE_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media screen { body { margin: 2em 1em; background: #f4f4f4; } .gk-letter { background: #fff; padding: 2em; } }
`;

/** Rules scoped to .gk-letter: safe to include in any page that embeds LetterDocument. */
export const LETTER_CSS = `
.gk-letter { font-family: ${BODY_FONTS}; font-size: 16pt; line-height: 28pt; color: #000;
  max-width: 156mm; margin: 0 auto; }
.gk-letter .gk-letter-title { font-family: ${TITLE_FONTS}; font-size: 22pt; font-weight: normal; line-height: 38pt;
  text-align: center; margin: 0 0 14pt; }
.gk-letter .gk-letter-title span { display: block; }
.gk-letter .gk-letter-number { text-align: center; margin: 0 0 28pt; }
.gk-letter p { margin: 0; }
.gk-letter .gk-letter-recipient { text-indent: 0; }
.gk-letter .gk-letter-body p { text-indent: 2em; text-align: justify; }
.gk-letter .gk-letter-body .gk-letter-attachments { margin-top: 28pt; }
.gk-letter .gk-letter-signature { text-align: right; margin-top: 84pt; padding-right: 4em; break-inside: avoid; page-break-inside: avoid; }
.gk-letter .gk-letter-signature-block { display: inline-block; text-align: center; }
.gk-letter .gk-letter-note { padding-left: 2em; }
@media print { .gk-letter { max-width: none; padding: 0; } }
`;

export interface LetterDocumentProps {
  letter: LetterForRender;
}

/** The letter from title to 附注, styled by LETTER_CSS. */
export function LetterDocument({ letter }: LetterDocumentProps) {
  return (
    <article class="gk-letter" lang="zh-CN">
      <header>
        <h1 class="gk-letter-title">
          {titleLines(letter.title).map((line) => (
            <span>{line}</span>
          ))}
        </h1>
        <p class="gk-letter-number">{letter.number}</p>
      </header>
      <p class="gk-letter-recipient">{recipientLine(letter.recipient)}</p>
      <div class="gk-letter-body">
        {letter.paragraphs.map((text) => (
          <p class={isAttachmentLine(text) ? 'gk-letter-attachments' : undefined}>{text}</p>
        ))}
      </div>
      <footer class="gk-letter-signature">
        <div class="gk-letter-signature-block">
          <p class="gk-letter-agency">{letter.agencyName}</p>
          <p class="gk-letter-date">{letterDate(letter.date)}</p>
        </div>
      </footer>
      {letter.sealNote && <p class="gk-letter-note">{noteLine(letter.sealNote)}</p>}
    </article>
  );
}

/** A complete standalone HTML document of the letter: no scripts, no external resources. */
export function renderLetterHtml(letter: LetterForRender): string {
  const page = (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{titleLines(letter.title).join('')}</title>
        <style dangerouslySetInnerHTML={{ __html: STANDALONE_CSS + LETTER_CSS }} />
      </head>
      <body>
        <LetterDocument letter={letter} />
      </body>
    </html>
  );
  return `<!doctype html>\n${render(page)}\n`;
}
