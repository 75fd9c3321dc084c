import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { assessmentPolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('assessment permissions: role × action × own / other office', () => {
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      const viewers: Role[] = ['officeAdmin', 'auditor', 'systemAdmin'];
      expect([assessmentPolicy.view(a, OWN), assessmentPolicy.view(a, OTHER)]).toEqual([viewers.includes(role), role === 'systemAdmin']);
      expect([assessmentPolicy.configure(a, OWN), assessmentPolicy.configure(a, OTHER)]).toEqual([role === 'officeAdmin' || role === 'systemAdmin', role === 'systemAdmin']);
    });
  }
});
