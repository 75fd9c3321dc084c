import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../test/db.js';
import { preparedQuery } from './prepared.js';
import type { Agency } from './schema.js';
import { serverPreparedStatements } from './statement-names.js';

const agenciesNamed = preparedQuery<{ kind: Agency['kind']; limit: number }, { name: string }>((db, param) => db
  .selectFrom('agencies')
  .select('name')
  .where('kind', '=', param('kind'))
  .where('name', 'like', '%政府%')
  .orderBy('id')
  .limit(param('limit')));

describe.each(DIALECTS)('prepared queries on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const at = '2026-03-02T00:00:00.000Z';
    const row = { credit_code: null, parent_id: null, sort_order: 0, created_at: at, updated_at: at };
    await ctx.database.db.insertInto('agencies').values([
      { ...row, name: '甲县人民政府', short_name: '甲县政府', kind: 'government' },
      { ...row, name: '甲县人民政府办公室', short_name: '甲县政府办', kind: 'office' },
      { ...row, name: '乙县人民政府', short_name: '乙县政府', kind: 'government' },
      { ...row, name: '甲县财政局', short_name: '甲县财政局', kind: 'department' },
    ] as never).execute();
  });
  afterAll(async () => {
    await ctx?.cleanup();
  });

  it('fills in new values on every call and keeps the values compiled into it', async () => {
    expect(await agenciesNamed(ctx.database.db, { kind: 'government', limit: 5 })).toEqual([{ name: '甲县人民政府' }, { name: '乙县人民政府' }]);
    expect(await agenciesNamed(ctx.database.db, { kind: 'government', limit: 1 })).toEqual([{ name: '甲县人民政府' }]);
    expect(await agenciesNamed(ctx.database.db, { kind: 'department', limit: 5 })).toEqual([]);
    expect(await agenciesNamed(ctx.database.db, { kind: 'office', limit: 5 })).toEqual([{ name: '甲县人民政府办公室' }]);
  });

  it('runs inside a transaction, seeing its uncommitted rows', async () => {
    const rollback = new Error('rollback');
    await expect(ctx.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('agencies').set({ kind: 'office' }).where('name', '=', '乙县人民政府').execute();
      expect(await agenciesNamed(trx, { kind: 'office', limit: 5 })).toEqual([{ name: '甲县人民政府办公室' }, { name: '乙县人民政府' }]);
      if (dialect === 'postgres') {
        // The same connection holds it as a named statement, parsed once.
        const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'gongkai_%'`.execute(trx);
        expect(rows.map((r) => r.statement)).toContain([...serverPreparedStatements.keys()].find((text) => text.includes('"kind" = $1')));
      }
      throw rollback;
    })).rejects.toBe(rollback);
    expect(await agenciesNamed(ctx.database.db, { kind: 'office', limit: 5 })).toEqual([{ name: '甲县人民政府办公室' }]);
  });
});
