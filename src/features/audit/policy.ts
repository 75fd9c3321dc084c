/** Who may read the audit log. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const auditPolicy = {
  /** Auditors and administrators read the log of the agencies in their scope. */
  view: (actor: Actor) => hasRole(actor, 'systemAdmin', 'officeAdmin', 'auditor'),
  viewAgency: (actor: Actor, agencyId: number) =>
    hasRole(actor, 'systemAdmin', 'officeAdmin', 'auditor') && inScope(actor, agencyId),
  /** Entries with no agency (system events such as start-up) are for system administrators and their auditors. */
  viewUnscoped: (actor: Actor) => actor.scope === 'all' || hasRole(actor, 'systemAdmin'),
};
