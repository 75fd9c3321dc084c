/** Who may do what with disclosure requests. One line per rule; tested in policy.test.ts. */
import { hasRole, inScope, type Actor } from '../../domain/roles.js';

export const requestPolicy = {
  /** Handlers, approvers, administrators and auditors see the requests of their scope. */
  view: (actor: Actor, agencyId: number) =>
    hasRole(actor, 'requestHandler', 'requestApprover', 'agencyAdmin', 'officeAdmin', 'systemAdmin', 'auditor') && inScope(actor, agencyId),
  /** Registering and moving a request along its procedure. */
  handle: (actor: Actor, agencyId: number) => hasRole(actor, 'requestHandler', 'requestApprover', 'systemAdmin') && inScope(actor, agencyId),
  /** 第三十三条第二款: an extension is approved by the head of the office; the head signs replies. */
  approve: (actor: Actor, agencyId: number) => hasRole(actor, 'requestApprover', 'systemAdmin') && inScope(actor, agencyId),
  /** Agencies adjust the wording of their letter templates. */
  editTemplates: (actor: Actor, agencyId: number) => hasRole(actor, 'agencyAdmin', 'officeAdmin', 'systemAdmin') && inScope(actor, agencyId),
};
