/**
 * Staff roles. A user holds one or more roles, always within the one agency the user belongs to.
 * The three review stages are separate roles so that 三审核 is done by three different people.
 */
export const ROLES = [
  'systemAdmin',
  'officeAdmin',
  'agencyAdmin',
  'drafter',
  'reviewerFirst',
  'reviewerSecond',
  'reviewerFinal',
  'requestHandler',
  'requestApprover',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  systemAdmin: '系统管理员',
  officeAdmin: '公开办管理员',
  agencyAdmin: '单位管理员',
  drafter: '信息起草人',
  reviewerFirst: '初审人',
  reviewerSecond: '复审人',
  reviewerFinal: '终审人',
  requestHandler: '依申请公开承办人',
  requestApprover: '依申请公开审批人（机关负责人）',
  auditor: '审计员（只读）',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The person acting, as the policies see them. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  agencyId: number;
  roles: readonly Role[];
  /**
   * Agencies this actor may see and administer: 'all' for a system administrator; for staff of a
   * supervising office (kind office) the whole subtree of the government it serves; otherwise
   * the subtree of the actor's own agency.
   */
  scope: 'all' | ReadonlySet<number>;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

export function inScope(actor: Actor, agencyId: number): boolean {
  return actor.scope === 'all' || actor.scope.has(agencyId);
}
