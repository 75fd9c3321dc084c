/** Console pages of user administration. */
import { ROLE_LABELS, ROLES, type Role } from '../../domain/roles.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import type { UserListRow } from './repository.js';

function status(u: { disabled: number; locked_until: string | null; must_change_password: number }, now: Date) {
  if (u.disabled) return '已锁定';
  if (u.locked_until && new Date(u.locked_until) > now) return '登录失败锁定中';
  if (u.must_change_password) return '待修改初始密码';
  return '正常';
}

export function UserListPage(props: { users: UserListRow[]; canCreate: boolean; now: Date }) {
  return (
    <section>
      <h1>用户管理</h1>
      {props.canCreate && <p><a class="button" href="/console/users/new">新增用户</a></p>}
      <table class="data">
        <caption>用户（共{props.users.length}人）</caption>
        <thead>
          <tr><th scope="col">账号</th><th scope="col">姓名</th><th scope="col">所属单位</th><th scope="col">角色</th><th scope="col">状态</th></tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td><a href={`/console/users/${u.id}`}>{u.username}</a></td>
              <td>{u.display_name}</td>
              <td>{u.agency_name}</td>
              <td>{u.roles.map((r) => ROLE_LABELS[r]).join('、')}</td>
              <td>{status(u, props.now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface UserFormValues {
  username?: string;
  displayName?: string;
  agencyId?: string | number;
  email?: string | null;
  roles?: string | string[];
}

export function UserFormPage(props: {
  csrfToken: string;
  title: string;
  action: string;
  values: UserFormValues;
  agencies: AgencyNode[];
  grantable: readonly Role[];
  isNew: boolean;
  error?: string | null;
  fields?: FieldError[];
  userId?: number;
  locked?: boolean;
  canManage: boolean;
}) {
  const v = props.values;
  const selected = new Set(Array.isArray(v.roles) ? v.roles : v.roles ? [v.roles] : []);
  return (
    <section>
      <h1>{props.title}</h1>
      <FormErrors message={props.error} fields={props.fields} />
      <form method="post" action={props.action} class="form">
        <CsrfField token={props.csrfToken} />
        <fieldset disabled={!props.canManage}>
          <label for="username">账号</label>
          <input id="username" name="username" required maxLength={64} value={v.username ?? ''} readOnly={!props.isNew} />
          <label for="displayName">姓名</label>
          <input id="displayName" name="displayName" required maxLength={100} value={v.displayName ?? ''} />
          <label for="agencyId">所属单位</label>
          <select id="agencyId" name="agencyId" disabled={!props.isNew}>
            {props.agencies.map((a) => (
              <option value={String(a.id)} selected={String(v.agencyId ?? '') === String(a.id)}>{'　'.repeat(a.depth)}{a.name}</option>
            ))}
          </select>
          <label for="email">电子邮箱（用于期限提醒，可不填）</label>
          <input id="email" name="email" type="email" maxLength={200} value={v.email ?? ''} />
          <fieldset class="roles">
            <legend>角色</legend>
            {ROLES.filter((r) => props.grantable.includes(r) || selected.has(r)).map((r) => (
              <label class="check">
                <input type="checkbox" name="roles" value={r} checked={selected.has(r)} disabled={!props.grantable.includes(r)} />
                {ROLE_LABELS[r]}
              </label>
            ))}
          </fieldset>
          {props.canManage && <button type="submit">保存</button>}
        </fieldset>
      </form>
      {!props.isNew && props.canManage && props.userId !== undefined && (
        <div class="actions">
          <form method="post" action={`/console/users/${props.userId}/${props.locked ? 'unlock' : 'lock'}`} class="inline">
            <CsrfField token={props.csrfToken} />
            <button type="submit">{props.locked ? '解锁账号' : '锁定账号'}</button>
          </form>
          <form method="post" action={`/console/users/${props.userId}/reset-password`} class="inline">
            <CsrfField token={props.csrfToken} />
            <button type="submit">重置密码</button>
          </form>
        </div>
      )}
    </section>
  );
}

export function OneTimePasswordPage(props: { username: string; password: string; reset: boolean }) {
  return (
    <section class="narrow">
      <h1>{props.reset ? '密码已重置' : '用户已创建'}</h1>
      <p>
        账号 <strong>{props.username}</strong> 的一次性初始密码为：
      </p>
      <p class="otp"><code>{props.password}</code></p>
      <p class="notice">此密码只显示这一次，请当面或通过安全渠道交给本人。本人首次登录时必须修改密码。</p>
      <p><a href="/console/users">返回用户列表</a></p>
    </section>
  );
}
