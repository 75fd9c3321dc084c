/**
 * exceljs, loaded on first use. Importing it is about 15 % of loading the whole application (a
 * few hundred milliseconds), which every `gongkai` command, every server start and every worker
 * of the static export would otherwise pay, although only the XLSX templates, imports and exports
 * need it.
 */
import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | null = null;

export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  return (loading ??= import('exceljs').then((m) => m.default));
}
