/** Password hashing (argon2id) and one-time passwords. */
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP-recommended parameters (19 MiB, 2 passes) — @node-rs/argon2's defaults. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the account does not exist, so that timing does not reveal it.
let dummyHash: Promise<string> | null = null;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hash('gongkai-dummy-password-Aa1!');
  await verifyPassword(await dummyHash, password);
}

const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#%+=?'];

/** A random 16-character one-time password with every character class (no look-alike characters). */
export function generateOneTimePassword(): string {
  const chars = SETS.map((set) => set[randomInt(set.length)]!);
  const all = SETS.join('');
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
