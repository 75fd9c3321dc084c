/** SQL of the score sheet's configuration: its items and the scores entered by hand. */
import { type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AssessmentItemTable, AssessmentScoreTable } from '../../db/schema.js';

export type AssessmentItem = Selectable<AssessmentItemTable>;
export type AssessmentScore = Selectable<AssessmentScoreTable>;

export function listItems(db: Executor, officeId: number, year: number): Promise<AssessmentItem[]> {
  return db.selectFrom('assessment_items').selectAll().where('office_id', '=', officeId).where('year', '=', year).orderBy('sort_order').orderBy('id').execute();
}

export function findItem(db: Executor, id: number): Promise<AssessmentItem | undefined> {
  return db.selectFrom('assessment_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertItem(db: Executor, values: Insertable<AssessmentItemTable>): Promise<AssessmentItem> {
  return db.insertInto('assessment_items').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateItemRow(db: Executor, id: number, values: Updateable<AssessmentItemTable>): Promise<AssessmentItem> {
  return db.updateTable('assessment_items').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes an item with the scores entered for it. */
export async function deleteItemRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('assessment_scores').where('item_id', '=', id).execute();
  await db.deleteFrom('assessment_items').where('id', '=', id).execute();
}

export function scoresOfItems(db: Executor, itemIds: readonly number[]): Promise<AssessmentScore[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('assessment_scores').selectAll().where('item_id', 'in', [...itemIds]).execute();
}

export async function upsertScore(db: Executor, row: Insertable<AssessmentScoreTable>): Promise<void> {
  await db
    .insertInto('assessment_scores')
    .values(row)
    .onConflict((oc) => oc.columns(['item_id', 'agency_id']).doUpdateSet({ score: row.score, note: row.note, entered_by: row.entered_by, updated_at: row.updated_at }))
    .execute();
}

export async function deleteScore(db: Executor, itemId: number, agencyId: number): Promise<void> {
  await db.deleteFrom('assessment_scores').where('item_id', '=', itemId).where('agency_id', '=', agencyId).execute();
}
