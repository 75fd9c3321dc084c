/** The annual report domain: format contract, report data, checks and narrative figures. */
export * from './format.js';
export {
  SECTION2_FIELDS,
  blankReport,
  breakdown,
  cloneReport,
  describeCell,
  describeSection3Row,
  emptyReport,
  getFigure,
  isDecimalCell,
  isSignedCell,
  listCells,
  parseCellPath,
  setFigure,
  sumReports,
  tableLayout,
  type BreakdownEntry,
  type CellRef,
  type TableLayout,
} from './model.js';
export { normalizeReport, type NormalizeError, type NormalizeResult } from './normalize.js';
export {
  RULE_LABELS,
  checkReport,
  hasHardFinding,
  statedCells,
  summarizeFindings,
  type CheckContext,
} from './checks.js';
export { checkBlankCells } from './blanks.js';
export {
  extractNarrativeFigures,
  parseCount,
  type ExtractOptions,
  type NarrativeFigure,
  type NarrativeQuantity,
} from './narrative.js';
