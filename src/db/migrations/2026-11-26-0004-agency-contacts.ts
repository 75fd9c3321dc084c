import type { Kysely } from 'kysely';

/** The disclosure office's contacts of each agency, which its disclosure guide states (第十二条). */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of [
    ['office_name', 'varchar(200)'], ['office_address', 'varchar(300)'], ['office_hours', 'varchar(200)'], ['postal_code', 'varchar(10)'],
    ['phone', 'varchar(60)'], ['fax', 'varchar(60)'], ['email', 'varchar(200)'], ['website', 'varchar(300)'],
  ] as const) {
    await db.schema.alterTable('agencies').addColumn(name, type).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['office_name', 'office_address', 'office_hours', 'postal_code', 'phone', 'fax', 'email', 'website']) {
    await db.schema.alterTable('agencies').dropColumn(name).execute();
  }
}
