/** Opening the configured database for a command, migrated, and closing it afterwards. */
import { loadConfig } from '../config.js';
import { systemClock, type AppContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    return await fn({ database, config, clock: systemClock });
  } finally {
    await database.close();
  }
}
