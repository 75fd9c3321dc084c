/**
 * The three-stage review (三审核) of an item: which role passes which stage, and who may not.
 * An agency passes items through three stages unless the supervising office allows it fewer;
 * with fewer, the final review (终审) always remains.
 */
import type { Role } from '../roles.js';

export type ItemStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'withdrawn';

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  review: '审核中',
  scheduled: '待定时发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/** The roles of the stages, in order, for an agency with this many stages (1–3). */
export function stageRoles(stagesRequired: number): Role[] {
  if (stagesRequired >= 3) return ['reviewerFirst', 'reviewerSecond', 'reviewerFinal'];
  if (stagesRequired === 2) return ['reviewerFirst', 'reviewerFinal'];
  return ['reviewerFinal'];
}

const ROLE_STAGE_LABELS: Partial<Record<Role, string>> = { reviewerFirst: '初审', reviewerSecond: '复审', reviewerFinal: '终审' };

/** 初审 / 复审 / 终审 for stage n (1-based) of an item. */
export function stageLabel(stagesRequired: number, stage: number): string {
  const role = stageRoles(stagesRequired)[stage - 1];
  return (role && ROLE_STAGE_LABELS[role]) ?? `第${stage}审`;
}

export function isFinalStage(stagesRequired: number, stage: number): boolean {
  return stage >= stageRoles(stagesRequired).length;
}

/** The three aspects every reviewer decides on. */
export const REVIEW_ASPECTS = [
  { key: 'confidentiality', label: '涉密性', question: '不含国家秘密、工作秘密、商业秘密和个人隐私' },
  { key: 'accuracy', label: '准确性', question: '内容、数据、表述准确，无错别字和严重表述错误' },
  { key: 'timeliness', label: '时效性', question: '在规定时限内发布，内容现行有效' },
] as const;
export type ReviewAspect = (typeof REVIEW_ASPECTS)[number]['key'];

export interface ReviewerCheck {
  actorUserId: number;
  actorRoles: readonly Role[];
  drafterUserId: number;
  submittedBy: number | null;
  stage: number;
  stagesRequired: number;
  /** Users who already decided an earlier stage of this round. */
  earlierReviewerIds: readonly number[];
}

/**
 * Why this person may not decide the item's current stage, or null when they may. Each stage is
 * decided by someone other than the drafter, the person who submitted it, and the reviewers of
 * the earlier stages of the same round — three different people besides the author.
 */
export function reviewRefusal(check: ReviewerCheck): string | null {
  const role = stageRoles(check.stagesRequired)[check.stage - 1];
  const label = stageLabel(check.stagesRequired, check.stage);
  if (!role || !check.actorRoles.includes(role)) return `只有${label}人可以进行${label}`;
  if (check.actorUserId === check.drafterUserId || check.actorUserId === check.submittedBy) return '起草人、提交人不能审核自己的信息';
  if (check.earlierReviewerIds.includes(check.actorUserId)) return '同一信息的各审核环节须由不同人员进行，您已审核过前一环节';
  return null;
}
