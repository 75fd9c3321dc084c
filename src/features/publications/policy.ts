/** Who may do what with proactive publication. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const publicationPolicy = {
  /** Staff who draft, review or supervise see the items of their scope. */
  view: (actor: Actor, agencyId: number) =>
    hasRole(actor, 'drafter', 'reviewerFirst', 'reviewerSecond', 'reviewerFinal', 'agencyAdmin', 'officeAdmin', 'systemAdmin', 'auditor') && inScope(actor, agencyId),
  /** Drafting and editing the working copy. */
  draft: (actor: Actor, agencyId: number) => hasRole(actor, 'drafter', 'agencyAdmin', 'systemAdmin') && inScope(actor, agencyId),
  /** Any review stage (which stage a reviewer may decide is the domain's reviewRefusal). */
  review: (actor: Actor, agencyId: number) => hasRole(actor, 'reviewerFirst', 'reviewerSecond', 'reviewerFinal') && inScope(actor, agencyId),
  /** Taking a published item off the portal. */
  withdraw: (actor: Actor, agencyId: number) => hasRole(actor, 'reviewerFinal', 'agencyAdmin', 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
  /** An agency's columns. */
  manageColumns: (actor: Actor, agencyId: number) => hasRole(actor, 'agencyAdmin', 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
  /** Whether an agency may use fewer than three review stages: the supervising office decides. */
  allowFewerStages: (actor: Actor, agencyId: number) => hasRole(actor, 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
  /** The number of stages, within what the office allows. */
  setStages: (actor: Actor, agencyId: number) => hasRole(actor, 'agencyAdmin', 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
  /** The installation-wide list of wrong phrases (严重表述错误). */
  manageWrongPhrases: (actor: Actor) => hasRole(actor, 'officeAdmin', 'systemAdmin'),
};
