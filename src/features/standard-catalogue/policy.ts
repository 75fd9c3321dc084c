/** Who may do what with the standard disclosure catalogue. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const standardCataloguePolicy = {
  /** Every staff member reads the catalogue (and its compliance) of the agencies in their scope. */
  view: (actor: Actor, agencyId: number) => inScope(actor, agencyId),
  /** Importing the catalogue, mapping matters to columns, removing matters: the agency's and the office's administrators. */
  edit: (actor: Actor, agencyId: number) => hasRole(actor, 'agencyAdmin', 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
  /** Every agency's compliance side by side: the supervising office (and its auditors). */
  overview: (actor: Actor) => hasRole(actor, 'officeAdmin', 'systemAdmin', 'auditor'),
};
