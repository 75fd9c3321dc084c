import { describe, expect, it } from 'vitest';
import { entryHash, findChainBreak, GENESIS_HASH, type ChainedFields } from './audit-chain.js';

function chain(n: number) {
  const entries: Array<ChainedFields & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const f: ChainedFields = {
      seq, at: `2026-01-0${seq}T00:00:00.000Z`, actor_user_id: 1, actor_name: '张三', agency_id: 2, action: 'user.create',
      entity_type: 'user', entity_id: String(seq), data: '{}', ip: null, prev_hash: prev,
    };
    const e = { ...f, hash: entryHash(f) };
    entries.push(e);
    prev = e.hash;
  }
  return { entries, head: { seq: n, hash: prev } };
}

describe('audit hash chain', () => {
  it('an intact chain verifies', () => {
    const { entries, head } = chain(5);
    expect(findChainBreak(entries, head)).toBeNull();
  });
  it('an edited entry is reported at its sequence number', () => {
    const { entries, head } = chain(5);
    entries[2]!.actor_name = '李四';
    expect(findChainBreak(entries, head)).toMatchObject({ seq: 3, reason: 'content' });
  });
  it('a deleted entry is a gap', () => {
    const { entries, head } = chain(5);
    entries.splice(1, 1);
    expect(findChainBreak(entries, head)).toMatchObject({ seq: 2, reason: 'gap' });
  });
  it('removing the newest entry disagrees with the head', () => {
    const { entries, head } = chain(5);
    entries.pop();
    expect(findChainBreak(entries, head)).toMatchObject({ seq: 5, reason: 'head' });
  });
  it('an entry re-hashed after editing still breaks the link of the next one', () => {
    const { entries, head } = chain(5);
    entries[1]!.data = '{"x":1}';
    entries[1]!.hash = entryHash(entries[1]!);
    expect(findChainBreak(entries, head)).toMatchObject({ seq: 3, reason: 'link' });
  });
});
