/** Who may do what with annual reports. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

const editors = (actor: Actor) => hasRole(actor, 'systemAdmin', 'officeAdmin', 'agencyAdmin');
const office = (actor: Actor) => hasRole(actor, 'systemAdmin', 'officeAdmin', 'auditor');

export const reportPolicy = {
  /** Every staff member sees the reports of the agencies in their scope. */
  view: (actor: Actor, agencyId: number) => inScope(actor, agencyId),
  /** Entering figures and narrative: the agency's administrators and the supervising office. */
  edit: (actor: Actor, agencyId: number) => editors(actor) && inScope(actor, agencyId),
  /** Publishing and correcting: the same people (the office head's sign-off happens outside gongkai). */
  publish: (actor: Actor, agencyId: number) => editors(actor) && inScope(actor, agencyId),
  /** The status of every agency and the roll-up: the supervising office (and its auditors, read-only). */
  overview: (actor: Actor) => office(actor),
  rollUp: (actor: Actor) => hasRole(actor, 'systemAdmin', 'officeAdmin'),
};
