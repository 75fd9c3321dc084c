import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { publicationPolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('publication permissions: role × action × own / other agency', () => {
  const rule = (roles: Role[]) => (role: Role) => [roles.includes(role), role === 'systemAdmin' && roles.includes(role)];
  const expected = {
    view: rule(['drafter', 'reviewerFirst', 'reviewerSecond', 'reviewerFinal', 'agencyAdmin', 'officeAdmin', 'systemAdmin', 'auditor']),
    draft: rule(['drafter', 'agencyAdmin', 'systemAdmin']),
    review: rule(['reviewerFirst', 'reviewerSecond', 'reviewerFinal']),
    withdraw: rule(['reviewerFinal', 'agencyAdmin', 'officeAdmin', 'systemAdmin']),
    manageColumns: rule(['agencyAdmin', 'officeAdmin', 'systemAdmin']),
    allowFewerStages: rule(['officeAdmin', 'systemAdmin']),
    setStages: rule(['agencyAdmin', 'officeAdmin', 'systemAdmin']),
  } as const;
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      for (const [action, want] of Object.entries(expected)) {
        const check = publicationPolicy[action as keyof typeof expected];
        expect([check(a, OWN), check(a, OTHER)], action).toEqual(want(role));
      }
      expect(publicationPolicy.manageWrongPhrases(a)).toBe(['officeAdmin', 'systemAdmin'].includes(role));
    });
  }
});
