/**
 * The timeline of an imported row: the events its dates and outcome imply, checked by the state
 * machine, and the columns the request table caches from it (state, outcome, handled date, due
 * date). Pure; import.ts reads and checks the cells first.
 *
 * A row becomes the events it implies, in order: registered (the date of receipt, with the
 * evidence field its channel needs, 第三十一条), clarificationRequested / clarified (第三十条),
 * extended (第三十三条第二款), then decided + replied, or the lapse (三（六）1 / 三（六）2), or
 * withdrawn (撤回, counted under 三（六）3). The timeline must pass `replay`; a rule it breaks
 * becomes the row's error.
 *
 * The sheet holds less than the timeline needs; what it lacks is filled so that nothing is
 * invented that the report or the clock reads:
 * · an extension has no date of its own: it is dated on the day the reply period started
 *   (receipt, or the clarified request), which gives the same due date;
 * · the clarification period set in the notice is not recorded: 15 working days (the console's
 *   default, service.ts) while the request is open or was clarified; for a lapse, the day before
 *   the lapse (the period had run out by then, which the lapse itself shows);
 * · a fee lapse (三（六）2) needs the fee notice: its amount must be written in 备注
 *   (“收费200元”), it is dated like an extension, and its deadline is the day before the lapse;
 * · the decision is dated on the reply date; its reason, the withheld parts of a partial
 *   disclosure and the reason of a withdrawal are the row's 备注, or IMPORT_UNRECORDED.
 */
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { addCalendarDays, compareDates } from '../calendar/dates.js';
import { REPLY_PERIOD_WORKING_DAYS } from '../calendar/periods.js';
import { requestClock } from './clock.js';
import type { ImportRow } from './import.js';
import { RECEIPT_EVIDENCE_FIELD } from './receipt.js';
import { replay } from './state-machine.js';
import type { IsoDate, RequestEvent, RequestState } from './types.js';

/** Filled in where the sheet has no data for a field the timeline requires. */
export const IMPORT_UNRECORDED = '原记录未载明（历史记录导入）';

/** The clarification period assumed when the sheet does not give one (as the console's default). */
const CLARIFICATION_PERIOD_WORKING_DAYS = 15;

/** The fee amount written in 备注 (“收费200元”), in 元. */
export function feeAmount(note: string | null): number | null {
  const m = note === null ? null : /(\d+(?:\.\d{1,2})?)\s*元/.exec(note.normalize('NFKC'));
  const amount = m ? Number(m[1]) : NaN;
  return amount > 0 ? amount : null;
}

/**
 * The timeline a good row implies (see the module comment for what is filled in). Throws
 * CalendarNotCoveredError when the clarification period reaches a year the calendar lacks.
 */
export function importEvents(r: ImportRow, calendar: WorkingDayCalendar): RequestEvent[] {
  const events: RequestEvent[] = [
    { type: 'registered', on: r.receivedOn, channel: r.channel, evidence: { [RECEIPT_EVIDENCE_FIELD[r.channel]]: r.receivedOn } },
  ];
  const periodStart = r.clarifiedOn ?? r.receivedOn;
  const lapseDeadline = (from: IsoDate, lapse: IsoDate) => {
    const dayBefore = addCalendarDays(lapse, -1);
    return compareDates(dayBefore, from) > 0 ? dayBefore : addCalendarDays(from, 1);
  };
  if (r.clarificationRequestedOn !== null) {
    const on = r.clarificationRequestedOn;
    const dueBy = r.outcome === 'other.noClarification' && r.repliedOn !== null
      ? lapseDeadline(on, r.repliedOn)
      : calendar.addWorkingDays(on, CLARIFICATION_PERIOD_WORKING_DAYS);
    events.push({ type: 'clarificationRequested', on, dueBy, items: IMPORT_UNRECORDED });
    if (r.clarifiedOn !== null) events.push({ type: 'clarified', on: r.clarifiedOn });
  }
  if (r.extensionDays !== null) {
    events.push({ type: 'extended', on: periodStart, days: r.extensionDays, approvedBy: IMPORT_UNRECORDED, reason: r.note ?? IMPORT_UNRECORDED });
  }
  const on = r.repliedOn;
  if (r.outcome === null || on === null) return events;
  switch (r.outcome) {
    case 'other.noClarification':
      events.push({ type: 'clarificationLapsed', on });
      break;
    case 'other.feeUnpaid':
      events.push(
        { type: 'feeNoticed', on: periodStart, amountYuan: feeAmount(r.note) ?? 0, method: 'perRequest', dueBy: lapseDeadline(periodStart, on) },
        { type: 'feeLapsed', on },
      );
      break;
    case 'withdrawn':
      events.push({ type: 'withdrawn', on, reason: r.note ?? '申请人撤回申请' });
      break;
    default:
      events.push(
        {
          type: 'decided', on, outcome: r.outcome, articles: [], reason: r.note ?? IMPORT_UNRECORDED,
          ...(r.outcome === 'partial' ? { withheldParts: r.note ?? IMPORT_UNRECORDED } : {}),
        },
        { type: 'replied', on, letterNumber: IMPORT_UNRECORDED, delivery: IMPORT_UNRECORDED },
      );
  }
  return events;
}

