/**
 * Password policy of 等保 level-3 practice: at least 10 characters, at least three of the four
 * character classes (lower case, upper case, digits, symbols), and not containing the account name.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Problems with a proposed password, in Chinese; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(`密码至少${MIN_PASSWORD_LENGTH}位`);
  if ([...password].length > MAX_PASSWORD_LENGTH) problems.push(`密码不能超过${MAX_PASSWORD_LENGTH}位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、特殊字符中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不能包含账号名');
  }
  return problems;
}
