/** Who may see and configure website health. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const healthPolicy = {
  /** Every staff member sees the health of the agencies in their scope (their own site, or the office's subtree). */
  view: (actor: Actor, agencyId: number) => inScope(actor, agencyId),
  /** The thresholds and the external link checker are the supervising office's (installation-wide). */
  editSettings: (actor: Actor) => hasRole(actor, 'officeAdmin', 'systemAdmin'),
};
