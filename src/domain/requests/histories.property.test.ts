/**
 * 1,000 random request histories walked through the state machine — every channel, clarification,
 * consultation, extension, fees, lapses, withdrawal, decisions, across year ends — and the report
 * tables computed from them: no hard finding in any year, each request counted once, this year's
 * 四 equal to next year's 二, and the clock computable for every open request.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, defaultClarificationDueBy } from '../calendar/index.js';
import { checkReport } from '../report/checks.js';
import { OUTCOME_ROWS_2021, REQUESTER_COLUMNS } from '../report/format.js';
import { requestClock } from './clock.js';
import { computeRequestSections, requestSectionsAsReport, type RequestRecord } from './report.js';
import { allowedEvents, applyEvent, handledOn, outcomeOf } from './state-machine.js';
import { CHANNELS, type Channel, type RequestEvent, type RequestEventType } from './types.js';

const calendar = defaultCalendar();

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const EVIDENCE: Record<Channel, 'submittedOn' | 'signedOn' | 'confirmedOn'> = {
  online: 'confirmedOn', inPerson: 'submittedOn', oral: 'submittedOn', postSigned: 'signedOn', postOrdinary: 'confirmedOn', fax: 'confirmedOn', email: 'confirmedOn',
};

/** Builds the event of a type on a date, with the data the rules require. */
function eventOf(type: RequestEventType, on: string, history: readonly RequestEvent[], pick: (n: number) => number): RequestEvent {
  switch (type) {
    case 'clarificationRequested': return { type, on, dueBy: defaultClarificationDueBy(on, calendar), items: '请写明文件名称' };
    case 'clarificationLapsed': {
      const notice = history.find((e) => e.type === 'clarificationRequested') as Extract<RequestEvent, { type: 'clarificationRequested' }>;
      return { type, on: plusDays(notice.dueBy, 1 + pick(5)) };
    }
    case 'consultationStarted': return { type, on, party: pick(2) ? 'thirdParty' : 'agency', with: '某公司' };
    case 'consultationEnded': return { type, on, opinion: '同意公开' };
    case 'extended': return { type, on, days: 1 + pick(20), approvedBy: '机关负责人', reason: '需要核实' };
    case 'feeNoticed': return { type, on, amountYuan: 100, method: 'perRequest', dueBy: calendar.addWorkingDays(on, 20) };
    case 'feePaid': return { type, on, amountYuan: 100 };
    case 'feeLapsed': {
      const notice = history.find((e) => e.type === 'feeNoticed') as Extract<RequestEvent, { type: 'feeNoticed' }>;
      return { type, on: plusDays(notice.dueBy, 1 + pick(5)) };
    }
    case 'decided': {
      const clarified = history.some((e) => e.type === 'clarified');
      const outcomes = OUTCOME_ROWS_2021.filter((o) => !o.startsWith('other.noClarification') && o !== 'other.feeUnpaid' && (clarified || o !== 'unavailable.stillUnclear'));
      const outcome = outcomes[pick(outcomes.length)]!;
      return { type, on, outcome, articles: ['第三十六条'], reason: '理由', ...(outcome === 'partial' ? { withheldParts: '个人信息' } : {}) };
    }
    case 'replied': return { type, on, letterNumber: '依复〔2025〕1号', delivery: '邮寄' };
    case 'withdrawn': return { type, on, reason: '申请人撤回' };
    default: return { type, on } as RequestEvent;
  }
}

/** A random walk through the allowed events, dates moving forward, stopping anywhere. */
function history(seed: number[]): { events: RequestEvent[]; channel: Channel } {
  let i = 0;
  const pick = (n: number) => (seed[i++ % seed.length]! % n + n) % n;
  const channel = CHANNELS[pick(CHANNELS.length)]!;
  // Receipts from 2023-11-01 over about 26 months: many cross a year end while open.
  let on = plusDays('2023-11-01', pick(790));
  const events: RequestEvent[] = [{ type: 'registered', on, channel, evidence: { [EVIDENCE[channel]]: on } }];
  let state = applyEvent(null, events[0]!, []);
  for (let step = 0; step < 12; step++) {
    const allowed = allowedEvents(state, events).filter((t) => t !== 'closed' || state === 'replied');
    if (!allowed.length || pick(10) === 0) break; // some requests stay open
    on = plusDays(on, pick(12));
    const event = eventOf(allowed[pick(allowed.length)]!, on, events, pick);
    state = applyEvent(state, event, events);
    events.push(event);
    on = event.on;
  }
  return { events, channel };
}

describe('random request histories feed consistent reports', () => {
  it('1,000 histories: every year passes the hard checks, carry-over is exact, every request counted once', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 40, maxLength: 40 }), { minLength: 1000, maxLength: 1000 }), (seeds) => {
        const seen = new Set<string>();
        const records: RequestRecord[] = seeds.map((seed, n) => {
          const { events, channel } = history(seed);
          seen.add(channel);
          for (const e of events) seen.add(e.type);
          // The clock computes for every history (the seeded calendar covers these years).
          requestClock(events, calendar, '2026-06-30');
          return { id: String(n), requesterKind: REQUESTER_COLUMNS[seed[0]! % REQUESTER_COLUMNS.length]!, receivedOn: events[0]!.on, handledOn: handledOn(events), outcome: outcomeOf(events) };
        });
        // The walk reaches every channel and every kind of step.
        for (const x of [...CHANNELS, 'clarified', 'clarificationLapsed', 'consultationEnded', 'extended', 'feePaid', 'feeLapsed', 'withdrawn', 'replied', 'closed']) expect(seen).toContain(x);
        const lapses = records.filter((r) => r.outcome === 'other.noClarification' || r.outcome === 'other.feeUnpaid').length;
        expect(lapses).toBeGreaterThan(0);
        let previous: ReturnType<typeof computeRequestSections> | null = null;
        let handled = 0;
        for (const year of [2023, 2024, 2025, 2026]) {
          const sections = computeRequestSections(year, records, []);
          expect(sections.problems).toEqual([]);
          const report = requestSectionsAsReport('测试单位', year, records, []);
          const hard = checkReport(report).filter((f) => f.severity === 'hard' && f.rule !== 'cells.blank');
          expect(hard).toEqual([]);
          if (previous) expect(sections.section3.carriedIn).toEqual(previous.section3.carriedOut);
          handled += sections.section3.handledTotal.total;
          previous = sections;
        }
        // Every history starts in 2023–2025: handled in one of the years, or still open at the end.
        expect(handled + previous!.section3.carriedOut.total).toBe(records.length);
      }),
      { numRuns: 1 },
    );
  });
});
