/**
 * Every setting gongkai reads from the environment, parsed and documented in one place.
 * README.md lists the same names; keep them stable.
 */
import path from 'node:path';

export interface Config {
  /** PORT: where the web server listens (default 3000). */
  port: number;
  /** HOST: interface to bind (default 0.0.0.0 — all interfaces). */
  host: string;
  /** GONGKAI_DATA_DIR: the SQLite database and the file store (default ./data). */
  dataDir: string;
  /** DATABASE_URL: postgres://… selects PostgreSQL; empty means embedded SQLite in dataDir. */
  databaseUrl: string | null;
  /** GONGKAI_ADMIN_PASSWORD: initial administrator password on the very first start. */
  adminPassword: string | null;
  /** GONGKAI_GOVERNMENT_NAME / GONGKAI_OFFICE_NAME: the agencies created on the first start. */
  governmentName: string;
  officeName: string;
  /** GONGKAI_SECURE_COOKIES: mark cookies Secure (set to true behind HTTPS). Default false. */
  secureCookies: boolean;
  /** GONGKAI_TRUST_PROXY: trust X-Forwarded-* from a reverse proxy (default false). */
  trustProxy: boolean;
  /** LOG_LEVEL: fatal, error, warn, info, debug, trace or silent (default info). */
  logLevel: string;
  /** GONGKAI_SESSION_IDLE_MINUTES: idle timeout of staff sessions (default 30, 等保 practice). */
  sessionIdleMinutes: number;
  /** GONGKAI_BODY_LIMIT: largest accepted request body in bytes (default 1 MiB). */
  bodyLimit: number;
  /** GONGKAI_SMTP_URL: smtp://user:pass@host:587 for deadline reminders by e-mail; empty = console only. */
  smtpUrl: string | null;
  /** GONGKAI_MAIL_FROM: sender address of those e-mails. */
  mailFrom: string;
  /** GONGKAI_LOGIN_RATE_LIMIT: sign-in attempts per minute from one address (default 20). */
  loginRateLimit: number;
  /** GONGKAI_PUBLIC_RATE_LIMIT: public form submissions per 10 minutes from one address (default 10). */
  publicRateLimit: number;
  /** GONGKAI_SWEEP_MINUTES: how often the server runs the deadline sweep (default 10; 0 = never). */
  sweepMinutes: number;
  /**
   * GONGKAI_PUBLIC_URL: the portal's public address (https://www.example.gov.cn), for the absolute
   * links of feeds, the sitemap and the static export. Empty: taken from each request's Host.
   */
  publicUrl: string | null;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0' || raw === 'no') return false;
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** A portal address (https://host[/path]) without its trailing slash; null when empty. */
export function parsePublicUrl(raw: string | undefined, name = 'GONGKAI_PUBLIC_URL'): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value)) throw new ConfigError(`${name} must be an http(s) address, got "${raw}"`);
  return value.replace(/\/+$/, '');
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it empty for SQLite)');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL is not a level: "${logLevel}"`);
  }
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.GONGKAI_DATA_DIR || 'data'),
    databaseUrl,
    adminPassword: env.GONGKAI_ADMIN_PASSWORD || null,
    governmentName: env.GONGKAI_GOVERNMENT_NAME || '本级人民政府',
    officeName: env.GONGKAI_OFFICE_NAME || '本级人民政府办公室',
    secureCookies: bool(env, 'GONGKAI_SECURE_COOKIES'),
    trustProxy: bool(env, 'GONGKAI_TRUST_PROXY'),
    logLevel,
    sessionIdleMinutes: int(env, 'GONGKAI_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    bodyLimit: int(env, 'GONGKAI_BODY_LIMIT', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    smtpUrl: env.GONGKAI_SMTP_URL?.trim() || null,
    mailFrom: env.GONGKAI_MAIL_FROM || 'gongkai@localhost',
    sweepMinutes: int(env, 'GONGKAI_SWEEP_MINUTES', 10, 0, 24 * 60),
    loginRateLimit: int(env, 'GONGKAI_LOGIN_RATE_LIMIT', 20, 1, 100_000),
    publicRateLimit: int(env, 'GONGKAI_PUBLIC_RATE_LIMIT', 10, 1, 100_000),
    publicUrl: parsePublicUrl(env.GONGKAI_PUBLIC_URL),
  };
}
