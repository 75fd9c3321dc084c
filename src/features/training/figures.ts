/** The year's training figures for report section 一 (监督保障: “开展培训N次”) and the training list. */
import type { Executor } from '../../db/database.js';
import { participantsInYear, trainingsOfYear } from './repository.js';

export interface TrainingFigures {
  /** Trainings held in the year that these agencies organised or sent people to. */
  sessions: number;
  /** People of these agencies who took part in the year's trainings. */
  participants: number;
  /** Hours (学时) of those trainings, added up. */
  hours: number;
}

/**
 * The training figures of these agencies together for a year. A training counts once however
 * many of the agencies organised or attended it; participants count only the agencies' own
 * people. For the section-一 drafter and the district's roll-up (pass the subtree's ids).
 */
export async function trainingFigures(db: Executor, agencyIds: readonly number[], year: number): Promise<TrainingFigures> {
  const trainings = await trainingsOfYear(db, agencyIds, year);
  return {
    sessions: trainings.length,
    participants: await participantsInYear(db, agencyIds, year),
    hours: Math.round(trainings.reduce((sum, t) => sum + t.hours, 0) * 10) / 10,
  };
}
