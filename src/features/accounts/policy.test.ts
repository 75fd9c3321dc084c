/**
 * The permission matrix: role × action × own agency / other agency. Agency 10 is the actor's
 * own department; 20 another department; office staff (agency 2) see the government's subtree.
 */
import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../domain/roles.js';
import { agencyPolicy } from '../agencies/policy.js';
import { auditPolicy } from '../audit/policy.js';
import { accountPolicy } from './policy.js';

const DEPT = 10;
const OTHER = 20;
const department = (role: Role): Actor => ({
  userId: 1, username: 'u', displayName: 'u', agencyId: DEPT, roles: [role], scope: role === 'systemAdmin' ? 'all' : new Set([DEPT]),
});
const office = (role: Role): Actor => ({
  userId: 2, username: 'o', displayName: 'o', agencyId: 2, roles: [role], scope: new Set([1, 2, DEPT, OTHER]),
});

type Check = (a: Actor, agencyId: number) => boolean;
const ACTIONS: Record<string, Check> = {
  'agency.view': agencyPolicy.view,
  'agency.create': agencyPolicy.create,
  'agency.update': agencyPolicy.update,
  'user.view': accountPolicy.view,
  'user.create': accountPolicy.create,
  'user.update': accountPolicy.update,
  'user.lock': accountPolicy.lock,
  'user.resetPassword': accountPolicy.resetPassword,
  'audit.view': auditPolicy.viewAgency,
};

/** Expected for a department user: [own agency, other agency]. */
const DEPARTMENT_MATRIX: Record<Role, Record<string, [boolean, boolean]>> = Object.fromEntries(
  ROLES.map((role) => {
    // officeAdmin is granted only in a supervising office (the service refuses it elsewhere);
    // held in a department it would still be confined to that department's scope.
    const office = role === 'officeAdmin';
    const admin = role === 'agencyAdmin' || office;
    const sys = role === 'systemAdmin';
    const row: Record<string, [boolean, boolean]> = {
      'agency.view': [true, sys],
      'agency.create': [sys || office, sys],
      'agency.update': [sys || office, sys],
      'user.view': [sys || admin || role === 'auditor', sys],
      'user.create': [sys || admin, sys],
      'user.update': [sys || admin, sys],
      'user.lock': [sys || admin, sys],
      'user.resetPassword': [sys || admin, sys],
      'audit.view': [sys || office || role === 'auditor', sys],
    };
    return [role, row];
  }),
) as never;

describe('permission matrix, department staff', () => {
  for (const role of ROLES) {
    for (const [action, check] of Object.entries(ACTIONS)) {
      const [own, other] = DEPARTMENT_MATRIX[role][action]!;
      it(`${role} ${action}: own ${own}, other ${other}`, () => {
        expect(check(department(role), DEPT)).toBe(own);
        expect(check(department(role), OTHER)).toBe(other);
      });
    }
  }
});

describe('permission matrix, supervising office staff', () => {
  it('an office administrator administers every agency of the district but not outside it', () => {
    const a = office('officeAdmin');
    for (const action of ['agency.create', 'agency.update', 'user.create', 'user.lock', 'audit.view']) {
      expect(ACTIONS[action]!(a, OTHER)).toBe(true);
      expect(ACTIONS[action]!(a, 99)).toBe(false);
    }
  });
  it('an office drafter administers nothing', () => {
    const a = office('drafter');
    for (const action of ['agency.create', 'user.view', 'user.create', 'audit.view']) expect(ACTIONS[action]!(a, OTHER)).toBe(false);
  });
  it('an office auditor reads users and the audit log of the district, and changes nothing', () => {
    const a = office('auditor');
    expect(ACTIONS['user.view']!(a, OTHER)).toBe(true);
    expect(ACTIONS['audit.view']!(a, OTHER)).toBe(true);
    expect(ACTIONS['user.update']!(a, OTHER)).toBe(false);
  });
});

describe('granting roles', () => {
  it('only a system administrator makes another system administrator', () => {
    expect(accountPolicy.grant(department('systemAdmin'), ['systemAdmin'])).toBe(true);
    expect(accountPolicy.grant(office('officeAdmin'), ['systemAdmin'])).toBe(false);
  });
  it('an agency administrator grants working roles but no administrator or auditor role', () => {
    expect(accountPolicy.grant(department('agencyAdmin'), ['drafter', 'reviewerFinal', 'requestApprover'])).toBe(true);
    expect(accountPolicy.grant(department('agencyAdmin'), ['agencyAdmin'])).toBe(false);
    expect(accountPolicy.grant(department('agencyAdmin'), ['auditor'])).toBe(false);
  });
});
