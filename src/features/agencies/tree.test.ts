import { describe, expect, it } from 'vitest';
import { scopeOf, subtreeIds } from './tree.js';

const agencies = [
  { id: 1, parent_id: null, kind: 'government' as const },
  { id: 2, parent_id: 1, kind: 'office' as const },
  { id: 3, parent_id: 1, kind: 'department' as const },
  { id: 4, parent_id: 3, kind: 'other' as const },
  { id: 5, parent_id: 1, kind: 'township' as const },
];

describe('agency tree', () => {
  it('a subtree holds the root and everything below it', () => {
    expect([...subtreeIds(agencies, 3)].sort()).toEqual([3, 4]);
  });
  it('a supervising office sees the whole subtree of its government', () => {
    expect([...scopeOf(agencies, 2)].sort()).toEqual([1, 2, 3, 4, 5]);
  });
  it('a department sees only itself and its units', () => {
    expect([...scopeOf(agencies, 3)].sort()).toEqual([3, 4]);
    expect([...scopeOf(agencies, 5)]).toEqual([5]);
  });
});
