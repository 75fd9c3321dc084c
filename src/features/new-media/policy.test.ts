import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { newMediaPolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('政务新媒体 permissions: role × action × own / other agency', () => {
  const editors: Role[] = ['drafter', 'agencyAdmin', 'officeAdmin', 'systemAdmin'];
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      expect([newMediaPolicy.view(a, OWN), newMediaPolicy.view(a, OTHER)]).toEqual([true, role === 'systemAdmin']);
      expect([newMediaPolicy.edit(a, OWN), newMediaPolicy.edit(a, OTHER)]).toEqual([editors.includes(role), role === 'systemAdmin']);
    });
  }
});
