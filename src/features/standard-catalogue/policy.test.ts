import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { standardCataloguePolicy } from './policy.js';

const OWN = 10;
const OTHER = 20;
const actor = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: OWN, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([OWN]),
});

describe('standard catalogue permissions: role × action × own / other agency', () => {
  const editors: Role[] = ['agencyAdmin', 'officeAdmin', 'systemAdmin'];
  const office: Role[] = ['officeAdmin', 'systemAdmin', 'auditor'];
  for (const role of ROLES) {
    it(`${role}`, () => {
      const a = actor(role);
      expect([standardCataloguePolicy.view(a, OWN), standardCataloguePolicy.view(a, OTHER)]).toEqual([true, role === 'systemAdmin']);
      expect([standardCataloguePolicy.edit(a, OWN), standardCataloguePolicy.edit(a, OTHER)]).toEqual([editors.includes(role), role === 'systemAdmin']);
      expect(standardCataloguePolicy.overview(a)).toBe(office.includes(role));
    });
  }
});
