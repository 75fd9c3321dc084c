/**
 * Report section 二 from the records of 政府信息管理: 第（一）项 from the register of rules and
 * normative documents, 第（五）（六）项 from the yearly figures entered or else the imported
 * decisions, 第（八）项 from the fees entered. A cell the agency has no record of stays null
 * (blank), never 0: a blank is reported as blank, and a person decides.
 */
import type { Executor } from '../../db/database.js';
import type { Section2_2021 } from '../../domain/report/format.js';
import { DECISION_KINDS } from '../../domain/registry/decisions.js';
import { documentFiguresForYear } from '../../domain/registry/documents.js';
import { decisionCountsForYear } from './import/repository.js';
import { documentDatesOf, listFigures } from './repository.js';

/** Where a figure of section 二 came from. */
export type Section2Origin = 'register' | 'enteredFigure' | 'importedDecisions';

export const SECTION2_ORIGIN_LABELS: Record<Section2Origin, string> = {
  register: '规章和行政规范性文件登记',
  enteredFigure: '填报的年度数字',
  importedDecisions: '导入的决定清单',
};

export interface Section2Figures {
  section2: Section2_2021;
  /** Cell path (section2.rules.issued, …) → where its value came from; only for non-null cells. */
  origins: Record<string, Section2Origin>;
  /** Imported decisions dated in the year, per kind (also where an entered figure takes precedence). */
  importedDecisions: Record<(typeof DECISION_KINDS)[number], number>;
}

/**
 * Section 二 of an agency's report for a year, from its records:
 * - rules / normativeDocs: null when the agency has no register entry at all; otherwise both
 *   items from the register (an agency that keeps the register records all its documents, so a
 *   kind without entries is 0);
 * - licensing / penalty / enforcement: the yearly figure when one is entered, else the number of
 *   imported decisions dated in the year (finished imports only), else null;
 * - fees: the yearly figure, else null.
 */
export async function section2FiguresForYear(db: Executor, agencyId: number, year: number): Promise<Section2Figures> {
  const origins: Record<string, Section2Origin> = {};
  const docs = await documentDatesOf(db, agencyId);
  const documents = docs.length > 0 ? documentFiguresForYear(docs, year) : null;
  if (documents) {
    for (const item of ['rules', 'normativeDocs'] as const) for (const field of ['issued', 'repealed', 'inForce'] as const) origins[`section2.${item}.${field}`] = 'register';
  }
  const entered = new Map((await listFigures(db, agencyId, year)).map((f) => [f.key, f.value]));
  const counts = await decisionCountsForYear(db, agencyId, year);
  const importedDecisions = { licensing: counts.licensing ?? 0, penalty: counts.penalty ?? 0, enforcement: counts.enforcement ?? 0 };
  const decisions = (kind: (typeof DECISION_KINDS)[number]) => {
    const path = `section2.${kind}.decisions`;
    const value = entered.get(kind);
    if (value !== undefined) {
      origins[path] = 'enteredFigure';
      return value;
    }
    if (importedDecisions[kind] > 0) {
      origins[path] = 'importedDecisions';
      return importedDecisions[kind];
    }
    return null;
  };
  const fees = entered.get('fees') ?? null;
  if (fees !== null) origins['section2.fees.amountWanYuan'] = 'enteredFigure';
  const section2: Section2_2021 = {
    rules: documents ? { ...documents.rule } : { issued: null, repealed: null, inForce: null },
    normativeDocs: documents ? { ...documents.normative } : { issued: null, repealed: null, inForce: null },
    licensing: { decisions: decisions('licensing') },
    penalty: { decisions: decisions('penalty') },
    enforcement: { decisions: decisions('enforcement') },
    fees: { amountWanYuan: fees },
  };
  return { section2, origins, importedDecisions };
}
