/** Who may do what with inspections, rectification and notices. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const inspectionPolicy = {
  /** The supervising office plans inspections over the agencies it supervises and records findings. */
  plan: (actor: Actor, agencyId: number) => hasRole(actor, 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
  /** An inspection with every agency's findings: the office that planned it (and auditors of its scope). */
  viewInspection: (actor: Actor, officeAgencyId: number) => hasRole(actor, 'officeAdmin', 'systemAdmin', 'auditor') && inScope(actor, officeAgencyId),
  /** An agency's rectification tasks: its own staff who keep the content, the office, auditors. */
  viewTasks: (actor: Actor, agencyId: number) =>
    hasRole(actor, 'agencyAdmin', 'drafter', 'reviewerFirst', 'reviewerSecond', 'reviewerFinal', 'officeAdmin', 'systemAdmin', 'auditor') && inScope(actor, agencyId),
  /** The agency answers a task: its administrator, drafters or final reviewer (who fix the content). */
  answer: (actor: Actor, agencyId: number) => hasRole(actor, 'agencyAdmin', 'drafter', 'reviewerFinal', 'systemAdmin') && inScope(actor, agencyId),
  /** The office accepts or returns an answer. */
  verify: (actor: Actor, agencyId: number) => hasRole(actor, 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
  /** Notices are drafted, numbered, issued and published by the office. */
  issueNotice: (actor: Actor, officeAgencyId: number) => hasRole(actor, 'officeAdmin', 'systemAdmin') && inScope(actor, officeAgencyId),
  /** An issued notice reaches the console of every agency it concerns (any staff role). */
  readNotice: (actor: Actor, agencyId: number) => actor.roles.length > 0 && inScope(actor, agencyId),
};
