import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './database.js';

describe('the SQLite statement cache', () => {
  let sqlite: SQLite.Database;
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  it('hands back the same prepared statement for the same SQL, a fresh one while it is busy iterating', () => {
    sqlite = new SQLite(':memory:');
    const cached = withStatementCache(sqlite);
    const first = cached.prepare('select 1 as n union all select 2');
    expect(cached.prepare('select 1 as n union all select 2')).toBe(first);
    const rows = first.iterate();
    rows.next();
    const second = cached.prepare('select 1 as n union all select 2');
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ n: 1 }, { n: 2 }]);
    expect([...rows]).toEqual([{ n: 2 }]);
    expect(cached.prepare('select 1 as n union all select 2')).toBe(first);
  });

  it('keeps at most its size, dropping the least recently used, and still sees schema changes', () => {
    sqlite = new SQLite(':memory:');
    const cached = withStatementCache(sqlite, 2);
    sqlite.exec('create table t (a integer)');
    const a = cached.prepare('select * from t');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select * from t')).toBe(a); // now b is the least recently used
    cached.prepare('select 3');
    expect(cached.prepare('select * from t')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
    sqlite.exec('alter table t add column b integer; insert into t values (1, 2)');
    expect(cached.prepare('select * from t').all()).toEqual([{ a: 1, b: 2 }]);
  });
});
