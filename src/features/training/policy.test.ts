import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { trainingPolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('training permissions: role × action × own / other agency', () => {
  const editors: Role[] = ['agencyAdmin', 'officeAdmin', 'systemAdmin'];
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      expect([trainingPolicy.view(a, OWN), trainingPolicy.view(a, OTHER)]).toEqual([true, role === 'systemAdmin']);
      expect([trainingPolicy.edit(a, OWN), trainingPolicy.edit(a, OTHER)]).toEqual([editors.includes(role), role === 'systemAdmin']);
    });
  }
});
