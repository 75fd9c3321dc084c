/** SQL of users, their roles and their sessions. */
import type { Executor } from '../../db/database.js';
import type { NewUser, User, UserTable } from '../../db/schema.js';
import type { Updateable } from 'kysely';
import { isRole, type Role } from '../../domain/roles.js';

export function findUser(db: Executor, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(db: Executor, values: NewUser): Promise<User> {
  return db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateUserRow(db: Executor, id: number, values: Updateable<UserTable>): Promise<User> {
  return db.updateTable('users').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function rolesOf(db: Executor, userId: number): Promise<Role[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role).filter(isRole);
}

export async function setRoles(db: Executor, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface UserListRow extends User {
  agency_name: string;
  roles: Role[];
}

/** Users of the given agencies (null = all), with agency name and roles. */
export async function listUsers(db: Executor, agencyIds: readonly number[] | null): Promise<UserListRow[]> {
  let q = db.selectFrom('users').innerJoin('agencies', 'agencies.id', 'users.agency_id').selectAll('users').select('agencies.name as agency_name');
  if (agencyIds !== null) q = q.where('users.agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1]);
  const users = await q.orderBy('agencies.sort_order').orderBy('users.agency_id').orderBy('users.username').execute();
  const roleRows = users.length
    ? await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', users.map((u) => u.id)).execute()
    : [];
  return users.map((u) => ({ ...u, roles: roleRows.filter((r) => r.user_id === u.id).map((r) => r.role).filter(isRole) }));
}

export async function insertSession(db: Executor, values: { id_hash: string; user_id: number; created_at: string; last_seen_at: string; ip: string | null; user_agent: string | null }) {
  await db.insertInto('sessions').values(values).execute();
}

export function findSession(db: Executor, idHash: string) {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Executor, idHash: string, at: string) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Executor, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number, exceptIdHash?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
  await q.execute();
}

/** Removes sessions idle since before `cutoff` (a sweep; safe to run any number of times). */
export async function deleteIdleSessions(db: Executor, cutoff: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('last_seen_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
