import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../domain/report/index.js';
import { decodeReportFile, mergeFindings } from '../../domain/report/published.js';
import { parseCheckOptions, reportCheckCommand, runReportCheck } from './report-check.js';

const FIXTURES = new URL('../../../../shared/fixtures/reports/', import.meta.url);
const fixture = (name: string) => fileURLToPath(new URL(name, FIXTURES));

describe('gongkai report check on zhanyi-2022.txt', () => {
  it('exits 1 and lists the inconsistencies of the seed report (--json)', async () => {
    const result = await runReportCheck({ file: fixture('zhanyi-2022.txt'), json: true });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    const { figures, findings } = JSON.parse(result.stdout) as { figures: { agency: string; year: number }; findings: Finding[] };
    expect(figures.agency).toBe('曲靖市沾益区人民政府办公室');
    expect(figures.year).toBe(2022);

    const on = (rule: string, cell: string) => findings.filter((f) => f.rule === rule && f.cells.includes(cell));
    expect(on('requests.outcomeSum', 'section3.handledTotal.total')).toEqual([
      expect.objectContaining({ severity: 'hard', expected: 9, actual: 0 }),
    ]);
    expect(on('requests.balance', 'section3.handledTotal.total')).toEqual([
      expect.objectContaining({ severity: 'hard', expected: 9, actual: 0 }),
    ]);
    expect(on('requests.rowTotal', 'section3.received.total')).toEqual([
      expect.objectContaining({ severity: 'hard', expected: 10, actual: 9 }),
    ]);
    expect(on('requests.rowTotal', 'section3.granted.total')).toEqual([
      expect.objectContaining({ severity: 'hard', expected: 8, actual: 7 }),
    ]);
    expect(on('narrative.mismatch', 'section2.normativeDocs.inForce')).toEqual([
      expect.objectContaining({ severity: 'soft', expected: 68, actual: 35 }),
    ]);
    expect(findings.filter((f) => f.rule === 'reviews.groupTotal')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'parse.unreadable')).toEqual([]);
  });

  it('prints a readable Chinese summary', async () => {
    const result = await runReportCheck({ file: fixture('zhanyi-2022.txt'), json: false });
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(1, 4)).toEqual([
      '报告机关：曲靖市沾益区人民政府办公室',
      '报告年度：2022',
      '报告格式：2021年格式（国办公开办函〔2021〕30号）',
    ]);
    expect(lines).toContain('严重问题（8 项）：');
    expect(lines).toContain('提示（1 项）：');
    expect(lines).toContain('  3. 【勾稽关系（一+二=三（七）+四）】总计列：一+二=9，而三（七）+四=0');
    expect(lines.at(-1)).toBe('共 8 项严重问题，1 项提示');
  });
});

describe('gongkai report check on the other fixtures', () => {
  it('passes the consistent county report with exit 0', async () => {
    const result = await runReportCheck({ file: fixture('shuyang-county-2025.md.txt'), json: false });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trimEnd().split('\n').slice(-3)).toEqual(['未发现问题。', '', '共 0 项严重问题，0 项提示']);
  });

  it('reports unreadable cells as such, not also as blank cells', async () => {
    const result = await runReportCheck({ file: fixture('pingtan-2021-flattened.txt'), json: true });
    const { findings } = JSON.parse(result.stdout) as { findings: Finding[] };
    expect(findings.map((f) => f.rule)).toEqual(['parse.unreadable', 'parse.unreadable', 'parse.unreadable']);
    expect(result.exitCode).toBe(0);
  });

  it('exits 1 on the blank organisation columns of the HTML report', async () => {
    const result = await runReportCheck({ file: fixture('shuyang-drc-2023.html'), json: true });
    const { findings } = JSON.parse(result.stdout) as { findings: Finding[] };
    expect(result.exitCode).toBe(1);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['cells.blank']));
  });

  it('applies --year and --format', async () => {
    const result = await runReportCheck({ file: fixture('zhanyi-2022.txt'), json: true, year: 2021, format: '2021' });
    expect((JSON.parse(result.stdout) as { figures: { year: number } }).figures.year).toBe(2021);
  });
});

describe('files that cannot be checked', () => {
  it('exits 2 with a Chinese message for a missing file', async () => {
    const result = await runReportCheck({ file: '/nonexistent/report.txt', json: false });
    expect(result).toEqual({ stdout: '', stderr: '错误：文件不存在：/nonexistent/report.txt\n', exitCode: 2 });
  });

  it('exits 2 for a file that is not an annual report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-check-'));
    const file = join(dir, 'notes.txt');
    writeFileSync(file, '会议纪要\n今天讨论了食堂菜单。\n');
    const result = await runReportCheck({ file, json: true });
    expect(result).toEqual({
      stdout: '',
      stderr: `错误：无法识别为政府信息公开工作年度报告：未找到任何章节标题或表格。（${file}）\n`,
      exitCode: 2,
    });
  });

  it('exits 2 for a directory', async () => {
    const result = await runReportCheck({ file: tmpdir(), json: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`错误：这是一个目录，不是文件：${tmpdir()}\n`);
  });
});

describe('helpers', () => {
  it('decodes GB18030 when UTF-8 would leave replacement characters', () => {
    const gb = Buffer.from('d5b4d2e6c7f832303232c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e6', 'hex');
    expect(decodeReportFile(gb)).toBe('沾益区2022年政府信息公开工作年度报告');
    expect(decodeReportFile(Buffer.from('\ufeff年度报告', 'utf8'))).toBe('年度报告');
  });

  it('validates --year and --format in Chinese', () => {
    expect(parseCheckOptions({ year: '2022', format: '2019' })).toEqual({ ok: true, year: 2022, format: '2019' });
    expect(parseCheckOptions({ year: '22' })).toEqual({ ok: false, message: '错误：--year 应为四位年份（如 2022），收到“22”\n' });
    expect(parseCheckOptions({ format: '2020' })).toEqual({ ok: false, message: '错误：--format 只能是 2019 或 2021，收到“2020”\n' });
  });

  it('drops blank-cell findings about cells that could not be read', () => {
    const unreadable: Finding = { rule: 'parse.unreadable', severity: 'hard', message: '', cells: ['section4'] };
    const blankRead: Finding = { rule: 'cells.blank', severity: 'hard', message: '', cells: ['section4.reconsideration.total'] };
    const blankOther: Finding = { rule: 'cells.blank', severity: 'hard', message: '', cells: ['section3.received.total'] };
    expect(mergeFindings([unreadable], [blankRead, blankOther])).toEqual([unreadable, blankOther]);
  });

  it('builds the report command with its check subcommand', () => {
    const command = reportCheckCommand();
    expect(command.name()).toBe('report');
    const check = command.commands.find((c) => c.name() === 'check');
    expect(check?.options.map((o) => o.long)).toEqual(['--json', '--year', '--format']);
  });

  it('runs as a command: writes the result and sets the exit code', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const previous = process.exitCode;
    try {
      await reportCheckCommand().parseAsync(['check', fixture('zhanyi-2022.txt'), '--json'], { from: 'user' });
      expect(process.exitCode).toBe(1);
      expect((JSON.parse(written.join('')) as { figures: { year: number } }).figures.year).toBe(2022);
    } finally {
      spy.mockRestore();
      process.exitCode = previous;
    }
  });
});
