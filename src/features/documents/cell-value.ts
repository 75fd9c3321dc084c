/** Reading spreadsheets: what exceljs gives for a cell, reduced to plain values. */
import type ExcelJS from 'exceljs';

/** A cell as the import checks read it. */
export type PlainCell = string | number | boolean | Date | null;

/** A cell value as exceljs gives it, reduced to text, a number, a date or nothing. */
export function cellValue(value: ExcelJS.CellValue): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
