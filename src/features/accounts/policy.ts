/** Who may do what with user accounts. One line per rule; tested as a matrix in policy.test.ts. */
import { hasRole, inScope, type Actor, type Role } from '../../domain/roles.js';

const admins = (actor: Actor) => hasRole(actor, 'systemAdmin', 'officeAdmin', 'agencyAdmin');

/** Roles an administrator may grant: nobody but a system administrator makes another one. */
const GRANTABLE: Record<'systemAdmin' | 'officeAdmin' | 'agencyAdmin', readonly Role[]> = {
  systemAdmin: [
    'systemAdmin', 'officeAdmin', 'agencyAdmin', 'drafter', 'reviewerFirst', 'reviewerSecond',
    'reviewerFinal', 'requestHandler', 'requestApprover', 'auditor',
  ],
  officeAdmin: [
    'officeAdmin', 'agencyAdmin', 'drafter', 'reviewerFirst', 'reviewerSecond', 'reviewerFinal',
    'requestHandler', 'requestApprover', 'auditor',
  ],
  agencyAdmin: ['drafter', 'reviewerFirst', 'reviewerSecond', 'reviewerFinal', 'requestHandler', 'requestApprover'],
};

export const accountPolicy = {
  view: (actor: Actor, agencyId: number) => (admins(actor) || hasRole(actor, 'auditor')) && inScope(actor, agencyId),
  create: (actor: Actor, agencyId: number) => admins(actor) && inScope(actor, agencyId),
  update: (actor: Actor, agencyId: number) => admins(actor) && inScope(actor, agencyId),
  lock: (actor: Actor, agencyId: number) => admins(actor) && inScope(actor, agencyId),
  resetPassword: (actor: Actor, agencyId: number) => admins(actor) && inScope(actor, agencyId),
  /** True when every role in `roles` may be granted (or revoked) by this actor. */
  grant: (actor: Actor, roles: readonly Role[]) => {
    const allowed = grantableRoles(actor);
    return roles.every((r) => allowed.includes(r));
  },
};

/** The roles this actor may grant or revoke. */
export function grantableRoles(actor: Actor): Role[] {
  const allowed = new Set<Role>();
  for (const admin of ['systemAdmin', 'officeAdmin', 'agencyAdmin'] as const) {
    if (hasRole(actor, admin)) GRANTABLE[admin].forEach((r) => allowed.add(r));
  }
  return [...allowed];
}
