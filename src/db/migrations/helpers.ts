import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * Adds an auto-incrementing integer primary key `id`: SQLite's INTEGER PRIMARY KEY
 * AUTOINCREMENT (never reuses ids) or PostgreSQL's identity column.
 */
export function idColumn<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
