/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings and dates 'YYYY-MM-DD' strings on
 * both SQLite and PostgreSQL, so that values (and the audit hash over them) are identical on
 * either database. Booleans are integers 0/1 for the same reason.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type AgencyKind = 'government' | 'office' | 'department' | 'township' | 'other';

export interface AgencyTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  short_name: string;
  kind: AgencyKind;
  /** 统一社会信用代码 (GB 32100), validated with its check character. */
  credit_code: string | null;
  /** Prefix of the index numbers (索引号) of this agency's items; defaults to the credit code. */
  index_code: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  agency_id: number;
  username: string;
  display_name: string;
  email: string | null;
  /** argon2id hash (PHC string). */
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  /** Set after too many failed logins (15 minutes). */
  locked_until: string | null;
  /** Locked by an administrator until unlocked. */
  disabled: number;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  /** sha256 of the session token; the token itself exists only in the cookie. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  /** Position in the hash chain: 1, 2, 3, … without gaps. */
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  agency_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON object with the details of the change. */
  data: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the end of the audit chain, to detect removal of the latest entries. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface DB {
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  settings: SettingTable;
}

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type { ColumnType };
