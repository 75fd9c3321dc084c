/** Who may do what with the records of 政府信息管理. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const registryPolicy = {
  /** Every staff member (auditors included) reads the records of the agencies in their scope. */
  view: (actor: Actor, agencyId: number) => inScope(actor, agencyId),
  /** Keeping the register, entering the year's figures and importing decision lists. */
  edit: (actor: Actor, agencyId: number) => hasRole(actor, 'drafter', 'agencyAdmin', 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
};
