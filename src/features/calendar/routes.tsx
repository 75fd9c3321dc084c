/** The working-day calendar: administrators keep next year's schedule up to date. */
import type { FastifyInstance } from 'fastify';
import type { CalendarException } from '../../domain/calendar/index.js';
import { today, type AppContext } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import { requireStaff } from '../../http/guards.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { calendarPolicy, declareCalendarYear, loadCalendar, setCalendarDay } from './service.js';

function CalendarPage(props: { year: number; covered: boolean; exceptions: CalendarException[]; missing: number | null; canEdit: boolean; csrfToken: string; error?: string; fields?: FieldError[] }) {
  return (
    <section>
      <h1>工作日历（{props.year}年）</h1>
      {props.missing !== null && (
        <p class="notice" role="alert">
          尚未录入{props.missing}年的节假日安排。国务院办公厅每年11月前后发布下一年度放假安排，请录入后“确认该年度日历完整”，否则跨年的法定期限无法计算。
        </p>
      )}
      <form method="get" action="/console/calendar" class="filters">
        <label for="y">年度</label>
        <input id="y" name="year" inputMode="numeric" value={String(props.year)} maxLength={4} size={6} />
        <button type="submit">查看</button>
      </form>
      <p>{props.covered ? '该年度日历完整，可用于计算法定期限。' : '该年度日历尚不完整：涉及该年度的期限会提示无法计算。'}除下列日期外，周一至周五为工作日、周六周日休息。</p>
      <table class="data">
        <caption>{props.year}年节假日与调休上班日</caption>
        <thead><tr><th scope="col">日期</th><th scope="col">类型</th><th scope="col">名称</th><th scope="col">依据</th></tr></thead>
        <tbody>
          {props.exceptions.map((e) => (
            <tr>
              <td>{e.date}</td>
              <td>{e.kind === 'holiday' ? '休' : '班'}</td>
              <td>{e.name ?? ''}</td>
              <td>{e.origin === 'override' ? `管理员录入：${e.source ?? ''}` : e.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canEdit && (
        <>
          <FormErrors message={props.error} fields={props.fields} />
          <form method="post" action="/console/calendar/day" class="form">
            <CsrfField token={props.csrfToken} />
            <h2>设置某一天</h2>
            <label for="date">日期</label>
            <input id="date" name="date" type="date" required />
            <label for="kind">类型</label>
            <select id="kind" name="kind"><option value="holiday">休息（法定节假日）</option><option value="workday">上班（调休上班日）</option></select>
            <label for="name">名称（如：春节）</label>
            <input id="name" name="name" maxLength={100} />
            <label for="source">依据（如：国办发明电〔2026〕X号）</label>
            <input id="source" name="source" required maxLength={300} />
            <button type="submit">保存</button>
          </form>
          <form method="post" action="/console/calendar/year" class="form">
            <CsrfField token={props.csrfToken} />
            <h2>确认年度日历完整</h2>
            <label for="cy">年度</label>
            <input id="cy" name="year" inputMode="numeric" required maxLength={4} value={String(props.missing ?? props.year)} />
            <label for="cs">依据</label>
            <input id="cs" name="source" required maxLength={300} />
            <button type="submit">确认</button>
          </form>
        </>
      )}
    </section>
  );
}

export async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const page = async (request: Parameters<typeof requireStaff>[0], reply: Parameters<typeof sendConsolePage>[1], year: number, error?: AppError) => {
    const { actor } = requireStaff(request);
    const calendar = await loadCalendar(ctx);
    return sendConsolePage(request, reply, '工作日历', ({ csrfToken }) => (
      <CalendarPage year={year} covered={calendar.coversYear(year)} exceptions={calendar.exceptions(year)} missing={calendar.missingYear(today(ctx))}
        canEdit={calendarPolicy.edit(actor)} csrfToken={csrfToken} error={error?.message} fields={error?.fields} />
    ), { status: error ? 400 : 200 });
  };
  const yearOf = (raw: unknown, fallback: number) => {
    const n = Number(raw);
    return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
  };

  app.get('/console/calendar', async (request, reply) => {
    const thisYear = Number(today(ctx).slice(0, 4));
    return page(request, reply, yearOf((request.query as Record<string, unknown>).year, thisYear));
  });
  for (const [path, action, done] of [
    ['/console/calendar/day', setCalendarDay, '已保存该日期'],
    ['/console/calendar/year', declareCalendarYear, '已确认该年度日历完整'],
  ] as const) {
    app.post(path, async (request, reply) => {
      const { actor } = requireStaff(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const year = yearOf(body.year ?? String(body.date ?? '').slice(0, 4), Number(today(ctx).slice(0, 4)));
      try {
        await action(ctx, { actor, input: body, ip: request.ip });
        return redirectWithFlash(reply, `/console/calendar?year=${year}`, done);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return page(request, reply, year, error);
      }
    });
  }
}
