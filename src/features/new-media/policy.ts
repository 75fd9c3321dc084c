/** Who may do what with the register of 政务新媒体. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const newMediaPolicy = {
  /** Every staff member (auditors included) reads the accounts of the agencies in their scope. */
  view: (actor: Actor, agencyId: number) => inScope(actor, agencyId),
  /** Registering accounts, closing them and entering or importing their monthly item counts. */
  edit: (actor: Actor, agencyId: number) => hasRole(actor, 'drafter', 'agencyAdmin', 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
};
