/**
 * Who may do what with the performance assessment (绩效考核). One line per rule; tested in
 * policy.test.ts. The score sheet is the supervising office's instrument: its administrators
 * configure and score it; auditors of the office read it; the assessed agencies do not see it here.
 */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const assessmentPolicy = {
  /** Reading an office's score sheet: its administrators and auditors, and system administrators. */
  view: (actor: Actor, officeId: number) => hasRole(actor, 'officeAdmin', 'auditor', 'systemAdmin') && inScope(actor, officeId),
  /** Configuring the items and entering manual scores: the office's own administrators, and system administrators. */
  configure: (actor: Actor, officeId: number) => hasRole(actor, 'systemAdmin') || (hasRole(actor, 'officeAdmin') && actor.agencyId === officeId),
};
