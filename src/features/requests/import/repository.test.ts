/**
 * The import writer on SQLite (statements prepared on the raw connection) and PostgreSQL
 * (multi-row INSERTs): the same rows stored on both, the raw SQLite statements inside the
 * transaction they are run in, and batches past the multi-row limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../../test/db.js';
import { makeAgency } from '../../../../test/factories.js';
import type { RequestEvent } from '../../../domain/requests/types.js';
import { importWriter, type ImportedRequestValues } from './repository.js';

const AT = '2026-03-02T02:00:00.000Z';
const AUTHOR = { userId: null, name: '系统（命令行）', at: AT };

function request(agencyId: number, trackingNumber: string, receivedOn: string, repliedOn: string): ImportedRequestValues {
  return [
    agencyId, trackingNumber, 'a'.repeat(64), 'naturalPerson', '王小明', 'idCard',
    '11010519491231002X', null, '0874-1234567', null, null, 'id:11010519491231002X',
    '申请公开2025年校舍维修项目的招标文件', '未载明', '未载明', 'online', receivedOn, 'replied', 'granted', repliedOn, '2025-03-31',
    null, null, 0, AT, AT,
  ];
}

function timeline(receivedOn: string, repliedOn: string): RequestEvent[] {
  return [
    { type: 'registered', on: receivedOn, channel: 'online', evidence: { confirmedOn: receivedOn } },
    { type: 'decided', on: repliedOn, outcome: 'granted', articles: [], reason: '原记录未载明（历史记录导入）' },
    { type: 'replied', on: repliedOn, letterNumber: '原记录未载明（历史记录导入）', delivery: '原记录未载明（历史记录导入）' },
  ];
}

describe.each(DIALECTS)('the import writer on %s', (dialect) => {
  let ctx: TestContext;
  let agencyId: number;

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    agencyId = (await makeAgency(ctx, { name: '测试区教育局' })).id;
  });
  afterAll(async () => {
    await ctx?.cleanup();
  });

  it('stores each request with its events, seq from 1, the event fields as JSON', async () => {
    await ctx.database.db.transaction().execute(async (trx) => {
      const writer = importWriter(trx, ctx.database, AUTHOR);
      writer.add(request(agencyId, 'IMP20260302-0000001', '2025-03-03', '2025-03-20'), timeline('2025-03-03', '2025-03-20'));
      writer.add(request(agencyId, 'IMP20260302-0000002', '2025-03-04', '2025-03-21'), timeline('2025-03-04', '2025-03-21'));
      await writer.finish();
    });
    const requests = await ctx.database.db.selectFrom('requests').selectAll().orderBy('tracking_number').execute();
    expect(requests.map((r) => [r.tracking_number, r.agency_id, r.received_on, r.state, r.outcome, r.handled_on, r.due_date, r.public_log, r.due_flag])).toEqual([
      ['IMP20260302-0000001', agencyId, '2025-03-03', 'replied', 'granted', '2025-03-20', '2025-03-31', 0, null],
      ['IMP20260302-0000002', agencyId, '2025-03-04', 'replied', 'granted', '2025-03-21', '2025-03-31', 0, null],
    ]);
    const events = await ctx.database.db.selectFrom('request_events').selectAll().orderBy('request_id').orderBy('seq').execute();
    expect(events.map((e) => [e.request_id, e.seq, e.type, e.on_date])).toEqual([
      [requests[0]!.id, 1, 'registered', '2025-03-03'], [requests[0]!.id, 2, 'decided', '2025-03-20'], [requests[0]!.id, 3, 'replied', '2025-03-20'],
      [requests[1]!.id, 1, 'registered', '2025-03-04'], [requests[1]!.id, 2, 'decided', '2025-03-21'], [requests[1]!.id, 3, 'replied', '2025-03-21'],
    ]);
    expect(events.slice(0, 3).map((e) => e.data)).toEqual([
      '{"channel":"online","evidence":{"confirmedOn":"2025-03-03"}}',
      '{"outcome":"granted","articles":[],"reason":"原记录未载明（历史记录导入）"}',
      '{"letterNumber":"原记录未载明（历史记录导入）","delivery":"原记录未载明（历史记录导入）"}',
    ]);
    expect(events[0]).toMatchObject({ actor_user_id: null, actor_name: '系统（命令行）', at: AT });
  });

  it('writes inside the transaction: an error after the writes leaves nothing stored', async () => {
    const before = (await ctx.database.db.selectFrom('requests').select('id').execute()).length;
    const eventsBefore = (await ctx.database.db.selectFrom('request_events').select('id').execute()).length;
    await expect(ctx.database.db.transaction().execute(async (trx) => {
      const writer = importWriter(trx, ctx.database, AUTHOR);
      writer.add(request(agencyId, 'IMP20260302-0000003', '2025-04-01', '2025-04-10'), timeline('2025-04-01', '2025-04-10'));
      await writer.finish();
      throw new Error('abandoned');
    })).rejects.toThrow('abandoned');
    expect((await ctx.database.db.selectFrom('requests').select('id').execute()).length).toBe(before);
    expect((await ctx.database.db.selectFrom('request_events').select('id').execute()).length).toBe(eventsBefore);
  });

  it('more rows than one multi-row INSERT takes: every event on its own request', async () => {
    const count = 1_100;
    await ctx.database.db.transaction().execute(async (trx) => {
      const writer = importWriter(trx, ctx.database, AUTHOR);
      for (let i = 0; i < count; i++) {
        const number = `IMP20260303-${String(i + 1).padStart(7, '0')}`;
        writer.add(request(agencyId, number, '2025-05-06', '2025-05-20'), timeline('2025-05-06', '2025-05-20').slice(0, 1 + (i % 3)));
      }
      await writer.finish();
    });
    const rows = await ctx.database.db
      .selectFrom('requests')
      .leftJoin('request_events', 'request_events.request_id', 'requests.id')
      .select(['requests.tracking_number', (eb) => eb.fn.count('request_events.id').as('events'), (eb) => eb.fn.max('request_events.seq').as('last')])
      .where('requests.tracking_number', 'like', 'IMP20260303-%')
      .groupBy('requests.tracking_number')
      .orderBy('requests.tracking_number')
      .execute();
    expect(rows).toHaveLength(count);
    rows.forEach((r, i) => {
      expect(Number(r.events)).toBe(1 + (i % 3));
      expect(Number(r.last)).toBe(1 + (i % 3));
    });
  });
});
