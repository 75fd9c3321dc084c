/** Who may do what with training records. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const trainingPolicy = {
  /** Every staff member reads the trainings organised by, or attended from, the agencies in their scope. */
  view: (actor: Actor, agencyId: number) => inScope(actor, agencyId),
  /** Recording a training and its participants is the organising agency's administrators' work. */
  edit: (actor: Actor, organiserAgencyId: number) => hasRole(actor, 'agencyAdmin', 'officeAdmin', 'systemAdmin') && inScope(actor, organiserAgencyId),
};
