/** Console pages that belong to no single feature: sign-in, password change, dashboard. */
import { ROLE_LABELS, type Actor } from '../../domain/roles.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { FieldError } from '../../errors.js';
import type { TodoCard } from './todos.js';

export function LoginPage(props: { csrfToken: string; next: string; username?: string; error?: string | null; fields?: FieldError[] }) {
  return (
    <section class="narrow">
      <h1>工作人员登录</h1>
      <FormErrors message={props.error} fields={props.fields} />
      <form method="post" action="/console/login" class="form">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <label for="username">账号</label>
        <input id="username" name="username" autocomplete="username" required maxLength={64} value={props.username ?? ''} />
        <label for="password">密码</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxLength={256} />
        <button type="submit">登录</button>
      </form>
      <p class="hint">连续5次输入错误，账号将锁定15分钟。</p>
    </section>
  );
}

export function PasswordPage(props: { csrfToken: string; forced: boolean; error?: string | null; fields?: FieldError[] }) {
  return (
    <section class="narrow">
      <h1>修改密码</h1>
      {props.forced && <p class="notice" role="status">这是您的初始密码或已被重置的密码，请先设置新密码后再继续使用。</p>}
      <FormErrors message={props.error} fields={props.fields} />
      <form method="post" action="/console/password" class="form">
        <CsrfField token={props.csrfToken} />
        <label for="currentPassword">当前密码</label>
        <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required />
        <label for="newPassword">新密码</label>
        <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required aria-describedby="pw-rule" />
        <p id="pw-rule" class="hint">至少10位，须包含大写字母、小写字母、数字、特殊字符中的至少三类，且不能包含账号名。</p>
        <label for="confirmPassword">确认新密码</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" required />
        <button type="submit">保存新密码</button>
      </form>
    </section>
  );
}

export interface DashboardNotification {
  id: number;
  request_id: number | null;
  kind: string;
  message: string;
  created_at: string;
}

export function DashboardPage(props: { actor: Actor; agencyName: string; agencyCount: number; userCount: number | null; todos: TodoCard[]; missingCalendarYear: number | null; notifications: DashboardNotification[]; csrfToken: string }) {
  return (
    <section>
      <h1>工作台</h1>
      {props.missingCalendarYear !== null && (
        <p class="notice" role="alert">
          工作日历尚未包含{props.missingCalendarYear}年的节假日安排，跨年的法定期限将无法计算。<a href={`/console/calendar?year=${props.missingCalendarYear}`}>去录入</a>
        </p>
      )}
      <p>
        {props.agencyName} · {props.actor.roles.map((r) => ROLE_LABELS[r]).join('、')}
      </p>
      {props.notifications.length > 0 && (
        <section aria-labelledby="reminders" class="reminders">
          <h2 id="reminders">期限提醒（{props.notifications.length}）</h2>
          <ul>
            {props.notifications.map((n) => (
              <li class={n.kind === 'overdue' ? 'hard' : 'soft'}>{n.request_id ? <a href={`/console/requests/${n.request_id}`}>{n.message}</a> : n.message}</li>
            ))}
          </ul>
          <form method="post" action="/console/notifications/read" class="inline">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="secondary">全部标为已读</button>
          </form>
        </section>
      )}
      {props.todos.length > 0 && (
        <section aria-labelledby="todos">
          <h2 id="todos">待办事项</h2>
          <ul class="cards">
            {props.todos.map((t) => (
              <li>
                <a href={t.href}>
                  <strong class={t.late ? 'hard' : undefined}>{t.figure}</strong>
                  <span>{t.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul class="cards">
        <li>
          <a href="/console/agencies">
            <strong>{props.agencyCount}</strong>
            <span>可见单位</span>
          </a>
        </li>
        {props.userCount !== null && (
          <li>
            <a href="/console/users">
              <strong>{props.userCount}</strong>
              <span>用户</span>
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
