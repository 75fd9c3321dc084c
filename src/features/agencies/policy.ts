/** Who may do what with agencies. One line per rule; tested as a matrix in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const agencyPolicy = {
  /** Every staff member may see the agencies in their scope (names, codes, the tree). */
  view: (actor: Actor, agencyId: number) => inScope(actor, agencyId),
  /** Creating an agency under a parent: system or office administrators within their scope. */
  create: (actor: Actor, parentId: number) =>
    hasRole(actor, 'systemAdmin') || (hasRole(actor, 'officeAdmin') && inScope(actor, parentId)),
  /** A root agency (no parent) is a new installation-level government: system administrators only. */
  createRoot: (actor: Actor) => hasRole(actor, 'systemAdmin'),
  update: (actor: Actor, agencyId: number) =>
    hasRole(actor, 'systemAdmin') || (hasRole(actor, 'officeAdmin') && inScope(actor, agencyId)),
};