/**
 * Gives the good rows of one sheet their timelines, states and cached columns. It remembers two
 * things across rows, because a sheet of 50,000 rows repeats a few kinds of request:
 *
 * - The state machine's verdict per shape of timeline. `replay` compares dates only with one
 *   another — events in date order, a lapse after its deadline, a deadline after its notice —
 *   and leaves the length of periods to the clock, which only warns (state-machine.ts:
 *   applyEvent). Every other field of an imported event comes from the row's channel, outcome,
 *   备注 and extension days or is a constant. So two rows with those four alike whose events'
 *   dates fall in the same order get the same verdict, and the shape (those four, the event
 *   types and the rank of each date among the timeline's dates) stands for the timeline. Only
 *   verdicts that passed are remembered: a row that breaks a rule is replayed on its own and
 *   gets the message naming its own dates. import.test.ts checks every good row of random
 *   sheets against its own replay.
 * - The due date per start day and length (see #fillCachedColumns).
 *
 * Replaying every row took about a third of checking a 50,000-row sheet (docs/PERFORMANCE.md).
 */
export class ImportTimelines {
  readonly #passed = new Map<string, RequestState>();
  readonly #dueDates = new Map<string, IsoDate>();

  constructor(private readonly options: { today: IsoDate; calendar: WorkingDayCalendar }) {}

  /**
   * Sets the row's events, state, reportOutcome, handledOn and dueDate. Throws RequestRuleError
   * when the timeline breaks a rule of the state machine, CalendarNotCoveredError when a period
   * reaches a year the calendar lacks.
   */
  fill(r: ImportRow): void {
    r.events = importEvents(r, this.options.calendar);
    const shape = timelineShape(r);
    let state = this.#passed.get(shape);
    if (state === undefined) {
      state = replay(r.events);
      // Rows that each carry their own 备注 are each their own shape: keep the memory bounded.
      if (this.#passed.size >= 10_000) this.#passed.clear();
      this.#passed.set(shape, state);
    }
    r.state = state;
    this.#fillCachedColumns(r);
  }

  /**
   * The columns the request table caches, as requestClock, outcomeOf and handledOn give them for
   * the timeline (import.test.ts asserts the equality for every shape of timeline built here).
   * requestClock itself costs about 0.25 ms a row — it counts day by day from receipt to today —
   * which would cap an import at a few thousand rows a second; so the due date is the statutory
   * count itself (第三十三条: 20 working days, plus the extension, from receipt or from the
   * clarified request, 第三十条), memoised per start day and length. Only a timeline with a
   * pause (a fee notice) goes through requestClock.
   */
  #fillCachedColumns(r: ImportRow): void {
    r.reportOutcome = r.outcome === null ? null : r.outcome === 'withdrawn' ? 'other.other' : r.outcome;
    r.handledOn = r.outcome === null ? null : r.repliedOn;
    if (r.clarificationRequestedOn !== null && r.clarifiedOn === null) {
      r.dueDate = null;
    } else if (r.outcome === 'other.feeUnpaid') {
      r.dueDate = requestClock(r.events, this.options.calendar, this.options.today).dueDate;
    } else {
      const from = r.clarifiedOn ?? r.receivedOn;
      const days = REPLY_PERIOD_WORKING_DAYS + (r.extensionDays ?? 0);
      const key = `${from}+${days}`;
      let dueDate = this.#dueDates.get(key);
      if (dueDate === undefined) {
        dueDate = this.options.calendar.addWorkingDays(from, days);
        this.#dueDates.set(key, dueDate);
      }
      r.dueDate = dueDate;
    }
  }
}

/**
 * What the state machine's verdict on an imported timeline depends on (see ImportTimelines):
 * the row's channel, outcome, extension days and 备注, then each event's type and the rank of
 * its dates (`on`, and `dueBy` of a notice) among the timeline's dates. The registration's
 * evidence date is its own date, so its rank is the registration's.
 */
function timelineShape(r: ImportRow): string {
  const dates: IsoDate[] = [];
  for (const event of r.events) {
    if (!dates.includes(event.on)) dates.push(event.on);
    if ('dueBy' in event && !dates.includes(event.dueBy)) dates.push(event.dueBy);
  }
  dates.sort();
  let shape = `${r.channel}\u0000${r.outcome}\u0000${r.extensionDays}`;
  for (const event of r.events) {
    shape += `\u0000${event.type}:${dates.indexOf(event.on)}`;
    if ('dueBy' in event) shape += `:${dates.indexOf(event.dueBy)}`;
  }
  // Last and quoted, so that no text in it can pass for the parts before it.
  return `${shape}\u0000${JSON.stringify(r.note)}`;
}
