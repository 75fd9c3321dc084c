import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../domain/calendar/calendar.js';
import { snapshotSeed } from '../../domain/calendar/seed.js';
import { calendarCommand, runCalendarCommand } from './calendar.js';

describe('gongkai calendar due', () => {
  it('prints the 20th working day after the date by default (2024-09-27 → 2024-10-30, 国庆)', async () => {
    expect(await runCalendarCommand(['due', '2024-09-27'])).toEqual({ stdout: '2024-10-30\n', stderr: '', exitCode: 0 });
  });

  it('takes --days (2025-01-24 + 7 → 2025-02-10, across 春节 and the make-up Sunday 01-26)', async () => {
    expect(await runCalendarCommand(['due', '2025-01-24', '--days', '7'])).toEqual({
      stdout: '2025-02-10\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('uses the calendar it is given (an override 2025-02-10 off moves the date to 2025-03-03)', async () => {
    const calendar = new WorkingDayCalendar({
      seed: snapshotSeed(),
      overrides: [{ date: '2025-02-10', kind: 'holiday', name: '地方调整' }],
    });
    // 2025-02-27 would be the 20th; skipping 02-10 adds one working day: 02-28.
    expect((await runCalendarCommand(['due', '2025-01-24'], calendar)).stdout).toBe('2025-02-28\n');
  });

  it('loads the administrator overrides through loadOverrides', async () => {
    let stdout = '';
    const command = calendarCommand({
      loadOverrides: async () => ({
        overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
        maintainedYears: [2027],
      }),
      output: { writeOut: (t) => void (stdout += t), writeErr: () => undefined },
    });
    for (const cmd of [command, ...command.commands]) cmd.exitOverride();
    await command.parseAsync(['due', '2026-12-10'], { from: 'user' });
    // December 2026 gives 15 working days after the 10th, 2027-01-01 is off, 01-04..08 16–20.
    expect(stdout).toBe('2027-01-08\n');
  });

  it.each([
    [['due', '2025-02-30'], '错误：日期“2025-02-30”无效，请按“年-月-日”格式填写真实存在的日期，例如2025-01-24\n'],
    [['due', '2025-2-3'], '错误：日期“2025-2-3”无效，请按“年-月-日”格式填写真实存在的日期，例如2025-01-24\n'],
    [['due', 'abc'], '错误：日期“abc”无效，请按“年-月-日”格式填写真实存在的日期，例如2025-01-24\n'],
    [['due', '2026-12-10'], '错误：工作日历未包含2027年的节假日安排，请管理员先维护该年度日历\n'],
    [['due', '2031-03-03'], '错误：工作日历未包含2031年的节假日安排，请管理员先维护该年度日历\n'],
    [['due', '2024-09-27', '--days', 'x'], '错误：工作日数“x”无效，请填写不超过9999的非负整数，例如20\n'],
  ])('reports %j on stderr in Chinese with exit code 2', async (argv, message) => {
    expect(await runCalendarCommand(argv)).toEqual({ stdout: '', stderr: message, exitCode: 2 });
  });

  it('reports a missing argument in Chinese (commander usage error, exit code 1)', async () => {
    expect(await runCalendarCommand(['due'])).toEqual({
      stdout: '',
      stderr: '错误：缺少必填参数 date，可用 --help 查看用法\n',
      exitCode: 1,
    });
  });
});

describe('gongkai calendar show', () => {
  it('lists the exceptions of 2024 with weekday, 休/班 and name, and the notice', async () => {
    const result = await runCalendarCommand(['show', '2024']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('2024年节假日和调休安排（与周一至周五规则不同的日期，共27天）');
    expect(lines.slice(1, 4)).toEqual([
      '2024-01-01  周一  休  元旦',
      '2024-02-04  周日  班  春节调休上班',
      '2024-02-12  周一  休  春节',
    ]);
    expect(lines).toContain('2024-10-12  周六  班  国庆节调休上班');
    expect(lines).toHaveLength(29);
    expect(lines.at(-1)).toBe(
      '依据：国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号） https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    );
  });

  it('marks administrator overrides', async () => {
    const calendar = new WorkingDayCalendar({
      seed: snapshotSeed(),
      overrides: [{ date: '2025-02-10', kind: 'holiday', name: '地方调整', source: '区政府办通知' }],
    });
    const { stdout } = await runCalendarCommand(['show', '2025'], calendar);
    expect(stdout.split('\n')).toContain('2025-02-10  周一  休  地方调整（管理员调整：区政府办通知）');
    expect(stdout.split('\n')[0]).toBe('2025年节假日和调休安排（与周一至周五规则不同的日期，共24天）');
  });

  it.each([
    [['show', '2031'], '错误：工作日历未包含2031年的节假日安排，请管理员先维护该年度日历\n'],
    [['show', 'abc'], '错误：年度“abc”无效，请填写四位数的年份，例如2025\n'],
    [['show', '25'], '错误：年度“25”无效，请填写四位数的年份，例如2025\n'],
  ])('reports %j on stderr in Chinese with exit code 2', async (argv, message) => {
    expect(await runCalendarCommand(argv)).toEqual({ stdout: '', stderr: message, exitCode: 2 });
  });
});

describe('help', () => {
  it('describes the commands in Chinese', async () => {
    const result = await runCalendarCommand(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('工作日历：按中国法定节假日和调休安排计算工作日');
    expect(result.stdout).toContain('命令：');
    expect(result.stdout).toContain('show <year>           列出某年度的节假日和调休上班日（与周一至周五规则不同的日期）');
  });

  it('describes the arguments and options of due in Chinese', async () => {
    const result = await runCalendarCommand(['due', '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('用法： calendar due [options] <date>');
    expect(result.stdout).toContain('date            起算日期，如收到申请之日，格式为YYYY-MM-DD');
    expect(result.stdout).toContain('-d, --days <N>  工作日数（默认20）');
    expect(result.stdout).toContain('-h, --help      显示帮助信息');
  });
});
