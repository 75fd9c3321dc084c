/**
 * The demo district's training records (培训), organised by the office for every agency: last
 * year's business training, and this year's training on the annual report and the district's
 * disclosure training — held before the demo's today, as the register requires.
 */
import { addCalendarDays } from '../../domain/calendar/index.js';
import type { Executor } from '../../db/database.js';
import type { Agency } from '../../db/schema.js';
import { insertTraining, replaceParticipants } from '../training/repository.js';

export interface DemoTraining {
  /** 0 = this year, -1 = last year. */
  year: 0 | -1;
  /** 'MM-DD' of the year; this year's are moved back to before today when the demo is loaded early in January. */
  day: string;
  topic: string;
  hours: number;
  note: string;
  /** People sent: from the office, from each department, from each township. */
  people: { office: number; department: number; township: number };
}

export const DEMO_TRAININGS: DemoTraining[] = [
  { year: -1, day: '06-18', topic: '全区政务公开业务培训', hours: 3, note: '线下集中授课，讲解政府信息公开条例和基层政务公开标准目录', people: { office: 4, department: 2, township: 2 } },
  { year: 0, day: '01-09', topic: '政府信息公开工作年度报告编制培训', hours: 2, note: '讲解年度报告格式和勾稽关系，线上线下同步', people: { office: 2, department: 1, township: 1 } },
  { year: 0, day: '02-26', topic: '全区政务公开工作培训会', hours: 3.5, note: '部署本年度政务公开重点工作，政务新媒体管理专题讲座', people: { office: 3, department: 2, township: 3 } },
];

/**
 * The day a demo training was held: its day of the year, moved back to yesterday when that is
 * still to come, and to today on 1 January (a training may not be recorded for a future day).
 */
export function demoTrainingDay(t: DemoTraining, today: string): string {
  const year = Number(today.slice(0, 4)) + t.year;
  const day = `${year}-${t.day}`;
  if (t.year < 0) return day;
  const latest = addCalendarDays(today, -1);
  return day <= latest ? day : latest >= `${year}-01-01` ? latest : today;
}

/** Records the demo trainings, organised by the office; returns how many. */
export async function loadDemoTrainings(trx: Executor, opts: { office: Agency; agencies: Agency[]; today: string; at: string }): Promise<number> {
  for (const t of DEMO_TRAININGS) {
    const training = await insertTraining(trx, {
      organiser_agency_id: opts.office.id, held_on: demoTrainingDay(t, opts.today), topic: t.topic, hours: t.hours, note: t.note, created_at: opts.at, updated_at: opts.at,
    });
    await replaceParticipants(trx, training.id, opts.agencies.map((a) => ({
      agencyId: a.id, participants: a.id === opts.office.id ? t.people.office : a.kind === 'department' ? t.people.department : a.kind === 'township' ? t.people.township : 0,
    })));
  }
  return DEMO_TRAININGS.length;
}
