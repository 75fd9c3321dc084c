/** Who may see the supervising office's dashboard. One line per rule; tested in policy.test.ts. */
import { hasRole, type Actor } from '../../domain/roles.js';

export const dashboardPolicy = {
  /** The office's administrators, its auditors (read-only) and system administrators; each sees the agencies in their scope. */
  view: (actor: Actor) => hasRole(actor, 'systemAdmin', 'officeAdmin', 'auditor'),
};
