/**
 * The audit log is a hash chain: each entry stores the hash of the previous entry and a hash of
 * its own content together with that previous hash. Editing or deleting any entry breaks the
 * chain at that point; removing the newest entries is caught by the stored head (seq and hash).
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields of an entry that its hash covers (everything but the hash itself); the audit_log
 * table is these plus `hash`. `seq` is the position in the chain: 1, 2, 3, … without gaps; `data`
 * is a JSON object with the details of the change.
 */
export interface ChainedFields {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  agency_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: string;
  ip: string | null;
  prev_hash: string;
}

/** sha256 over a canonical JSON array of the fields, in a fixed order. */
export function entryHash(e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.seq, e.at, e.actor_user_id, e.actor_name, e.agency_id, e.action, e.entity_type, e.entity_id,
    e.data, e.ip, e.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'content' | 'link' | 'gap' | 'head';
  message: string;
}

/**
 * Walks the chain in seq order and returns the first broken link, or null when intact.
 * `entries` must be sorted by seq ascending; `head` is the stored end of the chain.
 */
export function findChainBreak(
  entries: Iterable<ChainedFields & { hash: string }>,
  head: { seq: number; hash: string },
): ChainBreak | null {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const e of entries) {
    if (e.seq !== expectedSeq) {
      return { seq: expectedSeq, reason: 'gap', message: `第${expectedSeq}条记录缺失（下一条为第${e.seq}条）` };
    }
    if (e.prev_hash !== prevHash) {
      return { seq: e.seq, reason: 'link', message: `第${e.seq}条记录的前序哈希与第${e.seq - 1}条不符` };
    }
    if (entryHash(e) !== e.hash) {
      return { seq: e.seq, reason: 'content', message: `第${e.seq}条记录的内容已被改动（哈希不符）` };
    }
    prevHash = e.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  if (head.seq !== lastSeq || head.hash !== prevHash) {
    return {
      seq: lastSeq + 1,
      reason: 'head',
      message: `日志末尾与链头不符：链头记录到第${head.seq}条，实际最后一条为第${lastSeq}条`,
    };
  }
  return null;
}
