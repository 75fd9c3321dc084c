import { describe, expect, it } from 'vitest';
import { isFinalStage, reviewRefusal, stageLabel, stageRoles } from './review.js';

describe('three-stage review', () => {
  it('maps stages to roles; fewer stages always keep the final review', () => {
    expect(stageRoles(3)).toEqual(['reviewerFirst', 'reviewerSecond', 'reviewerFinal']);
    expect(stageRoles(2)).toEqual(['reviewerFirst', 'reviewerFinal']);
    expect(stageRoles(1)).toEqual(['reviewerFinal']);
    expect([1, 2, 3].map((s) => stageLabel(3, s))).toEqual(['初审', '复审', '终审']);
    expect([1, 2].map((s) => stageLabel(2, s))).toEqual(['初审', '终审']);
    expect(isFinalStage(3, 2)).toBe(false);
    expect(isFinalStage(2, 2)).toBe(true);
  });

  const base = { actorUserId: 10, actorRoles: ['reviewerSecond'] as const, drafterUserId: 1, submittedBy: 1, stage: 2, stagesRequired: 3, earlierReviewerIds: [5] };
  it('lets a reviewer of the right role decide the current stage', () => {
    expect(reviewRefusal({ ...base, actorRoles: ['reviewerSecond'] })).toBeNull();
  });
  it('refuses the wrong role, the drafter, the submitter and an earlier stage’s reviewer', () => {
    expect(reviewRefusal({ ...base, actorRoles: ['reviewerFinal'] })).toBe('只有复审人可以进行复审');
    expect(reviewRefusal({ ...base, actorUserId: 1, actorRoles: ['reviewerSecond'] })).toBe('起草人、提交人不能审核自己的信息');
    expect(reviewRefusal({ ...base, submittedBy: 10, actorRoles: ['reviewerSecond'] })).toBe('起草人、提交人不能审核自己的信息');
    expect(reviewRefusal({ ...base, earlierReviewerIds: [10], actorRoles: ['reviewerSecond'] })).toBe('同一信息的各审核环节须由不同人员进行，您已审核过前一环节');
  });
});
