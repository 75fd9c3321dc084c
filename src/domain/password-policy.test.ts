import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts 10+ characters with three classes', () => {
    expect(passwordProblems('Qingchuan2026', 'zhang')).toEqual([]);
    expect(passwordProblems('qingchuan@2026', 'zhang')).toEqual([]);
  });
  it('names each problem in Chinese', () => {
    expect(passwordProblems('Ab1!', 'zhang')).toEqual(['密码至少10位']);
    expect(passwordProblems('abcdefghijkl', 'zhang')).toEqual(['密码须包含大写字母、小写字母、数字、特殊字符中的至少三类']);
    expect(passwordProblems('Zhang-2026-abc', 'zhang')).toEqual(['密码不能包含账号名']);
  });
});
