import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { healthPolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('website health permissions: role × action × own / other agency', () => {
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      expect([healthPolicy.view(a, OWN), healthPolicy.view(a, OTHER)]).toEqual([true, role === 'systemAdmin']);
      expect(healthPolicy.editSettings(a)).toBe(['systemAdmin', 'officeAdmin'].includes(role));
    });
  }
});
