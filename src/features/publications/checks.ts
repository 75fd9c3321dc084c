/**
 * The automatic checks of an item as the reviewers see them: the domain's checkItem fed with the
 * item's attachments' text, the state of its internal links, the wrong-phrase list and the
 * working-day calendar. Computed whenever shown (never stored for the working copy); a review
 * decision stores the findings its reviewer saw.
 */
import { today, type AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import type { PublicationItem } from '../../db/schema.js';
import { checkItem, type PublicationFinding } from '../../domain/publication/checks.js';
import { DEFAULT_WRONG_PHRASES } from '../../domain/publication/wrong-phrases.js';
import { loadCalendar } from '../calendar/service.js';
import { findColumn, findItem, interpretationsOf, listAttachments, listWrongPhraseRows } from './repository.js';

/** The office's list, or the built-in one until the office has entered its own. */
export async function effectiveWrongPhrases(db: Executor): Promise<Array<{ wrong: string; correct: string }>> {
  const rows = await listWrongPhraseRows(db);
  return rows.length > 0 ? rows.map((r) => ({ wrong: r.wrong, correct: r.correct })) : [...DEFAULT_WRONG_PHRASES];
}

/** Links of the body that point into this portal (relative, or /items/…, /columns/…). */
export function internalLinks(bodyHtml: string): string[] {
  const hrefs = [...bodyHtml.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  return hrefs.filter((h) => h.startsWith('/') && !h.startsWith('//'));
}

/** Whether an internal link leads to something the public can open. */
async function linkWorks(db: Executor, href: string): Promise<boolean> {
  const path = href.split(/[?#]/)[0]!;
  const item = /^\/items\/(\d{1,10})(?:\/attachments\/(\d{1,10}))?\/?$/.exec(path);
  if (item) {
    const target = await findItem(db, Number(item[1]));
    return !!target && target.live_version > 0 && !target.withdrawn_at;
  }
  const column = /^\/columns\/(\d{1,10})\/?$/.exec(path);
  if (column) return !!(await findColumn(db, Number(column[1])));
  // Other portal pages are the fixed sections; a path outside them is dead.
  return /^\/(?:$|guide|rules|catalogue|annual-reports|requests\/(?:new|track|log)|search|static\/)/.test(path);
}

export async function itemFindings(ctx: AppContext, item: PublicationItem): Promise<PublicationFinding[]> {
  const db = ctx.database.db;
  const attachments = await listAttachments(db, item.id, true);
  const links = [];
  for (const href of [...new Set(internalLinks(item.body_html))]) links.push({ href, ok: await linkWorks(db, href) });
  const interpretations = item.info_kind === 'normative' || item.info_kind === 'rule' ? (await interpretationsOf(db, item.id)).length : undefined;
  const plannedDate = item.published_date ?? (item.scheduled_for ? item.scheduled_for.slice(0, 10) : null);
  return checkItem(
    {
      title: item.title,
      bodyHtml: item.body_html,
      infoKind: item.info_kind,
      documentNumber: item.document_number,
      writtenDate: item.written_date,
      publishedDate: item.live_version > 0 ? null : plannedDate,
      madeOn: item.made_on,
      subjectCategory: item.subject_category,
      sourceName: item.source_name,
      attachments: attachments.map((a) => ({ fileName: a.file_name, text: a.text })),
      links,
      ...(interpretations !== undefined ? { interpretationCount: interpretations } : {}),
    },
    { today: today(ctx), calendar: await loadCalendar(ctx), wrongPhrases: await effectiveWrongPhrases(db) },
  );
}

export const blocking = (findings: readonly PublicationFinding[]) => findings.filter((f) => f.severity === 'block');
