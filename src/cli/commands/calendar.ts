/**
 * `gongkai calendar` — the working-day calendar from the command line:
 *   gongkai calendar due <date> [--days N]   the date N (default 20) working days after <date>
 *   gongkai calendar show <year>             the year's holidays and make-up working days
 * Bad input (invalid date or year, uncovered year) is reported on stderr in Chinese ("错误：…",
 * as src/cli/main.ts does) with exit code 2. Usage errors found by commander itself (missing argument, unknown option) keep
 * commander's wording and exit code 1.
 */
import { Command, CommanderError, type HelpConfiguration } from 'commander';
import {
  CalendarNotCoveredError,
  type DayOverride,
  InvalidDateError,
  WorkingDayCalendar,
  assertIsoDate,
  chineseWeekday,
  defaultCalendar,
  seedNotice,
} from '../../domain/calendar/index.js';

/** What the administrator maintains in the database on top of the seed. */
export interface CalendarAdditions {
  readonly overrides: readonly DayOverride[];
  /** Years declared maintained (a new year's schedule entered as overrides). */
  readonly maintainedYears?: readonly number[];
}

export interface CalendarCommandOptions {
  /** Loads the administrator's overrides (database); without it the seed alone is used. */
  readonly loadOverrides?: () => CalendarAdditions | Promise<CalendarAdditions>;
  /** A ready calendar, used instead of seed + loadOverrides (tests). */
  readonly calendar?: WorkingDayCalendar;
  /** Where output goes; default process.stdout / process.stderr. */
  readonly output?: {
    readonly writeOut: (text: string) => void;
    readonly writeErr: (text: string) => void;
  };
}

/** Exit code for bad input (invalid date or year, year not in the calendar). */
export const CALENDAR_INPUT_ERROR_EXIT_CODE = 2;

const HELP_TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

const helpConfiguration: HelpConfiguration = {
  styleTitle: (title) => HELP_TITLES[title] ?? title,
};

// commander words its own usage errors in English; the common ones are given in Chinese.
const USAGE_ERRORS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^error: missing required argument '(.+)'/, (m) => `缺少必填参数 ${m[1]}，可用 --help 查看用法`],
  [/^error: unknown option '(.+)'/, (m) => `未知选项 ${m[1]}，可用 --help 查看用法`],
  [/^error: unknown command '(.+)'/, (m) => `未知命令 ${m[1]}，可用 --help 查看用法`],
  [/^error: option '(.+)' argument missing/, (m) => `选项 ${m[1]} 缺少取值`],
  [/^error: too many arguments/, () => '参数过多，可用 --help 查看用法'],
];

function translateUsageError(text: string): string {
  for (const [pattern, translate] of USAGE_ERRORS) {
    const match = pattern.exec(text);
    if (match) return `错误：${translate(match)}\n`;
  }
  return text;
}

/** The `calendar` command, to be added to the gongkai program with addCommand(). */
export function calendarCommand(options: CalendarCommandOptions = {}): Command {
  const writeOut = options.output?.writeOut ?? ((text: string) => void process.stdout.write(text));
  const writeErr = options.output?.writeErr ?? ((text: string) => void process.stderr.write(text));

  const loadCalendar = async (): Promise<WorkingDayCalendar> => {
    if (options.calendar) return options.calendar;
    const additions = options.loadOverrides ? await options.loadOverrides() : undefined;
    return defaultCalendar(additions ?? {});
  };

  /** Runs an action; bad input becomes a Chinese message on stderr and exit code 2. */
  const guarded =
    <A extends unknown[]>(command: () => Command, action: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      try {
        await action(...args);
      } catch (error) {
        if (
          error instanceof InvalidDateError ||
          error instanceof CalendarNotCoveredError ||
          error instanceof RangeError
        ) {
          command().error(`错误：${error.message}`, {
            exitCode: CALENDAR_INPUT_ERROR_EXIT_CODE,
            code: 'gongkai.calendar.invalidInput',
          });
        }
        throw error;
      }
    };

  const calendar = new Command('calendar')
    .description('工作日历：按中国法定节假日和调休安排计算工作日')
    .configureOutput({ writeOut, writeErr, outputError: (text, write) => write(translateUsageError(text)) })
    .configureHelp(helpConfiguration)
    .helpOption('-h, --help', '显示帮助信息')
    .helpCommand('help [command]', '显示命令的帮助信息');

  const due: Command = calendar
    .command('due')
    .description('计算某日之后第N个工作日（起算当日不计入），默认20个工作日，即依申请公开的答复期限（条例第三十三条）')
    .argument('<date>', '起算日期，如收到申请之日，格式为YYYY-MM-DD')
    .option('-d, --days <N>', '工作日数（默认20）')
    .helpOption('-h, --help', '显示帮助信息')
    .action(
      guarded(
        () => due,
        async (date: string, opts: { days?: string }) => {
          assertIsoDate(date);
          const days = opts.days ?? '20';
          if (!/^\d{1,4}$/.test(days)) {
            throw new RangeError(`工作日数“${days}”无效，请填写不超过9999的非负整数，例如20`);
          }
          const cal = await loadCalendar();
          writeOut(`${cal.addWorkingDays(date, Number(days))}\n`);
        },
      ),
    );

  const show: Command = calendar
    .command('show')
    .description('列出某年度的节假日和调休上班日（与周一至周五规则不同的日期）')
    .argument('<year>', '年度，如2025')
    .helpOption('-h, --help', '显示帮助信息')
    .action(
      guarded(
        () => show,
        async (yearText: string) => {
          if (!/^\d{4}$/.test(yearText)) {
            throw new RangeError(`年度“${yearText}”无效，请填写四位数的年份，例如2025`);
          }
          const year = Number(yearText);
          const cal = await loadCalendar();
          const days = cal.exceptions(year);
          const lines = [`${year}年节假日和调休安排（与周一至周五规则不同的日期，共${days.length}天）`];
          for (const day of days) {
            const mark = day.kind === 'holiday' ? '休' : '班';
            const name = day.kind === 'workday' && day.name ? `${day.name}调休上班` : (day.name ?? '');
            const origin = day.origin === 'override' ? `（管理员调整${day.source ? `：${day.source}` : ''}）` : '';
            lines.push(`${day.date}  ${chineseWeekday(day.date)}  ${mark}  ${name}${origin}`);
          }
          const notice = seedNotice(year);
          lines.push(notice ? `依据：${notice}` : `依据：${cal.seedSource}及管理员维护的日历`);
          writeOut(`${lines.join('\n')}\n`);
        },
      ),
    );

  return calendar;
}

export interface CalendarCommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * Runs `gongkai calendar <argv…>` in memory and returns what it printed and its exit code.
 * `argv` are the arguments after `calendar`, e.g. ['due', '2024-09-27', '--days', '20'].
 * Without a calendar, the seed calendar (no overrides) is used.
 */
export async function runCalendarCommand(
  argv: readonly string[],
  calendar?: WorkingDayCalendar,
): Promise<CalendarCommandResult> {
  let stdout = '';
  let stderr = '';
  const command = calendarCommand({
    ...(calendar ? { calendar } : {}),
    output: {
      writeOut: (text) => {
        stdout += text;
      },
      writeErr: (text) => {
        stderr += text;
      },
    },
  });
  for (const cmd of [command, ...command.commands]) cmd.exitOverride();
  let exitCode = 0;
  try {
    await command.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) exitCode = error.exitCode;
    else throw error;
  }
  return { stdout, stderr, exitCode };
}
