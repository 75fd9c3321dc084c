import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { inspectionPolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('inspection permissions: role × action × own / other agency', () => {
  const rule = (roles: Role[]) => (role: Role) => [roles.includes(role), role === 'systemAdmin' && roles.includes(role)];
  const expected = {
    plan: rule(['officeAdmin', 'systemAdmin']),
    viewInspection: rule(['officeAdmin', 'systemAdmin', 'auditor']),
    viewTasks: rule(['agencyAdmin', 'drafter', 'reviewerFirst', 'reviewerSecond', 'reviewerFinal', 'officeAdmin', 'systemAdmin', 'auditor']),
    answer: rule(['agencyAdmin', 'drafter', 'reviewerFinal', 'systemAdmin']),
    verify: rule(['officeAdmin', 'systemAdmin']),
    issueNotice: rule(['officeAdmin', 'systemAdmin']),
    readNotice: rule([...ROLES]),
  } as const;
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      for (const [action, want] of Object.entries(expected)) {
        const check = inspectionPolicy[action as keyof typeof expected];
        expect([check(a, OWN), check(a, OTHER)], action).toEqual(want(role));
      }
    });
  }
});
