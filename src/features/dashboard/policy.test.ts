import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { dashboardPolicy } from './policy.js';

const actor = (role: Role): Actor => ({ userId: 1, username: 'u', displayName: 'u', agencyId: 10, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([10]) });

describe('office dashboard permissions', () => {
  for (const role of ROLES) {
    it(`${role}`, () => {
      expect(dashboardPolicy.view(actor(role))).toBe(['systemAdmin', 'officeAdmin', 'auditor'].includes(role));
    });
  }
});
