/** SQL of trainings and their participants. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { TrainingParticipantTable, TrainingTable } from '../../db/schema.js';

export type Training = Selectable<TrainingTable>;
export type TrainingParticipant = Selectable<TrainingParticipantTable>;

const ids = (agencyIds: readonly number[]) => (agencyIds.length ? [...agencyIds] : [-1]);

export function findTraining(db: Executor, id: number): Promise<Training | undefined> {
  return db.selectFrom('trainings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTraining(db: Executor, values: Insertable<TrainingTable>): Promise<Training> {
  return db.insertInto('trainings').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateTrainingRow(db: Executor, id: number, values: Updateable<TrainingTable>): Promise<Training> {
  return db.updateTable('trainings').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteTrainingRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('training_participants').where('training_id', '=', id).execute();
  await db.deleteFrom('trainings').where('id', '=', id).execute();
}

export function participantsOf(db: Executor, trainingIds: readonly number[]): Promise<TrainingParticipant[]> {
  if (trainingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('training_participants').selectAll().where('training_id', 'in', [...trainingIds]).orderBy('training_id').orderBy('agency_id').execute();
}

/** Replaces a training's participants with these (rows with 0 people are not stored). */
export async function replaceParticipants(db: Executor, trainingId: number, rows: ReadonlyArray<{ agencyId: number; participants: number }>): Promise<void> {
  await db.deleteFrom('training_participants').where('training_id', '=', trainingId).execute();
  const values = rows.filter((r) => r.participants > 0).map((r) => ({ training_id: trainingId, agency_id: r.agencyId, participants: r.participants }));
  if (values.length > 0) await db.insertInto('training_participants').values(values).execute();
}

/**
 * Trainings held in the year that concern these agencies: organised by one of them, or attended
 * by people of one of them. Newest first.
 */
export function trainingsOfYear(db: Executor, agencyIds: readonly number[], year: number): Promise<Training[]> {
  return db
    .selectFrom('trainings')
    .selectAll()
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([
      eb('organiser_agency_id', 'in', ids(agencyIds)),
      eb.exists(eb.selectFrom('training_participants as p').select('p.training_id').whereRef('p.training_id', '=', 'trainings.id').where('p.agency_id', 'in', ids(agencyIds))),
    ]))
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** People of these agencies in the trainings held in the year. */
export async function participantsInYear(db: Executor, agencyIds: readonly number[], year: number): Promise<number> {
  const row = await db
    .selectFrom('training_participants as p')
    .innerJoin('trainings as t', 't.id', 'p.training_id')
    .select(sql<number>`coalesce(sum(p.participants), 0)`.as('n'))
    .where('p.agency_id', 'in', ids(agencyIds))
    .where('t.held_on', '>=', `${year}-01-01`)
    .where('t.held_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
