/**
 * SQL texts that PostgreSQL should keep prepared on each connection, with their statement names.
 * A prepared query (prepared.ts) registers its PostgreSQL text here once; the pool in database.ts
 * runs a registered text as a named statement, so PostgreSQL parses and plans it once per
 * connection instead of on every call. Only these texts are named: SQL built per call (IN lists
 * of varying length) would leave a statement behind on the server for every variant.
 */
export const serverPreparedStatements = new Map<string, string>();

export function registerServerPrepared(sqlText: string): void {
  if (!serverPreparedStatements.has(sqlText)) serverPreparedStatements.set(sqlText, `gongkai_${serverPreparedStatements.size + 1}`);
}
