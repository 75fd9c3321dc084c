import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { registryPolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('政府信息管理 permissions: role × action × own / other agency', () => {
  const editors: Role[] = ['drafter', 'agencyAdmin', 'officeAdmin', 'systemAdmin'];
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      expect([registryPolicy.view(a, OWN), registryPolicy.view(a, OTHER)]).toEqual([true, role === 'systemAdmin']);
      expect([registryPolicy.edit(a, OWN), registryPolicy.edit(a, OTHER)]).toEqual([editors.includes(role), role === 'systemAdmin']);
    });
  }
});
