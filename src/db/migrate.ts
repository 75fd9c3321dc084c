/**
 * Runs the migrations. They are imported statically (not read from a folder) so that the
 * compiled product and the tests run exactly the same list. Never edit a landed migration.
 */
import { Migrator, type Migration, type MigrationResult } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/2026-11-26-0001-foundation.js';
import * as m0002 from './migrations/2026-11-26-0002-annual-reports.js';
import * as m0003 from './migrations/2026-11-26-0003-requests.js';
import * as m0004 from './migrations/2026-11-26-0004-agency-contacts.js';
import * as m0005 from './migrations/2026-11-26-0005-open-requests-index.js';
import * as m0006 from './migrations/2026-11-26-0006-publications.js';
import * as m0007 from './migrations/2026-11-26-0007-registry.js';
import * as m0008 from './migrations/2026-11-26-0008-search.js';
import * as m0009 from './migrations/2026-11-26-0009-health.js';
import * as m0010 from './migrations/2026-11-26-0010-new-media-training.js';
import * as m0011 from './migrations/2026-11-26-0011-inspections.js';
import * as m0012 from './migrations/2026-11-26-0012-standard-catalogue.js';
import * as m0013 from './migrations/2026-11-26-0013-portal-indexes.js';
import * as m0014 from './migrations/2026-11-27-0014-export-snapshot-index.js';
import * as m0015 from './migrations/2026-11-27-0015-item-corrections.js';
import * as m0016 from './migrations/2026-11-27-0016-covering-public-lists.js';

const migrations: Record<string, Migration> = {
  '2026-11-26-0001-foundation': m0001,
  '2026-11-26-0002-annual-reports': m0002,
  '2026-11-26-0003-requests': m0003,
  '2026-11-26-0004-agency-contacts': m0004,
  '2026-11-26-0005-open-requests-index': m0005,
  '2026-11-26-0006-publications': m0006,
  '2026-11-26-0007-registry': m0007,
  '2026-11-26-0008-search': m0008,
  '2026-11-26-0009-health': m0009,
  '2026-11-26-0010-new-media-training': m0010,
  '2026-11-26-0011-inspections': m0011,
  '2026-11-26-0012-standard-catalogue': m0012,
  '2026-11-26-0013-portal-indexes': m0013,
  '2026-11-27-0014-export-snapshot-index': m0014,
  '2026-11-27-0015-item-corrections': m0015,
  '2026-11-27-0016-covering-public-lists': m0016,
};

export async function migrateToLatest(database: Database): Promise<MigrationResult[]> {
  return migrate(database, (migrator) => migrator.migrateToLatest());
}

/** Runs the migrations up to and including `name` (the tests of a migration's data move). */
export async function migrateTo(database: Database, name: string): Promise<MigrationResult[]> {
  return migrate(database, (migrator) => migrator.migrateTo(name));
}

async function migrate(database: Database, run: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>) {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await run(migrator);
  if (error) throw error;
  return results ?? [];
}
