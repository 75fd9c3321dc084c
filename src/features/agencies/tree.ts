/** The agency tree as plain data: subtrees, paths and the scope of a supervising office. */
import type { Agency } from '../../db/schema.js';

/** Ids of `rootId` and every agency below it. */
export function subtreeIds(agencies: readonly Pick<Agency, 'id' | 'parent_id'>[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const a of agencies) {
    if (a.parent_id !== null) children.set(a.parent_id, [...(children.get(a.parent_id) ?? []), a.id]);
  }
  const result = new Set<number>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

/**
 * The agencies a user of `agencyId` administers or supervises. A supervising office (kind
 * office, e.g. 区人民政府办公室) works for the government above it, so its scope is that
 * government's whole subtree; any other agency's scope is its own subtree.
 */
export function scopeOf(agencies: readonly Pick<Agency, 'id' | 'parent_id' | 'kind'>[], agencyId: number): Set<number> {
  const own = agencies.find((a) => a.id === agencyId);
  if (!own) return new Set();
  const root = own.kind === 'office' && own.parent_id !== null ? own.parent_id : own.id;
  return subtreeIds(agencies, root);
}

export interface AgencyNode extends Agency {
  depth: number;
}

/** Agencies in tree order (parents before children), each with its depth, limited to `visible`. */
export function treeOrder(agencies: readonly Agency[], visible: (id: number) => boolean): AgencyNode[] {
  const byParent = new Map<number | null, Agency[]>();
  for (const a of agencies) byParent.set(a.parent_id, [...(byParent.get(a.parent_id) ?? []), a]);
  const ids = new Set(agencies.map((a) => a.id));
  const out: AgencyNode[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const a of byParent.get(parent) ?? []) {
      const shown = visible(a.id);
      if (shown) out.push({ ...a, depth });
      walk(a.id, shown ? depth + 1 : depth);
    }
  };
  walk(null, 0);
  // Agencies whose parent is missing (should not happen) are still listed, at the top level.
  for (const a of agencies) if (a.parent_id !== null && !ids.has(a.parent_id) && visible(a.id)) out.push({ ...a, depth: 0 });
  return out;
}
