/**
 * An uploaded catalogue table as rows of cells. The published tables lean on merged cells (the
 * two header rows, a 一级事项 over its 二级事项 rows, one 公开依据 for several matters), so the
 * workbook is loaded whole — exceljs' streaming reader does not resolve merges — and every cell
 * of a merged range gives the range's value. A catalogue is a few hundred rows; the file size is
 * capped well below the app's upload limit because a loaded workbook takes many times its size.
 */
import { loadExcelJS } from '../documents/exceljs.js';
import type { SheetCell } from '../../domain/standard-catalogue/sheet.js';
import { MAX_MATTERS } from '../../domain/standard-catalogue/sheet.js';
import { AppError } from '../../errors.js';
import { cellValue } from '../documents/cell-value.js';

/** Largest catalogue file accepted. */
export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;
/** Columns read: the layout has 26; a few more (备注, 责任科室) are tolerated. */
const MAX_COLUMNS = 60;
/** Rows read: the matters, the header and title rows, notes. */
const MAX_ROWS = MAX_MATTERS + 50;

const fileError = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'file', message: `文件：${message}` }]);


/** The first worksheet's rows (row 1 first), merged ranges filled. Throws VALIDATION_FAILED for anything else. */
export async function readCatalogueWorkbook(bytes: Uint8Array): Promise<SheetCell[][]> {
  if (bytes.length > MAX_CATALOGUE_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `文件超过${MAX_CATALOGUE_BYTES / 1024 / 1024} MB；标准目录一般只有几百行，请删去图片等内容或分领域导入`);
  }
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError('不支持旧版Excel文件（.xls），请在Excel中“另存为”Excel工作簿（.xlsx）后再上传');
  }
  if (!(bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b)) throw fileError('请上传Excel工作簿（.xlsx）：标准目录的合并表头只有Excel工作簿能保留');
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw fileError('无法读取该Excel文件：文件可能已损坏，或不是Excel工作簿（.xlsx）');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError('工作簿中没有工作表');
  const rows: SheetCell[][] = [];
  const width = Math.min(sheet.columnCount, MAX_COLUMNS);
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > MAX_ROWS) {
      tooMany = true;
      return;
    }
    const cells: SheetCell[] = [];
    // getCell of a merged cell gives the value of the range's top-left cell.
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    rows[number - 1] = cells;
  });
  if (tooMany) throw fileError(`文件超过${MAX_ROWS}行，一次最多导入${MAX_MATTERS}个公开事项，请分成几个文件（如按领域）导入`);
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}
