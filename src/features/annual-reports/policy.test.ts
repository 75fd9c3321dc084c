import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { reportPolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('annual report permissions: role × action × own / other agency', () => {
  const editors: Role[] = ['systemAdmin', 'officeAdmin', 'agencyAdmin'];
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      expect([reportPolicy.view(a, OWN), reportPolicy.view(a, OTHER)]).toEqual([true, role === 'systemAdmin']);
      expect([reportPolicy.edit(a, OWN), reportPolicy.edit(a, OTHER)]).toEqual([editors.includes(role), role === 'systemAdmin']);
      expect([reportPolicy.publish(a, OWN), reportPolicy.publish(a, OTHER)]).toEqual([editors.includes(role), role === 'systemAdmin']);
      expect(reportPolicy.overview(a)).toBe(['systemAdmin', 'officeAdmin', 'auditor'].includes(role));
      expect(reportPolicy.rollUp(a)).toBe(['systemAdmin', 'officeAdmin'].includes(role));
    });
  }
});
