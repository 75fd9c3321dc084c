import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHEET_NAMES, renderReportXlsx } from './report-xlsx.js';
import { pingtanReport2019, zhanyiReport2022 } from './test-factory.js';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type, which Node's Buffer does not satisfy for TypeScript.
  await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row whose column A reads `label`. */
function rowWithLabel(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r += 1) if (ws.getCell(r, 1).value === label) return ws.getRow(r);
  throw new Error(`no row ${label}`);
}

describe('renderReportXlsx, 2021 format', async () => {
  const report = zhanyiReport2022();
  report.section3.received!.enterprise = null;
  const wb = await readBack(await renderReportXlsx(report, { agencyName: '曲靖市沾益区' }));
  const ws2 = sheet(wb, SHEET_NAMES.section2);
  const ws3 = sheet(wb, SHEET_NAMES.section3);
  const ws4 = sheet(wb, SHEET_NAMES.section4);
  const data = sheet(wb, SHEET_NAMES.data);

  it('has the three section sheets and the data sheet, in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['二、主动公开', '三、依申请公开', '四、复议诉讼', '数据']);
    expect(ws3.getCell('A1').value).toBe('曲靖市沾益区2022年政府信息公开工作年度报告');
    expect(ws3.getCell('A2').value).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('writes section 二 figures as numbers, the single figure merged over three columns', () => {
    const penalty = rowWithLabel(ws2, '行政处罚');
    expect(penalty.getCell(2).value).toBe(108169);
    expect(penalty.getCell(4).master.address).toBe(penalty.getCell(2).address);
    expect(rowWithLabel(ws2, '行政规范性文件').values).toEqual([undefined, '行政规范性文件', 4, 0, 68]);
    expect(rowWithLabel(ws2, '行政事业性收费').getCell(2).value).toBe(1809.71);
    expect(rowWithLabel(ws2, '第二十条第（八）项').getCell(4).master.address).toMatch(/^A\d+$/);
  });

  it('merges the headers of section 三 as published', () => {
    expect(ws3.getCell('A3').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(ws3.getCell('C5').master.address).toBe('A3');
    expect(ws3.getCell('D3').value).toBe('申请人情况');
    expect(ws3.getCell('J3').master.address).toBe('D3');
    expect(ws3.getCell('D5').master.address).toBe('D4');
    expect(ws3.getCell('E4').value).toBe('法人或其他组织');
    expect(ws3.getCell('I4').master.address).toBe('E4');
    expect(['E5', 'F5', 'G5', 'H5', 'I5'].map((a) => ws3.getCell(a).value)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    // 三、本年度办理结果 from （一）予以公开 (row 8) to （七）总计 (row 29).
    expect(ws3.getCell('A8').value).toBe('三、本年度办理结果');
    expect(ws3.getCell('A29').master.address).toBe('A8');
    expect(ws3.getCell('A30').value).toBe('四、结转下年度继续办理');
    // （三）不予公开 over its eight rows.
    expect(ws3.getCell('B10').value).toBe('（三）不予公开');
    expect(ws3.getCell('B17').master.address).toBe('B10');
    expect(ws3.getCell('B18').value).toBe('（四）无法提供');
  });

  it('writes section 三 figures as numbers and blank cells as empty', () => {
    expect([4, 5, 6, 7, 8].map((c) => ws3.getCell(6, c).value)).toEqual([9, null, 0, 0, 1]);
    expect(ws3.getCell('J6').value).toBe(9);
    expect(ws3.getCell('D18').value).toBe(1);
  });

  it('borders the covered cells of merges too', () => {
    expect(ws3.getCell('B4').border?.bottom?.style).toBe('thin');
    expect(ws3.getCell('A20').border?.left?.style).toBe('thin');
  });

  it('makes rows tall enough for labels that wrap', () => {
    // 三（六）2 wraps to two lines in its 40-character column; 一 fits on one.
    expect(rowWithLabel(ws3, '四、结转下年度继续办理').height).toBe(18);
    expect(ws3.getRow(27).getCell(3).value).toBe('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    expect(ws3.getRow(27).height).toBe(32);
  });

  it('freezes the header rows and label columns of section 三', () => {
    expect(ws3.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 5 });
  });

  it('merges 行政复议 and 行政诉讼 over their columns in section 四', () => {
    expect(ws4.getCell('A3').value).toBe('行政复议');
    expect(ws4.getCell('E3').master.address).toBe('A3');
    expect(ws4.getCell('F3').value).toBe('行政诉讼');
    expect(ws4.getCell('O3').master.address).toBe('F3');
    expect(ws4.getCell('A5').master.address).toBe('A4');
    expect(ws4.getCell('K4').value).toBe('复议后起诉');
    expect(ws4.getRow(6).values).toEqual([undefined, 13, 0, 8, 1, 22, 0, 0, 1, 3, 4, 5, 0, 0, 1, 6]);
    expect(ws4.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
  });

  it('lists every cell path with its value on the data sheet', () => {
    const rows = new Map<string, ExcelJS.CellValue>();
    data.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(data.getRow(1).values).toEqual([undefined, '路径', '值', '说明']);
    expect(rows.size).toBe(3 + 200);
    expect(rows.get('format')).toBe('2021');
    expect(rows.get('section3.received.total')).toBe(9);
    expect(rows.get('section3.received.enterprise')).toBeNull();
    expect(rows.get('section2.fees.amountWanYuan')).toBe(1809.71);
    expect(rows.get('section4.litigationAfterReconsideration.total')).toBe(6);
  });
});

describe('renderReportXlsx, 2019 trial format', async () => {
  const wb = await readBack(await renderReportXlsx(pingtanReport2019(), { agencyName: '平潭综合实验区市场监督管理局' }));

  it('keeps 本年增/减 a signed number', () => {
    const licensing = rowWithLabel(sheet(wb, SHEET_NAMES.section2), '行政许可');
    expect(licensing.getCell(3).value).toBe(17);
    expect(licensing.getCell(3).numFmt).toBe('+0;-0;0');
  });

  it('has 三（六）其他处理 as one row and the procurement block', () => {
    const ws3 = sheet(wb, SHEET_NAMES.section3);
    expect(ws3.getCell('B26').value).toBe('（六）其他处理');
    expect(ws3.getCell('C26').master.address).toBe('B26');
    expect(ws3.getCell('A27').master.address).toBe('A8');
    expect(rowWithLabel(sheet(wb, SHEET_NAMES.section2), '政府集中采购').getCell(3).value).toBe(6805947.43);
  });
});
